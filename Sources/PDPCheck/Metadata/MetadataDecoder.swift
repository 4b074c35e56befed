/// Everything the payload decoders found in a file's metadata blocks.
public struct DecodedMetadata: Sendable, Hashable {
    public var fields: [MetadataField] = []
    /// Problems in the payloads (truncation, loops, ignored DTDs), prefixed with the container.
    public var warnings: [String] = []
    /// Images inside payloads that can show what a crop removed (the EXIF IFD1 thumbnail), with
    /// their range in the source when the payload was one contiguous range of it.
    public var previews: [EmbeddedRange] = []
}

/// Runs the right payload decoder for each block a container reader copied out, and the inner
/// payloads of Photoshop resource blocks in turn; every field carries its block's container.
/// Nothing is deduplicated: the same value in EXIF and XMP is two fields, because a fix must
/// remove both.
public enum MetadataDecoder {
    public static func decode(_ blocks: [MetadataBlock]) -> [MetadataField] {
        decodeWithDetails(blocks).fields
    }

    public static func decodeWithDetails(_ blocks: [MetadataBlock]) -> DecodedMetadata {
        var out = DecodedMetadata()
        for block in blocks { decode(block, into: &out, depth: 0) }
        return out
    }

    private static func decode(_ block: MetadataBlock, into out: inout DecodedMetadata, depth: Int) {
        var fields: [MetadataField] = []
        var warnings: [String] = []
        switch block.kind {
        case .exif:
            let result = EXIFDecoder.decode(tiff: block.bytes)
            fields = result.fields
            warnings = result.warnings
            if let thumbnail = result.thumbnail {
                // The block range locates the TIFF bytes in the source only when it matches them.
                let range: Range<Int>
                if let source = block.range, source.count == block.bytes.count {
                    range = (source.lowerBound + thumbnail.lowerBound)..<(source.lowerBound + thumbnail.upperBound)
                } else {
                    range = thumbnail
                }
                out.previews.append(EmbeddedRange(label: "\(block.container) thumbnail", range: range))
            }
        case .xmp:
            let result = XMPDecoder.decode(block.bytes)
            fields = result.fields
            warnings = result.warnings
        case .iptc:
            let result = IPTCDecoder.decode(block.bytes)
            fields = result.fields
            warnings = result.warnings
        case .photoshopIRB:
            let result = PhotoshopIRBDecoder.decode(block.bytes, container: block.container, range: block.range)
            fields = result.fields
            warnings = result.warnings
            if depth < 2 {
                for inner in result.blocks { decode(inner, into: &out, depth: depth + 1) }
            }
        case .comment:
            // ExifTool reports JPEG COM and GIF comment extensions alike as File:Comment.
            let group = "File"
            fields = [MetadataField(group: group, name: "Comment", value: .text(MetadataText.decode(block.bytes, stopAtNUL: false)))]
        }
        for i in fields.indices where fields[i].container.isEmpty { fields[i].container = block.container }
        out.fields += fields
        out.warnings += warnings.map { "\(block.container): \($0)" }
    }
}
