/// Lenient quoted-printable (RFC 2045 §6.7) for MIME bodies, and the `Q` form of RFC 2047
/// encoded words. `=XX` in either case, soft line breaks (`=` at a line end, with or without
/// CR, even after trailing blanks), trailing blanks before a line break dropped, and a `=`
/// that starts no valid escape kept as it is. One pass, never fails, stops at `maxOutput`.
enum QuotedPrintableDecoder {
    static func decode(_ s: UnsafeBufferPointer<UInt8>, maxOutput: Int = .max) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(min(s.count, maxOutput))
        let n = s.count
        var i = 0
        while i < n, out.count < maxOutput {
            let c = s[i]
            if c == UInt8(ascii: "=") {
                if i + 2 < n, let hi = hex(s[i + 1]), let lo = hex(s[i + 2]) {
                    out.append(hi << 4 | lo)
                    i += 3
                    continue
                }
                // Soft line break: "=" then blanks then CRLF / LF (or the end).
                var k = i + 1
                while k < n, s[k] == 0x20 || s[k] == 0x09 { k += 1 }
                if k == n { i = n; continue }
                if s[k] == 0x0A { i = k + 1; continue }
                if s[k] == 0x0D {
                    i = k + 1 < n && s[k + 1] == 0x0A ? k + 2 : k + 1
                    continue
                }
                out.append(c)
                i += 1
            } else if c == 0x20 || c == 0x09 {
                // Blanks are dropped only when a line break (or the end) follows them.
                var k = i
                while k < n, s[k] == 0x20 || s[k] == 0x09 { k += 1 }
                if k == n || s[k] == 0x0A || s[k] == 0x0D {
                    i = k
                } else {
                    for j in i..<k where out.count < maxOutput { out.append(s[j]) }
                    i = k
                }
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    static func decode(_ bytes: [UInt8], maxOutput: Int = .max) -> [UInt8] {
        bytes.withUnsafeBufferPointer { decode($0, maxOutput: maxOutput) }
    }

    /// RFC 2047 `Q`: like quoted-printable, and `_` is a space.
    static func decodeEncodedWord(_ s: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == UInt8(ascii: "_") {
                out.append(0x20)
            } else if c == UInt8(ascii: "="), i + 2 < s.endIndex, let hi = hex(s[i + 1]), let lo = hex(s[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
                continue
            } else {
                out.append(c)
            }
            i += 1
        }
        return out
    }

    @inline(__always) static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
