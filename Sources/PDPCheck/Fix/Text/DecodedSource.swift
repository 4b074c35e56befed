/// A source that is not UTF-8 (UTF-16, Windows-1258, TCVN3, a Latin page), decoded the way its
/// reader decodes it, so the characters of any source range can be listed with their bytes.
struct DecodedSource {
    /// Source offset of every decoded scalar, in order.
    private var offsets: [Int] = []
    private var scalars: [Unicode.Scalar] = []
    let count: Int

    init(_ part: TextPart, sourceCount: Int) {
        count = sourceCount
        let text = part.utf8
        var i = 0
        while i < text.count {
            let length = Self.sequenceLength(text[i])
            let end = min(i + length, text.count)
            let scalar = String(decoding: text[i..<end], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
            offsets.append(part.sourceOffset(i))
            scalars.append(scalar)
            i = end
        }
    }

    static func sequenceLength(_ b: UInt8) -> Int {
        if b < 0xC0 { return 1 }
        if b < 0xE0 { return 2 }
        if b < 0xF0 { return 3 }
        return 4
    }

    /// The characters written by `range` of the source. A source byte that decodes to several
    /// scalars gives its bytes to the first; the others are edited with it.
    func characters(in range: Range<Int>) -> [SourceCharacter] {
        var lo = 0, hi = offsets.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if offsets[mid] < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var out: [SourceCharacter] = []
        var k = lo
        while k < offsets.count, offsets[k] < range.upperBound {
            var next = k + 1
            while next < offsets.count, offsets[next] == offsets[k] { next += 1 }
            let end = min(next < offsets.count ? offsets[next] : count, range.upperBound)
            out.append(SourceCharacter(scalars[k], range: offsets[k]..<max(end, offsets[k] + 1)))
            for extra in (k + 1)..<next { out.append(SourceCharacter(scalars[extra], range: nil)) }
            k = next
        }
        return out
    }
}

/// Lists the characters a source range writes, for each kind of text source.
enum SourceCharacters {
    /// UTF-8 text: every scalar is its own bytes. Invalid bytes read as U+FFFD, one byte each.
    static func utf8(_ bytes: [UInt8], _ range: Range<Int>) -> [SourceCharacter] {
        let range = clamped(range, bytes.count)
        return bytes.withUnsafeBufferPointer { s in
            var out: [SourceCharacter] = []
            var k = range.lowerBound
            while k < range.upperBound {
                let length = UTF8Sequence.length(s, at: k, end: range.upperBound) ?? 1
                out.append(SourceCharacter(scalar(s, k, length), range: k..<(k + length)))
                k += length
            }
            return out
        }
    }

    /// HTML source: tags and comments inside the range are skipped (never edited), character
    /// references are one character each. In attribute values (`attribute`), `<` is text and a
    /// link's `%XX` escape is one character. `decoded` reads pages that are not UTF-8.
    static func html(_ bytes: [UInt8], _ range: Range<Int>, attribute: Bool, decoded: DecodedSource?) -> [SourceCharacter] {
        let range = clamped(range, bytes.count)
        return bytes.withUnsafeBufferPointer { s in
            var out: [SourceCharacter] = []
            let end = range.upperBound
            var k = range.lowerBound
            while k < end {
                let c = s[k]
                if !attribute, c == UInt8(ascii: "<"), k + 1 < end, isMarkupStart(s[k + 1]) {
                    if HTMLCharsetSniffer.hasPrefix(s, at: k, "<!--") {
                        k = (HTMLCharsetSniffer.find(s, "-->", from: k + 4).map { $0 + 3 }) ?? end
                    } else {
                        k = (HTMLTagParser.indexOf(UInt8(ascii: ">"), in: s, from: k + 1).map { $0 + 1 }) ?? end
                    }
                    continue
                }
                if c == UInt8(ascii: "&"), let (value, next) = HTMLEntities.decode(UnsafeBufferPointer(rebasing: s[0..<end]), at: k, end: end,
                                                                                  inAttribute: attribute) {
                    out.append(SourceCharacter(value, range: k..<next))
                    k = next
                    continue
                }
                if attribute, c == UInt8(ascii: "%"), k + 2 < end, let hi = hex(s[k + 1]), let lo = hex(s[k + 2]), hi < 8 {
                    out.append(SourceCharacter(Unicode.Scalar(hi << 4 | lo), range: k..<(k + 3)))
                    k += 3
                    continue
                }
                if c >= 0x80, let decoded {
                    var runEnd = k
                    while runEnd < end, s[runEnd] >= 0x80 { runEnd += 1 }
                    out += decoded.characters(in: k..<runEnd)
                    k = runEnd
                    continue
                }
                let length = UTF8Sequence.length(s, at: k, end: end) ?? 1
                out.append(SourceCharacter(scalar(s, k, length), range: k..<(k + length)))
                k += length
            }
            return out
        }
    }

    private static func isMarkupStart(_ c: UInt8) -> Bool {
        UTF8Classes.isASCIILetter(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?")
    }

    static func scalar(_ s: UnsafeBufferPointer<UInt8>, _ k: Int, _ length: Int) -> Unicode.Scalar {
        guard length > 1 else { return s[k] < 0x80 ? Unicode.Scalar(s[k]) : "\u{FFFD}" }
        return String(decoding: UnsafeBufferPointer(rebasing: s[k..<(k + length)]), as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
    }

    static func clamped(_ range: Range<Int>, _ count: Int) -> Range<Int> {
        let lower = min(max(range.lowerBound, 0), count)
        return lower..<min(max(range.upperBound, lower), count)
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
