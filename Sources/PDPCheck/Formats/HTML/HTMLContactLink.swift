/// The phone number or addresses a `tel:`, `sms:`, `callto:` or `mailto:` link points to, to
/// tell whether the link's own text already shows them: then the target is not a second copy
/// of the same personal data for the detectors, only markup around the text a reader sees.
struct HTMLContactLink {
    /// How much of a link's text is compared (a link's text is short; a missing `</a>` is not).
    static let maxTextBytes = 4096

    enum Target: Equatable {
        /// National significant digits with a leading 0 ("+84 912…" → "0912…").
        case phone([UInt8])
        /// Lower-cased addresses.
        case mail([[UInt8]])
        case other
    }

    let target: Target

    /// `href` is the attribute value with character references decoded.
    static func decode(_ href: String) -> HTMLContactLink {
        let bytes = percentDecoded(Array(href.utf8.prefix(2048)))
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return HTMLContactLink(target: .other) }
        let scheme = String(decoding: bytes[..<colon].map(lower), as: UTF8.self)
        let rest = bytes[(colon + 1)...]
        switch scheme {
        case "tel", "sms", "callto":
            var digits = rest.prefix { $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: ";") }
                .filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            digits = national(digits)
            return HTMLContactLink(target: digits.count >= 6 ? .phone(digits) : .other)
        case "mailto":
            let list = rest.prefix { $0 != UInt8(ascii: "?") }
            let addresses = list.split(separator: UInt8(ascii: ",")).map { part in
                part.filter { $0 != 0x20 && $0 != 0x09 }.map(lower)
            }.filter { $0.contains(UInt8(ascii: "@")) }
            return HTMLContactLink(target: addresses.isEmpty ? .other : .mail(addresses))
        default:
            return HTMLContactLink(target: .other)
        }
    }

    /// Whether `text` (the link's visible UTF-8 text) shows the whole target.
    func isShown(in text: ArraySlice<UInt8>) -> Bool {
        switch target {
        case .phone(let number):
            let digits = text.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            let international = [UInt8(ascii: "8"), UInt8(ascii: "4")] + number.dropFirst()
            return Self.contains(digits, number) || Self.contains(digits, international)
        case .mail(let addresses):
            let lowered = text.map(Self.lower)
            return addresses.allSatisfy { Self.contains(lowered, $0) }
        case .other:
            return false
        }
    }

    /// "84912345678" / "0084912345678" → "0912345678"; other numbers as they are.
    static func national(_ digits: [UInt8]) -> [UInt8] {
        var d = ArraySlice(digits)
        if d.starts(with: [0x30, 0x30]) { d = d.dropFirst(2) }
        if d.starts(with: [0x38, 0x34]), d.count >= 10 { return [0x30] + d.dropFirst(2) }
        return Array(d)
    }

    /// `%XX` escapes of ASCII decoded (`tel:%2B84…`); anything else kept as written.
    static func percentDecoded(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var k = 0
        while k < bytes.count {
            if bytes[k] == UInt8(ascii: "%"), k + 2 < bytes.count, let hi = hex(bytes[k + 1]), let lo = hex(bytes[k + 2]), hi < 8 {
                out.append(hi << 4 | lo)
                k += 3
            } else {
                out.append(bytes[k])
                k += 1
            }
        }
        return out
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    @inline(__always) static func lower(_ c: UInt8) -> UInt8 {
        c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c | 0x20 : c
    }

    /// Naive search: both sides are short (a link's text, one number or address).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
