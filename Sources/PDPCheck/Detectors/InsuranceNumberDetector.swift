/// Social and health insurance numbers: the 10-digit mã số BHXH (also the code on new BHYT
/// cards), which has no structure to check and so is only reported after a word that names
/// it ("BHXH", "thẻ BHYT", "VssID"); and the old 15-character BHYT card code `XX N NN
/// NNNNNNNNNN` (beneficiary group, benefit level 1–5, province 01–99, mã số BHXH), glued
/// (`HS4010120878811`) or spaced (`DN 4 79 7912345678`). The digit-run pass finds the digits;
/// the two letters are read just before them, so the code costs nothing on other runs.
public struct InsuranceNumberDetector: NumberRunDetector {
    public init() {}

    public var description: DetectorDescription { Self.about }

    static let about = DetectorDescription(
        id: "vn.insurance",
        category: .insuranceNumber,
        ruleIds: ["vn.insurance.bhxh", "vn.insurance.bhyt"],
        summary: "Mã số BHXH (10 digits, after a word naming it) and old 15-character BHYT card codes (group letters, benefit level, province, mã số BHXH).",
        triggeringExamples: [
            "Mã số BHXH: ⟦7912345678⟧",
            "số sổ BHXH của chị ⟦0123456789⟧",
            "Thẻ BHYT ⟦7923456781⟧ hết hạn rồi",
            "tra cứu VssID ⟦0120878811⟧",
            DetectorExample("BHXH ⟦0905123456⟧", note: "phone-shaped, but named as an insurance number"),
            DetectorExample("BHXH: ⟦79 1234 5678⟧", note: "grouped"),
            "Mã thẻ BHYT: ⟦HS4010120878811⟧",
            DetectorExample("Nhặt được thẻ ⟦HS4010120878811⟧ của bé", note: "the card code is structured enough alone"),
            DetectorExample("thẻ bảo hiểm y tế ⟦DN 4 79 7912345678⟧", note: "spaced as printed"),
            DetectorExample("(⟦GD4797912345678⟧)", note: "in brackets"),
            "bao hiem y te: ⟦TE1010123456789⟧",
        ],
        nonTriggeringExamples: [
            DetectorExample("Gọi 0905123456 nhé", note: "10 digits without BHXH context"),
            DetectorExample("Số 7912345678", note: "a bare 10-digit number"),
            DetectorExample("Mức đóng BHXH 1.250.000.000đ", note: "an amount"),
            DetectorExample("BHXH 1.250.000.000", note: "an amount without a currency"),
            DetectorExample("Lương đóng BHXH từ 12.05.2024", note: "a date"),
            DetectorExample("HS6010120878811", note: "benefit level 6 does not exist"),
            DetectorExample("ZZ4010120878811", note: "not a beneficiary group"),
            DetectorExample("HS4000120878811", note: "province 00"),
            DetectorExample("hs4010120878811", note: "lowercase letters: not how codes are printed"),
            DetectorExample("ABHS4010120878811", note: "part of a longer token"),
            DetectorExample("HS40101208788112", note: "too many digits"),
            DetectorExample("HS401012087881", note: "too few digits"),
            DetectorExample("HS4010120878811abc", note: "letters glued after"),
            "Mã đơn DH2024113012345",
            "CCCD 079203004567",
            "STK 0011001234567 Vietcombank",
            "ISBN 978-604-1-12345-6",
            "BHXH 2024 tăng 5%",
            DetectorExample("Mã số BHXH gồm 10 chữ số, ví dụ 0123456789", note: "a format example"),
            DetectorExample("Mã thẻ BHYT cũ dạng chẳng hạn HS4010120878811", note: "a format example"),
            DetectorExample("Tổng đài BHXH 1900.9068.68", note: "a hotline"),
        ])

    public func inspect(_ run: NumberRun, in context: TextScanContext, into matches: inout [TextMatch]) {
        guard run.digits.count >= 10 else { return }
        if let match = cardCode(run, in: context) {
            matches.append(match)
            return
        }
        var g = 0
        while g < run.groupCount {
            if let (match, last) = socialInsuranceNumber(startingAt: g, in: run, context: context) {
                matches.append(match)
                g = last + 1
            } else {
                g += 1
            }
        }
    }

    /// The old BHYT card code: two group letters right before the run (glued, or one space
    /// apart), then 13 digits ending on a group edge.
    func cardCode(_ run: NumberRun, in context: TextScanContext) -> TextMatch? {
        let text = context.text
        guard run.leadPosition == nil, !run.hasPlus, run.digits.count >= 13 else { return nil }
        let s = run.start
        let letters: Int
        if run.gluedBefore {
            letters = s - 2
        } else if s >= 1 && text[s - 1] == 0x20 {
            letters = s - 3
        } else {
            return nil
        }
        guard letters >= 0, BHYTGroupCodes.contains(text[letters], text[letters + 1]),
              !UTF8Classes.isWordCharacter(endingBefore: letters, in: text) else { return nil }
        guard (1...5).contains(run.digits[0]) else { return nil }
        let province = run.value(1, 3)
        guard province >= 1 else { return nil }
        var last = -1
        for k in 0..<run.groupCount {
            if k > 0 && run.separator[k] != 0x20 { return nil }
            let end = run.groupEnd(k)
            if end == 13 { last = k; break }
            if end > 13 { return nil }
        }
        guard last >= 0, !NumberShapes.isCut(run, after: last) else { return nil }
        let end = run.matchEnd(group: last)
        if LinkContext.isInsideLinkOrEmail(letters, end, in: text) { return nil }
        var confidence: Double
        switch context.label(before: letters) {
        case .insurance?: confidence = 0.97
        case nil, .card?, .identity?, .plate?: confidence = 0.85
        default: confidence = 0.6
        }
        if NumberShapes.isIllustration(before: letters, in: text) { confidence = 0.3 }
        return TextMatch(ruleId: "vn.insurance.bhyt", category: .insuranceNumber, start: letters, end: end,
                         confidence: confidence)
    }

    /// Ten digits after a word that names a BHXH or BHYT number.
    func socialInsuranceNumber(startingAt g: Int, in run: NumberRun, context: TextScanContext) -> (TextMatch, Int)? {
        guard NumberShapes.canStart(run, at: g) else { return nil }
        let d0 = run.groupStart[g]
        var last = -1
        for k in g..<run.groupCount {
            let length = run.groupEnd(k) - d0
            if length == 10 { last = k; break }
            if length > 10 { return nil }
        }
        guard last >= 0, !NumberShapes.isCut(run, after: last) else { return nil }
        if NumberShapes.isThousandsGrouped(run, from: g, through: last)
            || NumberShapes.isHotline(run.digits[d0..<(d0 + 10)]) { return nil }
        let start = run.matchStart(group: g)
        let end = run.matchEnd(group: last)
        if NumberShapes.touchesLinkPunctuation(start, end, in: context.text) { return nil }
        guard context.label(before: start) == .insurance else { return nil }
        if NumberShapes.isFollowedByCurrency(end, in: context.text) { return nil }
        if LinkContext.isInsideLinkOrEmail(start, end, in: context.text) { return nil }
        let confidence = NumberShapes.isIllustration(before: start, in: context.text) ? 0.3 : 0.9
        return (TextMatch(ruleId: "vn.insurance.bhxh", category: .insuranceNumber, start: start, end: end,
                          confidence: confidence), last)
    }
}
