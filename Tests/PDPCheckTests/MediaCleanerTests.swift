import Foundation
import Testing
@testable import PDPCheck

/// The cleaner on the corpus media: nothing fixable is left (our own re-scan), the image data
/// is byte for byte the input's, and clean files come back unchanged.
@Suite("Media cleaner")
struct MediaCleanerTests {
    static let personal: Set<PDPCheck.Category> = [.gpsLocation, .locationName, .faceRegion, .personTag, .deviceIdentity,
                                                   .authorIdentity]

    @Test("re-scanning every cleaned corpus file finds nothing fixable", arguments: [StripMode.privacy, .all])
    func nothingFixableLeft(mode: StripMode) throws {
        var problems: [String] = []
        let options = MediaCleanOptions(mode: mode)
        for entry in try MediaCleanerFixtures.entries() where !entry.clean {
            let result = try MediaMetadataCleaner.clean(try MediaCleanerFixtures.bytes(entry.path), options: options)
            #expect(result.changed, "\(entry.path): nothing removed")
            for f in MediaCleanVerifier.remainingFixable(in: result.bytes, options: options) {
                problems.append("\(entry.path): \(f.category.rawValue) \(f.location.group ?? ""):\(f.location.field ?? "") \(f.location.part ?? "")")
            }
            // Independent of the verifier's filter: none of the personal categories at all.
            let report = Scanner().scanItem(InputItem(displayPath: entry.path, source: .bytes(result.bytes)))
            for f in report.findings where Self.personal.contains(f.category) {
                problems.append("\(entry.path): scan still reports \(f.category.rawValue) \(f.location.field ?? "")")
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test("image payload is identical before and after, by hash and byte for byte", arguments: [StripMode.privacy, .all])
    func payloadUnchanged(mode: StripMode) throws {
        for entry in try MediaCleanerFixtures.entries() {
            let input = try MediaCleanerFixtures.bytes(entry.path)
            let result = try MediaMetadataCleaner.clean(input, options: MediaCleanOptions(mode: mode))
            #expect(result.payloadUnchanged, "\(entry.path)")
            #expect(result.payloadHashBefore == SHA256.hash(try MediaPayload.bytes(input, format: result.format)))
            let before = try MediaPayload.bytes(input, format: result.format)
            // Bytes zeroed in place (a removed GPS track's samples) are left out on both sides.
            let after = try MediaPayload.bytes(result.bytes, format: result.format, excluding: result.zeroedRanges)
            #expect(!before.isEmpty, "\(entry.path): empty payload")
            #expect(before == after, "\(entry.path): payload bytes differ")
            #expect(result.zeroedRanges.allSatisfy { r in result.bytes[r].allSatisfy { $0 == 0 } }, "\(entry.path)")
            // The raw payload of the input with the zeroed ranges zeroed is the copy's.
            var expected = input
            for r in result.zeroedRanges { expected.replaceSubrange(r, with: repeatElement(0, count: r.count)) }
            if let raw = MediaCleanerFixtures.independentPayload(expected, format: result.format) {
                #expect(!raw.isEmpty, "\(entry.path)")
                #expect(raw == MediaCleanerFixtures.independentPayload(result.bytes, format: result.format), "\(entry.path): raw payload differs")
            }
        }
    }

    @Test("clean corpus files come back byte for byte in privacy mode")
    func cleanFilesUnchanged() throws {
        for entry in try MediaCleanerFixtures.entries() where entry.clean {
            let input = try MediaCleanerFixtures.bytes(entry.path)
            let result = try MediaMetadataCleaner.clean(input, mode: .privacy)
            #expect(result.bytes == input, "\(entry.path): \(result.removed)")
            #expect(result.removed.isEmpty)
        }
    }

    @Test("in-place formats keep their size and offsets")
    func inPlaceKeepsSize() throws {
        for path in ["media/heic/iphone.heic", "media/avif/exif-xmp.avif", "media/video/iphone.mov", "media/video/3gp-loci.3gp",
                     "media/video/xmp-uuid.mp4", "media/video/gopro-gpmd.mp4", "media/video/camm-gps.mp4",
                     "media/video/iphone-mebx.mov", "media/jxl/exif-xmp.jxl",
                     "media/tiff/exif-gps.tif", "media/tiff/xmp-iptc.tif", "media/tiff/dng-like.dng"] {
            let input = try MediaCleanerFixtures.bytes(path)
            for mode in StripMode.allCases {
                let result = try MediaMetadataCleaner.clean(input, mode: mode)
                #expect(result.bytes.count == input.count, "\(path) \(mode)")
                #expect(result.changed, "\(path) \(mode)")
            }
        }
    }

    @Test("the fix report names what went, by category and container")
    func reportNamesRemovals() throws {
        let result = try MediaMetadataCleaner.clean(try MediaCleanerFixtures.bytes("media/jpeg/gps-exif.jpg"), mode: .privacy)
        let gps = result.removed.first { $0.category == .gpsLocation }
        #expect(gps?.container == "JPEG APP1 Exif")
        #expect(gps?.fields.contains("GPS:GPSLatitude") == true)
        #expect(result.removed.contains { $0.category == .captureTime && $0.fields.contains("ExifIFD:DateTimeOriginal") })

        let faces = try MediaMetadataCleaner.clean(try MediaCleanerFixtures.bytes("media/jpeg/faces-mwg.jpg"), mode: .privacy)
        #expect(faces.removed.contains { $0.category == .faceRegion && $0.fields.contains("XMP-mwg-rs:Regions") })
        #expect(!faces.needsPerson.isEmpty, "faces remain visible: consent is a person's job")
    }

    @Test("privacy keeps what is not personal; categories can be narrowed")
    func keepsTheRest() throws {
        let input = try MediaCleanerFixtures.bytes("media/jpeg/gps-exif.jpg")
        let fields = MetadataDecoder.decode(try MediaContainerReader.read(.jpeg, from: MemoryByteSource(
            try MediaMetadataCleaner.clean(input, mode: .privacy).bytes)).blocks)
        #expect(fields.contains { $0.group == "IFD0" && $0.name == "Make" })
        #expect(!fields.contains { $0.group == "GPS" })

        // Only GPS: the capture time stays.
        let narrow = MediaCleanOptions(mode: .privacy, categories: [.gpsLocation])
        let kept = MetadataDecoder.decode(try MediaContainerReader.read(.jpeg, from: MemoryByteSource(
            try MediaMetadataCleaner.clean(input, options: narrow).bytes)).blocks)
        #expect(kept.contains { $0.name == "DateTimeOriginal" })
        #expect(!kept.contains { $0.group == "GPS" })
    }

    @Test("embedded media: removed by default, cleaned in place on request")
    func embeddedMedia() throws {
        let mpf = try MediaCleanerFixtures.bytes("media/jpeg/mpf-gps.jpg")
        let removed = try MediaMetadataCleaner.clean(mpf, mode: .privacy)
        #expect(try MediaContainerReader.read(.jpeg, from: MemoryByteSource(removed.bytes)).embedded.isEmpty)

        let options = MediaCleanOptions(mode: .privacy, embeddedMedia: .clean)
        let kept = try MediaMetadataCleaner.clean(mpf, options: options)
        let metadata = try MediaContainerReader.read(.jpeg, from: MemoryByteSource(kept.bytes))
        #expect(metadata.embedded.count == 1, "the MPF image is still indexed")
        #expect(MediaCleanVerifier.remainingFixable(in: kept.bytes, options: options).isEmpty)
        if let image = metadata.embedded.first {
            let inner = Array(kept.bytes[image.range])
            #expect(inner.starts(with: [0xFF, 0xD8, 0xFF]), "the rewritten MP index points at the image")
            let fields = MetadataDecoder.decode(try MediaContainerReader.read(.jpeg, from: MemoryByteSource(inner)).blocks)
            #expect(!fields.contains { $0.group == "GPS" || $0.name == "SerialNumber" })
        }

        let motion = try MediaCleanerFixtures.bytes("media/jpeg/motion-photo.jpg")
        let video = try MediaMetadataCleaner.clean(motion, options: options)
        let trailer = try MediaContainerReader.read(.jpeg, from: MemoryByteSource(video.bytes)).embedded
        #expect(trailer.count == 1)
        #expect(MediaCleanVerifier.remainingFixable(in: video.bytes, options: options).isEmpty)
        // The video is cleaned in place: same size, so the XMP's offset from the end holds.
        let originalTrailer = try MediaContainerReader.read(.jpeg, from: MemoryByteSource(motion)).embedded
        #expect(trailer.first?.range.count == originalTrailer.first?.range.count)
    }

    @Test("unsupported and non-media input throws, never writes")
    func unsupported() {
        #expect(throws: ScanError.self) { try MediaMetadataCleaner.clean(Array("hello".utf8), mode: .privacy) }
        #expect(throws: ScanError.self) { try MediaMetadataCleaner.clean([], mode: .privacy) }
    }

    @Test("synthetic containers (every metadata place the readers know) come out clean")
    func syntheticContainers() throws {
        let samples: [(String, [UInt8])] = [
            ("jpeg", MediaContainerFixtures.jpeg()), ("jpeg+trailer", MediaContainerFixtures.jpeg(trailer: MediaContainerFixtures.mp4())),
            ("png", MediaContainerFixtures.png()), ("webp", MediaContainerFixtures.webp()), ("gif", MediaContainerFixtures.gif()),
            ("heic", MediaContainerFixtures.heic()), ("mp4", MediaContainerFixtures.mp4()),
            ("jxl", MediaContainerFixtures.jxl()),
        ]
        for embedded in [EmbeddedMediaAction.remove, .clean] {
            let options = MediaCleanOptions(mode: .privacy, embeddedMedia: embedded)
            for (name, input) in samples {
                let result = try MediaMetadataCleaner.clean(input, options: options)
                #expect(result.payloadUnchanged, "\(name)")
                #expect(result.changed, "\(name)")
                let left = MediaCleanVerifier.remainingFixable(in: result.bytes, options: options)
                // The timed GPS track of the synthetic MP4 is removed in place too.
                #expect(left.isEmpty, "\(name) \(embedded): \(left.map { "\($0.location.group ?? ""):\($0.location.field ?? "") \($0.location.part ?? "")" })")
                #expect(!result.needsPerson.contains { $0.contains("GPS route") }, "\(name)")
            }
        }
    }
}
