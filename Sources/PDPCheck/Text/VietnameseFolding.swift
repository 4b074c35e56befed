/// Folds Vietnamese letters to lowercase ASCII ("Điện thoại" → "dien thoai") so keyword
/// tables need one spelling for text with diacritics, without them, in NFC or in NFD.
/// Works on scalars, so no whole-document normalization is ever needed.
enum VietnameseFolding {
    /// What a scalar folds to.
    enum Folded: Equatable {
        case letter(UInt8)
        /// A combining mark: belongs to the previous letter, contributes nothing.
        case mark
        /// Anything else: a word boundary.
        case other
    }

    @inline(__always) static func fold(_ v: UInt32) -> Folded {
        if v < 0x80 {
            let b = UInt8(v)
            if UTF8Classes.isASCIILetter(b) { return .letter(b | 0x20) }
            if UTF8Classes.isDigit(b) { return .letter(b) }
            return .other
        }
        if v >= 0x300 && v <= 0x36F { return .mark }
        if v >= 0xC0 && v <= 0xFF {
            let b = latin1[Int(v - 0xC0)]
            return b == 0x20 ? .other : .letter(b)
        }
        if v >= 0x1EA0 && v <= 0x1EF9 { return .letter(extendedAdditional(v)) }
        switch v {
        case 0x102, 0x103: return .letter(UInt8(ascii: "a"))
        case 0x110, 0x111: return .letter(UInt8(ascii: "d"))
        case 0x128, 0x129: return .letter(UInt8(ascii: "i"))
        case 0x168, 0x169: return .letter(UInt8(ascii: "u"))
        case 0x1A0, 0x1A1: return .letter(UInt8(ascii: "o"))
        case 0x1AF, 0x1B0: return .letter(UInt8(ascii: "u"))
        default: return UTF8Classes.isLetterScalar(v) ? .letter(UInt8(ascii: "?")) : .other
        }
    }

    /// U+00C0…U+00FF; a space marks the symbols × ÷ and the thorns.
    private static let latin1: [UInt8] = Array("aaaaaaaceeeeiiiidnooooo ouuuuy saaaaaaaceeeeiiiidnooooo ouuuuy y".utf8)

    /// U+1EA0…U+1EF9 come in upper/lower pairs, grouped by base vowel.
    private static func extendedAdditional(_ v: UInt32) -> UInt8 {
        switch v {
        case 0x1EA0...0x1EB7: return UInt8(ascii: "a")
        case 0x1EB8...0x1EC7: return UInt8(ascii: "e")
        case 0x1EC8...0x1ECB: return UInt8(ascii: "i")
        case 0x1ECC...0x1EE3: return UInt8(ascii: "o")
        case 0x1EE4...0x1EF1: return UInt8(ascii: "u")
        default: return UInt8(ascii: "y")
        }
    }

    /// Folds `text[range]` into lowercase ASCII letters and digits, every other character
    /// becoming one space (runs of them collapse), so keywords can be matched on word edges.
    static func foldedASCII(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let b = text[i]
            let length = b < 0x80 ? 1 : UTF8Classes.sequenceLength(b)
            let folded: Folded
            if b < 0x80 {
                folded = fold(UInt32(b))
            } else if let s = UTF8Classes.decodeScalar(at: i, in: text) {
                folded = fold(s.value)
            } else {
                folded = .other
            }
            switch folded {
            case .letter(let c): out.append(c)
            case .mark: break
            case .other: if out.last != 0x20 { out.append(0x20) }
            }
            i += length
        }
        return out
    }
}
