/// EXIF payloads arrive wrapped differently per container (JPEG `Exif\0\0`, HEIF's 4-byte
/// offset, WebP with or without the header); MetadataBlock.exif always starts at the TIFF header.
enum ExifPayload {
    static let exifHeader: [UInt8] = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]  // "Exif\0\0"

    static func isTIFFHeader(_ b: [UInt8], at i: Int = 0) -> Bool {
        BinaryCursor.hasPrefix(b, [0x49, 0x49, 0x2A, 0x00], at: i)
            || BinaryCursor.hasPrefix(b, [0x4D, 0x4D, 0x00, 0x2A], at: i)
    }

    /// Where the TIFF header starts: 0, or 6 after `Exif\0` + any byte (some writers put 0xFF
    /// instead of the second NUL); nil when neither holds.
    static func tiffStart(in b: [UInt8], at i: Int = 0) -> Int? {
        if isTIFFHeader(b, at: i) { return i }
        if BinaryCursor.hasPrefix(b, [0x45, 0x78, 0x69, 0x66, 0x00], at: i), isTIFFHeader(b, at: i + 6) {
            return i + 6
        }
        return nil
    }

    /// Adds `payload[at...]` as an EXIF block when it holds a TIFF structure, else a note.
    /// `sourceOffset` is where `payload[0]` sits in the file, when it is one contiguous copy.
    static func deliver(_ payload: [UInt8], at i: Int = 0, sourceOffset: Int?, container: String,
                        to session: MediaReadSession) {
        guard let start = tiffStart(in: payload, at: i) else {
            if payload.count > i { session.note("\(container): EXIF payload without a TIFF header, not decoded") }
            return
        }
        let tiff = start == 0 ? payload : Array(payload[start...])
        let range = sourceOffset.map { ($0 + start)..<($0 + payload.count) }
        session.add(.exif, tiff, container: container, range: range)
    }
}
