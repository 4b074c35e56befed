/// Personal ID numbers: the 12-digit số định danh cá nhân printed on CCCD and Căn cước cards
/// (`PPP G YY RRRRRR`: birth-registration province, century and sex, birth year, random),
/// and the old 9-digit CMND, which has no structure to check and so is only reported
/// next to a word that names it ("CMND", "chứng minh nhân dân").
public struct NationalIDDetector: NumberRunDetector {
    /// Two-digit years above this, with a 2000s century digit, are births in the future.
    let currentYearInCentury: Int

    public init(currentYear: Int = CalendarYear.current) {
        currentYearInCentury = currentYear % 100
    }

    public var description: DetectorDescription { Self.about }

    static let about = DetectorDescription(
        id: "vn.id",
        category: .nationalID,
        ruleIds: ["vn.id.personal", "vn.id.cmnd"],
        summary: "12-digit personal ID numbers (CCCD / Căn cước) validated by province code, century digit and birth year; 9-digit CMND next to its name.",
        triggeringExamples: [
            "CCCD: ⟦079203004567⟧",
            "Nhặt được thẻ căn cước số ⟦001094012345⟧ của bạn Lan",
            "⟦048185001234⟧",
            "Số định danh ⟦079 203 004 567⟧",
            "căn cước ⟦0792 0300 4567⟧",
            "CMND số ⟦025123456⟧",
            "chứng minh nhân dân: ⟦212345678⟧",
            "CMT\n⟦079123456⟧",
            DetectorExample("Bé sinh 2020, mã định danh ⟦001320012345⟧", note: "a child's ID: century digit 3 = girl born 2000s"),
        ],
        nonTriggeringExamples: [
            "Mã đơn 003203004567",
            "099203004567",
            "079503004567",
            "079299004567",
            "STK 079203004567 Vietcombank",
            "Số 025123456 không rõ là gì",
            "0792030045678",
            "DH079203004567",
            "079203004567abc",
            "https://example.vn/u/079203004567",
            "Hóa đơn số 001203004567",
            "GPLX 751195002226",
            "Giá 1.250.000.000đ",
        ])

    public func inspect(_ run: NumberRun, in context: TextScanContext, into matches: inout [TextMatch]) {
        // Every reading has 9 or 12 digits: most runs (prices, times, years) end here.
        guard run.digits.count >= 9 else { return }
        var g = 0
        while g < run.groupCount {
            if let (match, lastGroup) = identity(startingAt: g, in: run, context: context) {
                matches.append(match)
                g = lastGroup + 1
            } else {
                g += 1
            }
        }
    }

    func identity(startingAt g: Int, in run: NumberRun, context: TextScanContext) -> (TextMatch, Int)? {
        if g == 0 && (run.gluedBefore || run.hasPlus) { return nil }
        if g > 0 && !NumberRun.isLoose(run.separator[g]) { return nil }
        let d0 = run.groupStart[g]
        // Group edges where 12 or 9 digits end; a 12-digit reading wins over its 9-digit prefix.
        var edge12 = -1
        var edge9 = -1
        for k in g..<run.groupCount {
            let length = run.groupEnd(k) - d0
            if length > 12 { break }
            if length == 12 { edge12 = k } else if length == 9 { edge9 = k }
        }
        // The two readings in turn, without building an array of them for every run.
        for reading in 0..<2 {
            let (length, k) = reading == 0 ? (12, edge12) : (9, edge9)
            guard k >= 0 else { continue }
            if k == run.groupCount - 1 && run.gluedAfter { continue }
            // Part of a longer grouped figure (`079.203.004.567.1`).
            if run.continues(after: k) && !NumberRun.isLoose(run.separator[k + 1]) { continue }
            if length == 9 && run.continues(after: k) && run.groupEnd(k + 1) - d0 <= 12 { continue }
            let start = run.matchStart(group: g)
            let end = run.matchEnd(group: k)
            if LinkContext.isInsideLinkOrEmail(start, end, in: context.text) { return nil }
            let label = context.label(before: start)
            guard let (ruleId, confidence) = judge(run, from: d0, length: length, label: label) else { continue }
            return (TextMatch(ruleId: ruleId, category: .nationalID, start: start, end: end,
                              confidence: confidence), k)
        }
        return nil
    }

    func judge(_ run: NumberRun, from d0: Int, length: Int, label: ContextLabel?) -> (String, Double)? {
        let named = label == .identity || label == .oldIdentity
        if length == 9 {
            return named ? ("vn.id.cmnd", label == .oldIdentity ? 0.9 : 0.8) : nil
        }
        let valid = isValidPersonalID(run, from: d0)
        switch (valid, label) {
        case (true, .identity?), (true, .oldIdentity?): return ("vn.id.personal", 0.97)
        case (true, nil), (true, .plate?): return ("vn.id.personal", 0.8)
        case (true, .phone?): return ("vn.id.personal", 0.6)
        case (true, _): return ("vn.id.personal", 0.3)  // "STK", "GPLX", "mã đơn" name something else
        case (false, .oldIdentity?): return ("vn.id.cmnd", 0.8)  // a 12-digit CMND has no known structure
        case (false, _): return nil
        }
    }

    /// Province code from the table, century digit for 1900–2099, no birth year in the future.
    func isValidPersonalID(_ run: NumberRun, from d0: Int) -> Bool {
        guard VNProvinceCodes.personalID.contains(run.value(d0, d0 + 3)) else { return false }
        let century = run.digits[d0 + 3]
        guard century <= 3 else { return false }
        let year = run.value(d0 + 4, d0 + 6)
        return century <= 1 || year <= currentYearInCentury
    }
}
