import Foundation
import Testing
@testable import PDPCheck

/// Documents, PDFs, archives and e-mails from the corpus through the whole scanner: every
/// expected finding appears (with its part chain), and files expected to fail fail with their
/// code. Reader-level detail is tested per format; this checks the wiring end to end.
@Suite("Document corpus")
struct DocumentCorpusTests {
    struct Expectation {
        var category: String
        var value: String?
        /// Where the finding must be (`location.part`, chained through nesting), when the
        /// manifest says: a member path, a PDF place ("PDF Info", "page text"), an e-mail part.
        var part: String?
        var checksPart = false
        var latitude: Double?
    }

    struct Entry {
        var path: String
        var expectations: [Expectation]
        var errorCode: String?
    }

    static func load(_ manifest: String) throws -> [Entry] {
        let data = try Data(contentsOf: TestSupport.corpus.appendingPathComponent(manifest))
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let files = root["files"] as? [[String: Any]] ?? []
        return files.map { f in
            let lists = ["expect", "findings"].compactMap { f[$0] as? [[String: Any]] }.flatMap { $0 }
            var expectations: [Expectation] = []
            for e in lists {
                guard let category = e["category"] as? String else { continue }
                // A field's place is its container (PDF manifest) or its part; JSON null is the file itself.
                let place = e["container"] ?? e["part"]
                let part = place as? String
                let checksPart = place != nil && (part != nil || place is NSNull)
                expectations.append(Expectation(category: category, value: (e["value"] ?? e["contains"]).map { "\($0)" },
                                                part: part, checksPart: checksPart, latitude: e["latitude"] as? Double))
                // A hidden item that names a person is also that person's author finding, at the same place.
                if let person = e["person"] as? String {
                    expectations.append(Expectation(category: "author_identity", value: person, part: part, checksPart: checksPart))
                }
            }
            // E-mail attachments: their findings are under the attachment's name.
            for attachment in f["attachments"] as? [[String: Any]] ?? [] {
                guard let name = attachment["name"] as? String else { continue }
                for e in attachment["findings"] as? [[String: Any]] ?? [] {
                    guard let category = e["category"] as? String else { continue }
                    expectations.append(Expectation(category: category, value: e["value"].map { "\($0)" }, part: name, checksPart: true))
                }
            }
            let error = (f["error"] as? [String: Any])?["code"] as? String
            return Entry(path: f["path"] as? String ?? "", expectations: expectations, errorCode: error)
        }
    }

    static func satisfied(_ e: Expectation, by findings: [Finding]) -> Bool {
        findings.contains { f in
            guard f.category.rawValue == e.category else { return false }
            if e.checksPart, f.location.part != e.part { return false }
            if let lat = e.latitude {
                return f.evidence.hasPrefix(String(format: "%.4f", lat).prefix(6))
            }
            guard let value = e.value, !value.isEmpty else { return true }
            // Evidence is the matched text, or a field's whole value.
            return f.evidence == value || f.evidence.contains(value) || value.contains(f.evidence)
        }
    }

    @Test("office, PDF, archive and e-mail fixtures give their findings through the scanner",
          arguments: ["documents/office/manifest.json", "documents/pdf/manifest.json",
                      "archives/manifest.json", "documents/mail-html-manifest.json"])
    func corpus(_ manifest: String) async throws {
        let entries = try Self.load(manifest)
        try #require(!entries.isEmpty)
        let scanner = Scanner(options: ScanOptions(showValues: true))
        let items = entries.map {
            InputItem(displayPath: $0.path, source: .file(path: TestSupport.corpus.appendingPathComponent($0.path).path))
        }
        let report = await scanner.scan(items)
        var problems: [String] = []
        for (entry, file) in zip(entries, report.files) {
            if let code = entry.errorCode {
                if file.error?.code != code { problems.append("\(entry.path): expected error \(code), got \(String(describing: file.error))") }
                continue
            }
            if file.status == .skipped { problems.append("\(entry.path): skipped: \(String(describing: file.error))"); continue }
            for e in entry.expectations where !Self.satisfied(e, by: file.findings) {
                let near = file.findings.filter { $0.category.rawValue == e.category }.map { "\($0.evidence) @ \($0.location.part ?? "nil")" }
                problems.append("\(entry.path): missing \(e.category) \(e.value ?? "") in \(e.part ?? "-"); have \(near.prefix(8))")
            }
        }
        let all = entries.flatMap(\.expectations)
        print("documents: \(manifest): \(all.count) expected findings, \(all.filter(\.checksPart).count) at a named part")
        for p in problems { print("  documents: " + p) }
        #expect(problems.isEmpty, "\(problems.count) problems in \(manifest); see the lines above")
    }

    @Test("a JPEG with GPS inside a DOCX inside a ZIP is found with its whole part chain")
    func nestedPartChain() async throws {
        let path = TestSupport.corpus.appendingPathComponent("archives/ho-so-ung-tuyen.zip").path
        let report = await Scanner(options: ScanOptions(showValues: true)).scan([InputItem(displayPath: "z", source: .file(path: path))])
        let gps = report.files.first?.findings.filter { $0.category == .gpsLocation } ?? []
        #expect(gps.contains { ($0.location.part ?? "").hasSuffix(".docx/word/media/image1.jpeg") }, "\(gps.map(\.location))")
    }
}
