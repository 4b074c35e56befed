import Foundation

/// The comparable form of a matched value, for allowlists and baseline fingerprints: the same
/// number written `0905.123.456`, `0905 123 456` or `+84 905 123 456` is one value.
enum ValueNormalizer {
    /// Longer values are cut before normalising (NFC on Linux is slow on long strings).
    static let maxScalars = 512

    static func normalize(_ value: String, category: Category?) -> String {
        let cut = value.unicodeScalars.count > maxScalars
            ? String(String.UnicodeScalarView(value.unicodeScalars.prefix(maxScalars))) : value
        let composed = cut.precomposedStringWithCanonicalMapping.lowercased()
        if category == .phoneNumber { return phoneDigits(composed) }
        var out = String.UnicodeScalarView()
        for scalar in composed.unicodeScalars where !isSeparator(scalar) { out.append(scalar) }
        return String(out)
    }

    /// Spaces and the punctuation people put inside numbers and codes.
    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        if s.properties.isWhitespace { return true }
        switch s {
        case ".", "-", "(", ")", "/", ",", "·", "•", "_", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}": return true
        default: return false
        }
    }

    /// Digits only, with the international prefix read as the national 0: +84 905…, 0084 905…
    /// and 84 905… (11 digits) are 0905….
    static func phoneDigits(_ s: String) -> String {
        var digits: [UInt8] = []
        for scalar in s.unicodeScalars {
            if let d = scalar.properties.numericType == .decimal ? scalar.properties.numericValue : nil, d >= 0, d <= 9 {
                digits.append(UInt8(d) + 0x30)
            }
        }
        if digits.starts(with: Array("0084".utf8)) {
            digits = [0x30] + digits.dropFirst(4)
        } else if digits.starts(with: Array("84".utf8)) && (digits.count == 11 || digits.count == 12) {
            digits = [0x30] + digits.dropFirst(2)
        }
        return String(decoding: digits, as: UTF8.self)
    }
}
