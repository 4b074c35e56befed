/// Vietnamese phone numbers as posts write them: `0905.123.456`, `0905 123 456`,
/// `+84 905 123 456`, `(+84) 905123456`, `0084…`, `84905123456`, `(028) 3823 4567`.
/// Validated against the VN numbering plan, so hotlines (1800/1900/1228), emergency
/// numbers (113–115), money, dates and order numbers do not match.
///
/// Also: pre-2018 11-digit mobiles (`0168 912 3456`, `vn.phone.legacy`, lower confidence:
/// they no longer ring but still name a person), numbers with another country code
/// (`+1 415 555 0100`, `intl.phone`: `+`, a country code from the E.164 list, a national
/// number of a plausible length for that country in plausible groups), and the obfuscated
/// forms the digit-run pass folds (full-width, keycap emoji, `O`/`l` for 0/1, spelled
/// Vietnamese digits: `vn.phone.obfuscated`, a little below the plain form unless a phone
/// word comes before it).
public struct PhoneNumberDetector: NumberRunDetector {
    public init() {}

    public var description: DetectorDescription { Self.about }

    static let about = DetectorDescription(
        id: "vn.phone",
        category: .phoneNumber,
        ruleIds: ["vn.phone.mobile", "vn.phone.landline", "vn.phone.legacy", "vn.phone.obfuscated", "intl.phone"],
        summary: "Vietnamese mobile and landline numbers validated against the VN numbering plan, legacy 11-digit mobiles, foreign numbers with a country code, and numbers written to dodge filters (full-width, keycap emoji, O/l for 0/1, spelled digits).",
        triggeringExamples: [
            "Liên hệ anh Tuấn ⟦0905.123.456⟧",
            "SĐT: ⟦0905123456⟧ (Zalo)",
            "gọi ⟦0912 345 678⟧ hoặc ⟦0987-654-321⟧",
            "Hotline cá nhân ⟦+84 905 123 456⟧",
            "⟦(+84) 905123456⟧ là số của mình",
            "đt ⟦0084 912 345 678⟧",
            "Zalo ⟦84905123456⟧",
            "Văn phòng: ⟦(028) 3823 4567⟧",
            "Nhà: ⟦024.3942.1234⟧, di động ⟦0389 123 456⟧",
            "⟦090 512 3456⟧",
            "Năm 2023 ⟦0905123456⟧",
            "nhắn ⟦0905123456⟧.",
            DetectorExample("SĐT ⟦0905 123 456⟧ ⟦0912 345 678⟧", note: "two numbers joined by a space"),
            DetectorExample("LH ⟦0386.936.218⟧ - ⟦0528 433 079⟧", note: "two numbers joined by a spaced dash"),
            DetectorExample("⟦0905 - 123 - 456⟧", note: "spaced dashes inside one number"),
            DetectorExample("zalo.me/⟦0905123456⟧", note: "a chat link that is the number itself"),
            DetectorExample("Gọi ⟦0559 123 456⟧", note: "Reddi: only 0559 of 055x is mobile"),
            DetectorExample("⟦0.9.0.5.1.2.3.4.5.6⟧", note: "one digit per separator"),
            DetectorExample("sdt ⟦09.78.56.34.12⟧", note: "pairs of digits"),
            // Legacy 11-digit mobiles.
            DetectorExample("SĐT cũ ⟦01689 123 456⟧", note: "016x became 03x in 2018"),
            DetectorExample("⟦0168.912.3456⟧"),
            DetectorExample("Liên hệ ⟦01223456789⟧"),
            DetectorExample("⟦0199 123 4567⟧"),
            // Other countries.
            DetectorExample("Gọi chị ở Mỹ ⟦+1 415 555 0100⟧", note: "NANP: 10 digits, area and exchange 2–9"),
            DetectorExample("Singapore: ⟦+65 9123 4567⟧"),
            DetectorExample("WhatsApp ⟦+86 138 0013 8000⟧"),
            DetectorExample("⟦+44 7911 123456⟧ (UK)"),
            DetectorExample("⟦(+65) 9123-4567⟧"),
            DetectorExample("⟦+6591234567⟧", note: "country code glued to the number"),
            DetectorExample("⟦+65 9123 4567⟧ hoặc ⟦0905 123 456⟧"),
            // Obfuscated.
            DetectorExample("Liên hệ ⟦O9O5 123 456⟧", note: "letter O for zero"),
            DetectorExample("zalo ⟦09O5.l23.456⟧", note: "O and l inside the groups"),
            DetectorExample("⟦o912.345.678⟧", note: "phonenumbers misses this one"),
            DetectorExample("sđt ⟦０９０５１２３４５６⟧", note: "full-width digits"),
            DetectorExample("⟦０９０５ １２３ ４５６⟧"),
            DetectorExample("Gọi ⟦0️⃣9️⃣0️⃣5️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣⟧", note: "keycap emoji"),
            DetectorExample("⟦0⃣9⃣1⃣2⃣3⃣4⃣5⃣6⃣7⃣8⃣⟧", note: "keycaps without U+FE0F"),
            DetectorExample("Gọi ⟦không chín không năm một hai ba bốn năm sáu⟧ nha", note: "spelled digits"),
            DetectorExample("sdt ⟦khong chin mot hai, ba bon nam, sau bay tam⟧", note: "no diacritics, commas"),
            DetectorExample("⟦Không Chín Tám Bẩy - Sáu Năm Bốn - Ba Hai Một⟧"),
            DetectorExample("lo ⟦0905 123 456⟧", note: "a word before the number does not change it"),
            DetectorExample("I love ⟦0905123456⟧"),
            DetectorExample("Gọi ⟦0905 l23 456⟧ nha"),
            DetectorExample("Họ tên | SĐT phụ huynh\nLê Minh Anh | ⟦0972 856 722⟧", note: "an SĐT column"),
            DetectorExample("Ví MoMo của chị Hạnh: ⟦0938 214 506⟧", note: "an e-wallet's number is the owner's phone"),
        ],
        nonTriggeringExamples: [
            "Tổng đài 1900 6868 hoặc 1800 1091",
            "Hotline miễn phí 18001234, 1228 5678",
            "Gọi 113, 114, 115 khi khẩn cấp",
            "Giá 1.250.000đ, còn 2.500.000 VNĐ",
            "Mã đơn DH2024113012345",
            "Hóa đơn 1234567890",
            "số 0123456789 không hợp lệ",
            "CCCD 079203004567",
            "Số dài 090512345678901",
            "ma0905123456",
            "0905123456abc",
            "Mail 0905123456@gmail.com",
            "https://shop.vn/sp/0905123456-ao-thun",
            "fb.com/groups/0905123456",
            "Ngày 12/05/2024 lúc 19:30",
            "ISBN 978-604-1-12345-6",
            "1.0905.123.456",
            "0905.123.456.789",
            "0551 234 567",
            "STK 0905123456 MB Bank",
            // Not a country code and number.
            "Tăng +15 điểm, +1.250.000đ",
            "+1 234 567",
            "+44.000.000.000",
            "tăng +12.345.678.901",
            "+1 0123 456 789",
            "+12345678",
            "+800 1234 5678",
            "5+1 415 555 0100",
            DetectorExample("+1 115 555 0100", note: "NANP area codes do not start with 0 or 1"),
            // Not legacy mobiles.
            "01701234567",
            "Mã 012345678901",
            // Letters stay letters outside a phone number.
            "lo 0905",
            "I love 1990s",
            "lo0905123456",
            "Hello0905123456",
            "Model lO2O",
            "CCCD O79203004567",
            "0905123456lo",
            // Spelled digits that are not a number.
            "một hai ba bốn năm sáu bảy",
            "năm nay ba mẹ hai đứa",
            "không chín không năm một hai ba bốn năm sáu bảy tám chín",
            DetectorExample("20. 84310073550 – MB Bank – CAO MY NGA", note: "a bank's name after it: an account"),
            DetectorExample("Tên TK | STK\nTRAN THI THU TRANG | 0968 214 730", note: "an STK column"),
        ])

    public func inspect(_ run: NumberRun, in context: TextScanContext, into matches: inout [TextMatch]) {
        // A Vietnamese reading needs a prefix and 9 or 10 national digits; shorter runs can only
        // be a foreign number written with its `+`.
        guard run.digits.count >= 10 || run.hasPlus else { return }
        var g = 0
        while g < run.groupCount {
            if let (match, lastGroup) = phone(startingAt: g, in: run, context: context) {
                matches.append(match)
                g = lastGroup + 1
            } else {
                g += 1
            }
        }
    }

    /// Whether some phone reading of `run` exists (numbering plan and country codes only, no
    /// context); with `withLetterDigit`, one that contains a letter-digit (`O905…`). The
    /// digit-run pass keeps letter-digits only in runs that pass this.
    static func hasPhoneReading(_ run: NumberRun, withLetterDigit: Bool) -> Bool {
        let detector = PhoneNumberDetector()
        for g in 0..<run.groupCount {
            for (_, lastGroup) in detector.candidates(startingAt: g, in: run) {
                guard withLetterDigit else { return true }
                let from = run.groupStart[g], to = run.groupEnd(lastGroup)
                if run.letterDigits.contains(where: { $0 >= from && $0 < to }) { return true }
            }
        }
        return false
    }

    /// A phone number beginning exactly at group `g` and ending at a group edge.
    func phone(startingAt g: Int, in run: NumberRun, context: TextScanContext) -> (TextMatch, Int)? {
        // A slice of a longer number: `0905.123.456.789`, `1.0905.123.456`, `0905 123 456 789`.
        if g > 0 && !NumberRun.isLoose(run.separator[g]) { return nil }
        if g == 0 && run.hasPlus && !run.digits(at: run.groupStart[0], startWith: [8, 4]) {
            // Another country: the shortest plausible reading that is not a slice.
            for (match, lastGroup) in international(in: run) where !isSlice(g, lastGroup, in: run) {
                return accept(match, g, lastGroup, in: run, context: context)
            }
            return nil
        }
        guard let (match, lastGroup) = candidate(startingAt: g, in: run), !isSlice(g, lastGroup, in: run) else { return nil }
        return accept(match, g, lastGroup, in: run, context: context)
    }

    /// Whether groups `g…lastGroup` are a slice of a longer figure: the run goes on with a
    /// tight separator, or with the separator used inside, and no number starts there.
    func isSlice(_ g: Int, _ lastGroup: Int, in run: NumberRun) -> Bool {
        guard run.continues(after: lastGroup) else { return false }
        let next = run.separator[lastGroup + 1]
        let sameInside = lastGroup > g && (g + 1...lastGroup).contains { run.separator[$0] == next }
        return (!NumberRun.isLoose(next) || sameInside) && candidate(startingAt: lastGroup + 1, in: run) == nil
    }

    func accept(_ match: TextMatch, _ g: Int, _ lastGroup: Int, in run: NumberRun,
                context: TextScanContext) -> (TextMatch, Int)? {
        if LinkContext.isInsideLinkOrEmail(match.start, match.end, in: context.text) { return nil }
        return (judge(match, from: run.groupStart[g], to: run.groupEnd(lastGroup), in: run, context: context), lastGroup)
    }

    /// Context and folding adjust the confidence and, for folded digits, the rule.
    func judge(_ match: TextMatch, from d0: Int, to d1: Int, in run: NumberRun, context: TextScanContext) -> TextMatch {
        var m = match
        let label = context.label(before: m.start)
        let folded = run.hasFoldedDigit(d0, d1)
        if folded && m.ruleId != "intl.phone" && m.ruleId != "vn.phone.legacy" { m.ruleId = "vn.phone.obfuscated" }
        switch label {
        case .phone?: m.confidence = min(0.99, m.confidence + (m.ruleId == "intl.phone" ? 0.1 : 0.07))
        case nil, .plate?:
            if folded { m.confidence -= 0.05 }
            // "84310073550 – MB Bank": a bank's name after the number makes it an account.
            if BankNames.follows(m.end, in: context.text) && !Self.isWalletNumber(m.start, m.end, in: context.text) {
                m.confidence -= 0.45
            }
        case .bank? where Self.isWalletNumber(m.start, m.end, in: context.text):
            break  // "Ví MoMo: 0938…": an e-wallet's number is the owner's phone number
        default: m.confidence -= 0.45  // "STK", "mã đơn", "CCCD" name another kind of number
        }
        return m
    }

    /// E-wallets whose account number is the owner's phone number.
    static let wallets = FoldedPhraseTrie(["momo", "vi momo", "zalopay", "zalo pay", "viettelpay", "viettel pay",
                                           "viettel money", "shopeepay"])
    static let walletWords = ContextWords.words(["momo", "zalopay", "zalo pay", "viettelpay", "viettel pay",
                                                 "viettel money", "shopeepay"])

    /// A wallet's name right after the number, or in the words before it.
    static func isWalletNumber(_ start: Int, _ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        if wallets.matchesPhrase(in: text, after: end, gap: .punctuation, maxGap: 8) { return true }
        return ContextWords.contains(ContextWindow.before(start, in: text), anyOf: walletWords)
    }

    /// Readings that begin at group `g`, most likely first: a VN number (one reading), or a
    /// number with another country code (one reading per plausible length, shortest first).
    func candidates(startingAt g: Int, in run: NumberRun) -> [(TextMatch, Int)] {
        if g == 0 && run.gluedBefore { return [] }
        if g == 0 && run.hasPlus && !run.digits(at: run.groupStart[0], startWith: [8, 4]) {
            return international(in: run)
        }
        if let vn = candidate(startingAt: g, in: run) { return [vn] }
        return []
    }

    /// Prefix and numbering-plan checks only.
    func candidate(startingAt g: Int, in run: NumberRun) -> (TextMatch, Int)? {
        if g == 0 && run.gluedBefore { return nil }
        let d0 = run.groupStart[g]
        var nsnStart: Int
        var confidence: Double
        if g == 0 && run.hasPlus {
            guard run.digits(at: d0, startWith: [8, 4]) else { return nil }  // other countries: international(in:)
            nsnStart = d0 + 2
            confidence = 0.95
        } else if run.digits(at: d0, startWith: [0, 0, 8, 4]) {
            nsnStart = d0 + 4
            confidence = 0.95
        } else if run.digits(at: d0, startWith: [0]) {
            guard !run.digits(at: d0, startWith: [0, 0]) else { return nil }
            nsnStart = d0 + 1
            confidence = 0.9
        } else if run.digits(at: d0, startWith: [8, 4]) {
            nsnStart = d0 + 2
            confidence = 0.8
        } else {
            return nil
        }
        for k in g..<run.groupCount {
            let end = run.groupEnd(k)
            let length = end - nsnStart
            if length > 10 { break }
            guard length == 9 || length == 10 else { continue }
            if k == run.groupCount - 1 && run.gluedAfter { return nil }
            let nsn = run.digits[nsnStart..<end]
            let ruleId: String
            var c = confidence
            switch VNNumberingPlan.kind(nsn) {
            case .mobile?: ruleId = "vn.phone.mobile"
            case .fixedLine?: ruleId = "vn.phone.landline"; c -= 0.05
            case nil:
                guard Self.isLegacyMobile(nsn) else { continue }
                ruleId = "vn.phone.legacy"
                c -= 0.3
            }
            let match = TextMatch(ruleId: ruleId, category: .phoneNumber,
                                  start: run.matchStart(group: g), end: run.matchEnd(group: k), confidence: c)
            return (match, k)
        }
        return nil
    }

    /// Pre-2018 11-digit mobiles (national significant number of 10 digits): 0120–0129,
    /// 0162–0169, 0186, 0188, 0199 (reference/vn-personal-data.md §3.2: the prefixes moved to
    /// 07x/08x/03x/05x in 2018, keeping the last 7 digits).
    static func isLegacyMobile(_ d: ArraySlice<UInt8>) -> Bool {
        guard d.count == 10, d[d.startIndex] == 1 else { return false }
        let b = d[d.startIndex + 1], c = d[d.startIndex + 2]
        switch b {
        case 2: return true
        case 6: return c >= 2
        case 8: return c == 6 || c == 8
        case 9: return c == 9
        default: return false
        }
    }

    /// `+` and a country code other than 84, then a national number of a plausible length,
    /// grouped plausibly: groups after the code of 2+ digits (the first may be 1), at most 6.
    /// One reading per group edge where the length fits, shortest first.
    func international(in run: NumberRun) -> [(TextMatch, Int)] {
        guard run.hasPlus, !run.gluedBefore, run.groupCount > 0 else { return [] }
        guard let code = CountryCallingCodes.code(prefixOf: run.digits) else { return [] }
        // The code sits in the first group, alone or glued to the number.
        guard code.length <= run.groupEnd(0) else { return [] }
        let lengths = CountryCallingCodes.nationalLengths(code.value)
        var found: [(TextMatch, Int)] = []
        for k in 0..<run.groupCount {
            if k >= 1 {
                let size = run.groupEnd(k) - run.groupStart[k]
                let firstAfterCode = k == 1 && run.groupEnd(0) == code.length
                if size < 2 && !firstAfterCode { break }
                if k > 6 { break }
            }
            let length = run.groupEnd(k) - code.length
            if length > lengths.upperBound { break }
            guard lengths.contains(length) else { continue }
            if k == run.groupCount - 1 && run.gluedAfter { break }
            let nsn = run.digits[code.length..<run.groupEnd(k)]
            if code.value == 1 && !CountryCallingCodes.isPlausibleNANP(nsn) { continue }
            // A national number never starts with the trunk 0 after a country code (Italy aside).
            if nsn.first == 0 && code.value != 39 { continue }
            // `+12.345.678.901`: dotted thousands are how money is written.
            let money = k >= 2 && (1...k).allSatisfy {
                run.separator[$0] == UInt8(ascii: ".") && run.groupEnd($0) - run.groupStart[$0] == 3
            }
            let match = TextMatch(ruleId: "intl.phone", category: .phoneNumber,
                                  start: run.matchStart(group: 0), end: run.matchEnd(group: k),
                                  confidence: money ? 0.4 : 0.75)
            found.append((match, k))
        }
        return found
    }
}
