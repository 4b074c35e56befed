/// Byte-level character classes for scanners that walk UTF-8 without decoding it.
enum UTF8Classes {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    @inline(__always) static func isASCIIAlnum(_ b: UInt8) -> Bool { isDigit(b) || isASCIILetter(b) }

    @inline(__always) static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }

    /// Whether the character starting at `i` is a letter, digit or underscore (ASCII or Vietnamese/Latin,
    /// including a combining mark that belongs to a preceding letter).
    static func isWordCharacter(startingAt i: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard i >= 0 && i < text.count else { return false }
        let b = text[i]
        // `_` joins words in handles and identifiers (`@shop_0905123456`).
        if b < 0x80 { return isASCIIAlnum(b) || b == UInt8(ascii: "_") }
        guard let scalar = decodeScalar(at: i, in: text) else { return false }
        return isLetterScalar(scalar.value)
    }

    /// Whether the character that ends just before `i` is a letter or digit.
    static func isWordCharacter(endingBefore i: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard i > 0 && i <= text.count else { return false }
        var start = i - 1
        while start > 0 && isContinuation(text[start]) && i - start < 4 { start -= 1 }
        return isWordCharacter(startingAt: start, in: text)
    }

    /// Latin letters with diacritics (Latin-1, Extended-A/B, Extended Additional) and
    /// combining marks count as letters; punctuation, symbols and emoji do not.
    static func isLetterScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F: return true
        case 0x300...0x36F: return true
        case 0x1E00...0x1EFF: return true
        default: return false
        }
    }

    /// Decodes one scalar; nil for malformed or truncated sequences.
    static func decodeScalar(at i: Int, in text: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        let b0 = text[i]
        if b0 < 0x80 { return Unicode.Scalar(b0) }
        let length: Int
        var value: UInt32
        switch b0 {
        case 0xC2...0xDF: length = 2; value = UInt32(b0 & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(b0 & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(b0 & 0x07)
        default: return nil
        }
        guard i + length <= text.count else { return nil }
        for k in 1..<length {
            let c = text[i + k]
            guard isContinuation(c) else { return nil }
            value = value << 6 | UInt32(c & 0x3F)
        }
        return Unicode.Scalar(value)
    }

    /// Byte length of the character starting with lead byte `b` (1 for malformed bytes).
    @inline(__always) static func sequenceLength(_ b: UInt8) -> Int {
        switch b {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 1
        }
    }
}
