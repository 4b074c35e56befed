import Foundation
import Testing
@testable import PDPCheck

/// User policy files: `extends:`, merging, and messages that say exactly what is wrong where.
@Suite("Policy files")
struct PolicyLoaderTests {
    static func issues(_ yaml: String, file: String = "mine.yaml") -> [PolicyIssue] {
        do {
            _ = try PolicyLoader.parse(Array(yaml.utf8), file: file)
            return []
        } catch {
            return error.issues
        }
    }

    /// The five broken policies of the issue, each with the one message it must give.
    static let broken: [(yaml: String, line: Int, column: Int, fragments: [String])] = [
        ("extends: default\ncategories:\n  phone:\n    severity: high\n",
         3, 3, ["unknown category 'phone'", "did you mean 'phone_number'", "allowed: phone_number, national_id"]),
        ("extends: default\ncategories:\n  phone_number:\n    severty: high\n",
         4, 5, ["unknown field 'severty'", "phone_number", "allowed: severity, action, automatic, advice, legal"]),
        ("extends: default\ncategories:\n  gps_location:\n    severity: critical\n",
         4, 15, ["invalid severity 'critical'", "allowed: high, medium, low, info"]),
        ("extends: default\ncategories:\n  face_region:\n    action: blur\n",
         4, 13, ["invalid action 'blur'", "allowed: mask, replace, remove, strip-metadata, review, obtain-consent"]),
        ("extends: default\ncategories:\n  child_data:\n    legal: [law91-art24, law91-art99]\n",
         4, 26, ["unknown legal reference 'law91-art99'", "known: law91-art2", "Policies/legal/vn.yaml"]),
    ]

    @Test("five broken policies give five precise messages (file:line:column, what is wrong, what is allowed)")
    func fiveBrokenPolicies() {
        for (i, b) in Self.broken.enumerated() {
            let found = Self.issues(b.yaml, file: "broken-\(i + 1).yaml")
            #expect(found.count == 1, "broken-\(i + 1): \(found)")
            guard let issue = found.first else { continue }
            #expect(issue.file == "broken-\(i + 1).yaml")
            #expect(issue.line == b.line && issue.column == b.column, "broken-\(i + 1): \(issue)")
            for fragment in b.fragments { #expect(issue.message.contains(fragment), "broken-\(i + 1): \(issue)") }
            #expect(issue.description.hasPrefix("broken-\(i + 1).yaml:\(b.line):\(b.column): "))
        }
    }

    @Test("more problems: syntax, unknown extends, bad pattern, range, missing language, duplicates — all reported at once")
    func otherProblems() {
        let syntax = Self.issues("categories:\n  phone_number:\n    action: [mask\n")
        #expect(syntax.count == 1 && syntax[0].line == 4 && syntax[0].message.contains("YAML syntax error"))

        let several = Self.issues("""
            extends: defualt
            min-confidence: 1.5
            nmae: x
            allowlist:
              patterns: ["[0-9"]
            categories:
              phone_number:
                advice: {vi: "Che số"}

            """)
        let messages = several.map(\.description)
        #expect(messages.contains { $0.hasPrefix("mine.yaml:1:10:") && $0.contains("unknown policy 'defualt'") && $0.contains("did you mean 'default'") })
        #expect(messages.contains { $0.hasPrefix("mine.yaml:2:17:") && $0.contains("out of range") })
        #expect(messages.contains { $0.hasPrefix("mine.yaml:3:1:") && $0.contains("unknown field 'nmae'") })
        #expect(messages.contains { $0.hasPrefix("mine.yaml:5:14:") && $0.contains("invalid pattern '[0-9'") })
        #expect(messages.contains { $0.contains("needs an English text") })
        #expect(several.count == 5, "\(messages)")

        // Yams refuses duplicate keys before anything else is read.
        let duplicate = Self.issues("extends: default\ncategories:\n  phone_number:\n    severity: low\n  phone_number:\n    severity: high\n")
        #expect(duplicate.count == 1 && duplicate[0].line != nil && duplicate[0].message.contains("duplicate key 'phone_number'"))

        let standalone = Self.issues("name: tiny\nmin-confidence: 0.5\ncategories:\n  phone_number:\n    severity: high\n")
        #expect(standalone.contains { $0.message.contains("no rule for national_id") && $0.message.contains("extends: default") })
        #expect(standalone.contains { $0.message.contains("rule for phone_number has no action, advice, legal") })
    }

    @Test("extends: a few lines change a shipped policy; files extend files by relative path; cycles are caught")
    func extendsChain() throws {
        let dir = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = dir.appendingPathComponent("shop.yaml")
        try Data("""
            extends: kol-post
            description: {vi: "Cửa hàng", en: "The shop"}
            categories:
              phone_number:
                severity: medium
              credentials:
                action: review
            allowlist:
              values: ["0905 123 456"]

            """.utf8).write(to: base)
        let leaf = dir.appendingPathComponent("branch.yaml")
        try Data("extends: shop.yaml\nname: branch\nallowlist:\n  patterns: ['^0236']\n".utf8).write(to: leaf)

        let policy = try PolicyLoader.loadFile(leaf.path)
        #expect(policy.name == "branch")
        #expect(policy.ancestry == ["shop", "kol-post", "default"])
        #expect(policy.description.en == "The shop")
        #expect(policy.rule(for: .phoneNumber).severity == .medium)
        #expect(policy.rule(for: .phoneNumber).action == .mask, "unchanged fields are inherited")
        #expect(policy.rule(for: .phoneNumber).advice.en.contains("allowlist"), "kol-post's advice")
        #expect(policy.rule(for: .credentials).action == .review && !policy.rule(for: .credentials).automatic,
                "a new action brings its own `automatic`")
        #expect(policy.rule(for: .faceRegion).action == .obtainConsent)
        #expect(policy.allowlist.values.count == 1 && policy.allowlist.patterns.count == 1, "allowlists add up")
        #expect(policy.minimumSeverity == .low)

        let a = dir.appendingPathComponent("a.yaml"), b = dir.appendingPathComponent("b.yaml")
        try Data("extends: b.yaml\n".utf8).write(to: a)
        try Data("extends: ./a.yaml\n".utf8).write(to: b)
        do {
            _ = try PolicyLoader.loadFile(a.path)
            Issue.record("a cycle must not load")
        } catch {
            #expect(error.issues.contains { $0.message.contains("cycle") && $0.line == 1 })
        }
        do {
            _ = try PolicyLoader.loadFile(dir.appendingPathComponent("missing.yaml").path)
            Issue.record("a missing file must not load")
        } catch {
            #expect(error.issues.first?.message.contains("no such file") == true)
        }
    }

    @Test("allowlist: exact values ignore separators and +84; patterns are compiled once; categories limit both")
    func allowlistMatching() throws {
        let policy = try PolicyLoader.parse(Array("""
            extends: default
            allowlist:
              values:
                - "0905.123.456"
                - {value: "shop@example.vn", categories: [email_address]}
              patterns:
                - {pattern: "^1900", categories: [phone_number]}

            """.utf8), file: "p.yaml")
        let list = policy.allowlist
        func allows(_ v: String, _ c: Category) -> Bool {
            list.allows(v, normalized: ValueNormalizer.normalize(v, category: c), category: c)
        }
        #expect(allows("0905 123 456", .phoneNumber))
        #expect(allows("+84 905 123 456", .phoneNumber))
        #expect(allows("0905-123-456", .phoneNumber))
        #expect(!allows("0905 123 457", .phoneNumber))
        #expect(allows("Shop@Example.vn", .emailAddress))
        #expect(!allows("shop@example.vn", .personName), "limited to e-mail addresses")
        #expect(allows("1900 6868", .phoneNumber))
        #expect(!allows("1900 6868", .bankAccount))
    }

    @Test("hostile policy files: anchors that multiply, huge files and bad bytes are refused with a message")
    func hostileFiles() {
        // Ten to the ninth values if expanded; read lazily, it is a short list of errors.
        let letters = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        var bomb = "x-a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (prev, name) in zip(letters, letters.dropFirst()) {
            bomb += "x-\(name): &\(name) [" + Array(repeating: "*\(prev)", count: 10).joined(separator: ", ") + "]\n"
        }
        bomb += "allowlist: {values: *i, patterns: *i}\n"
        let found = Self.issues(bomb)
        #expect(!found.isEmpty)
        #expect(found.count < 50)

        let big = Self.issues(String(repeating: "# padding\n", count: 200_000))
        #expect(big.first?.message.contains("at most") == true)

        do {
            _ = try PolicyLoader.parse([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xFF, 0xFE], file: "bad.yaml")
            Issue.record("invalid UTF-8 must not load")
        } catch {
            #expect(error.issues.first?.message.contains("UTF-8") == true)
        }
    }
}
