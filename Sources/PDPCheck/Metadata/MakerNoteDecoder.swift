/// Maker-note tags about people, faces, places and devices, for the makers whose notes are
/// plain IFDs: Canon, Nikon (type 3), Fujifilm, Panasonic and Samsung (type 2). libexif's
/// maker-note API only renders values as display strings and has no face-detection counts or
/// recognised-face names, so these notes are read with the same bounds-checked IFD reader as
/// the main directories. Names and groups are ExifTool's (family-1 group = maker).
enum MakerNoteDecoder {
    /// How one maker-note tag becomes a field.
    enum Extract {
        case text
        case number
        /// Component `index` of a binary block of 16-bit (or 8-bit) integers.
        case u16(index: Int)
        case u8(index: Int)
        case panasonicFaceRecognition
        case fujiFaceRecognition
    }

    struct Tag {
        var tag: UInt16
        var name: String
        var extract: Extract
    }

    struct Layout {
        var group: String
        var ifdOffset: Int
        /// Added to value offsets inside the note.
        var base: Int
        /// nil: guess from the entry count, as ExifTool does for "Unknown" byte order.
        var bigEndian: Bool?
        var tags: [Tag]
    }

    /// The makers handled here (others fall back to libexif's maker-note parsers).
    static func handles(make: String, note: ArraySlice<UInt8>) -> Bool {
        layout(make: make, note: note, noteStart: note.startIndex, tiffBigEndian: false) != nil
    }

    static func fields(tiff: [UInt8], note range: Range<Int>, make: String, tiffBigEndian: Bool) -> (fields: [MetadataField], warnings: [String]) {
        let note = tiff[range]
        guard let layout = layout(make: make, note: note, noteStart: range.lowerBound, tiffBigEndian: tiffBigEndian) else { return ([], []) }
        let bigEndian = layout.bigEndian ?? guessByteOrder(tiff, at: layout.ifdOffset, default: tiffBigEndian)
        let reader = TIFFReader(bytes: tiff, bigEndian: bigEndian)
        let base = layout.group == "Samsung" ? samsungBase(reader, ifd: layout.ifdOffset) : layout.base
        var walk = TIFFDirectoryWalker.Result(bigEndian: bigEndian, entries: [], warnings: [])
        TIFFDirectoryWalker.readDirectory(reader, at: layout.ifdOffset, as: .exif, base: base, into: &walk)
        var fields: [MetadataField] = []
        // Maker-note values read here are small; a hostile note could repeat one huge value.
        var budget = 1 << 20
        for entry in walk.entries {
            guard let tag = layout.tags.first(where: { $0.tag == entry.tag }),
                  entry.valueRange.count <= 65_536, entry.valueRange.count <= budget else { continue }
            budget -= entry.valueRange.count
            let data = Array(tiff[entry.valueRange])
            let values = TIFFReader(bytes: data, bigEndian: bigEndian)
            switch tag.extract {
            case .text:
                var bytes = data[...]
                while bytes.last == 0xFF { bytes.removeLast() }  // Canon pads serials with 0xFF
                fields.append(MetadataField(group: layout.group, name: tag.name, value: .text(MetadataText.decode(bytes))))
            case .number:
                if let n = EXIFValueDecoder.number(values, type: entry.type, index: 0) {
                    fields.append(MetadataField(group: layout.group, name: tag.name, value: .number(n)))
                }
            case .u16(let index):
                if let n = values.u16(2 * index) { fields.append(MetadataField(group: layout.group, name: tag.name, value: .number(Double(n)))) }
            case .u8(let index):
                if let n = values.u8(index) { fields.append(MetadataField(group: layout.group, name: tag.name, value: .number(Double(n)))) }
            case .panasonicFaceRecognition:
                fields += panasonicFaces(values, group: layout.group)
            case .fujiFaceRecognition:
                fields += fujiFaces(values, group: layout.group)
            }
        }
        return (fields, walk.warnings.map { "maker note: " + $0 })
    }

    private static func layout(make: String, note: ArraySlice<UInt8>, noteStart: Int, tiffBigEndian: Bool) -> Layout? {
        func starts(_ s: String) -> Bool { note.starts(with: Array(s.utf8)) }
        let m = make.uppercased()
        if starts("Nikon\0\u{2}") {
            // A TIFF header of its own 10 bytes in; offsets count from that header.
            let header = noteStart + 10
            guard note.count >= 18, let bigEndian = TIFFReader.byteOrder(of: Array(note.prefix(18)), at: 10) else { return nil }
            let r = TIFFReader(bytes: Array(note.prefix(18)), bigEndian: bigEndian)
            guard let ifd = r.u32(14) else { return nil }
            return Layout(group: "Nikon", ifdOffset: header + Int(ifd), base: header, bigEndian: bigEndian, tags: nikon)
        }
        if starts("FUJIFILM") || starts("GENERALE") {
            guard note.count >= 12 else { return nil }
            let i = note.startIndex + 8
            let ifd = Int(note[i]) | Int(note[i + 1]) << 8 | Int(note[i + 2]) << 16 | Int(note[i + 3]) << 24
            return Layout(group: "FujiFilm", ifdOffset: noteStart + ifd, base: noteStart, bigEndian: false, tags: fuji)
        }
        if starts("Panasonic\0") {
            return Layout(group: "Panasonic", ifdOffset: noteStart + 12, base: 0, bigEndian: nil, tags: panasonic)
        }
        if m.hasPrefix("CANON") {
            return Layout(group: "Canon", ifdOffset: noteStart, base: 0, bigEndian: nil, tags: canon)
        }
        if m == "SAMSUNG" {
            return Layout(group: "Samsung", ifdOffset: noteStart, base: 0, bigEndian: nil, tags: samsung)
        }
        return nil
    }

    /// Samsung writes value offsets relative to the TIFF header in some models and to the note
    /// in others (ExifTool's FixBase): if the first out-of-line value would start right after
    /// the directory when read as note-relative, the offsets are note-relative.
    private static func samsungBase(_ r: TIFFReader, ifd: Int) -> Int {
        guard let count = r.u16(ifd).map(Int.init), count < 512 else { return 0 }
        let dataStart = 2 + 12 * count + 4
        var smallest = Int.max
        for i in 0..<count {
            let at = ifd + 2 + 12 * i
            guard let type = r.u16(at + 2), let n = r.u32(at + 4), let size = TIFFEntry.size(ofType: type),
                  UInt64(size) * UInt64(n) > 4, let offset = r.u32(at + 8) else { continue }
            smallest = min(smallest, Int(offset))
        }
        return smallest == dataStart ? ifd : 0
    }

    /// The byte order in which the directory's entry count is plausible.
    private static func guessByteOrder(_ tiff: [UInt8], at offset: Int, default bigEndian: Bool) -> Bool {
        for candidate in [bigEndian, !bigEndian] {
            if let n = TIFFReader(bytes: tiff, bigEndian: candidate).u16(offset), n > 0, n < 512,
               offset + 2 + 12 * Int(n) <= tiff.count {
                return candidate
            }
        }
        return bigEndian
    }

    /// Panasonic FaceRecInfo: a count, then 48-byte records of name[20], position, age[20].
    private static func panasonicFaces(_ r: TIFFReader, group: String) -> [MetadataField] {
        guard let count = r.u16(0) else { return [] }
        var fields = [MetadataField(group: group, name: "FacesRecognized", value: .number(Double(count)))]
        for i in 0..<min(Int(count), 3) {
            let start = 4 + 48 * i
            guard start + 48 <= r.bytes.count else { break }
            fields.append(MetadataField(group: group, name: "RecognizedFace\(i + 1)Name", value: .text(MetadataText.decode(r.bytes[start..<(start + 20)]))))
            fields.append(MetadataField(group: group, name: "RecognizedFace\(i + 1)Age", value: .text(MetadataText.decode(r.bytes[(start + 28)..<(start + 48)]))))
        }
        return fields
    }

    /// Fujifilm FaceRecInfo: (offset, length) pairs to records holding the name and birthday
    /// as (length, offset) at bytes 30/34 and 54/58 (ExifTool's ProcessFaceRec).
    private static func fujiFaces(_ r: TIFFReader, group: String) -> [MetadataField] {
        var fields: [MetadataField] = []
        var pos = 0
        for i in 1...8 {
            guard let offset = r.u32(pos).map(Int.init), let length = r.u32(pos + 4).map(Int.init),
                  length >= 62, offset <= r.bytes.count, length <= r.bytes.count - offset else { break }
            for (label, at) in [("Name", 30), ("Birthday", 54)] {
                guard let n = r.u32(offset + at).map(Int.init), let p = r.u32(offset + at + 4).map(Int.init),
                      p <= r.bytes.count, n <= r.bytes.count - p else { continue }
                var text = MetadataText.decode(r.bytes[p..<(p + n)])
                if label == "Birthday" { text = IPTCDecoder.date(text) }
                fields.append(MetadataField(group: group, name: "Face\(i)\(label)", value: .text(text)))
            }
            // Bit mask: 1 partner, 2 family, 3 friend.
            if let category = r.u8(offset + 46) {
                fields.append(MetadataField(group: group, name: "Face\(i)Category", value: .number(Double(category))))
            }
            pos += 8
        }
        return fields
    }

    static let canon: [Tag] = [
        Tag(tag: 0x0009, name: "OwnerName", extract: .text),
        Tag(tag: 0x000C, name: "SerialNumber", extract: .number),
        Tag(tag: 0x0024, name: "FacesDetected", extract: .u16(index: 2)),
        Tag(tag: 0x0025, name: "FacesDetected", extract: .u8(index: 2)),
        Tag(tag: 0x002F, name: "FacesDetected", extract: .u16(index: 3)),
        Tag(tag: 0x0095, name: "LensModel", extract: .text),
        Tag(tag: 0x0096, name: "InternalSerialNumber", extract: .text),
    ]

    static let nikon: [Tag] = [
        Tag(tag: 0x001D, name: "SerialNumber", extract: .text),
        Tag(tag: 0x0021, name: "FacesDetected", extract: .u16(index: 3)),
        Tag(tag: 0x00A0, name: "SerialNumber", extract: .text),
    ]

    static let fuji: [Tag] = [
        Tag(tag: 0x0010, name: "InternalSerialNumber", extract: .text),
        Tag(tag: 0x4100, name: "FacesDetected", extract: .number),
        Tag(tag: 0x4282, name: "FaceRecInfo", extract: .fujiFaceRecognition),
    ]

    static let panasonic: [Tag] = [
        Tag(tag: 0x0025, name: "InternalSerialNumber", extract: .text),
        Tag(tag: 0x003F, name: "FacesDetected", extract: .number),
        Tag(tag: 0x004E, name: "NumFacePositions", extract: .u16(index: 0)),
        Tag(tag: 0x0052, name: "LensSerialNumber", extract: .text),
        Tag(tag: 0x0061, name: "FaceRecInfo", extract: .panasonicFaceRecognition),
        Tag(tag: 0x0065, name: "Title", extract: .text),
        Tag(tag: 0x0066, name: "BabyName", extract: .text),
        Tag(tag: 0x0067, name: "Location", extract: .text),
        Tag(tag: 0x0069, name: "Country", extract: .text),
        Tag(tag: 0x006B, name: "State", extract: .text),
        Tag(tag: 0x006D, name: "City", extract: .text),
        Tag(tag: 0x006F, name: "Landmark", extract: .text),
    ]

    static let samsung: [Tag] = [
        Tag(tag: 0x0100, name: "FaceDetect", extract: .number),
        Tag(tag: 0x0120, name: "FaceRecognition", extract: .number),
        Tag(tag: 0x0123, name: "FaceName", extract: .text),
        Tag(tag: 0xA002, name: "SerialNumber", extract: .text),
    ]
}
