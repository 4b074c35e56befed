/// Decides whether a file's head is text, and in which encoding, without libmagic
/// (which costs milliseconds per text buffer).
enum TextSniffer {
    static func encoding(of head: [UInt8], isWholeFile: Bool) -> TextEncoding? {
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        if head.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if head.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        if head.isEmpty { return .utf8 }
        if let utf16 = bomlessUTF16(head) { return utf16 }
        if head.contains(0) { return nil }
        if isValidUTF8(head, allowTruncatedTail: !isWholeFile) {
            return looksLikeBinary(head) ? nil : .utf8
        }
        return LegacyVietnameseText.guessEncoding(head)
    }

    /// UTF-16 without a BOM shows up as every other byte zero in Latin-script text.
    static func bomlessUTF16(_ head: [UInt8]) -> TextEncoding? {
        let n = min(head.count, 512) & ~1
        guard n >= 8 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for i in stride(from: 0, to: n, by: 2) {
            if head[i] == 0 { zeroEven += 1 }
            if head[i + 1] == 0 { zeroOdd += 1 }
        }
        let pairs = n / 2
        if zeroOdd * 10 >= pairs * 6 && zeroEven * 10 <= pairs { return .utf16LE }
        if zeroEven * 10 >= pairs * 6 && zeroOdd * 10 <= pairs { return .utf16BE }
        return nil
    }

    /// Control characters other than whitespace mean a binary format we don't know.
    static func looksLikeBinary(_ head: [UInt8]) -> Bool {
        var controls = 0
        for b in head where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B {
            controls += 1
        }
        return controls * 100 > head.count
    }

    /// Strict UTF-8 validation (no overlongs, no surrogates). When the head was cut from a
    /// longer file its last character may be incomplete: that is still text.
    static func isValidUTF8(_ bytes: [UInt8], allowTruncatedTail: Bool) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8($0, allowTruncatedTail: allowTruncatedTail) }
    }

    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, allowTruncatedTail: Bool) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: need = 2
            case 0xED: need = 2; upper = 0x9F
            case 0xF0: need = 3; lower = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; upper = 0x8F
            default: return false
            }
            if i + need >= n {
                // The character runs past the end of what we were given.
                guard allowTruncatedTail else { return false }
                for j in (i + 1)..<n {
                    let c = bytes[j]
                    if j == i + 1 ? (c < lower || c > upper) : (c & 0xC0 != 0x80) { return false }
                }
                return true
            }
            let c1 = bytes[i + 1]
            if c1 < lower || c1 > upper { return false }
            if need >= 2 {
                for j in 2...need where bytes[i + j] & 0xC0 != 0x80 { return false }
            }
            i += need + 1
        }
        return true
    }
}
