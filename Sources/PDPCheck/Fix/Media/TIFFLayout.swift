/// The directories of a TIFF file in memory (image IFDs of the main chain and SubIFDs, the
/// Exif, GPS and Interoperability IFDs), their entries with where their values are, and the
/// strips and tiles of the images. Each directory is read once, counts and depth are bounded.
struct TIFFLayout {
    enum Kind: Hashable {
        /// An image IFD: `chain` is its place in the main chain, nil for a SubIFD.
        case image(chain: Int?)
        case exif, gps, interop

        /// ExifTool's group name, when our decoders give its fields one (IFD0, IFD1, ExifIFD…).
        var group: String? {
            switch self {
            case .image(let chain?) where chain <= 1: return chain == 0 ? "IFD0" : "IFD1"
            case .image: return nil
            case .exif: return "ExifIFD"
            case .gps: return "GPS"
            case .interop: return "InteropIFD"
            }
        }

        /// The directory whose tag names apply.
        var directory: EXIFDirectory {
            switch self {
            case .image: return .ifd0
            case .exif: return .exif
            case .gps: return .gps
            case .interop: return .interop
            }
        }
    }

    struct Entry {
        var tag: UInt16
        var type: UInt16
        var count: Int
        /// Where the 12-byte entry sits.
        var at: Int
        /// The value's bytes: inside the entry when 4 bytes or fewer.
        var value: Range<Int>
        var isInline: Bool
    }

    struct IFD {
        var kind: Kind
        var offset: Int
        var declaredCount: Int
        var entries: [Entry]
        var next: Int

        var tableEnd: Int { offset + 2 + 12 * declaredCount + 4 }
    }

    var bigEndian: Bool
    var ifds: [IFD] = []
    /// Strips and tiles of every image IFD, in directory order.
    var imageData: [Range<Int>] = []

    static let maxIFDs = 64
    static let maxEntries = 4096

    static func malformed(_ m: String) -> ScanError { ScanError(code: "malformed", message: "TIFF: " + m) }

    static func parse(_ b: [UInt8]) throws(ScanError) -> TIFFLayout {
        if BinaryCursor.hasPrefix(b, [0x49, 0x49, 0x2B, 0x00]) || BinaryCursor.hasPrefix(b, [0x4D, 0x4D, 0x00, 0x2B]) {
            throw ScanError(code: "unsupported-format", message: "BigTIFF files are not cleaned")
        }
        guard let bigEndian = TIFFReader.byteOrder(of: b) else { throw malformed("no TIFF header") }
        let r = TIFFReader(bytes: b, bigEndian: bigEndian)
        var layout = TIFFLayout(bigEndian: bigEndian)
        var visited: Set<Int> = []
        var work: [(Kind, Int)] = [(.image(chain: 0), Int(r.u32(4) ?? 0))]
        var index = 0
        while index < work.count, layout.ifds.count < maxIFDs {
            let (kind, offset) = work[index]
            index += 1
            guard offset != 0, visited.insert(offset).inserted else { continue }
            guard offset >= 8, let declared = r.u16(offset).map(Int.init), offset + 2 + 12 * declared + 4 <= b.count else {
                throw malformed("IFD at byte \(offset) lies outside the file")
            }
            guard declared <= maxEntries else { throw malformed("IFD at byte \(offset) has \(declared) entries") }
            var ifd = IFD(kind: kind, offset: offset, declaredCount: declared, entries: [],
                          next: Int(r.u32(offset + 2 + 12 * declared) ?? 0))
            for i in 0..<declared {
                let at = offset + 2 + 12 * i
                guard let tag = r.u16(at), let type = r.u16(at + 2), let count = r.u32(at + 4) else { break }
                let unit = TIFFEntry.size(ofType: type) ?? 1
                let total = UInt64(unit) * UInt64(count)
                var value = (at + 8)..<(at + 8 + Int(min(total, 4)))
                var isInline = true
                if total > 4 {
                    let start = Int(r.u32(at + 8) ?? 0)
                    if total <= UInt64(b.count), start <= b.count - Int(total) {
                        value = start..<(start + Int(total))
                        isInline = false
                    } else {
                        value = (at + 8)..<(at + 12)  // points outside: only the field is ours
                    }
                }
                let entry = Entry(tag: tag, type: type, count: Int(count), at: at, value: value, isInline: isInline)
                ifd.entries.append(entry)
                if case .image = kind {
                    switch tag {
                    case 330: for p in layout.pointers(entry, r) { work.append((.image(chain: nil), p)) }
                    case 34665: if let p = layout.pointers(entry, r).first { work.append((.exif, p)) }
                    case 34853: if let p = layout.pointers(entry, r).first { work.append((.gps, p)) }
                    default: break
                    }
                } else if kind == .exif, tag == 40965, let p = layout.pointers(entry, r).first {
                    work.append((.interop, p))
                }
            }
            if case .image(let chain?) = kind, ifd.next != 0, chain + 1 < maxIFDs {
                work.append((.image(chain: chain + 1), ifd.next))
            }
            if case .image = kind { layout.imageData += layout.dataRanges(ifd, r) }
            layout.ifds.append(ifd)
        }
        return layout
    }

    /// The offsets an IFD-pointer entry holds (LONG or IFD type; SHORT tolerated).
    func pointers(_ e: Entry, _ r: TIFFReader) -> [Int] {
        var out: [Int] = []
        let unit = e.type == 3 ? 2 : 4
        var at = e.value.lowerBound
        while at + unit <= e.value.upperBound, out.count < 16 {
            if let v = unit == 2 ? r.u16(at).map(Int.init) : r.u32(at).map(Int.init) { out.append(v) }
            at += unit
        }
        return out
    }

    /// Strip or tile ranges: offsets paired with byte counts, clipped to the file.
    func dataRanges(_ ifd: IFD, _ r: TIFFReader) -> [Range<Int>] {
        func values(_ tag: UInt16) -> [Int] {
            guard let e = ifd.entries.first(where: { $0.tag == tag }) else { return [] }
            let unit = e.type == 3 ? 2 : 4
            var out: [Int] = []
            var at = e.value.lowerBound
            while at + unit <= e.value.upperBound, out.count < 1 << 20 {
                if let v = unit == 2 ? r.u16(at).map(Int.init) : r.u32(at).map(Int.init) { out.append(v) }
                at += unit
            }
            return out
        }
        var ranges: [Range<Int>] = []
        for (offsetTag, countTag) in [(UInt16(273), UInt16(279)), (324, 325)] {
            let offsets = values(offsetTag), counts = values(countTag)
            for (o, n) in zip(offsets, counts) where o < r.bytes.count && n > 0 {
                ranges.append(o..<min(r.bytes.count, o + n))
            }
        }
        return ranges
    }
}
