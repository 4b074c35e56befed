/// Splits a multipart body (RFC 2046 §5.1) at its delimiter lines: `--boundary` at the start
/// of a line, `--boundary--` closing. One forward pass over line starts, so a body of any size
/// costs one scan, and nested multiparts cost one scan per level.
enum MultipartSplitter {
    struct Result {
        /// Each part's bytes: from the line after a delimiter to the line break before the next.
        var parts: [Range<Int>] = []
        var closed = false
        /// More parts than `maxParts`; the rest were not listed.
        var truncated = false
    }

    static func split(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, boundary: [UInt8], maxParts: Int) -> Result {
        var result = Result()
        guard !boundary.isEmpty else { return result }
        let scope = UnsafeBufferPointer(rebasing: s[0..<range.upperBound])
        var partStart: Int?
        var p = range.lowerBound
        while p < range.upperBound {
            let lineEnd = HTMLTagParser.indexOf(0x0A, in: scope, from: p) ?? range.upperBound
            if isDelimiter(scope, at: p, boundary: boundary) {
                let after = p + 2 + boundary.count
                let closing = after + 1 < range.upperBound && scope[after] == UInt8(ascii: "-") && scope[after + 1] == UInt8(ascii: "-")
                if let start = partStart {
                    // The CRLF before the delimiter belongs to the delimiter.
                    var end = p
                    if end > start, scope[end - 1] == 0x0A { end -= 1 }
                    if end > start, scope[end - 1] == 0x0D { end -= 1 }
                    if result.parts.count < maxParts {
                        result.parts.append(start..<max(start, end))
                    } else {
                        result.truncated = true
                    }
                }
                if closing {
                    result.closed = true
                    return result
                }
                partStart = min(lineEnd + 1, range.upperBound)
            }
            p = lineEnd + 1
        }
        // No closing delimiter: the last part runs to the end (lenient).
        if let start = partStart, start < range.upperBound {
            if result.parts.count < maxParts { result.parts.append(start..<range.upperBound) } else { result.truncated = true }
        }
        return result
    }

    @inline(__always)
    private static func isDelimiter(_ s: UnsafeBufferPointer<UInt8>, at p: Int, boundary: [UInt8]) -> Bool {
        guard p + 2 + boundary.count <= s.count, s[p] == UInt8(ascii: "-"), s[p + 1] == UInt8(ascii: "-") else { return false }
        for (j, b) in boundary.enumerated() where s[p + 2 + j] != b { return false }
        // Only blanks (or "--") may follow, so boundary "b1" does not match a line "--b1_alt".
        let after = p + 2 + boundary.count
        guard after < s.count else { return true }
        switch s[after] {
        case 0x20, 0x09, 0x0D, 0x0A: return true
        case UInt8(ascii: "-"): return after + 1 < s.count && s[after + 1] == UInt8(ascii: "-")
        default: return false
        }
    }
}
