import Foundation
import Testing

/// The hostile archives (bombs, deep nesting, traversal names, a central directory pointing
/// outside the file) through the built binary: every file ends with a status, notes stay short,
/// and the process's peak memory stays under 200 MB.
@Suite("Hostile archives end to end")
struct HostileArchiveEndToEndTests {
    @Test("hostile archives end within the limits, in bounded memory")
    func hostileArchives() throws {
        let folder = TestSupport.corpus.appendingPathComponent("archives/hostile")
        let result = try CLIRunner.run(["scan", folder.path, "--format", "json", "--jobs", "1"])
        #expect([0, 1, 3].contains(result.status), "exit \(result.status): \(result.stderrText)")
        let json = try result.json()
        let files = json["files"] as? [[String: Any]] ?? []
        #expect(files.count >= 8)
        for file in files {
            let status = file["status"] as? String ?? ""
            #expect(["scanned", "error", "skipped"].contains(status), "\(file["path"] ?? "")")
            #expect((file["notes"] as? [String] ?? []).count <= 101, "\(file["path"] ?? ""): notes are capped")
        }
        // The largest child this test process has waited for: the scan above, or a smaller one.
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        let peakMB = Double(usage.ru_maxrss) / 1024
        print("hostile archives: peak RSS of the pdpcheck process \(String(format: "%.1f", peakMB)) MB")
        #expect(peakMB < 200, "peak memory \(peakMB) MB")
    }
}
