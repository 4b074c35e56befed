import Foundation
import Testing
@testable import PDPCheck

/// Allowlists, inline `pdpcheck:ignore` markers and baselines: each suppresses and each is counted.
@Suite("Policy suppressions")
struct PolicySuppressionTests {
    static func scan(_ text: String, path: String = "draft.txt", policy: Policy = .builtinDefault) async -> Report {
        let scanner = PDPCheck.Scanner(policy: policy, options: ScanOptions(jobs: 1))
        return await scanner.scan([InputItem(displayPath: path, source: .bytes(Array(text.utf8)))])
    }

    static func categories(_ report: Report) -> [Category] {
        report.files.flatMap(\.findings).map(\.category)
    }

    @Test("an allowlisted hotline is suppressed and counted; other numbers still reported")
    func allowlistedHotline() async throws {
        let policy = try PolicyLoader.parse(Array("""
            extends: default
            allowlist:
              values:
                - {value: "0905 123 456", categories: [phone_number], note: "the shop's public hotline"}

            """.utf8), file: "shop.yaml")
        let report = await Self.scan("Hotline cửa hàng: 0905.123.456\nSĐT chị Lan: 0912 345 678\n", policy: policy)
        let phones = report.files[0].findings.filter { $0.category == .phoneNumber }
        #expect(phones.count == 1)
        #expect(phones.first?.location.line == 2)
        #expect(report.files[0].suppressed == SuppressionCounts(allowlist: 1))
        #expect(report.summary.suppressed.allowlist == 1)
        let plain = await Self.scan("Hotline cửa hàng: 0905.123.456\n")
        #expect(plain.summary.suppressed.total == 0 && Self.categories(plain).contains(.phoneNumber))
    }

    @Test("pdpcheck:ignore and ignore-next-line, with and without categories, in text and Markdown")
    func inlineIgnoresText() async {
        let draft = """
            Chị Lan 0912 345 678, CCCD 079203004567 <!-- pdpcheck:ignore phone_number -->
            # pdpcheck:ignore-next-line
            Anh Tuấn 0987 654 321, CCCD 001099012345
            Liên hệ 0903 111 222 // pdpcheck:ignore email_address
            Zalo 0904 333 444 pdpcheck:ignored is not a marker
            Số 0906 555 666 pdpcheck:ignore phone_numbr

            """
        let report = await Self.scan(draft, path: "draft.md")
        let file = report.files[0]
        let phoneLines = file.findings.filter { $0.category == .phoneNumber }.compactMap(\.location.line)
        #expect(phoneLines == [4, 5, 6], "line 1's phone and everything on line 3 are ignored")
        #expect(file.findings.contains { $0.category == .nationalID && $0.location.line == 1 }, "only phone_number on line 1")
        #expect(!file.findings.contains { $0.location.line == 3 })
        #expect(file.suppressed.inlineIgnore >= 3, "\(file.suppressed)")
        #expect(report.summary.suppressed.inlineIgnore == file.suppressed.inlineIgnore)
        #expect(file.notes.contains { $0.contains("line 6") && $0.contains("phone_numbr") && $0.contains("phone_number") })
    }

    @Test("admin-screening does not honour markers: a submission cannot hide its own data")
    func markersIgnoredForSubmissions() async throws {
        let report = await Self.scan("CCCD 079203004567 pdpcheck:ignore\n", policy: try PolicyLoader.shipped("admin-screening"))
        #expect(Self.categories(report).contains(.nationalID))
        #expect(report.summary.suppressed.total == 0)
    }

    @Test("HTML: markers in comments map to source lines; the marker's own comment is not hidden content")
    func inlineIgnoresHTML() async {
        let page = """
            <html><body>
            <p>Gọi chị Hoa 0912 345 678</p>
            <!-- pdpcheck:ignore-next-line phone_number -->
            <p>Hoặc anh Tuấn 0987 654 321</p>
            <p>Zalo 0905 111 222 <!-- pdpcheck:ignore --></p>
            <p>pdpcheck:ignore outside a comment does nothing: 0903 444 555</p>
            </body></html>

            """
        let report = await Self.scan(page, path: "page.html")
        let file = report.files[0]
        #expect(file.mediaType == "text/html")
        let phones = file.findings.filter { $0.category == .phoneNumber }.map(\.evidence)
        #expect(phones.count == 2, "\(phones)")
        #expect(file.findings.allSatisfy { $0.category != .hiddenContent }, "directive comments are not reported")
        #expect(file.suppressed.inlineIgnore == 2)
    }

    @Test("UTF-16 drafts: markers are read one code unit at a time")
    func inlineIgnoresUTF16() async {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Gọi 0912 345 678\nSĐT 0987 654 321 pdpcheck:ignore\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let scanner = PDPCheck.Scanner(options: ScanOptions(jobs: 1))
        let report = await scanner.scan([InputItem(displayPath: "u16.txt", source: .bytes(bytes))])
        #expect(report.files[0].findings.filter { $0.category == .phoneNumber }.map(\.location.line) == [1])
        #expect(report.files[0].suppressed.inlineIgnore == 1)
    }

    static let draft = "Liên hệ chị Lan 0912 345 678\nCCCD của em: 079203004567\n"

    @Test("a baselined finding is suppressed and counted; new findings are reported")
    func baselineSuppresses() async throws {
        let before = await Self.scan(Self.draft)
        let baseline = Baseline.make(from: before)
        #expect(baseline.count == before.summary.findings)
        let after = await Self.scan(Self.draft + "Số mới: 0987 654 321\n").applying(baseline)
        #expect(after.files[0].findings.map(\.category) == [.phoneNumber])
        #expect(after.files[0].findings.first?.location.line == 3)
        #expect(after.summary.suppressed.baseline == before.summary.findings)
        #expect(after.summary.findings == 1)
    }

    @Test("a baseline survives inserting lines above a finding, and editing other lines")
    func baselineSurvivesInsertedLines() async throws {
        let baseline = Baseline.make(from: await Self.scan(Self.draft))
        let moved = "Tin khẩn!\n\nMọi người chia sẻ giúp em.\n" + Self.draft
        let report = await Self.scan(moved).applying(baseline)
        #expect(report.summary.findings == 0, "\(report.files[0].findings.map { ($0.category, $0.location.line) })")
        #expect(report.summary.suppressed.baseline > 0)
        // Another file with the same text is not covered: the path is part of the fingerprint.
        let elsewhere = await Self.scan(Self.draft, path: "other.txt").applying(baseline)
        #expect(elsewhere.summary.suppressed.baseline == 0)
        // A different number in the same place is new.
        let changed = await Self.scan(Self.draft.replacingOccurrences(of: "0912 345 678", with: "0912 345 679")).applying(baseline)
        #expect(changed.files[0].findings.map(\.category) == [.phoneNumber])
    }

    @Test("baseline files: keyed per file, no values inside, written atomically, read back, bad ones refused")
    func baselineFile() async throws {
        let dir = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = await Self.scan(Self.draft)
        let one = Baseline.make(from: report), two = Baseline.make(from: report)
        #expect(one.key != two.key, "a fresh random key per baseline")
        #expect(Set(one.entries.map(\.fingerprint)).isDisjoint(with: two.entries.map(\.fingerprint)))
        let path = dir.appendingPathComponent("baseline.json").path
        try one.write(to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // The key and the keyed fingerprints are random hex and may spell "0912" by chance (1 run
        // in a few hundred did): look for values in everything but them.
        let key = one.key.map { String(format: "%02x", $0) }.joined()
        let hex = Set(one.entries.map(\.fingerprint) + [key])
        let rest = text.split(separator: "\"").filter { !hex.contains(String($0)) }.joined(separator: "\"")
        #expect(text.contains(key) && rest.count < text.count, "the key and the fingerprints were found and left out")
        for secret in ["0912", "345 678", "079203004567", "Lan"] { #expect(!rest.contains(secret), "no value in the baseline: \(secret)") }
        let read = try Baseline.read(from: path)
        #expect(read.key == one.key && read.entries == one.entries)
        #expect(report.applying(read).summary.findings == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["baseline.json"])

        let bad = dir.appendingPathComponent("bad.json").path
        try Data("{\"tool\": \"pdpcheck\", \"version\": 1}".utf8).write(to: URL(fileURLWithPath: bad))
        #expect(throws: ScanError.self) { try Baseline.read(from: bad) }
        #expect(throws: ScanError.self) { try Baseline.read(from: dir.appendingPathComponent("none.json").path) }
    }

    @Test("min-severity hides findings below it without counting them as suppressed")
    func minimumSeverity() async throws {
        let policy = try PolicyLoader.parse(Array("extends: default\nmin-severity: medium\n".utf8), file: "p.yaml")
        let report = await Self.scan("Liên hệ anh Tuấn 0905.123.456\n", policy: policy)
        #expect(Self.categories(report) == [.phoneNumber], "the low person_name is below medium")
        #expect(report.summary.suppressed.total == 0)
    }
}
