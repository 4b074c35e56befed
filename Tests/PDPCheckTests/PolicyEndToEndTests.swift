import Foundation
import Testing
@testable import PDPCheck

/// The policy features through the real `pdpcheck` binary: `policy`, `explain`, `--policy`,
/// `--destination`, allowlists, inline ignores and baselines, exit codes.
@Suite("pdpcheck policies end to end", .serialized)
struct PolicyEndToEndTests {
    static let gpsPhoto = TestSupport.corpus.appendingPathComponent("media/jpeg/gps-exif.jpg").path

    static func findings(_ json: [String: Any]) -> [[String: Any]] {
        (json["files"] as? [[String: Any]] ?? []).flatMap { $0["findings"] as? [[String: Any]] ?? [] }
    }

    static func suppressed(_ json: [String: Any]) -> [String: Int] {
        (json["summary"] as? [String: Any])?["suppressed"] as? [String: Int] ?? [:]
    }

    @Test("policy list, show and validate")
    func policyCommands() throws {
        let list = try CLIRunner.run(["policy", "list"])
        #expect(list.status == 0)
        for name in ShippedPolicies.policyNames + ["telegram-file", "zalo-photo", "facebook-post", "print"] {
            #expect(list.stdoutText.contains(name), "\(name)")
        }
        #expect(list.stdoutText.contains("uncertain"))

        let dir = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let show = try CLIRunner.run(["policy", "show", "kol-post"])
        #expect(show.status == 0)
        #expect(show.stdoutText.contains("obtain-consent") && show.stdoutText.contains("decree356-art3-7"))
        let shown = dir.appendingPathComponent("shown.yaml")
        try show.stdout.write(to: shown)
        let valid = try CLIRunner.run(["policy", "validate", shown.path])
        #expect(valid.status == 0, "stderr: \(valid.stderrText)")
        #expect(valid.stdoutText.contains("ok"))
        #expect(try CLIRunner.run(["policy", "show", "nosuch"]).status == 2)
    }

    @Test("policy validate: five broken policies, exit 2, five precise messages on stderr")
    func validateBroken() throws {
        let dir = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (i, broken) in PolicyLoaderTests.broken.enumerated() {
            let file = dir.appendingPathComponent("broken-\(i + 1).yaml")
            try Data(broken.yaml.utf8).write(to: file)
            let result = try CLIRunner.run(["policy", "validate", file.path])
            #expect(result.status == 2)
            let lines = result.stderrText.split(separator: "\n").map(String.init)
            #expect(lines.count == 1, "\(lines)")
            #expect(lines.first?.hasPrefix("\(file.path):\(broken.line):\(broken.column): error: ") == true, "\(lines)")
            for fragment in broken.fragments { #expect(result.stderrText.contains(fragment)) }
            // The same file given to scan: configuration error, nothing scanned.
            let scan = try CLIRunner.run(["scan", "-", "--policy", file.path], stdin: Data("0905 123 456".utf8))
            #expect(scan.status == 2 && scan.stdout.isEmpty)
        }
    }

    @Test("explain a category and a rule in Vietnamese and English, with its example and 'to verify' marks")
    func explain() throws {
        let vi = try CLIRunner.run(["explain", "phone_number", "--lang", "vi"])
        #expect(vi.status == 0)
        for text in ["Số điện thoại", "Vì sao quan trọng", "Căn cứ pháp lý", "Decree 356/2025/NĐ-CP Art. 3(7)", "«0905.123.456»", "Cách xử lý"] {
            #expect(vi.stdoutText.contains(text), "\(text)")
        }
        let en = try CLIRunner.run(["explain", "meta.gps", "--lang", "en"])
        #expect(en.status == 0)
        for text in ["GPS location", "Why it matters", "TO VERIFY", "Art. 31", "GPS:GPSLatitude", "strip metadata"] {
            #expect(en.stdoutText.contains(text), "\(text)")
        }
        let admin = try CLIRunner.run(["explain", "vn.id.personal", "--policy", "admin-screening"])
        #expect(admin.status == 0 && admin.stdoutText.contains("admin-screening") && admin.stdoutText.contains("reject"))
        #expect(try CLIRunner.run(["explain", "hidden_content"]).stdoutText.contains("hop-dong.docx"))
        #expect(try CLIRunner.run(["explain", "no_such_thing"]).status == 2)
    }

    @Test("--destination: the GPS photo is high for telegram-file, lower for facebook-post, and the report says why")
    func destinations() throws {
        func gps(_ destination: String) throws -> [String: Any] {
            let result = try CLIRunner.run(["scan", Self.gpsPhoto, "--format", "json", "--destination", destination])
            let json = try result.json()
            #expect(json["destination"] as? String == destination)
            return try #require(Self.findings(json).first { $0["category"] as? String == "gps_location" })
        }
        let telegram = try gps("telegram-file"), facebook = try gps("facebook-post")
        #expect(telegram["severity"] as? String == "high")
        #expect(facebook["severity"] as? String == "low")
        let why = try #require(facebook["destination"] as? [String: Any])
        #expect(why["originalSeverity"] as? String == "high" && (why["reason"] as? String)?.contains("Facebook") == true)

        let text = try CLIRunner.run(["scan", Self.gpsPhoto, "--destination", "facebook-post", "--lang", "en"])
        #expect(text.stdoutText.contains("Destination facebook-post (HIGH → LOW)"))
        #expect(text.stdoutText.contains("reported, not tested by pdpcheck"))
        let zalo = try CLIRunner.run(["scan", Self.gpsPhoto, "--destination", "zalo-photo", "--lang", "vi"])
        #expect(zalo.stdoutText.contains("Chưa rõ") && zalo.stdoutText.contains("chưa chắc chắn"))
        let bad = try CLIRunner.run(["scan", Self.gpsPhoto, "--destination", "mars"])
        #expect(bad.status == 2 && bad.stderrText.contains("telegram-file"))
    }

    @Test("allowlist, inline ignore and baseline: each suppresses, each is counted; the baseline survives inserted lines")
    func suppressions() throws {
        let dir = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let policy = dir.appendingPathComponent("shop.yaml")
        try Data("""
            extends: kol-post
            allowlist:
              values:
                - {value: "0905 123 456", categories: [phone_number], note: shop hotline}

            """.utf8).write(to: policy)
        let draft = dir.appendingPathComponent("post.txt")
        let body = """
            Hotline cửa hàng: 0905.123.456
            Chị Lan chuyển khoản nhầm, SĐT 0912 345 678 pdpcheck:ignore phone_number
            Khách cũ: 0987 654 321

            """
        try Data(body.utf8).write(to: draft)
        let baseline = dir.appendingPathComponent("accepted.json")

        // 1. Accept what is there now.
        let first = try CLIRunner.run(["scan", draft.path, "--policy", policy.path, "--format", "json",
                                       "--write-baseline", baseline.path])
        #expect(first.status == 1, "stderr: \(first.stderrText)")
        let firstJSON = try first.json()
        #expect(Self.suppressed(firstJSON) == ["allowlist": 1, "inlineIgnore": 1, "baseline": 0])
        #expect(Self.findings(firstJSON).contains { $0["category"] as? String == "phone_number" })
        #expect(FileManager.default.fileExists(atPath: baseline.path))
        #expect(!(try String(contentsOf: baseline, encoding: .utf8)).contains("0987"))

        // 2. Lines inserted above, one new number below: only the new number is reported.
        try Data(("CẬP NHẬT\n\n" + body + "Số mới: 0903 222 333\n").utf8).write(to: draft)
        let second = try CLIRunner.run(["scan", draft.path, "--policy", policy.path, "--format", "json",
                                        "--baseline", baseline.path])
        let json = try second.json()
        let phones = Self.findings(json).filter { $0["category"] as? String == "phone_number" }
        #expect(phones.count == 1)
        #expect((phones.first?["location"] as? [String: Any])?["line"] as? Int == 6)
        let counts = Self.suppressed(json)
        #expect(counts["allowlist"] == 1 && counts["inlineIgnore"] == 1 && (counts["baseline"] ?? 0) >= 1, "\(counts)")
        #expect(((json["files"] as? [[String: Any]])?.first?["suppressed"] as? [String: Int]) == counts)

        // 3. The text report: counts, a fix list, the verdict last.
        let text = try CLIRunner.run(["scan", draft.path, "--policy", policy.path, "--baseline", baseline.path, "--lang", "en"])
        let lines = text.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Suppressed ") && $0.contains("1 allowlisted") && $0.contains("1 by pdpcheck:ignore") })
        #expect(lines.contains("To fix:"))
        #expect(lines.contains { $0.hasPrefix("  \(draft.path): mask Phone number") })
        #expect(lines.last == "FIX REQUIRED before publishing.")

        // A baseline that is not one: configuration error.
        let junk = dir.appendingPathComponent("junk.json")
        try Data("not json".utf8).write(to: junk)
        #expect(try CLIRunner.run(["scan", draft.path, "--baseline", junk.path]).status == 2)
    }

    @Test("findings carry the policy's severity, legal references (with summaries) and advice in the chosen language")
    func findingsCarryPolicy() throws {
        let input = Data("Liên hệ anh Tuấn 0905.123.456".utf8)
        let admin = try CLIRunner.run(["scan", "-", "--format", "json", "--policy", "admin-screening", "--lang", "vi"], stdin: input)
        let json = try admin.json()
        #expect(json["policy"] as? String == "admin-screening")
        let name = try #require(Self.findings(json).first { $0["category"] as? String == "person_name" })
        #expect(name["severity"] as? String == "medium", "admin-screening raises names to medium")
        #expect(((name["fix"] as? [String: Any])?["advice"] as? String)?.contains("viết tắt") == true)
        let legal = try #require(name["legal"] as? [[String: Any]])
        #expect(legal.contains { $0["id"] as? String == "law91-art4" && ($0["summary"] as? String)?.isEmpty == false })
        #expect(legal.allSatisfy { $0["toVerify"] is Bool })
        let workshop = try CLIRunner.run(["scan", Self.gpsPhoto, "--format", "json", "--policy", "workshop"])
        #expect(Self.findings(try workshop.json()).contains { $0["severity"] as? String == "info" }, "workshop shows info")
        let kol = try CLIRunner.run(["scan", Self.gpsPhoto, "--format", "json", "--policy", "kol-post"])
        #expect(!Self.findings(try kol.json()).contains { $0["severity"] as? String == "info" }, "kol-post hides info")
    }
}
