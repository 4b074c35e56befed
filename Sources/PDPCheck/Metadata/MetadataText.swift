/// Turns the byte strings that metadata payloads carry into Swift strings the way ExifTool
/// shows them: UTF-8 when the bytes are valid UTF-8, Latin-1 otherwise (old cameras and
/// Windows tools write Latin-1 into "ASCII" fields), without the NUL padding and the spaces
/// that writers leave around values.
enum MetadataText {
    /// Bytes of one text value; stops at the first NUL (C strings in EXIF/IPTC end there).
    static func decode(_ bytes: ArraySlice<UInt8>, stopAtNUL: Bool = true) -> String {
        var end = bytes.endIndex
        if stopAtNUL, let nul = bytes.firstIndex(of: 0) { end = nul }
        return trimmed(string(from: bytes[bytes.startIndex..<end]))
    }

    static func decode(_ bytes: [UInt8], stopAtNUL: Bool = true) -> String {
        decode(bytes[...], stopAtNUL: stopAtNUL)
    }

    /// UTF-8 if valid, Latin-1 otherwise. NULs inside are dropped.
    static func string(from bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { string(from: $0) }
    }

    static func string(from bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.contains(0) {
            var kept = Array(bytes)
            kept.removeAll { $0 == 0 }
            return kept.withUnsafeBufferPointer { string(from: $0) }
        }
        return isValidUTF8(bytes) ? String(decoding: bytes, as: UTF8.self) : latin1(ArraySlice(bytes))
    }

    /// Strict UTF-8 check (no overlongs, surrogates or values past U+10FFFF): the sniffer's.
    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        TextSniffer.isValidUTF8(b, allowTruncatedTail: false)
    }

    static func latin1(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes where b != 0 { scalars.append(Unicode.Scalar(b)) }
        return String(scalars)
    }

    /// UTF-16 in the given byte order, up to the first NUL code unit; a BOM decides the order
    /// when present. Unpaired surrogates become U+FFFD.
    static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var start = bytes.startIndex
        var be = bigEndian
        if bytes.count >= 2 {
            let b0 = bytes[start], b1 = bytes[start + 1]
            if b0 == 0xFE && b1 == 0xFF { be = true; start += 2 } else if b0 == 0xFF && b1 == 0xFE { be = false; start += 2 }
        }
        // Transcoded by hand: the generic String(decoding:as: UTF16) path is slow on Linux.
        var out: [UInt8] = []
        out.reserveCapacity(bytes.endIndex - start)
        var i = start
        func unit(_ at: Int) -> UInt32 {
            be ? UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1]) : UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at])
        }
        while i + 1 < bytes.endIndex {
            var scalar = unit(i)
            if scalar == 0 { break }
            i += 2
            if scalar >= 0xD800 && scalar < 0xDC00, i + 1 < bytes.endIndex, case let low = unit(i), low >= 0xDC00 && low < 0xE000 {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                i += 2
            } else if scalar >= 0xD800 && scalar < 0xE000 {
                scalar = 0xFFFD
            }
            switch scalar {
            case ..<0x80: out.append(UInt8(scalar))
            case ..<0x800: out += [UInt8(0xC0 | scalar >> 6), UInt8(0x80 | scalar & 0x3F)]
            case ..<0x10000: out += [UInt8(0xE0 | scalar >> 12), UInt8(0x80 | scalar >> 6 & 0x3F), UInt8(0x80 | scalar & 0x3F)]
            default: out += [UInt8(0xF0 | scalar >> 18), UInt8(0x80 | scalar >> 12 & 0x3F), UInt8(0x80 | scalar >> 6 & 0x3F), UInt8(0x80 | scalar & 0x3F)]
            }
        }
        return trimmed(String(decoding: out, as: UTF8.self))
    }

    /// Without leading/trailing spaces, tabs, line breaks and NULs.
    static func trimmed(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isPadding($0) }),
              let last = scalars.lastIndex(where: { !isPadding($0) }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return s }
        return String(scalars[first...last])
    }

    private static func isPadding(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0}"
    }

    /// Formats a number the way ExifTool's JSON output does with -n: integers without a
    /// fraction, others with up to 15 significant digits.
    static func number(_ d: Double) -> String {
        if d.isFinite && d == d.rounded() && abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    /// `0x010e`-style tag numbers for messages and unknown-tag names.
    static func hex(_ v: UInt16) -> String {
        let digits = Array("0123456789abcdef")
        var s = "0x"
        for shift in stride(from: 12, through: 0, by: -4) { s.append(digits[Int((v >> UInt16(shift)) & 0xF)]) }
        return s
    }
}
