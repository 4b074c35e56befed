import Foundation

/// Byte-level helpers the relational detectors share: bounded sentences, clause and paragraph
/// breaks, distances in characters (the same for NFC and NFD), folded words around a place.
enum RelationalText {
    /// Farthest a sentence reaches on each side, in characters, so a text without punctuation
    /// cannot make every lookup linear in the text.
    static let sentenceRadius = 360

    /// The sentence (or line) around `offset`, bounded like `TextScanContext.sentence(around:)`
    /// but never more than `sentenceRadius` characters each way.
    static func sentence(around offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let n = text.count
        let o = min(max(0, offset), n)
        // The radius is counted while walking, as `back` and `ahead` count it: a sentence
        // usually ends long before it, and walking the whole radius first cost more than the
        // sentence.
        var lo = o
        var left = sentenceRadius
        while lo > 0 {
            let b = text[lo - 1]
            let starts = startsCharacter(b)
            if starts && left == 0 { break }
            if b == 0x0A { break }
            if (b == 0x2E || b == 0x21 || b == 0x3F) && lo < n && (text[lo] == 0x20 || text[lo] == 0x0A) { break }
            // An emoji before a space ends a sentence too ("…em ấy 🙏 Trầm cảm là bệnh").
            if b == 0x20 && lo >= 5 && text[lo - 5] >= 0xF0 && text[lo - 5] <= 0xF4 { break }
            if starts { left -= 1 }
            lo -= 1
        }
        while lo < n && UTF8Classes.isContinuation(text[lo]) { lo += 1 }
        var hi = o
        left = sentenceRadius
        while hi < n {
            let b = text[hi]
            let starts = startsCharacter(b)
            if starts && left == 0 { break }
            if b == 0x0A { break }
            if (b == 0x2E || b == 0x21 || b == 0x3F) && (hi + 1 == n || text[hi + 1] == 0x20 || text[hi + 1] == 0x0A) {
                hi += 1
                break
            }
            if b >= 0xF0 && b <= 0xF4 && hi + 4 < n && text[hi + 4] == 0x20 { hi += 4; break }
            if starts { left -= 1 }
            hi += 1
        }
        while hi < n && hi > lo && UTF8Classes.isContinuation(text[hi]) { hi += 1 }
        return lo..<max(lo, hi)
    }

    /// A byte that starts a character for the radius count: not a continuation byte, and not the
    /// lead byte of a combining mark (U+0300–U+036F), which goes with its letter.
    @inline(__always) static func startsCharacter(_ c: UInt8) -> Bool {
        c & 0xC0 != 0x80 && c != 0xCC && c != 0xCD
    }

    /// The end of the line holding `offset` (its line break, or the text's end).
    static func lineEnd(after offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        let o = min(max(0, offset), text.count)
        guard o < text.count, let base = text.baseAddress,
              let found = memchr(base + o, 0x0A, text.count - o) else { return text.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The line around `offset` (at most `sentenceRadius` characters each way).
    static func line(around offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let n = text.count
        let o = min(max(0, offset), n)
        var lo = o
        var left = sentenceRadius
        while lo > 0 {
            let b = text[lo - 1]
            let starts = startsCharacter(b)
            if (starts && left == 0) || b == 0x0A { break }
            if starts { left -= 1 }
            lo -= 1
        }
        while lo < n && UTF8Classes.isContinuation(text[lo]) { lo += 1 }
        var hi = o
        left = sentenceRadius
        while hi < n {
            let b = text[hi]
            let starts = startsCharacter(b)
            if (starts && left == 0) || b == 0x0A { break }
            if starts { left -= 1 }
            hi += 1
        }
        while hi < n && hi > lo && UTF8Classes.isContinuation(text[hi]) { hi += 1 }
        return lo..<max(lo, hi)
    }

    /// Whether only spaces lie in `a..<b`.
    static func onlySpaces(_ a: Int, _ b: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = max(0, a)
        while i < min(b, text.count) {
            guard text[i] == 0x20 else { return false }
            i += 1
        }
        return true
    }

    /// The offset `count` characters before `offset` (combining marks go with their letter, so
    /// NFC and NFD reach the same place), or the text's start.
    static func back(_ offset: Int, _ count: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var i = min(max(0, offset), text.count)
        var left = count
        while i > 0 {
            if startsCharacter(text[i - 1]) {
                if left == 0 { break }
                left -= 1
            }
            i -= 1
        }
        return i
    }

    /// The offset `count` characters after `offset`, or the text's end.
    static func ahead(_ offset: Int, _ count: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        let n = text.count
        var i = min(max(0, offset), n)
        var left = count
        while i < n {
            if startsCharacter(text[i]) {
                if left == 0 { break }
                left -= 1
            }
            i += 1
        }
        return i
    }

    /// Whether `a..<b` (either way round) holds at most `limit` characters, counted no further
    /// than the limit (`ProseText.within`).
    static func within(_ a: Int, _ b: Int, _ limit: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        ProseText.within(from: min(a, b), to: max(a, b), limit, in: text)
    }

    /// Characters (not bytes, not combining marks) in `a..<b`, either way round: the same for NFC and NFD.
    static func characters(_ a: Int, _ b: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        ProseText.characters(from: min(a, b), to: max(a, b), in: text)
    }

    /// Whether `a..<b` holds a clause break: `,` `;` `:` `(` `)` `|`, a spaced dash, an en or
    /// em dash, or a line break.
    static func clauseBreak(_ a: Int, _ b: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = max(0, min(a, b)), hi = min(text.count, max(a, b))
        var i = lo
        while i < hi {
            switch text[i] {
            case 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x7C, 0x0A, 0x2E, 0x21, 0x3F: return true
            case 0x2D: if i > lo && text[i - 1] == 0x20 { return true }
            case 0xE2: if i + 2 < text.count && text[i + 1] == 0x80 && (text[i + 2] == 0x93 || text[i + 2] == 0x94) { return true }
            default: break
            }
            i += 1
        }
        return false
    }

    /// The start of the clause that `offset` is in, not before `limit`.
    static func clauseStart(before offset: Int, limit: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var i = min(offset, text.count)
        while i > limit {
            switch text[i - 1] {
            case 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x7C, 0x0A: return i
            default: i -= 1
            }
        }
        return max(0, limit)
    }

    /// More than `allowed` blank lines (paragraph breaks) in `a..<b`.
    static func paragraphBreak(_ a: Int, _ b: Int, in text: UnsafeBufferPointer<UInt8>, allowed: Int = 0) -> Bool {
        let lo = max(0, min(a, b)), hi = min(text.count, max(a, b))
        var breaks = 0
        var lastNewline = -1
        var i = lo
        while i < hi {
            let c = text[i]
            if c == 0x0A {
                if lastNewline >= 0 {
                    breaks += 1
                    if breaks > allowed { return true }
                    lastNewline = -1
                } else {
                    lastNewline = i
                }
            } else if c != 0x20 && c != 0x0D && c != 0x09 {
                lastNewline = -1
            }
            i += 1
        }
        return false
    }

    /// Words (letter runs) between `a` and `b`; `Int.max` when anything else than spaces and
    /// letters lies between (punctuation, digits, a line break).
    static func wordsBetween(_ a: Int, _ b: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        guard a <= b else { return 0 }
        let hi = min(b, text.count)
        var words = 0
        var inWord = false
        var i = max(0, a)
        while i < hi {
            let c = text[i]
            if c == 0x20 || c == 0x09 {
                inWord = false
                i += 1
                continue
            }
            if c < 0x80 {
                guard UTF8Classes.isASCIILetter(c) else { return Int.max }
                if !inWord { words += 1; inWord = true }
                i += 1
                continue
            }
            let (kind, length) = PersonMentionScanner.nonASCII(at: i, in: text)
            guard kind == .letter else { return Int.max }
            if !inWord { words += 1; inWord = true }
            i += length
        }
        return words
    }

    /// The ranges of up to `max` words inside `a..<b`.
    static func wordRanges(_ a: Int, _ b: Int, max: Int, in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = Swift.max(0, a)
        let hi = Swift.min(b, text.count)
        while i < hi && out.count < max {
            let c = text[i]
            let isLetter: Bool
            var length = 1
            if c < 0x80 {
                isLetter = UTF8Classes.isASCIILetter(c) || UTF8Classes.isDigit(c)
            } else {
                let (kind, l) = PersonMentionScanner.nonASCII(at: i, in: text)
                isLetter = kind == .letter
                length = l
            }
            guard isLetter else { i += length; continue }
            let start = i
            while i < hi {
                let d = text[i]
                if d < 0x80 {
                    guard UTF8Classes.isASCIILetter(d) || UTF8Classes.isDigit(d) else { break }
                    i += 1
                } else {
                    let (kind, l) = PersonMentionScanner.nonASCII(at: i, in: text)
                    guard kind == .letter else { break }
                    i += l
                }
            }
            out.append(start..<i)
        }
        return out
    }

    /// Up to `count` words after `offset`, separated only by spaces, folded to ASCII.
    static func foldedWords(after offset: Int, count: Int, in text: UnsafeBufferPointer<UInt8>) -> [(folded: String, end: Int)] {
        var out: [(folded: String, end: Int)] = []
        var i = offset
        let n = text.count
        while out.count < count && i < n {
            guard text[i] == 0x20 else { break }
            while i < n && text[i] == 0x20 { i += 1 }
            guard let r = wordRanges(i, min(n, i + 40), max: 1, in: text).first, r.lowerBound == i else { break }
            out.append((String(decoding: VietnameseFolding.foldedASCII(text, r), as: UTF8.self), r.upperBound))
            i = r.upperBound
        }
        return out
    }

    /// Whether `a..<b` holds only letters, digits, spaces and the joiners `-` `/` `'` (one
    /// phrase, not words on both sides of a comma, a full stop or a line break).
    static func isOnePhrase(_ a: Int, _ b: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = max(0, a)
        let hi = min(b, text.count)
        while i < hi {
            let c = text[i]
            if c < 0x80 {
                guard UTF8Classes.isASCIIAlnum(c) || c == 0x20 || c == 0x2D || c == 0x2F || c == 0x27 || c == 0x3A
                else { return false }
                i += 1
            } else {
                let (kind, length) = PersonMentionScanner.nonASCII(at: i, in: text)
                guard kind != .other else { return false }
                i += length
            }
        }
        return true
    }

    /// Where the paragraph around `offset` starts: after the last blank line (within 1,500 bytes).
    static func paragraphStart(before offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var i = min(offset, text.count)
        let limit = max(0, offset - 1500)
        var sawNewline = false
        while i > limit {
            let c = text[i - 1]
            if c == 0x0A {
                if sawNewline { return i }
                sawNewline = true
            } else if c != 0x20 && c != 0x0D && c != 0x09 {
                sawNewline = false
            }
            i -= 1
        }
        return i
    }

    /// Whether the line of `sentence` opens with a bullet, a number or an emoji before its first
    /// word ("+ Thẻ đảng viên…", "2. …", "👉 …"): an item of a list, not a statement.
    static func isListItem(_ sentence: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let line = self.line(around: sentence.lowerBound, in: text)
        var i = line.lowerBound
        while i < line.upperBound && (text[i] == 0x20 || text[i] == 0x09) { i += 1 }
        guard i < line.upperBound else { return false }
        let b = text[i]
        if b < 0x80 { return !UTF8Classes.isASCIILetter(b) && b != UInt8(ascii: "(") && b != UInt8(ascii: "\"") }
        return PersonMentionScanner.nonASCII(at: i, in: text).0 == .other
    }

    /// The line around `offset` when it is a comment in a thread: it opens with a dash, a speech
    /// balloon or a reply arrow ("– Mình 38t…", "💬 Hoàng Yến: …", "↳ HR: …"), and the block of such lines it belongs to holds a reply
    /// arrow or sits under a "Bình luận" heading.
    static func threadComment(around offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let line = self.line(around: offset, in: text)
        guard let opener = commentOpener(line, in: text) else { return nil }
        if opener == .arrow { return line }
        var above = line.lowerBound
        for _ in 0..<60 {
            guard above > 0 else { return nil }
            let previous = self.line(around: above - 1, in: text)
            switch commentOpener(previous, in: text) {
            case .arrow?: return line
            case .dash?: above = previous.lowerBound
            case nil:
                // A blank (or emoji-only) line between the heading and the comments.
                if KeyedWords(text, previous).keys.isEmpty {
                    above = previous.lowerBound
                    continue
                }
                return KeyedWords(text, previous).contains(threadHeadings) ? line : nil
            }
        }
        return nil
    }

    private enum CommentOpener { case dash, arrow }

    /// How a line opens, past its indentation: a dash, a reply arrow, or neither.
    private static func commentOpener(_ line: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> CommentOpener? {
        var i = line.lowerBound
        while i < line.upperBound && (text[i] == 0x20 || text[i] == 0x09) { i += 1 }
        guard i < line.upperBound else { return nil }
        if isReplyArrow(at: i, in: text) { return .arrow }
        // "💬 Hoàng Yến: …": a comment shown with its speech balloon, as sure a sign as a reply arrow.
        if i + 3 < line.upperBound && text[i] == 0xF0 && text[i + 1] == 0x9F && text[i + 2] == 0x92 && text[i + 3] == 0xAC {
            return .arrow
        }
        return isDash(at: i, in: text) ? .dash : nil
    }

    static let threadHeadings = PhraseTable(["bình luận", "comment", "cmt"])

    /// "-", "–", "—" (a comment's bullet).
    @inline(__always) static func isDash(at i: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        if text[i] == UInt8(ascii: "-") { return true }
        return text[i] == 0xE2 && i + 2 < text.count && text[i + 1] == 0x80 && (text[i + 2] == 0x93 || text[i + 2] == 0x94)
    }

    /// "↳" (U+21B3), a reply under a comment.
    @inline(__always) static func isReplyArrow(at i: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        text[i] == 0xE2 && i + 2 < text.count && text[i + 1] == 0x86 && text[i + 2] == 0xB3
    }

    /// Whether the word at `start` belongs to a hashtag: a `#` opens its run of non-space bytes.
    static func inHashtag(_ start: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = start
        while k > 0 && start - k < 64 {
            let b = text[k - 1]
            if b == UInt8(ascii: "#") { return true }
            if b == 0x20 || b == 0x0A || b == 0x09 { return false }
            k -= 1
        }
        return false
    }

    /// Whether `start..<end` sits inside quotes of at most five words in the sentence.
    static func isQuotedTerm(_ start: Int, _ end: Int, within sentence: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        func quote(at i: Int) -> Bool {
            text[i] == 0x22 || (text[i] == 0xE2 && i + 2 < text.count && text[i + 1] == 0x80 && (text[i + 2] == 0x9C || text[i + 2] == 0x9D))
        }
        var open = -1
        var i = sentence.lowerBound
        var inside = false
        while i < min(start, text.count) {
            if quote(at: i) { inside.toggle(); if inside { open = i } }
            i += 1
        }
        guard inside, open >= 0 else { return false }
        var close = end
        while close < min(sentence.upperBound, text.count) && !quote(at: close) { close += 1 }
        guard close < min(sentence.upperBound, text.count) else { return false }
        return KeyedWords(text, open..<close).keys.count <= 5
    }

    /// Whether a colon follows `end` (after spaces) and ends the line or precedes a value:
    /// the keyword before it is a form field's label ("Tôn giáo: Phật giáo").
    static func isFieldLabel(_ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = end
        while i < text.count && text[i] == 0x20 { i += 1 }
        return i < text.count && text[i] == UInt8(ascii: ":")
    }

    /// The end of an amount of money right after `offset`: "4.860.000đ", "35 trieu", "2tr5", "500k".
    static func amount(after offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = offset
        let n = text.count
        // "nợ tôi 35 triệu": one short word may come between.
        let words = foldedWords(after: i, count: 1, in: text)
        if let w = words.first, ["toi", "minh", "em", "anh", "chi", "shop", "ben", "cua"].contains(w.folded) { i = w.end }
        while i < n && text[i] == 0x20 { i += 1 }
        guard i < n, UTF8Classes.isDigit(text[i]) else { return nil }
        while i < n && (UTF8Classes.isDigit(text[i]) || ((text[i] == 0x2E || text[i] == 0x2C) && i + 1 < n && UTF8Classes.isDigit(text[i + 1]))) {
            i += 1
        }
        let unit = foldedWords(after: i, count: 1, in: text).first
        if i < n, text[i] != 0x20, let glued = wordRanges(i, min(n, i + 12), max: 1, in: text).first, glued.lowerBound == i {
            let f = String(decoding: VietnameseFolding.foldedASCII(text, glued), as: UTF8.self)
            if ["d", "dong", "k", "tr", "trieu", "ty", "vnd"].contains(f) || f.hasPrefix("tr") { return glued.upperBound }
        }
        if let unit, ["d", "dong", "k", "tr", "trieu", "ty", "nghin", "ngan", "vnd", "cu", "lit"].contains(unit.folded) {
            return unit.end
        }
        if i < n, text[i] == 0xC4 || text[i] == 0xE2 { return min(n, i + (text[i] == 0xC4 ? 2 : 3)) }  // "đ", "₫"
        return nil
    }

    /// The end of one or two capitalised words right after `offset` ("Pa Dí", "Tày"), not
    /// "Việt Nam".
    static func capitalisedName(after offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = text.count
        var i = offset
        var end: Int?
        for _ in 0..<2 {
            guard i < n, text[i] == 0x20 else { break }
            while i < n && text[i] == 0x20 { i += 1 }
            guard i < n, PersonMentionScanner.isCapital(at: i, in: text),
                  let w = wordRanges(i, min(n, i + 24), max: 1, in: text).first, w.lowerBound == i else { break }
            let f = String(decoding: VietnameseFolding.foldedASCII(text, w), as: UTF8.self)
            if ["viet", "nam", "anh", "em", "ta", "toi", "thieu"].contains(f) { break }
            end = w.upperBound
            i = w.upperBound
        }
        return end
    }

    /// Whether `range` holds a letter with diacritics.
    static func hasMarks(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = max(0, range.lowerBound)
        let hi = min(text.count, range.upperBound)
        while i < hi {
            let c = text[i]
            if c >= 0xC3 && c <= 0xCD || c == 0xE1 { return true }
            i += 1
        }
        return false
    }

    /// A year from 1000 to 1954 in the sentence, after "năm" ("Năm 1930, …", "vào năm 1911") or
    /// in a span of years ("(1890–1969)"), and not a birth year ("sinh năm 1948"): history.
    static func hasOldYear(in range: Range<Int>, text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = max(0, range.lowerBound)
        let hi = min(text.count, range.upperBound)
        while i < hi {
            guard UTF8Classes.isDigit(text[i]) else { i += 1; continue }
            let start = i
            var value = 0
            while i < hi && UTF8Classes.isDigit(text[i]) && i - start < 6 {
                value = value * 10 + Int(text[i] - 0x30)
                i += 1
            }
            if i - start == 4 && value >= 1000 && value <= 1954 && (start == 0 || !UTF8Classes.isDigit(text[start - 1])) {
                let words = KeyedWords(text, max(range.lowerBound, back(start, 18, in: text))..<start)
                let afterYearWord = words.contains(yearWords, inLast: 1)
                var k = i
                if k < hi && (text[k] == 0x2D || text[k] == 0xE2) { k += text[k] == 0x2D ? 1 : 3 }
                let span = k > i && k + 4 <= hi && (k..<k + 4).allSatisfy { UTF8Classes.isDigit(text[$0]) }
                if (afterYearWord || span) && !words.contains(birthWords, inLast: 2) { return true }
            }
            while i < hi && UTF8Classes.isDigit(text[i]) { i += 1 }
        }
        return false
    }

    static let birthWords = PhraseTable(["sinh", "sn", "ns", "năm sinh", "sinh năm"])
    static let yearWords = PhraseTable(["năm", "thế kỷ", "thời"])

    /// How strongly an anchor at `a0..<a1` ties to the phrase at `start..<end`.
    static func tie(_ a0: Int, _ a1: Int, to start: Int, _ end: Int, sentence: Range<Int>,
                    in text: UnsafeBufferPointer<UInt8>, sameClause: Double, sameSentence: Double, window: Double) -> Double {
        let (lo, hi) = a1 <= start ? (a1, start) : (end, a0)
        guard lo <= hi else { return sameClause }
        if a0 >= sentence.lowerBound && a1 <= sentence.upperBound {
            return clauseBreak(lo, hi, in: text) ? sameSentence : sameClause
        }
        if hi - lo > 600 { return 0 }
        if within(lo, hi, 80, in: text) && !paragraphBreak(lo, hi, in: text) { return window }
        return 0
    }

    /// The items (sorted by start) that may lie within reach of `start..<end`.
    /// The items (sorted by start) within 700 bytes of `start..<end`, at most the four nearest on
    /// each side: the nearest decide every tie, and text dense with names and numbers must not
    /// make each lookup long.
    static func near(_ items: [TextMatch], _ start: Int, _ end: Int) -> ArraySlice<TextMatch> {
        let center = lowerBound(items.count) { items[$0].start < start }
        let lo = max(lowerBound(items.count) { items[$0].start < start - 700 }, center - 4)
        let hi = min(lowerBound(items.count) { items[$0].start < end + 700 }, center + 4)
        return items[lo..<max(lo, hi)]
    }

    static func near(_ items: [PersonMention], _ start: Int, _ end: Int) -> ArraySlice<PersonMention> {
        let center = lowerBound(items.count) { items[$0].start < start }
        let lo = max(lowerBound(items.count) { items[$0].start < start - 700 }, center - 4)
        let hi = min(lowerBound(items.count) { items[$0].start < end + 700 }, center + 4)
        return items[lo..<max(lo, hi)]
    }

    /// Whether an item (sorted by start) starts within `radius` bytes of `offset`.
    static func anyWithin(_ items: [TextMatch], _ offset: Int, _ radius: Int) -> Bool {
        let i = lowerBound(items.count) { items[$0].start < offset - radius }
        return i < items.count && items[i].start <= offset + radius
    }

    /// The first index in `0..<count` where `before` turns false (it must be monotone).
    static func lowerBound(_ count: Int, _ before: (Int) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if before(mid) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The words of a span, spelled as `NameKey`s (at most 240 words).
    struct KeyedWords {
        var keys: [(key: NameKey, plain: Bool)?] = []
        var starts: [Int] = []

        init(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            for r in RelationalText.wordRanges(range.lowerBound, range.upperBound, max: 240, in: text) {
                keys.append(NameKey.of(text, r.lowerBound, r.upperBound))
                starts.append(r.lowerBound)
            }
        }

        func contains(_ table: PhraseTable, inLast n: Int = Int.max) -> Bool {
            let from = n == Int.max ? 0 : max(0, keys.count - n)
            return table.occurs(in: keys, from: from)
        }

        /// Whether one of the phrases starts at word `k`.
        func contains(words table: PhraseTable, at k: Int) -> Bool {
            table.occurs(in: keys, from: k, onlyAt: true)
        }

        /// Whether the span opens with one of the phrases.
        func startsWith(_ table: PhraseTable) -> Bool {
            table.occurs(in: Array(keys.prefix(3)), from: 0, onlyAt: true)
        }

        /// A word that refers back to a person ("anh ấy", "nó", "bé", "ông"), before `offset`.
        /// `posterVoice`: the post speaks as "em" of "chồng em", "mẹ em"; "em", "chồng", "mẹ" there
        /// are the poster and their family, not someone named before.
        func hasPronoun(before offset: Int, posterVoice: Bool = false) -> Bool {
            let P = RelationalText.self
            for k in keys.indices where starts[k] < offset {
                guard let w = keys[k] else { continue }
                if posterVoice && P.posterWords.contains(w) { continue }
                if w.plain ? P.plainPronouns.contains(w) : P.pronouns.contains(w) { return true }
                if k > 0, P.demonstratives.contains(w), PersonNameLexicon.honorifics.contains(keys[k - 1]) { return true }
            }
            return false
        }
    }

    /// Words that point back at a person already named; with marks only (typed without them,
    /// "no", "ba", "co" are everyday words), apart from `plainPronouns`.
    static let pronouns = NameTable(["nó", "hắn", "ổng", "bả", "bé", "cháu", "ông", "bà", "cụ", "chú", "bác", "cô",
                                     "thằng", "anh", "chị", "em", "chồng", "vợ", "mẹ", "bố", "con"])
    static let plainPronouns = NameTable(["ông", "cháu", "ổng", "bà", "bé", "anh", "em", "nó", "ck", "vk", "ny"])
    /// The poster and their family in a post that speaks as "em" ("chồng em", "mẹ em").
    static let posterWords = NameTable(["em", "e", "chồng", "vợ", "mẹ", "bố", "ba", "má", "con", "ck", "vk"])
    /// Family words possessed by the poster: "chồng em", "mẹ em", "con em".
    static let posterFamily = NamePairTable(["chồng em", "vợ em", "mẹ em", "bố em", "ba em", "con em", "chồng e",
                                             "ck em", "ck e", "mẹ e", "con e"])

    /// Whether the text speaks as "em" of a family of their own ("chồng em ngoại tình", "mẹ em
    /// bảo"): a confession or a question in the poster's voice.
    static func speaksAsEm(_ text: UnsafeBufferPointer<UInt8>, familyHits: [KeywordHit]) -> Bool {
        for h in familyHits {
            // Most family words are followed by anything but "em": one byte says so.
            guard h.end + 1 < text.count, text[h.end] == 0x20, text[h.end + 1] | 0x20 == UInt8(ascii: "e") else { continue }
            let e = h.end + 1
            let we = ProseText.wordEnd(from: e, in: text, limit: 8)
            guard e > h.end, we > e else { continue }
            if posterFamily.contains(NameKey.of(text, h.start, h.end), NameKey.of(text, e, we)) { return true }
        }
        return false
    }

    /// "ấy", "ta", "này" after an honorific: "anh ấy", "chị ta", "bà này".
    static let demonstratives = NameTable(["ấy", "ta", "này", "kia", "đó"])

    /// Phrases of one to three words, compared as `NameKey`s like `NameTable`.
    struct PhraseTable: Sendable {
        struct Phrase: Hashable, Sendable {
            var a = NameKey()
            var b = NameKey()
            var c = NameKey()
        }

        private var exact: Set<Phrase> = []
        private var folded: Set<Phrase> = []
        /// First words of every phrase, with and without marks: a cheap test before `Set`'s hashing.
        private var firstWords = KeySet([])
        private(set) var longest = 1

        /// - Parameter foldSingleWords: whether a one-word phrase also matches a word typed without
        ///   marks ("truyện" would match "truyen" in "truyen hoa chat" otherwise).
        init(_ phrases: [String], foldSingleWords: Bool = true) {
            var firsts: [NameKey] = []
            for phrase in phrases {
                let words = phrase.split(separator: " ").map(String.init)
                guard (1...3).contains(words.count) else { continue }
                let keys = words.compactMap { NameKey.of($0)?.key }
                let plain = words.compactMap { word -> NameKey? in
                    let ascii = Array(word.utf8).withUnsafeBufferPointer { VietnameseFolding.foldedASCII($0, 0..<$0.count) }
                    return NameKey.of(String(decoding: ascii, as: UTF8.self))?.key
                }
                guard keys.count == words.count, plain.count == words.count else { continue }
                exact.insert(Self.phrase(keys[...]))
                if foldSingleWords || words.count > 1 { folded.insert(Self.phrase(plain[...])) }
                longest = max(longest, words.count)
                firsts += [keys[0], plain[0]]
            }
            firstWords = KeySet(firsts)
        }

        static func phrase(_ keys: ArraySlice<NameKey>) -> Phrase {
            var p = Phrase()
            for (i, k) in keys.enumerated() {
                switch i {
                case 0: p.a = k
                case 1: p.b = k
                default: p.c = k
                }
            }
            return p
        }

        func occurs(in words: [(key: NameKey, plain: Bool)?], from: Int, onlyAt: Bool = false) -> Bool {
            guard from < words.count else { return false }
            for k in from..<(onlyAt ? from + 1 : words.count) {
                guard let first = words[k], firstWords.contains(first.key) else { continue }
                var p = Phrase()
                var plain = 0
                for length in 1...longest where k + length <= words.count {
                    guard let w = words[k + length - 1] else { break }
                    switch length {
                    case 1: p.a = w.key
                    case 2: p.b = w.key
                    default: p.c = w.key
                    }
                    if w.plain { plain += 1 }
                    if plain == length {
                        if folded.contains(p) || exact.contains(p) { return true }
                    } else if plain == 0 {
                        if exact.contains(p) { return true }
                    } else if exact.contains(p) || folded.contains(p) {
                        return true
                    }
                }
            }
            return false
        }
    }
}
