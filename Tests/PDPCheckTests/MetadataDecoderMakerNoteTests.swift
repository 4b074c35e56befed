import Foundation
import Testing
@testable import PDPCheck

/// Maker notes built byte by byte by make-payloads.sh, checked against exiftool's reading.
@Suite struct MetadataDecoderMakerNoteTests {
    typealias Oracle = MetadataDecoderOracle

    /// Tags exiftool shows that are not about people, places or devices.
    static let notDecoded: Set<String> = [
        "Canon:FaceDetectFrameSize", "Nikon:FaceDetectFrameSize", "Nikon:Face1Position", "Nikon:Face2Position",
        "Panasonic:Face1Position", "Panasonic:RecognizedFace1Position", "Panasonic:RecognizedFace2Position",
        "Samsung:MakerNoteVersion",
        // exiftool 12.57 writes the month twice ("$1:$2:$2"); we give the real date.
        "FujiFilm:Face1Birthday", "FujiFilm:Face2Birthday",
    ]

    private func decode(_ name: String) throws -> (EXIFResult, [String]) {
        let result = EXIFDecoder.decode(tiff: try Oracle.payload("makernote-\(name).exif"))
        let problems = Oracle.differences(result.fields, expected: try Oracle.expected("makernote-\(name).exiftool.json"),
                                          ignoring: Self.notDecoded)
        return (result, problems)
    }

    private func value(_ result: EXIFResult, _ group: String, _ name: String) -> [MetadataValue] {
        result.fields.filter { $0.group == group && $0.name == name }.map(\.value)
    }

    @Test func canon() throws {
        let (result, problems) = try decode("canon")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(value(result, "Canon", "OwnerName") == [.text("Nguyễn Văn An")])
        #expect(value(result, "Canon", "FacesDetected") == [.number(2)])
        #expect(value(result, "Canon", "SerialNumber") == [.number(1_234_567_890)])
        #expect(result.warnings.isEmpty)
    }

    @Test func nikon() throws {
        let (result, problems) = try decode("nikon")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(value(result, "Nikon", "SerialNumber") == [.text("6012345"), .text("NO= 30012345")])
        #expect(value(result, "Nikon", "FacesDetected") == [.number(2)])
    }

    @Test func fujifilm() throws {
        let (result, problems) = try decode("fuji")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(value(result, "FujiFilm", "Face1Name") == [.text("Hoàng Gia Bảo")])
        #expect(value(result, "FujiFilm", "Face2Name") == [.text("Lê Minh Khang")])
        #expect(value(result, "FujiFilm", "Face1Birthday") == [.text("2020:01:15")])
        #expect(value(result, "FujiFilm", "InternalSerialNumber") == [.text("FC  A1234567 593331303335")])
    }

    @Test func panasonic() throws {
        let (result, problems) = try decode("panasonic")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(value(result, "Panasonic", "RecognizedFace1Name") == [.text("Bao Anh")])
        #expect(value(result, "Panasonic", "BabyName") == [.text("Bé Na")])
        #expect(value(result, "Panasonic", "City") == [.text("Hải Châu")])
        #expect(value(result, "Panasonic", "Landmark") == [.text("Cầu Rồng")])
    }

    @Test func samsungBothOffsetConventions() throws {
        for name in ["samsung", "samsung-relative"] {
            let (result, problems) = try decode(name)
            #expect(problems.isEmpty, "\(name): \(problems.joined(separator: "\n"))")
            #expect(value(result, "Samsung", "FaceName").count == 1)
        }
    }

    @Test func makerNoteOutsideOrTruncatedIsHarmless() throws {
        for name in ["canon", "nikon", "fuji", "panasonic", "samsung"] {
            let bytes = try Oracle.payload("makernote-\(name).exif")
            for cut in stride(from: bytes.count, to: 0, by: -3) {
                let result = EXIFDecoder.decode(tiff: Array(bytes[..<cut]))
                #expect(result.fields.allSatisfy { !$0.name.isEmpty })
            }
        }
    }
}
