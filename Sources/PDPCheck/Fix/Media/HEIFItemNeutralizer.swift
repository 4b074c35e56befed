/// HEIF / AVIF metadata items cleaned over their own bytes: `iloc` is never touched, so every
/// item keeps its offset and length. The Exif item keeps its 4-byte TIFF-offset prefix (and
/// `Exif\0\0` when present); the rebuilt TIFF follows and the remaining bytes are zeroed. An
/// Exif item with nothing left to keep gets an empty TIFF (header and an IFD0 without entries),
/// so readers still find a valid structure.
enum HEIFItemNeutralizer {
    /// The file ranges of an item, for construction methods 0 (file) and 1 (`idat`).
    static func ranges(_ location: HEIFItemReader.Location, idat: Range<Int>?, fileSize: Int) -> [Range<Int>]? {
        let space: Range<Int>
        switch location.constructionMethod {
        case 0: space = 0..<fileSize
        case 1:
            guard let idat else { return nil }
            space = idat
        default: return nil
        }
        var out: [Range<Int>] = []
        for extent in location.extents {
            let (base, o1) = space.lowerBound.addingReportingOverflow(location.baseOffset)
            let (from, o2) = base.addingReportingOverflow(extent.offset)
            guard !o1, !o2, from >= space.lowerBound, from <= space.upperBound else { return nil }
            let length = extent.length == 0 ? space.upperBound - from : extent.length
            guard length >= 0, length <= space.upperBound - from else { return nil }
            out.append(from..<(from + length))
        }
        return out
    }

    static func clean(_ job: inout ISOBMFFMetadataNeutralizer.Job, iinf: BoxHeader, iloc: BoxHeader, idat: Range<Int>?,
                      container: String) throws(ScanError) {
        let items = try HEIFItemReader.readItemInfo(job.session, iinf)
        let locations = try HEIFItemReader.readLocations(job.session, iloc)
        for item in items {
            let isExif = item.type == HEIFItemReader.exif
            let isXMP = (item.type == HEIFItemReader.mime || item.type == nil) && item.contentType == "application/rdf+xml"
            guard isExif || isXMP, let location = locations[item.id] else { continue }
            guard let ranges = ranges(location, idat: idat, fileSize: job.out.count) else {
                job.log.note("\(container): metadata item \(item.id) is stored by reference and was not cleaned")
                continue
            }
            var bytes: [UInt8] = []
            for r in ranges { bytes += job.out[r] }
            let label = isExif ? "HEIF Exif item" : "HEIF XMP item"
            let cleaned: [UInt8]
            if isExif {
                cleaned = cleanExif(bytes, plan: job.plan, container: label, log: &job.log)
            } else {
                cleaned = XMPCleaner.inPlace(bytes, length: bytes.count, plan: job.plan, container: label, log: &job.log)
                    ?? [UInt8](repeating: 0, count: bytes.count)
            }
            guard cleaned != bytes, cleaned.count == bytes.count else { continue }
            var at = 0
            for r in ranges {
                job.out.replaceSubrange(r, with: cleaned[at..<(at + r.count)])
                at += r.count
            }
        }
    }

    static func cleanExif(_ bytes: [UInt8], plan: MediaStripPlan, container: String, log: inout CleanLog) -> [UInt8] {
        let skip = BinaryCursor.u32(bytes, checkedAt: 0, bigEndian: true).map(Int.init) ?? 0
        let start: Int
        if skip <= bytes.count - 4, let s = ExifPayload.tiffStart(in: bytes, at: 4 + skip) {
            start = s
        } else if let s = ExifPayload.tiffStart(in: bytes, at: 4) {
            start = s
        } else {
            log.remove(nil, container, "Exif item without a TIFF header (zeroed)")
            return [UInt8](repeating: 0, count: bytes.count)
        }
        let tiff = Array(bytes[start...])
        var local = CleanLog()
        let rebuilt = EXIFRebuilder.rebuild(tiff, plan: plan, container: container, log: &local)
        if local.isEmpty, rebuilt != nil { return bytes }
        log.append(local)
        let room = bytes.count - start
        var replacement = rebuilt ?? emptyTIFF(bigEndian: tiff[0] == 0x4D)
        if replacement.count > room { replacement = emptyTIFF(bigEndian: tiff[0] == 0x4D) }
        guard replacement.count <= room else { return [UInt8](repeating: 0, count: bytes.count) }
        return Array(bytes[..<start]) + replacement + [UInt8](repeating: 0, count: room - replacement.count)
    }

    static func emptyTIFF(bigEndian: Bool) -> [UInt8] {
        var w = TIFFByteWriter(bigEndian: bigEndian)
        w.out = bigEndian ? [0x4D, 0x4D, 0x00, 0x2A] : [0x49, 0x49, 0x2A, 0x00]
        w.u32(8)
        w.u16(0)
        w.u32(0)
        return w.out
    }
}
