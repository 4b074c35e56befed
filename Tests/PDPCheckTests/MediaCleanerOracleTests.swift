import Foundation
import Testing
@testable import PDPCheck

/// ExifTool (run live) on our cleaned copies: no GPS, place names, regions, people, serials,
/// owners or authors, and no error or warning (the copies still parse). Orientation and the
/// colour profile survive, including in `.all` mode.
@Suite("Media cleaner oracle (ExifTool)", .serialized)
struct MediaCleanerOracleTests {
    /// Tag names (family-1 groups vary) that must be gone.
    static let forbidden: Set<String> = [
        "City", "Sub-location", "Province-State", "Country-PrimaryLocationName", "State", "Country", "Location",
        "LocationName", "LocationInformation", "LocationShownCity", "LocationShownSublocation", "LocationCreatedCity",
        "LocationShownGPSLatitude", "LocationShownGPSLongitude", "RegionName", "RegionType", "RegionRectangle",
        "RegionPersonDisplayName", "RegionInfo", "RegionList", "PersonInImage", "Face1Name", "Face2Name",
        "RecognizedFaceName", "FacesDetected", "SerialNumber", "LensSerialNumber", "InternalSerialNumber",
        "CameraSerialNumber", "OwnerName", "CameraOwnerName", "Artist", "XPAuthor", "Creator", "By-line", "Author",
        "Writer-Editor", "CaptionWriter", "TagsList", "HierarchicalSubject", "ThumbnailImage", "PhotoshopThumbnail",
        "Comment", "UserComment", "XPComment",
    ]

    static func violations(_ tags: [String: Any]) -> [String] {
        var found: [String] = []
        for (key, value) in tags {
            let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0] != "Composite", parts[0] != "System" else { continue }
            let name = parts[1]
            if name == "Warning" || name == "Error" { found.append("\(key)=\(value)") }
            if name.contains("GPS") { found.append(key) }
            if forbidden.contains(name) { found.append(key) }
        }
        return found
    }

    @Test("ExifTool finds no personal field, warning or error in any cleaned corpus file", arguments: StripMode.allCases)
    func oracle(mode: StripMode) throws {
        let dir = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var written: [String: String] = [:]
        for entry in try MediaCleanerFixtures.entries() where !entry.clean {
            let result = try MediaMetadataCleaner.clean(try MediaCleanerFixtures.bytes(entry.path), options: MediaCleanOptions(mode: mode))
            let name = entry.path.replacingOccurrences(of: "/", with: "_")
            let url = dir.appendingPathComponent(name)
            try Data(result.bytes).write(to: url)
            written[url.path] = entry.path
        }
        let oracle = try MediaCleanerFixtures.exiftool(Array(written.keys).sorted(), extra: ["-ee"])
        try #require(oracle.count == written.count, "exiftool is needed (scripts/setup.sh installs it)")
        var problems: [String] = []
        for tags in oracle {
            let source = tags["SourceFile"] as? String ?? "?"
            let found = Self.violations(tags)
            if !found.isEmpty { problems.append("\(written[source] ?? source): \(found.sorted().joined(separator: ", "))") }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test("orientation and the ICC profile survive in both modes (JPEG, PNG, WebP, TIFF)")
    func displayMetadataSurvives() throws {
        let dir = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let icc = dir.appendingPathComponent("profile.icc")
        try Data(MediaCleanerFixtures.iccProfile).write(to: icc)
        var inputs: [String] = []
        for source in ["media/jpeg/gps-exif.jpg", "media/png/exif-gps.png", "media/tiff/exif-gps.tif"] {
            let out = dir.appendingPathComponent("in-" + (source as NSString).lastPathComponent)
            try MediaCleanerFixtures.exiftoolWrite(["-o", out.path, "-ICC_Profile<=\(icc.path)", "-Orientation#=6",
                                                    TestSupport.corpus.appendingPathComponent(source).path])
            if FileManager.default.fileExists(atPath: out.path) { inputs.append(out.path) }
        }
        // ExifTool does not write WebP: the JPEG's EXIF (with the orientation) and the profile
        // are put into the WebP by hand.
        if let jpeg = inputs.first, let exif = try MediaContainerReader.read(
            .jpeg, from: MemoryByteSource([UInt8](try Data(contentsOf: URL(fileURLWithPath: jpeg))))).blocks.first(where: { $0.kind == .exif }) {
            let webp = Self.webp(try MediaCleanerFixtures.bytes("media/webp/exif-xmp.webp"), exif: exif.bytes,
                                 icc: MediaCleanerFixtures.iccProfile)
            let out = dir.appendingPathComponent("in-exif-xmp.webp")
            try Data(webp).write(to: out)
            inputs.append(out.path)
        }
        try #require(inputs.count == 4, "exiftool could not write the fixtures")
        var outputs: [String] = []
        for mode in StripMode.allCases {
            for path in inputs {
                let input = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
                let result = try MediaMetadataCleaner.clean(input, options: MediaCleanOptions(mode: mode))
                #expect(result.payloadUnchanged)
                let out = dir.appendingPathComponent("\(mode.rawValue)-" + (path as NSString).lastPathComponent)
                try Data(result.bytes).write(to: out)
                outputs.append(out.path)
            }
        }
        let before = try MediaCleanerFixtures.exiftool(inputs, extra: ["-Orientation", "-ICC_Profile", "-b"])
        let after = try MediaCleanerFixtures.exiftool(outputs, extra: ["-Orientation", "-ICC_Profile", "-b", "-Warning", "-Error"])
        try #require(before.count == inputs.count && after.count == outputs.count)
        func value(_ tags: [String: Any], _ suffix: String) -> String? {
            tags.first { $0.key.hasSuffix(":" + suffix) }.map { "\($0.value)" }
        }
        for tags in before {
            #expect(value(tags, "Orientation") == "6", "fixture \(tags["SourceFile"] ?? "")")
            #expect(value(tags, "ICC_Profile") != nil, "fixture \(tags["SourceFile"] ?? "")")
        }
        let profile = value(before[0], "ICC_Profile")
        for tags in after {
            let file = tags["SourceFile"] as? String ?? "?"
            #expect(value(tags, "Orientation") == "6", "\(file): orientation lost")
            #expect(value(tags, "ICC_Profile") == profile, "\(file): colour profile lost or changed")
            #expect(value(tags, "Warning") == nil && value(tags, "Error") == nil, "\(file): \(tags)")
        }
    }

    /// The WebP with its EXIF replaced and an ICCP chunk added (VP8X flags set to match).
    static func webp(_ b: [UInt8], exif: [UInt8], icc: [UInt8]) -> [UInt8] {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let n = data.count
            return Array(type.utf8) + [UInt8(n & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 24 & 0xFF)]
                + data + (n & 1 == 1 ? [0] : [])
        }
        var body: [UInt8] = []
        var i = 12
        while i + 8 <= b.count {
            let type = String(decoding: b[i..<(i + 4)], as: UTF8.self)
            let n = Int(b[i + 4]) | Int(b[i + 5]) << 8 | Int(b[i + 6]) << 16 | Int(b[i + 7]) << 24
            let end = min(b.count, i + 8 + n + (n & 1))
            switch type {
            case "VP8X":
                var x = Array(b[i..<end])
                x[8] |= 0x20 | 0x08
                body += x + chunk("ICCP", icc)
            case "EXIF": body += chunk("EXIF", exif)
            default: body += b[i..<end]
            }
            i = end
        }
        let size = body.count + 4
        return Array("RIFF".utf8) + [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24 & 0xFF)]
            + Array("WEBP".utf8) + body
    }
}
