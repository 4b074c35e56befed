import Foundation
import Testing
@testable import PDPCheck

/// The hand-written JSON writer says exactly what `Report`'s Codable encoding says.
@Suite("JSON report writer")
struct JSONReportRendererTests {
    static func sampleReport() -> Report {
        let legal = [LegalReference(instrument: "Decree 356/2025/NĐ-CP", article: "Art. 3(7)"),
                     LegalReference(instrument: "Law 91/2025/QH15", article: "Art. 31", id: "law91-art31",
                                    summary: "Vị trí \"nhạy cảm\"", toVerify: true)]
        let fix = FixSuggestion(action: .mask, automatic: true, advice: "Che số \"điện thoại\"\n\t\\ / \u{01}")
        let text = Finding(ruleId: "vn.phone.mobile", category: .phoneNumber, severity: .high, confidence: 0.9749,
                           evidence: "09••.•••.456", location: .text(part: nil, start: 22, end: 34, line: 1, column: 18),
                           legal: legal, fix: fix)
        let meta = Finding(ruleId: "meta.gps", category: .gpsLocation, severity: .high, confidence: 1,
                           evidence: "11.94°N 108.46°E", location: .metadata(part: "MPF image 2", container: "EXIF",
                                                                          field: "GPSLatitude", group: "GPS"),
                           legal: [], fix: FixSuggestion(action: .stripMetadata, automatic: true, advice: "x"),
                           destination: DestinationAdjustment(name: "facebook-post", metadata: "stripped", certainty: "reported",
                                                              originalSeverity: .high, reason: "Facebook \"strips\" EXIF"))
        let inPart = Finding(ruleId: "r", category: .emailAddress, severity: .medium, confidence: 0.5, evidence: "a",
                             location: .text(part: "word/document.xml", start: 1, end: 2, line: 1, column: 2),
                             legal: legal, fix: fix)
        return Report(policy: "default", destination: "facebook-post", files: [
            FileReport(path: "a.txt", mediaType: "text/plain", status: .scanned, findings: [text, inPart],
                       suppressed: SuppressionCounts(allowlist: 1, inlineIgnore: 2, baseline: 3)),
            FileReport(path: "b.jpg", mediaType: "image/jpeg", status: .error,
                       error: ScanError(code: "malformed", message: "cut short"), findings: [meta], notes: ["a note"]),
            FileReport(path: "c.bin", mediaType: nil, status: .skipped,
                       error: ScanError(code: "unsupported-format", message: "no")),
            FileReport(path: "d.txt", mediaType: "text/plain", status: .scanned),
        ])
    }

    @Test("same JSON value as the Codable encoding, and valid JSON")
    func matchesCodable() throws {
        let report = Self.sampleReport()
        let written = try JSONReportRenderer.render(report)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let reference = try encoder.encode(report)
        let a = try JSONSerialization.jsonObject(with: Data(written)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: reference) as? NSDictionary
        #expect(a != nil && a == b)
        // Keys appear sorted, so diffs of two reports stay readable.
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.range(of: "\"files\"")!.lowerBound < text.range(of: "\"policy\"")!.lowerBound)
        #expect(text.hasSuffix("}\n"))
        // The additive fields are there.
        for key in ["\"destination\"", "\"suppressed\"", "\"toVerify\"", "\"originalSeverity\"", "\"inlineIgnore\""] {
            #expect(text.contains(key), "\(key)")
        }
    }

    @Test("a plain report (no destination, nothing suppressed) keeps the version-1 shape plus zero counts")
    func plainReport() throws {
        let report = Report(policy: "default", files: [FileReport(path: "d.txt", mediaType: "text/plain", status: .scanned)])
        let written = try JSONReportRenderer.render(report)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(written)) as? [String: Any])
        #expect(json["destination"] == nil)
        let file = try #require((json["files"] as? [[String: Any]])?.first)
        #expect(file["suppressed"] == nil)
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["suppressed"] as? [String: Int] == ["allowlist": 0, "inlineIgnore": 0, "baseline": 0])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let a = try JSONSerialization.jsonObject(with: Data(written)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: try encoder.encode(report)) as? NSDictionary
        #expect(a == b)
    }
}
