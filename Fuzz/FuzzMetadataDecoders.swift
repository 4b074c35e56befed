// libFuzzer entry point: every metadata payload decoder (EXIF via libexif and the IFD walker,
// maker notes, XMP with its XML reader, IPTC-IIM, Photoshop resources) on arbitrary bytes.
// Built like Fuzz/FuzzTextPipeline.swift (see Fuzz/run.sh), with this file instead of that one.
// The decoders only need their own files and the block model, so this is enough (and quick):
//   cd Sources/PDPCheck && swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name PDPCheckFuzz \
//     -swift-version 6 -I ../CExif -lexif Metadata/{EXIF,IPTC,LibExif,MakerNote,Metadata,Photoshop,TIFF,XMLTree,XMP}*.swift \
//     Formats/Media/MediaMetadata.swift ../../Fuzz/FuzzMetadataDecoders.swift -o ../../.build-fuzz/fuzz-metadata
//   .build-fuzz/fuzz-metadata <corpus dir seeded from Corpus/media/payloads> -max_len=16384 -timeout=5 \
//     -artifact_prefix=Fuzz/artifacts/

@_cdecl("LLVMFuzzerTestOneInput")
public func pdpcheckFuzzMetadataOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Each decoder on the raw bytes.
    let exif = EXIFDecoder.decode(tiff: bytes)
    if let thumbnail = exif.thumbnail, thumbnail.lowerBound < 0 || thumbnail.upperBound > bytes.count {
        fatalError("thumbnail outside the payload: \(thumbnail)")
    }
    _ = XMPDecoder.decode(bytes)
    _ = IPTCDecoder.decode(bytes)
    let irb = PhotoshopIRBDecoder.decode(bytes, container: "fuzz", range: 0..<bytes.count)
    for block in irb.blocks {
        guard let range = block.range, range.upperBound <= bytes.count, Array(bytes[range]).count == block.bytes.count else {
            fatalError("inner block outside the payload")
        }
    }
    // The dispatcher, every kind, with the recursion through Photoshop resources.
    for kind in [MetadataBlock.Kind.exif, .xmp, .iptc, .photoshopIRB, .comment] {
        let decoded = MetadataDecoder.decodeWithDetails([MetadataBlock(kind: kind, bytes: bytes, container: "fuzz", range: 0..<bytes.count)])
        for field in decoded.fields where field.group.isEmpty || field.name.isEmpty {
            fatalError("unnamed field \(field)")
        }
        for preview in decoded.previews where preview.range.upperBound > bytes.count {
            fatalError("preview outside the payload: \(preview)")
        }
    }
    return 0
}
