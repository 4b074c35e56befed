/// Lenient Base64 for MIME bodies and RFC 2047 `B` words: one pass, line breaks and any other
/// byte outside the alphabet skipped (mail gateways insert spaces, some writers leave
/// garbage), padding optional, a trailing partial group dropped. Never fails; output stops
/// at `maxOutput` bytes so a caller's limit holds before the memory is spent.
enum Base64Decoder {
    static func decode(_ input: UnsafeBufferPointer<UInt8>, maxOutput: Int = .max) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(min(input.count / 4 * 3 + 3, maxOutput))
        var accumulator: UInt32 = 0
        var bits = 0
        for c in input {
            let v = table[Int(c)]
            if v >= 64 { continue }
            accumulator = accumulator << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                guard out.count < maxOutput else { break }
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        return out
    }

    static func decode(_ bytes: [UInt8], maxOutput: Int = .max) -> [UInt8] {
        bytes.withUnsafeBufferPointer { decode($0, maxOutput: maxOutput) }
    }

    /// 0–63 for the alphabet, 64 for everything else.
    private static let table: [UInt8] = {
        var t = [UInt8](repeating: 64, count: 256)
        for (i, c) in Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8).enumerated() {
            t[Int(c)] = UInt8(i)
        }
        return t
    }()
}
