/// The two-letter beneficiary-group codes that open an old 15-character BHYT card code
/// (`HS4010120878811`: group HS, benefit level 4, province 01, mã số BHXH 0120878811),
/// from Decision 1351/QĐ-BHXH (2015); reference/vn-personal-data.md §2.5.
enum BHYTGroupCodes {
    static let codes: [String] = [
        // Employees and employers pay.
        "DN", "HX", "CH", "NN", "TK", "HC", "XK",
        // The social-insurance fund pays.
        "HT", "TB", "NO", "CT", "XB", "TN", "CS",
        // The state budget pays.
        "QN", "CA", "CY", "XN", "MS", "CC", "CK", "CB", "KC", "HD", "TE", "BT", "HN", "DT", "DK", "XD",
        "TS", "TC", "TQ", "TA", "TY", "HG", "LS", "PV",
        // The state budget helps.
        "CN", "HS", "SV", "GB",
        // Households.
        "GD",
    ]

    /// 26 × 26 flags indexed by the two uppercase letters.
    private static let table: [Bool] = {
        var t = [Bool](repeating: false, count: 26 * 26)
        for code in codes {
            let b = Array(code.utf8)
            guard b.count == 2 else { continue }
            t[Int(b[0] &- 0x41) * 26 + Int(b[1] &- 0x41)] = true
        }
        return t
    }()

    @inline(__always) static func isUppercase(_ b: UInt8) -> Bool { b &- 0x41 < 26 }

    /// Whether the two bytes are an uppercase group code.
    static func contains(_ a: UInt8, _ b: UInt8) -> Bool {
        guard isUppercase(a) && isUppercase(b) else { return false }
        return table[Int(a &- 0x41) * 26 + Int(b &- 0x41)]
    }
}
