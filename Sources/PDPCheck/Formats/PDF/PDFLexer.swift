/// PDF's byte classes (ISO 32000-1 §7.2.2).
enum PDFBytes {
    static func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x00
    }

    static func isDelimiter(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "/"), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    static func isRegular(_ b: UInt8) -> Bool { !isWhitespace(b) && !isDelimiter(b) }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }

    /// The first occurrence of `needle` in `bytes[from..<to]`.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int, to: Int? = nil) -> Int? {
        let end = min(to ?? bytes.count, bytes.count)
        guard let first = needle.first, from >= 0, end - from >= needle.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            var i = from
            let last = end - needle.count
            while i <= last {
                if buffer[i] == first {
                    var j = 1
                    while j < needle.count && buffer[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return i }
                }
                i += 1
            }
            return nil
        }
    }

    /// The last occurrence of `needle` that starts before `before`.
    static func findLast(_ needle: [UInt8], in bytes: [UInt8], before: Int, notBefore: Int = 0) -> Int? {
        guard let first = needle.first else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            var i = min(before, buffer.count) - needle.count
            while i >= max(0, notBefore) {
                if buffer[i] == first {
                    var j = 1
                    while j < needle.count && buffer[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return i }
                }
                i -= 1
            }
            return nil
        }
    }
}

/// One lexical token of PDF syntax.
enum PDFToken: Equatable {
    case integer(Int)
    case real(Double)
    case name(String)
    case string([UInt8])
    case arrayOpen, arrayClose, dictOpen, dictClose, braceOpen, braceClose
    /// `true`, `obj`, `R`, `stream`, … (at most `PDFLexer.maxKeywordLength` bytes are kept).
    case keyword(String)
    case end
}

/// Splits PDF bytes into tokens. Every call consumes at least one byte or returns `.end`, so
/// no input can make a caller loop forever; strings and names are bounded by the input.
struct PDFLexer {
    static let maxKeywordLength = 32

    let bytes: [UInt8]
    var position: Int
    let end: Int

    init(_ bytes: [UInt8], position: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.end = min(end ?? bytes.count, bytes.count)
        self.position = max(0, min(position, self.end))
    }

    static func malformed(_ message: String) -> ScanError {
        ScanError(code: "malformed", message: "PDF: \(message)")
    }

    /// Skips whitespace and comments.
    mutating func skipWhitespace() {
        while position < end {
            let b = bytes[position]
            if PDFBytes.isWhitespace(b) {
                position += 1
            } else if b == UInt8(ascii: "%") {
                while position < end && bytes[position] != 0x0A && bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    mutating func next() throws(ScanError) -> PDFToken {
        skipWhitespace()
        guard position < end else { return .end }
        let b = bytes[position]
        switch b {
        case UInt8(ascii: "["): position += 1; return .arrayOpen
        case UInt8(ascii: "]"): position += 1; return .arrayClose
        case UInt8(ascii: "{"): position += 1; return .braceOpen
        case UInt8(ascii: "}"): position += 1; return .braceClose
        case UInt8(ascii: "("): return .string(try literalString())
        case UInt8(ascii: "/"): return .name(name())
        case UInt8(ascii: "<"):
            if position + 1 < end && bytes[position + 1] == UInt8(ascii: "<") {
                position += 2
                return .dictOpen
            }
            return .string(try hexString())
        case UInt8(ascii: ">"):
            position += 1
            if position < end && bytes[position] == UInt8(ascii: ">") { position += 1 }
            return .dictClose
        case UInt8(ascii: ")"):
            position += 1
            return .keyword(")")
        default:
            if PDFBytes.isDigit(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") {
                return number()
            }
            return keyword()
        }
    }

    /// A number; malformed ones ("--5", "1.2.3", "+") are read as far as they make sense.
    mutating func number() -> PDFToken {
        let start = position
        var negative = false
        while position < end && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) {
            if bytes[position] == UInt8(ascii: "-") { negative.toggle() }
            position += 1
        }
        var integer = 0
        var overflow = false
        var sawDigit = false
        var fraction = 0.0
        var scale = 1.0
        var isReal = false
        while position < end {
            let c = bytes[position]
            if PDFBytes.isDigit(c) {
                sawDigit = true
                let d = Int(c - 0x30)
                if isReal {
                    if scale > 1e-300 {
                        scale /= 10
                        fraction += Double(d) * scale
                    }
                } else if !overflow {
                    let (m, o1) = integer.multipliedReportingOverflow(by: 10)
                    let (s, o2) = m.addingReportingOverflow(d)
                    if o1 || o2 { overflow = true } else { integer = s }
                }
            } else if c == UInt8(ascii: ".") && !isReal {
                isReal = true
            } else {
                break
            }
            position += 1
        }
        if position == start { position += 1 }
        if !sawDigit { return .integer(0) }
        if overflow {
            return .real(negative ? -Double.greatestFiniteMagnitude : Double.greatestFiniteMagnitude)
        }
        if isReal {
            let value = Double(integer) + fraction
            return .real(negative ? -value : value)
        }
        return .integer(negative ? -integer : integer)
    }

    mutating func keyword() -> PDFToken {
        let start = position
        while position < end && PDFBytes.isRegular(bytes[position]) { position += 1 }
        if position == start { position += 1 }
        let stop = min(position, start + PDFLexer.maxKeywordLength)
        return .keyword(String(decoding: bytes[start..<stop], as: UTF8.self))
    }

    /// `/Name` with `#xx` escapes decoded.
    mutating func name() -> String {
        position += 1  // "/"
        var out: [UInt8] = []
        while position < end {
            let c = bytes[position]
            guard PDFBytes.isRegular(c) else { break }
            if c == UInt8(ascii: "#"), position + 2 < end,
               let hi = PDFBytes.hexValue(bytes[position + 1]), let lo = PDFBytes.hexValue(bytes[position + 2]) {
                out.append(hi << 4 | lo)
                position += 3
            } else {
                out.append(c)
                position += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `( … )` with balanced parentheses and backslash escapes; end-of-line markers become LF.
    mutating func literalString() throws(ScanError) -> [UInt8] {
        let start = position
        position += 1  // "("
        var out: [UInt8] = []
        var depth = 1
        while position < end {
            let c = bytes[position]
            position += 1
            switch c {
            case UInt8(ascii: "("):
                depth += 1
                out.append(c)
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return out }
                out.append(c)
            case 0x0D:
                if position < end && bytes[position] == 0x0A { position += 1 }
                out.append(0x0A)
            case UInt8(ascii: "\\"):
                guard position < end else { break }
                let e = bytes[position]
                position += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case 0x0D:
                    if position < end && bytes[position] == 0x0A { position += 1 }
                case 0x0A:
                    break
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var value = Int(e - 0x30)
                    var digits = 1
                    while digits < 3 && position < end && bytes[position] >= 0x30 && bytes[position] <= 0x37 {
                        value = value * 8 + Int(bytes[position] - 0x30)
                        position += 1
                        digits += 1
                    }
                    out.append(UInt8(truncatingIfNeeded: value))
                default:
                    out.append(e)  // \( \) \\ and unknown escapes: the character itself
                }
            default:
                out.append(c)
            }
        }
        throw PDFLexer.malformed("literal string at byte \(start) is not closed")
    }

    /// `< … >`: hex digits, whitespace ignored, a missing last digit is 0.
    mutating func hexString() throws(ScanError) -> [UInt8] {
        let start = position
        position += 1  // "<"
        var out: [UInt8] = []
        var high: UInt8?
        while position < end {
            let c = bytes[position]
            position += 1
            if c == UInt8(ascii: ">") {
                if let h = high { out.append(h << 4) }
                return out
            }
            guard let v = PDFBytes.hexValue(c) else { continue }
            if let h = high {
                out.append(h << 4 | v)
                high = nil
            } else {
                high = v
            }
        }
        throw PDFLexer.malformed("hex string at byte \(start) is not closed")
    }
}
