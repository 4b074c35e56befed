/// Sequential, bounds-checked reading of integers and strings from bytes copied out of a file.
/// Every read that would run past the end throws `malformed`, naming what was being read, so a
/// hostile length field turns into a per-file error instead of a trap.
struct BinaryCursor {
    let bytes: [UInt8]
    /// Where the next read starts (an index into `bytes`).
    var position: Int
    /// Integer byte order for the `u16`/`u32`/`u64` reads (TIFF and friends switch it).
    var bigEndian: Bool
    /// Names the structure in error messages ("PNG iTXt", "HEIF iloc").
    let context: String

    init(_ bytes: [UInt8], position: Int = 0, bigEndian: Bool = true, context: String) {
        self.bytes = bytes
        self.position = position
        self.bigEndian = bigEndian
        self.context = context
    }

    var remaining: Int { max(0, bytes.count - position) }
    var isAtEnd: Bool { position >= bytes.count }

    func malformed(_ what: String) -> ScanError {
        ScanError(code: "malformed", message: "\(context): \(what)")
    }

    private func require(_ count: Int) throws(ScanError) {
        guard count >= 0, position >= 0, count <= bytes.count - position else {
            throw malformed("truncated at byte \(position) (needs \(count) more)")
        }
    }

    mutating func skip(_ count: Int) throws(ScanError) {
        try require(count)
        position += count
    }

    mutating func u8() throws(ScanError) -> UInt8 {
        try require(1)
        defer { position += 1 }
        return bytes[position]
    }

    mutating func u16() throws(ScanError) -> UInt16 {
        try require(2)
        defer { position += 2 }
        return BinaryCursor.u16(bytes, at: position, bigEndian: bigEndian)
    }

    mutating func u32() throws(ScanError) -> UInt32 {
        try require(4)
        defer { position += 4 }
        return BinaryCursor.u32(bytes, at: position, bigEndian: bigEndian)
    }

    mutating func u64() throws(ScanError) -> UInt64 {
        try require(8)
        let high = UInt64(BinaryCursor.u32(bytes, at: position, bigEndian: bigEndian))
        let low = UInt64(BinaryCursor.u32(bytes, at: position + 4, bigEndian: bigEndian))
        position += 8
        return bigEndian ? high << 32 | low : low << 32 | high
    }

    /// An unsigned integer of 0, 1, 2, 4 or 8 bytes (ISOBMFF `iloc` field widths).
    mutating func uint(byteCount: Int) throws(ScanError) -> UInt64 {
        switch byteCount {
        case 0: return 0
        case 1: return UInt64(try u8())
        case 2: return UInt64(try u16())
        case 4: return UInt64(try u32())
        case 8: return try u64()
        default: throw malformed("unsupported field width \(byteCount)")
        }
    }

    mutating func take(_ count: Int) throws(ScanError) -> [UInt8] {
        try require(count)
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    mutating func rest() -> [UInt8] {
        guard position < bytes.count else { return [] }
        defer { position = bytes.count }
        return Array(bytes[position...])
    }

    mutating func fourCC() throws(ScanError) -> FourCC {
        FourCC(try u32BigEndian())
    }

    mutating func u32BigEndian() throws(ScanError) -> UInt32 {
        try require(4)
        defer { position += 4 }
        return BinaryCursor.u32(bytes, at: position, bigEndian: true)
    }

    /// Bytes up to a NUL (consumed) or the end; no NUL at the end is tolerated, as writers forget it.
    mutating func cString() -> [UInt8] {
        var end = position
        while end < bytes.count, bytes[end] != 0 { end += 1 }
        let value = Array(bytes[position..<end])
        position = min(bytes.count, end + 1)
        return value
    }

    // MARK: random access without a cursor

    static func u16(_ b: [UInt8], at i: Int, bigEndian: Bool) -> UInt16 {
        let x = UInt16(b[i]), y = UInt16(b[i + 1])
        return bigEndian ? x << 8 | y : y << 8 | x
    }

    static func u32(_ b: [UInt8], at i: Int, bigEndian: Bool) -> UInt32 {
        let x0 = UInt32(b[i]), x1 = UInt32(b[i + 1]), x2 = UInt32(b[i + 2]), x3 = UInt32(b[i + 3])
        return bigEndian ? x0 << 24 | x1 << 16 | x2 << 8 | x3 : x3 << 24 | x2 << 16 | x1 << 8 | x0
    }

    /// Bounds-checked random-access reads: nil when the value does not fit.
    static func u16(_ b: [UInt8], checkedAt i: Int, bigEndian: Bool) -> UInt16? {
        guard i >= 0, i <= b.count - 2 else { return nil }
        return u16(b, at: i, bigEndian: bigEndian)
    }

    static func u32(_ b: [UInt8], checkedAt i: Int, bigEndian: Bool) -> UInt32? {
        guard i >= 0, i <= b.count - 4 else { return nil }
        return u32(b, at: i, bigEndian: bigEndian)
    }

    static func hasPrefix(_ b: [UInt8], _ prefix: [UInt8], at i: Int = 0) -> Bool {
        guard i >= 0, prefix.count <= b.count - i else { return false }
        for k in 0..<prefix.count where b[i + k] != prefix[k] { return false }
        return true
    }

    /// First index of `needle` in `b[from..<to]`, by plain comparison (needles here are short).
    static func firstIndex(of needle: [UInt8], in b: [UInt8], from: Int = 0, to: Int? = nil) -> Int? {
        let end = min(to ?? b.count, b.count)
        guard !needle.isEmpty, from >= 0, end - from >= needle.count else { return nil }
        let first = needle[0]
        var i = from
        while i <= end - needle.count {
            if b[i] == first && hasPrefix(b, needle, at: i) { return i }
            i += 1
        }
        return nil
    }
}

/// A four-character code (ISOBMFF box type, RIFF chunk id, PNG chunk type), kept as its
/// big-endian integer so comparisons are cheap; `description` prints it for messages.
struct FourCC: Hashable, Sendable, CustomStringConvertible {
    let raw: UInt32
    init(_ raw: UInt32) { self.raw = raw }
    /// From a literal in the code ("moov"); shorter literals are padded with spaces, as the
    /// formats pad their own codes ("XMP ").
    init(_ text: StaticString) {
        let p = text.utf8Start
        let n = text.utf8CodeUnitCount
        var raw: UInt32 = 0
        for k in 0..<4 { raw = raw << 8 | UInt32(k < n ? p[k] : 0x20) }
        self.raw = raw
    }
    /// From four bytes, e.g. a QuickTime `©xyz` atom type (© is 0xA9).
    init(bytes b0: UInt8, _ b1: UInt8, _ b2: UInt8, _ b3: UInt8) {
        raw = UInt32(b0) << 24 | UInt32(b1) << 16 | UInt32(b2) << 8 | UInt32(b3)
    }
    var bytes: [UInt8] { [UInt8(raw >> 24), UInt8(raw >> 16 & 0xFF), UInt8(raw >> 8 & 0xFF), UInt8(raw & 0xFF)] }
    var firstByte: UInt8 { UInt8(raw >> 24) }
    /// The last three bytes as ASCII (for `©nam`-style atoms, whose first byte is 0xA9).
    var tail: String { String(decoding: bytes.dropFirst(), as: UTF8.self) }
    var description: String {
        bytes.map { $0 >= 0x20 && $0 < 0x7F ? String(UnicodeScalar($0)) : ($0 == 0xA9 ? "©" : "?") }.joined()
    }
}
