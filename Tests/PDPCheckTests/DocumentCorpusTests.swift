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
        var part: String?
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
            let expectations = lists.compactMap { e -> Expectation? in
                guard let category = e["category"] as? String else { return nil }
                return Expectation(category: category, value: e["value"].map { "\($0)" },
                                   part: e["part"] as? String, latitude: e["latitude"] as? Double)
            }
            let error = (f["error"] as? [String: Any])?["code"] as? String
            return Entry(path: f["path"] as? String ?? "", expectations: expectations, errorCode: error)
        }
    }

    static func satisfied(_ e: Expectation, by findings: [Finding]) -> Bool {
        findings.contains { f in
            guard f.category.rawValue == e.category else { return false }
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
                problems.append("\(entry.path): missing \(e.category) \(e.value ?? "") in \(e.part ?? "-")")
            }
        }
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
