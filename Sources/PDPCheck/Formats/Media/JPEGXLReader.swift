/// JPEG XL: a bare codestream carries no metadata boxes; the ISOBMFF-style container has
/// `Exif` (4-byte TIFF header offset, then TIFF) and `xml ` (XMP) boxes, or Brotli-compressed
/// `brob` versions of them, which are noted but not decompressed.
enum JPEGXLReader {
    static let exif = FourCC("Exif"), xml = FourCC("xml "), brob = FourCC("brob")

    static func read(_ s: MediaReadSession) throws(ScanError) {
        let head = try s.read(at: 0, count: min(12, s.size), "JPEG XL signature")
        if BinaryCursor.hasPrefix(head, [0xFF, 0x0A]) { return }  // bare codestream
        guard BinaryCursor.hasPrefix(head, [0, 0, 0, 0x0C, 0x4A, 0x58, 0x4C, 0x20]) else {
            throw MediaReadSession.malformed("JPEG XL: no signature")
        }
        for box in try ISOBMFFBoxWalker.children(s, in: 0..<s.size, context: "JPEG XL", topLevel: true) {
            switch box.type {
            case exif:
                let bytes = try s.copy(at: box.payload, count: box.payloadCount, "JPEG XL Exif")
                let skip = BinaryCursor.u32(bytes, checkedAt: 0, bigEndian: true).map(Int.init) ?? 0
                let at = skip <= bytes.count - 4 && ExifPayload.tiffStart(in: bytes, at: 4 + skip) != nil ? 4 + skip : 4
                ExifPayload.deliver(bytes, at: at, sourceOffset: box.payload, container: "JPEG XL Exif", to: s)
            case xml:
                s.add(.xmp, try s.copy(at: box.payload, count: box.payloadCount, "JPEG XL xml"),
                      container: "JPEG XL xml", range: box.payloadRange)
            case brob:
                if box.payloadCount >= 4 {
                    let inner = FourCC(BinaryCursor.u32(try s.read(at: box.payload, count: 4, "brob"), at: 0, bigEndian: true))
                    if inner == exif || inner == xml {
                        s.note("JPEG XL has Brotli-compressed '\(inner)' metadata, not decoded")
                    }
                }
            default:
                break
            }
        }
    }
}
