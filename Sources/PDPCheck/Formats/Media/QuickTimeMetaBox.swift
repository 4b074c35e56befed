/// A `meta` box, whichever family wrote it:
/// - HEIF: `hdlr pict` + `iinf`/`iloc`/`idat` items (Exif, XMP);
/// - QuickTime (`moov/meta`, `hdlr mdta`): `keys` names the `ilst` items (Apple and Android
///   location, make, model, author…), reported in ExifTool's Keys group;
/// - iTunes (`udta/meta`, `hdlr mdir`): `ilst` items named by their atom type (ItemList group).
enum QuickTimeMetaBox {
    static let keys = FourCC("keys"), ilst = FourCC("ilst"), iinf = FourCC("iinf")
    static let iloc = FourCC("iloc"), idat = FourCC("idat"), xml = FourCC("xml "), data = FourCC("data")

    static func read(_ s: MediaReadSession, _ meta: BoxHeader, depth: Int, container: String) throws(ScanError) {
        try s.checkDepth(depth, container)
        let start = try ISOBMFFBoxWalker.metaChildrenStart(s, meta)
        var found: [FourCC: BoxHeader] = [:]
        for child in try ISOBMFFBoxWalker.children(s, in: start..<meta.end, context: container)
        where found[child.type] == nil {
            found[child.type] = child
        }
        if let iinf = found[iinf], let iloc = found[iloc] {
            try HEIFItemReader.read(s, iinf: iinf, iloc: iloc, idat: found[idat]?.payloadRange, container: container)
        }
        if let ilst = found[ilst] {
            if let keys = found[keys] {
                try readKeyedItems(s, ilst: ilst, keys: try readKeys(s, keys, container), container: container)
            } else {
                try readItemList(s, ilst: ilst, container: container)
            }
        }
        if let xml = found[xml], xml.payloadCount > 4 {
            // ISO `xml ` box (full box, then XML); only XMP is of interest.
            let text = try s.copy(at: xml.payload + 4, count: xml.payloadCount - 4, "\(container)/xml")
            if BinaryCursor.firstIndex(of: Array("x:xmpmeta".utf8), in: text) != nil
                || BinaryCursor.firstIndex(of: Array("rdf:RDF".utf8), in: text) != nil {
                s.add(.xmp, text, container: "\(container)/xml", range: (xml.payload + 4)..<xml.end)
            }
        }
    }

    /// `keys`: full box, count, then [size][namespace][name] entries, indexed from 1.
    static func readKeys(_ s: MediaReadSession, _ box: BoxHeader, _ container: String) throws(ScanError) -> [String] {
        var c = BinaryCursor(try ISOBMFFBoxWalker.payload(s, box, max: 1 << 20, "\(container)/keys"), context: "\(container)/keys")
        try c.skip(4)
        let count = Int(try c.u32())
        var names: [String] = []
        for _ in 0..<count {
            try s.visit()
            let size = Int(try c.u32())
            guard size >= 8 else { throw c.malformed("key entry of \(size) bytes") }
            _ = try c.fourCC()  // namespace, normally 'mdta'
            names.append(QuickTimeText.decode(try c.take(size - 8)))
        }
        return names
    }

    static func readKeyedItems(_ s: MediaReadSession, ilst: BoxHeader, keys: [String], container: String) throws(ScanError) {
        for item in try ISOBMFFBoxWalker.children(s, in: ilst.payloadRange, context: "\(container)/ilst") {
            let index = Int(item.type.raw)
            guard index >= 1, index <= keys.count else { continue }
            let key = keys[index - 1]
            guard let value = try itemValue(s, item, container) else { continue }
            let name = QuickTimeKeys.name(for: key)
            if name == "GPSCoordinates", case .text(let text) = value, let point = ISO6709.parse(text) {
                s.field("Keys", name, .numbers(point), container: container)
            } else {
                s.field("Keys", name, value, container: container)
            }
        }
    }

    static func readItemList(_ s: MediaReadSession, ilst: BoxHeader, container: String) throws(ScanError) {
        for item in try ISOBMFFBoxWalker.children(s, in: ilst.payloadRange, context: "\(container)/ilst") {
            guard let name = QuickTimeKeys.itemListName(item.type), let value = try itemValue(s, item, container) else { continue }
            if name == "GPSCoordinates", case .text(let text) = value, let point = ISO6709.parse(text) {
                s.field("ItemList", name, .numbers(point), container: container)
            } else {
                s.field("ItemList", name, value, container: container)
            }
        }
    }

    /// The `data` atoms inside one item; several (one per language) become a list.
    static func itemValue(_ s: MediaReadSession, _ item: BoxHeader, _ container: String) throws(ScanError) -> MetadataValue? {
        var values: [MetadataValue] = []
        for atom in try ISOBMFFBoxWalker.children(s, in: item.payloadRange, context: "\(container)/ilst item")
        where atom.type == data {
            if atom.payloadCount > 1 << 20 {
                values.append(.binary(length: max(0, atom.payloadCount - 8)))
                continue
            }
            try s.reserveCopy(atom.payloadCount, container)
            if let value = QuickTimeData.value(try s.read(at: atom.payload, count: atom.payloadCount, "\(container) data")) {
                values.append(value)
            }
        }
        guard values.count > 1 else { return values.first }
        let texts = values.flatMap(\.texts)
        return texts.count == values.count ? .list(texts) : values.first
    }
}

/// The payload of an iTunes-style `data` atom: [type: u32][locale: u32][value].
enum QuickTimeData {
    static func value(_ p: [UInt8]) -> MetadataValue? {
        guard p.count >= 8 else { return nil }
        let type = BinaryCursor.u32(p, at: 0, bigEndian: true) & 0x00FF_FFFF
        let v = p[8...]
        switch type {
        case 1, 4: return .text(QuickTimeText.decode(Array(v)))
        case 2, 5: return .text(QuickTimeText.utf16BE(v))
        case 21, 22:
            guard [1, 2, 3, 4, 8].contains(v.count) else { return .binary(length: v.count) }
            var n: UInt64 = 0
            for b in v { n = n << 8 | UInt64(b) }
            if type == 21 {
                let shift = UInt64(64 - 8 * v.count)
                return .number(Double(Int64(bitPattern: n << shift) >> Int64(shift)))
            }
            return .number(Double(n))
        case 23:
            guard v.count == 4 else { return .binary(length: v.count) }
            return .number(Double(Float(bitPattern: BinaryCursor.u32(p, at: 8, bigEndian: true))))
        case 24:
            guard v.count == 8 else { return .binary(length: v.count) }
            let bits = UInt64(BinaryCursor.u32(p, at: 8, bigEndian: true)) << 32 | UInt64(BinaryCursor.u32(p, at: 12, bigEndian: true))
            return .number(Double(bitPattern: bits))
        case 0:
            // "Implicit" type: text in practice when it decodes as such.
            if let text = String(validating: v, as: UTF8.self), !text.isEmpty,
               !text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" }) {
                return .text(text)
            }
            return .binary(length: v.count)
        default:
            return .binary(length: v.count)
        }
    }
}

/// ExifTool's tag names for QuickTime `keys` and iTunes `ilst` items.
enum QuickTimeKeys {
    static let keyNames: [String: String] = [
        "location.ISO6709": "GPSCoordinates", "location.name": "LocationName", "location.body": "LocationBody",
        "location.note": "LocationNote", "location.role": "LocationRole", "location.date": "LocationDate",
        "location.accuracy.horizontal": "LocationAccuracyHorizontal",
        "artist": "Artist", "author": "Author", "album": "Album", "comment": "Comment", "copyright": "Copyright",
        "creationdate": "CreationDate", "description": "Description", "director": "Director",
        "displayname": "DisplayName", "title": "Title", "genre": "Genre", "information": "Information",
        "keywords": "Keywords", "producer": "Producer", "make": "Make", "model": "Model", "publisher": "Publisher",
        "software": "Software", "year": "Year", "version": "Version", "camera.identifier": "CameraIdentifier",
        "content.identifier": "ContentIdentifier", "direction.facing": "CameraDirection",
        "direction.motion": "CameraMotion", "rating.user": "UserRating", "collection.user": "UserCollection",
        "apple.photos.captureMode": "CaptureMode", "android.version": "AndroidVersion",
        "android.capture.fps": "AndroidCaptureFPS", "android.manufacturer": "AndroidManufacturer",
        "android.model": "AndroidModel", "detected-face": "FaceInfo", "detected-face.bounds": "DetectedFaceBounds",
        "detected-face.face-id": "DetectedFaceID",
    ]

    /// ExifTool drops "com.apple.quicktime." (or just "com.") from `mdta` keys before naming them.
    static func name(for key: String) -> String {
        var short = Substring(key)
        if short.hasPrefix("com.apple.quicktime.") {
            short = short.dropFirst("com.apple.quicktime.".count)
        } else if short.hasPrefix("com.") {
            short = short.dropFirst(4)
        }
        if let name = keyNames[String(short)] { return name }
        if let name = QuickTimeUserData.textAtomNames[String(short)] { return name }
        return ExifToolNames.fromKey(String(short))
    }

    static let itemListNames: [String: String] = [
        "©ART": "Artist", "©alb": "Album", "©aut": "Author", "©cmt": "Comment", "©day": "ContentCreateDate",
        "©des": "Description", "©enc": "EncodedBy", "©gen": "Genre", "©grp": "Grouping", "©lyr": "Lyrics",
        "©nam": "Title", "©too": "Encoder", "©wrt": "Composer", "©com": "Composer", "©dir": "Director",
        "©prd": "Producer", "©xyz": "GPSCoordinates", "©mak": "Make", "©mod": "Model", "©cpy": "Copyright",
        "aART": "AlbumArtist", "cprt": "Copyright", "desc": "Description", "ldes": "LongDescription",
        "keyw": "Keyword", "ownr": "Owner", "apID": "AppleStoreAccount", "purd": "PurchaseDate",
        "catg": "Category", "sdes": "StoreDescription", "covr": "CoverArt",
    ]

    static func itemListName(_ type: FourCC) -> String? {
        itemListNames[type.description] ?? (type.firstByte == 0xA9 ? QuickTimeUserData.textAtomNames[type.tail] : nil)
    }
}
