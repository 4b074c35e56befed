/// Finds the character set an HTML page declares, the way a browser's prescan does: a byte
/// order mark, then `<meta charset>` or `<meta http-equiv="Content-Type" content="…;
/// charset=…">` or an XML declaration's `encoding` near the top. Word's "Save as Web Page" on
/// a Vietnamese Windows writes `charset=windows-1258`.
enum HTMLCharsetSniffer {
    /// How far into the file a declaration counts (browsers use 1024 bytes; Word's long
    /// `<html xmlns:…>` start tag can push its `<meta>` further).
    static let prescanBytes = 4096

    /// The declared label ("utf-8", "windows-1258"), or nil.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        if let bom = byteOrderMark(bytes) { return bom }
        let head = Array(bytes.prefix(prescanBytes))
        return head.withUnsafeBufferPointer { s -> String? in
            var i = 0
            while let lt = HTMLTagParser.indexOf(UInt8(ascii: "<"), in: s, from: i) {
                i = lt + 1
                if hasPrefix(s, at: lt, "<!--") {
                    guard let close = find(s, "-->", from: lt + 4) else { return nil }
                    i = close + 3
                } else if hasPrefix(s, at: lt, "<?xml") {
                    guard let close = HTMLTagParser.indexOf(UInt8(ascii: ">"), in: s, from: lt) else { return nil }
                    if let label = value(after: "encoding", in: s, lt..<close) { return label }
                    i = close + 1
                } else if hasPrefix(s, at: lt, "<meta"), lt + 5 < s.count, HTMLTagParser.isSpace(s[lt + 5]) || s[lt + 5] == UInt8(ascii: "/") {
                    guard let tag = HTMLTagParser.parse(s, at: lt) else { return nil }
                    i = tag.end
                    if let charset = tag.attribute("charset") {
                        let label = text(s, charset.value)
                        if !label.isEmpty { return label }
                    }
                    if let equiv = tag.attribute("http-equiv"), text(s, equiv.value).lowercased() == "content-type",
                       let content = tag.attribute("content"), let label = value(after: "charset", in: s, content.value) {
                        return label
                    }
                }
            }
            return nil
        }
    }

    static func byteOrderMark(_ bytes: [UInt8]) -> String? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return "utf-8" }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return "utf-16le" }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return "utf-16be" }
        return nil
    }

    /// The value after `key` `=` (optionally quoted) inside `range`: `charset=windows-1258`.
    private static func value(after key: String, in s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        guard let at = find(s, key, from: range.lowerBound, caseInsensitive: true), at < range.upperBound else { return nil }
        var k = at + key.utf8.count
        while k < range.upperBound, HTMLTagParser.isSpace(s[k]) { k += 1 }
        guard k < range.upperBound, s[k] == UInt8(ascii: "=") else { return nil }
        k += 1
        while k < range.upperBound, HTMLTagParser.isSpace(s[k]) { k += 1 }
        if k < range.upperBound, s[k] == UInt8(ascii: "\"") || s[k] == UInt8(ascii: "'") { k += 1 }
        let start = k
        while k < range.upperBound, !HTMLTagParser.isSpace(s[k]),
              ![UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ";"), UInt8(ascii: ">"), UInt8(ascii: "?")].contains(s[k]) {
            k += 1
        }
        let label = text(s, start..<k)
        return label.isEmpty ? nil : label
    }

    private static func text(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let clipped = range.clamped(to: 0..<s.count)
        return String(decoding: UnsafeBufferPointer(rebasing: s[clipped.lowerBound..<min(clipped.upperBound, clipped.lowerBound + 64)]),
                      as: UTF8.self).trimmingSpaces
    }

    static func hasPrefix(_ s: UnsafeBufferPointer<UInt8>, at i: Int, _ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        guard i + p.count <= s.count else { return false }
        for (j, c) in p.enumerated() {
            let b = s[i + j]
            let lower = b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
            if lower != c { return false }
        }
        return true
    }

    /// First index of `needle` at or after `i` (ASCII case-insensitive if asked; `needle` lowercase).
    static func find(_ s: UnsafeBufferPointer<UInt8>, _ needle: String, from i: Int, caseInsensitive: Bool = false) -> Int? {
        let p = Array(needle.utf8)
        guard let first = p.first, s.count >= p.count else { return nil }
        var k = max(i, 0)
        let last = s.count - p.count
        while k <= last {
            let b = s[k]
            let c = caseInsensitive && b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
            if c == first {
                if caseInsensitive ? hasPrefix(s, at: k, needle) : (1..<p.count).allSatisfy({ s[k + $0] == p[$0] }) { return k }
            }
            k += 1
        }
        return nil
    }
}
