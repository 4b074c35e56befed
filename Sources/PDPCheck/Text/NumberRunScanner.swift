/// The shared digit-run pass: one walk over the bytes that hands every number-like run to
/// the number detectors. Bytes that cannot start a run are skipped eight at a time
/// (`nextCandidate`), and a run's arrays are filled in bulk from a `NumberRunBuilder`.
///
/// Besides ASCII digits a run folds the ways posts write digits to dodge filters, each digit
/// keeping its exact source bytes (`NumberRun.digitStart` / `digitEnd`):
/// - full-width `０`–`９` (U+FF10–FF19; the lead byte 0xEF starts a run), with full-width
///   `＋`, `．`, `－` and the ideographic space as lead and separators;
/// - keycap emoji `0️⃣` / `0⃣` (an ASCII digit, optional U+FE0F, U+20E3);
/// - `O`/`o` for 0 and `l`/`I` for 1, only next to a real digit (so "lo 0905", "I love" and
///   "lo0905" read as before), and only when the run then reads as a phone number with a
///   letter-digit inside it; otherwise the run is read again without letters;
/// - spelled Vietnamese digits, found by `SpelledDigitScanner` and handed over in text order.
/// The slow paths run only on bytes that can start them: 0xEF/0xE2 or a letter right after a
/// digit group, the byte before a run's first digit, and the spelled scanner's sparse probes.
enum NumberRunScanner {
    static let startsRun: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { t[Int(b)] = true }
        t[Int(UInt8(ascii: "+"))] = true
        t[Int(UInt8(ascii: "("))] = true
        t[0xEF] = true  // full-width digits and plus
        return t
    }()

    /// Whether a byte after a digit may continue its group other than as an ASCII digit: the
    /// first byte of U+FE0F / U+20E3 (keycap) or of a full-width digit, or a letter-digit.
    @inline(__always) static func continuesGroup(_ b: UInt8) -> Bool {
        if b < UInt8(ascii: "I") { return false }  // spaces, punctuation, digits: the common case
        return b == 0xE2 || b == 0xEF || letterDigitValue(b) != nil
    }

    /// A run with letter-digits stops reading letters past this many digits: no phone
    /// number is that long, and a long `O0O0…` must not be folded in full.
    static let maxLetterRunDigits = 40

    static func scan(_ text: UnsafeBufferPointer<UInt8>, _ body: (NumberRun) -> Void) {
        // Spelled runs are rare and their probes sparse: find them first, then merge.
        let spelled = SpelledDigitScanner.runs(in: text)
        var nextSpelled = 0
        var run = NumberRun()
        run.digits.reserveCapacity(32)
        run.digitStart.reserveCapacity(32)
        run.digitEnd.reserveCapacity(32)
        run.groupStart.reserveCapacity(8)
        run.separator.reserveCapacity(8)
        let builder = NumberRunBuilder()
        let n = text.count
        var i = 0
        var lastEnd = 0
        var lettersFrom = 0
        while true {
            i = nextCandidate(text, from: i)
            guard i < n else { break }
            if let next = parseRun(text, at: i, notBefore: lastEnd, lettersFrom: &lettersFrom, builder: builder, into: &run) {
                while nextSpelled < spelled.count && spelled[nextSpelled].start < run.start {
                    body(spelled[nextSpelled])
                    nextSpelled += 1
                }
                body(run)
                i = next
                lastEnd = next
            } else {
                i += 1
            }
        }
        while nextSpelled < spelled.count {
            body(spelled[nextSpelled])
            nextSpelled += 1
        }
    }

    /// The first byte at or after `from` that may start a run (`startsRun`), or the text's
    /// end. Eight bytes at a time: digits are a few percent of a post's bytes and cluster in
    /// numbers, so most words of text hold none of the four kinds of byte.
    @inline(__always) static func nextCandidate(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = text.count
        guard start < n, let base = text.baseAddress else { return n }
        let raw = UnsafeRawPointer(base)
        var i = max(0, start)
        while i + 8 <= n {
            let flags = candidateFlags(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            if flags != 0 { return i + flags.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < n && !startsRun[Int(text[i])] { i += 1 }
        return i
    }

    /// The high bit of each byte of `x` (little-endian) that is an ASCII digit, `+`, `(` or
    /// 0xEF — exactly `startsRun`. Every test keeps to its own byte (no carry or borrow
    /// crosses into the next), so every flag is exact, not just the lowest.
    @inline(__always) static func candidateFlags(_ x: UInt64) -> UInt64 {
        let ones7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let highs: UInt64 = 0x8080_8080_8080_8080
        let low7 = x & ones7
        // Bit 7 of `low7 + (0x80 - c)` is set when the low seven bits are ≥ c.
        let atLeast0 = low7 &+ 0x5050_5050_5050_5050
        let above9 = low7 &+ 0x4646_4646_4646_4646
        let digit = atLeast0 & ~above9 & ~x
        @inline(__always) func zeroBytes(_ y: UInt64) -> UInt64 { ~(((y & ones7) &+ ones7) | y) }
        let plus = zeroBytes(x ^ 0x2B2B_2B2B_2B2B_2B2B)
        let paren = zeroBytes(x ^ 0x2828_2828_2828_2828)
        let fullWidth = zeroBytes(x ^ 0xEFEF_EFEF_EFEF_EFEF)
        return (digit | plus | paren | fullWidth) & highs
    }

    /// Parses the run that starts at `i`; returns where scanning resumes, or nil when `i`
    /// does not start a run. A letter-digit right before `i` may join the run, but never one
    /// before `lower` (the end of the previous run). Letters are read only from `lettersFrom`
    /// on: when they do not make a phone number, the stretch they covered is read without
    /// them from then on, so a long `O0O0O0…` costs one pass, not one per start.
    static func parseRun(_ text: UnsafeBufferPointer<UInt8>, at i: Int, notBefore lower: Int = 0,
                         lettersFrom: inout Int, builder: NumberRunBuilder, into run: inout NumberRun) -> Int? {
        let letters = i >= lettersFrom
        guard let end = parseRun(text, at: i, notBefore: lower, letters: letters, builder: builder, into: &run) else {
            return nil
        }
        guard run.folding.contains(.letters) else { return end }
        if PhoneNumberDetector.hasPhoneReading(run, withLetterDigit: true) { return end }
        // The letters do not make a phone number: read the digits as they are written.
        lettersFrom = end
        return parseRun(text, at: i, notBefore: lower, letters: false, builder: builder, into: &run)
    }

    /// One run on its own (tests, tools).
    static func parseRun(_ text: UnsafeBufferPointer<UInt8>, at i: Int, into run: inout NumberRun) -> Int? {
        var lettersFrom = 0
        return parseRun(text, at: i, lettersFrom: &lettersFrom, builder: NumberRunBuilder(), into: &run)
    }

    private static func parseRun(_ text: UnsafeBufferPointer<UInt8>, at i: Int, notBefore lower: Int, letters: Bool,
                                 builder: NumberRunBuilder, into run: inout NumberRun) -> Int? {
        let n = text.count
        guard i >= 0 && i < n else { return nil }
        var j = i
        var openParen = false
        if text[j] == UInt8(ascii: "(") {
            openParen = true
            j += 1
            guard j < n else { return nil }
        }
        var plus = false
        if text[j] == UInt8(ascii: "+") {
            plus = true
            j += 1
            guard j < n else { return nil }
        } else if text[j] == 0xEF && j + 2 < n && text[j + 1] == 0xBC && text[j + 2] == 0x8B {
            plus = true  // full-width ＋
            j += 3
            guard j < n else { return nil }
        }
        guard realDigitLength(text, j) != nil else { return nil }

        var start = i
        // `O905…`: a letter-digit right before the first digit, not itself part of a word.
        var leadingLetter = -1
        if letters && !openParen && !plus && j > lower, let _ = letterDigitValue(text[j - 1]),
           !UTF8Classes.isWordCharacter(endingBefore: j - 1, in: text) {
            leadingLetter = j - 1
            start = j - 1
        }

        // The digit and group arrays are built in `builder` and copied into `run` at the end.
        let b = builder
        b.reset()
        run.resetScalars(at: start)
        run.hasPlus = plus
        if openParen || plus {
            // `(+84)` starts at its `(` only when that parenthesis closes after the code.
            run.leadPosition = plus && !openParen ? i : (plus ? i + 1 : i)
        }
        run.gluedBefore = UTF8Classes.isWordCharacter(endingBefore: start, in: text)
        if leadingLetter >= 0 { j = leadingLetter }
        var sep: UInt8 = 0
        // End of the last real (not letter) digit appended, for the letter-adjacency rule.
        var lastRealEnd = -1
        while true {
            // One group of digits.
            b.appendGroup(separator: sep)
            while true {
                let groupFrom = j
                while j < n && UTF8Classes.isDigit(text[j]) {
                    b.appendDigit(text[j] &- 0x30, from: j, to: j + 1)
                    j += 1
                }
                if j > groupFrom { lastRealEnd = j }
                guard j < n && continuesGroup(text[j]) else { break }
                let c = text[j]
                if c == 0xE2 || c == 0xEF {
                    if lastRealEnd == j, b.digitCount > 0, b.digitEnd[b.digitCount - 1] == j,
                       b.digitStart[b.digitCount - 1] == j - 1, UTF8Classes.isDigit(text[j - 1]),
                       let length = keycapSuffixLength(text, j) {
                        b.digitEnd[b.digitCount - 1] = j + length
                        run.folding.insert(.keycap)
                        j += length
                        lastRealEnd = j
                        continue
                    }
                    if c == 0xEF, let value = fullWidthDigit(text, j) {
                        b.appendDigit(value, from: j, to: j + 3)
                        run.folding.insert(.fullWidth)
                        j += 3
                        lastRealEnd = j
                        continue
                    }
                    break
                }
                // Longer than any phone number: stop reading letters (the caller reads the run
                // again without them).
                guard letters, b.digitCount < maxLetterRunDigits, let value = letterDigitValue(c),
                      lastRealEnd == j || realDigitLength(text, j + 1) != nil else { break }
                run.letterDigits.append(b.digitCount)
                b.appendDigit(value, from: j, to: j + 1)
                run.folding.insert(.letters)
                j += 1
            }
            run.end = j
            // A separator only counts when a digit follows it.
            var k = j
            sep = 0
            if openParen && k < n && text[k] == UInt8(ascii: ")") {
                openParen = false
                sep = UInt8(ascii: ")")
                if b.groupCount == 1 {
                    run.parenthesizedFirstGroup = true
                    run.leadPosition = i
                }
                k += 1
                if k < n && (text[k] == 0x20 || text[k] == UInt8(ascii: "-") || text[k] == UInt8(ascii: ".")) { k += 1 }
            } else if k < n {
                let c = text[k]
                if c == 0x20 || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") {
                    sep = c
                    k += 1
                    // " - " and " . " read as one separator.
                    if c == 0x20 && k + 1 < n && (text[k] == UInt8(ascii: "-") || text[k] == UInt8(ascii: "."))
                        && text[k + 1] == 0x20 {
                        sep = NumberRun.spacedPunctuation
                        k += 2
                    }
                } else if c == 0xC2 && k + 1 < n && text[k + 1] == 0xA0 {
                    sep = 0x20  // no-break space
                    k += 2
                } else if c >= 0xE3, let (folded, length) = fullWidthSeparator(text, k) {
                    sep = folded
                    k += length
                }
            }
            guard sep != 0, k < n, startsDigit(text, k, letters: letters && b.digitCount < maxLetterRunDigits) else { break }
            j = k
        }
        run.gluedAfter = UTF8Classes.isWordCharacter(startingAt: run.end, in: text)
        b.store(into: &run)
        return run.end
    }

    // MARK: folded digits

    /// `O`/`o` read as 0, `l`/`I` as 1.
    @inline(__always) static func letterDigitValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "O"), UInt8(ascii: "o"): return 0
        case UInt8(ascii: "l"), UInt8(ascii: "I"): return 1
        default: return nil
        }
    }

    /// Byte length of a real digit at `j`: an ASCII digit (1; a keycap suffix is read
    /// separately) or a full-width digit (3).
    @inline(__always) static func realDigitLength(_ text: UnsafeBufferPointer<UInt8>, _ j: Int) -> Int? {
        guard j >= 0 && j < text.count else { return nil }
        if UTF8Classes.isDigit(text[j]) { return 1 }
        return fullWidthDigit(text, j) != nil ? 3 : nil
    }

    /// Whether a group can begin at `k`: a real digit, or a letter-digit right before one.
    @inline(__always) static func startsDigit(_ text: UnsafeBufferPointer<UInt8>, _ k: Int, letters: Bool) -> Bool {
        if realDigitLength(text, k) != nil { return true }
        guard letters, k < text.count, letterDigitValue(text[k]) != nil else { return false }
        return realDigitLength(text, k + 1) != nil
    }

    /// U+FF10–FF19 (EF BC 90–99).
    @inline(__always) static func fullWidthDigit(_ text: UnsafeBufferPointer<UInt8>, _ j: Int) -> UInt8? {
        guard j >= 0 && j + 2 < text.count, text[j] == 0xEF, text[j + 1] == 0xBC else { return nil }
        let c = text[j + 2]
        return c >= 0x90 && c <= 0x99 ? c - 0x90 : nil
    }

    /// U+FE0F (EF B8 8F, optional) then U+20E3 (E2 83 A3): the rest of a keycap emoji.
    static func keycapSuffixLength(_ text: UnsafeBufferPointer<UInt8>, _ j: Int) -> Int? {
        let n = text.count
        var k = j
        if k + 2 < n && text[k] == 0xEF && text[k + 1] == 0xB8 && text[k + 2] == 0x8F { k += 3 }
        guard k + 2 < n, text[k] == 0xE2, text[k + 1] == 0x83, text[k + 2] == 0xA3 else { return nil }
        return k + 3 - j
    }

    /// Ideographic space (E3 80 80), full-width `．` (EF BC 8E) and `－` (EF BC 8D), read as
    /// a space, `.` and `-`.
    static func fullWidthSeparator(_ text: UnsafeBufferPointer<UInt8>, _ k: Int) -> (UInt8, Int)? {
        guard k + 2 < text.count else { return nil }
        let b0 = text[k], b1 = text[k + 1], b2 = text[k + 2]
        if b0 == 0xE3 && b1 == 0x80 && b2 == 0x80 { return (0x20, 3) }
        if b0 == 0xEF && b1 == 0xBC && b2 == 0x8E { return (UInt8(ascii: "."), 3) }
        if b0 == 0xEF && b1 == 0xBC && b2 == 0x8D { return (UInt8(ascii: "-"), 3) }
        return nil
    }
}
