import Foundation
import Testing
@testable import PDPCheck

/// What we report for GPS, faces, people, serial numbers and authors in every corpus media file
/// agrees with ExifTool (`exiftool -j -G1 -n -a -ee`, run live; the test command installs it).
/// Compared as sets of values per file and per kind; parts ExifTool does not read (an image
/// appended after EOI, a motion photo's video) are left out on our side.
@Suite("Media oracle (ExifTool)")
struct MediaOracleTests {
    enum Kind: String, CaseIterable { case gps, faces, people, serials, authors }

    /// ExifTool tag names per kind (family-1 groups vary; Composite tags are derived, skipped).
    static let oracleNames: [Kind: Set<String>] = [
        .people: ["RegionName", "RegionPersonDisplayName", "PersonInImage", "RecognizedFaceName",
                  "Face1Name", "Face2Name", "Face3Name", "Face4Name"],
        .serials: ["SerialNumber", "LensSerialNumber", "InternalSerialNumber", "CameraSerialNumber", "OwnerName",
                   "CameraOwnerName"],
        .authors: ["Artist", "XPAuthor", "Creator", "By-line", "Author"],
    ]

    static func exiftool(_ paths: [String]) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["exiftool", "-j", "-G1", "-n", "-a", "-ee", "-charset", "filename=utf8"] + paths
        process.currentDirectoryURL = TestSupport.corpus
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
    }

    static func strings(_ value: Any) -> [String] {
        if let a = value as? [Any] { return a.flatMap(strings) }
        if let s = value as? String { return [s] }
        if let n = value as? NSNumber { return [n.stringValue] }
        return []
    }

    /// ExifTool's facts for one file. `timedTrack`: our scan reports a timed GPS track, whose
    /// positions ExifTool reads sample by sample (-ee) into Track groups; those are not compared.
    static func oracleFacts(_ tags: [String: Any], timedTrack: Bool = false) -> [Kind: Set<String>] {
        var facts: [Kind: Set<String>] = [:]
        var lat: [String: Double] = [:], lon: [String: Double] = [:], refs: [String: String] = [:]
        // MWG region names count as people only for Face regions (a Pet region named "Mực" is not).
        var regionTypes: [String: [String]] = [:]
        for (key, value) in tags where key.hasSuffix(":RegionType") { regionTypes[String(key.dropLast(11))] = strings(value) }
        for (key, value) in tags {
            let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0] != "Composite" else { continue }
            let (group, name) = (parts[0], parts[1])
            if timedTrack, group.hasPrefix("Track"), name.contains("GPS") { continue }
            for kind in [Kind.people, .serials, .authors] where oracleNames[kind]!.contains(name) {
                var values = strings(value)
                if name == "RegionName", let types = regionTypes[group], types.count == values.count {
                    values = zip(values, types).filter { $0.1 == "Face" }.map(\.0)
                }
                for s in values where !s.trimmingCharacters(in: .whitespaces).isEmpty {
                    facts[kind, default: []].insert(s.trimmingCharacters(in: .whitespaces))
                }
            }
            if name == "RegionType" && group.hasPrefix("XMP-mwg-rs") {
                let faces = strings(value).filter { $0 == "Face" }.count
                if faces > 0 { facts[.faces, default: []].insert("\(faces)") }
            }
            if name == "RegionRectangle" && group == "XMP-MP" {
                facts[.faces, default: []].insert("\(strings(value).count)")
            }
            if name == "LocationInformation", let v = GPSLocationDetector.labelledPosition(strings(value).first ?? "") {
                facts[.gps, default: []].insert(position(v[0], v[1]))
            }
            if name == "FacesDetected", let n = Int(strings(value).first ?? ""), n > 0 { facts[.faces, default: []].insert("\(n)") }
            if name.hasSuffix("GPSLatitude"), let v = Double(strings(value).first ?? "") { lat[group + name.dropLast(11)] = v }
            if name.hasSuffix("GPSLongitude"), let v = Double(strings(value).first ?? "") { lon[group + name.dropLast(12)] = v }
            if name.hasSuffix("GPSLatitudeRef") { refs[group + name.dropLast(14) + "lat"] = strings(value).first }
            if name.hasSuffix("GPSLongitudeRef") { refs[group + name.dropLast(15) + "lon"] = strings(value).first }
            if name == "GPSCoordinates" {
                let v = (strings(value).first ?? "").split(separator: " ").compactMap { Double($0) }
                if v.count >= 2, v[0] != 0 || v[1] != 0 { facts[.gps, default: []].insert(position(v[0], v[1])) }
            }
        }
        for (key, la) in lat {
            guard let lo = lon[key] else { continue }
            let sla = refs[key + "lat"] == "S" && la > 0 ? -la : la
            let slo = refs[key + "lon"] == "W" && lo > 0 ? -lo : lo
            if sla != 0 || slo != 0 { facts[.gps, default: []].insert(position(sla, slo)) }
        }
        return facts
    }

    static func position(_ lat: Double, _ lon: Double) -> String { String(format: "%.4f,%.4f", lat, lon) }

    /// Our facts for one file, from findings shown with values.
    static func ourFacts(_ report: FileReport) -> [Kind: Set<String>] {
        var facts: [Kind: Set<String>] = [:]
        for f in report.findings where f.location.part == nil || f.location.part?.hasPrefix("MPF") == true {
            let name = f.location.field ?? ""
            switch f.category {
            case .gpsLocation:
                if let (la, lo) = MediaCorpusTests.coordinates(f), la != 0 || lo != 0 { facts[.gps, default: []].insert(position(la, lo)) }
            case .faceRegion:
                if let n = f.evidence.split(separator: " ").first { facts[.faces, default: []].insert(String(n)) }
            case .personTag where oracleNames[.people]!.contains(name):
                facts[.people, default: []].insert(f.evidence)
            case .deviceIdentity where oracleNames[.serials]!.contains(name):
                facts[.serials, default: []].insert(f.evidence)
            case .authorIdentity where oracleNames[.authors]!.contains(name):
                facts[.authors, default: []].insert(f.evidence)
            default: break
            }
        }
        return facts
    }

    @Test("GPS, faces, people, serials and authors agree with exiftool on every corpus media file")
    func agreesWithExifTool() async throws {
        let manifest = try MediaCorpusTests.manifest()
        let paths = manifest.files.map(\.path)
        let oracle = try Self.exiftool(paths)
        try #require(oracle.count == paths.count, "exiftool is needed (scripts/setup.sh installs it)")
        let reports = await MediaCorpusTests.scan(paths)
        var disagreements: [String] = []
        for (path, (tags, report)) in zip(paths, zip(oracle, reports)) {
            let theirs = Self.oracleFacts(tags, timedTrack: report.findings.contains { $0.ruleId == "meta.gps.track" })
            let ours = Self.ourFacts(report)
            for kind in Kind.allCases where theirs[kind, default: []] != ours[kind, default: []] {
                disagreements.append("\(path) \(kind): exiftool \(theirs[kind, default: []].sorted()) vs ours \(ours[kind, default: []].sorted())")
            }
        }
        for line in disagreements { print("  oracle: " + line) }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements; see the lines above")
    }
}
