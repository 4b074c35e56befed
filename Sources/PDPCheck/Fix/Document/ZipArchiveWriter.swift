/// Writes a ZIP archive in memory: local headers, member data, central directory, end
/// record. Members are either copied as they were stored (compressed bytes, CRC and sizes
/// unchanged) or given as new content, stored or deflated. No ZIP64: an archive that would
/// need it (a member or the whole file at 4 GiB, 65,535 members) is refused.
struct ZipArchiveWriter {
    struct Member {
        var rawName: [UInt8]
        var flags: UInt16
        var method: UInt16
        var versionNeeded: UInt16
        var modTime: UInt16
        var modDate: UInt16
        var crc32: UInt32
        var uncompressedSize: Int
        var data: [UInt8]
        var comment: [UInt8]
        var externalAttributes: UInt32
    }

    static let limit = Int(UInt32.max) - 1
    static let maxMembers = Int(UInt16.max) - 1

    private(set) var members: [Member] = []

    /// Flag bits kept on a member: encrypted (0), data descriptor (3, kept only with
    /// encryption, whose check byte depends on it), UTF-8 names (11); the rest describe
    /// compression options that no longer apply.
    static func keptFlags(_ flags: UInt16, copyingRaw: Bool) -> UInt16 {
        let encrypted = flags & 0x0001 != 0
        var mask: UInt16 = 0x0800
        if copyingRaw {
            mask |= 0x0001 | 0x0006
            if encrypted { mask |= 0x0008 }
        }
        return flags & mask
    }

    /// A member whose stored bytes are copied unchanged.
    mutating func addRaw(_ member: Member) throws(ScanError) {
        try check(member.data.count, member.uncompressedSize)
        members.append(member)
    }

    /// A member with new content: deflated when `method` is 8, else stored.
    mutating func add(rawName: [UInt8], content: [UInt8], method: UInt16, flags: UInt16, modTime: UInt16, modDate: UInt16,
                      comment: [UInt8], externalAttributes: UInt32) throws(ScanError) {
        let data = method == ZipEntry.deflated ? try ZipDeflater.deflate(content) : content
        try check(data.count, content.count)
        members.append(Member(rawName: rawName, flags: Self.keptFlags(flags, copyingRaw: false), method: method == ZipEntry.deflated ? 8 : 0,
                              versionNeeded: 20, modTime: modTime, modDate: modDate, crc32: ZipCRC.crc32(content),
                              uncompressedSize: content.count, data: data, comment: comment, externalAttributes: externalAttributes))
    }

    private func check(_ compressed: Int, _ uncompressed: Int) throws(ScanError) {
        guard compressed <= Self.limit, uncompressed <= Self.limit else {
            throw ScanError(code: "too-large", message: "a member of 4 GiB or more cannot be written (ZIP64 is not written)")
        }
        guard members.count < Self.maxMembers else {
            throw ScanError(code: "too-large", message: "more than \(Self.maxMembers) members cannot be written (ZIP64 is not written)")
        }
    }

    func finish(comment: [UInt8] = []) throws(ScanError) -> [UInt8] {
        var out: [UInt8] = []
        var offsets: [Int] = []
        let total = members.reduce(0) { $0 + 46 + 30 + 16 + 2 * $1.rawName.count + $1.data.count + $1.comment.count }
        guard total + 22 + comment.count <= Self.limit else {
            throw ScanError(code: "too-large", message: "the archive would reach 4 GiB (ZIP64 is not written)")
        }
        out.reserveCapacity(total + 22 + comment.count)
        for m in members {
            offsets.append(out.count)
            let descriptor = m.flags & 0x0008 != 0
            Self.u32(&out, 0x0403_4B50)
            Self.sharedHeaderFields(&out, m)
            Self.u16(&out, 0)  // extra field length
            out += m.rawName
            out += m.data
            if descriptor {
                Self.u32(&out, 0x0807_4B50)
                Self.u32(&out, m.crc32)
                Self.u32(&out, UInt32(m.data.count))
                Self.u32(&out, UInt32(m.uncompressedSize))
            }
        }
        let directoryStart = out.count
        for (m, offset) in zip(members, offsets) {
            Self.u32(&out, 0x0201_4B50)
            Self.u16(&out, 20)  // made by: MS-DOS attributes, spec 2.0
            Self.sharedHeaderFields(&out, m)
            Self.u16(&out, 0)  // extra field length
            Self.u16(&out, UInt16(min(m.comment.count, 0xFFFF)))
            Self.u16(&out, 0)
            Self.u16(&out, 0)
            Self.u32(&out, m.externalAttributes)
            Self.u32(&out, UInt32(offset))
            out += m.rawName
            out += m.comment.prefix(0xFFFF)
        }
        let directorySize = out.count - directoryStart
        Self.u32(&out, 0x0605_4B50)
        Self.u16(&out, 0)
        Self.u16(&out, 0)
        Self.u16(&out, UInt16(members.count))
        Self.u16(&out, UInt16(members.count))
        Self.u32(&out, UInt32(directorySize))
        Self.u32(&out, UInt32(directoryStart))
        Self.u16(&out, UInt16(min(comment.count, 0xFFFF)))
        out += comment.prefix(0xFFFF)
        return out
    }

    /// The fields the local header and the central directory entry write alike, version
    /// needed to name length (APPNOTE 4.3.7 and 4.3.12).
    private static func sharedHeaderFields(_ out: inout [UInt8], _ m: Member) {
        u16(&out, m.versionNeeded)
        u16(&out, m.flags)
        u16(&out, m.method)
        u16(&out, m.modTime)
        u16(&out, m.modDate)
        u32(&out, m.crc32)
        u32(&out, UInt32(m.data.count))
        u32(&out, UInt32(m.uncompressedSize))
        u16(&out, UInt16(m.rawName.count))
    }

    private static func u16(_ out: inout [UInt8], _ v: UInt16) {
        out.append(UInt8(v & 0xFF))
        out.append(UInt8(v >> 8))
    }

    private static func u32(_ out: inout [UInt8], _ v: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((v >> UInt32(shift)) & 0xFF)) }
    }
}
