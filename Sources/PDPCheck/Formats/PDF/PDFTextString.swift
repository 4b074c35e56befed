/// PDF "text strings" (ISO 32000-1 §7.9.2.2): UTF-16BE with a BOM, UTF-8 with a BOM (PDF 2.0),
/// otherwise PDFDocEncoding. Many writers put bare UTF-8 in Info strings; when the bytes are
/// valid UTF-8 with multi-byte sequences that reading is used, because the PDFDocEncoding
/// reading of such bytes is always mojibake.
enum PDFTextString {
    static func decode(_ bytes: [UInt8]) -> String {
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF { return utf16(bytes[2...], bigEndian: true) }
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE { return utf16(bytes[2...], bigEndian: false) }
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            return String(decoding: bytes[3...], as: UTF8.self)
        }
        if bytes.contains(where: { $0 >= 0x80 }), let utf8 = String(validating: bytes, as: UTF8.self) { return utf8 }
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            if let s = Unicode.Scalar(pdfDoc(b)) { scalars.append(s) }
        }
        return String(scalars)
    }

    /// UTF-16 with the language escapes (U+001B … U+001B) removed; a lone surrogate becomes U+FFFD.
    static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        var filtered: [UInt16] = []
        filtered.reserveCapacity(units.count)
        var inEscape = false
        for u in units {
            if u == 0x1B {
                inEscape.toggle()
                continue
            }
            if !inEscape { filtered.append(u) }
        }
        return String(decoding: filtered, as: UTF16.self)
    }

    /// PDFDocEncoding → Unicode code point (undefined bytes map to U+FFFD).
    static func pdfDoc(_ b: UInt8) -> UInt32 {
        switch b {
        case 0x18...0x1F: return pdfDocLow[Int(b - 0x18)]
        case 0x80...0xA0: return pdfDocHigh[Int(b - 0x80)]
        case 0x7F, 0xAD: return 0xFFFD
        default: return UInt32(b)
        }
    }

    private static let pdfDocLow: [UInt32] = [0x02D8, 0x02C7, 0x02C6, 0x02D9, 0x02DD, 0x02DB, 0x02DA, 0x02DC]
    private static let pdfDocHigh: [UInt32] = [
        0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203A, 0x2212, 0x2030,
        0x201E, 0x201C, 0x201D, 0x2018, 0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141, 0x0152, 0x0160,
        0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, 0xFFFD, 0x20AC,
    ]

    /// A PDF date ("D:20240315083012+07'00'") the way ExifTool prints it
    /// ("2024:03:15 08:30:12+07:00"); anything else is returned as it is.
    static func date(_ text: String) -> String {
        var s = Substring(text)
        if s.hasPrefix("D:") { s = s.dropFirst(2) }
        var chars = Array(s.utf8)
        let defaults = Array("00000101000000".utf8)
        if chars.count < defaults.count { chars += defaults[chars.count...] }
        guard chars.count >= 14, chars[0..<14].allSatisfy(PDFBytes.isDigit) else { return text }
        func part(_ r: Range<Int>) -> String { String(decoding: chars[r], as: UTF8.self) }
        var out = "\(part(0..<4)):\(part(4..<6)):\(part(6..<8)) \(part(8..<10)):\(part(10..<12)):\(part(12..<14))"
        var tz = chars[14...].drop(while: { $0 == 0x20 })
        if let first = tz.first {
            if first == UInt8(ascii: "Z") || first == UInt8(ascii: "z") {
                out += "Z"
            } else if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
                tz = tz.dropFirst().drop(while: { $0 == 0x20 })
                let hours = tz.prefix(while: PDFBytes.isDigit)
                if !hours.isEmpty {
                    let rest = tz.dropFirst(hours.count).drop(while: { $0 == UInt8(ascii: "'") || $0 == 0x20 || $0 == UInt8(ascii: ":") })
                    let minutes = rest.prefix(while: PDFBytes.isDigit)
                    out += String(UnicodeScalar(first)) + String(decoding: hours, as: UTF8.self) + ":"
                        + (minutes.isEmpty ? "00" : String(decoding: minutes, as: UTF8.self))
                }
            }
        }
        return out
    }

    /// ExifTool's tag name for an Info key it does not know (`NewPDFTag`): runs of characters
    /// other than letters, digits, "-" and "_" become "_", and a lower-case letter at the start
    /// or after "_" is upper-cased, eating the "_".
    static func tagName(_ key: String) -> String {
        var replaced: [UInt8] = []
        var inRun = false
        for b in key.utf8 {
            let word = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D
            if word {
                replaced.append(b)
                inRun = false
            } else if !inRun {
                replaced.append(0x5F)
                inRun = true
            }
        }
        var out: [UInt8] = []
        var i = 0
        while i < replaced.count {
            let b = replaced[i]
            let atStart = i == 0
            if (atStart || b == 0x5F), i + (atStart && b != 0x5F ? 0 : 1) < replaced.count {
                let j = atStart && b != 0x5F ? i : i + 1
                let c = replaced[j]
                if c >= 0x61 && c <= 0x7A {
                    out.append(c - 0x20)
                    i = j + 1
                    continue
                }
            }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
