import Foundation

/// Small word-level readers over UTF-8 for the prose detectors (date of birth, home address,
/// child data, credentials). They run only on candidates found by the shared keyword pass,
/// never over the whole text, and they read NFC, NFD and unaccented text alike.
enum ProseText {
    /// A space or a tab (not a line break). A no-break space (C2 A0) counts as one.
    @inline(__always) static func spaceLength(at i: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        guard i >= 0 && i < text.count else { return 0 }
        let b = text[i]
        if b == 0x20 || b == 0x09 || b == 0x0D { return 1 }
        if b == 0xC2 && i + 1 < text.count && text[i + 1] == 0xA0 { return 2 }
        return 0
    }

    /// The first offset at or after `i` that is not a space or a tab.
    static func skipSpaces(from i: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var j = max(0, i)
        while j < text.count {
            let n = spaceLength(at: j, in: text)
            if n == 0 { break }
            j += n
        }
        return j
    }

    /// The offset just after the last non-space byte before `i`.
    static func skipSpacesBackward(from i: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var j = min(i, text.count)
        while j > 0 {
            let b = text[j - 1]
            if b == 0x20 || b == 0x09 || b == 0x0D { j -= 1; continue }
            if b == 0xA0 && j >= 2 && text[j - 2] == 0xC2 { j -= 2; continue }
            break
        }
        return j
    }

    /// A letter (with its combining marks) or an apostrophe inside a word ("H'Nhi").
    @inline(__always) static func isLetter(at i: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard i >= 0 && i < text.count else { return false }
        let b = text[i]
        if b < 0x80 { return UTF8Classes.isASCIILetter(b) }
        guard let s = UTF8Classes.decodeScalar(at: i, in: text) else { return false }
        return UTF8Classes.isLetterScalar(s.value)
    }

    @inline(__always) static func length(at i: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        let b = text[i]
        guard b >= 0x80 else { return 1 }
        let n = UTF8Classes.sequenceLength(b)
        return i + n <= text.count ? n : 1
    }

    /// End of the word of letters (and digits glued to them) that starts at `i`; `i` when none.
    static func wordEnd(from i: Int, in text: UnsafeBufferPointer<UInt8>, limit: Int = 40) -> Int {
        var j = i
        let cap = min(text.count, i + limit)
        while j < cap {
            if isLetter(at: j, in: text) || UTF8Classes.isDigit(text[j]) {
                j += length(at: j, in: text)
                continue
            }
            // An apostrophe between letters: H'Nhi, Ea H'leo.
            if text[j] == UInt8(ascii: "'") && j > i && isLetter(at: j + 1, in: text) { j += 1; continue }
            break
        }
        return j
    }

    /// Start of the word that ends at `end` (exclusive).
    /// A list item or a row: a number, a bullet or an emoji opens the line, or it holds two separators.
    static func isListLine(_ ls: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let k = skipSpaces(from: ls, in: text)
        guard k < text.count else { return false }
        let b = text[k]
        if UTF8Classes.isDigit(b) {
            let e = digitsEnd(from: k, in: text)
            if e - k <= 3 && e < text.count && (text[e] == UInt8(ascii: ".") || text[e] == UInt8(ascii: ")")
                                                 || text[e] == UInt8(ascii: "/") || text[e] == 0x09) { return true }
        }
        if b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: "*") || b == UInt8(ascii: "|") { return true }
        // "•", "▪", "–" and emoji: a symbol, not a letter.
        if b >= 0xE2 && !isLetter(at: k, in: text) { return true }
        let le = lineEnd(ls, in: text, limit: 300)
        var separators = 0
        var i = k
        while i < le {
            let c = text[i]
            if c == UInt8(ascii: "|") || c == 0x09 || c == UInt8(ascii: ";") { separators += 1 }
            if c == 0xE2 && i + 2 < le && text[i + 1] == 0x80 && (text[i + 2] == 0x93 || text[i + 2] == 0x94) { separators += 1 }
            if c == UInt8(ascii: "-") && i > k && text[i - 1] == 0x20 && i + 1 < le && text[i + 1] == 0x20 { separators += 1 }
            i += 1
        }
        return separators >= 2
    }

    /// The folded key of the word that ends right before `start` (past spaces), or nil.
    static func previousWordKey(before start: Int, in text: UnsafeBufferPointer<UInt8>) -> FoldedKey? {
        let e = skipSpacesBackward(from: start, in: text)
        let ws = wordStart(endingAt: e, in: text, limit: 16)
        return ws < e ? FoldedKey(text, ws..<e) : nil
    }

    static func wordStart(endingAt end: Int, in text: UnsafeBufferPointer<UInt8>, limit: Int = 40) -> Int {
        var j = min(end, text.count)
        let floor = max(0, end - limit)
        while j > floor {
            var k = j - 1
            while k > floor && UTF8Classes.isContinuation(text[k]) { k -= 1 }
            if isLetter(at: k, in: text) || UTF8Classes.isDigit(text[k]) { j = k; continue }
            break
        }
        return j
    }

    /// Lowercase ASCII without diacritics, words joined by one space.
    static func folded(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let lo = max(0, range.lowerBound), hi = min(text.count, range.upperBound)
        guard lo < hi else { return "" }
        var bytes = VietnameseFolding.foldedASCII(text, lo..<hi)
        while bytes.last == 0x20 { bytes.removeLast() }
        while bytes.first == 0x20 { bytes.removeFirst() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the word at `range` folds to exactly `word` (no allocation).
    static func folds(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to word: StaticString) -> Bool {
        let target = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        var k = 0
        var i = max(0, range.lowerBound)
        let hi = min(text.count, range.upperBound)
        while i < hi {
            let b = text[i]
            let n = length(at: i, in: text)
            let f: VietnameseFolding.Folded
            if b < 0x80 {
                f = VietnameseFolding.fold(UInt32(b))
            } else if let s = UTF8Classes.decodeScalar(at: i, in: text) {
                f = VietnameseFolding.fold(s.value)
            } else {
                return false
            }
            switch f {
            case .letter(let c):
                guard k < target.count && target[k] == c else { return false }
                k += 1
            case .mark: break
            case .other:
                guard k < target.count && target[k] == 0x20 else { return false }
                k += 1
            }
            i += n
        }
        return k == target.count
    }

    /// Whether every byte of the range is ASCII (the word was typed without diacritics).
    static func isASCII(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = max(0, range.lowerBound)
        let hi = min(text.count, range.upperBound)
        while i < hi {
            if text[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// Whether the character at `i` is an uppercase letter (ASCII, or a Vietnamese capital,
    /// precomposed or as an ASCII base with combining marks).
    static func isUppercase(at i: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard i >= 0 && i < text.count else { return false }
        let b = text[i]
        if b < 0x80 { return b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") }
        guard let s = UTF8Classes.decodeScalar(at: i, in: text) else { return false }
        let v = s.value
        switch v {
        case 0xC0...0xDE: return v != 0xD7
        case 0x100...0x17F: return v % 2 == 0
        case 0x1A0, 0x1AF: return true
        case 0x1EA0...0x1EF9: return v % 2 == 0
        default: return false
        }
    }

    /// Whether the byte at `i` starts a digit.
    @inline(__always) static func isDigit(at i: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        i >= 0 && i < text.count && UTF8Classes.isDigit(text[i])
    }

    /// End of the run of ASCII digits starting at `i`.
    static func digitsEnd(from i: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var j = i
        while j < text.count && UTF8Classes.isDigit(text[j]) { j += 1 }
        return j
    }

    /// Integer value of ASCII digits in the range (at most 9 digits; nil when longer).
    static func value(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard range.count > 0 && range.count <= 9 else { return nil }
        var v = 0
        for i in range {
            guard i < text.count, UTF8Classes.isDigit(text[i]) else { return nil }
            v = v * 10 + Int(text[i] &- 0x30)
        }
        return v
    }

    /// A letter or digit touches the position from the left (the value is glued to a word).
    static func gluedBefore(_ i: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        UTF8Classes.isWordCharacter(endingBefore: i, in: text)
    }

    // Distances are counted in characters, never in bytes: a letter with its combining marks
    // (NFD) is one character, as its precomposed form (NFC) is, so windows cover the same words
    // whatever the normalisation.

    /// Whether the byte at `i` starts a character: not a continuation byte and not the start
    /// of a combining mark (U+0300…U+036F, lead bytes CC and CD).
    @inline(__always) static func startsCharacter(_ b: UInt8) -> Bool {
        !UTF8Classes.isContinuation(b) && b != 0xCC && b != 0xCD
    }

    /// The offset `n` characters before `offset`, at the start of a character.
    static func back(_ offset: Int, characters n: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var i = min(max(0, offset), text.count)
        var count = 0
        while i > 0 && count < n {
            i -= 1
            if startsCharacter(text[i]) { count += 1 }
        }
        return i
    }

    /// The offset `n` characters after `offset` (marks that follow stay with their letter).
    static func ahead(_ offset: Int, characters n: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var i = min(max(0, offset), text.count)
        var count = 0
        while i < text.count {
            if startsCharacter(text[i]) {
                if count == n { break }
                count += 1
            }
            i += 1
        }
        return i
    }

    /// Characters from `a` to `b` (negative when `b` comes first).
    /// `characters(from: a, to: b, in: text) <= limit`, counting no further than the limit.
    static func within(from a: Int, to b: Int, _ limit: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a < b else { return limit >= 0 || characters(from: a, to: b, in: text) <= limit }
        let hi = min(text.count, b)
        if hi - max(0, a) <= limit { return true }
        var count = 0
        var i = max(0, a)
        while i < hi {
            if startsCharacter(text[i]) {
                count += 1
                if count > limit { return false }
            }
            i += 1
        }
        return true
    }

    static func characters(from a: Int, to b: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        let lo = max(0, min(a, b)), hi = min(text.count, max(a, b))
        var count = 0
        var i = lo
        while i < hi {
            if startsCharacter(text[i]) { count += 1 }
            i += 1
        }
        return a <= b ? count : -count
    }

    /// Start of the line holding `offset`, looking back at most `limit` characters (a text
    /// without line breaks must not make every lookup walk the whole text).
    static func lineStart(_ offset: Int, in text: UnsafeBufferPointer<UInt8>, limit: Int = 1000) -> Int {
        var i = min(max(0, offset), text.count)
        var count = 0
        while i > 0 && text[i - 1] != 0x0A {
            if startsCharacter(text[i - 1]) {
                if count == limit { break }
                count += 1
            }
            i -= 1
        }
        // Stop on a character's start.
        while i < offset && i < text.count && !startsCharacter(text[i]) { i += 1 }
        return i
    }

    /// End of the line holding `offset` (the offset of its line break, or the text's end),
    /// looking ahead at most `limit` characters.
    static func lineEnd(_ offset: Int, in text: UnsafeBufferPointer<UInt8>, limit: Int = 1000) -> Int {
        var i = min(max(0, offset), text.count)
        var count = 0
        while i < text.count && text[i] != 0x0A {
            if startsCharacter(text[i]) {
                if count == limit { break }
                count += 1
            }
            i += 1
        }
        return i
    }

    /// The sentence (or line) around `offset`, as `TextScanContext.sentence(around:)` reads it,
    /// but at most `limit` bytes on each side, so that text without full stops stays linear.
    static func sentence(around offset: Int, in text: UnsafeBufferPointer<UInt8>, limit: Int = 400) -> Range<Int> {
        let o = min(max(0, offset), text.count)
        var lo = o
        let floor = back(o, characters: limit, in: text)
        while lo > floor {
            let b = text[lo - 1]
            if b == 0x0A { break }
            if (b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")) && lo < text.count
                && (text[lo] == 0x20 || text[lo] == 0x0A) { break }
            lo -= 1
        }
        var hi = o
        let ceiling = ahead(o, characters: limit, in: text)
        while hi < ceiling {
            let b = text[hi]
            if b == 0x0A { break }
            if (b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?"))
                && (hi + 1 == text.count || text[hi + 1] == 0x20 || text[hi + 1] == 0x0A) { hi += 1; break }
            hi += 1
        }
        return lo..<hi
    }

    /// Whether a blank line (paragraph break) lies between the two offsets.
    static func paragraphBreak(between a: Int, and b: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = max(0, min(a, b))
        let hi = min(text.count, max(a, b))
        var lastNewline = -10
        while i < hi {
            let c = text[i]
            if c == 0x0A {
                if lastNewline >= 0 { return true }
                lastNewline = i
            } else if c != 0x20 && c != 0x09 && c != 0x0D {
                lastNewline = -10
            }
            i += 1
        }
        return false
    }

    /// The person mentions that a small window of the text holds, at offsets of the whole text.
    /// For detectors that need to know whether a name stands right before a value without
    /// scanning the whole text for names.
    static func mentions(in text: UnsafeBufferPointer<UInt8>, window: Range<Int>) -> [PersonMention] {
        var lo = max(0, window.lowerBound)
        let hi = min(text.count, window.upperBound)
        // Start on a character boundary and a word edge.
        while lo < hi && UTF8Classes.isContinuation(text[lo]) { lo += 1 }
        while lo < hi && UTF8Classes.isWordCharacter(endingBefore: lo, in: text) {
            lo += length(at: lo, in: text)
        }
        guard lo < hi else { return [] }
        let slice = UnsafeBufferPointer(rebasing: text[lo..<hi])
        return PersonMentionScanner.mentions(in: slice).map { m in
            var shifted = m
            shifted.start += lo
            shifted.end += lo
            if let c = m.cueStart { shifted.cueStart = c + lo }
            return shifted
        }
    }
}

/// A folded word or short phrase packed into two integers (up to 24 letters, digits and single
/// spaces), so candidate words are compared with word lists without building strings.
struct FoldedKey: Hashable, Sendable {
    private var high: UInt64 = 0
    private var low: UInt64 = 0
    private var count = 0

    static let capacity = 24

    init() {}

    /// The key of a folded ASCII string ("to dan pho"); nil when too long.
    init?(_ folded: String) {
        for b in folded.utf8 {
            guard append(Self.symbol(b)) else { return nil }
        }
        trimTrailingSpace()
    }

    /// The key of the words in `text[range]`, folded like the keyword matcher folds them:
    /// case and diacritics ignored, any run of other characters one space. Nil when longer.
    init?(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var i = max(0, range.lowerBound)
        let hi = min(text.count, range.upperBound)
        var lastSpace = true
        while i < hi {
            let b = text[i]
            let n = ProseText.length(at: i, in: text)
            let f: VietnameseFolding.Folded
            if b < 0x80 {
                f = VietnameseFolding.fold(UInt32(b))
            } else if let s = UTF8Classes.decodeScalar(at: i, in: text) {
                f = VietnameseFolding.fold(s.value)
            } else {
                f = .other
            }
            switch f {
            case .letter(let c):
                guard append(Self.symbol(c)) else { return nil }
                lastSpace = false
            case .mark:
                break
            case .other:
                if !lastSpace {
                    guard append(37) else { return nil }
                    lastSpace = true
                }
            }
            i += n
        }
        trimTrailingSpace()
    }

    @inline(__always) private static func symbol(_ b: UInt8) -> UInt64 {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return UInt64(b - UInt8(ascii: "a") + 1)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt64(b - UInt8(ascii: "A") + 1)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt64(b - UInt8(ascii: "0") + 27)
        default: return 37
        }
    }

    private var lastSymbol: UInt64 = 0

    @inline(__always) private mutating func append(_ s: UInt64) -> Bool {
        if s == 37 && (count == 0 || lastSymbol == 37) { return true }
        guard count < Self.capacity else { return false }
        if count < 12 { low = low &* 38 &+ s } else { high = high &* 38 &+ s }
        count += 1
        lastSymbol = s
        return true
    }

    private mutating func trimTrailingSpace() {
        guard lastSymbol == 37, count > 0 else { return }
        if count <= 12 { low /= 38 } else { high /= 38 }
        count -= 1
        lastSymbol = 0
    }

    static func == (a: FoldedKey, b: FoldedKey) -> Bool { a.high == b.high && a.low == b.low && a.count == b.count }

    func hash(into hasher: inout Hasher) {
        hasher.combine(high)
        hasher.combine(low)
        hasher.combine(count)
    }

    static func set(_ words: [String]) -> Set<FoldedKey> { Set(words.compactMap { FoldedKey($0) }) }

    /// A literal table keyed by folded words ("mot": 1, "hai": 2, …).
    static func table<Value>(_ entries: [String: Value]) -> [FoldedKey: Value] {
        entries.reduce(into: [:]) { table, entry in if let key = FoldedKey(entry.key) { table[key] = entry.value } }
    }

    /// Words as spelled, by their folded key: ["tròn", "được"] gives `tron` → [tròn], `duoc` → [được].
    static func spellings(_ words: [String]) -> [FoldedKey: [SpelledWord]] {
        words.reduce(into: [:]) { table, word in
            if let key = FoldedKey(SensitiveTopicKeywords.folded(word)) { table[key, default: []].append(SpelledWord(word)) }
        }
    }
}

/// A word spelled with its diacritics ("quán", "phố", "lớp"), matched on the raw bytes of a
/// word in NFC or NFD, lowercase, capitalised or in capitals, without building strings.
struct SpelledWord: Sendable {
    private let forms: [[UInt8]]

    init(_ lowercaseNFC: String) {
        var variants: [String] = []
        for base in [lowercaseNFC, lowercaseNFC.prefix(1).uppercased() + lowercaseNFC.dropFirst(), lowercaseNFC.uppercased()] {
            variants.append(base.precomposedStringWithCanonicalMapping)
            variants.append(base.decomposedStringWithCanonicalMapping)
        }
        var seen = Set<[UInt8]>()
        forms = variants.map { Array($0.utf8) }.filter { seen.insert($0).inserted }
    }

    func matches(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= text.count else { return false }
        let n = range.count
        outer: for form in forms where form.count == n {
            var k = 0
            for i in range {
                if text[i] != form[k] { continue outer }
                k += 1
            }
            return true
        }
        return false
    }
}

extension ProseText {
    /// Whether the word is one of `forms` as spelled, or typed without any diacritics at all.
    static func spelled(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, as forms: [SpelledWord]) -> Bool {
        if isASCII(text, range) { return true }
        return forms.contains { $0.matches(text, range) }
    }
}

/// Spellings the prose detectors check often.
enum Spelling {
    static let so = [SpelledWord("số")]
    static let nha = [SpelledWord("nhà")]
    static let o = [SpelledWord("ở")]
    static let song = [SpelledWord("sống")]
    static let tru = [SpelledWord("trú")]
    static let tho = [SpelledWord("thọ")]
    static let duong = [SpelledWord("dương")]
    static let la = [SpelledWord("là")]
    static let lop = [SpelledWord("lớp")]
    static let truong = [SpelledWord("trường")]
    static let anh = SpelledWord("ảnh")
    static let childWords = ["bé", "cháu", "con", "cu", "nhóc"].map(SpelledWord.init)
    static let kindergartenGroups = ["lá", "chồi", "mầm"].map(SpelledWord.init)
}
