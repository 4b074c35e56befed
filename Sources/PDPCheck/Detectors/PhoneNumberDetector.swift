/// Vietnamese phone numbers as posts write them: `0905.123.456`, `0905 123 456`,
/// `+84 905 123 456`, `(+84) 905123456`, `0084…`, `84905123456`, `(028) 3823 4567`.
/// Validated against the VN numbering plan, so hotlines (1800/1900/1228), emergency
/// numbers (113–115), money, dates and order numbers do not match.
public struct PhoneNumberDetector: NumberRunDetector {
    public init() {}

    public var description: DetectorDescription { Self.about }

    static let about = DetectorDescription(
        id: "vn.phone",
        category: .phoneNumber,
        ruleIds: ["vn.phone.mobile", "vn.phone.landline"],
        summary: "Vietnamese mobile and landline numbers, validated against the VN numbering plan.",
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
            "+1 415 555 0100",
            "0551 234 567",
            "STK 0905123456 MB Bank",
        ])

    public func inspect(_ run: NumberRun, in context: TextScanContext, into matches: inout [TextMatch]) {
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

    /// A phone number beginning exactly at group `g` and ending at a group edge.
    func phone(startingAt g: Int, in run: NumberRun, context: TextScanContext) -> (TextMatch, Int)? {
        guard let (match, lastGroup) = candidate(startingAt: g, in: run) else { return nil }
        // A slice of a longer number: `0905.123.456.789`, `1.0905.123.456`, `0905 123 456 789`.
        if g > 0 && !NumberRun.isLoose(run.separator[g]) { return nil }
        if run.continues(after: lastGroup) {
            let next = run.separator[lastGroup + 1]
            let sameInside = lastGroup > g && (g + 1...lastGroup).contains { run.separator[$0] == next }
            if (!NumberRun.isLoose(next) || sameInside) && candidate(startingAt: lastGroup + 1, in: run) == nil {
                return nil
            }
        }
        if LinkContext.isInsideLinkOrEmail(match.start, match.end, in: context.text) { return nil }
        var m = match
        switch context.label(before: m.start) {
        case .phone?: m.confidence = min(0.99, m.confidence + 0.07)
        case nil, .plate?: break
        default: m.confidence -= 0.45  // "STK", "mã đơn", "CCCD" name another kind of number
        }
        return (m, lastGroup)
    }

    /// Prefix and numbering-plan checks only.
    func candidate(startingAt g: Int, in run: NumberRun) -> (TextMatch, Int)? {
        if g == 0 && run.gluedBefore { return nil }
        let d0 = run.groupStart[g]
        var nsnStart: Int
        var confidence: Double
        if g == 0 && run.hasPlus {
            guard run.digits(at: d0, startWith: [8, 4]) else { return nil }  // other countries: later
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
            case nil: continue
            }
            let match = TextMatch(ruleId: ruleId, category: .phoneNumber,
                                  start: run.matchStart(group: g), end: run.matchEnd(group: k), confidence: c)
            return (match, k)
        }
        return nil
    }
}
