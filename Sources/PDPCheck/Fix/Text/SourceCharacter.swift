import Foundation

/// One character of a finding together with the source bytes that write it: its own UTF-8
/// bytes, a character reference (`&#48;`, `&amp;`), a `%XX` escape, two UTF-16 bytes. Readers
/// insert characters that no byte writes (a line break between paragraphs): those have no
/// range and are never edited, so markup between the pieces of a value stays as it was.
struct SourceCharacter {
    var scalar: Unicode.Scalar
    /// Which source the range is in (a part of a package; 0 for a single file).
    var unit: Int
    var range: Range<Int>?

    init(_ scalar: Unicode.Scalar, unit: Int = 0, range: Range<Int>?) {
        self.scalar = scalar
        self.unit = unit
        self.range = range
    }
}

/// How replacement text is written where it goes: escaped for the markup around it and
/// encoded the way the source is.
enum ReplacementEncoding: Sendable {
    /// UTF-8 as it is (plain text, Markdown, subtitles).
    case utf8
    case utf16(littleEndian: Bool)
    /// A legacy 8-bit Vietnamese encoding: bullets become `*`, labels lose their accents.
    case legacy8Bit
    /// XML character data or attribute values (UTF-8): `&`, `<`, `>` and quotes escaped.
    case xml
    /// HTML text or attribute values: escaped; characters outside ASCII written as numeric
    /// references when the page is not UTF-8.
    case html(utf8: Bool)

    func encode(_ s: String) -> [UInt8] {
        switch self {
        case .utf8:
            return Array(s.utf8)
        case .utf16(let littleEndian):
            var out: [UInt8] = []
            for unit in s.utf16 {
                if littleEndian { out += [UInt8(unit & 0xFF), UInt8(unit >> 8)] } else { out += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
            }
            return out
        case .legacy8Bit:
            return s.unicodeScalars.flatMap { scalar -> [UInt8] in
                if scalar.value < 0x80 { return [UInt8(scalar.value)] }
                if String(scalar) == FixMask.bullet { return [UInt8(ascii: "*")] }
                return Array(ASCIIFold.fold(scalar).utf8)
            }
        case .xml:
            return Self.escaped(s, ncr: false)
        case .html(let utf8):
            return Self.escaped(s, ncr: !utf8)
        }
    }

    private static func escaped(_ s: String, ncr: Bool) -> [UInt8] {
        var out: [UInt8] = []
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += Array("&amp;".utf8)
            case "<": out += Array("&lt;".utf8)
            case ">": out += Array("&gt;".utf8)
            case "\"": out += Array("&quot;".utf8)
            case "'": out += Array("&#39;".utf8)
            default:
                if ncr && scalar.value >= 0x80 {
                    out += Array("&#\(scalar.value);".utf8)
                } else {
                    UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
        return out
    }
}

/// Vietnamese letters without their accents, for encodings that cannot write the labels.
enum ASCIIFold {
    static func fold(_ scalar: Unicode.Scalar) -> String {
        if scalar == "đ" { return "d" }
        if scalar == "Đ" { return "D" }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping
        let base = decomposed.unicodeScalars.filter { $0.value < 0x80 }
        return base.isEmpty ? "?" : String(String.UnicodeScalarView(base))
    }
}
