import Foundation
import Testing
@testable import PDPCheck

/// Runs the real `pdpcheck` binary and checks its JSON, text output and exit codes.
@Suite("pdpcheck command line", .serialized)
struct EndToEndTests {
    static let draft = "Liên hệ anh Tuấn 0905.123.456"

    static func findings(_ json: [String: Any]) -> [[String: Any]] {
        (json["files"] as? [[String: Any]] ?? []).flatMap { $0["findings"] as? [[String: Any]] ?? [] }
    }

    @Test("stdin draft: one phone number, exact byte span, masked evidence, exit 1")
    func stdinDraftMasked() throws {
        let input = Data((Self.draft + "\n").utf8)
        let result = try CLIRunner.run(["scan", "-", "--format", "json"], stdin: input)
        #expect(result.status == 1, "stderr: \(result.stderrText)")
        let json = try result.json()
        #expect(json["schemaVersion"] as? Int == 1)
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.count == 1)
        #expect(files.first?["path"] as? String == "-")
        #expect(files.first?["status"] as? String == "scanned")
        let found = Self.findings(json).filter { $0["category"] as? String == "phone_number" }
        try #require(found.count == 1)
        let finding = found[0]
        #expect(finding["category"] as? String == "phone_number")
        #expect(finding["severity"] as? String == "high")
        let location = try #require(finding["location"] as? [String: Any])
        let start = try #require(location["start"] as? Int), end = try #require(location["end"] as? Int)
        #expect(String(decoding: input[start..<end], as: UTF8.self) == "0905.123.456")
        #expect(location["line"] as? Int == 1)
        #expect(location["column"] as? Int == 18)
        let evidence = try #require(finding["evidence"] as? String)
        #expect(evidence != "0905.123.456")
        #expect(evidence.hasPrefix("09") && evidence.hasSuffix("456") && evidence.contains("•"))
        #expect(!result.stdoutText.contains("0905.123.456"), "the raw value must not appear anywhere in the report")
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["verdict"] as? String == "fix-required")
        #expect((summary["bySeverity"] as? [String: Any])?["high"] as? Int == 1, "the phone is the only high finding")
    }

    @Test("--show-values puts the exact matched text in evidence")
    func showValues() throws {
        let result = try CLIRunner.run(["scan", "-", "--format", "json", "--show-values"], stdin: Data(Self.draft.utf8))
        #expect(result.status == 1)
        #expect(Self.findings(try result.json()).first { $0["category"] as? String == "phone_number" }?["evidence"] as? String
                == "0905.123.456")
    }

    @Test("exit codes: 0 clean, 1 findings, --fail-on never, 2 usage, 3 unscannable input")
    func exitCodes() throws {
        let dir = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let clean = dir.appendingPathComponent("clean.txt")
        try Data("Hẹn gặp lúc 19h30 ngày 12/05/2024, vé 150.000đ. Hotline 1900 6868.\n".utf8).write(to: clean)
        let dirty = dir.appendingPathComponent("dirty.txt")
        try Data("CCCD của em: 079203004567\n".utf8).write(to: dirty)
        let binary = dir.appendingPathComponent("blob.bin")
        try Data([0x00, 0x01, 0x02, 0xFF, 0x13, 0x37, 0x00, 0x42] + Array(repeating: 0, count: 64)).write(to: binary)

        #expect(try CLIRunner.run(["scan", clean.path]).status == 0)
        #expect(try CLIRunner.run(["scan", dirty.path]).status == 1)
        #expect(try CLIRunner.run(["scan", dirty.path, "--fail-on", "never"]).status == 0)
        #expect(try CLIRunner.run(["scan", clean.path, dir.appendingPathComponent("missing.txt").path]).status == 3)
        #expect(try CLIRunner.run(["scan", clean.path, binary.path]).status == 3)
        #expect(try CLIRunner.run(["scan", clean.path, "--fail-on", "sometimes"]).status == 2)
        #expect(try CLIRunner.run(["scan", clean.path, "--no-such-option"]).status == 2)
        #expect(try CLIRunner.run(["scan", clean.path, "--policy", "nonexistent"]).status == 2)
        #expect(try CLIRunner.run(["frobnicate"]).status == 2)
        #expect(try CLIRunner.run(["--help"]).status == 0)
        // Findings win over unscannable inputs.
        #expect(try CLIRunner.run(["scan", dirty.path, binary.path]).status == 1)
    }

    /// Identifier categories, whose spans must match the manifest exactly; the prose
    /// categories are scored by overlap in CorpusTests.
    static func exactCategories(_ manifest: CorpusManifest) -> [String] {
        manifest.exhaustiveCategories.filter { Category(rawValue: $0)?.isIdentifierValue ?? false }
    }

    @Test("corpus drafts through the binary agree with the manifest on identifiers")
    func corpusThroughBinary() throws {
        let manifest = try CorpusManifest.load()
        let exact = Self.exactCategories(manifest)
        let files = manifest.files.filter { $0.kind == "text" }
        let result = try CLIRunner.run(["scan", "--format", "json", "--jobs", "2"] + files.map(\.path),
                                       currentDirectory: TestSupport.corpus)
        #expect(result.status == 1)
        let json = try result.json()
        let reported = try #require(json["files"] as? [[String: Any]])
        #expect(reported.map { $0["path"] as? String } == files.map(\.path), "report order must follow input order")
        var expected = 0, agreed = 0, expectedFalse = 0
        for (file, entry) in zip(files, reported) {
            let want = Set(file.labels.filter { exact.contains($0.category ?? "") }
                .map { "\($0.category ?? ""):\($0.start)-\($0.end)" })
            let got = Set((entry["findings"] as? [[String: Any]] ?? []).compactMap { f -> String? in
                guard let category = f["category"] as? String, exact.contains(category),
                      let loc = f["location"] as? [String: Any], let s = loc["start"] as? Int, let e = loc["end"] as? Int
                else { return nil }
                return "\(category):\(s)-\(e)"
            })
            expected += want.count
            agreed += want.intersection(got).count
            expectedFalse += got.subtracting(want).count
        }
        #expect(expected > 100)
        #expect(Double(agreed) / Double(expected) >= 0.95, "recall through the binary")
        #expect(Double(agreed) / Double(agreed + expectedFalse) >= 0.95, "precision through the binary")
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == files.count)
        #expect(summary["errors"] as? Int == 0)
    }

    @Test("a folder is walked in a stable order, and the text report is plain when piped")
    func folderAndTextReport() throws {
        let result = try CLIRunner.run(["scan", "drafts", "--lang", "vi"], currentDirectory: TestSupport.corpus)
        #expect(result.status == 1)
        let text = result.stdoutText
        #expect(!text.contains("\u{1B}["), "no colour codes when piped")
        #expect(text.contains("Số điện thoại"))
        #expect(text.contains("CẦN SỬA"))
        let again = try CLIRunner.run(["scan", "drafts", "--lang", "vi"], currentDirectory: TestSupport.corpus)
        #expect(again.stdout == result.stdout, "the same input gives the same report")
        let english = try CLIRunner.run(["scan", "drafts"], environment: ["LANG": "en_US.UTF-8"],
                                        currentDirectory: TestSupport.corpus)
        #expect(english.stdoutText.contains("Phone number"))
        let vietnamese = try CLIRunner.run(["scan", "drafts"], environment: ["LANG": "vi_VN.UTF-8"],
                                           currentDirectory: TestSupport.corpus)
        #expect(vietnamese.stdoutText.contains("Số điện thoại"))
    }

    @Test("--output writes the report to a file and nothing to stdout")
    func outputFile() throws {
        let dir = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.json")
        let result = try CLIRunner.run(["scan", "-", "--format", "json", "--output", out.path], stdin: Data(Self.draft.utf8))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        #expect(Self.findings(written ?? [:]).contains { $0["category"] as? String == "phone_number" })
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "report.json" }
        #expect(leftovers.isEmpty, "no temporary files left: \(leftovers)")
    }

    @Test("a UTF-16 draft reports offsets into the file's own bytes")
    func utf16Offsets() throws {
        let dir = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("utf16.txt")
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Gọi chị Hoa: 0912 345 678 nhé".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try Data(bytes).write(to: file)
        let result = try CLIRunner.run(["scan", file.path, "--format", "json"])
        let found = Self.findings(try result.json()).filter { $0["category"] as? String == "phone_number" }
        try #require(found.count == 1)
        let loc = try #require(found[0]["location"] as? [String: Any])
        let s = try #require(loc["start"] as? Int), e = try #require(loc["end"] as? Int)
        let slice = Array(bytes[s..<e])
        let units = stride(from: 0, to: slice.count, by: 2).map { UInt16(slice[$0]) | UInt16(slice[$0 + 1]) << 8 }
        #expect(String(decoding: units, as: UTF16.self) == "0912 345 678")
    }

    @Test("a Windows-1258 draft is decoded and its offsets point at the file's own bytes")
    func windows1258Offsets() throws {
        let dir = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // "Liên hệ chị Hoa 0912 345 678" in Windows-1258: ê = 0xEA, the dot below = 0xF2 after e.
        let bytes: [UInt8] = Array("Li".utf8) + [0xEA] + Array("n h".utf8) + [0xEA, 0xF2] + Array(" ch".utf8)
            + [0x69, 0xF2] + Array(" Hoa: 0912 345 678".utf8)
        let file = dir.appendingPathComponent("old.txt")
        try Data(bytes).write(to: file)
        let result = try CLIRunner.run(["scan", file.path, "--format", "json"])
        let json = try result.json()
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.first?["status"] as? String == "scanned")
        let found = Self.findings(json).filter { $0["category"] as? String == "phone_number" }
        try #require(found.count == 1)
        let loc = try #require(found[0]["location"] as? [String: Any])
        let s = try #require(loc["start"] as? Int), e = try #require(loc["end"] as? Int)
        #expect(Array(bytes[s..<e]) == Array("0912 345 678".utf8))
    }
}
