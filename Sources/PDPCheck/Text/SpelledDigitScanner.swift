import Foundation

/// Phone numbers spelled out in Vietnamese digit words to dodge filters: "không chín không
/// năm một hai ba bốn năm sáu", with or without diacritics, NFC or NFD, lower, Capitalised or
/// UPPER case, words separated by spaces, commas, dots or dashes (1–3 of them). Each run of
/// at least `minimumDigits` digit words becomes a `NumberRun` of one group (folding
/// `.spelled`) spanning from the first digit word to the last, each digit's source range
/// being its word.
///
/// Words: không/khong/hông/hong (0), một/mốt/mot (1), hai (2), ba (3), bốn/bon/tư/tu (4),
/// năm/nam/lăm/lam (5), sáu/sau (6), bảy/bẩy/bay (7), tám/tam (8), chín/chin (9). A word
/// counts with its own diacritics or with none: "làm", "từ", "tâm", "bà", "hồng" are words,
/// not digits.
///
/// Speed: the scanner does not look at every word. A run of 9 digit words covers at least
/// `minimumSpan` bytes (9 two-letter words and 8 one-byte separators), so of the windows of
/// `window` bytes that start every `probeStride` bytes, one lies wholly inside every run. A
/// window is a few table lookups: every pair of adjacent bytes in it must be a pair that
/// spellings and separators make (most windows fail on the first pair or two). Only then does
/// the probe read the raw bytes of the word at the window's start (no decoding, no folding:
/// every accepted spelling, ≤ 8 bytes, is a key in a small hash table), and only a probe that
/// hits a digit word expands into a full parse.
enum SpelledDigitScanner {
    static let minimumDigits = 9
    /// Shortest byte span of `minimumDigits` digit words: 9 × 2 letters + 8 separators.
    static let minimumSpan = 26
    /// Bytes whose adjacent pairs a probe checks, from the probe on.
    static let window = 8
    /// Windows start this far apart, so one fits in any span of `minimumSpan` bytes.
    static let probeStride = minimumSpan - window + 1
    /// Longest spelling in bytes ("không", "một", "bẩy" in NFD: 7).
    static let maxWordBytes = 8
    /// Longest separator between two digit words (", ", " - ").
    static let maxSeparatorBytes = 3

    static func runs(in text: UnsafeBufferPointer<UInt8>) -> [NumberRun] {
        var prober = Prober()
        var found: [NumberRun] = []
        prober.advance(to: text.count, in: text, into: &found)
        return found
    }

    /// Probes the text from left to right, in as many steps as the caller wants.
    struct Prober {
        /// The next probe position.
        private(set) var next = 0
        /// The last run found ends here.
        private var resumeAt = 0

        /// Probes every position below `limit`, appending the runs found (in text order).
        /// Every run found ends at or before `limit` unless it contains a probe below it.
        mutating func advance(to limit: Int, in text: UnsafeBufferPointer<UInt8>, into found: inout [NumberRun]) {
            let end = min(limit, text.count)
            guard next < end else { return }
            let n = text.count
            bigramBitmap.withUnsafeBufferPointer { bigrams in
                prefixBitmap.withUnsafeBufferPointer { prefixes in
                    while next < end {
                        let p = next
                        next += probeStride
                        guard p + window <= n, allRunBigrams(text, from: p, bigrams),
                              let word = probe(text, at: p, prefixes: prefixes) else { continue }
                        let first = expandLeft(text, from: word, notBefore: resumeAt)
                        if let run = parseRun(text, from: first) {
                            found.append(run)
                            resumeAt = run.end
                            next = max(next, run.end + probeStride)
                        }
                    }
                }
            }
        }
    }

    /// Whether every pair of adjacent bytes in `text[from..<from + window]` can occur in a run.
    /// Branch-free: the seven look-ups are ANDed, so the one branch is almost always "no".
    @inline(__always) static func allRunBigrams(_ text: UnsafeBufferPointer<UInt8>, from: Int,
                                                _ bigrams: UnsafeBufferPointer<UInt64>) -> Bool {
        var previous = Int(text[from])
        var all: UInt64 = 1
        for k in from + 1..<from + window {
            let b = Int(text[k])
            let pair = previous << 8 | b
            all &= bigrams[pair &>> 6] &>> UInt64(truncatingIfNeeded: pair)
            previous = b
        }
        return all & 1 == 1
    }

    // MARK: byte classes

    private static let other: UInt8 = 0, separator: UInt8 = 1, asciiLetter: UInt8 = 2, letterLead: UInt8 = 3,
                       continuation: UInt8 = 4

    /// Raw byte classes: a letter is an ASCII letter or a scalar led by C3–C9 (Latin-1 and
    /// Latin Extended), CC–CD (combining marks) or E1 (Latin Extended Additional).
    @inline(__always) static func byteClass(_ b: UInt8) -> UInt8 {
        if b < 0x80 { return UTF8Classes.isASCIILetter(b) ? asciiLetter : (isSeparator(b) ? separator : other) }
        if b < 0xC0 { return continuation }
        return (b >= 0xC3 && b <= 0xC9) || b == 0xCC || b == 0xCD || b == 0xE1 ? letterLead : other
    }

    /// Whether `b` begins a spelling: b, c, h, k, l, m, n, s, t in either case.
    @inline(__always) static func isFirstByte(_ b: UInt8) -> Bool {
        let l = (b | 0x20) &- UInt8(ascii: "a")
        guard l < 26, b < 0x80 else { return false }
        // Bits for b c h k l m n s t.
        let mask: UInt32 = 1 << 1 | 1 << 2 | 1 << 7 | 1 << 10 | 1 << 11 | 1 << 12 | 1 << 13 | 1 << 18 | 1 << 19
        return mask >> UInt32(l) & 1 == 1
    }

    @inline(__always) static func isSeparator(_ b: UInt8) -> Bool {
        b == 0x20 || b == UInt8(ascii: ",") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
    }

    /// Start of the letter scalar that ends right before `i`, or nil.
    @inline(__always) static func letterStart(before i: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard i > 0 && i <= text.count else { return nil }
        var s = i - 1
        let b = text[s]
        if b < 0x80 { return UTF8Classes.isASCIILetter(b) ? s : nil }
        while s > 0 && i - s < 4 && text[s] & 0xC0 == 0x80 { s -= 1 }
        return byteClass(text[s]) == letterLead ? s : nil
    }

    // MARK: probing

    /// Whether `b` may be part of a word: an ASCII letter, a continuation byte, or the lead
    /// byte of a letter or combining mark (so `“`, `…` and emoji end a word).
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        if b < 0x80 { return UTF8Classes.isASCIILetter(b) }
        return b < 0xC0 || (b >= 0xC3 && b <= 0xC9) || b == 0xCC || b == 0xCD || b == 0xE1
    }

    /// Whether a spelling begins with the two bytes at `i`.
    @inline(__always) static func hasSpellingPrefix(_ text: UnsafeBufferPointer<UInt8>, at i: Int,
                                                     _ prefixes: UnsafeBufferPointer<UInt64>) -> Bool {
        guard i >= 0 && i + 1 < text.count else { return false }
        let pair = Int(text[i]) << 8 | Int(text[i + 1])
        return prefixes[pair &>> 6] &>> UInt64(truncatingIfNeeded: pair) & 1 == 1
    }

    /// The start of the word that must be a digit word if `p` lies inside a spelled run: the
    /// word containing `p`, or the one right after the separator containing `p`. Nil when
    /// `p` cannot be inside a run. Raw bytes only until the word's first two bytes begin a
    /// spelling; then `digitWord` reads it properly.
    static func probe(_ text: UnsafeBufferPointer<UInt8>, at p: Int, prefixes: UnsafeBufferPointer<UInt64>) -> Int? {
        let b = text[p]
        var start = p
        if isSeparator(b) {
            start = p + 1
            while start < text.count && start - p < maxSeparatorBytes && isSeparator(text[start]) { start += 1 }
        } else {
            guard isWordByte(b) else { return nil }
            while start > 0 && isWordByte(text[start - 1]) {
                start -= 1
                if p - start >= maxWordBytes { return nil }
            }
            // Backed up into the tail of a `“` or an emoji: the word starts after it.
            while start < p && text[start] & 0xC0 == 0x80 { start += 1 }
        }
        guard hasSpellingPrefix(text, at: start, prefixes) else { return nil }
        return digitWord(text, at: start) != nil ? start : nil
    }

    /// The first digit word of the run that contains the digit word at `word`.
    static func expandLeft(_ text: UnsafeBufferPointer<UInt8>, from word: Int, notBefore lower: Int) -> Int {
        var first = word
        while true {
            var k = first
            while k > lower && first - k < maxSeparatorBytes && isSeparator(text[k - 1]) { k -= 1 }
            guard k < first else { return first }
            var start = k
            while let previous = letterStart(before: start, in: text), previous >= lower {
                start = previous
                if k - start > maxWordBytes { return first }
            }
            guard start < k, let (_, end) = digitWord(text, at: start), end == k else { return first }
            first = start
        }
    }

    /// Digit words from `first`, joined by separators; nil when fewer than `minimumDigits`.
    static func parseRun(_ text: UnsafeBufferPointer<UInt8>, from first: Int) -> NumberRun? {
        // Count first: most digit words ("không", "năm", "hai") stand alone.
        var count = 0
        var i = first
        while let (_, end) = digitWord(text, at: i) {
            count += 1
            var k = end
            while k < text.count && k - end < maxSeparatorBytes && isSeparator(text[k]) { k += 1 }
            guard k > end else { break }
            i = k
        }
        guard count >= minimumDigits else { return nil }
        var run = NumberRun()
        run.reset(at: first)
        i = first
        while let (value, end) = digitWord(text, at: i) {
            run.digits.append(value)
            run.digitStart.append(i)
            run.digitEnd.append(end)
            run.end = end
            var k = end
            while k < text.count && k - end < maxSeparatorBytes && isSeparator(text[k]) { k += 1 }
            guard k > end else { break }
            i = k
        }
        guard run.digits.count >= minimumDigits else { return nil }
        run.groupStart = [0]
        run.separator = [0]
        run.folding = .spelled
        run.gluedBefore = UTF8Classes.isWordCharacter(endingBefore: run.start, in: text)
        run.gluedAfter = UTF8Classes.isWordCharacter(startingAt: run.end, in: text)
        return run
    }

    // MARK: the spellings

    /// The digit word that starts at `i` (a whole word: no letter or digit touches it) and
    /// where it ends.
    static func digitWord(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt8, Int)? {
        let n = text.count
        guard i >= 0 && i < n, isFirstByte(text[i]) else { return nil }
        var j = i + 1
        while j < n {
            let b = text[j]
            if b < 0x80 {
                guard UTF8Classes.isASCIILetter(b) else { break }
            } else if b >= 0xC0 {
                guard byteClass(b) == letterLead else { break }
            }
            j += 1
            if j - i > maxWordBytes { return nil }
        }
        guard j - i >= 2, isLastByte(text[j - 1]) else { return nil }
        if j < n && UTF8Classes.isDigit(text[j]) { return nil }
        if i > 0 && letterStart(before: i, in: text) != nil { return nil }
        var key: UInt64 = 0
        for k in i..<j { key = key << 8 | UInt64(text[k]) }
        return spellings.value(key).map { ($0, j) }
    }

    /// Whether `b` can end a spelling: g t i a n u m y in either case, or the last byte of
    /// `ư`/`Ư` (C6 B0, C6 AF) and of the horn U+031B (CC 9B).
    @inline(__always) static func isLastByte(_ b: UInt8) -> Bool {
        if b >= 0x80 { return b == 0xB0 || b == 0xAF || b == 0x9B }
        let l = (b | 0x20) &- UInt8(ascii: "a")
        guard l < 26 else { return false }
        // Bits for a g i m n t u y.
        let mask: UInt32 = 1 << 0 | 1 << 6 | 1 << 8 | 1 << 12 | 1 << 13 | 1 << 19 | 1 << 20 | 1 << 24
        return mask >> UInt32(l) & 1 == 1
    }

    /// Every accepted spelling's bytes as a key (at most 8 bytes, so unique), with its digit.
    struct SpellingTable {
        private var keys: [UInt64]
        private var values: [UInt8]
        private let mask: Int

        init(_ entries: [(UInt64, UInt8)]) {
            var size = 64
            while size < entries.count * 4 { size *= 2 }
            keys = [UInt64](repeating: 0, count: size)
            values = [UInt8](repeating: 0, count: size)
            mask = size - 1
            for (key, value) in entries {
                var slot = Self.hash(key) & mask
                while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
                keys[slot] = key
                values[slot] = value
            }
        }

        @inline(__always) static func hash(_ key: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40)
        }

        @inline(__always) func value(_ key: UInt64) -> UInt8? {
            var slot = Self.hash(key) & mask
            while true {
                let k = keys[slot]
                if k == key { return values[slot] }
                if k == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Digit words as written with their diacritics; the unaccented form of each is added.
    static let words: [(String, UInt8)] = [
        ("không", 0), ("hông", 0), ("một", 1), ("mốt", 1), ("hai", 2), ("ba", 3), ("bốn", 4), ("tư", 4),
        ("năm", 5), ("lăm", 5), ("sáu", 6), ("bảy", 7), ("bẩy", 7), ("tám", 8), ("chín", 9),
    ]

    /// Bit `b0 << 8 | b1` is set when some spelling begins with bytes b0 b1.
    static let prefixBitmap: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 65536 / 64)
        for (word, value) in spellingList {
            _ = value
            let pair = Int(word[0]) << 8 | Int(word[1])
            bits[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        return bits
    }()

    /// Bit `b0 << 8 | b1` is set when bytes b0 b1 can be adjacent inside a spelled run:
    /// within a spelling, between a spelling and a separator, or between two separators.
    static let bigramBitmap: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 65536 / 64)
        func set(_ a: UInt8, _ b: UInt8) {
            let pair = Int(a) << 8 | Int(b)
            bits[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        let separators = Array(" ,.-".utf8)
        for (word, _) in spellingList {
            for k in 1..<word.count { set(word[k - 1], word[k]) }
            for sep in separators {
                set(word[word.count - 1], sep)
                set(sep, word[0])
            }
        }
        for a in separators { for b in separators { set(a, b) } }
        return bits
    }()

    static let spellings = SpellingTable(spellingList.map { bytes in
        var key: UInt64 = 0
        for b in bytes.0 { key = key << 8 | UInt64(b) }
        return (key, bytes.1)
    })

    /// Every accepted spelling as bytes (2…8 of them), with its digit.
    static let spellingList: [([UInt8], UInt8)] = {
        var entries: [([UInt8], UInt8)] = []
        var seen = Set<[UInt8]>()
        func add(_ s: String, _ value: UInt8) {
            let bytes = Array(s.utf8)
            guard bytes.count >= 2 && bytes.count <= maxWordBytes else { return }
            if seen.insert(bytes).inserted { entries.append((bytes, value)) }
        }
        for (word, value) in words {
            let plain = String(String.UnicodeScalarView(word.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                $0.value < 0x300 || $0.value > 0x36F
            }))
            for base in [word, plain] {
                for cased in [base, base.uppercased(), base.prefix(1).uppercased() + base.dropFirst()] {
                    let nfd = cased.decomposedStringWithCanonicalMapping
                    add(cased.precomposedStringWithCanonicalMapping, value)
                    add(nfd, value)
                    // Two marks on one vowel, as some keyboards type them: `ô` + dot below,
                    // or both marks in the other order.
                    var scalars = Array(nfd.unicodeScalars)
                    if let m = scalars.firstIndex(where: { $0.value >= 0x300 && $0.value <= 0x36F }),
                       m + 1 < scalars.count, scalars[m + 1].value >= 0x300 && scalars[m + 1].value <= 0x36F {
                        let partial = String(String.UnicodeScalarView(scalars[..<(m + 1)])).precomposedStringWithCanonicalMapping
                            + String(String.UnicodeScalarView(scalars[(m + 1)...]))
                        add(partial, value)
                        scalars.swapAt(m, m + 1)
                        add(String(String.UnicodeScalarView(scalars)), value)
                        let swappedPartial = String(String.UnicodeScalarView(scalars[..<(m + 1)]))
                            .precomposedStringWithCanonicalMapping + String(String.UnicodeScalarView(scalars[(m + 1)...]))
                        add(swappedPartial, value)
                    }
                }
            }
        }
        return entries
    }()
}
