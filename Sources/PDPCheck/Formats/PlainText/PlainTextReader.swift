/// Turns the bytes of a text file into a TextPart whose offsets lead back to the file's bytes.
enum PlainTextReader {
    static func read(_ bytes: [UInt8], encoding: TextEncoding) -> TextPart {
        switch encoding {
        case .utf8:
            // Scanned as is (a BOM is not a digit or a letter), so offsets are the file's offsets.
            return TextPart(utf8: bytes)
        case .utf16LE, .utf16BE:
            return decodeUTF16(bytes, littleEndian: encoding == .utf16LE)
        case .windows1258, .tcvn3:
            return LegacyVietnameseText.decode(bytes, encoding: encoding)
        }
    }

    /// UTF-16 → UTF-8 with a source offset for every output byte. Unpaired surrogates become
    /// U+FFFD so a hostile file cannot make us emit invalid UTF-8.
    static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool) -> TextPart {
        var out: [UInt8] = []
        var map: [Int] = []
        out.reserveCapacity(bytes.count)
        map.reserveCapacity(bytes.count + 1)
        func unit(at i: Int) -> UInt32 {
            littleEndian ? UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8
                         : UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1])
        }
        var i = 0
        if bytes.count >= 2 && unit(at: 0) == 0xFEFF { i = 2 }
        while i + 1 < bytes.count {
            let start = i
            var scalar = unit(at: i)
            i += 2
            if scalar >= 0xD800 && scalar < 0xDC00 {
                if i + 1 < bytes.count, case let low = unit(at: i), low >= 0xDC00 && low < 0xE000 {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 2
                } else {
                    scalar = 0xFFFD
                }
            } else if scalar >= 0xDC00 && scalar < 0xE000 {
                scalar = 0xFFFD
            }
            let before = out.count
            appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &out)
            for _ in before..<out.count { map.append(start) }
        }
        map.append(bytes.count)
        return TextPart(utf8: out, sourceOffsets: map)
    }

    static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(scalar) { out.append($0) }
    }
}
