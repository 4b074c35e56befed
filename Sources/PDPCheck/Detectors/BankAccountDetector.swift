/// Bank and e-wallet account numbers: 6–19 digits, grouped or not, right after a word that
/// names an account ("STK", "số tài khoản", "chuyển khoản", a bank's name) or followed closely
/// by a bank's name ("0011001234567 Vietcombank", "1903… - Techcombank"). Account numbers
/// have no structure to check, so context decides; a phone-shaped number after "STK" is an
/// account (banks sell "số đẹp" accounts equal to the holder's phone number). Amounts, dates
/// and card numbers after the same words are left alone.
public struct BankAccountDetector: NumberRunDetector {
    public init() {}

    public var description: DetectorDescription { Self.about }

    static let about = DetectorDescription(
        id: "vn.bank",
        category: .bankAccount,
        ruleIds: ["vn.bank.account"],
        summary: "Bank and e-wallet account numbers (6–19 digits) next to an account word or a bank's name.",
        triggeringExamples: [
            "STK: ⟦0011001234567⟧ Vietcombank",
            "Số tài khoản ⟦19031234567890⟧ - Techcombank - chủ TK Nguyễn Văn An",
            "⟦0011001234567⟧ Vietcombank",
            "Ủng hộ qua ⟦1903 6789 1234 56⟧ - Techcombank",
            "⟦0011001234567⟧ (VCB) chủ tài khoản Trần Thị Bình",
            "⟦0011001234567⟧ ngân hàng Á Châu",
            "Chuyển khoản về ⟦123456789⟧ MB Bank",
            "ck vào ⟦8888 8686 68⟧ nhé",
            DetectorExample("STK ⟦0905123456⟧ MB Bank", note: "a phone-shaped account: the holder's phone as số đẹp"),
            DetectorExample("stk ⟦0905.123.456⟧", note: "phone-shaped and grouped like a phone"),
            DetectorExample("MoMo: ⟦0905123456⟧", note: "an e-wallet is keyed by the phone number"),
            DetectorExample("Vietcombank\n⟦0011001234567⟧", note: "the bank's name on the line above"),
            DetectorExample("Số tài khoản:\n⟦0011001234567⟧\nNgân hàng: Vietcombank", note: "a label line"),
            DetectorExample("TK ACB ⟦123456⟧", note: "6-digit ACB accounts"),
            DetectorExample("STK ⟦0011001234567⟧ 0905123456 không rõ", note: "two numbers: only the first is named"),
            DetectorExample("⟦0011001234567⟧ – Vietcombank", note: "en dash"),
            "So tai khoan ⟦102874563921⟧ Vietinbank",
            DetectorExample("STK ⟦079203004567⟧ Vietcombank", note: "ID-shaped, but named as an account"),
            "chu tk Le Van Cuong, stk ⟦0451000123456⟧",
            DetectorExample("Ví MoMo của chị Hạnh (vợ anh Thắng): ⟦0938 214 506⟧", note: "the wallet named far back"),
            DetectorExample("11. ⟦3873398⟧ – ACB – VO CONG TAI", note: "a 7-digit ACB account named after it"),
            DetectorExample("Tên TK | Ngân hàng | STK\nDINH VAN HOAN | Vietinbank | ⟦1088 7621 3340⟧", note: "an STK column"),
            DetectorExample("Tên TK | STK | SĐT\nTRAN THI THU TRANG | ⟦0968 214 730⟧ | 0968 214 731",
                            note: "a phone-shaped account under STK"),
        ],
        nonTriggeringExamples: [
            DetectorExample("Gọi 0905123456 nhé", note: "a phone number without account words"),
            DetectorExample("SĐT 0905123456 - Vietcombank tuyển dụng", note: "named as a phone first"),
            DetectorExample("Chuyển khoản 1.250.000đ cho shop", note: "money"),
            DetectorExample("CK 2.500.000 VNĐ", note: "money with a currency word"),
            DetectorExample("chuyển khoản 500000 nhé", note: "a round amount"),
            DetectorExample("CK 15.000.000", note: "thousands grouping"),
            DetectorExample("CK ngày 12.05.2024", note: "a date"),
            DetectorExample("Hoặc gọi giúp em, ck em là Trần Đức Long 0563.097.435", note: "\"ck em\" is her husband"),
            DetectorExample("Số thẻ 4123 4567 8901 2349", note: "a card number, not an account"),
            DetectorExample("STK 4123456789012349", note: "a Luhn-valid Visa number after STK is left to the card detector"),
            DetectorExample("tài khoản Facebook 100004567891234", note: "an account on a platform, not a bank"),
            DetectorExample("Mã đơn 0011001234567", note: "an order number"),
            DetectorExample("CCCD 079203004567", note: "an ID number"),
            DetectorExample("STK DH0011001234567", note: "glued to letters"),
            DetectorExample("STK 12345", note: "too short"),
            DetectorExample("STK 12345678901234567890", note: "too long"),
            DetectorExample("Số 0011001234567 không rõ là gì", note: "no account words"),
            DetectorExample("ISBN 978-604-1-12345-6", note: "a book number"),
            DetectorExample("MST 0100233488", note: "a tax code"),
            DetectorExample("0011001234567 đồng", note: "an amount named after it"),
            "https://vietcombank.com.vn/tk/0011001234567",
            "Giá 1.250.000đ",
            "Hóa đơn số 1234567890 của Vietcombank",
            DetectorExample("ngân hàng có mã BIN 970436", note: "a bank's BIN"),
            DetectorExample("Số tài khoản gồm 13 chữ số, ví dụ 0011001234567", note: "a format example"),
            DetectorExample("File nặng 1234567 MB", note: "megabytes"),
            DetectorExample("Tổng đài chuyển khoản 1900 5454 13", note: "a hotline"),
        ])

    public func inspect(_ run: NumberRun, in context: TextScanContext, into matches: inout [TextMatch]) {
        guard run.digits.count >= 6 else { return }
        var g = 0
        while g < run.groupCount {
            let last = segmentEnd(from: g, in: run)
            if let match = account(from: g, through: last, in: run, context: context) { matches.append(match) }
            g = last + 1
        }
    }

    static let maxDigits = 19

    /// The last group of the number that begins at group `g`: groups joined by `.`/`-`, or by
    /// single spaces unless two long groups meet (`0011001234567 0905123456` are two numbers).
    func segmentEnd(from g: Int, in run: NumberRun) -> Int {
        var k = g
        while k + 1 < run.groupCount {
            let sep = run.separator[k + 1]
            if sep == NumberRun.spacedPunctuation || sep == UInt8(ascii: ")") { break }
            let sofar = run.groupEnd(k) - run.groupStart[g]
            let next = run.groupEnd(k + 1) - run.groupStart[k + 1]
            if sep == 0x20 && sofar >= 8 && next >= 6 { break }
            k += 1
        }
        return k
    }

    func account(from g: Int, through last: Int, in run: NumberRun, context: TextScanContext) -> TextMatch? {
        guard NumberShapes.canStart(run, at: g), !NumberShapes.isCut(run, after: last) else { return nil }
        let d0 = run.groupStart[g]
        let dEnd = run.groupEnd(last)
        let length = dEnd - d0
        guard length >= 6 && length <= Self.maxDigits else { return nil }
        let digits = run.digits[d0..<dEnd]
        // A NAPAS bank BIN (`970436`) names a bank, not an account.
        if length == 6 && digits.starts(with: [9, 7, 0, 4]) { return nil }
        if NumberShapes.isThousandsGrouped(run, from: g, through: last)
            || NumberShapes.isDateShaped(run, from: g, through: last)
            || NumberShapes.isRoundAmount(digits) || NumberShapes.isHotline(digits) {
            return nil
        }
        let text = context.text
        let start = run.matchStart(group: g)
        let end = run.matchEnd(group: last)
        if NumberShapes.touchesLinkPunctuation(start, end, in: text) { return nil }
        var confidence: Double
        switch context.label(before: start) {
        case .bank?:
            let window = ContextWindow.before(start, in: text)
            if NumberShapes.containsWord(of: Self.platforms, in: window) { return nil }
            confidence = length >= 8 ? 0.9 : 0.75
            // "Chuyển khoản giúp em nhé, cảm ơn 0905…": a word far back may name the act rather
            // than the number. Still reported: the phone detector has stepped back for the label.
            if !Self.hasBankWord(inLast: 8, wordsOf: window) {
                confidence = Self.isPhoneShaped(digits) ? 0.55 : 0.6
            }
            if BankNames.follows(end, in: text) { confidence = max(confidence, 0.9) + 0.05 }
        case nil, .plate?:
            // Only a bank's name after the number says what it is ("3873398 – ACB"); a bare
            // "MB" after a short number is more likely megabytes.
            guard BankNames.follows(end, in: text), length >= 8 || !BankNames.followsBareMB(end, in: text) else {
                return nil
            }
            confidence = 0.92
        default:
            return nil
        }
        if NumberShapes.isFollowedByCurrency(end, in: text) || LinkContext.isInsideLinkOrEmail(start, end, in: text) {
            return nil
        }
        // A card number after "STK" is the card detector's.
        if length >= 13 && CardRanges.isCardNumber(digits) { confidence = min(confidence, 0.45) }
        if confidence >= 0.5 && NumberShapes.isIllustration(before: start, in: text) { confidence = 0.3 }
        return TextMatch(ruleId: "vn.bank.account", category: .bankAccount, start: start, end: end,
                         confidence: confidence)
    }

    /// Accounts that are not at a bank: "tài khoản Facebook 1000…", "TK game …".
    static let platforms = FoldedPhraseTrie([
        "facebook", "fb", "face", "tiktok", "shopee", "lazada", "tiki", "game", "gmail", "email", "mail",
        "instagram", "insta", "ig", "youtube", "twitter", "discord", "steam", "garena", "netflix", "wifi",
        "id", "uid", "user", "username", "nick", "dang nhap", "mat khau", "password", "pass", "riot", "lien quan",
    ])

    /// `0` and a 9-digit mobile or landline number of the VN plan.
    static func isPhoneShaped(_ digits: ArraySlice<UInt8>) -> Bool {
        guard digits.count == 10, digits.first == 0 else { return false }
        return VNNumberingPlan.kind(digits.dropFirst()) != nil
    }

    static let bankWords = FoldedPhraseTrie(ContextLabel.bank.keywords)

    /// Whether a bank keyword begins within the last `count` words of the folded window.
    static func hasBankWord(inLast count: Int, wordsOf folded: [UInt8]) -> Bool {
        folded.withUnsafeBufferPointer { buffer in
            var words = 0
            var i = buffer.count - 1
            while i >= 0 && words < count {
                if buffer[i] != 0x20 && (i == 0 || buffer[i - 1] == 0x20) {
                    words += 1
                    if bankWords.matchesPhrase(in: buffer, after: i, gap: .spaces, maxGap: 0) { return true }
                }
                i -= 1
            }
            return false
        }
    }
}
