/// Rebuilds a TIFF-structured EXIF payload (from the TIFF header on) without the tags the plan
/// removes: a new, compact TIFF with IFD0, the Exif, Interoperability and GPS IFDs and IFD1, in
/// the original byte order, every offset recomputed. Rebuilding (rather than zeroing in place)
/// leaves no orphaned bytes behind: a removed value is not in the output at all.
///
/// The maker note is always left out: its inner offsets count from places a rebuild moves, and
/// it holds serials, face names and birthdays. Values are copied byte for byte, so what stays
/// reads exactly as before.
enum EXIFRebuilder {
    struct Entry {
        var tag: UInt16
        var type: UInt16
        var count: Int
        /// The 4-byte value field as stored (an inline value, or an offset).
        var field: [UInt8]
        /// The out-of-line value, when larger than 4 bytes.
        var value: Range<Int>?
    }

    struct Directory {
        var kind: EXIFDirectory
        var entries: [Entry] = []
        var thumbnail: Range<Int>?
        var hasStrips = false
    }

    static let maxEntries = 4096

    /// The rebuilt TIFF, or nil when nothing worth keeping remains (the caller drops the block).
    static func rebuild(_ tiff: [UInt8], plan: MediaStripPlan, container: String, log: inout CleanLog) -> [UInt8]? {
        guard let bigEndian = TIFFReader.byteOrder(of: tiff) else {
            log.remove(nil, container, "EXIF without a TIFF header (unreadable, removed whole)")
            return nil
        }
        let reader = TIFFReader(bytes: tiff, bigEndian: bigEndian)
        var dirs = read(reader)
        guard !dirs.isEmpty else {
            log.remove(nil, container, "EXIF without a readable IFD0 (removed whole)")
            return nil
        }
        let makerCategory = makerNoteCategory(plan)
        for d in dirs.indices {
            let kind = dirs[d].kind
            if kind == .ifd1, plan.removesPreviews || plan.mode == .all || dirs[d].hasStrips {
                let label = dirs[d].thumbnail.map { "IFD1:ThumbnailImage (\($0.count) bytes)" } ?? "IFD1 (thumbnail directory)"
                log.remove(plan.removesPreviews ? .embeddedPreview : nil, container, label)
                dirs[d].entries = []
                dirs[d].thumbnail = nil
                continue
            }
            if kind == .gps, plan.removes(.gpsLocation) {
                log.remove(.gpsLocation, container, dirs[d].entries.map { "GPS:" + name($0.tag, .gps) })
                dirs[d].entries = []
                continue
            }
            dirs[d].entries.removeAll { entry in
                let key = EXIFStripRules.TagKey(directory: kind, tag: entry.tag)
                let field = kind.rawValue + ":" + name(entry.tag, kind)
                if kind == .exif && entry.tag == EXIFStripRules.makerNote {
                    log.remove(makerCategory, container, "ExifIFD:MakerNote")
                    return true
                }
                if TIFFEntry.size(ofType: entry.type) == nil {
                    log.remove(nil, container, field + " (unknown type)")
                    return true
                }
                let flagged = plan.removal(group: kind.rawValue, name: name(entry.tag, kind))
                let tabled = EXIFStripRules.privacy[key]
                if plan.mode == .all {
                    guard !EXIFStripRules.display.contains(key) else { return false }
                    log.remove(flagged ?? tabled, container, field)
                    return true
                }
                if EXIFStripRules.comments.contains(key), plan.removesComments {
                    log.remove(flagged ?? .hiddenContent, container, field)
                    return true
                }
                if let category = flagged ?? tabled.flatMap({ plan.removes($0) ? $0 : nil }) {
                    log.remove(category, container, field)
                    return true
                }
                return false
            }
        }
        // Values may overlap in a hostile payload (thousands of entries naming the same bytes);
        // a rebuild copies each, so it is refused when it would outgrow what removal allows.
        let entryCount = dirs.reduce(0) { $0 + $1.entries.count }
        let copied = dirs.reduce(0) { total, dir in
            total + (dir.thumbnail?.count ?? 0) + dir.entries.reduce(0) { $0 + ($1.value?.count ?? 0) }
        }
        guard copied <= tiff.count + 4 * entryCount + 1024 else {
            log.remove(nil, container, "EXIF whose values overlap (removed whole)")
            return nil
        }
        if plan.mode == .all {
            let keepsSomething = dirs.contains { dir in
                dir.entries.contains { EXIFStripRules.essential.contains(EXIFStripRules.TagKey(directory: dir.kind, tag: $0.tag)) }
            }
            guard keepsSomething else { return nil }
        }
        return write(dirs, tiff: tiff, bigEndian: bigEndian)
    }

    static func name(_ tag: UInt16, _ kind: EXIFDirectory) -> String {
        EXIFTagNames.name(tag: tag, in: kind) ?? ("Exif_" + MetadataText.hex(tag))
    }

    /// The category a maker note goes under: the first flagged maker-note field's, if any.
    static func makerNoteCategory(_ plan: MediaStripPlan) -> Category? {
        let standard: Set<String> = ["IFD0", "IFD1", "ExifIFD", "GPS", "InteropIFD", "IPTC", "File", "Photoshop", "PNG",
                                     "Keys", "UserData", "ItemList", "QuickTime", "Track"]
        let categories = plan.flagged.filter { !standard.contains($0.key.group) && !$0.key.group.hasPrefix("XMP") }
            .flatMap(\.value)
        return categories.min()
    }

    // MARK: reading

    /// IFD0, ExifIFD, GPS, InteropIFD and IFD1, each read once; entries whose values fall
    /// outside the payload are left out (they could not be copied).
    static func read(_ r: TIFFReader) -> [Directory] {
        guard let first = r.u32(4) else { return [] }
        var dirs: [Directory] = []
        var visited: Set<Int> = []
        var queue: [(EXIFDirectory, Int)] = [(.ifd0, Int(first))]
        var index = 0
        while index < queue.count, dirs.count < 5 {
            let (kind, offset) = queue[index]
            index += 1
            guard offset >= 8, offset < r.bytes.count, visited.insert(offset).inserted,
                  !dirs.contains(where: { $0.kind == kind }),
                  let declared = r.u16(offset) else { continue }
            var dir = Directory(kind: kind)
            let count = min(Int(declared), (r.bytes.count - offset - 2) / 12, maxEntries)
            var thumbOffset: Int?, thumbLength: Int?
            for i in 0..<max(0, count) {
                let at = offset + 2 + 12 * i
                guard let tag = r.u16(at), let type = r.u16(at + 2), let rawCount = r.u32(at + 4) else { break }
                let field = Array(r.bytes[(at + 8)..<(at + 12)])
                let unit = TIFFEntry.size(ofType: type) ?? 1
                let total = UInt64(unit) * UInt64(rawCount)
                var value: Range<Int>?
                if total > 4 {
                    guard let valueOffset = r.u32(at + 8).map(Int.init), total <= UInt64(r.bytes.count),
                          valueOffset <= r.bytes.count - Int(total) else { continue }
                    value = valueOffset..<(valueOffset + Int(total))
                }
                switch (kind, tag) {
                case (.ifd0, 0x8769), (.ifd0, 0x8825), (.ifd0, 0xA005), (.exif, 0xA005):
                    let target = type == 3 || type == 8 ? r.u16(at + 8).map(Int.init) : r.u32(at + 8).map(Int.init)
                    if let target {
                        queue.append((tag == 0x8769 ? .exif : tag == 0x8825 ? .gps : .interop, target))
                    }
                    continue
                case (.ifd1, 0x0201):
                    thumbOffset = type == 3 ? r.u16(at + 8).map(Int.init) : r.u32(at + 8).map(Int.init)
                case (.ifd1, 0x0202):
                    thumbLength = type == 3 ? r.u16(at + 8).map(Int.init) : r.u32(at + 8).map(Int.init)
                case (.ifd1, 0x0111):
                    dir.hasStrips = true
                default:
                    break
                }
                dir.entries.append(Entry(tag: tag, type: type, count: Int(rawCount), field: field, value: value))
            }
            if kind == .ifd1, let o = thumbOffset, let n = thumbLength, n > 0, o > 0, o <= r.bytes.count - n {
                dir.thumbnail = o..<(o + n)
            } else if kind == .ifd1 {
                dir.entries.removeAll { $0.tag == 0x0201 || $0.tag == 0x0202 }
            }
            if kind == .ifd0, let next = r.u32(offset + 2 + 12 * Int(declared)), next != 0 {
                queue.append((.ifd1, Int(next)))
            }
            dirs.append(dir)
        }
        return dirs
    }

    // MARK: writing

    /// Lays the directories out in a fixed order, each table followed by its values.
    static func write(_ input: [Directory], tiff: [UInt8], bigEndian: Bool) -> [UInt8]? {
        func dir(_ kind: EXIFDirectory) -> Directory? {
            input.first { $0.kind == kind && !$0.entries.isEmpty }
        }
        var interop = dir(.interop)
        var exif = dir(.exif)
        if exif == nil, interop != nil { exif = Directory(kind: .exif) }  // Interop hangs off ExifIFD
        if exif == nil { interop = nil }
        let gps = dir(.gps)
        var ifd0 = input.first { $0.kind == .ifd0 } ?? Directory(kind: .ifd0)
        let ifd1 = dir(.ifd1)
        guard !ifd0.entries.isEmpty || exif != nil || gps != nil else { return nil }
        // Pointer entries get their offsets once the layout is known.
        var ordered: [Directory] = []
        ifd0.entries += [exif.map { _ in pointer(0x8769) }, gps.map { _ in pointer(0x8825) }].compactMap { $0 }
        ordered.append(ifd0)
        if var e = exif {
            if interop != nil { e.entries.append(pointer(0xA005)) }
            ordered.append(e)
        }
        if let i = interop { ordered.append(i) }
        if let g = gps { ordered.append(g) }
        if let t = ifd1 { ordered.append(t) }
        for k in ordered.indices { ordered[k].entries.sort { $0.tag < $1.tag } }

        // Offsets of each directory table.
        var starts: [EXIFDirectory: Int] = [:]
        var pos = 8
        for d in ordered {
            pos += pos & 1
            starts[d.kind] = pos
            pos += 2 + 12 * d.entries.count + 4
            for e in d.entries { if let v = e.value { pos += pos & 1; pos += v.count } }
            if let t = d.thumbnail { pos += pos & 1; pos += t.count }
        }
        guard pos <= Int(UInt32.max) else { return nil }

        var w = TIFFByteWriter(bigEndian: bigEndian)
        w.out.reserveCapacity(pos)
        w.out += bigEndian ? [0x4D, 0x4D, 0x00, 0x2A] : [0x49, 0x49, 0x2A, 0x00]
        w.u32(8)
        for d in ordered {
            w.align()
            // Values follow the table; their offsets are known once the table size is.
            var valuePos = w.out.count + 2 + 12 * d.entries.count + 4
            var fields: [[UInt8]] = []
            for e in d.entries {
                switch (d.kind, e.tag) {
                case (.ifd0, 0x8769): fields.append(w.bytes32(starts[.exif] ?? 0))
                case (.ifd0, 0x8825): fields.append(w.bytes32(starts[.gps] ?? 0))
                case (.exif, 0xA005): fields.append(w.bytes32(starts[.interop] ?? 0))
                default:
                    if let v = e.value {
                        valuePos += valuePos & 1
                        fields.append(w.bytes32(valuePos))
                        valuePos += v.count
                    } else {
                        fields.append(e.field)
                    }
                }
            }
            var thumbnailAt: Int?
            if d.thumbnail != nil {
                valuePos += valuePos & 1
                thumbnailAt = valuePos
            }
            w.u16(d.entries.count)
            for (k, e) in d.entries.enumerated() {
                w.u16(Int(e.tag))
                w.u16(Int(e.type))
                w.u32(e.count)
                if d.kind == .ifd1, e.tag == 0x0201, let at = thumbnailAt {
                    w.out += e.type == 3 ? w.bytes16(at) + [0, 0] : w.bytes32(at)
                } else {
                    w.out += fields[k]
                }
            }
            w.u32(0)  // next IFD: IFD1 is linked below
            if d.kind == .ifd0, ifd1 != nil {
                w.patch32(at: w.out.count - 4, starts[.ifd1] ?? 0)
            }
            for e in d.entries {
                guard let v = e.value, !(d.kind == .exif && e.tag == 0xA005) else { continue }
                w.align()
                w.out += tiff[v]
            }
            if let t = d.thumbnail {
                w.align()
                w.out += tiff[t]
            }
        }
        return w.out
    }

    static func pointer(_ tag: UInt16) -> Entry {
        Entry(tag: tag, type: 4, count: 1, field: [0, 0, 0, 0], value: nil)
    }
}

/// Appends TIFF integers in one byte order.
struct TIFFByteWriter {
    let bigEndian: Bool
    var out: [UInt8] = []

    init(bigEndian: Bool) { self.bigEndian = bigEndian }

    func bytes16(_ v: Int) -> [UInt8] {
        let b = [UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)]
        return bigEndian ? b : b.reversed()
    }

    func bytes32(_ v: Int) -> [UInt8] {
        let b = [UInt8(truncatingIfNeeded: v >> 24), UInt8(truncatingIfNeeded: v >> 16),
                 UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)]
        return bigEndian ? b : b.reversed()
    }

    mutating func u16(_ v: Int) { out += bytes16(v) }
    mutating func u32(_ v: Int) { out += bytes32(v) }
    mutating func align() { if out.count & 1 == 1 { out.append(0) } }

    mutating func patch32(at i: Int, _ v: Int) {
        guard i >= 0, i + 4 <= out.count else { return }
        out.replaceSubrange(i..<(i + 4), with: bytes32(v))
    }
}
