/// Collects the text of one part of an HTML page (the visible text, the comments, the alt
/// texts…) as UTF-8 with the source offset of every byte, collapsing white space the way a
/// browser renders it.
///
/// The offset map serves both ends of a match: the scanner reports `sourceOffset(start)` and
/// `sourceOffset(end)`, so the entry at a match's end must be where the *last matched*
/// character ends in the source, while the entry at a match's start must be where the first
/// one begins. The two differ only after a gap (a tag, a comment, collapsed spaces). After a
/// gap, a letter or digit usually starts a match, so it maps to its own source; a space or
/// punctuation after a word usually ends one, so it maps to the start of the gap. Then
/// `<b>0912 345 678</b> nhé` reports exactly `0912 345 678`, without the `<b>` or `</b>`.
struct HTMLTextSink {
    private(set) var utf8: [UInt8] = []
    private(set) var map: [Int] = []
    /// Source offset just past the last character written: where the gap after it starts.
    private(set) var lastEnd = 0
    private var lastIsWord = false

    var isEmpty: Bool { utf8.isEmpty }

    /// True at the start or after a space, tab or line break (where more space is redundant).
    var atSpace: Bool {
        guard let last = utf8.last else { return true }
        return last == 0x20 || last == 0x0A || last == 0x09
    }

    /// Room for `count` bytes up front: the visible text of a page is rarely longer than the
    /// page, and unwritten capacity costs no memory until it is touched.
    mutating func reserve(_ count: Int) {
        utf8.reserveCapacity(count)
        map.reserveCapacity(count + 1)
    }

    /// One character (its UTF-8 bytes) that came from `start..<end` of the source.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        guard let first = bytes.first else { return }
        let word = Self.isWordStart(first, bytes.count > 1 ? bytes[1] : 0, bytes.count > 2 ? bytes[2] : 0)
        let at = mapped(start, word: word)
        for b in bytes { utf8.append(b); map.append(at) }
        lastEnd = max(end, at)
        lastIsWord = word
    }

    /// A run of ordinary text copied at once: `range` of `s` is valid UTF-8 without markup,
    /// references, controls or white space other than single spaces between characters (the
    /// extractor checks), so only its first character can follow a gap.
    mutating func appendRun(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard let first = range.first else { return }
        let second = first + 1 < range.upperBound ? s[first + 1] : 0
        let third = first + 2 < range.upperBound ? s[first + 2] : 0
        let at = mapped(first, word: Self.isWordStart(s[first], second, third))
        utf8.append(contentsOf: UnsafeBufferPointer(rebasing: s[range]))
        map.append(at)
        var charStart = at
        var lastLead = first
        for k in (first + 1)..<range.upperBound {
            if s[k] & 0xC0 != 0x80 {
                charStart = k
                lastLead = k
            }
            map.append(charStart)
        }
        lastEnd = range.upperBound
        let b1 = lastLead + 1 < range.upperBound ? s[lastLead + 1] : 0
        let b2 = lastLead + 2 < range.upperBound ? s[lastLead + 2] : 0
        lastIsWord = Self.isWordStart(s[lastLead], b1, b2)
    }

    /// A decoded character (a character reference) that came from `start..<end` of the source.
    mutating func append(scalar: Unicode.Scalar, from start: Int, to end: Int) {
        let v = scalar.value
        let word = v < 0x80 ? HTMLEntities.isAlphanumeric(UInt8(v))
                            : !(v == 0xA0 || (0x2000...0x206F).contains(v) || v == 0xFFFD)
        let at = mapped(start, word: word)
        UTF8.encode(scalar) { utf8.append($0); map.append(at) }
        lastEnd = max(end, at)
        lastIsWord = word
    }

    /// An ASCII byte from `start` (one source byte).
    mutating func append(ascii byte: UInt8, at start: Int) {
        append(ascii: byte, from: start, to: start + 1)
    }

    /// An ASCII byte standing for `start..<end` of the source (a reference, a tag, nothing).
    mutating func append(ascii byte: UInt8, from start: Int, to end: Int) {
        let word = Self.isWordStart(byte, 0, 0)
        let at = mapped(start, word: word)
        utf8.append(byte)
        map.append(at)
        lastEnd = max(end, at)
        lastIsWord = word
    }

    /// White space in flowing text: at most one space, none at the start of a line.
    mutating func appendSpace(from start: Int, to end: Int) {
        guard !atSpace else { return }
        append(ascii: 0x20, from: start, to: end)
    }

    /// A line break a block element makes (at the source offset of its tag). A trailing space
    /// becomes the break; several blocks in a row make one break.
    mutating func lineBreak(at offset: Int) {
        guard let last = utf8.last else { return }
        if last == 0x0A { return }
        if last == 0x20 || last == 0x09 {
            utf8[utf8.count - 1] = 0x0A
            return
        }
        append(ascii: 0x0A, from: offset, to: offset)
    }

    /// A tab between table cells, so numbers in neighbouring cells do not run together.
    mutating func cellBreak(at offset: Int) {
        guard let last = utf8.last, last != 0x0A, last != 0x09 else { return }
        if last == 0x20 {
            utf8[utf8.count - 1] = 0x09
            return
        }
        append(ascii: 0x09, from: offset, to: offset)
    }

    /// Hands the text over with its map (one entry per byte plus the end), each entry passed
    /// through `outer` (the decoder's map when the page was not UTF-8). The sink is empty
    /// afterwards, so the arrays move instead of being copied.
    mutating func finish(part: String?, outer: [Int]?) -> TextPart {
        map.append(lastEnd)
        if let outer, !outer.isEmpty {
            let last = outer.count - 1
            for i in map.indices { map[i] = outer[min(max(map[i], 0), last)] }
        }
        let result = TextPart(part: part, utf8: utf8, sourceOffsets: map)
        utf8 = []
        map = []
        lastEnd = 0
        lastIsWord = false
        return result
    }

    private func mapped(_ start: Int, word: Bool) -> Int {
        // After a gap, punctuation and space that follow a word end that word at the gap.
        if !utf8.isEmpty, start > lastEnd, !word, lastIsWord { return lastEnd }
        return max(start, map.last ?? 0)
    }

    /// Letters and digits (and non-ASCII letters) start words; ASCII punctuation, space,
    /// U+00A0 and the General Punctuation block (dashes, quotes) do not.
    @inline(__always)
    static func isWordStart(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
        if b0 < 0x80 { return HTMLEntities.isAlphanumeric(b0) }
        if b0 == 0xC2 && b1 == 0xA0 { return false }
        if b0 == 0xE2 && b1 == 0x80 { return false }
        if b0 == 0xEF && b1 == 0xBF && b2 == 0xBD { return false }
        return true
    }
}
