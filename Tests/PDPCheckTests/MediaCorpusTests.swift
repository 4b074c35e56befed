import Foundation
import Testing
@testable import PDPCheck

/// The media fixtures (Corpus/media, made by Corpus/tools/build_media.py) scanned through the
/// whole pipeline: every expected field is reported, clean files stay clean, negatives stay quiet.
@Suite("Media corpus")
struct MediaCorpusTests {
    struct Expectation: Decodable {
        let category: String
        let group: String
        let field: String
        let value: JSONScalar?
        let count: Int?
        let severity: String?
        let part: String?
        let match: String?
        let latitude: Double?
        let longitude: Double?
        /// The position is in a timed metadata track's samples: we report the track, not each position.
        let timedTrack: Bool?
    }

    struct Entry: Decodable {
        let path: String
        let container: String
        let clean: Bool
        let expect: [Expectation]
        let negatives: [Expectation]?
    }

    struct Manifest: Decodable { let files: [Entry] }

    /// A manifest value: text or number.
    enum JSONScalar: Decodable {
        case text(String), number(Double)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let d = try? c.decode(Double.self) { self = .number(d) } else { self = .text(try c.decode(String.self)) }
        }
        var text: String {
            switch self {
            case .text(let s): return s
            case .number(let d): return MetadataValue.format(d)
            }
        }
    }

    static func manifest() throws -> Manifest {
        let data = try Data(contentsOf: TestSupport.corpus.appendingPathComponent("media/manifest.json"))
        return try JSONDecoder().decode(Manifest.self, from: data)
    }

    static func scan(_ paths: [String]) async -> [FileReport] {
        let scanner = Scanner(options: ScanOptions(showValues: true))
        let items = paths.map { InputItem(displayPath: $0, source: .file(path: TestSupport.corpus.appendingPathComponent($0).path)) }
        return await scanner.scan(items).files
    }

    /// The coordinates a GPS finding holds ("11.940419, 108.458313").
    static func coordinates(_ f: Finding) -> (Double, Double)? {
        let parts = f.evidence.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    static func satisfies(_ f: Finding, _ e: Expectation, pairedWith all: [Expectation]) -> Bool {
        guard f.category.rawValue == e.category, f.location.part == e.part else { return false }
        switch e.category {
        case "gps_location":
            if e.timedTrack == true { return f.ruleId == "meta.gps.track" }
            // Altitude rides with the position it belongs to.
            if e.field.contains("Altitude") { return f.location.group == e.group }
            guard let (lat, lon) = coordinates(f) else { return e.severity == "low" && f.severity == .low }
            if let la = e.latitude, let lo = e.longitude { return abs(lat - la) < 1e-4 && abs(lon - lo) < 1e-4 }
            guard case .number(let v)? = e.value else { return e.severity == "low" && f.severity == .low }
            // The manifest lists latitude and longitude as two fields; one finding holds both.
            let isLatitude = e.field.contains("Latitude")
            return f.location.group == e.group && abs((isLatitude ? lat : abs(lon)) - abs(v)) < 1e-4
                || e.severity == "low" && f.severity == .low
        case "face_region":
            return f.location.group == e.group && (e.count.map { f.evidence.hasPrefix("\($0) face") } ?? true)
        case "embedded_preview", "capture_time":
            // One preview or one time is one fact, whichever copy of it is reported.
            return true
        default:
            guard let value = e.value?.text else { return true }
            let sameField = f.location.group == e.group && f.location.field == e.field
            if e.match == "contains" || Category(rawValue: e.category)?.kind == .text {
                return sameField && (value.contains(f.evidence) || f.evidence.contains(value))
            }
            // Keyword hierarchies hold the name at the end ("People|Trần Thị Mai Anh").
            if e.category == "person_tag" { return sameField && value.hasSuffix(f.evidence) }
            return sameField && f.evidence == value
        }
    }

    @Test("every fixture reports what it holds, clean fixtures nothing, negatives stay quiet")
    func fixtures() async throws {
        let manifest = try Self.manifest()
        let reports = await Self.scan(manifest.files.map(\.path))
        var problems: [String] = []
        for (entry, report) in zip(manifest.files, reports) {
            if report.status != .scanned {
                problems.append("\(entry.path): \(report.status) \(String(describing: report.error))")
                continue
            }
            if entry.clean && !report.findings.isEmpty {
                problems.append("\(entry.path): clean file has \(report.findings.map { "\($0.category.rawValue) \($0.evidence)" })")
            }
            for e in entry.expect where !report.findings.contains(where: { Self.satisfies($0, e, pairedWith: entry.expect) }) {
                problems.append("\(entry.path): missing \(e.category) \(e.group):\(e.field) = \(e.value?.text ?? "") part \(e.part ?? "-")"
                                + " — have \(report.findings.map { "\($0.category.rawValue) \($0.location.group ?? ""):\($0.location.field ?? "")=\($0.evidence) part \($0.location.part ?? "-")" })")
            }
            for n in entry.negatives ?? [] {
                if let hit = report.findings.first(where: { $0.category.rawValue == n.category && $0.evidence == n.value?.text }) {
                    problems.append("\(entry.path): negative reported: \(hit.category.rawValue) \(hit.evidence)")
                }
            }
            // Categories the fixture does not hold must not be reported.
            let expected = Set(entry.expect.map(\.category))
            for f in report.findings where f.category.kind == .metadata && !expected.contains(f.category.rawValue) {
                problems.append("\(entry.path): unexpected \(f.category.rawValue) \(f.location.group ?? ""):\(f.location.field ?? "") \(f.evidence)")
            }
        }
        for p in problems { print("  media: " + p) }
        #expect(problems.isEmpty, "\(problems.count) problems; see the lines above")
    }
}
