/// TIFF and TIFF-based raw files (DNG and most camera raws): the whole structure is EXIF, so it
/// becomes one `.exif` block; XMP (tag 700), IPTC (33723) and Photoshop resources (34377) are
/// copied out as blocks of their own.
///
/// A small file is copied whole. A large one is walked with ranged reads, strips and tiles are
/// never read, and the EXIF block is assembled from the IFDs and their values:
/// - when they all sit near the start (camera raws), they are copied into a zero-filled buffer
///   at their original offsets, so maker-note offsets stay valid;
/// - when they sit far into the file (libtiff writes the IFD after the image data), they are
///   packed into a new, compact TIFF with the offsets rewritten.
enum TIFFContainerReader {
    static let wholeCopyLimit = 4 << 20
    /// Sparse copies up to this size keep original offsets; beyond it the IFDs are repacked.
    static let sparseLimit = 4 << 20
    /// Out-of-line values larger than this are left out (layer data, huge private blobs);
    /// metadata the decoders need is far smaller.
    static let maxValueBytes = 4 << 20

    static let tagXMP: UInt16 = 700
    static let tagIPTC: UInt16 = 33723
    static let tagPhotoshop: UInt16 = 34377
    static let pointerTags: Set<UInt16> = [34665, 34853, 40965, 330]
    /// Tags whose values are never copied into a rebuilt EXIF block (delivered separately, or
    /// image or colour data that cannot identify anyone).
    static let skippedValueTags: Set<UInt16> = [700, 33723, 34377, 34675, 37724]
    static let stripTags: Set<UInt16> = [273, 279, 324, 325]

    static func read(_ s: MediaReadSession, container: String = "TIFF") throws(ScanError) {
        let header = try s.read(at: 0, count: min(8, s.size), "TIFF header")
        if BinaryCursor.hasPrefix(header, [0x49, 0x49, 0x2B, 0x00]) || BinaryCursor.hasPrefix(header, [0x4D, 0x4D, 0x00, 0x2B]) {
            s.note("BigTIFF is not decoded")
            return
        }
        guard header.count == 8, ExifPayload.isTIFFHeader(header) else {
            throw MediaReadSession.malformed("\(container): no TIFF header")
        }
        let whole: [UInt8]? = s.size <= wholeCopyLimit ? try s.copy(at: 0, count: s.size, container) : nil
        var walker = TIFFWalker(session: s, whole: whole, bigEndian: header[0] == 0x4D, container: container)
        try walker.walk(firstIFD: Int(BinaryCursor.u32(header, at: 4, bigEndian: walker.bigEndian)))

        if let whole {
            s.add(.exif, whole, container: container, range: 0..<whole.count)
        } else if !walker.ifds.isEmpty {
            let end = walker.ifds.flatMap(\.ranges).map(\.upperBound).max() ?? 0
            let blob = end <= sparseLimit ? try sparseCopy(walker, end: end, s) : try TIFFRepacker.repack(walker, s)
            s.add(.exif, blob, container: container)
        }
        for tagged in walker.tagged {
            let bytes = try walker.bytes(at: tagged.range.lowerBound, count: tagged.range.count, "\(container) tag \(tagged.tag)")
            if whole == nil { try s.reserveCopy(bytes.count, container) }
            let kind: MetadataBlock.Kind = tagged.tag == tagXMP ? .xmp : tagged.tag == tagIPTC ? .iptc : .photoshopIRB
            s.add(kind, bytes, container: "\(container) IFD0 tag \(tagged.tag)", range: tagged.range)
        }
    }

    /// IFDs and values copied to their own offsets in a zero-filled buffer.
    static func sparseCopy(_ walker: TIFFWalker, end: Int, _ s: MediaReadSession) throws(ScanError) -> [UInt8] {
        try s.reserveCopy(end, "TIFF")
        var blob = [UInt8](repeating: 0, count: end)
        blob.replaceSubrange(0..<8, with: try s.read(at: 0, count: 8, "TIFF header"))
        for range in walker.ifds.flatMap(\.ranges) {
            try s.visit()
            blob.replaceSubrange(range, with: try s.read(at: range.lowerBound, count: range.count, "TIFF IFD data"))
        }
        return blob
    }
}

/// One IFD as found: its entries, the ranges of its kept out-of-line values, and its EXIF
/// thumbnail (tags 513/514), enough to copy it sparsely or to repack it.
struct TIFFIFDRecord {
    struct Entry {
        var tag: UInt16
        var type: UInt16
        var count: Int
        /// The 4-byte value field as stored (inline value or offset).
        var field: [UInt8]
        /// Out-of-line value, when kept.
        var value: Range<Int>?
        /// Out-of-line value left out (strips, layers, XMP delivered separately…).
        var dropped = false
        var isPointer = false
    }

    var offset: Int
    var entryCount: Int
    var entries: [Entry] = []
    var next = 0
    var inChain: Bool
    var thumbnail: Range<Int>?

    var table: Range<Int> { offset..<(offset + 2 + 12 * entryCount + 4) }
    var ranges: [Range<Int>] { [table] + entries.compactMap(\.value) + (thumbnail.map { [$0] } ?? []) }
}

/// Follows IFD0's chain and the EXIF, GPS, Interoperability and SubIFD pointers. Work list
/// instead of recursion; each IFD is visited once, depth and chain length are bounded.
struct TIFFWalker {
    struct Tagged { var tag: UInt16; var range: Range<Int> }

    let session: MediaReadSession
    let whole: [UInt8]?
    let bigEndian: Bool
    let container: String
    var ifds: [TIFFIFDRecord] = []
    var tagged: [Tagged] = []
    private var visited: Set<Int> = []

    init(session: MediaReadSession, whole: [UInt8]?, bigEndian: Bool, container: String) {
        self.session = session
        self.whole = whole
        self.bigEndian = bigEndian
        self.container = container
    }

    var size: Int { whole?.count ?? session.size }

    func bytes(at offset: Int, count: Int, _ what: String) throws(ScanError) -> [UInt8] {
        guard let whole else { return try session.read(at: offset, count: count, what) }
        guard offset >= 0, count >= 0, offset <= whole.count, count <= whole.count - offset else {
            throw MediaReadSession.malformed("\(what) at byte \(offset) runs past the end of the file")
        }
        return Array(whole[offset..<(offset + count)])
    }

    static func typeSize(_ type: UInt16) -> Int? {
        switch type {
        case 1, 2, 6, 7: return 1
        case 3, 8: return 2
        case 4, 9, 11, 13: return 4
        case 5, 10, 12: return 8
        default: return nil
        }
    }

    mutating func walk(firstIFD: Int) throws(ScanError) {
        var work: [(offset: Int, depth: Int, inChain: Bool)] = [(firstIFD, 0, true)]
        var chainLength = 0
        while let (offset, depth, inChain) = work.popLast() {
            guard offset != 0, !visited.contains(offset) else { continue }
            visited.insert(offset)
            try session.checkDepth(depth, "\(container) IFD")
            guard offset >= 8, offset <= size - 2 else {
                session.note("\(container): IFD at byte \(offset) lies outside the file")
                continue
            }
            let count = Int(BinaryCursor.u16(try bytes(at: offset, count: 2, "\(container) IFD"), at: 0, bigEndian: bigEndian))
            guard count > 0, count <= 4096 else {
                session.note("\(container): IFD at byte \(offset) has \(count) entries, ignored")
                continue
            }
            var record = TIFFIFDRecord(offset: offset, entryCount: count, inChain: inChain)
            guard record.table.upperBound <= size else {
                throw MediaReadSession.malformed("\(container): IFD at byte \(offset) runs past the end of the file")
            }
            let table = try bytes(at: offset, count: record.table.count, "\(container) IFD")
            var thumbnailOffset: Int?
            var thumbnailLength: Int?
            for i in 0..<count {
                try session.visit()
                let e = 2 + 12 * i
                let tag = BinaryCursor.u16(table, at: e, bigEndian: bigEndian)
                let type = BinaryCursor.u16(table, at: e + 2, bigEndian: bigEndian)
                let valueCount = Int(BinaryCursor.u32(table, at: e + 4, bigEndian: bigEndian))
                let inline = BinaryCursor.u32(table, at: e + 8, bigEndian: bigEndian)
                guard let unit = TIFFWalker.typeSize(type), valueCount <= Int(UInt32.max) / unit else { continue }
                var entry = TIFFIFDRecord.Entry(tag: tag, type: type, count: valueCount, field: Array(table[(e + 8)..<(e + 12)]))
                let byteCount = unit * valueCount
                let valueOffset = byteCount <= 4 ? offset + e + 8 : Int(inline)
                let isTagged = tag == TIFFContainerReader.tagXMP || tag == TIFFContainerReader.tagIPTC
                    || tag == TIFFContainerReader.tagPhotoshop
                if byteCount > 4 {
                    guard valueOffset <= size, byteCount <= size - valueOffset else {
                        if isTagged { throw MediaReadSession.malformed("\(container): tag \(tag) points outside the file") }
                        continue  // the decoder would skip it too
                    }
                    let skipStrips = TIFFContainerReader.stripTags.contains(tag) && byteCount > 64 << 10
                    if skipStrips || TIFFContainerReader.skippedValueTags.contains(tag)
                        || byteCount > TIFFContainerReader.maxValueBytes {
                        entry.dropped = true
                    } else {
                        entry.value = valueOffset..<(valueOffset + byteCount)
                    }
                }
                if isTagged, byteCount > 0 { tagged.append(Tagged(tag: tag, range: valueOffset..<(valueOffset + byteCount))) }
                if valueCount == 1, tag == 513 || tag == 514 {
                    let v = Int(type == 3 ? UInt32(BinaryCursor.u16(table, at: e + 8, bigEndian: bigEndian)) : inline)
                    if tag == 513 { thumbnailOffset = v } else { thumbnailLength = v }
                }
                if TIFFContainerReader.pointerTags.contains(tag) || type == 13, unit == 4 {
                    entry.isPointer = true
                    // Pointers to further IFDs; SubIFDs may hold several.
                    let pointers = min(valueCount, 16)
                    let list = byteCount <= 4 ? entry.field : try bytes(at: valueOffset, count: 4 * pointers, "\(container) SubIFD list")
                    for k in 0..<pointers {
                        work.append((Int(BinaryCursor.u32(list, at: 4 * k, bigEndian: bigEndian)), depth + 1, false))
                    }
                }
                record.entries.append(entry)
            }
            if let thumbnailOffset, let thumbnailLength, thumbnailLength > 0, thumbnailLength <= 1 << 20,
               thumbnailOffset > 0, thumbnailOffset <= size - thumbnailLength {
                record.thumbnail = thumbnailOffset..<(thumbnailOffset + thumbnailLength)
            }
            if inChain, chainLength < 8 {
                chainLength += 1
                record.next = Int(BinaryCursor.u32(table, at: 2 + 12 * count, bigEndian: bigEndian))
                work.append((record.next, depth, true))
            }
            ifds.append(record)
        }
    }
}

/// Writes the walked IFDs into a new, compact TIFF: each IFD followed by its values, IFD
/// pointers, next-IFD links and the thumbnail offset rewritten; entries whose values were left
/// out are dropped rather than left pointing at nothing.
enum TIFFRepacker {
    static func repack(_ walker: TIFFWalker, _ s: MediaReadSession) throws(ScanError) -> [UInt8] {
        let be = walker.bigEndian
        func u16(_ v: Int) -> [UInt8] { be ? [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] {
            let b = [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
            return be ? b : b.reversed()
        }
        // Layout: header, then per IFD its table, its values and its thumbnail, word-aligned.
        var newOffset: [Int: Int] = [:]
        var valueAt: [[Int]] = []
        var thumbnailAt: [Int?] = []
        var pos = 8
        for ifd in walker.ifds {
            let kept = ifd.entries.filter { !$0.dropped }
            newOffset[ifd.offset] = pos
            pos += 2 + 12 * kept.count + 4
            var positions: [Int] = []
            for entry in kept {
                if let value = entry.value {
                    pos += pos & 1
                    positions.append(pos)
                    pos += value.count
                } else {
                    positions.append(0)
                }
            }
            valueAt.append(positions)
            if let thumbnail = ifd.thumbnail {
                pos += pos & 1
                thumbnailAt.append(pos)
                pos += thumbnail.count
            } else {
                thumbnailAt.append(nil)
            }
        }
        try s.reserveCopy(pos, "TIFF")
        var out = (be ? [0x4D, 0x4D] : [0x49, 0x49]) + u16(42) + u32(8)
        out.reserveCapacity(pos)
        for (index, ifd) in walker.ifds.enumerated() {
            let kept = ifd.entries.filter { !$0.dropped }
            var table = u16(kept.count)
            for (k, entry) in kept.enumerated() {
                table += u16(Int(entry.tag)) + u16(Int(entry.type)) + u32(entry.count)
                var field = entry.field
                if entry.value != nil { field = u32(valueAt[index][k]) }
                if entry.isPointer, entry.value == nil {
                    field = u32(newOffset[Int(BinaryCursor.u32(entry.field, at: 0, bigEndian: be))] ?? 0)
                }
                if entry.tag == 513, entry.count == 1, let at = thumbnailAt[index] {
                    field = entry.type == 3 ? u16(at) + [0, 0] : u32(at)
                }
                table += field
            }
            table += u32(ifd.inChain ? newOffset[ifd.next] ?? 0 : 0)
            out += table
            for (k, entry) in kept.enumerated() {
                guard let value = entry.value else { continue }
                out += [UInt8](repeating: 0, count: max(0, valueAt[index][k] - out.count))
                var bytes = try s.read(at: value.lowerBound, count: value.count, "TIFF value")
                if entry.isPointer {  // an out-of-line list of IFD pointers
                    var i = 0
                    while i + 4 <= bytes.count {
                        let target = newOffset[Int(BinaryCursor.u32(bytes, at: i, bigEndian: be))] ?? 0
                        bytes.replaceSubrange(i..<(i + 4), with: u32(target))
                        i += 4
                    }
                }
                out += bytes
            }
            if let thumbnail = ifd.thumbnail, let at = thumbnailAt[index] {
                out += [UInt8](repeating: 0, count: max(0, at - out.count))
                out += try s.read(at: thumbnail.lowerBound, count: thumbnail.count, "TIFF thumbnail")
            }
        }
        return out
    }
}
