// libFuzzer entry point: every media container reader (JPEG, PNG, GIF, WebP, TIFF, ISOBMFF,
// JPEG XL) and the PNG inflater on arbitrary bytes. Built by `Fuzz/run.sh SECONDS media`
// together with the library sources (one module, so internal readers can be called directly).

let fuzzFormats: [InputFormat] = [.jpeg, .png, .gif, .webp, .tiff, .heif, .isobmffVideo, .jpegXL]
let fuzzLimits = MediaReadLimits(maxItems: 50_000, maxCopiedBytes: 8 << 20, maxEntropyScanBytes: 8 << 20,
                                 maxInflatedBytes: 1 << 20)

@_cdecl("LLVMFuzzerTestOneInput")
public func pdpcheckFuzzMediaOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Each reader on the input, whatever its signature says: most stop at the first bytes,
    // and a mutated JPEG is also a hostile TIFF or MP4.
    for format in fuzzFormats {
        let (metadata, _) = MediaContainerReader.readSalvaging(format, from: MemoryByteSource(bytes), limits: fuzzLimits)
        for block in metadata.blocks {
            if let range = block.range {
                guard range.lowerBound >= 0, range.upperBound <= bytes.count else {
                    fatalError("\(format): block range \(range) outside the input (\(bytes.count) bytes)")
                }
            }
        }
        for embedded in metadata.embedded {
            guard embedded.range.lowerBound >= 0, embedded.range.upperBound <= bytes.count, !embedded.range.isEmpty else {
                fatalError("\(format): embedded range \(embedded.range) outside the input")
            }
        }
        let copied = metadata.blocks.reduce(0) { $0 + $1.bytes.count }
        guard copied <= fuzzLimits.maxCopiedBytes + (format == .tiff ? 4 << 20 : 0) else {
            fatalError("\(format): copied \(copied) bytes, over the limit")
        }
    }
    _ = try? Inflate.zlib(bytes, maxOutput: 1 << 20)
    _ = try? Inflate.raw(bytes, maxOutput: 1 << 20)
    _ = ISO6709.parse(String(decoding: bytes.prefix(64), as: UTF8.self))
    return 0
}
