/// Country calling codes (ITU-T E.164, as in libphonenumber's country-code map), and the
/// lengths of national numbers for the countries Vietnamese posts mention most. Codes are
/// prefix-free, so the digits after `+` name at most one.
enum CountryCallingCodes {
    /// Geographic codes and the global services people use as personal numbers; not the
    /// international freephone / shared-cost codes (800, 808, 878, 888, 979).
    static let codes: Set<Int> = [
        1, 7,
        20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49,
        51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86,
        90, 91, 92, 93, 94, 95, 98,
        211, 212, 213, 216, 218,
        220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239,
        240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255, 256, 257, 258,
        260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 290, 291, 297, 298, 299,
        350, 351, 352, 353, 354, 355, 356, 357, 358, 359,
        370, 371, 372, 373, 374, 375, 376, 377, 378, 380, 381, 382, 383, 385, 386, 387, 389,
        420, 421, 423,
        500, 501, 502, 503, 504, 505, 506, 507, 508, 509,
        590, 591, 592, 593, 594, 595, 596, 597, 598, 599,
        670, 672, 673, 674, 675, 676, 677, 678, 679, 680, 681, 682, 683, 685, 686, 687, 688, 689, 690, 691, 692,
        850, 852, 853, 855, 856, 870, 880, 881, 882, 883, 886,
        960, 961, 962, 963, 964, 965, 966, 967, 968, 970, 971, 972, 973, 974, 975, 976, 977,
        992, 993, 994, 995, 996, 998,
    ]

    /// The country code that opens `digits` (value and digit count), if any.
    static func code(prefixOf digits: [UInt8]) -> (value: Int, length: Int)? {
        var value = 0
        for length in 1...3 {
            guard length <= digits.count else { return nil }
            value = value * 10 + Int(digits[length - 1])
            if value == 0 { return nil }
            if codes.contains(value) { return (value, length) }
        }
        return nil
    }

    /// Lengths of the national significant number (libphonenumber's possible lengths for
    /// mobiles and fixed lines); 7…12 for countries not listed.
    static func nationalLengths(_ code: Int) -> ClosedRange<Int> {
        switch code {
        case 1, 7, 52, 54, 90, 91, 63, 880: return 10...10
        case 33, 34, 41, 31, 61, 27, 48, 420, 380, 351: return 9...9
        case 65, 852, 853: return 8...8
        case 44: return 9...10
        case 86: return 10...11
        case 81: return 9...10
        case 82: return 8...10
        case 60: return 8...10
        case 66: return 8...9
        case 62: return 8...12
        case 855: return 8...9
        case 856: return 8...10
        case 886: return 8...9
        case 971: return 8...9
        case 64: return 8...10
        case 32: return 8...9
        case 55: return 10...11
        case 92: return 9...10
        case 20: return 9...10
        case 39: return 7...11
        case 95: return 7...10
        default: return 7...12
        }
    }

    /// North American numbers: area code and exchange both start with 2–9.
    static func isPlausibleNANP(_ nsn: ArraySlice<UInt8>) -> Bool {
        guard nsn.count == 10 else { return false }
        return nsn[nsn.startIndex] >= 2 && nsn[nsn.startIndex + 3] >= 2
    }
}
