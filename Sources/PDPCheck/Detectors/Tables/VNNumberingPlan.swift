/// Vietnam's numbering plan as libphonenumber describes it (PhoneNumberMetadata.xml,
/// territory VN; reference/vn-personal-data.md §3.1). Checks work on national significant
/// numbers (without `0` or `+84`) given as digit values.
enum VNNumberingPlan {
    enum Kind { case mobile, fixedLine }

    /// mobile: `121[0-3]\d{5}|(?:160|(?:3\d|7[06-9])\d|5(?:[1689]\d|2[238]|59)|8(?:[1-8]\d|9[6-9])|9(?:[0-8]\d|9[013-9]))\d{6}`
    static func isMobile(_ d: ArraySlice<UInt8>) -> Bool {
        guard d.count == 9 else { return false }
        let a = d[d.startIndex], b = d[d.startIndex + 1], c = d[d.startIndex + 2]
        switch a {
        case 1: return (b == 2 && c == 1 && d[d.startIndex + 3] <= 3) || (b == 6 && c == 0)
        case 3: return true
        case 7: return b == 0 || (6...9).contains(b)
        case 5: return [1, 6, 8, 9].contains(b) || (b == 2 && [2, 3, 8].contains(c)) || (b == 5 && c == 9)
        case 8: return (1...8).contains(b) || (b == 9 && (6...9).contains(c))
        case 9: return b <= 8 || (b == 9 && c != 2)
        default: return false
        }
    }

    /// fixedLine: `2(?:0[3-9]|1[0-689]|2[0-25-9]|[38][2-9]|4[2-8]|5[124-9]|6[0-39]|7[0-7]|9[0-4679])\d{7}`
    static func isFixedLine(_ d: ArraySlice<UInt8>) -> Bool {
        guard d.count == 10, d[d.startIndex] == 2 else { return false }
        let b = d[d.startIndex + 1], c = d[d.startIndex + 2]
        switch b {
        case 0: return c >= 3
        case 1: return c != 7
        case 2: return c <= 2 || c >= 5
        case 3, 8: return c >= 2
        case 4: return (2...8).contains(c)
        case 5: return [1, 2, 4, 5, 6, 7, 8, 9].contains(c)
        case 6: return c <= 3 || c == 9
        case 7: return c <= 7
        case 9: return [0, 1, 2, 3, 4, 6, 7, 9].contains(c)
        default: return false
        }
    }

    static func kind(_ nsn: ArraySlice<UInt8>) -> Kind? {
        if isMobile(nsn) { return .mobile }
        if isFixedLine(nsn) { return .fixedLine }
        return nil
    }
}
