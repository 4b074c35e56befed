/// Vietnamese vehicle licence plates. Since 2023 a plate is "biển số định danh": it stays
/// with its owner, so a plate in a post identifies a person.
///
/// Shapes (reference/vn-personal-data.md §2.7): car `30A-123.45`, `30A-12345`, old `30A-1234`;
/// motorbike `29-B1 123.45`, `59-X2 123.45`, `29B1-12345`; two-letter series `51LD-123.45`,
/// `29-MĐ1 123.45`, `80NG-123.45`. The province code must be in use (table §2.7), series
/// letters exclude I, J, O, Q, W, and spaces, dots and dashes may vary; lowercase is read too.
///
/// Fed by the shared digit-run pass: a run whose last group is two ASCII digits followed by a
/// series letter (`30A…`) or a separator and one (`29-B…`) is where a plate may begin.
/// Confidence: `NNN.NN` 0.8, five digits 0.7, four digits (old plates) 0.55 for cars written
/// with a dash (`30A-1234`) and 0.45 otherwise (a class "11A1 2024" or an address "12A 1234"
/// looks the same, so these need a plate word); lowercase −0.1; "biển số",
/// "BKS", "xe" before it +0.15; "lớp", "phòng", "mã", "hạng" right before it −0.3.
public struct LicensePlateDetector: NumberRunDetector {
    public init() {}

    public var description: DetectorDescription { Self.about }

    static let about = DetectorDescription(
        id: "vn.plate",
        category: .licensePlate,
        ruleIds: ["vn.plate"],
        summary: "Vietnamese vehicle licence plates (cars and motorbikes) with a valid province code and series.",
        triggeringExamples: [
            "Xe ⟦30A-123.45⟧ đỗ trước cổng",
            "BKS ⟦51G-123.45⟧",
            "biển số ⟦30A-12345⟧",
            "⟦29-B1 123.45⟧ chạy lấn làn",
            "Xe máy ⟦59-X2 123.45⟧ bị mất",
            "⟦29B1-12345⟧",
            "xe biển ⟦30A-1234⟧ (biển cũ)",
            "Biển số xe: ⟦51LD-123.45⟧",
            "⟦29-MĐ1 123.45⟧ xe điện",
            "bks ⟦30a-123.45⟧",
            "⟦43A 123.45⟧",
            "⟦30A - 123.45⟧",
            "ô tô ⟦30A12345⟧",
            "⟦29B112345⟧",
            "⟦92C1-234.56⟧",
            "Hai xe ⟦30A-123.45⟧ và ⟦29-B1 567.89⟧",
            "(⟦79A-678.90⟧)",
        ],
        nonTriggeringExamples: [
            "Phòng 30A tầng 3",
            "bằng lái hạng A1, B2",
            "Ngày 30-12-2023",
            "Mã SP 12A-3456",
            "Lớp 11A1 2024",
            "iPhone 15 Pro Max 256GB",
            "Samsung S23 Ultra",
            "Xe 10A-123.45",
            "Xe 13A-123.45",
            "Xe 30I-123.45",
            "Xe 30O-123.45",
            "Xe 30A-123.456",
            "Xe 30A-123",
            "Xe 30A-1234567",
            "AB30A-123.45",
            "30A-123.45abc",
            "Giá 50k 12.000đ",
            "19h 3000 người",
            "Model 30A-1234",
            "size 39B 1234",
            "Quận 12A 1234 người",
        ])

    public func inspect(_ run: NumberRun, in context: TextScanContext, into matches: inout [TextMatch]) {
        guard run.groupCount > 0 else { return }
        let g = run.groupCount - 1
        let d0 = run.groupStart[g]
        guard run.digits.count - d0 == 2, !run.isFolded(d0), !run.isFolded(d0 + 1) else { return }
        if g == 0 {
            guard !run.gluedBefore, !run.hasPlus else { return }
        } else {
            guard run.separator[g] == 0x20 else { return }
        }
        let text = context.text
        let start = run.digitStart[d0]
        guard start + 1 < text.count, UTF8Classes.isDigit(text[start]), UTF8Classes.isDigit(text[start + 1]) else { return }
        // Cheap gate: a letter, or a separator and a letter, right after the two digits.
        let after = start + 2
        guard after < text.count else { return }
        let b = text[after]
        guard UTF8Classes.isASCIILetter(b) || b == 0xC4 || b == UInt8(ascii: "-") || b == 0x20 || b == UInt8(ascii: ".") else {
            return
        }
        let province = Int(text[start] - 0x30) * 10 + Int(text[start + 1] - 0x30)
        guard VNPlateCodes.isProvince(province) else { return }
        guard let plate = Self.parse(text, from: start) else { return }
        if LinkContext.isInsideLinkOrEmail(start, plate.end, in: text) { return }
        let confidence = judge(plate, start: start, in: context)
        matches.append(TextMatch(ruleId: "vn.plate", category: .licensePlate, start: start, end: plate.end,
                                 confidence: confidence))
    }

    struct Plate {
        var end: Int
        /// Digits in the serial number (4 or 5).
        var serialDigits: Int
        /// `123.45`.
        var dotted: Bool
        /// A digit in the series (`B1`): a motorbike.
        var motorbike: Bool
        var lowercase: Bool
        /// A dash between the series and the serial (`30A-1234`), as plates are written.
        var dashed: Bool
    }

    func judge(_ plate: Plate, start: Int, in context: TextScanContext) -> Double {
        var c: Double
        switch (plate.serialDigits, plate.dotted) {
        case (5, true): c = 0.8
        case (5, false): c = 0.7
        default: c = plate.motorbike || !plate.dashed ? 0.45 : 0.55  // "Quận 12A 1234", "lớp 11A1 2024"
        }
        if plate.lowercase { c -= 0.1 }
        let window = ContextWindow.before(start, in: context.text)
        if ContextWords.contains(window, anyOf: ContextWords.plate) {
            c += 0.15
        } else if ContextWords.endsWith(window, oneOf: ContextWords.notPlate) {
            c -= 0.3
        } else if let label = context.label(before: start), label != .plate, label != .phone {
            c -= 0.3
        }
        return min(0.98, max(0.05, c))
    }

    /// A plate whose two province digits start at `start`.
    static func parse(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Plate? {
        let n = text.count
        var i = start + 2
        i = separator(text, at: i) ?? i
        // Series: one letter, or a two-letter special series.
        guard let (first, firstLength, firstLower) = seriesLetter(text, at: i) else { return nil }
        i += firstLength
        var lowercase = firstLower
        if let (second, secondLength, secondLower) = seriesLetter(text, at: i),
           VNPlateCodes.specialPairs.contains(UInt16(first) << 8 | UInt16(second)) {
            i += secondLength
            lowercase = lowercase || secondLower
        } else {
            // A single series letter: A–Z without I, J, O, Q, W, or Đ.
            guard first == VNPlateCodes.dStroke || VNPlateCodes.isSeriesLetter(first) else { return nil }
        }
        guard i < n else { return nil }
        // Car: no series digit.
        if let (end, digits, dotted) = serial(text, at: separator(text, at: i) ?? i) {
            return Plate(end: end, serialDigits: digits, dotted: dotted, motorbike: false, lowercase: lowercase,
                         dashed: isDash(text, at: i))
        }
        // Motorbike: one series digit.
        guard UTF8Classes.isDigit(text[i]) else { return nil }
        i += 1
        guard let (end, digits, dotted) = serial(text, at: separator(text, at: i) ?? i) else { return nil }
        return Plate(end: end, serialDigits: digits, dotted: dotted, motorbike: true, lowercase: lowercase,
                     dashed: isDash(text, at: i))
    }

    /// `-` or ` - ` at `i`.
    static func isDash(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i < text.count else { return false }
        if text[i] == UInt8(ascii: "-") { return true }
        return text[i] == 0x20 && i + 1 < text.count && text[i + 1] == UInt8(ascii: "-")
    }

    /// `-`, ` `, `.`, ` - `: where the next part begins, or nil when there is no separator.
    static func separator(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let n = text.count
        guard i < n else { return nil }
        let b = text[i]
        if b == 0x20 {
            if i + 2 < n && (text[i + 1] == UInt8(ascii: "-") || text[i + 1] == UInt8(ascii: ".")) && text[i + 2] == 0x20 {
                return i + 3
            }
            return i + 1
        }
        if b == UInt8(ascii: "-") || b == UInt8(ascii: ".") { return i + 1 }
        return nil
    }

    /// A series letter at `i`: its upper-case code (`VNPlateCodes.dStroke` for Đ), its
    /// byte length, and whether it was written lowercase.
    static func seriesLetter(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt8, Int, Bool)? {
        let n = text.count
        guard i < n else { return nil }
        let b = text[i]
        if UTF8Classes.isASCIILetter(b) {
            return (b & ~0x20, 1, b >= UInt8(ascii: "a"))
        }
        if b == 0xC4 && i + 1 < n && (text[i + 1] == 0x90 || text[i + 1] == 0x91) {
            return (VNPlateCodes.dStroke, 2, text[i + 1] == 0x91)
        }
        return nil
    }

    /// The serial number at `i`: `NNN.NN`, `NNN NN`, `NNNNN` or `NNNN`, ending on a boundary.
    static func serial(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> (end: Int, digits: Int, dotted: Bool)? {
        let n = text.count
        var j = i
        while j < n && j - i < 6 && UTF8Classes.isDigit(text[j]) { j += 1 }
        let leading = j - i
        if leading == 3 && j + 2 < n && (text[j] == UInt8(ascii: ".") || text[j] == 0x20)
            && UTF8Classes.isDigit(text[j + 1]) && UTF8Classes.isDigit(text[j + 2]) && isBoundary(text, at: j + 3) {
            return (j + 3, 5, text[j] == UInt8(ascii: "."))
        }
        if (leading == 5 || leading == 4) && isBoundary(text, at: j) {
            return (j, leading, false)
        }
        return nil
    }

    /// Nothing that continues the number or the word: no digit, letter, `_`, and no `.`/`,`/`-`
    /// followed by a digit.
    static func isBoundary(_ text: UnsafeBufferPointer<UInt8>, at j: Int) -> Bool {
        guard j < text.count else { return true }
        if UTF8Classes.isWordCharacter(startingAt: j, in: text) { return false }
        let b = text[j]
        if (b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: "-") || b == UInt8(ascii: "/"))
            && j + 1 < text.count && UTF8Classes.isDigit(text[j + 1]) {
            return false
        }
        return true
    }
}
