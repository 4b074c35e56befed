// libFuzzer entry point: the lossless media cleaner (JPEG, PNG, GIF, WebP, TIFF, HEIF/AVIF,
// MP4/MOV, JPEG XL writers, timed-track zeroing) on arbitrary bytes, in both strip modes and
// under every format whatever the signature says. Built by `Fuzz/run.sh SECONDS mediafix`.
// Besides not crashing, a copy the cleaner returns must keep its promises: the payload proof
// holds, in-place formats keep their size, and the copy is not wildly larger than the input.

let fuzzCleanFormats: [InputFormat] = [.jpeg, .png, .gif, .webp, .tiff, .heif, .isobmffVideo, .jpegXL]
let fuzzInPlaceFormats: Set<InputFormat> = [.tiff, .heif, .isobmffVideo, .jpegXL]

@_cdecl("LLVMFuzzerTestOneInput")
public func pdpcheckFuzzMediaCleanerOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for mode in [StripMode.privacy, .all] {
        for format in fuzzCleanFormats {
            guard let result = try? MediaMetadataCleaner.clean(bytes, options: MediaCleanOptions(mode: mode), format: format)
            else { continue }
            guard result.payloadUnchanged else { fatalError("\(format) \(mode): payload proof differs") }
            if fuzzInPlaceFormats.contains(format), result.bytes.count != bytes.count {
                fatalError("\(format) \(mode): cleaned in place but the size changed \(bytes.count) → \(result.bytes.count)")
            }
            guard result.bytes.count <= bytes.count + 4096 else {
                fatalError("\(format) \(mode): the copy grew from \(bytes.count) to \(result.bytes.count) bytes")
            }
            for range in result.zeroedRanges {
                guard range.lowerBound >= 0, range.upperBound <= result.bytes.count,
                      result.bytes[range].allSatisfy({ $0 == 0 }) else {
                    fatalError("\(format) \(mode): zeroed range \(range) is not zero in the copy")
                }
            }
        }
    }
    return 0
}
