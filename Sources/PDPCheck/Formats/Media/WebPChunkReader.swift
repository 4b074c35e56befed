/// RIFF/WEBP: walks the chunk list (FourCC, little-endian size, data padded to even), copying
/// `EXIF` and `XMP ` and seeking over the bitstream (VP8, VP8L, ALPH, ANMF frames).
enum WebPChunkReader {
    static let exif = FourCC("EXIF"), xmp = FourCC("XMP ")

    static func read(_ s: MediaReadSession) throws(ScanError) {
        var header = BinaryCursor(try s.read(at: 0, count: min(12, s.size), "WebP header"), bigEndian: false,
                                  context: "WebP header")
        guard header.bytes.count == 12, try header.fourCC() == FourCC("RIFF") else {
            throw MediaReadSession.malformed("WebP: no RIFF header")
        }
        let riffSize = Int(try header.u32())
        guard try header.fourCC() == FourCC("WEBP") else { throw MediaReadSession.malformed("WebP: RIFF form is not WEBP") }
        // Trust the smaller of the RIFF size and the file: either may be wrong in the wild.
        let end = min(s.size, 8 + riffSize)
        if 8 + riffSize > s.size { s.note("WebP is shorter than its RIFF header says (truncated)") }
        var pos = 12
        while pos + 8 <= end {
            try s.visit()
            var c = BinaryCursor(try s.read(at: pos, count: 8, "WebP chunk header"), bigEndian: false, context: "WebP chunk")
            let type = try c.fourCC()
            let size = Int(try c.u32())
            let data = pos + 8
            guard size <= end - data else {
                throw MediaReadSession.malformed("WebP: chunk \(type) at byte \(pos) runs past the end of the file")
            }
            switch type {
            case exif:
                ExifPayload.deliver(try s.copy(at: data, count: size, "WebP EXIF"), sourceOffset: data,
                                    container: "WebP EXIF", to: s)
            case xmp:
                s.add(.xmp, try s.copy(at: data, count: size, "WebP XMP"), container: "WebP XMP", range: data..<(data + size))
            default:
                break
            }
            pos = data + size + (size & 1)
        }
    }
}
