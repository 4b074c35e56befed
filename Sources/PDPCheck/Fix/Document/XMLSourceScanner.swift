/// A forward pass over the bytes of an XML part that reports where everything is: tags with
/// their name and attribute-value ranges, and character data with the source range of every
/// character. The cleaners edit parts by those ranges, so whatever they do not touch stays
/// byte for byte. Same safety rules as `XMLStreamReader`: no DTD (a DOCTYPE is skipped), only
/// the predefined entities and numeric references, linear in the input; malformed markup ends
/// the pass (`failed`), and what was reported before stands.
struct XMLSourceScanner {
    struct Attribute {
        var name: Range<Int>
        var value: Range<Int>
    }

    enum Token {
        /// `<name …>` (`selfClosing` for `<name …/>`); `range` is the whole tag.
        case start(name: Range<Int>, attributes: [Attribute], selfClosing: Bool, range: Range<Int>)
        case end(name: Range<Int>, range: Range<Int>)
        /// Character data (entities undecoded) or a CDATA section's content.
        case text(Range<Int>, isCDATA: Bool)
    }

    static let maxAttributes = 512

    /// Calls `visit` for every token; returns false when the markup was malformed.
    @discardableResult
    static func scan(_ b: UnsafeBufferPointer<UInt8>, _ visit: (Token) -> Void) -> Bool {
        let n = b.count
        var i = 0
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard !needle.isEmpty, n >= needle.count else { return nil }
            var k = start
            while k + needle.count <= n {
                if b[k] == needle[0] {
                    var same = true
                    for j in 1..<needle.count where b[k + j] != needle[j] { same = false; break }
                    if same { return k }
                }
                k += 1
            }
            return nil
        }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
        func nameEnd(_ from: Int) -> Int {
            var k = from
            while k < n {
                let c = b[k]
                if isSpace(c) || c == 0x2F || c == 0x3E || c == 0x3D || c == 0x3C { break }
                k += 1
            }
            return k
        }
        while i < n {
            if b[i] != 0x3C {
                let start = i
                while i < n && b[i] != 0x3C { i += 1 }
                visit(.text(start..<i, isCDATA: false))
                continue
            }
            guard i + 1 < n else { return false }
            let next = b[i + 1]
            if next == 0x21 {  // '!'
                if i + 3 < n, b[i + 2] == 0x2D, b[i + 3] == 0x2D {
                    guard let end = find([0x2D, 0x2D, 0x3E], from: i + 4) else { return false }
                    i = end + 3
                } else if let cdata = cdataStart(b, i) {
                    guard let end = find([0x5D, 0x5D, 0x3E], from: cdata) else { return false }
                    visit(.text(cdata..<end, isCDATA: true))
                    i = end + 3
                } else {
                    // DOCTYPE and other declarations: skipped unread, brackets nested.
                    var depth = 0
                    var k = i + 2
                    while k < n {
                        if b[k] == 0x5B { depth += 1 } else if b[k] == 0x5D { depth -= 1 } else if b[k] == 0x3E && depth <= 0 { break }
                        k += 1
                    }
                    guard k < n else { return false }
                    i = k + 1
                }
            } else if next == 0x3F {  // '?'
                guard let end = find([0x3F, 0x3E], from: i + 2) else { return false }
                i = end + 2
            } else if next == 0x2F {  // '/'
                let nameStart = i + 2
                let end = nameEnd(nameStart)
                var k = end
                while k < n && isSpace(b[k]) { k += 1 }
                guard end > nameStart, k < n, b[k] == 0x3E else { return false }
                visit(.end(name: nameStart..<end, range: i..<(k + 1)))
                i = k + 1
            } else {
                let tagStart = i
                let nameStart = i + 1
                let end = nameEnd(nameStart)
                guard end > nameStart else { return false }
                var k = end
                var attributes: [Attribute] = []
                var selfClosing = false
                while true {
                    while k < n && isSpace(b[k]) { k += 1 }
                    guard k < n else { return false }
                    if b[k] == 0x3E { k += 1; break }
                    if b[k] == 0x2F {
                        guard k + 1 < n, b[k + 1] == 0x3E else { return false }
                        selfClosing = true
                        k += 2
                        break
                    }
                    let attrStart = k
                    let attrEnd = nameEnd(k)
                    guard attrEnd > attrStart else { return false }
                    k = attrEnd
                    while k < n && isSpace(b[k]) { k += 1 }
                    guard k < n, b[k] == 0x3D else { return false }
                    k += 1
                    while k < n && isSpace(b[k]) { k += 1 }
                    guard k < n, b[k] == 0x22 || b[k] == 0x27 else { return false }
                    let quote = b[k]
                    let valueStart = k + 1
                    k = valueStart
                    while k < n && b[k] != quote { k += 1 }
                    guard k < n else { return false }
                    if attributes.count < maxAttributes {
                        attributes.append(Attribute(name: attrStart..<attrEnd, value: valueStart..<k))
                    }
                    k += 1
                }
                visit(.start(name: nameStart..<end, attributes: attributes, selfClosing: selfClosing, range: tagStart..<k))
                i = k
            }
        }
        return true
    }

    private static func cdataStart(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let marker: [UInt8] = Array("<![CDATA[".utf8)
        guard i + marker.count <= b.count else { return nil }
        for j in 0..<marker.count where b[i + j] != marker[j] { return nil }
        return i + marker.count
    }

    /// The local part of a qualified name ("w:t" → "t").
    static func localName(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var start = range.lowerBound
        for k in range where b[k] == 0x3A { start = k + 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: b[start..<range.upperBound]), as: UTF8.self)
    }

    static func string(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self)
    }

    /// The characters of character data or an attribute value, each with the bytes that
    /// write it (a reference is one character). CDATA is taken as it is.
    static func characters(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, unit: Int, isCDATA: Bool = false,
                           into out: inout [SourceCharacter]) {
        var k = range.lowerBound
        let end = range.upperBound
        while k < end {
            if !isCDATA, b[k] == 0x26, let (scalar, next) = reference(b, at: k, end: end) {
                out.append(SourceCharacter(scalar, unit: unit, range: k..<next))
                k = next
                continue
            }
            let length = UTF8Sequence.length(b, at: k, end: end) ?? 1
            out.append(SourceCharacter(SourceCharacters.scalar(b, k, length), unit: unit, range: k..<(k + length)))
            k += length
        }
    }

    /// `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and `&#…;` at `i`.
    static func reference(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (Unicode.Scalar, Int)? {
        var semicolon = i + 1
        while semicolon < end && semicolon - i <= 12 && b[semicolon] != 0x3B { semicolon += 1 }
        guard semicolon < end, b[semicolon] == 0x3B, semicolon > i + 1 else { return nil }
        let body = string(b, (i + 1)..<semicolon)
        let next = semicolon + 1
        switch body {
        case "lt": return ("<", next)
        case "gt": return (">", next)
        case "amp": return ("&", next)
        case "quot": return ("\"", next)
        case "apos": return ("'", next)
        default: break
        }
        guard body.hasPrefix("#") else { return nil }
        let digits = body.dropFirst()
        let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, next)
    }
}
