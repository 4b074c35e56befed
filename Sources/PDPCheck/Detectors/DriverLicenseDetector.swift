/// Driver's licence numbers (giấy phép lái xe, GPLX): the 12 digits of a PET-card licence,
/// after a word that names a licence ("GPLX", "bằng lái", "hạng B2"). Twelve digits are just
/// as often a personal ID number, so without such a word nothing is reported; with it, this
/// detector outranks the ID detector on the same digits.
public struct DriverLicenseDetector: NumberRunDetector {
    public init() {}

    public var description: DetectorDescription { Self.about }

    static let about = DetectorDescription(
        id: "vn.driver",
        category: .driverLicense,
        ruleIds: ["vn.driver.license"],
        summary: "12-digit driver's licence numbers (GPLX) after a word naming a licence.",
        triggeringExamples: [
            "GPLX ⟦751195002226⟧",
            "Số GPLX: ⟦790123456789⟧",
            "Nhặt được bằng lái xe số ⟦480212345678⟧ tên Phạm Văn Long",
            "giấy phép lái xe ⟦7511 9500 2226⟧",
            "bằng B2 ⟦010198765432⟧",
            "Bằng lái hạng A1, số ⟦790123456789⟧",
            "bang lai ⟦751195002226⟧",
            DetectorExample("GPLX:\n⟦751195002226⟧", note: "the label on the line above"),
            DetectorExample("GPLX ⟦079203004567⟧", note: "ID-shaped, but named as a licence"),
        ],
        nonTriggeringExamples: [
            DetectorExample("751195002226", note: "12 digits without a licence word"),
            DetectorExample("CCCD 079203004567", note: "an ID number"),
            DetectorExample("GPLX 7511950022", note: "10 digits"),
            DetectorExample("GPLX 7511950022267", note: "13 digits"),
            DetectorExample("GPLX 751195002226abc", note: "glued to letters"),
            DetectorExample("Phí đổi GPLX 135.000.000.000", note: "an amount"),
            DetectorExample("Thi bằng lái xong rồi, gọi 0905123456", note: "a phone named as such"),
            DetectorExample("GPLX hết hạn, CCCD 079203004567", note: "the nearest word names an ID"),
            "Gọi 0905123456 nhé",
            "Mã đơn DH2024113012345",
            "STK 0011001234567 Vietcombank",
            "Giá 1.250.000đ",
            "https://csgt.vn/gplx/751195002226",
            DetectorExample("Số GPLX mới có 12 chữ số, ví dụ 751195002226", note: "a format example"),
        ])

    public func inspect(_ run: NumberRun, in context: TextScanContext, into matches: inout [TextMatch]) {
        guard run.digits.count >= 12 else { return }
        var g = 0
        while g < run.groupCount {
            if let (match, last) = license(startingAt: g, in: run, context: context) {
                matches.append(match)
                g = last + 1
            } else {
                g += 1
            }
        }
    }

    func license(startingAt g: Int, in run: NumberRun, context: TextScanContext) -> (TextMatch, Int)? {
        guard NumberShapes.canStart(run, at: g) else { return nil }
        let d0 = run.groupStart[g]
        var last = -1
        for k in g..<run.groupCount {
            let length = run.groupEnd(k) - d0
            if length == 12 { last = k; break }
            if length > 12 { return nil }
        }
        guard last >= 0, !NumberShapes.isCut(run, after: last),
              !NumberShapes.isThousandsGrouped(run, from: g, through: last) else { return nil }
        let start = run.matchStart(group: g)
        let end = run.matchEnd(group: last)
        if NumberShapes.touchesLinkPunctuation(start, end, in: context.text) { return nil }
        guard context.label(before: start) == .driverLicense else { return nil }
        if NumberShapes.isFollowedByCurrency(end, in: context.text)
            || LinkContext.isInsideLinkOrEmail(start, end, in: context.text) { return nil }
        let confidence = NumberShapes.isIllustration(before: start, in: context.text) ? 0.3 : 0.9
        return (TextMatch(ruleId: "vn.driver.license", category: .driverLicense, start: start, end: end,
                          confidence: confidence), last)
    }
}
