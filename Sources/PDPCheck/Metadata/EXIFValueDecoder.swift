#if canImport(Foundation)
import Foundation
#endif

/// Converts the raw bytes of one EXIF entry into a MetadataValue with ExifTool's `-n` meaning:
/// numbers stay numbers, strings are decoded text, and the tags with their own encodings
/// (UserComment, the Windows XP tags, version strings) are decoded as ExifTool does.
enum EXIFValueDecoder {
    /// Numeric arrays longer than this are reported as binary (strip offsets, tone curves).
    static let maxNumbers = 256

    static func value(of entry: RawEXIFEntry, bigEndian: Bool) -> MetadataValue? {
        let data = entry.data
        switch (entry.directory, entry.tag) {
        case (.exif, 0x9286), (.gps, 0x001B), (.gps, 0x001C):
            return .text(encodedComment(data, bigEndian: bigEndian))
        case (.ifd0, 0x9C9B...0x9C9F), (.ifd1, 0x9C9B...0x9C9F):
            // Windows writes these as BYTE arrays of UTF-16LE whatever the TIFF byte order.
            return .text(MetadataText.utf16(data, bigEndian: false))
        case (_, 0x9000), (_, 0xA000), (.interop, 0x0002):
            return .text(MetadataText.decode(data))
        default:
            break
        }
        let count = min(entry.count, data.count / (TIFFEntry.size(ofType: entry.type) ?? 1))
        switch entry.type {
        case 2:
            return .text(MetadataText.decode(data))
        case 7:
            return count <= 4 ? numbers(data.prefix(count).map { Double($0) }) : .binary(length: data.count)
        case 1, 3, 4, 6, 8, 9, 11, 12, 5, 10, 13, 16, 17, 18:
            guard count <= maxNumbers else { return .binary(length: data.count) }
            let reader = TIFFReader(bytes: Array(data), bigEndian: bigEndian)
            var values: [Double] = []
            values.reserveCapacity(count)
            for i in 0..<count {
                guard let v = number(reader, type: entry.type, index: i) else { break }
                values.append(v)
            }
            return numbers(values)
        default:
            return nil
        }
    }

    static func numbers(_ values: [Double]) -> MetadataValue {
        values.count == 1 ? .number(values[0]) : .numbers(values)
    }

    /// Component `index` of a numeric entry. A rational with a zero denominator counts as 0,
    /// which is what an empty GPS block written by a phone looks like.
    static func number(_ r: TIFFReader, type: UInt16, index i: Int) -> Double? {
        switch type {
        case 1: return r.u8(i).map { Double($0) }
        case 6: return r.u8(i).map { Double(Int8(bitPattern: $0)) }
        case 3: return r.u16(2 * i).map { Double($0) }
        case 8: return r.u16(2 * i).map { Double(Int16(bitPattern: $0)) }
        case 4, 13: return r.u32(4 * i).map { Double($0) }
        case 9: return r.u32(4 * i).map { Double(Int32(bitPattern: $0)) }
        case 5:
            guard let n = r.u32(8 * i), let d = r.u32(8 * i + 4) else { return nil }
            return d == 0 ? 0 : Double(n) / Double(d)
        case 10:
            guard let n = r.u32(8 * i), let d = r.u32(8 * i + 4) else { return nil }
            return d == 0 ? 0 : Double(Int32(bitPattern: n)) / Double(Int32(bitPattern: d))
        case 11: return r.u32(4 * i).map { Double(Float(bitPattern: $0)) }
        case 12: return r.u64(8 * i).map { Double(bitPattern: $0) }
        case 16, 18: return r.u64(8 * i).map { Double($0) }
        case 17: return r.u64(8 * i).map { Double(Int64(bitPattern: $0)) }
        default: return nil
        }
    }

    /// UserComment, GPSProcessingMethod and GPSAreaInformation: an 8-byte character-code
    /// header, then the text.
    static func encodedComment(_ data: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        guard data.count >= 8 else { return MetadataText.decode(data) }
        let header = Array(data.prefix(8))
        let body = data.dropFirst(8)
        if header.starts(with: Array("ASCII".utf8)) {
            return MetadataText.decode(body)
        }
        if header.starts(with: Array("UNICODE".utf8)) {
            return MetadataText.utf16(body, bigEndian: guessUTF16BigEndian(body, default: bigEndian))
        }
        if header.starts(with: Array("JIS".utf8)) {
            return jis(body)
        }
        // "Undefined" (eight NULs) or no header at all: whatever text is there.
        if header.allSatisfy({ $0 == 0 || $0 == 0x20 }) { return MetadataText.decode(body, stopAtNUL: false) }
        return MetadataText.decode(data, stopAtNUL: false)
    }

    /// Writers disagree about the byte order of "UNICODE" comments; for mostly-Latin text the
    /// zero bytes give it away.
    static func guessUTF16BigEndian(_ body: ArraySlice<UInt8>, default bigEndian: Bool) -> Bool {
        var zeroEven = 0, zeroOdd = 0
        var i = body.startIndex
        while i + 1 < body.endIndex, i - body.startIndex < 512 {
            if body[i] == 0 && body[i + 1] != 0 { zeroEven += 1 }
            if body[i + 1] == 0 && body[i] != 0 { zeroOdd += 1 }
            i += 2
        }
        if zeroEven > zeroOdd * 2 { return true }
        if zeroOdd > zeroEven * 2 { return false }
        return bigEndian
    }

    private static func jis(_ body: ArraySlice<UInt8>) -> String {
        #if canImport(Foundation)
        let trimmedBody = body.prefix { $0 != 0 }
        for encoding in [String.Encoding.iso2022JP, .japaneseEUC, .shiftJIS] {
            if let s = String(data: Data(trimmedBody), encoding: encoding) { return MetadataText.trimmed(s) }
        }
        #endif
        return MetadataText.decode(body)
    }
}
