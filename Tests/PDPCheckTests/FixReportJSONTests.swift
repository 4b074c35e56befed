import Foundation
import Testing
@testable import PDPCheck

/// The fix report's hand-written JSON says exactly what `FixReport`'s Codable encoding says:
/// on a report with every optional field set and left out, and on a real fix of corpus files.
@Suite("Fix report JSON writer")
struct FixReportJSONTests {
    static func sampleReport() -> FixReport {
        let remaining = JSONReportRendererTests.sampleReport().files[0].findings
        var fixed = FileFixReport(path: "ảnh/nhà \"mới\".jpg", mediaType: "image/jpeg", status: .fixed)
        fixed.output = "out/ảnh/nhà \"mới\".jpg"
        fixed.changes = [
            FileFixReport.Change(kind: "metadata-removed", category: .gpsLocation, place: "JPEG APP1 Exif",
                                 fields: ["GPS:GPSLatitude", "GPS:GPSLongitude"], count: 2),
            FileFixReport.Change(kind: "redacted", category: .phoneNumber, action: "mask", place: nil, fields: [], count: 1),
            FileFixReport.Change(kind: "metadata-removed", category: nil, place: "IFD1 thumbnail", fields: ["a\tb\n\\ /"], count: 1),
        ]
        fixed.payload = FileFixReport.PayloadProof(before: "ab", after: "ab")
        fixed.needsPerson = ["Mọi người trong ảnh cần đồng ý"]
        fixed.notes = ["note \u{01}"]
        var incomplete = FileFixReport(path: "b.docx", mediaType: nil, status: .incomplete, reason: "left")
        incomplete.backup = "b.docx.orig"
        incomplete.remaining = remaining
        incomplete.payload = FileFixReport.PayloadProof(before: "ab", after: "cd")
        let failed = FileFixReport(path: "c.pdf", mediaType: "application/pdf", status: .notFixed, reason: "re-export")
        return FixReport(policy: "default", stripMode: .privacy, files: [fixed, incomplete, failed])
    }

    static func codableValue(_ report: FixReport) throws -> NSObject {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try JSONSerialization.jsonObject(with: encoder.encode(report)) as? NSObject ?? NSNull()
    }

    static func writtenValue(_ report: FixReport) throws -> NSObject {
        let written = FixReportRenderer.render(report, format: .json, language: .en)
        return try JSONSerialization.jsonObject(with: Data(written)) as? NSObject ?? NSNull()
    }

    @Test("every field, set and unset: the same JSON value as Codable")
    func sampleMatchesCodable() throws {
        let report = Self.sampleReport()
        #expect(try Self.writtenValue(report) == Self.codableValue(report))
    }

    @Test("a real fix of corpus photos, a draft and a document: the same JSON value as Codable")
    func realFixMatchesCodable() async throws {
        let out = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let corpus = TestSupport.packageRoot.appendingPathComponent("Corpus")
        let inputs = ["media/jpeg/gps-exif.jpg", "media/jpeg/faces-mwg.jpg", "media/png", "drafts/charity-01.txt",
                      "documents/office"].map { corpus.appendingPathComponent($0).path }
        let fixer = Fixer(options: FixOptions(output: .folder(out.path), scan: ScanOptions(jobs: 2)))
        let report = await fixer.fix(paths: inputs)
        #expect(report.files.count > 5)
        #expect(report.files.contains { !$0.changes.isEmpty && $0.payload != nil })
        #expect(try Self.writtenValue(report) == Self.codableValue(report))
    }
}
