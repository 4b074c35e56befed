/// HEIF / AVIF items: `iinf` names each item's type, `iloc` says where its bytes are. The Exif
/// item and the XMP item (a `mime` item of type application/rdf+xml) are copied out.
enum HEIFItemReader {
    struct Item {
        var id: UInt32
        var type: FourCC?
        var contentType: String = ""
    }

    struct Location {
        var constructionMethod = 0
        var baseOffset = 0
        var extents: [(offset: Int, length: Int)] = []
    }

    static let exif = FourCC("Exif"), mime = FourCC("mime")

    /// - Parameter idat: the payload range of the `meta` box's `idat`, for construction method 1.
    static func read(_ s: MediaReadSession, iinf: BoxHeader, iloc: BoxHeader, idat: Range<Int>?,
                     container: String) throws(ScanError) {
        let items = try readItemInfo(s, iinf)
        let locations = try readLocations(s, iloc)
        for item in items {
            let isExif = item.type == exif
            let isXMP = (item.type == mime || item.type == nil) && item.contentType == "application/rdf+xml"
            guard isExif || isXMP else { continue }
            guard let location = locations[item.id] else {
                s.note("\(container): item \(item.id) has no location")
                continue
            }
            guard let (bytes, start) = try itemBytes(s, location, idat: idat, container: container) else { continue }
            if isExif {
                let skip = BinaryCursor.u32(bytes, checkedAt: 0, bigEndian: true).map(Int.init) ?? 0
                let at = skip <= bytes.count - 4 && ExifPayload.tiffStart(in: bytes, at: 4 + skip) != nil ? 4 + skip : 4
                ExifPayload.deliver(bytes, at: at, sourceOffset: start, container: "\(container) Exif item", to: s)
            } else {
                s.add(.xmp, bytes, container: "\(container) XMP item", range: start.map { $0..<($0 + bytes.count) })
            }
        }
    }

    static func readItemInfo(_ s: MediaReadSession, _ iinf: BoxHeader) throws(ScanError) -> [Item] {
        var head = BinaryCursor(try s.read(at: iinf.payload, count: min(iinf.payloadCount, 8), "HEIF iinf"), context: "HEIF iinf")
        let version = try head.u8()
        try head.skip(3)
        if version == 0 { _ = try head.u16() } else { _ = try head.u32() }
        var items: [Item] = []
        for entry in try ISOBMFFBoxWalker.children(s, in: (iinf.payload + head.position)..<iinf.end, context: "HEIF iinf")
        where entry.type == FourCC("infe") {
            var c = BinaryCursor(try s.read(at: entry.payload, count: min(entry.payloadCount, 4096), "HEIF infe"),
                                 context: "HEIF infe")
            let infeVersion = try c.u8()
            try c.skip(3)
            var item: Item
            if infeVersion >= 2 {
                let id = infeVersion == 2 ? UInt32(try c.u16()) : try c.u32()
                _ = try c.u16()  // protection index
                item = Item(id: id, type: try c.fourCC())
                _ = c.cString()  // item name
                if item.type == mime { item.contentType = String(decoding: c.cString(), as: UTF8.self) }
            } else {
                item = Item(id: UInt32(try c.u16()))
                _ = try c.u16()
                _ = c.cString()
                item.contentType = String(decoding: c.cString(), as: UTF8.self)
            }
            items.append(item)
        }
        return items
    }

    static func readLocations(_ s: MediaReadSession, _ iloc: BoxHeader) throws(ScanError) -> [UInt32: Location] {
        var c = BinaryCursor(try ISOBMFFBoxWalker.payload(s, iloc, "HEIF iloc"), context: "HEIF iloc")
        let version = try c.u8()
        try c.skip(3)
        guard version <= 2 else { throw c.malformed("version \(version)") }
        let sizes = try c.u16()
        let offsetSize = Int(sizes >> 12), lengthSize = Int(sizes >> 8 & 15)
        let baseOffsetSize = Int(sizes >> 4 & 15), indexSize = version >= 1 ? Int(sizes & 15) : 0
        let count = version < 2 ? Int(try c.u16()) : Int(try c.u32())
        var locations: [UInt32: Location] = [:]
        for _ in 0..<count {
            try s.visit()
            let id = version < 2 ? UInt32(try c.u16()) : try c.u32()
            var location = Location()
            if version >= 1 { location.constructionMethod = Int(try c.u16() & 15) }
            _ = try c.u16()  // data reference index
            location.baseOffset = Int(clamping: try c.uint(byteCount: baseOffsetSize))
            let extentCount = Int(try c.u16())
            for _ in 0..<extentCount {
                try s.visit()
                if indexSize > 0 { _ = try c.uint(byteCount: indexSize) }
                let offset = Int(clamping: try c.uint(byteCount: offsetSize))
                let length = Int(clamping: try c.uint(byteCount: lengthSize))
                location.extents.append((offset, length))
            }
            locations[id] = location
        }
        return locations
    }

    /// The item's bytes, and where they start in the file when they are one range there.
    static func itemBytes(_ s: MediaReadSession, _ location: Location, idat: Range<Int>?,
                          container: String) throws(ScanError) -> ([UInt8], Int?)? {
        let space: Range<Int>
        switch location.constructionMethod {
        case 0: space = 0..<s.size
        case 1:
            guard let idat else { throw MediaReadSession.malformed("\(container): item stored in a missing idat box") }
            space = idat
        default:
            s.note("\(container): metadata item stored by reference to another item, not read")
            return nil
        }
        var bytes: [UInt8] = []
        var start: Int?
        for extent in location.extents {
            let (base, overflow1) = space.lowerBound.addingReportingOverflow(location.baseOffset)
            let (from, overflow2) = base.addingReportingOverflow(extent.offset)
            guard !overflow1, !overflow2, from >= space.lowerBound, from <= space.upperBound else {
                throw MediaReadSession.malformed("\(container): item extent at \(extent.offset) lies outside the file")
            }
            let length = extent.length == 0 ? space.upperBound - from : extent.length
            guard length <= space.upperBound - from else {
                throw MediaReadSession.malformed("\(container): item extent of \(length) bytes runs past the end of the file")
            }
            if location.extents.count == 1, location.constructionMethod == 0 { start = from }
            bytes += try s.copy(at: from, count: length, "\(container) item")
        }
        return bytes.isEmpty ? nil : (bytes, start)
    }
}
