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
        // Peak memory of this scan alone: python3 (installed by the test command) runs the
        // binary and reports its child's maximum RSS; this test process's own rusage would mix
        // in every other child the suite has started.
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", """
            import resource, subprocess, sys
            subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            """, try #require(CLIRunner.binary).path, "scan", folder.path, "--format", "json", "--jobs", "1"]
        let pipe = Pipe()
        probe.standardOutput = pipe
        try probe.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        probe.waitUntilExit()
        let kilobytes = Double(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? .infinity
        let peakMB = kilobytes / 1024
        print("hostile archives: peak RSS of the pdpcheck process \(String(format: "%.1f", peakMB)) MB")
        #expect(peakMB < 200, "peak memory \(peakMB) MB")
    }
}
