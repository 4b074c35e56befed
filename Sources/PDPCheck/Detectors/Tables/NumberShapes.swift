/// Shapes of written numbers that are not identifiers: amounts of money (`1.250.000`,
/// `2.500.000 VNĐ`, `500000 đồng`) and dates (`12.05.2024`, `2024-05-12`), read from the
/// groups of a `NumberRun`. Identifier detectors that accept any grouping after a context
/// word ("STK", "BHXH", "GPLX") use them to let amounts and dates through.
enum NumberShapes {
    /// Digits of groups `g...k` joined by `.` and laid out as thousands: 1–3 digits not
    /// starting with 0, then groups of exactly 3 (`1.250.000`, `15.000.000`).
    static func isThousandsGrouped(_ run: NumberRun, from g: Int, through k: Int) -> Bool {
        guard k > g, g >= 0, k < run.groupCount else { return false }
        let firstLength = run.groupEnd(g) - run.groupStart[g]
        guard (1...3).contains(firstLength), run.digits[run.groupStart[g]] != 0 else { return false }
        for h in (g + 1)...k {
            guard run.separator[h] == UInt8(ascii: "."), run.groupEnd(h) - run.groupStart[h] == 3 else { return false }
        }
        return true
    }

    /// Three groups joined by `.`, `-` or spaces that read as a day, month and year (either order).
    static func isDateShaped(_ run: NumberRun, from g: Int, through k: Int) -> Bool {
        guard k == g + 2, g >= 0, k < run.groupCount else { return false }
        let sep = run.separator[g + 1]
        guard sep == run.separator[k], sep == UInt8(ascii: ".") || sep == UInt8(ascii: "-") || sep == 0x20 else {
            return false
        }
        func length(_ h: Int) -> Int { run.groupEnd(h) - run.groupStart[h] }
        func value(_ h: Int) -> Int { run.value(run.groupStart[h], run.groupEnd(h)) }
        let (l0, l1, l2) = (length(g), length(g + 1), length(k))
        if l0 <= 2 && l1 <= 2 && (l2 == 4 || l2 == 2) {
            return (1...31).contains(value(g)) && (1...12).contains(value(g + 1))
        }
        if l0 == 4 && l1 <= 2 && l2 <= 2 {
            return (1...12).contains(value(g + 1)) && (1...31).contains(value(k))
        }
        return false
    }

    /// Words and symbols that name a currency or an amount right after a number
    /// (`2.500.000 VNĐ`, `500000 đồng`, `15 triệu`, `20 $`). Short chat words that also mean
    /// something else ("k" = không, "tr" = trước) are left out; glued forms (`500k`) never reach here.
    private static let currencyWords = FoldedPhraseTrie([
        "d", "dong", "vnd", "vn dong", "vnd dong", "usd", "dollar", "trieu", "ty", "nghin", "ngan dong",
    ])

    static func isFollowedByCurrency(_ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var p = end
        while p < text.count && p - end < 2 && text[p] == 0x20 { p += 1 }
        guard p < text.count else { return false }
        let b = text[p]
        if b == UInt8(ascii: "$") || b == UInt8(ascii: "%") { return true }
        // ₫ U+20AB, € U+20AC
        if b == 0xE2 && p + 2 < text.count && text[p + 1] == 0x82 && (text[p + 2] == 0xAB || text[p + 2] == 0xAC) {
            return true
        }
        return currencyWords.matchesPhrase(in: text, after: end, gap: .spaces, maxGap: 2)
    }

    /// A round amount written without separators: at most 10 digits, not starting with 0,
    /// ending in `000` (`500000`, `1250000`).
    static func isRoundAmount(_ digits: ArraySlice<UInt8>) -> Bool {
        guard digits.count >= 4, digits.count <= 10, let first = digits.first, first != 0 else { return false }
        let e = digits.endIndex
        return digits[e - 1] == 0 && digits[e - 2] == 0 && digits[e - 3] == 0
    }

    /// A hotline, not a person's number: `1800`/`1900` followed by 4 or 6 digits
    /// (reference/vn-personal-data.md §3.4).
    static func isHotline(_ digits: ArraySlice<UInt8>) -> Bool {
        guard digits.count == 8 || digits.count == 10 else { return false }
        let s = digits.startIndex
        return digits[s] == 1 && (digits[s + 1] == 8 || digits[s + 1] == 9) && digits[s + 2] == 0 && digits[s + 3] == 0
    }

    /// Words that present a number as a made-up example ("ví dụ B1234567", "VD: 0123456789").
    private static let illustrationWords: [[UInt8]] = ["vi du", "vd", "chang han", "vi du nhu", "example", "eg",
                                                        "for example", "so mau"].map { Array($0.utf8) }

    /// Whether the words right before `start` say the number is only an example of a format.
    static func isIllustration(before start: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var folded = ContextWindow.before(start, in: text)
        while folded.last == 0x20 { folded.removeLast() }
        for word in illustrationWords where folded.count >= word.count {
            let from = folded.count - word.count
            guard from == 0 || folded[from - 1] == 0x20 else { continue }
            if folded[from...].elementsEqual(word) { return true }
        }
        return false
    }

    /// Luhn check over digit values (ISO/IEC 7812).
    static func passesLuhn(_ digits: ArraySlice<UInt8>) -> Bool {
        guard digits.count >= 2 else { return false }
        var sum = 0
        var double = false
        var i = digits.endIndex - 1
        while i >= digits.startIndex {
            var d = Int(digits[i])
            if double {
                d *= 2
                if d > 9 { d -= 9 }
            }
            sum += d
            double.toggle()
            i -= 1
        }
        return sum % 10 == 0
    }
}

extension NumberShapes {
    /// Whether a match may begin at group `g`: the run's first group when nothing is glued
    /// before it (no `+`), or a later group set apart by a space or ` - `.
    @inline(__always) static func canStart(_ run: NumberRun, at g: Int) -> Bool {
        if g == 0 { return !run.gluedBefore && !run.hasPlus }
        return g < run.groupCount && NumberRun.isLoose(run.separator[g])
    }

    /// Whether a match ending with group `k` is a slice of something longer: letters glued to
    /// its end, or more digits joined by a bare `.` or `-` (`0100233488.5`).
    @inline(__always) static func isCut(_ run: NumberRun, after k: Int) -> Bool {
        if k == run.groupCount - 1 { return run.gluedAfter }
        return !NumberRun.isLoose(run.separator[k + 1])
    }

    /// A cheap first test for numbers inside links and handles: a `/`, `=`, `@`, `_`, `&` or
    /// `#` touching the number (`…/groups/1234567890/`, `?id=123456789`). Saves the context
    /// lookup for the long digit runs of URLs; `LinkContext` still judges the rest.
    @inline(__always) static func touchesLinkPunctuation(_ start: Int, _ end: Int,
                                                          in text: UnsafeBufferPointer<UInt8>) -> Bool {
        if start > 0 {
            switch text[start - 1] {
            case UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "@"), UInt8(ascii: "_"), UInt8(ascii: "&"),
                 UInt8(ascii: "#"):
                return true
            default: break
            }
        }
        if end < text.count {
            switch text[end] {
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "@"), UInt8(ascii: "_"), UInt8(ascii: "&"),
                 UInt8(ascii: "="):
                return true
            default: break
            }
        }
        return false
    }

    /// Whether any whole word of the folded window (lowercase ASCII, single spaces) is a
    /// phrase of `trie`.
    static func containsWord(of trie: FoldedPhraseTrie, in folded: [UInt8]) -> Bool {
        folded.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                if buffer[i] != 0x20 && (i == 0 || buffer[i - 1] == 0x20)
                    && trie.matchesPhrase(in: buffer, after: i, gap: .spaces, maxGap: 0) {
                    return true
                }
                i += 1
            }
            return false
        }
    }
}
