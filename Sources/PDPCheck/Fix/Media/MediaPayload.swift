import Foundation

/// The image payload of a file: the bytes that make the picture or the movie, which a
/// metadata fix must leave byte for byte as they were. Its SHA-256 before and after cleaning is
/// the fix report's proof.
/// - JPEG: every segment but APPn and COM, and the entropy-coded data, SOI to EOI (frame
///   header, tables, scans);
/// - PNG: IDAT and fdAT data; WebP: VP8, VP8L, ALPH and ANMF data; GIF: the image blocks;
/// - TIFF: strips and tiles; HEIF / AVIF: every item but Exif and XMP;
/// - movies: `mdat`, less the samples of timed GPS tracks (metadata the cleaner zeroes; the
///   bytes a kept track also uses stay payload);
/// - JPEG XL: the codestream (`jxlc`, `jxlp` payloads), or the whole file when it is a bare one.
public enum MediaPayload {
    /// The payload's ranges in `bytes`, in file order.
    static func ranges(_ b: [UInt8], format: InputFormat) throws(ScanError) -> [Range<Int>] {
        switch format {
        case .jpeg:
            return try JPEGStructure.parse(b).pieces.filter { !$0.isMetadata }.map(\.range)
        case .png:
            return try PNGMetadataWriter.chunks(b).chunks
                .filter { $0.type == FourCC("IDAT") || $0.type == FourCC("fdAT") }.map(\.data)
        case .webp:
            let image: Set<FourCC> = [FourCC("VP8 "), FourCC("VP8L"), FourCC("ALPH"), FourCC("ANMF")]
            return try WebPMetadataWriter.chunks(b).filter { image.contains($0.type) }.map(\.data)
        case .gif:
            return try GIFMetadataWriter.blocks(b).compactMap { if case .image(let r) = $0 { return r } else { return nil } }
        case .tiff:
            return try TIFFLayout.parse(b).imageData
        case .heif:
            if let items = try heifImageItems(b) { return items }
            return try mediaData(b)
        case .isobmffVideo:
            let mdat = try mediaData(b)
            let route = try TimedGPSTracks.find(b, session: MediaReadSession(source: MemoryByteSource(b), limits: .default))
            return route.removable ? ByteRanges.subtract(route.samples, from: mdat) : mdat
        case .jpegXL:
            return try JPEGXLMetadataNeutralizer.codestream(b)
        default:
            throw ScanError(code: "unsupported-format", message: "no image payload for \(format)")
        }
    }

    /// SHA-256 of the payload's ranges, concatenated.
    public static func hash(_ bytes: [UInt8], format: InputFormat) throws(ScanError) -> [UInt8] {
        var h = SHA256()
        for r in try ranges(bytes, format: format) { h.update(bytes[r]) }
        return h.finalize()
    }

    static func hash(_ bytes: [UInt8], ranges: [Range<Int>]) -> [UInt8] {
        var h = SHA256()
        for r in ranges { h.update(bytes[r]) }
        return h.finalize()
    }

    /// Whether two payloads, each the concatenation of its ranges, are the same bytes: a
    /// byte-for-byte comparison (memcmp speed), so a cleaned copy's payload need not be
    /// hashed again to prove it equal.
    static func same(_ a: [UInt8], _ ra: [Range<Int>], _ b: [UInt8], _ rb: [Range<Int>]) -> Bool {
        guard ra.reduce(0, { $0 + $1.count }) == rb.reduce(0, { $0 + $1.count }) else { return false }
        var i = 0, j = 0
        var ai = ra.first?.lowerBound ?? 0, bj = rb.first?.lowerBound ?? 0
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                while i < ra.count, j < rb.count {
                    let n = min(ra[i].upperBound - ai, rb[j].upperBound - bj)
                    if n > 0 {
                        guard let x = pa.baseAddress, let y = pb.baseAddress, memcmp(x + ai, y + bj, n) == 0 else { return false }
                    }
                    ai += n
                    bj += n
                    if ai == ra[i].upperBound { i += 1; if i < ra.count { ai = ra[i].lowerBound } }
                    if bj == rb[j].upperBound { j += 1; if j < rb.count { bj = rb[j].lowerBound } }
                }
                return true
            }
        }
    }

    /// The payload's bytes, concatenated (for tests and for showing a diff). `excluding`: bytes
    /// a cleaner zeroed in place (`MediaCleanResult.zeroedRanges`), left out of a cleaned copy's
    /// payload as they were left out of the original's.
    public static func bytes(_ bytes: [UInt8], format: InputFormat, excluding: [Range<Int>] = []) throws(ScanError) -> [UInt8] {
        var out: [UInt8] = []
        for r in ByteRanges.subtract(excluding, from: try ranges(bytes, format: format)) { out += bytes[r] }
        return out
    }

    static func mediaData(_ b: [UInt8]) throws(ScanError) -> [Range<Int>] {
        let s = MediaReadSession(source: MemoryByteSource(b), limits: .default)
        return try ISOBMFFBoxWalker.children(s, in: 0..<b.count, context: "ISOBMFF", topLevel: true)
            .filter { $0.type == ISOBMFFBoxWalker.mdat }.map(\.payloadRange)
    }

    /// The extents of every item that is not Exif or XMP, in item order; nil without items.
    static func heifImageItems(_ b: [UInt8]) throws(ScanError) -> [Range<Int>]? {
        let s = MediaReadSession(source: MemoryByteSource(b), limits: .default)
        guard let meta = try ISOBMFFBoxWalker.children(s, in: 0..<b.count, context: "HEIF", topLevel: true)
            .first(where: { $0.type == ISOBMFFMetadataNeutralizer.meta }) else { return nil }
        let start = try ISOBMFFBoxWalker.metaChildrenStart(s, meta)
        let children = try ISOBMFFBoxWalker.children(s, in: start..<meta.end, context: "HEIF meta")
        guard let iinf = children.first(where: { $0.type == ISOBMFFMetadataNeutralizer.iinf }),
              let iloc = children.first(where: { $0.type == ISOBMFFMetadataNeutralizer.iloc }) else { return nil }
        let idat = children.first { $0.type == ISOBMFFMetadataNeutralizer.idat }?.payloadRange
        let items = try HEIFItemReader.readItemInfo(s, iinf)
        let locations = try HEIFItemReader.readLocations(s, iloc)
        var ranges: [Range<Int>] = []
        for item in items {
            let isExif = item.type == HEIFItemReader.exif
            let isXMP = (item.type == HEIFItemReader.mime || item.type == nil) && item.contentType == "application/rdf+xml"
            guard !isExif, !isXMP, let location = locations[item.id],
                  let extents = HEIFItemNeutralizer.ranges(location, idat: idat, fileSize: b.count) else { continue }
            ranges += extents
        }
        return ranges
    }
}
