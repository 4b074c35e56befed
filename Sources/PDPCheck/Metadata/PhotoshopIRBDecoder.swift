/// What a Photoshop image-resource block holds: its own fields (thumbnails) and the payloads
/// it wraps (IPTC, XMP, EXIF) for the other decoders.
public struct PhotoshopIRBResult: Sendable, Hashable {
    public var fields: [MetadataField] = []
    /// Inner payloads, with `container` naming the resource ("JPEG APP13 8BIM 0x0404").
    public var blocks: [MetadataBlock] = []
    public var warnings: [String] = []
}

/// Walks Photoshop image resources: signature (`8BIM`, or the rarer `PHUT`, `AgHg`, `DCSR`,
/// `MeSa`), 16-bit id, Pascal name padded to an even length, 32-bit size, data padded to even.
public enum PhotoshopIRBDecoder {
    static let maxResources = 10_000
    static let signatures: Set<[UInt8]> = [Array("8BIM".utf8), Array("PHUT".utf8), Array("AgHg".utf8),
                                           Array("DCSR".utf8), Array("MeSa".utf8)]

    public static func decode(_ bytes: [UInt8], container: String = "Photoshop IRB", range: Range<Int>? = nil) -> PhotoshopIRBResult {
        var result = PhotoshopIRBResult()
        var i = 0
        var resources = 0
        let n = bytes.count
        while i + 12 <= n {
            guard signatures.contains(Array(bytes[i..<(i + 4)])) else {
                if bytes[i..<n].contains(where: { $0 != 0 }) { result.warnings.append("Photoshop resources end in unknown data") }
                break
            }
            let id = UInt16(bytes[i + 4]) << 8 | UInt16(bytes[i + 5])
            let nameLength = Int(bytes[i + 6])
            var at = i + 7 + nameLength
            if (1 + nameLength) % 2 == 1 { at += 1 }
            guard at + 4 <= n else { result.warnings.append("Photoshop resource 0x\(hex(id)) is truncated"); break }
            let size = Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            let start = at + 4
            guard size <= n - start else {
                result.warnings.append("Photoshop resource 0x\(hex(id)) runs past the end of the data")
                break
            }
            let data = start..<(start + size)
            i = start + size + (size % 2)
            resources += 1
            if resources > maxResources { result.warnings.append("more than \(maxResources) Photoshop resources"); break }
            let inner = container + " 8BIM 0x" + hex(id)
            let absolute = range.map { ($0.lowerBound + data.lowerBound)..<($0.lowerBound + data.upperBound) }
            switch id {
            case 0x0404:
                result.blocks.append(MetadataBlock(kind: .iptc, bytes: Array(bytes[data]), container: inner, range: absolute))
            case 0x0424:
                result.blocks.append(MetadataBlock(kind: .xmp, bytes: Array(bytes[data]), container: inner, range: absolute))
            case 0x0422, 0x0423:
                // EXIF data: usually a bare TIFF structure, sometimes with the APP1 identifier.
                var exif = Array(bytes[data])
                if exif.starts(with: [0x45, 0x78, 0x69, 0x66, 0, 0]) { exif.removeFirst(6) }
                result.blocks.append(MetadataBlock(kind: .exif, bytes: exif, container: inner, range: absolute))
            case 0x0409, 0x040C:
                // A 28-byte header (format, size, ...) precedes the JPEG thumbnail.
                if size > 28 {
                    result.fields.append(MetadataField(group: "Photoshop", name: "PhotoshopThumbnail",
                                                       value: .binary(length: size - 28), container: container))
                }
            default:
                break
            }
        }
        return result
    }

    private static func hex(_ id: UInt16) -> String {
        String(MetadataText.hex(id).dropFirst(2))
    }
}
