/// What an EXIF payload holds, as ExifTool-named fields.
public struct EXIFResult: Sendable, Hashable {
    public var fields: [MetadataField] = []
    /// The IFD1 JPEG thumbnail, as a range of the TIFF bytes that were decoded.
    public var thumbnail: Range<Int>?
    /// Structural problems met on the way (truncation, loops, values outside the data).
    public var warnings: [String] = []

    public var thumbnailLength: Int? { thumbnail?.count }
}

/// Decodes a TIFF-structured EXIF payload (from the TIFF header on, no `Exif\0\0`).
///
/// Two readers run over the same bytes: libexif (fed the payload behind an `Exif\0\0` header,
/// which it needs) and `TIFFDirectoryWalker`. The walker is authoritative for the standard
/// directories because libexif caps its input at 64 KB (silently losing any IFD beyond, e.g. a
/// GPS IFD behind a long description in a PNG eXIf or HEIF Exif item), drops the thumbnail
/// pointers, and follows directory loops the walker refuses; libexif's entries are kept for
/// directories the walker never reached. Maker notes of Canon, Nikon, Fujifilm, Panasonic and
/// Samsung are read by `MakerNoteDecoder` (face counts, recognised names, serials); the others
/// libexif knows (Olympus, Pentax, Casio) come from libexif's maker-note parsers.
public enum EXIFDecoder {
    /// Larger payloads are cut to this size (offsets beyond it are reported as outside).
    public static let maxInputSize = 16 << 20

    public static func decode(tiff input: [UInt8]) -> EXIFResult {
        var result = EXIFResult()
        var tiff = input
        if tiff.count >= 6, tiff[0] == 0x45, tiff[1] == 0x78, tiff[2] == 0x69, tiff[3] == 0x66, tiff[4] == 0, tiff[5] == 0 {
            tiff.removeFirst(6)
        }
        if tiff.count > maxInputSize {
            result.warnings.append("EXIF data of \(tiff.count) bytes cut to \(maxInputSize)")
            tiff.removeSubrange(maxInputSize...)
        }
        guard let walk = TIFFDirectoryWalker.walk(tiff) else {
            result.warnings.append("no TIFF header at the start of the EXIF data")
            return result
        }
        result.warnings += walk.warnings
        let bigEndian = walk.bigEndian
        // Entries may point at the same bytes many times over (a 64 KB payload can declare
        // thousands of 60 KB values). Decoding is budgeted at a few times the payload, and
        // libexif, which copies every value, is not run on such payloads at all.
        var budget = 2 * tiff.count + (1 << 20)
        let referenced = walk.entries.reduce(0) { $0 + $1.valueRange.count }
        let library: LibExifBridge.Loaded
        if referenced <= budget {
            library = LibExifBridge.load(tiff: tiff)
        } else {
            library = LibExifBridge.Loaded()
            result.warnings.append("EXIF values overlap (\(referenced) bytes referenced in \(tiff.count)); decoding is limited")
        }

        // The walker's entries, in file order, are authoritative for every directory it reached
        // (or refused: a loop libexif follows must not add duplicates). libexif's entries count
        // only for directories the walker never met a pointer to.
        var entries: [RawEXIFEntry] = walk.entries.map {
            RawEXIFEntry(directory: $0.directory, tag: $0.tag, type: $0.type, count: $0.count, data: tiff[$0.valueRange])
        }
        var seen = Set(entries.map { EntryKey(directory: $0.directory, tag: $0.tag) })
        for entry in library.entries where !walk.attempted.contains(entry.directory)
            && seen.insert(EntryKey(directory: entry.directory, tag: entry.tag)).inserted {
            entries.append(entry)
        }

        var fields: [MetadataField] = []
        var gps = GPSValues()
        var thumbnailOffset: Int?
        var thumbnailLength: Int?
        var make = ""
        for entry in entries {
            if entry.directory == .ifd1, entry.tag == 0x0201 || entry.tag == 0x0202 {
                let reader = TIFFReader(bytes: Array(entry.data.prefix(4)), bigEndian: bigEndian)
                let v = entry.type == 3 ? reader.u16(0).map(Int.init) : reader.u32(0).map(Int.init)
                if entry.tag == 0x0201 { thumbnailOffset = v } else { thumbnailLength = v }
            }
            // Text is decoded while the budget lasts; binary values cost nothing (only their length).
            if entry.type == 2 || entry.type == 1 || entry.type == 7, entry.data.count > 4096 {
                guard budget >= entry.data.count else {
                    if budget >= 0 { result.warnings.append("EXIF text beyond the decoding budget skipped") }
                    budget = -1
                    continue
                }
                budget -= entry.data.count
            }
            guard let value = EXIFValueDecoder.value(of: entry, bigEndian: bigEndian) else { continue }
            let name: String
            if let known = EXIFTagNames.name(tag: entry.tag, in: entry.directory) {
                name = known
            } else if entry.type == 2 {
                // ExifTool's -u name for tags it does not know; text in them still matters.
                name = "Exif_" + MetadataText.hex(entry.tag)
            } else {
                continue
            }
            if entry.directory == .gps { gps.record(name, value) }
            if entry.directory == .ifd0, name == "Make", case .text(let m) = value { make = m }
            fields.append(MetadataField(group: entry.directory.rawValue, name: name, value: value))
        }
        gps.apply(to: &fields)

        if let offset = thumbnailOffset, let length = thumbnailLength, length > 0 {
            if offset >= 0, offset <= tiff.count, length <= tiff.count - offset {
                result.thumbnail = offset..<(offset + length)
                fields.append(MetadataField(group: "IFD1", name: "ThumbnailImage", value: .binary(length: length)))
            } else {
                result.warnings.append("IFD1 thumbnail lies outside the EXIF data")
            }
        }
        if let note = walk.entries.first(where: { $0.directory == .exif && $0.tag == 0x927C }),
           MakerNoteDecoder.handles(make: make, note: tiff[note.valueRange]) {
            let own = MakerNoteDecoder.fields(tiff: tiff, note: note.valueRange, make: make, tiffBigEndian: bigEndian)
            fields += own.fields
            result.warnings += own.warnings
        } else {
            fields += EXIFMakerNotes.fields(from: library.makerNote, make: make)
        }
        result.fields = fields
        return result
    }

    private struct EntryKey: Hashable {
        var directory: EXIFDirectory
        var tag: UInt16
    }
}

/// Applies the GPS reference tags the way the model promises: coordinates in signed decimal
/// degrees (negative south and west), altitude negative below sea level, the time stamp as
/// `HH:MM:SS`.
private struct GPSValues {
    var refs: [String: String] = [:]

    mutating func record(_ name: String, _ value: MetadataValue) {
        switch (name, value) {
        case ("GPSLatitudeRef", .text(let t)), ("GPSLongitudeRef", .text(let t)),
             ("GPSDestLatitudeRef", .text(let t)), ("GPSDestLongitudeRef", .text(let t)):
            refs[name] = t.uppercased()
        case ("GPSAltitudeRef", .number(let n)):
            refs[name] = n == 1 ? "1" : "0"
        default:
            break
        }
    }

    func apply(to fields: inout [MetadataField]) {
        for i in fields.indices where fields[i].group == "GPS" {
            let name = fields[i].name
            switch name {
            case "GPSLatitude", "GPSLongitude", "GPSDestLatitude", "GPSDestLongitude":
                guard let parts = components(fields[i].value) else { continue }
                var degrees = 0.0
                for (k, p) in parts.prefix(3).enumerated() { degrees += p / [1.0, 60.0, 3600.0][k] }
                if let ref = refs[name + "Ref"], ref.hasPrefix("S") || ref.hasPrefix("W") { degrees = -degrees }
                fields[i].value = .number(degrees)
            case "GPSAltitude":
                if case .number(let a) = fields[i].value, refs["GPSAltitudeRef"] == "1" { fields[i].value = .number(-abs(a)) }
            case "GPSTimeStamp":
                guard let parts = components(fields[i].value), parts.count == 3 else { continue }
                fields[i].value = .text(Self.clock(parts))
            default:
                break
            }
        }
    }

    private func components(_ value: MetadataValue) -> [Double]? {
        switch value {
        case .number(let n): return [n]
        case .numbers(let ns) where !ns.isEmpty: return ns
        default: return nil
        }
    }

    /// ExifTool's ConvertTimeStamp: two-digit hours and minutes, seconds with their fraction.
    static func clock(_ p: [Double]) -> String {
        func two(_ v: Double) -> String {
            let i = Int(v.isFinite ? max(0, min(v, 1e6)) : 0)
            return i < 10 ? "0\(i)" : "\(i)"
        }
        let seconds = p[2].isFinite ? max(0, min(p[2], 1e6)) : 0
        var s = two(seconds.rounded(.down))
        let fraction = seconds - seconds.rounded(.down)
        if fraction > 0.000_000_5 {
            var digits = String(Int((fraction * 1_000_000).rounded()))
            while digits.count < 6 { digits = "0" + digits }
            while digits.hasSuffix("0") { digits.removeLast() }
            s += "." + digits
        }
        return "\(two(p[0])):\(two(p[1])):\(s)"
    }
}
