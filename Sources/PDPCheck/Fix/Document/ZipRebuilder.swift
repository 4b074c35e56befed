/// Rebuilds a ZIP archive member by member, in the original order: a member the caller
/// changes is written anew (same compression method as before), every other member is copied
/// exactly as it was stored, compressed bytes and CRC included. Names, times and comments
/// are kept (comments as the caller gives them back).
enum ZipRebuilder {
    /// What the caller does with one member: nil keeps it as stored.
    typealias Transform = (_ entry: ZipEntry, _ contents: () throws(ScanError) -> [UInt8]) throws(ScanError) -> [UInt8]?

    /// - Throws: `malformed` when a member cannot be located (a damaged or recovered archive),
    ///   `too-large` past what a ZIP without ZIP64 holds, and whatever `transform` throws.
    static func rebuild(_ archive: ZipArchive, limits: ArchiveLimits, budget: ExpansionBudget, archiveComment: String,
                        memberComment: (ZipEntry) -> String, transform: Transform) throws(ScanError) -> [UInt8] {
        if archive.isRecovered {
            throw ScanError(code: "malformed", message: "ZIP without a usable central directory: not rebuilt")
        }
        var writer = ZipArchiveWriter()
        for entry in archive.entries {
            if let defect = entry.defect {
                throw ScanError(code: defect.code, message: "“\(entry.name)” cannot be read (\(defect.message)): not rebuilt")
            }
            let header = try localHeader(archive, entry)
            let comment = Array(memberComment(entry).utf8)
            let attributes: UInt32 = entry.isDirectory ? 0x10 : 0
            var changed: [UInt8]?
            if !entry.isDirectory, !entry.isEncrypted, entry.method == ZipEntry.stored || entry.method == ZipEntry.deflated {
                changed = try transform(entry) { () throws(ScanError) -> [UInt8] in
                    try archive.contents(of: entry, limits: limits, budget: budget)
                }
            }
            if let changed {
                try writer.add(rawName: entry.rawName, content: changed, method: entry.method, flags: entry.flags,
                               modTime: header.modTime, modDate: header.modDate, comment: comment, externalAttributes: attributes)
            } else {
                guard entry.compressedSize >= 0, header.dataStart + entry.compressedSize <= archive.source.size else {
                    throw ScanError(code: "malformed", message: "ZIP: data of “\(entry.name)” runs past the end of the file")
                }
                let data = try archive.source.read(at: header.dataStart, count: entry.compressedSize)
                guard data.count == entry.compressedSize else {
                    throw ScanError(code: "malformed", message: "ZIP: data of “\(entry.name)” cut off")
                }
                try writer.addRaw(ZipArchiveWriter.Member(
                    rawName: entry.rawName, flags: ZipArchiveWriter.keptFlags(entry.flags, copyingRaw: true), method: entry.method,
                    versionNeeded: max(header.versionNeeded, 10) > 45 ? 20 : max(header.versionNeeded, 10),
                    modTime: header.modTime, modDate: header.modDate, crc32: entry.crc32,
                    uncompressedSize: entry.uncompressedSize, data: data, comment: comment, externalAttributes: attributes))
            }
        }
        return try writer.finish(comment: Array(archiveComment.utf8))
    }

    struct LocalHeader {
        var versionNeeded: UInt16
        var modTime: UInt16
        var modDate: UInt16
        var dataStart: Int
    }

    static func localHeader(_ archive: ZipArchive, _ entry: ZipEntry) throws(ScanError) -> LocalHeader {
        let offset = entry.localHeaderOffset
        guard offset >= 0, offset + 30 <= archive.source.size else {
            throw ScanError(code: "malformed", message: "ZIP: local header of “\(entry.name)” is outside the file")
        }
        let h = try archive.source.read(at: offset, count: 30)
        guard h.count == 30, h[0] == 0x50, h[1] == 0x4B, h[2] == 0x03, h[3] == 0x04 else {
            throw ScanError(code: "malformed", message: "ZIP: no local header where the directory puts “\(entry.name)”")
        }
        func u16(_ i: Int) -> UInt16 { UInt16(h[i]) | UInt16(h[i + 1]) << 8 }
        return LocalHeader(versionNeeded: u16(4), modTime: u16(10), modDate: u16(12),
                           dataStart: offset + 30 + Int(u16(26)) + Int(u16(28)))
    }
}
