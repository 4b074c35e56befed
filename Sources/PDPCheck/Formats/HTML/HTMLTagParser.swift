/// One start or end tag, as the HTML tokenizer reads it.
struct HTMLTag {
    /// Lowercased ASCII name ("div", "o:author"); names longer than `maxNameLength` are cut.
    var name: String
    var isEnd: Bool
    var selfClosing: Bool
    var attributes: [HTMLAttribute]
    /// Index just past the closing `>`.
    var end: Int

    func attribute(_ name: String) -> HTMLAttribute? { attributes.first { $0.name == name } }
}

struct HTMLAttribute {
    /// Lowercased name.
    var name: String
    /// The raw value bytes in the source (without quotes; empty when the attribute has none).
    var value: Range<Int>
}

/// Reads tags following the HTML tokenizer's rules (not XML's): unquoted and single-quoted
/// values, `/` between attributes ignored, names case-insensitive. One forward pass, so a tag
/// never costs more than its own bytes, however hostile.
enum HTMLTagParser {
    static let maxNameLength = 32
    /// Attributes kept per tag; the rest are read past, not stored.
    static let maxAttributes = 64

    /// Parses the tag whose `<` is at `i` (`</` for an end tag). nil when the input ends
    /// before the tag does: a browser then drops the unfinished tag and everything after it.
    static func parse(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> HTMLTag? {
        let n = s.count
        var k = i + 1
        var isEnd = false
        if k < n, s[k] == UInt8(ascii: "/") { isEnd = true; k += 1 }
        let nameStart = k
        while k < n, !isSpace(s[k]), s[k] != UInt8(ascii: "/"), s[k] != UInt8(ascii: ">") { k += 1 }
        let name = lowercased(s, nameStart..<k)
        var tag = HTMLTag(name: name, isEnd: isEnd, selfClosing: false, attributes: [], end: n)
        while k < n {
            let c = s[k]
            if isSpace(c) { k += 1; continue }
            if c == UInt8(ascii: ">") {
                tag.end = k + 1
                return tag
            }
            if c == UInt8(ascii: "/") {
                if k + 1 < n, s[k + 1] == UInt8(ascii: ">") { tag.selfClosing = true }
                k += 1
                continue
            }
            // Attribute name: the first character may be anything, even "=".
            let attrStart = k
            k += 1
            while k < n, !isSpace(s[k]), s[k] != UInt8(ascii: "/"), s[k] != UInt8(ascii: ">"), s[k] != UInt8(ascii: "=") {
                k += 1
            }
            let attrName = attrStart..<k
            while k < n, isSpace(s[k]) { k += 1 }
            var value = k..<k
            if k < n, s[k] == UInt8(ascii: "=") {
                k += 1
                while k < n, isSpace(s[k]) { k += 1 }
                guard k < n else { return nil }
                let q = s[k]
                if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
                    let valueStart = k + 1
                    k = valueStart
                    while k < n, s[k] != q { k += 1 }
                    guard k < n else { return nil }
                    value = valueStart..<k
                    k += 1
                } else {
                    let valueStart = k
                    while k < n, !isSpace(s[k]), s[k] != UInt8(ascii: ">") { k += 1 }
                    value = valueStart..<k
                }
            }
            if tag.attributes.count < maxAttributes, !isEnd {
                tag.attributes.append(HTMLAttribute(name: lowercased(s, attrName), value: value))
            }
        }
        return nil
    }

    /// Where the end tag `</name` of a raw-text element (script, style) starts, searching from
    /// `i`; `s.count` when there is none.
    static func rawTextEnd(_ s: UnsafeBufferPointer<UInt8>, from i: Int, name: String) -> Int {
        let n = s.count
        let target = Array(name.utf8)
        var k = i
        while k < n {
            guard let lt = indexOf(UInt8(ascii: "<"), in: s, from: k) else { return n }
            k = lt + 1
            guard k < n, s[k] == UInt8(ascii: "/") else { continue }
            let nameStart = k + 1
            guard nameStart + target.count <= n else { return n }
            var same = true
            for (j, t) in target.enumerated() where s[nameStart + j] | 0x20 != t {
                same = false
                break
            }
            guard same else { continue }
            let after = nameStart + target.count
            if after == n || isSpace(s[after]) || s[after] == UInt8(ascii: "/") || s[after] == UInt8(ascii: ">") {
                return lt
            }
        }
        return n
    }

    static func indexOf(_ byte: UInt8, in s: UnsafeBufferPointer<UInt8>, from i: Int) -> Int? {
        var k = i
        while k < s.count {
            if s[k] == byte { return k }
            k += 1
        }
        return nil
    }

    @inline(__always) static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D
    }

    /// ASCII-lowercased name, cut at `maxNameLength` bytes (short names stay inline in the String).
    static func lowercased(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let cut = range.lowerBound..<min(range.upperBound, range.lowerBound + maxNameLength)
        return String(unsafeUninitializedCapacity: cut.count) { buffer in
            var j = 0
            for k in cut {
                let c = s[k]
                buffer[j] = c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c | 0x20 : c
                j += 1
            }
            return j
        }
    }
}
