import Foundation
import Testing
@testable import PDPCheck

/// The policies that ship: embedded byte for byte, complete for every category, honest about
/// what the legal reference leaves unverified.
@Suite("Shipped policies")
struct PolicyShippedTests {
    static let policiesFolder = TestSupport.packageRoot.appendingPathComponent("Policies")

    @Test("PolicyShippedFilesTests: the embedded YAML is byte-identical to Policies/ (else run Policies/tools/embed_policies.py)")
    func embeddedMatchesFiles() throws {
        let enumerator = FileManager.default.enumerator(at: Self.policiesFolder, includingPropertiesForKeys: nil)
        var onDisk: [String: Data] = [:]
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "yaml" else { continue }
            let relative = String(url.path.dropFirst(Self.policiesFolder.path.count + 1))
            onDisk[relative] = try Data(contentsOf: url)
        }
        #expect(Set(onDisk.keys) == Set(ShippedPolicies.filePaths), "every Policies/**/*.yaml is embedded, and nothing else")
        for (path, data) in onDisk {
            #expect(ShippedPolicies.text(path).map { Data($0.utf8) } == data, "Policies/\(path) differs from its embedded copy")
        }
        for name in ShippedPolicies.policyNames {
            #expect(onDisk["\(name).yaml"] != nil, "policy \(name) has a file")
        }
    }

    @Test("every shipped policy gives every category a severity, action, advice (vi, en) and legal references",
          arguments: ShippedPolicies.policyNames)
    func complete(name: String) throws {
        let policy = try PolicyLoader.shipped(name)
        #expect(policy.name == name)
        for category in Category.allCases {
            let rule = policy.rule(for: category)
            #expect(!rule.advice.vi.isEmpty && !rule.advice.en.isEmpty, "\(name): \(category.rawValue) advice")
            #expect(rule.advice.vi != rule.advice.en, "\(name): \(category.rawValue) advice is translated")
            #expect(!rule.legal.isEmpty, "\(name): \(category.rawValue) has legal references")
            for entry in rule.legal {
                #expect(ShippedPolicies.legal[entry.id] == entry, "\(name): \(category.rawValue) cites \(entry.id) from vn.yaml")
            }
            #expect(rule.automatic == CategoryRule.isAutomatic(rule.action))
        }
        // The raw files say it too, not only the merged result: default lists every category.
        if name == "default" {
            let text = try #require(ShippedPolicies.text("default.yaml"))
            for category in Category.allCases { #expect(text.contains("\n  \(category.rawValue):\n")) }
        }
    }

    @Test("shipped policies differ where their users differ")
    func profiles() throws {
        let base = try PolicyLoader.shipped("default")
        let admin = try PolicyLoader.shipped("admin-screening")
        let kol = try PolicyLoader.shipped("kol-post")
        let workshop = try PolicyLoader.shipped("workshop")
        for p in [admin, kol, workshop] { #expect(p.ancestry == ["default"]) }
        for category in Category.allCases {
            #expect(admin.rule(for: category).severity >= base.rule(for: category).severity, "admin is at least as strict: \(category)")
        }
        #expect(Category.allCases.contains { admin.rule(for: $0).severity > base.rule(for: $0).severity })
        #expect(kol.rule(for: .faceRegion).action == .obtainConsent)
        #expect(workshop.minimumSeverity == .info && workshop.minimumConfidence < base.minimumConfidence)
        #expect(admin.minimumSeverity > .info && kol.minimumSeverity > .info)
        #expect(!admin.inlineIgnores && base.inlineIgnores && kol.inlineIgnores, "a submission cannot hide its own data")
        #expect(Policy.builtinDefault.name == "default")
    }

    @Test("references the legal file marks unverified (⚠) say so; confirmed ones do not")
    func verifyMarks() throws {
        let legal = ShippedPolicies.legal
        for id in ["law91-art31", "civil-art32-minors", "children-law-art6-11", "decree356-art4-c", "decree356-art4-h"] {
            let entry = try #require(legal[id], "\(id) exists")
            #expect(entry.toVerify, "\(id) is marked to verify")
            #expect(entry.verifyNote != nil, "\(id) says what to verify")
        }
        for id in ["law91-art16", "law91-art24", "decree356-art3-7", "civil-art32", "civil-art38", "penal-art288", "children-law-art1"] {
            #expect(legal[id]?.toVerify == false, "\(id) is confirmed")
        }
        // The instruments the issue names are all there.
        for article in ["Art. 2", "Art. 4", "Art. 7", "Art. 8", "Art. 9", "Art. 16", "Art. 24", "Art. 31", "Art. 32"] {
            #expect(legal.entries.contains { $0.instrument == "Law 91/2025/QH15" && $0.article == article }, "Law 91 \(article)")
        }
        for point in ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m"] {
            #expect(legal.entries.contains { $0.article == "Art. 4(\(point))" }, "Decree 356 Art. 4(\(point))")
        }
        for item in 1...11 { #expect(legal.entries.contains { $0.article == "Art. 3(\(item))" }, "Decree 356 Art. 3(\(item))") }
        #expect(legal.entries.contains { $0.instrument == "Penal Code 2015" && $0.article == "Art. 288" })
        #expect(legal.entries.contains { $0.instrument == "Civil Code 2015" && $0.article == "Art. 38" })
        #expect(legal.entries.contains { $0.instrument.hasPrefix("Law on Children") })
    }

    @Test("destinations: all eleven, Zalo photos uncertain, files kept, public posts stripped")
    func destinations() throws {
        let names = ShippedPolicies.destinations.map(\.name)
        #expect(names == ["facebook-post", "instagram-post", "tiktok", "youtube", "zalo-photo", "zalo-file", "telegram-photo",
                          "telegram-file", "email", "website", "print"])
        let policy = Policy.builtinDefault
        #expect(policy.destination(named: "zalo-photo")?.certainty == .uncertain)
        #expect(policy.destination(named: "zalo-photo")?.reason.en.contains("Uncertain") == true)
        #expect(policy.destination(named: "telegram-file")?.metadata == .kept)
        #expect(policy.destination(named: "facebook-post")?.metadata == .stripped)
        for d in ShippedPolicies.destinations {
            #expect(!d.label.vi.isEmpty && !d.label.en.isEmpty && !d.reason.vi.isEmpty && !d.reason.en.isEmpty)
        }
    }

    @Test("every category has a name, what and why in both languages")
    func categoryTexts() {
        for category in Category.allCases {
            let info = CategoryCatalogue.shipped[category]
            #expect(info != nil, "\(category.rawValue)")
            #expect(CategoryNames.name(category, .vi) != CategoryNames.name(category, .en) || category == .credentials)
        }
        #expect(CategoryNames.name(.phoneNumber, .vi) == "Số điện thoại")
    }

    @Test("policy show prints a policy file that loads back to the same policy", arguments: ShippedPolicies.policyNames)
    func showRoundTrip(name: String) throws {
        let policy = try PolicyLoader.shipped(name)
        let yaml = PolicyYAMLWriter.yaml(policy)
        let again = try PolicyLoader.parse(Array(yaml.utf8), file: "\(name)-shown.yaml")
        #expect(again.name == policy.name)
        #expect(again.minimumConfidence == policy.minimumConfidence && again.minimumSeverity == policy.minimumSeverity)
        for category in Category.allCases { #expect(again.rule(for: category) == policy.rule(for: category)) }
        #expect(again.destinations == policy.destinations)
    }
}
