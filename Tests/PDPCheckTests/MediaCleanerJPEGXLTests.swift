import Foundation
import Testing
@testable import PDPCheck

/// JPEG XL cleaned in place: metadata boxes rebuilt or turned into `free` at their size, the
/// codestream (`jxlc` / `jxlp`) byte for byte the input's, a bare codestream unchanged.
@Suite("Media cleaner: JPEG XL")
struct MediaCleanerJPEGXLTests {
    static let path = "media/jxl/exif-xmp.jxl"

    /// Top-level (type, start, end) of a JPEG XL container, read without our walker.
    static func boxes(_ b: [UInt8]) -> [(type: String, start: Int, end: Int)] {
        var out: [(String, Int, Int)] = []
        var i = 0
        while i + 8 <= b.count {
            var n = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            if n == 0 { n = b.count - i }
            guard n >= 8, i + n <= b.count else { break }
            out.append((String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self), i, i + n))
            i += n
        }
        return out
    }

    @Test("metadata boxes are cleaned in place; the codestream is untouched", arguments: StripMode.allCases)
    func cleansInPlace(mode: StripMode) throws {
        let input = try MediaCleanerFixtures.bytes(Self.path)
        let result = try MediaMetadataCleaner.clean(input, options: MediaCleanOptions(mode: mode))
        let out = result.bytes
        #expect(result.format == .jpegXL && result.changed && result.payloadUnchanged)
        #expect(out.count == input.count)
        let before = Self.boxes(input), after = Self.boxes(out)
        #expect(before.map(\.start) == after.map(\.start) && before.map(\.end) == after.map(\.end))
        for (a, b) in zip(before, after) {
            switch a.type {
            case "JXL ", "ftyp", "jxll", "jxlp", "jxlc":
                #expect(b.type == a.type && out[b.start..<b.end] == input[a.start..<a.end], "\(a.type) changed")
            case "Exif", "xml ":
                #expect(b.type == (mode == .all ? "free" : a.type), "\(a.type) in \(mode)")
            case "brob", "jumb":
                #expect(b.type == "free" && out[(b.start + 8)..<b.end].allSatisfy { $0 == 0 }, "\(a.type)")
            default:
                Issue.record("unexpected box \(a.type)")
            }
        }
        // The payload is the codestream, and it is the input's.
        let codestream = before.filter { $0.type == "jxlp" }.flatMap { Array(input[($0.start + 8)..<$0.end]) }
        #expect(try MediaPayload.bytes(input, format: .jpegXL) == codestream)
        #expect(try MediaPayload.bytes(out, format: .jpegXL) == codestream)
        // The Brotli-stored Exif copy is gone with its box: no byte run of the Exif is left.
        let exif = try #require(before.first { $0.type == "Exif" })
        let tiff = Array(input[(exif.start + 12)..<min(exif.end, exif.start + 60)])
        #expect(BinaryCursor.firstIndex(of: tiff, in: out) == nil || mode == .privacy)

        // Our re-scan finds nothing fixable, and no GPS, person or author at all.
        #expect(MediaCleanVerifier.remainingFixable(in: out, options: MediaCleanOptions(mode: mode)).isEmpty)
        let report = Scanner().scanItem(InputItem(displayPath: Self.path, source: .bytes(out)))
        #expect(!report.findings.contains { [.gpsLocation, .personTag, .authorIdentity].contains($0.category) },
                "\(report.findings.map { "\($0.category) \($0.location.field ?? "")" })")
        if mode == .privacy {
            let fields = MetadataDecoder.decode(try MediaContainerReader.read(.jpegXL, from: MemoryByteSource(out)).blocks)
            #expect(fields.contains { $0.group == "IFD0" && $0.name == "Make" }, "privacy keeps the camera make")
            #expect(!fields.contains { $0.group == "GPS" })
        }
    }

    @Test("a bare codestream and a clean container come back unchanged")
    func unchanged() throws {
        let clean = try MediaCleanerFixtures.bytes("media/jxl/clean.jxl")
        let bare = Array(clean[Self.boxes(clean).first { $0.type == "jxlc" }.map { ($0.start + 8)..<$0.end } ?? 0..<0])
        #expect(bare.starts(with: [0xFF, 0x0A]))
        for input in [clean, bare] {
            for mode in StripMode.allCases {
                let result = try MediaMetadataCleaner.clean(input, options: MediaCleanOptions(mode: mode))
                #expect(result.bytes == input && !result.changed && result.payloadUnchanged)
            }
        }
        #expect(try MediaPayload.bytes(bare, format: .jpegXL) == bare)
        #expect(try MediaPayload.bytes(clean, format: .jpegXL) == bare)
    }

    @Test("a JPEG XL without the container signature is refused")
    func noSignature() {
        #expect(throws: ScanError.self) {
            try MediaMetadataCleaner.clean([0, 0, 0, 0x0C] + Array("JXL ".utf8) + [0, 0, 0, 0], options: MediaCleanOptions(), format: .jpegXL)
        }
    }
}
