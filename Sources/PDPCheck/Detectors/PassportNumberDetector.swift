/// Vietnamese passport numbers: one uppercase letter and seven digits (`B1234567`,
/// `C7654321`, `N1234567`). The shape is common (product and serial codes have it too), so a
/// number is reported only after a word that names a passport ("hộ chiếu", "passport", "số
/// HC"), or inside a passport's machine-readable zone, where the number is followed by its
/// check digit and the nationality `VNM` (`B1234567<3VNM…`). The digit-run pass finds the
/// digits; the letter is read just before them.
public struct PassportNumberDetector: NumberRunDetector {
    public init() {}

    public var description: DetectorDescription { Self.about }

    static let about = DetectorDescription(
        id: "vn.passport",
        category: .passportNumber,
        ruleIds: ["vn.passport"],
        summary: "Vietnamese passport numbers (a letter and 7 digits) after a word naming a passport, or in a passport MRZ.",
        triggeringExamples: [
            "Hộ chiếu số ⟦B1234567⟧",
            "Passport: ⟦C7654321⟧",
            "số HC ⟦N1234567⟧, cấp ngày 01/07/2023",
            "ho chieu ⟦C2345678⟧",
            "Mất hộ chiếu\n⟦N2345678⟧",
            "PP no. ⟦B7654321⟧",
            DetectorExample("P<VNMNGUYEN<<VAN<AN<<<<<<<<<<<<<<<<<<<<<<<<<\n⟦B1234567⟧<3VNM8001014M3001015<<<<<<<<<<<<<<02",
                            note: "the MRZ: number, check digit, nationality"),
            DetectorExample("Số hộ chiếu (passport no.): ⟦C7654321⟧", note: "a label with a note in brackets"),
            DetectorExample("1. TRẦN VĂN AN | 02/11/1984 | HC ⟦N3934735⟧ | 15/02/2031", note: "a passenger list"),
        ],
        nonTriggeringExamples: [
            DetectorExample("Mã sản phẩm B1234567", note: "the shape without a passport word"),
            DetectorExample("B1234567", note: "alone"),
            DetectorExample("Hộ chiếu số AB1234567", note: "two letters"),
            DetectorExample("Hộ chiếu số B12345678", note: "eight digits"),
            DetectorExample("Hộ chiếu số B123456", note: "six digits"),
            DetectorExample("Hộ chiếu số b1234567", note: "lowercase"),
            DetectorExample("Hộ chiếu số B1234567abc", note: "glued to letters"),
            DetectorExample("Hộ chiếu số B1234567.89", note: "part of a longer figure"),
            DetectorExample("B1234567<9VNM8001014", note: "an MRZ check digit that fails, no passport word"),
            "Gọi 0905123456 nhé",
            "CCCD 079203004567",
            "Mã đơn DH2024113012345",
            "Giá 1.250.000đ",
            "Hộ chiếu số 0905123456",
            DetectorExample("Số hộ chiếu gồm 1 chữ cái in hoa + 7 chữ số, ví dụ B1234567", note: "a format example"),
        ])

    public func inspect(_ run: NumberRun, in context: TextScanContext, into matches: inout [TextMatch]) {
        guard run.gluedBefore, run.leadPosition == nil, run.groupEnd(0) == 7 else { return }
        let text = context.text
        let s = run.start
        guard s >= 1 else { return }
        let letter = s - 1
        guard text[letter] &- UInt8(ascii: "A") < 26,
              !UTF8Classes.isWordCharacter(endingBefore: letter, in: text),
              !NumberShapes.isCut(run, after: 0) else { return }
        let end = run.matchEnd(group: 0)
        var confidence: Double?
        if let check = Self.mrzCheckDigit(after: end, in: text) {
            confidence = check == Self.mrzCheckDigit(of: text[letter], run.digits[0..<7]) ? 0.97 : nil
        }
        if confidence == nil && context.label(before: letter) == .passport { confidence = 0.95 }
        guard var confidence else { return }
        if LinkContext.isInsideLinkOrEmail(letter, end, in: text) { return }
        if NumberShapes.isIllustration(before: letter, in: text) { confidence = 0.3 }
        matches.append(TextMatch(ruleId: "vn.passport", category: .passportNumber, start: letter, end: end,
                                 confidence: confidence))
    }

    /// In an MRZ the 8-character number is padded with `<` to 9, then comes its check digit
    /// and the nationality: `B1234567<3VNM`. Returns the check digit when the shape is there.
    static func mrzCheckDigit(after end: Int, in text: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard end + 5 <= text.count, text[end] == UInt8(ascii: "<"), UTF8Classes.isDigit(text[end + 1]),
              text[end + 2] == UInt8(ascii: "V"), text[end + 3] == UInt8(ascii: "N"), text[end + 4] == UInt8(ascii: "M")
        else { return nil }
        return text[end + 1] &- 0x30
    }

    /// ICAO 9303 check digit (weights 7, 3, 1; letters A=10…Z=35; `<` = 0) of the letter,
    /// the seven digits and one `<`.
    static func mrzCheckDigit(of letter: UInt8, _ digits: ArraySlice<UInt8>) -> UInt8 {
        let weights = [7, 3, 1]
        var sum = (Int(letter) - 55) * weights[0]
        var k = 1
        for d in digits {
            sum += Int(d) * weights[k % 3]
            k += 1
        }
        return UInt8(sum % 10)
    }
}
