/// Cleans a TIFF (or a TIFF-based raw such as DNG) in place: the file keeps its size and every
/// strip, tile and kept value stays at its offset. A removed entry is taken out of its IFD
/// (the table is rewritten in its own space, the freed entries zeroed) and its value zeroed;
/// removing the GPS or Exif pointer zeroes that whole directory. XMP (700), IPTC (33723) and
/// Photoshop resources (34377) are cleaned where they are, their counts shortened and the
/// bytes freed zeroed.
enum TIFFMetadataNeutralizer {
    /// What `.all` keeps in an image IFD: the tags a reader needs to decode and show the image.
    static let displayTags: Set<UInt16> = [
        254, 255, 256, 257, 258, 259, 262, 263, 264, 265, 266, 273, 274, 277, 278, 279, 280, 281, 282, 283, 284,
        290, 291, 296, 301, 317, 318, 319, 320, 321, 322, 323, 324, 325, 330, 332, 333, 334, 336, 338, 339, 340,
        341, 342, 347, 512, 513, 514, 515, 517, 518, 519, 520, 521, 529, 530, 531, 532, 34675, 33421, 33422, 33423,
        37399,
    ]
    /// DNG tags are rendering data, except these, which identify the camera or the original file.
    static let dngPersonal: Set<UInt16> = [50735, 50740, 50741, 50781, 50827, 50828]

    static func keptInAll(_ tag: UInt16) -> Bool {
        displayTags.contains(tag) || ((50706...51125).contains(tag) && !dngPersonal.contains(tag))
    }

    static func clean(_ input: [UInt8], plan: MediaStripPlan, log: inout CleanLog) throws(ScanError) -> [UInt8] {
        let layout = try TIFFLayout.parse(input)
        var b = input
        let w = TIFFByteWriter(bigEndian: layout.bigEndian)
        var zeroed: [Range<Int>] = []
        var droppedDirectories: Set<TIFFLayout.Kind> = []

        // Strips, tiles, kept tables and kept values are never zeroed, even when a removed
        // value shares their bytes.
        var keptValues: [Range<Int>] = layout.imageData

        for ifd in layout.ifds {
            let container = "TIFF " + (ifd.kind.group ?? "SubIFD")
            if droppedDirectories.contains(ifd.kind) || (ifd.kind == .gps && plan.removes(.gpsLocation)) {
                if !droppedDirectories.contains(ifd.kind) {
                    // The pointer to it is removed below; zero the directory and its values.
                    droppedDirectories.insert(ifd.kind)
                }
                log.remove(ifd.kind == .gps ? .gpsLocation : nil, container,
                           ifd.entries.map { (ifd.kind.group ?? "TIFF") + ":" + EXIFRebuilder.name($0.tag, ifd.kind.directory) })
                zeroed.append(ifd.offset..<ifd.tableEnd)
                for e in ifd.entries where !e.isInline { zeroed.append(e.value) }
                continue
            }
            var kept: [(entry: TIFFLayout.Entry, field: [UInt8], count: Int)] = []
            for e in ifd.entries {
                let field = Array(b[(e.at + 8)..<(e.at + 12)])
                switch decide(e, in: ifd, plan: plan, layout: layout) {
                case .keep:
                    kept.append((e, field, e.count))
                    if !e.isInline { keptValues.append(e.value) }
                case .remove(let category, let label):
                    log.remove(category, container, label)
                    if !e.isInline { zeroed.append(e.value) }
                    if e.tag == 34853 { droppedDirectories.insert(.gps) }
                    if e.tag == 34665 { droppedDirectories.insert(.exif); droppedDirectories.insert(.interop) }
                case .rewrite:
                    guard let bytes = rewritten(e, b, plan: plan, container: container, log: &log) else {
                        if !e.isInline { zeroed.append(e.value) }
                        continue
                    }
                    if bytes == Array(b[e.value]) {
                        kept.append((e, field, e.count))
                        if !e.isInline { keptValues.append(e.value) }
                        continue
                    }
                    var value = bytes
                    let unit = e.type == 4 ? 4 : 1
                    while value.count % unit != 0 { value.append(0) }
                    guard !e.isInline, value.count <= e.value.count else {
                        kept.append((e, field, e.count))
                        if !e.isInline { keptValues.append(e.value) }
                        continue
                    }
                    b.replaceSubrange(e.value.lowerBound..<(e.value.lowerBound + value.count), with: value)
                    keptValues.append(e.value.lowerBound..<(e.value.lowerBound + value.count))
                    zeroed.append((e.value.lowerBound + value.count)..<e.value.upperBound)
                    kept.append((e, field, value.count / unit))
                }
            }
            keptValues.append(ifd.offset..<(ifd.offset + 2 + 12 * kept.count + 4))
            guard kept.count < ifd.entries.count || kept.contains(where: { $0.count != $0.entry.count }) else { continue }
            // Rewrite the table in its own space: count, kept entries, next pointer, zeros.
            var table = w.bytes16(kept.count)
            for k in kept {
                table += w.bytes16(Int(k.entry.tag)) + w.bytes16(Int(k.entry.type)) + w.bytes32(k.count) + k.field
            }
            table += w.bytes32(ifd.next)
            table += [UInt8](repeating: 0, count: ifd.tableEnd - ifd.offset - table.count)
            b.replaceSubrange(ifd.offset..<ifd.tableEnd, with: table)
        }
        for range in zeroed {
            for part in subtract(range, keptValues) {
                b.replaceSubrange(part, with: repeatElement(0, count: part.count))
            }
        }
        return b
    }

    enum Decision {
        case keep
        case remove(Category?, String)
        /// XMP, IPTC, Photoshop resources: cleaned where they are.
        case rewrite
    }

    static func decide(_ e: TIFFLayout.Entry, in ifd: TIFFLayout.IFD, plan: MediaStripPlan, layout: TIFFLayout) -> Decision {
        let directory = ifd.kind.directory
        let name = EXIFRebuilder.name(e.tag, directory)
        let label = (ifd.kind.group ?? "SubIFD") + ":" + name
        let flagged = ifd.kind.group.flatMap { plan.removal(group: $0, name: name) }
        let tabled = EXIFStripRules.privacy[EXIFStripRules.TagKey(directory: directory, tag: e.tag)]
        if case .image = ifd.kind {
            if e.tag == 700 || e.tag == 33723 || e.tag == 34377 {
                return plan.mode == .all ? .remove(nil, label) : .rewrite
            }
            if plan.mode == .all {
                return keptInAll(e.tag) ? .keep : .remove(flagged ?? tabled, label)
            }
            if e.tag == 34853, plan.removes(.gpsLocation) { return .remove(.gpsLocation, "GPS IFD pointer") }
            if [50740, 50741].contains(e.tag) { return .remove(nil, label + " (maker note copy)") }
        } else {
            if plan.mode == .all, !(ifd.kind == .interop) { return .remove(flagged ?? tabled, label) }
            if ifd.kind == .exif, e.tag == EXIFStripRules.makerNote {
                return .remove(EXIFRebuilder.makerNoteCategory(plan), label)
            }
        }
        if EXIFStripRules.comments.contains(EXIFStripRules.TagKey(directory: directory, tag: e.tag)), plan.removesComments {
            return .remove(flagged ?? .hiddenContent, label)
        }
        if let category = flagged ?? tabled.flatMap({ plan.removes($0) ? $0 : nil }) {
            return .remove(category, label)
        }
        return .keep
    }

    static func rewritten(_ e: TIFFLayout.Entry, _ b: [UInt8], plan: MediaStripPlan, container: String,
                          log: inout CleanLog) -> [UInt8]? {
        let value = Array(b[e.value])
        switch e.tag {
        case 700:
            switch XMPCleaner.clean(value, plan: plan, container: container + " XMP", log: &log) {
            case .unchanged: return value
            case .rewritten(let packet): return packet
            case .drop: return nil
            }
        case 33723:
            return IPTCCleaner.clean(value, plan: plan, container: container + " IPTC", log: &log)
        default:
            return PhotoshopIRBCleaner.clean(value, plan: plan, container: container + " Photoshop", log: &log)
        }
    }

    /// `range` without the parts any of `kept` covers.
    static func subtract(_ range: Range<Int>, _ kept: [Range<Int>]) -> [Range<Int>] {
        var parts = [range]
        for k in kept where k.overlaps(range) {
            parts = parts.flatMap { p -> [Range<Int>] in
                guard p.overlaps(k) else { return [p] }
                var out: [Range<Int>] = []
                if p.lowerBound < k.lowerBound { out.append(p.lowerBound..<k.lowerBound) }
                if k.upperBound < p.upperBound { out.append(k.upperBound..<p.upperBound) }
                return out
            }
        }
        return parts
    }
}
