import CExif

/// An EXIF entry and its value bytes (in the blob's byte order): a slice of the payload for
/// the walker's entries, libexif's copy for libexif's.
struct RawEXIFEntry: Hashable {
    var directory: EXIFDirectory
    var tag: UInt16
    var type: UInt16
    var count: Int
    var data: ArraySlice<UInt8>
}

/// One maker-note tag as libexif interprets it: its numeric id, libexif's name and libexif's
/// rendering of the value.
struct LibExifMakerNoteItem: Hashable {
    var id: UInt32
    var name: String
    var value: String
}

/// Everything that touches libexif. The ExifData lives only inside `load` (one per call, never
/// shared between threads) and is released before returning, so no libexif pointer escapes.
enum LibExifBridge {
    private static let exifHeader: [UInt8] = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]
    /// libexif itself reads at most 64 KB of IFD data; maker notes may point a little further.
    static let maxInput = 16 << 20
    /// Entry values copied out of libexif, in total.
    static let maxCopied = 4 << 20

    struct Loaded {
        var entries: [RawEXIFEntry] = []
        var makerNote: [LibExifMakerNoteItem] = []
    }

    static func load(tiff: [UInt8]) -> Loaded {
        var loaded = Loaded()
        guard tiff.count >= 8, tiff.count <= maxInput, let data = exif_data_new() else { return loaded }
        defer { exif_data_unref(data) }
        // Without these two options libexif keeps tags it does not know (DNG CameraSerialNumber,
        // HostComputer in some builds) and does not invent mandatory tags the file never had.
        exif_data_unset_option(data, EXIF_DATA_OPTION_IGNORE_UNKNOWN_TAGS)
        exif_data_unset_option(data, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION)
        // libexif only recognises EXIF that starts with the APP1 identifier.
        let buffer = exifHeader + tiff
        buffer.withUnsafeBufferPointer { exif_data_load_data(data, $0.baseAddress, UInt32($0.count)) }

        let directories: [(EXIFDirectory, ExifIfd)] = [
            (.ifd0, EXIF_IFD_0), (.ifd1, EXIF_IFD_1), (.exif, EXIF_IFD_EXIF),
            (.gps, EXIF_IFD_GPS), (.interop, EXIF_IFD_INTEROPERABILITY),
        ]
        var copied = 0
        for (directory, ifd) in directories {
            guard let content = content(of: data, ifd) else { continue }
            let count = Int(content.pointee.count)
            guard count > 0, let list = content.pointee.entries else { continue }
            for i in 0..<count {
                guard let entry = list[i] else { continue }
                let e = entry.pointee
                let size = Int(e.size)
                // libexif holds at most 64 KB per entry, but entries may overlap; cap the total.
                guard copied + size <= maxCopied else { continue }
                copied += size
                let bytes: [UInt8] = size > 0 && e.data != nil ? Array(UnsafeBufferPointer(start: e.data, count: size)) : []
                loaded.entries.append(RawEXIFEntry(directory: directory, tag: UInt16(truncatingIfNeeded: e.tag.rawValue),
                                                   type: UInt16(truncatingIfNeeded: e.format.rawValue),
                                                   count: Int(e.components), data: bytes[...]))
            }
        }

        if let note = exif_data_get_mnote_data(data) {
            let count = min(Int(exif_mnote_data_count(note)), 4096)
            var buffer = [CChar](repeating: 0, count: 1024)
            for i in 0..<count {
                let index = UInt32(i)
                let id = exif_mnote_data_get_id(note, index)
                guard let namePointer = exif_mnote_data_get_name(note, index) else { continue }
                let name = String(cString: namePointer)
                let value: String? = buffer.withUnsafeMutableBufferPointer { buf in
                    guard let base = buf.baseAddress else { return nil }
                    base[0] = 0
                    guard exif_mnote_data_get_value(note, index, base, UInt32(buf.count)) != nil else { return nil }
                    base[buf.count - 1] = 0
                    return String(cString: base)
                }
                if let value { loaded.makerNote.append(LibExifMakerNoteItem(id: id, name: name, value: value)) }
            }
        }
        return loaded
    }

    /// `ExifData.ifd` is a C array, imported as a tuple; index it through a rebound pointer.
    private static func content(of data: UnsafeMutablePointer<ExifData>, _ ifd: ExifIfd) -> UnsafeMutablePointer<ExifContent>? {
        let index = Int(ifd.rawValue)
        guard index >= 0, index < Int(EXIF_IFD_COUNT.rawValue) else { return nil }
        return withUnsafePointer(to: &data.pointee.ifd) {
            $0.withMemoryRebound(to: UnsafeMutablePointer<ExifContent>?.self, capacity: Int(EXIF_IFD_COUNT.rawValue)) {
                $0[index]
            }
        }
    }
}
