import Foundation
import Testing
@testable import PDPCheck

/// The container-level fields (QuickTime UserData / Keys / ItemList, PNG text, GIF comment)
/// and embedded parts read from Corpus/media agree with ExifTool's output stored next to them
/// (`Corpus/media/oracle/**.json`, from `exiftool -j -G1 -n -a -ee`). Decoded EXIF/XMP/IPTC
/// fields are the decoders' business and are checked elsewhere.
@Suite("Media containers: ExifTool oracle")
struct MediaContainerOracleTests {
    static let media = TestSupport.corpus.appendingPathComponent("media")
    static let containerGroups: Set<String> = ["UserData", "Keys", "ItemList", "PNG"]
    /// Our own names for values ExifTool folds into LocationInformation, and the timed-track
    /// summary ExifTool has no tag for.
    static let ownNames: Set<String> = ["UserData:LocationName", "UserData:LocationCoordinates", "UserData:LocationNotes"]

    static func oracle(for relative: String) -> [String: Any]? {
        let url = media.appendingPathComponent("oracle").appendingPathComponent(relative + ".json")
        guard let data = try? Data(contentsOf: url),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return nil }
        return list.first
    }

    static func mediaFiles() -> [String] {
        guard let folders = try? FileManager.default.contentsOfDirectory(atPath: media.path) else { return [] }
        var out: [String] = []
        for folder in folders.sorted() where !["oracle", "payloads"].contains(folder) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: media.appendingPathComponent(folder).path)) ?? []
            out += names.sorted().filter { !$0.hasPrefix(".") && !$0.hasSuffix(".json") }.map { "\(folder)/\($0)" }
        }
        return out
    }

    func read(_ relative: String) throws -> MediaMetadata? {
        let file = try FileSource(path: Self.media.appendingPathComponent(relative).path)
        defer { file.close() }
        guard let sniff = SignatureSniffer.sniff(try file.read(at: 0, count: 64)),
              MediaContainerReader.handles(sniff.format) else { return nil }
        return try MediaContainerReader.read(sniff.format, from: file)
    }

    static func text(_ value: MetadataValue) -> String? {
        switch value {
        case .text(let t): return t
        case .number(let n): return String(n)
        case .numbers(let n): return n.map { String($0) }.joined(separator: " ")
        default: return nil
        }
    }

    @Test func containerFieldsMatchExifTool() throws {
        var compared = 0
        for relative in Self.mediaFiles() {
            guard let oracle = Self.oracle(for: relative), let m = try read(relative) else { continue }
            let ours = Dictionary(m.fields.map { ("\($0.group):\($0.name)", $0.value) }, uniquingKeysWith: { a, _ in a })
            // Every container field ExifTool reports, we report, with the same value.
            for (key, expected) in oracle where Self.containerGroups.contains(String(key.split(separator: ":")[0])) {
                if key.hasPrefix("PNG:"), ["ImageWidth", "ImageHeight", "BitDepth", "ColorType", "Compression", "Filter",
                                             "Interlace", "SRGBRendering", "Gamma", "PixelsPerUnitX", "PixelsPerUnitY",
                                             "PixelUnits", "WhitePointX", "WhitePointY"].contains(String(key.dropFirst(4))) {
                    continue  // image header fields, not metadata
                }
                guard let value = ours[key] else {
                    Issue.record("\(relative): missing \(key) = \(expected)")
                    continue
                }
                compared += 1
                if case .numbers(let numbers) = value, let string = expected as? String {
                    let theirs = string.split(separator: " ").compactMap { Double($0) }
                    #expect(theirs.count == numbers.count && zip(theirs, numbers).allSatisfy { abs($0 - $1) < 1e-6 },
                            "\(relative) \(key): \(numbers) vs \(string)")
                } else if let string = expected as? String, key.hasSuffix("Date") == false {
                    #expect(Self.text(value) == string, "\(relative) \(key)")
                }
            }
            // Every container field we report, ExifTool reports (except our own split-outs).
            for key in ours.keys where Self.containerGroups.contains(String(key.split(separator: ":")[0]))
                && !Self.ownNames.contains(key) {
                #expect(oracle[key] != nil, "\(relative): we report \(key), ExifTool does not")
            }
            // GIF / JPEG comments.
            if let comment = oracle["File:Comment"] as? String {
                let blocks = m.blocks.filter { $0.kind == .comment }.map { String(decoding: $0.bytes, as: UTF8.self) }
                #expect(blocks.contains(comment), "\(relative): comment")
                compared += 1
            }
            // ExifTool's MPF and embedded-video reports have a counterpart in our embedded parts.
            if oracle.keys.contains(where: { $0.hasPrefix("MPImage2:") }) {
                #expect(m.embedded.contains { $0.label == "MPF image 2" }, "\(relative): MPF image 2")
            }
            if oracle["File:EmbeddedVideo"] != nil || oracle["Trailer:EmbeddedVideo"] != nil {
                #expect(m.embedded.contains { $0.label.hasPrefix("trailer M") }, "\(relative): trailer video")
            }
        }
        if !Self.mediaFiles().isEmpty { #expect(compared > 0) }
    }

    /// The parts the manifest places in embedded images exist as embedded ranges.
    @Test func manifestPartsAreFound() throws {
        let url = Self.media.appendingPathComponent("manifest.json")
        guard let data = try? Data(contentsOf: url),
              let manifest = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let files = manifest["files"] as? [[String: Any]] else { return }
        for file in files {
            guard let path = file["path"] as? String, let expect = file["expect"] as? [[String: Any]] else { continue }
            let parts = Set(expect.compactMap { $0["part"] as? String })
            guard !parts.isEmpty, let m = try read(String(path.dropFirst("media/".count))) else { continue }
            let labels = Set(m.embedded.map(\.label))
            for part in parts { #expect(labels.contains(part), "\(path): no embedded \(part), found \(labels)") }
        }
    }
}
