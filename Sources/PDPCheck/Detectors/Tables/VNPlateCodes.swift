/// Vehicle licence-plate province codes and series letters (reference/vn-personal-data.md §2.7).
/// The 2025 province merger regrouped the codes but kept existing plates, so every code in
/// use before 1 Jul 2025 stays valid.
enum VNPlateCodes {
    /// Codes in use (before and after the merger). Unused: 10, 13, 44, 45, 46, 87, 91, 96;
    /// 42 is treated as unassigned (the sources disagree and the merger table omits it).
    static let unused: Set<Int> = [13, 42, 44, 45, 46, 87, 91, 96]

    /// Bit `code` of the two words is set for codes in use (11…99): a check without hashing.
    private static let provinceBits: (UInt64, UInt64) = {
        var low: UInt64 = 0, high: UInt64 = 0
        for code in 11...99 where !unused.contains(code) {
            if code < 64 { low |= 1 << UInt64(code) } else { high |= 1 << UInt64(code - 64) }
        }
        return (low, high)
    }()

    static func isProvince(_ code: Int) -> Bool {
        guard code >= 0 && code < 128 else { return false }
        let bits = code < 64 ? provinceBits.0 : provinceBits.1
        return bits >> UInt64(code & 63) & 1 == 1
    }

    /// Civilian series letters: A–Z without I, J, O, Q, W (R is for trailers, still a plate).
    static func isSeriesLetter(_ upper: UInt8) -> Bool {
        guard upper >= UInt8(ascii: "A") && upper <= UInt8(ascii: "Z") else { return false }
        switch upper {
        case UInt8(ascii: "I"), UInt8(ascii: "J"), UInt8(ascii: "O"), UInt8(ascii: "Q"), UInt8(ascii: "W"): return false
        default: return true
        }
    }

    /// Letter code for Đ in the pairs below.
    static let dStroke = UInt8(ascii: "@")

    /// Two-letter series: LD (foreign-invested), KT, DA, MĐ (electric motorbikes), MK, TĐ,
    /// HC, NG (diplomatic), NN (foreigners), QT (international organisations).
    static let specialPairs: Set<UInt16> = {
        let pairs: [(UInt8, UInt8)] = [
            (UInt8(ascii: "L"), UInt8(ascii: "D")), (UInt8(ascii: "K"), UInt8(ascii: "T")),
            (UInt8(ascii: "D"), UInt8(ascii: "A")), (UInt8(ascii: "M"), dStroke), (UInt8(ascii: "M"), UInt8(ascii: "K")),
            (UInt8(ascii: "T"), dStroke), (UInt8(ascii: "H"), UInt8(ascii: "C")), (UInt8(ascii: "N"), UInt8(ascii: "G")),
            (UInt8(ascii: "N"), UInt8(ascii: "N")), (UInt8(ascii: "Q"), UInt8(ascii: "T")),
        ]
        return Set(pairs.map { UInt16($0.0) << 8 | UInt16($0.1) })
    }()
}
