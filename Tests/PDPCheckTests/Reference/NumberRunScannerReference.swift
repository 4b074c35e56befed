@testable import PDPCheck

// The digit-run scanner as it was before the eight-byte candidate search and the run builder
// (main at dbb00a5), kept verbatim but for its name: the equality tests compare every run the
// new scanner hands over, field by field, with these. Not used by the library.

/// The shared digit-run pass: one walk over the bytes that hands every number-like run to
/// the number detectors. Bytes that cannot start a run are skipped by a table lookup.
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
enum NumberRunScannerReference {
    private static let startsRun: [Bool] = {
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
        let n = text.count
        var i = 0
        var lastEnd = 0
        var lettersFrom = 0
        startsRun.withUnsafeBufferPointer { table in
            while i < n {
                if !table[Int(text[i])] { i += 1; continue }
                if let next = parseRun(text, at: i, notBefore: lastEnd, lettersFrom: &lettersFrom, into: &run) {
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
        }
        while nextSpelled < spelled.count {
            body(spelled[nextSpelled])
            nextSpelled += 1
        }
    }

    /// Parses the run that starts at `i`; returns where scanning resumes, or nil when `i`
    /// does not start a run. A letter-digit right before `i` may join the run, but never one
    /// before `lower` (the end of the previous run). Letters are read only from `lettersFrom`
    /// on: when they do not make a phone number, the stretch they covered is read without
    /// them from then on, so a long `O0O0O0…` costs one pass, not one per start.
    static func parseRun(_ text: UnsafeBufferPointer<UInt8>, at i: Int, notBefore lower: Int = 0,
                         lettersFrom: inout Int, into run: inout NumberRun) -> Int? {
        let letters = i >= lettersFrom
        guard let end = parseRun(text, at: i, notBefore: lower, letters: letters, into: &run) else { return nil }
        guard run.folding.contains(.letters) else { return end }
        if PhoneNumberDetector.hasPhoneReading(run, withLetterDigit: true) { return end }
        // The letters do not make a phone number: read the digits as they are written.
        lettersFrom = end
        return parseRun(text, at: i, notBefore: lower, letters: false, into: &run)
    }

    /// One run on its own (tests, tools).
    static func parseRun(_ text: UnsafeBufferPointer<UInt8>, at i: Int, into run: inout NumberRun) -> Int? {
        var lettersFrom = 0
        return parseRun(text, at: i, lettersFrom: &lettersFrom, into: &run)
    }

    private static func parseRun(_ text: UnsafeBufferPointer<UInt8>, at i: Int, notBefore lower: Int, letters: Bool,
                                 into run: inout NumberRun) -> Int? {
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

        run.reset(at: start)
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
            run.groupStart.append(run.digits.count)
            run.separator.append(sep)
            while true {
                let groupFrom = j
                while j < n && UTF8Classes.isDigit(text[j]) {
                    run.digits.append(text[j] &- 0x30)
                    run.digitStart.append(j)
                    run.digitEnd.append(j + 1)
                    j += 1
                }
                if j > groupFrom { lastRealEnd = j }
                guard j < n && continuesGroup(text[j]) else { break }
                let b = text[j]
                if b == 0xE2 || b == 0xEF {
                    if lastRealEnd == j, let last = run.digitEnd.indices.last, run.digitEnd[last] == j,
                       run.digitStart[last] == j - 1, UTF8Classes.isDigit(text[j - 1]),
                       let length = keycapSuffixLength(text, j) {
                        run.digitEnd[last] = j + length
                        run.folding.insert(.keycap)
                        j += length
                        lastRealEnd = j
                        continue
                    }
                    if b == 0xEF, let value = fullWidthDigit(text, j) {
                        run.digits.append(value)
                        run.digitStart.append(j)
                        run.digitEnd.append(j + 3)
                        run.folding.insert(.fullWidth)
                        j += 3
                        lastRealEnd = j
                        continue
                    }
                    break
                }
                // Longer than any phone number: stop reading letters (the caller reads the run
                // again without them).
                guard letters, run.digits.count < maxLetterRunDigits, let value = letterDigitValue(b),
                      lastRealEnd == j || realDigitLength(text, j + 1) != nil else { break }
                run.letterDigits.append(run.digits.count)
                run.digits.append(value)
                run.digitStart.append(j)
                run.digitEnd.append(j + 1)
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
                if run.groupStart.count == 1 {
                    run.parenthesizedFirstGroup = true
                    run.leadPosition = i
                }
                k += 1
                if k < n && (text[k] == 0x20 || text[k] == UInt8(ascii: "-") || text[k] == UInt8(ascii: ".")) { k += 1 }
            } else if k < n {
                let b = text[k]
                if b == 0x20 || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") {
                    sep = b
                    k += 1
                    // " - " and " . " read as one separator.
                    if b == 0x20 && k + 1 < n && (text[k] == UInt8(ascii: "-") || text[k] == UInt8(ascii: "."))
                        && text[k + 1] == 0x20 {
                        sep = NumberRun.spacedPunctuation
                        k += 2
                    }
                } else if b == 0xC2 && k + 1 < n && text[k + 1] == 0xA0 {
                    sep = 0x20  // no-break space
                    k += 2
                } else if b >= 0xE3, let (folded, length) = fullWidthSeparator(text, k) {
                    sep = folded
                    k += length
                }
            }
            guard sep != 0, k < n, startsDigit(text, k, letters: letters && run.digits.count < maxLetterRunDigits) else { break }
            j = k
        }
        run.gluedAfter = UTF8Classes.isWordCharacter(startingAt: run.end, in: text)
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
