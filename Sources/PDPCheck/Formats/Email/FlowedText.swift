/// `text/plain; format=flowed` (RFC 3676): mail clients wrap long lines at a space and mark the
/// wrap with that trailing space. Joining them back matters here because a wrap can fall inside
/// what a detector reads as one value ("0913 527" / "846"). Quote markers are left as they are.
enum FlowedText {
    /// Joins soft-wrapped lines (a line ending in a space, other than the "-- " signature
    /// separator) and undoes space-stuffing. With `deleteSpace` (DelSp=yes) the wrap space goes too.
    static func unwrap(_ s: [UInt8], deleteSpace: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var lineStart = 0
        let n = s.count
        while lineStart < n {
            var lf = lineStart
            while lf < n, s[lf] != 0x0A { lf += 1 }
            var lineEnd = lf
            if lineEnd > lineStart, s[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            var start = lineStart
            // Space-stuffing: a leading space added so the line cannot read as "From " or a quote.
            if start < lineEnd, s[start] == 0x20 { start += 1 }
            let line = s[start..<lineEnd]
            let isSignature = line.count == 3 && line.elementsEqual([0x2D, 0x2D, 0x20])
            let soft = lf < n && line.last == 0x20 && !isSignature
            if soft {
                out.append(contentsOf: deleteSpace ? line.dropLast() : line)
            } else {
                out.append(contentsOf: line)
                if lf < n { out.append(contentsOf: s[lineEnd...lf]) }
            }
            lineStart = lf + 1
        }
        return out
    }
}
