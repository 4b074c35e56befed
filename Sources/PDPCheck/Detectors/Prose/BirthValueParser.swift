/// Reads a written date or year at a position: `12/05/1990`, `12-05-1990`, `12.05.1990`,
/// `12/5/90`, `12 tháng 5 năm 1990`, `12 tháng 5, 1990`, `5/1990`, `12/5`, `1990`, `95`.
/// Validates day and month ranges and plausible birth years (1900 to the current year).
struct BirthValueParser {
    enum Kind: Equatable {
        case date, monthYear, dayMonth, year, twoDigitYear
    }

    struct Value: Equatable {
        var range: Range<Int>
        var kind: Kind
        /// The full year, when the value has one.
        var year: Int?
    }

    let currentYear: Int

    func parse(at p: Int, in text: UnsafeBufferPointer<UInt8>, allowTwoDigitYear: Bool) -> Value? {
        guard ProseText.isDigit(at: p, in: text), !ProseText.gluedBefore(p, in: text) else { return nil }
        let aEnd = ProseText.digitsEnd(from: p, in: text)
        let aLength = aEnd - p
        guard aLength <= 4, let a = ProseText.value(text, p..<aEnd) else { return nil }
        var value: Value?
        if aEnd + 1 < text.count, Self.isDateSeparator(text[aEnd]), ProseText.isDigit(at: aEnd + 1, in: text) {
            let sep = text[aEnd]
            let bStart = aEnd + 1
            let bEnd = ProseText.digitsEnd(from: bStart, in: text)
            guard bEnd - bStart <= 4, let b = ProseText.value(text, bStart..<bEnd) else { return nil }
            if bEnd + 1 < text.count && text[bEnd] == sep && ProseText.isDigit(at: bEnd + 1, in: text) {
                let cStart = bEnd + 1
                let cEnd = ProseText.digitsEnd(from: cStart, in: text)
                guard cEnd - cStart == 2 || cEnd - cStart == 4, aLength <= 2, bEnd - bStart <= 2,
                      let c = ProseText.value(text, cStart..<cEnd) else { return nil }
                // A fourth group (`12.05.1990.5`) is some other figure.
                if cEnd + 1 < text.count && text[cEnd] == sep && ProseText.isDigit(at: cEnd + 1, in: text) { return nil }
                guard let year = fullYear(c, digits: cEnd - cStart) else { return nil }
                guard Self.isValidDay(a, month: b, year: year) || Self.isValidDay(b, month: a, year: year) else { return nil }
                value = Value(range: p..<cEnd, kind: .date, year: year)
            } else if bEnd - bStart == 4 {
                guard aLength <= 2, (1...12).contains(a), let year = fullYear(b, digits: 4) else { return nil }
                value = Value(range: p..<bEnd, kind: .monthYear, year: year)
            } else if aLength <= 2 && bEnd - bStart <= 2 {
                // A day and a month only: `12/5`. Not a fraction or a score (`3/4`, `2-1`):
                // the separator must be a slash or a dot.
                guard sep != UInt8(ascii: "-"), Self.isValidDay(a, month: b, year: 2000) else { return nil }
                if bEnd < text.count && (text[bEnd] == sep) { return nil }
                value = Value(range: p..<bEnd, kind: .dayMonth, year: nil)
            } else {
                return nil
            }
        } else if aLength <= 2, let (b, bEnd) = monthWord(after: aEnd, in: text) {
            // `12 tháng 5`, then `năm 1990`, `, 1990` or ` 1990`.
            var end = bEnd
            var year: Int?
            var k = ProseText.skipSpaces(from: bEnd, in: text)
            if k < text.count && text[k] == UInt8(ascii: ",") { k = ProseText.skipSpaces(from: k + 1, in: text) }
            let wordEnd = ProseText.wordEnd(from: k, in: text)
            if wordEnd > k && ProseText.folds(text, k..<wordEnd, to: "nam") {
                k = ProseText.skipSpaces(from: wordEnd, in: text)
            }
            if ProseText.isDigit(at: k, in: text) {
                let cEnd = ProseText.digitsEnd(from: k, in: text)
                if cEnd - k == 4, let c = ProseText.value(text, k..<cEnd), let y = fullYear(c, digits: 4) {
                    year = y
                    end = cEnd
                } else {
                    return nil
                }
            }
            guard Self.isValidDay(a, month: b, year: year ?? 2000) else { return nil }
            value = Value(range: p..<end, kind: year == nil ? .dayMonth : .date, year: year)
        } else if aLength == 4 {
            guard let year = fullYear(a, digits: 4) else { return nil }
            value = Value(range: p..<aEnd, kind: .year, year: year)
        } else if aLength == 2 && allowTwoDigitYear {
            guard let year = fullYear(a, digits: 2) else { return nil }
            value = Value(range: p..<aEnd, kind: .twoDigitYear, year: year)
        }
        guard let v = value, isCleanEnd(v.range.upperBound, kind: v.kind, in: text) else { return nil }
        return v
    }

    /// What follows a value must end it: not a letter or digit glued to it (`1990s`, `350k`),
    /// a percent, a time (`12:30`) or a range (`1990-1995`).
    func isCleanEnd(_ end: Int, kind: Kind, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard end < text.count else { return true }
        if ProseText.isLetter(at: end, in: text) || UTF8Classes.isDigit(text[end]) { return false }
        let b = text[end]
        if b == UInt8(ascii: "%") { return false }
        if (b == UInt8(ascii: ":") || b == UInt8(ascii: "h")) && ProseText.isDigit(at: end + 1, in: text) { return false }
        if (b == UInt8(ascii: "-") || b == UInt8(ascii: "/") || b == UInt8(ascii: ".") || b == UInt8(ascii: ","))
            && ProseText.isDigit(at: end + 1, in: text) { return false }
        // `1990 – 1995`, `1990 - 95`; not `1989 – 37 tuổi`, a birth year and the age it makes.
        let k = ProseText.skipSpaces(from: end, in: text)
        if k + 3 < text.count && text[k] == 0xE2 && text[k + 1] == 0x80 && text[k + 2] == 0x93 {
            let d = ProseText.skipSpaces(from: k + 3, in: text)
            if ProseText.isDigit(at: d, in: text) && !Self.isAge(at: d, in: text) { return false }
        }
        if k < text.count && text[k] == UInt8(ascii: "-") {
            let d = ProseText.skipSpaces(from: k + 1, in: text)
            if ProseText.isDigit(at: d, in: text) && !Self.isAge(at: d, in: text) { return false }
        }
        // `1900 4014`: the first group of a longer number (a hotline, an amount).
        if k > end && ProseText.isDigit(at: k, in: text) && ProseText.digitsEnd(from: k, in: text) - k >= 3 { return false }
        return true
    }

    /// With a dash (or "~", "/") right before offset `k`: whether it makes an age range ("18 – 40
    /// tuổi"). Not after a name ("Khoa – 8 tuổi") or a birth year ("1989 – 37 tuổi", the age it
    /// makes). Nil without a dash.
    static func isAgeRange(dashBefore k: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool? {
        let b = text[k - 1]
        var dash = 0
        if b == UInt8(ascii: "-") || b == UInt8(ascii: "~") || b == UInt8(ascii: "/") { dash = 1 }
        if b == 0x93 && k >= 3 && text[k - 3] == 0xE2 && text[k - 2] == 0x80 { dash = 3 }
        guard dash > 0 else { return nil }
        let d = ProseText.skipSpacesBackward(from: k - dash, in: text)
        var ds = d
        while ds > 0 && UTF8Classes.isDigit(text[ds - 1]) && d - ds < 5 { ds -= 1 }
        return d > ds && d - ds <= 3
    }

    /// "lớn hơn em 2 tuổi", "nội hơn ông 3 tuổi", "kém chồng 5 tuổi": the gap between two people's
    /// ages before the number at `s`, not anyone's age.
    static func isAgeDifference(before s: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let e1 = ProseText.skipSpacesBackward(from: s, in: text)
        let s1 = ProseText.wordStart(endingAt: e1, in: text, limit: 16)
        guard s1 < e1 else { return false }
        let e2 = ProseText.skipSpacesBackward(from: s1, in: text)
        let s2 = ProseText.wordStart(endingAt: e2, in: text, limit: 16)
        guard s2 < e2, e2 < s1 else { return false }
        return ProseText.folds(text, s2..<e2, to: "hon") || ProseText.folds(text, s2..<e2, to: "kem")
    }

    /// `37 tuổi` at `d`: at most three digits, then the word "tuổi".
    static func isAge(at d: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let de = ProseText.digitsEnd(from: d, in: text)
        guard de - d <= 3 else { return false }
        let w = ProseText.skipSpaces(from: de, in: text)
        let we = ProseText.wordEnd(from: w, in: text, limit: 12)
        return w > de && we > w && ProseText.folds(text, w..<we, to: "tuoi")
    }

    /// ` tháng 5` / ` thang 5` / ` thg 5` after a day: the month and the end of its digits.
    func monthWord(after i: Int, in text: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        let k = ProseText.skipSpaces(from: i, in: text)
        guard k > i, k < text.count, ProseText.isLetter(at: k, in: text) else { return nil }
        let wordEnd = ProseText.wordEnd(from: k, in: text, limit: 12)
        guard ProseText.folds(text, k..<wordEnd, to: "thang") || ProseText.folds(text, k..<wordEnd, to: "thg") else { return nil }
        let m = ProseText.skipSpaces(from: wordEnd, in: text)
        guard m > wordEnd, ProseText.isDigit(at: m, in: text) else { return nil }
        let mEnd = ProseText.digitsEnd(from: m, in: text)
        guard mEnd - m <= 2, let month = ProseText.value(text, m..<mEnd), (1...12).contains(month) else { return nil }
        return (month, mEnd)
    }

    /// 4-digit years from 1900 to now; 2-digit years read as the latest past year.
    func fullYear(_ v: Int, digits: Int) -> Int? {
        if digits == 4 { return (1900...currentYear).contains(v) ? v : nil }
        guard digits == 2, (0...99).contains(v) else { return nil }
        let century = currentYear / 100 * 100
        let candidate = century + v
        return candidate <= currentYear ? candidate : candidate - 100
    }

    static func isDateSeparator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "/") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

    static func isValidDay(_ day: Int, month: Int, year: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// The year a value ending at `span` names, for a relational detector reading a
    /// date-of-birth match: the last 4 (or 2) digits of the span.
    func year(of span: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var end = min(span.upperBound, text.count)
        while end > span.lowerBound && !UTF8Classes.isDigit(text[end - 1]) { end -= 1 }
        var start = end
        while start > span.lowerBound && UTF8Classes.isDigit(text[start - 1]) { start -= 1 }
        guard let v = ProseText.value(text, start..<end) else { return nil }
        if end - start == 4 { return fullYear(v, digits: 4) }
        if end - start == 2 {
            // `12/5/15` ends with a 2-digit year; `12/5` has none.
            let hasThreeGroups = span.count > 0 && text[span.lowerBound..<end].filter { Self.isDateSeparator($0) }.count >= 2
            return hasThreeGroups || span.count == 2 ? fullYear(v, digits: 2) : nil
        }
        return nil
    }
}
