/// Issuer identification ranges of payment cards seen in Vietnam, with the lengths each
/// brand issues (reference/vn-personal-data.md §4.2).
enum CardRanges {
    enum Brand: Sendable {
        case visa, mastercard, jcb, amex, unionPay, napas

        /// NAPAS domestic cards (`9704xx` bank BIN) are not known to all pass Luhn.
        var luhnRequired: Bool { self != .napas }
    }

    /// The brand whose range opens `digits` and which issues numbers of that length.
    static func brand(of digits: ArraySlice<UInt8>) -> Brand? {
        let n = digits.count
        guard n >= 13 && n <= 19 else { return nil }
        let s = digits.startIndex
        func prefix(_ k: Int) -> Int {
            var v = 0
            for i in s..<(s + k) { v = v * 10 + Int(digits[i]) }
            return v
        }
        switch digits[s] {
        case 4:
            return n == 13 || n == 16 || n == 19 ? .visa : nil
        case 5:
            return (51...55).contains(prefix(2)) && n == 16 ? .mastercard : nil
        case 2:
            return (2221...2720).contains(prefix(4)) && n == 16 ? .mastercard : nil
        case 3:
            let two = prefix(2)
            if (two == 34 || two == 37) && n == 15 { return .amex }
            if (3528...3589).contains(prefix(4)) && n >= 16 { return .jcb }
            return nil
        case 6:
            return prefix(2) == 62 && n >= 16 ? .unionPay : nil
        case 9:
            return prefix(4) == 9704 && (n == 16 || n == 19) ? .napas : nil
        default:
            return nil
        }
    }

    /// A number a card detector would report: a brand's range and length, and Luhn where the
    /// brand requires it.
    static func isCardNumber(_ digits: ArraySlice<UInt8>) -> Bool {
        guard let brand = brand(of: digits) else { return false }
        return !brand.luhnRequired || NumberShapes.passesLuhn(digits)
    }
}
