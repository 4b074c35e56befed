/// One header field, unfolded (RFC 5322 §2.2.3): continuation lines joined, the line breaks
/// removed, leading and trailing blanks trimmed. The value is still raw bytes: encoded words
/// and 8-bit text are decoded by whoever reads it, as the field's syntax needs.
struct MIMEHeader {
    var name: String
    var lowercasedName: String
    var value: [UInt8]
}

/// The header section of a message or a MIME body part, and where its body starts.
struct MIMEHeaderBlock {
    static let maxHeaders = 1000
    static let maxValueBytes = 64 * 1024

    var headers: [MIMEHeader] = []
    var bodyStart: Int
    /// Lines that were neither a field nor a continuation (a damaged header section).
    var malformedLines = 0

    func first(_ lowercasedName: String) -> [UInt8]? {
        headers.first { $0.lowercasedName == lowercasedName }?.value
    }

    func all(_ lowercasedName: String) -> [[UInt8]] {
        headers.filter { $0.lowercasedName == lowercasedName }.map(\.value)
    }

    /// Reads header lines from `range` up to the first empty line. Lenient: LF or CRLF line
    /// ends, an mbox `From ` line at the very start skipped; a line that is not a field ends
    /// the header section there (the rest is body).
    static func parse(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> MIMEHeaderBlock {
        var block = MIMEHeaderBlock(bodyStart: range.upperBound)
        var p = range.lowerBound
        let end = range.upperBound
        var lineNumber = 0
        while p < end {
            let lf = HTMLTagParser.indexOf(0x0A, in: UnsafeBufferPointer(rebasing: s[0..<end]), from: p) ?? end
            var lineEnd = lf
            if lineEnd > p, s[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let next = lf < end ? lf + 1 : end
            defer { lineNumber += 1 }
            if lineEnd == p {
                block.bodyStart = next
                return block
            }
            let first = s[p]
            if first == 0x20 || first == 0x09 {
                if var last = block.headers.popLast() {
                    appendValue(s, p..<lineEnd, to: &last.value)
                    block.headers.append(last)
                } else {
                    block.malformedLines += 1
                }
                p = next
                continue
            }
            if let colon = fieldNameEnd(s, p..<lineEnd) {
                if block.headers.count < maxHeaders {
                    var nameEnd = colon
                    while nameEnd > p, s[nameEnd - 1] == 0x20 || s[nameEnd - 1] == 0x09 { nameEnd -= 1 }
                    let name = String(decoding: UnsafeBufferPointer(rebasing: s[p..<nameEnd]), as: UTF8.self)
                    var value: [UInt8] = []
                    appendValue(s, (colon + 1)..<lineEnd, to: &value)
                    block.headers.append(MIMEHeader(name: name, lowercasedName: name.lowercased(), value: value))
                }
                p = next
                continue
            }
            if lineNumber == 0, HTMLCharsetSniffer.hasPrefix(s, at: p, "from ") {
                // "From sender date": the separator line of an mbox file.
                p = next
                continue
            }
            // Not a field: the header section ends without its empty line.
            block.malformedLines += 1
            block.bodyStart = p
            for i in block.headers.indices { trimTrailing(&block.headers[i].value) }
            return block
        }
        for i in block.headers.indices { trimTrailing(&block.headers[i].value) }
        block.bodyStart = end
        return block
    }

    /// The index of the `:` ending a field name (printable ASCII without spaces, 1–76 bytes,
    /// blanks allowed before the colon as in obsolete syntax), or nil.
    private static func fieldNameEnd(_ s: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int? {
        var k = line.lowerBound
        var sawBlank = false
        while k < line.upperBound, k - line.lowerBound <= 76 {
            let c = s[k]
            if c == UInt8(ascii: ":") { return k > line.lowerBound ? k : nil }
            if c == 0x20 || c == 0x09 {
                sawBlank = true
            } else if c <= 0x20 || c >= 0x7F || sawBlank {
                return nil
            }
            k += 1
        }
        return nil
    }

    /// Appends a (continuation) line's bytes to a value, up to `maxValueBytes`; leading blanks
    /// of the first line are dropped.
    private static func appendValue(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to value: inout [UInt8]) {
        var k = range.lowerBound
        if value.isEmpty {
            while k < range.upperBound, s[k] == 0x20 || s[k] == 0x09 { k += 1 }
        }
        let room = maxValueBytes - value.count
        guard room > 0, k < range.upperBound else { return }
        value.append(contentsOf: UnsafeBufferPointer(rebasing: s[k..<min(range.upperBound, k + room)]))
    }

    private static func trimTrailing(_ value: inout [UInt8]) {
        while let last = value.last, last == 0x20 || last == 0x09 || last == 0x0D { value.removeLast() }
    }
}
