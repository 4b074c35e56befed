/// Payment card numbers: 13–19 digits, usually in groups of four, in a known issuer range
/// (Visa, Mastercard, JCB, Amex, UnionPay, NAPAS `9704`) and passing Luhn. NAPAS domestic
/// numbers that fail Luhn are kept at lower confidence (whether all of them pass is not
/// known). Card words nearby ("số thẻ", "thẻ ATM", "Visa", "CVV", "hết hạn") raise confidence.
public struct PaymentCardDetector: NumberRunDetector {
    public init() {}

    public var description: DetectorDescription { Self.about }

    static let about = DetectorDescription(
        id: "vn.card",
        category: .paymentCard,
        ruleIds: ["vn.card.luhn", "vn.card.napas"],
        summary: "Payment card numbers in known issuer ranges (Visa, Mastercard, JCB, Amex, UnionPay, NAPAS) that pass Luhn.",
        triggeringExamples: [
            "Số thẻ: ⟦4123 4567 8901 2349⟧",
            "thẻ Visa ⟦4123-4567-8901-2349⟧ hết hạn 12/27",
            "⟦5123456789012346⟧",
            "Mastercard ⟦2222 1234 5678 9013⟧",
            "JCB ⟦3550 1234 5678 9013⟧",
            "Amex ⟦3412 345678 90127⟧",
            "UnionPay ⟦6220 0012 3456 7890 16⟧",
            "thẻ ATM ⟦9704 3612 3456 7895⟧",
            DetectorExample("Thẻ ATM Vietcombank ⟦9704 3612 3456 7890⟧", note: "NAPAS failing Luhn: kept, lower"),
            DetectorExample("⟦9704 3612 3456 7890⟧", note: "NAPAS failing Luhn, grouped in fours"),
            DetectorExample("⟦4123 4567 8901 2349⟧ CVV 123", note: "CVV after the number"),
            DetectorExample("Nhặt được thẻ ⟦9704 1876 5432 1095⟧ tên NGUYEN VAN AN", note: "NAPAS, Luhn-valid"),
            DetectorExample("card ⟦4567123456789012⟧ exp 09/28", note: "contiguous"),
            DetectorExample("Visa ⟦4012 3456 7890 1234 565⟧", note: "19-digit Visa"),
            DetectorExample("STK ⟦4123456789012349⟧", note: "a Luhn-valid card number, whatever the label says"),
        ],
        nonTriggeringExamples: [
            DetectorExample("Số thẻ 4123 4567 8901 2345", note: "a 16-digit number that fails Luhn"),
            DetectorExample("1234 5678 9012 3456", note: "no card range"),
            DetectorExample("Mã đơn 4123456789012349", note: "an order number that happens to pass Luhn"),
            DetectorExample("9704361234567890", note: "NAPAS failing Luhn, one block, no card words"),
            DetectorExample("4123 4567 8901 2349 1234", note: "a slice of a longer grouped number"),
            DetectorExample("4123.4567.8901.2349", note: "dotted: not how cards are written"),
            DetectorExample("DH4123456789012349", note: "glued to letters"),
            DetectorExample("4123456789012349abc", note: "glued to letters"),
            DetectorExample("Amex 3412 345678 90128", note: "Luhn fails"),
            DetectorExample("https://shop.vn/p/4123456789012349", note: "inside a link"),
            "Giá 1.250.000.000.000đ",
            "Gọi 0905123456 nhé",
            "CCCD 079203004567",
            "STK 0011001234567 Vietcombank",
            "ISBN 978-604-1-12345-6",
            "Mã vận đơn 9704361234567895",
            "Ngày 12/05/2024",
            DetectorExample("Số thẻ Visa gồm 16 chữ số, VD: 4123 4567 8901 2349", note: "a format example"),
        ])

    public func inspect(_ run: NumberRun, in context: TextScanContext, into matches: inout [TextMatch]) {
        guard run.digits.count >= 13 else { return }
        var g = 0
        while g < run.groupCount {
            if let (match, last) = card(startingAt: g, in: run, context: context) {
                matches.append(match)
                g = last + 1
            } else {
                g += 1
            }
        }
    }

    func card(startingAt g: Int, in run: NumberRun, context: TextScanContext) -> (TextMatch, Int)? {
        guard NumberShapes.canStart(run, at: g) else { return nil }
        let d0 = run.groupStart[g]
        guard run.groupEnd(g) - d0 >= 4, Self.opensRange[Int(run.digits[d0])] else { return nil }
        var chosen: (last: Int, brand: CardRanges.Brand, luhn: Bool, rank: Int)?
        var k = g
        while k < run.groupCount {
            if k > g {
                let sep = run.separator[k]
                if sep != 0x20 && sep != UInt8(ascii: "-") { break }
            }
            let length = run.groupEnd(k) - d0
            if length > 19 { break }
            if length >= 13 && !NumberShapes.isCut(run, after: k) {
                let digits = run.digits[d0..<(d0 + length)]
                if let brand = CardRanges.brand(of: digits) {
                    let luhn = NumberShapes.passesLuhn(digits)
                    // Luhn-valid 16 digits (the common length) first, then any Luhn-valid
                    // reading, then NAPAS without Luhn; the longer reading within a rank.
                    let rank = (luhn && length == 16 ? 2 : 0) + (luhn ? 1 : 0)
                    if luhn || !brand.luhnRequired, rank >= (chosen?.rank ?? -1) {
                        chosen = (k, brand, luhn, rank)
                    }
                }
            }
            k += 1
        }
        guard let (last, brand, luhn, _) = chosen else { return nil }
        // A short group joined by the same separator: a slice of a longer grouped figure.
        if last > g && last + 1 < run.groupCount && run.separator[last + 1] == run.separator[last]
            && run.groupEnd(last + 1) - run.groupStart[last + 1] <= 4 {
            return nil
        }
        let text = context.text
        let start = run.matchStart(group: g)
        let end = run.matchEnd(group: last)
        if LinkContext.isInsideLinkOrEmail(start, end, in: text) { return nil }
        var confidence: Double
        let shape = Self.shape(run, from: g, through: last)
        switch (luhn, shape) {
        case (true, .grouped): confidence = 0.9
        case (true, .contiguous): confidence = 0.8
        case (true, .irregular): confidence = 0.6
        case (false, .grouped): confidence = 0.6   // a 9704 number in fours is a card all the same
        case (false, .contiguous): confidence = 0.45
        case (false, .irregular): confidence = 0.3
        }
        let label = context.label(before: start)
        switch label {
        case nil, .card?, .bank?, .plate?: break
        case .phone?: confidence -= 0.3
        default: confidence -= 0.5  // "mã đơn", "CCCD", "MST" name another kind of number
        }
        if label == .card || Self.hasCardWords(around: start, end, in: text) {
            confidence += luhn ? 0.08 : 0.25
        }
        confidence = min(0.98, max(0.05, confidence))
        if confidence >= 0.5 && NumberShapes.isIllustration(before: start, in: text) { confidence = 0.3 }
        let ruleId = brand == .napas ? "vn.card.napas" : "vn.card.luhn"
        return (TextMatch(ruleId: ruleId, category: .paymentCard, start: start, end: end, confidence: confidence), last)
    }

    /// First digits that can open a card number: 2, 3, 4, 5, 6, 9.
    static let opensRange: [Bool] = [false, false, true, true, true, true, true, false, false, true]

    enum Shape { case grouped, contiguous, irregular }

    /// `4123 4567 8901 2349` (fours, a shorter last group), Amex `3412 345678 90127`, one block,
    /// or anything else.
    static func shape(_ run: NumberRun, from g: Int, through last: Int) -> Shape {
        if g == last { return .contiguous }
        func length(_ h: Int) -> Int { run.groupEnd(h) - run.groupStart[h] }
        let sep = run.separator[g + 1]
        for h in (g + 1)...last where run.separator[h] != sep { return .irregular }
        if last == g + 2 && length(g) == 4 && length(g + 1) == 6 && length(last) == 5 { return .grouped }
        for h in g..<last where length(h) != 4 { return .irregular }
        return length(last) <= 4 ? .grouped : .irregular
    }

    /// Words around a card number that name a card: before it ("thẻ", "Visa", "Napas") or
    /// after it ("CVV", "exp", "hết hạn").
    static let before = FoldedPhraseTrie([
        "the", "card", "visa", "master", "mastercard", "master card", "jcb", "amex", "american express",
        "unionpay", "union pay", "napas", "credit", "debit",
    ])
    static let after = FoldedPhraseTrie([
        "cvv", "cvc", "cvv2", "exp", "expiry", "het han", "hsd", "han su dung", "valid thru", "ngay het han",
    ])

    static func hasCardWords(around start: Int, _ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        if NumberShapes.containsWord(of: before, in: ContextWindow.before(start, in: text)) { return true }
        let upper = min(text.count, end + 40)
        guard end < upper else { return false }
        return NumberShapes.containsWord(of: after, in: VietnameseFolding.foldedASCII(text, end..<upper))
    }
}
