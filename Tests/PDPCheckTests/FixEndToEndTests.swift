import Foundation
import Testing
@testable import PDPCheck

/// `pdpcheck fix` through the built binary: copies land under --out, the inputs are untouched
/// (bytes and modification time) after a fix and after a failed one, every copy re-scans
/// clean of what a fix can remove, and --in-place keeps the original.
@Suite("pdpcheck fix, end to end", .serialized)
struct FixEndToEndTests {
    /// A scratch copy of some corpus inputs: a draft, photos, a video, office files, an archive, a PDF.
    static let samples = [
        "drafts/charity-01.txt", "drafts/lost-id-01.txt",
        "media/jpeg/gps-exif.jpg", "media/jpeg/faces-mwg.jpg", "media/jpeg/serials.jpg",
        "media/png/exif-gps.png", "media/video/iphone.mov", "media/video/samsung.mp4",
        "documents/office/hop-dong-thue-nha.docx", "documents/office/bien-ban-hop.odt",
        "archives/ho-so-ung-tuyen.zip", "documents/pdf/incremental-update.pdf",
    ]

    struct Snapshot: Equatable {
        var bytes: [UInt8]
        var modified: Date
    }

    func stage() throws -> (root: URL, inputs: URL, files: [String]) {
        let root = try TestSupport.makeTemporaryDirectory()
        let inputs = root.appendingPathComponent("in")
        var files: [String] = []
        for sample in Self.samples {
            let source = TestSupport.corpus.appendingPathComponent(sample)
            guard FileManager.default.fileExists(atPath: source.path) else { continue }
            let target = inputs.appendingPathComponent(sample)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: target)
            files.append(sample)
        }
        return (root, inputs, files)
    }

    func snapshot(_ dir: URL, _ files: [String]) throws -> [String: Snapshot] {
        var out: [String: Snapshot] = [:]
        for f in files {
            let url = dir.appendingPathComponent(f)
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            out[f] = Snapshot(bytes: [UInt8](try Data(contentsOf: url)),
                              modified: attributes[.modificationDate] as? Date ?? .distantPast)
        }
        return out
    }

    @Test func copiesAreCleanAndInputsUntouched() throws {
        guard CLIRunner.binary != nil else { Issue.record("pdpcheck binary not built"); return }
        let (root, inputs, files) = try stage()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(files.count == Self.samples.count, "corpus samples present")
        let before = try snapshot(inputs, files)
        let out = root.appendingPathComponent("out")

        let result = try CLIRunner.run(["fix", "in", "--out", "out", "--format", "json"], currentDirectory: root)
        let json = try result.json()
        let summary = try #require(json["summary"] as? [String: Any])
        let reports = try #require(json["files"] as? [[String: Any]])
        #expect(reports.count == files.count)
        // The PDF is reported as needing re-export: status 1, not an error.
        #expect(result.status == 1, "\(result.stderrText)")
        #expect(summary["errors"] as? Int == 0)
        #expect(summary["remaining"] as? Int == 0, "nothing a fix can remove is left in any copy")
        #expect((summary["fixed"] as? Int ?? 0) >= 7)
        #expect(try snapshot(inputs, files) == before, "inputs untouched: bytes and modification time")

        for report in reports {
            let path = try #require(report["path"] as? String)
            let status = report["status"] as? String
            if path.hasSuffix(".pdf") {
                #expect(status == "not-fixed")
                #expect(report["output"] == nil || report["output"] is NSNull)
                #expect((report["reason"] as? String ?? "").contains("re-export"))
                continue
            }
            #expect(status == "fixed", "\(path): \(report)")
            let output = try #require(report["output"] as? String)
            #expect(output == "out/" + path, "copies mirror the input paths")
            if let payload = report["payload"] as? [String: Any] {
                #expect(payload["unchanged"] as? Bool == true, "\(path): image data identical")
            }
        }
        // Re-scan the copies with the same policy: no finding a fix can remove on its own.
        let rescan = try CLIRunner.run(["scan", "out", "--format", "json", "--fail-on", "never"], currentDirectory: root)
        let rescanned = try #require(try rescan.json()["files"] as? [[String: Any]])
        #expect(rescanned.count == files.count - 1, "every copy but the PDF's")
        for file in rescanned {
            for finding in file["findings"] as? [[String: Any]] ?? [] {
                let fix = finding["fix"] as? [String: Any]
                let automatic = fix?["automatic"] as? Bool ?? false
                #expect(!automatic, "\(file["path"] ?? "?"): \(finding["category"] ?? "?") \(finding["evidence"] ?? "") left in the copy")
            }
        }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("in/media/jpeg/gps-exif.jpg").path))
    }

    @Test func failedFixWritesNothingAndLeavesInputs() throws {
        guard CLIRunner.binary != nil else { Issue.record("pdpcheck binary not built"); return }
        let (root, inputs, files) = try stage()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try snapshot(inputs, files)
        // The output folder is a file: every write fails.
        try Data("not a folder".utf8).write(to: root.appendingPathComponent("blocked"))
        let failed = try CLIRunner.run(["fix", "in", "--out", "blocked"], currentDirectory: root)
        #expect(failed.status == 3, "\(failed.stdoutText)")
        #expect(try snapshot(inputs, files) == before)
        // Pointing --out at the inputs' own folder never writes over an input.
        let same = try CLIRunner.run(["fix", "in/media/jpeg/gps-exif.jpg", "--out", "."], currentDirectory: root)
        #expect(same.status == 3)
        #expect(same.stdoutText.contains("would replace the input"), "\(same.stdoutText)")
        #expect(try snapshot(inputs, files) == before)
        // Nothing half-written is left behind: no temporary files next to the inputs.
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: inputs.path).filter { $0.contains(".pdpcheck-") }
        #expect(leftovers.isEmpty)
        // Usage errors: no target, --in-place without a backup, stdin.
        #expect(try CLIRunner.run(["fix", "in"], currentDirectory: root).status == 2)
        #expect(try CLIRunner.run(["fix", "in", "--in-place"], currentDirectory: root).status == 2)
        #expect(try CLIRunner.run(["fix", "-", "--out", "x"], currentDirectory: root).status == 2)
        #expect(try snapshot(inputs, files) == before)
    }

    @Test func inPlaceKeepsTheOriginal() throws {
        guard CLIRunner.binary != nil else { Issue.record("pdpcheck binary not built"); return }
        let (root, inputs, _) = try stage()
        defer { try? FileManager.default.removeItem(at: root) }
        let photo = inputs.appendingPathComponent("media/jpeg/gps-exif.jpg")
        let original = try Data(contentsOf: photo)
        let result = try CLIRunner.run(["fix", photo.path, "--in-place", "--backup-suffix", ".orig"], currentDirectory: root)
        #expect(result.status == 0, "\(result.stdoutText)\(result.stderrText)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: photo.path + ".orig")) == original)
        let cleaned = try Data(contentsOf: photo)
        #expect(cleaned != original)
        let scan = try CLIRunner.run(["scan", photo.path, "--format", "json", "--fail-on", "never"])
        let findings = (try scan.json()["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]] ?? []
        #expect(!findings.contains { $0["category"] as? String == "gps_location" })
        // A second run refuses: the backup exists and is never overwritten.
        let again = try CLIRunner.run(["fix", photo.path, "--in-place", "--backup-suffix", ".orig"], currentDirectory: root)
        #expect(again.status == 3)
        #expect(try Data(contentsOf: URL(fileURLWithPath: photo.path + ".orig")) == original)
    }

    @Test func unchangedFilesCopiedOrSkipped() throws {
        guard CLIRunner.binary != nil else { Issue.record("pdpcheck binary not built"); return }
        let root = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let clean = root.appendingPathComponent("clean.jpg")
        try FileManager.default.copyItem(at: TestSupport.corpus.appendingPathComponent("media/jpeg/clean.jpg"), to: clean)
        let copied = try CLIRunner.run(["fix", "clean.jpg", "--out", "a", "--format", "json"], currentDirectory: root)
        #expect(copied.status == 0)
        #expect(try Data(contentsOf: root.appendingPathComponent("a/clean.jpg")) == Data(contentsOf: clean))
        let skipped = try CLIRunner.run(["fix", "clean.jpg", "--out", "b", "--unchanged", "skip"], currentDirectory: root)
        #expect(skipped.status == 0)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("b/clean.jpg").path))
    }

    @Test func reportInBothLanguagesAndMarkdown() throws {
        guard CLIRunner.binary != nil else { Issue.record("pdpcheck binary not built"); return }
        let (root, _, _) = try stage()
        defer { try? FileManager.default.removeItem(at: root) }
        let vi = try CLIRunner.run(["fix", "in/media/jpeg/gps-exif.jpg", "--out", "o1", "--lang", "vi"], currentDirectory: root)
        #expect(vi.stdoutText.contains("ĐÃ SỬA"))
        #expect(vi.stdoutText.contains("dữ liệu ảnh giữ nguyên"))
        let md = try CLIRunner.run(["fix", "in/drafts/charity-01.txt", "--out", "o2", "--format", "markdown",
                                    "--report", "fix.md"], currentDirectory: root)
        #expect(md.stdout.isEmpty)
        let markdown = try String(contentsOf: root.appendingPathComponent("fix.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# pdpcheck fix"))
        #expect(markdown.contains("Phone number"))
    }
}
