/// Recovers the members of an archive whose central directory is gone (a download cut off,
/// a damaged disk) by walking the local headers from the start, as `zip -FF` does. What a
/// lenient extractor would still show the recipient is what we scan.
enum ZipLocalHeaderWalk {
    static func entries(in source: some ByteSource, limits: ArchiveLimits,
                        notes: inout [String]) throws(ScanError) -> [ZipEntry] {
        let head = try source.read(at: 0, count: 4)
        guard ZipLE.hasSignature(head, 0, 3, 4) else {
            throw ScanError(code: "malformed", message: "ZIP: no end of central directory record (not a ZIP archive, or damaged)")
        }
        var entries: [ZipEntry] = []
        var offset = 0
        var stopReason = "the archive ends"
        var measuredTotal = 0
        while offset + 30 <= source.size {
            let header = try source.read(at: offset, count: 30)
            guard ZipLE.hasSignature(header, 0, 3, 4) else {
                stopReason = ZipLE.hasSignature(header, 0, 1, 2) ? "the central directory starts (but its end is missing)" : "no further local header"
                break
            }
            guard entries.count < limits.maxMembers else {
                throw ScanError(code: "limit-exceeded", message: "ZIP: more than \(limits.maxMembers) members")
            }
            let flags = UInt16(ZipLE.u16(header, 6))
            let nameLength = ZipLE.u16(header, 26), extraLength = ZipLE.u16(header, 28)
            let rest = try source.read(at: offset + 30, count: nameLength + extraLength)
            let rawName = Array(rest.prefix(nameLength))
            var compressed = ZipLE.u32(header, 18)
            var uncompressed = ZipLE.u32(header, 22)
            if rest.count == nameLength + extraLength {
                readZip64Sizes(rest, from: nameLength, &compressed, &uncompressed)
            }
            var entry = ZipEntry(
                name: ZipNameDecoder.decode(rawName[...], utf8Flag: flags & 0x0800 != 0), rawName: rawName,
                method: UInt16(ZipLE.u16(header, 8)), flags: flags, crc32: UInt32(ZipLE.u32(header, 14)),
                compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: offset,
                isDirectory: (rawName.last == 0x2F || rawName.last == 0x5C) && uncompressed == 0,
                comment: "", index: entries.count)
            let dataStart = offset + 30 + nameLength + extraLength
            guard rest.count == nameLength + extraLength else {
                entry.defect = truncated(entry.name)
                entries.append(entry)
                stopReason = "a header is cut off"
                break
            }
            if entry.hasDataDescriptor {
                // Sizes follow the data. A deflate stream ends by itself, so expanding it
                // (output discarded) finds its length; a stored one cannot be delimited.
                guard entry.method == ZipEntry.deflated, !entry.isEncrypted else {
                    entry.defect = ScanError(code: "malformed",
                                             message: "ZIP: “\(entry.name)” has no size in its header and the central directory is missing")
                    entries.append(entry)
                    stopReason = "a member of unknown size"
                    break
                }
                // Measuring costs inflation work that no budget sees yet: bound it per member
                // (ratio, member limit) and for the whole walk (the total expansion limit).
                let cap = min(limits.maxMemberBytes, limits.maxTotalExpandedBytes - measuredTotal)
                guard cap > 0 else {
                    entry.defect = ScanError(code: "limit-exceeded", message: "ZIP: damaged archive expands past the total limit while being recovered")
                    entries.append(entry)
                    stopReason = "the recovery work limit"
                    break
                }
                do {
                    let measured = try ZipMemberInflater.measure(source, offset: dataStart, available: source.size - dataStart,
                                                                 cap: cap, ratio: limits.maxExpansionRatio, name: entry.name)
                    measuredTotal += measured.expandedSize
                    entry.compressedSize = measured.compressedSize
                    entry.uncompressedSize = measured.expandedSize
                    let descriptor = try source.read(at: dataStart + measured.compressedSize, count: 16)
                    let base = ZipLE.hasSignature(descriptor, 0, 7, 8) ? 4 : 0
                    if descriptor.count >= base + 4 { entry.crc32 = UInt32(ZipLE.u32(descriptor, base)) }
                    // The descriptor holds 32-bit or (ZIP64) 64-bit sizes; find the next header after either.
                    let short = dataStart + measured.compressedSize + base + 12
                    let long = dataStart + measured.compressedSize + base + 20
                    let probe = try source.read(at: short, count: 4)
                    offset = ZipLE.hasSignature(probe, 0, 3, 4) || ZipLE.hasSignature(probe, 0, 1, 2) ? short : long
                    entries.append(entry)
                    continue
                } catch {
                    entry.defect = error
                    entries.append(entry)
                    stopReason = "a member is cut off"
                    break
                }
            }
            guard compressed >= 0, dataStart + compressed <= source.size else {
                entry.defect = truncated(entry.name)
                entries.append(entry)
                stopReason = "a member is cut off"
                break
            }
            entries.append(entry)
            offset = dataStart + compressed
        }
        notes.append("ZIP: the central directory is missing (file cut off or damaged); \(entries.count) member(s) found by walking the local headers until \(stopReason)")
        return entries
    }

    private static func truncated(_ name: String) -> ScanError {
        ScanError(code: "malformed", message: "ZIP: “\(name)” is cut off (truncated archive)")
    }

    /// A local ZIP64 extra field holds both sizes (uncompressed first) when either is 0xFFFFFFFF.
    private static func readZip64Sizes(_ rest: [UInt8], from start: Int, _ compressed: inout Int, _ uncompressed: inout Int) {
        guard compressed == ZipLE.maxU32 || uncompressed == ZipLE.maxU32 else { return }
        var q = start
        while q + 4 <= rest.count {
            let id = ZipLE.u16(rest, q), length = ZipLE.u16(rest, q + 2)
            if id == 0x0001, length >= 16, let u = ZipLE.u64(rest, q + 4), let c = ZipLE.u64(rest, q + 12) {
                uncompressed = u
                compressed = c
                return
            }
            q += 4 + length
        }
    }
}
