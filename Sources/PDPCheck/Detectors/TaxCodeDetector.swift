/// Vietnamese tax codes (mã số thuế, MST): 10 digits whose last is a check digit
/// (weights 31, 29, 23, 19, 17, 13, 7, 5, 3; check = 10 − Σ mod 11, 10 never validates), and
/// 13-digit codes of branches, the parent's 10 digits then 001–999, written `0314409058-002`
/// or run together. One random number in eleven passes the checksum, so a bare 10-digit
/// number stays below the reporting threshold unless a word names it ("MST", "mã số thuế");
/// a number that is also a valid phone number is left to the phone detector.
public struct TaxCodeDetector: NumberRunDetector {
    public init() {}

    public var description: DetectorDescription { Self.about }

    static let about = DetectorDescription(
        id: "vn.tax",
        category: .taxCode,
        ruleIds: ["vn.tax.mst10", "vn.tax.mst13"],
        summary: "Vietnamese tax codes (MST): 10 digits with a valid check digit, or 13-digit branch codes, named by context or written XXXXXXXXXX-YYY.",
        triggeringExamples: [
            "MST: ⟦0100233488⟧",
            "Mã số thuế ⟦0301234562⟧ - Công ty TNHH Hoa Sen Việt",
            "mã số thuế cá nhân của mình là ⟦8012345677⟧",
            "MSDN ⟦0509876544⟧",
            "Chi nhánh Đà Nẵng, mã số thuế ⟦0314409058-002⟧",
            DetectorExample("Chi nhánh ⟦0314409058-002⟧ đã đăng ký", note: "the dashed branch form alone"),
            DetectorExample("MST chi nhánh: ⟦0314409058002⟧", note: "13 digits run together, named"),
            DetectorExample("MST: ⟦0312345673⟧", note: "also a valid mobile number, but named as a tax code"),
            DetectorExample("ma so thue ⟦0600001238⟧", note: "typed without diacritics"),
            DetectorExample("Mã số thuế:\n⟦0801122338⟧", note: "the label on the line above"),
            "MST công ty: ⟦0100233488⟧; MST chi nhánh cũ: ⟦0314409058⟧",
        ],
        nonTriggeringExamples: [
            DetectorExample("Gọi 0905123456 nhé", note: "a valid checksum, but a phone number"),
            DetectorExample("0312345673", note: "bare: a phone number first"),
            DetectorExample("Mã tra cứu 0100233488", note: "an order-like label names something else"),
            DetectorExample("Số 0100233488 không rõ là gì", note: "1 in 11 random numbers pass the checksum"),
            DetectorExample("MST: 0100233480", note: "the check digit is wrong"),
            DetectorExample("MST 0100000003", note: "digits 3–9 all zero"),
            DetectorExample("MST 0314409058-000", note: "branch 000 is invalid"),
            "Giá 1.250.000đ",
            "Ngày 12/05/2024",
            "Mã đơn DH2024113012345",
            "CCCD 079203004567",
            "ISBN 978-604-1-12345-6",
            "Hóa đơn số 0100233488",
            "MST: 01002334881",
            "MST 0100233488.5",
            "MST0100233488abc",
            "STK 0100233488 Vietcombank",
            "https://masothue.com/0100233488-cong-ty",
            "Mã SP 0314409058-002",
            DetectorExample("MST có 10 chữ số, ví dụ 0100233488", note: "a format example"),
        ])

    public func inspect(_ run: NumberRun, in context: TextScanContext, into matches: inout [TextMatch]) {
        guard run.digits.count >= 10 else { return }
        var g = 0
        while g < run.groupCount {
            if let (match, last) = taxCode(startingAt: g, in: run, context: context) {
                matches.append(match)
                g = last + 1
            } else {
                g += 1
            }
        }
    }

    func taxCode(startingAt g: Int, in run: NumberRun, context: TextScanContext) -> (TextMatch, Int)? {
        let d0 = run.groupStart[g]
        let length = run.groupEnd(g) - d0
        guard length == 10 || length == 13, NumberShapes.canStart(run, at: g) else { return nil }
        // `XXXXXXXXXX-YYY`: the branch suffix after a bare dash.
        var last = g
        var branch: Int?
        if length == 13 {
            branch = run.value(d0 + 10, d0 + 13)
        } else if run.continues(after: g) && run.separator[g + 1] == UInt8(ascii: "-")
                    && run.groupEnd(g + 1) - run.groupStart[g + 1] == 3 {
            last = g + 1
            branch = run.value(run.groupStart[g + 1], run.groupEnd(g + 1))
        }
        if NumberShapes.isCut(run, after: last) { return nil }
        if let branch, branch == 0 { return nil }
        guard Self.isValidMST(run.digits[d0..<(d0 + 10)]) else { return nil }
        let start = run.matchStart(group: g)
        let end = run.matchEnd(group: last)
        if LinkContext.isInsideLinkOrEmail(start, end, in: context.text) { return nil }
        let dashed = last > g
        let phoneShaped = branch == nil && run.digits[d0] == 0
            && VNNumberingPlan.kind(run.digits[(d0 + 1)..<(d0 + 10)]) != nil
        var confidence: Double
        switch context.label(before: start) {
        case .tax?:
            confidence = 0.95
        case nil, .plate?:
            // Below the threshold unless dashed: 1 in 11 random numbers pass; a phone stays a phone.
            confidence = dashed ? 0.85 : (phoneShaped ? 0.35 : 0.45)
        case .phone?:
            confidence = dashed ? 0.6 : 0.3
        default:
            confidence = dashed ? 0.4 : 0.2  // "STK", "mã đơn", "CCCD" name another kind of number
        }
        if confidence >= 0.5 && NumberShapes.isIllustration(before: start, in: context.text) { confidence = 0.3 }
        let ruleId = branch == nil ? "vn.tax.mst10" : "vn.tax.mst13"
        return (TextMatch(ruleId: ruleId, category: .taxCode, start: start, end: end, confidence: confidence), last)
    }

    static let weights: [Int] = [31, 29, 23, 19, 17, 13, 7, 5, 3]

    /// The check digit of a 10-digit MST, and a sequence (digits 3–9) that is not all zero.
    static func isValidMST(_ d: ArraySlice<UInt8>) -> Bool {
        guard d.count == 10 else { return false }
        let s = d.startIndex
        @inline(__always) func v(_ k: Int) -> Int { Int(d[s + k]) }
        let sequence = v(2) | v(3) | v(4) | v(5) | v(6) | v(7) | v(8)
        guard sequence != 0 else { return false }
        let sum = 31 * v(0) + 29 * v(1) + 23 * v(2) + 19 * v(3) + 17 * v(4) + 13 * v(5) + 7 * v(6) + 5 * v(7) + 3 * v(8)
        let check = 10 - sum % 11
        return check < 10 && check == v(9)
    }
}
