import Foundation
import Testing
@testable import PDPCheck

/// The payload decoders against exiftool's answers for payloads exiftool wrote.
@Suite struct MetadataDecoderTests {
    typealias Oracle = MetadataDecoderOracle

    private func field(_ fields: [MetadataField], _ group: String, _ name: String) -> MetadataValue? {
        fields.first { $0.group == group && $0.name == name }?.value
    }

    @Test func exifCameraPayloadAgreesWithExiftool() throws {
        let result = EXIFDecoder.decode(tiff: try Oracle.payload("exif-camera-mm.exif"))
        let problems = Oracle.differences(result.fields, expected: try Oracle.expected("exif-camera-mm.exiftool.json"))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(result.warnings.isEmpty)
        #expect(result.thumbnail == 1348..<1383)
        #expect(field(result.fields, "GPS", "GPSLatitude") == .number(11.940419))
        #expect(field(result.fields, "GPS", "GPSLatitudeRef") == .text("N"))
        #expect(field(result.fields, "ExifIFD", "SerialNumber") == .text("032021001234"))
        #expect(field(result.fields, "IFD0", "XPComment") == .text("Bình luận 0987654321"))
    }

    @Test func exifPhonePayloadAgreesWithExiftool() throws {
        let result = EXIFDecoder.decode(tiff: try Oracle.payload("exif-phone-ii.exif"))
        let problems = Oracle.differences(result.fields, expected: try Oracle.expected("exif-phone-ii.exiftool.json"))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        // South and west are negative, below sea level is negative.
        #expect(field(result.fields, "GPS", "GPSLatitude") == .number(-22.906847))
        #expect(field(result.fields, "GPS", "GPSAltitude") == .number(-3.25))
        #expect(field(result.fields, "GPS", "GPSTimeStamp") == .text("20:59:58.25"))
        #expect(field(result.fields, "ExifIFD", "UserComment") == .text("call 0903 123 456"))
        #expect(result.thumbnail == nil)
    }

    @Test func emptyGPSBlockHasNoCoordinates() throws {
        let result = EXIFDecoder.decode(tiff: try Oracle.payload("exif-empty-gps.exif"))
        let problems = Oracle.differences(result.fields, expected: try Oracle.expected("exif-empty-gps.exiftool.json"))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(field(result.fields, "GPS", "GPSVersionID") == .numbers([2, 2, 0, 0]))
        #expect(field(result.fields, "GPS", "GPSLatitude") == nil)
    }

    @Test func xmpWrittenByExiftoolAgreesWithExiftool() throws {
        let result = XMPDecoder.decode(try Oracle.payload("xmp-exiftool-full.xmp"))
        let problems = Oracle.differences(result.fields, expected: try Oracle.expected("xmp-exiftool-full.exiftool.json"))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(result.warnings.isEmpty)
        #expect(field(result.fields, "XMP-mwg-rs", "RegionName") == .list(["Lê Thị Hoa", "Phạm Văn Cường"]))
        #expect(field(result.fields, "XMP-mwg-rs", "RegionType") == .list(["Face", "Face", "Pet"]))
        #expect(field(result.fields, "XMP-MP", "RegionPersonDisplayName") == .list(["Lê Thị Hoa", "Phạm Văn Cường"]))
        #expect(field(result.fields, "XMP-exif", "GPSLatitude") == .number(11.940419))
        #expect(field(result.fields, "XMP-exifEX", "SerialNumber") == .text("BODY98765"))
        #expect(field(result.fields, "XMP-dc", "Creator") == .list(["Nguyễn Thị Minh Thư", "Trần Văn Bình"]))
        #expect(field(result.fields, "XMP-dc", "Description") == .text("Liên hệ 0912 345 678"))
        #expect(field(result.fields, "XMP-dc", "Description-vi") == .text("Mô tả tiếng Việt"))
        #expect(field(result.fields, "XMP-iptcExt", "LocationShownCity") == .list(["Đà Lạt"]))
        #expect(field(result.fields, "XMP-xmp", "ThumbnailImage") == .binary(length: 20))
    }

    @Test func xmpAttributeFormAgreesWithExiftool() throws {
        let result = XMPDecoder.decode(try Oracle.payload("xmp-phone-attributes.xmp"))
        // exiftool keeps one value for repeated tags it does not know as lists; we keep all.
        let lists: Set<String> = [
            "XMP-Container:DirectoryItemMime", "XMP-Container:DirectoryItemSemantic", "XMP-Container:DirectoryItemLength",
            "XMP-Container:DirectoryItemPadding", "XMP-mwg-rs:RegionExtensionsAngleInfoRoll",
            "XMP-mwg-rs:RegionExtensionsAngleInfoYaw", "XMP-mwg-rs:RegionExtensionsConfidenceLevel",
            "XMP-mwg-rs:RegionExtensionsFaceID",
        ]
        let problems = Oracle.differences(result.fields, expected: try Oracle.expected("xmp-phone-attributes.exiftool.json"),
                                          ignoring: lists, extra: ["XMP-dc:Title"])
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(field(result.fields, "XMP-Container", "DirectoryItemSemantic") == .list(["Primary", "MotionPhoto"]))
        #expect(field(result.fields, "XMP-mwg-rs", "RegionExtensionsFaceID") == .list(["3", "7"]))
        #expect(field(result.fields, "XMP-exif", "GPSAltitude") == .number(-120.5))
        // Lang-alt without x-default: the first language is also the plain name.
        #expect(field(result.fields, "XMP-dc", "Title") == .text("Tết ở Sài Gòn & <quận 1>"))
        #expect(field(result.fields, "XMP-photoshop", "Instructions") == .text("Gọi chị Hoa & anh Bình: 0903 123 456 <gấp>"))
    }

    @Test func iptcUTF8AgreesWithExiftool() throws {
        let result = IPTCDecoder.decode(try Oracle.payload("iptc-utf8.iim"))
        let problems = Oracle.differences(result.fields, expected: try Oracle.expected("iptc-utf8.exiftool.json"))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(field(result.fields, "IPTC", "Keywords") == .list(["chợ", "Hà Giang", "gia đình"]))
        #expect(field(result.fields, "IPTC", "By-line") == .list(["Nguyễn Thị Minh Thư", "Trần Văn Bình"]))
        #expect(field(result.fields, "IPTC", "City") == .text("Đồng Văn"))
        #expect(field(result.fields, "IPTC", "TimeCreated") == .text("09:08:07+07:00"))
    }

    @Test func iptcLatin1AgreesWithExiftool() throws {
        let result = IPTCDecoder.decode(try Oracle.payload("iptc-latin1.iim"))
        let problems = Oracle.differences(result.fields, expected: try Oracle.expected("iptc-latin1.exiftool.json"))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(field(result.fields, "IPTC", "City") == .text("Málaga"))
    }

    @Test func photoshopResourcesAgreeWithExiftool() throws {
        let block = MetadataBlock(kind: .photoshopIRB, bytes: try Oracle.payload("photoshop.irb"), container: "JPEG APP13", range: 100..<1774)
        let decoded = MetadataDecoder.decodeWithDetails([block])
        // ResolutionInfo (0x03ED) is not metadata about people or places.
        let ignoring: Set<String> = ["Photoshop:XResolution", "Photoshop:YResolution", "Photoshop:DisplayedUnitsX",
                                     "Photoshop:DisplayedUnitsY"]
        let problems = Oracle.differences(decoded.fields, expected: try Oracle.expected("photoshop.exiftool.json"), ignoring: ignoring)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(decoded.warnings.isEmpty, "\(decoded.warnings)")
        let containers = Set(decoded.fields.map(\.container))
        #expect(containers == ["JPEG APP13", "JPEG APP13 8BIM 0x0404", "JPEG APP13 8BIM 0x0424", "JPEG APP13 8BIM 0x0422"])
    }

    @Test func decoderStampsContainersAndKeepsDuplicates() throws {
        let exif = try Oracle.payload("exif-camera-mm.exif")
        let blocks = [
            MetadataBlock(kind: .exif, bytes: exif, container: "JPEG APP1", range: 30..<(30 + exif.count)),
            MetadataBlock(kind: .xmp, bytes: try Oracle.payload("xmp-exiftool-full.xmp"), container: "JPEG APP1 XMP"),
            MetadataBlock(kind: .comment, bytes: Array("Liên hệ 0912 345 678\0".utf8), container: "JPEG COM"),
            MetadataBlock(kind: .comment, bytes: Array("gif comment".utf8), container: "GIF comment"),
        ]
        let decoded = MetadataDecoder.decodeWithDetails(blocks)
        #expect(decoded.fields.filter { $0.name == "GPSLatitude" }.map(\.container) == ["JPEG APP1", "JPEG APP1 XMP"])
        #expect(decoded.fields.contains(MetadataField(group: "File", name: "Comment", value: .text("Liên hệ 0912 345 678"), container: "JPEG COM")))
        // exiftool reports GIF comment extensions as File:Comment too.
        #expect(decoded.fields.contains(MetadataField(group: "File", name: "Comment", value: .text("gif comment"), container: "GIF comment")))
        #expect(decoded.previews == [EmbeddedRange(label: "JPEG APP1 thumbnail", range: (30 + 1348)..<(30 + 1383))])
        #expect(MetadataDecoder.decode(blocks) == decoded.fields)
    }
}

/// The scanner decodes files on several tasks at once; libexif gets one ExifData per call.
@Suite struct MetadataDecoderConcurrencyTests {
    @Test func decodersRunConcurrently() async throws {
        let names = ["exif-camera-mm.exif", "makernote-canon.exif", "makernote-fuji.exif", "xmp-exiftool-full.xmp", "photoshop.irb"]
        var blocks: [MetadataBlock] = []
        for name in names {
            let kind: MetadataBlock.Kind = name.hasSuffix(".exif") ? .exif : name.hasSuffix(".xmp") ? .xmp : .photoshopIRB
            blocks.append(MetadataBlock(kind: kind, bytes: try MetadataDecoderOracle.payload(name), container: name))
        }
        let expected = MetadataDecoder.decode(blocks)
        let input = blocks
        let results = await withTaskGroup(of: Bool.self, returning: [Bool].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<50).allSatisfy { _ in MetadataDecoder.decode(input) == expected }
                }
            }
            var all: [Bool] = []
            for await ok in group { all.append(ok) }
            return all
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}
