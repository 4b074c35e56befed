/// The character sets e-mail headers, MIME bodies and HTML drafts declare, decoded to UTF-8
/// with a source offset for every output byte. Vietnamese mail and pages come in UTF-8, in
/// Windows-1258 (Outlook Express, old Word "Save as Web Page"), TCVN3, or mislabelled as
/// Latin-1; the two Vietnamese legacy encodings reuse the project's own decoder.
enum MIMECharset: Sendable, Hashable {
    case utf8
    /// ISO-8859-1 and US-ASCII are read as Windows-1252, its superset, as browsers and mail
    /// readers do: a "Latin-1" message with curly quotes is really Windows-1252.
    case windows1252
    case windows1258
    case tcvn3
    case utf16LE, utf16BE
    /// UTF-16 with a byte-order mark deciding the order (big-endian without one, per RFC 2781).
    case utf16

    /// nil for a label this build cannot decode (the caller falls back to UTF-8 and says so).
    init?(label: String) {
        var name = label.lowercased()
        name.removeAll { $0 == " " || $0 == "\"" || $0 == "'" }
        // RFC 2231 language suffix: "utf-8*vi".
        if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": self = .utf8
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso-ir-6", "iso646-us", "us",
             "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819",
             "iso-8859-15", "iso8859-15", "latin9", "windows-1252", "cp1252", "x-cp1252":
            self = .windows1252
        case "windows-1258", "cp1258", "x-cp1258", "win-1258": self = .windows1258
        case "tcvn", "tcvn3", "tcvn-3", "tcvn5712-1", "tcvn-5712", "tcvn5712-1:1993", "x-viet-tcvn5712", "vn3", "abc":
            self = .tcvn3
        case "utf-16le": self = .utf16LE
        case "utf-16be": self = .utf16BE
        case "utf-16", "utf16", "unicode": self = .utf16
        default: return nil
        }
    }

    /// UTF-8 for the bytes; `sourceOffsets` is nil when the output *is* the input (valid UTF-8).
    /// Never fails: bytes that are not valid in the charset read as U+FFFD. UTF-8 that is not
    /// valid is first tried as Windows-1258 or TCVN3 (a mislabelled Vietnamese message).
    func decode(_ bytes: [UInt8]) -> TextPart {
        switch self {
        case .utf8:
            if TextSniffer.isValidUTF8(bytes, allowTruncatedTail: false) { return TextPart(utf8: bytes) }
            if let legacy = LegacyVietnameseText.guessEncoding(Array(bytes.prefix(64 * 1024))) {
                return LegacyVietnameseText.decode(bytes, encoding: legacy)
            }
            return Self.decodeUTF8Lenient(bytes)
        case .windows1252: return Self.decodeWindows1252(bytes)
        case .windows1258: return LegacyVietnameseText.decode(bytes, encoding: .windows1258)
        case .tcvn3: return LegacyVietnameseText.decode(bytes, encoding: .tcvn3)
        case .utf16LE: return PlainTextReader.decodeUTF16(bytes, littleEndian: true)
        case .utf16BE: return PlainTextReader.decodeUTF16(bytes, littleEndian: false)
        case .utf16:
            let little = bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE
            return PlainTextReader.decodeUTF16(bytes, littleEndian: little)
        }
    }

    /// Decodes `bytes` and returns only the text (headers, display names, attribute values).
    func string(_ bytes: [UInt8]) -> String {
        String(decoding: decode(bytes).utf8, as: UTF8.self)
    }

    /// UTF-8 with every invalid sequence replaced by U+FFFD (one per bad byte), mapped.
    static func decodeUTF8Lenient(_ bytes: [UInt8]) -> TextPart {
        var out: [UInt8] = []
        var map: [Int] = []
        out.reserveCapacity(bytes.count)
        map.reserveCapacity(bytes.count + 1)
        bytes.withUnsafeBufferPointer { s in
            var i = 0
            while i < s.count {
                if let length = UTF8Sequence.length(s, at: i, end: s.count) {
                    for k in 0..<length { out.append(s[i + k]); map.append(i) }
                    i += length
                } else {
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    map.append(contentsOf: [i, i, i])
                    i += 1
                }
            }
        }
        map.append(bytes.count)
        return TextPart(utf8: out, sourceOffsets: map)
    }

    static func decodeWindows1252(_ bytes: [UInt8]) -> TextPart {
        var out: [UInt8] = []
        var map: [Int] = []
        out.reserveCapacity(bytes.count + bytes.count / 4)
        map.reserveCapacity(bytes.count + bytes.count / 4 + 1)
        for (i, b) in bytes.enumerated() {
            if b < 0x80 {
                out.append(b)
                map.append(i)
                continue
            }
            let code = b < 0xA0 ? windows1252C1[Int(b - 0x80)] : UInt32(b)
            let before = out.count
            PlainTextReader.appendUTF8(Unicode.Scalar(code) ?? "\u{FFFD}", to: &out)
            for _ in before..<out.count { map.append(i) }
        }
        map.append(bytes.count)
        return TextPart(utf8: out, sourceOffsets: map)
    }

    /// Windows-1252 0x80–0x9F (WHATWG index; its five unassigned bytes map to the C1 control
    /// of the same value). HTML numeric references in this range use it too.
    static let windows1252C1: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D, 0x17D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
    ]
}

/// Validation of one UTF-8 sequence, shared by the HTML and MIME decoders.
enum UTF8Sequence {
    /// The length of the valid UTF-8 sequence at `i` (1–4), or nil for an invalid or
    /// truncated one (overlong forms, surrogates and values past U+10FFFF are invalid).
    @inline(__always)
    static func length(_ s: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int? {
        let b0 = s[i]
        if b0 < 0x80 { return 1 }
        func cont(_ k: Int) -> Bool { k < end && s[k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            return cont(i + 1) ? 2 : nil
        case 0xE0...0xEF:
            guard i + 2 < end, cont(i + 1), cont(i + 2) else { return nil }
            let b1 = s[i + 1]
            if b0 == 0xE0 && b1 < 0xA0 { return nil }
            if b0 == 0xED && b1 >= 0xA0 { return nil }
            return 3
        case 0xF0...0xF4:
            guard i + 3 < end, cont(i + 1), cont(i + 2), cont(i + 3) else { return nil }
            let b1 = s[i + 1]
            if b0 == 0xF0 && b1 < 0x90 { return nil }
            if b0 == 0xF4 && b1 >= 0x90 { return nil }
            return 4
        default:
            return nil
        }
    }
}
