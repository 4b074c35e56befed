/// Little-endian reads from bytes already bounds-checked by the caller's `guard`.
enum ZipLE {
    static func u16(_ b: [UInt8], _ at: Int) -> Int {
        guard at >= 0, at + 2 <= b.count else { return 0 }
        return Int(b[at]) | Int(b[at + 1]) << 8
    }

    static func u32(_ b: [UInt8], _ at: Int) -> Int {
        guard at >= 0, at + 4 <= b.count else { return 0 }
        return Int(b[at]) | Int(b[at + 1]) << 8 | Int(b[at + 2]) << 16 | Int(b[at + 3]) << 24
    }

    /// A 64-bit field; values that do not fit a non-negative Int (no real file has them) are nil.
    static func u64(_ b: [UInt8], _ at: Int) -> Int? {
        guard at >= 0, at + 8 <= b.count else { return nil }
        let low = UInt64(u32(b, at)), high = UInt64(u32(b, at + 4))
        let value = high << 32 | low
        return value <= UInt64(Int.max >> 1) ? Int(value) : nil
    }

    static func hasSignature(_ b: [UInt8], _ at: Int, _ s2: UInt8, _ s3: UInt8) -> Bool {
        at >= 0 && at + 4 <= b.count && b[at] == 0x50 && b[at + 1] == 0x4B && b[at + 2] == s2 && b[at + 3] == s3
    }

    static let maxU32 = 0xFFFF_FFFF
}

/// Finds and parses the central directory: the end record (with a comment of up to 64 KB after
/// it), the ZIP64 locator and record, then every central entry. Data prepended to the archive
/// (self-extractors, a ZIP glued to a JPEG) shifts all offsets; the shift is found from where the
/// directory really ends, as Info-ZIP does.
enum ZipCentralDirectory {
    /// The central directory of one archive, not yet parsed into entries.
    struct Location {
        /// Absolute file offset of the first central entry.
        var offset: Int
        var size: Int
        var declaredCount: Int
        /// Added to every offset the archive stores (bytes before the archive).
        var shift: Int
        var comment: String
        var notes: [String] = []
    }

    static let maxDirectoryBytes = 64 << 20
    static let endRecordSize = 22

    static func malformed(_ message: String) -> ScanError {
        ScanError(code: "malformed", message: "ZIP: " + message)
    }

    /// nil when the file has no end-of-central-directory record (truncated, or not a ZIP).
    static func locate(in source: some ByteSource, limits: ArchiveLimits) throws(ScanError) -> Location? {
        let size = source.size
        guard size >= endRecordSize else { return nil }
        let tailStart = max(0, size - (endRecordSize + 0xFFFF))
        let tail = try source.read(at: tailStart, count: size - tailStart)
        guard let end = endRecord(in: tail) else { return nil }
        let eocd = tailStart + end
        let disk = ZipLE.u16(tail, end + 4), cdDisk = ZipLE.u16(tail, end + 6)
        var count = ZipLE.u16(tail, end + 10)
        var cdSize = ZipLE.u32(tail, end + 12)
        var cdOffset = ZipLE.u32(tail, end + 16)
        let commentLength = ZipLE.u16(tail, end + 20)
        let commentEnd = min(tail.count, end + endRecordSize + commentLength)
        let comment = ZipNameDecoder.decode(tail[(end + endRecordSize)..<commentEnd], utf8Flag: false)
        var notes: [String] = []
        // Where the directory must end: at the ZIP64 record if there is one, else at the end record.
        var directoryEnd = eocd
        if let zip64 = try zip64Record(source, eocd: eocd) {
            count = zip64.count
            cdSize = zip64.size
            cdOffset = zip64.offset
            directoryEnd = zip64.recordOffset
        } else if disk != 0 || cdDisk != 0 {
            throw ScanError(code: "unsupported-format", message: "ZIP: multi-volume (split) archives are not supported")
        }
        guard count <= limits.maxMembers else {
            throw ScanError(code: "limit-exceeded",
                            message: "ZIP: \(count) members, more than the limit of \(limits.maxMembers)")
        }
        guard cdSize <= maxDirectoryBytes else {
            throw ScanError(code: "limit-exceeded", message: "ZIP: central directory of \(cdSize) bytes is over the 64 MB limit")
        }
        // Prepended data: the directory really starts `cdSize` bytes before its end.
        var shift = 0
        let actual = directoryEnd - cdSize
        if actual != cdOffset {
            let atDeclared = try cdOffset + 4 <= size ? source.read(at: cdOffset, count: 4) : []
            if !ZipLE.hasSignature(atDeclared, 0, 1, 2) {
                // Only data *before* the archive moves it later in the file; a directory that
                // would sit earlier than declared means the offset itself is wrong.
                let atActual = try actual > cdOffset ? source.read(at: actual, count: 4) : []
                guard actual > cdOffset, count == 0 || ZipLE.hasSignature(atActual, 0, 1, 2) else {
                    throw malformed("the central directory offset (\(cdOffset)) points outside the archive")
                }
                shift = actual - cdOffset
                notes.append("ZIP: \(shift) bytes of other data before the archive (self-extractor or a file glued to a ZIP)")
            }
        }
        guard cdOffset + shift >= 0, cdOffset + shift + cdSize <= size else {
            throw malformed("the central directory (\(cdSize) bytes at \(cdOffset)) runs past the end of the file")
        }
        return Location(offset: cdOffset + shift, size: cdSize, declaredCount: count, shift: shift,
                        comment: comment, notes: notes)
    }

    /// The end record's position in `tail`: the one whose comment ends exactly at the end of the
    /// file, else the last one whose comment fits (junk after the archive). Searching from the
    /// end alone could pick a fake record planted inside the comment.
    private static func endRecord(in tail: [UInt8]) -> Int? {
        var candidates: [Int] = []
        var i = tail.count - endRecordSize
        while i >= 0 {
            if ZipLE.hasSignature(tail, i, 5, 6) {
                let commentLength = ZipLE.u16(tail, i + 20)
                if i + endRecordSize + commentLength == tail.count { return i }
                if i + endRecordSize + commentLength <= tail.count { candidates.append(i) }
            }
            i -= 1
        }
        return candidates.first
    }

    private static func zip64Record(_ source: some ByteSource, eocd: Int) throws(ScanError)
        -> (count: Int, size: Int, offset: Int, recordOffset: Int)? {
        guard eocd >= 20 else { return nil }
        let locator = try source.read(at: eocd - 20, count: 20)
        guard ZipLE.hasSignature(locator, 0, 6, 7) else { return nil }
        // The record normally sits right before the locator; its stored offset may be shifted.
        var candidates: [Int] = [eocd - 20 - 56]
        if let stored = ZipLE.u64(locator, 8), stored != eocd - 76 { candidates.append(stored) }
        for offset in candidates where offset >= 0 {
            let record = try source.read(at: offset, count: 56)
            guard record.count == 56, ZipLE.hasSignature(record, 0, 6, 6) else { continue }
            guard let count = ZipLE.u64(record, 32), let size = ZipLE.u64(record, 40),
                  let cdOffset = ZipLE.u64(record, 48) else {
                throw malformed("ZIP64 end record holds impossible sizes")
            }
            if ZipLE.u32(record, 16) != 0 || ZipLE.u32(record, 20) != 0 {
                throw ScanError(code: "unsupported-format", message: "ZIP: multi-volume (split) archives are not supported")
            }
            return (count, size, cdOffset, offset)
        }
        throw malformed("ZIP64 end record not found where its locator points")
    }

    /// Parses the central entries. Stops at the directory's end (not at the declared count, which
    /// a hostile file can set low to hide members from tools that trust it).
    static func entries(in source: some ByteSource, at location: Location, limits: ArchiveLimits,
                        notes: inout [String]) throws(ScanError) -> [ZipEntry] {
        let directory = try source.read(at: location.offset, count: location.size)
        guard directory.count == location.size else { throw malformed("central directory cut off") }
        var entries: [ZipEntry] = []
        entries.reserveCapacity(min(location.declaredCount, limits.maxMembers))
        var p = 0
        while p + 46 <= directory.count {
            guard ZipLE.hasSignature(directory, p, 1, 2) else {
                if ZipLE.hasSignature(directory, p, 5, 5) { break }  // digital signature record
                throw malformed("central entry \(entries.count + 1) has a bad signature")
            }
            guard entries.count < limits.maxMembers else {
                throw ScanError(code: "limit-exceeded",
                                message: "ZIP: more than \(limits.maxMembers) members in the central directory")
            }
            let nameLength = ZipLE.u16(directory, p + 28)
            let extraLength = ZipLE.u16(directory, p + 30)
            let commentLength = ZipLE.u16(directory, p + 32)
            let next = p + 46 + nameLength + extraLength + commentLength
            guard next <= directory.count else { throw malformed("central entry \(entries.count + 1) is cut off") }
            let nameRange = (p + 46)..<(p + 46 + nameLength)
            let extraRange = nameRange.upperBound..<(nameRange.upperBound + extraLength)
            let commentRange = extraRange.upperBound..<next
            var entry = centralEntry(directory, at: p, index: entries.count, nameRange: nameRange,
                                     extraRange: extraRange, commentRange: commentRange)
            entry.localHeaderOffset += location.shift
            entries.append(entry)
            p = next
        }
        if entries.count != location.declaredCount {
            notes.append("ZIP: the end record counts \(location.declaredCount) members, the central directory holds \(entries.count)")
        }
        markOverlaps(&entries)
        return entries
    }

    private static func centralEntry(_ d: [UInt8], at p: Int, index: Int, nameRange: Range<Int>,
                                     extraRange: Range<Int>, commentRange: Range<Int>) -> ZipEntry {
        let flags = UInt16(ZipLE.u16(d, p + 8))
        let rawName = Array(d[nameRange])
        var name = ZipNameDecoder.decode(d[nameRange], utf8Flag: flags & 0x0800 != 0)
        var compressed = ZipLE.u32(d, p + 20)
        var uncompressed = ZipLE.u32(d, p + 24)
        var offset = ZipLE.u32(d, p + 42)
        var defect: String?
        let needs64 = compressed == ZipLE.maxU32 || uncompressed == ZipLE.maxU32 || offset == ZipLE.maxU32
        var found64 = false
        var q = extraRange.lowerBound
        while q + 4 <= extraRange.upperBound {
            let id = ZipLE.u16(d, q), length = ZipLE.u16(d, q + 2)
            let body = (q + 4)..<min(q + 4 + length, extraRange.upperBound)
            if id == 0x0001 {
                // ZIP64: only the fields that are 0xFFFFFFFF in the entry, in this order.
                found64 = true
                var r = body.lowerBound
                func next64() -> Int? {
                    guard r + 8 <= body.upperBound, let v = ZipLE.u64(d, r) else { return nil }
                    r += 8
                    return v
                }
                if uncompressed == ZipLE.maxU32 { if let v = next64() { uncompressed = v } else { defect = "ZIP64 sizes missing" } }
                if compressed == ZipLE.maxU32 { if let v = next64() { compressed = v } else { defect = "ZIP64 sizes missing" } }
                if offset == ZipLE.maxU32 { if let v = next64() { offset = v } else { defect = "ZIP64 offset missing" } }
            } else if id == 0x7075, body.count > 5, d[body.lowerBound] == 1 {
                // Info-ZIP Unicode Path: valid only while its CRC matches the stored name.
                let crc = UInt32(ZipLE.u32(d, body.lowerBound + 1))
                if crc == ZipCRC.crc32(rawName), let unicode = String(validating: d[(body.lowerBound + 5)..<body.upperBound], as: UTF8.self) {
                    name = ZipNameDecoder.sanitized(unicode)
                }
            }
            q += 4 + length
        }
        if needs64 && !found64 && defect == nil { defect = "ZIP64 extra field missing" }
        let isDirectory = (rawName.last == 0x2F || rawName.last == 0x5C) && uncompressed == 0
        var entry = ZipEntry(
            name: name, rawName: rawName,
            method: UInt16(ZipLE.u16(d, p + 10)), flags: flags, crc32: UInt32(ZipLE.u32(d, p + 16)),
            compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: offset,
            isDirectory: isDirectory,
            comment: commentRange.isEmpty ? "" : ZipNameDecoder.decode(d[commentRange], utf8Flag: flags & 0x0800 != 0),
            index: index)
        entry.defect = defect.map { ScanError(code: "malformed", message: "ZIP: " + $0) }
        return entry
    }

    /// Members whose local header lies inside another member's data: the overlapping-file zip
    /// bomb (many entries sharing one compressed kernel). The first member in file order is
    /// read; the ones inside it are not. A member spans at least its 30-byte header and its
    /// compressed data (names and extra fields only add to that), so the range used here never
    /// over-estimates a legitimate member and real archives never trip it.
    static func markOverlaps(_ entries: inout [ZipEntry]) {
        let order = entries.indices.filter { !entries[$0].isDirectory && entries[$0].defect == nil }
            .sorted { entries[$0].localHeaderOffset < entries[$1].localHeaderOffset }
        var reach = -1
        var owner = -1
        for k in order {
            let start = entries[k].localHeaderOffset
            let end = start + 30 + max(0, entries[k].compressedSize)
            if start < reach, owner >= 0 {
                entries[k].defect = ScanError(
                    code: "suspected-zip-bomb",
                    message: "suspected zip bomb: member data overlaps “\(entries[owner].name)”")
            } else if end > reach {
                reach = end
                owner = k
            }
        }
    }
}
