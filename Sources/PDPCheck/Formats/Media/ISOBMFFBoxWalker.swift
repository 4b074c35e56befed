/// One ISOBMFF / QuickTime box header: where the box is and where its payload starts.
struct BoxHeader {
    let type: FourCC
    let start: Int
    /// After size, type, 64-bit size and `uuid` user type.
    let payload: Int
    let end: Int
    /// The 16-byte extended type of a `uuid` box.
    let userType: [UInt8]?

    var payloadCount: Int { end - payload }
    var payloadRange: Range<Int> { payload..<end }
}

/// Reads box headers only; payloads are fetched on demand by the readers that want them.
enum ISOBMFFBoxWalker {
    static let uuid = FourCC("uuid")
    static let mdat = FourCC("mdat")

    /// The boxes directly inside `range`. At the top level a box running past the end of the
    /// file is tolerated when it is media data (an interrupted recording still has its moov
    /// earlier, or none at all); anywhere else it means the lengths lie.
    static func children(_ s: MediaReadSession, in range: Range<Int>, context: String,
                         topLevel: Bool = false) throws(ScanError) -> [BoxHeader] {
        var boxes: [BoxHeader] = []
        var pos = range.lowerBound
        while range.upperBound - pos >= 8 {
            try s.visit()
            var c = BinaryCursor(try s.read(at: pos, count: min(range.upperBound - pos, 32), "\(context) box header"),
                                 context: "\(context) box header")
            let size32 = try c.u32()
            let type = try c.fourCC()
            var size: Int
            if size32 == 1 {
                let size64 = try c.u64()
                guard size64 <= UInt64(Int.max) else { throw MediaReadSession.malformed("\(context): box size \(size64)") }
                size = Int(size64)
            } else if size32 == 0 {
                size = range.upperBound - pos  // to the end of the enclosing box or file
            } else {
                size = Int(size32)
            }
            var userType: [UInt8]?
            if type == uuid { userType = try c.take(16) }
            let headerCount = c.position
            guard size >= headerCount else {
                throw MediaReadSession.malformed("\(context): box '\(type)' at byte \(pos) has size \(size)")
            }
            if size > range.upperBound - pos {
                guard topLevel, type == mdat else {
                    throw MediaReadSession.malformed("\(context): box '\(type)' at byte \(pos) runs past the end of its container")
                }
                s.note("media data box runs past the end of the file (truncated recording)")
                size = range.upperBound - pos
            }
            boxes.append(BoxHeader(type: type, start: pos, payload: pos + headerCount, end: pos + size, userType: userType))
            pos += size
        }
        if topLevel, pos < range.upperBound {
            s.note("\(range.upperBound - pos) bytes after the last box")
        }
        return boxes
    }

    /// A box payload that should be small (tables, text atoms); larger ones are an error
    /// rather than a big allocation.
    static func payload(_ s: MediaReadSession, _ box: BoxHeader, max: Int = 4 << 20, _ what: String) throws(ScanError) -> [UInt8] {
        guard box.payloadCount <= max else {
            throw MediaReadSession.limitExceeded("\(what) box of \(box.payloadCount) bytes")
        }
        return try s.read(at: box.payload, count: box.payloadCount, what)
    }

    /// Whether a `meta` box is a full box (version + flags before its children), as in ISO
    /// files and iTunes `udta/meta`, or a plain container, as in QuickTime `moov/meta`.
    static func metaChildrenStart(_ s: MediaReadSession, _ meta: BoxHeader) throws(ScanError) -> Int {
        guard meta.payloadCount >= 8 else { return meta.payload }
        let head = try s.read(at: meta.payload, count: 8, "meta")
        // A child box starts with its size, never 0; a full box starts with version/flags 0.
        return head[0...3] == [0, 0, 0, 0] ? meta.payload + 4 : meta.payload
    }

    static let xmpUUID: [UInt8] = [0xBE, 0x7A, 0xCF, 0xCB, 0x97, 0xA9, 0x42, 0xE8,
                                   0x9C, 0x71, 0x99, 0x94, 0x91, 0xE3, 0xAF, 0xAC]
}
