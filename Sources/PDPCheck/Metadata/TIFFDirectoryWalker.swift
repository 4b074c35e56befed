/// The EXIF directories ExifTool names as family-1 groups.
public enum EXIFDirectory: String, Sendable, Hashable, CaseIterable {
    case ifd0 = "IFD0"
    case ifd1 = "IFD1"
    case exif = "ExifIFD"
    case gps = "GPS"
    case interop = "InteropIFD"
}

/// Bounds-checked reads of a TIFF-structured byte buffer in its byte order.
struct TIFFReader {
    let bytes: [UInt8]
    let bigEndian: Bool

    func u8(_ at: Int) -> UInt8? {
        at >= 0 && at < bytes.count ? bytes[at] : nil
    }

    func u16(_ at: Int) -> UInt16? {
        guard at >= 0, at <= bytes.count - 2 else { return nil }
        let a = UInt16(bytes[at]), b = UInt16(bytes[at + 1])
        return bigEndian ? a << 8 | b : b << 8 | a
    }

    func u32(_ at: Int) -> UInt32? {
        guard at >= 0, at <= bytes.count - 4 else { return nil }
        let a = UInt32(bytes[at]), b = UInt32(bytes[at + 1]), c = UInt32(bytes[at + 2]), d = UInt32(bytes[at + 3])
        return bigEndian ? a << 24 | b << 16 | c << 8 | d : d << 24 | c << 16 | b << 8 | a
    }

    func u64(_ at: Int) -> UInt64? {
        guard let hi = u32(bigEndian ? at : at + 4), let lo = u32(bigEndian ? at + 4 : at) else { return nil }
        return UInt64(hi) << 32 | UInt64(lo)
    }

    /// The byte order from a TIFF header (`II*\0` or `MM\0*`) at `offset`.
    static func byteOrder(of bytes: [UInt8], at offset: Int = 0) -> Bool? {
        guard offset >= 0, offset + 4 <= bytes.count else { return nil }
        switch (bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]) {
        case (0x49, 0x49, 0x2A, 0x00): return false
        case (0x4D, 0x4D, 0x00, 0x2A): return true
        default: return nil
        }
    }
}

/// One IFD entry whose value lies entirely inside the buffer.
struct TIFFEntry: Hashable {
    var directory: EXIFDirectory
    var tag: UInt16
    var type: UInt16
    var count: Int
    /// Absolute position of the value bytes in the buffer.
    var valueRange: Range<Int>

    /// Bytes per component for the TIFF/EXIF field types; nil for types we do not know.
    static func size(ofType type: UInt16) -> Int? {
        switch type {
        case 1, 2, 6, 7: return 1
        case 3, 8: return 2
        case 4, 9, 11, 13: return 4
        case 5, 10, 12, 16, 17, 18: return 8
        default: return nil
        }
    }
}

/// Walks the IFD chain of a TIFF blob (IFD0 → IFD1, and the Exif, GPS and Interop sub-IFDs)
/// without trusting any count or offset: every directory is read at most once (offset loops and
/// repeated pointers end the walk), entries whose values fall outside the buffer are dropped with
/// a warning, and the number of directories and entries is capped.
///
/// The walker exists next to libexif because libexif caps its input at 64 KB (anything past
/// that — a GPS IFD behind a long description in a PNG eXIf or HEIF Exif item — is silently
/// lost) and because it does not keep the thumbnail pointers of IFD1.
enum TIFFDirectoryWalker {
    static let maxEntriesPerDirectory = 4096
    static let maxDirectories = 8

    struct Result {
        var bigEndian: Bool
        var entries: [TIFFEntry]
        var warnings: [String]
        /// Directories the walk met a pointer to, read or refused (loop, outside the data).
        var attempted: Set<EXIFDirectory> = []
    }

    static func walk(_ tiff: [UInt8]) -> Result? {
        guard let bigEndian = TIFFReader.byteOrder(of: tiff) else { return nil }
        let reader = TIFFReader(bytes: tiff, bigEndian: bigEndian)
        var result = Result(bigEndian: bigEndian, entries: [], warnings: [])
        guard let ifd0 = reader.u32(4) else { return result }
        var visitedOffsets = Set<Int>()
        var loaded = Set<EXIFDirectory>()
        // Pending directories, read breadth-first; no recursion, so hostile nesting cannot
        // grow the stack.
        var queue: [(EXIFDirectory, Int)] = [(.ifd0, Int(ifd0))]
        var index = 0
        while index < queue.count, loaded.count < maxDirectories {
            let (directory, offset) = queue[index]
            index += 1
            result.attempted.insert(directory)
            if loaded.contains(directory) { continue }
            guard offset >= 8, offset < tiff.count else {
                result.warnings.append("\(directory.rawValue) offset \(offset) is outside the EXIF data")
                continue
            }
            guard visitedOffsets.insert(offset).inserted else {
                result.warnings.append("\(directory.rawValue) points to a directory already read (loop)")
                continue
            }
            loaded.insert(directory)
            let next = readDirectory(reader, at: offset, as: directory, into: &result) { pointerTag, target in
                switch pointerTag {
                case 0x8769: queue.append((.exif, target))
                case 0x8825: queue.append((.gps, target))
                case 0xA005: queue.append((.interop, target))
                default: break
                }
            }
            if directory == .ifd0, let next, next != 0 { queue.append((.ifd1, next)) }
        }
        return result
    }

    /// Reads one directory; reports sub-IFD pointers through `pointer` and returns the offset of
    /// the next directory in the chain (nil when unreadable). `base` is added to value offsets
    /// (maker notes whose offsets count from their own start).
    @discardableResult
    static func readDirectory(_ reader: TIFFReader, at offset: Int, as directory: EXIFDirectory, base: Int = 0,
                              into result: inout Result, pointer: (UInt16, Int) -> Void = { _, _ in }) -> Int? {
        guard let declared = reader.u16(offset) else {
            result.warnings.append("\(directory.rawValue) is truncated")
            return nil
        }
        let available = (reader.bytes.count - offset - 2) / 12
        var count = Int(declared)
        if count > available {
            result.warnings.append("\(directory.rawValue) declares \(declared) entries, only \(max(available, 0)) fit")
            count = max(available, 0)
        }
        if count > maxEntriesPerDirectory {
            result.warnings.append("\(directory.rawValue) has \(count) entries; reading the first \(maxEntriesPerDirectory)")
            count = maxEntriesPerDirectory
        }
        for i in 0..<count {
            let at = offset + 2 + 12 * i
            guard let tag = reader.u16(at), let type = reader.u16(at + 2), let rawCount = reader.u32(at + 4) else { break }
            guard let size = TIFFEntry.size(ofType: type) else { continue }
            let total = UInt64(size) * UInt64(rawCount)
            let start: Int
            if total <= 4 {
                start = at + 8
            } else {
                guard let valueOffset = reader.u32(at + 8) else { continue }
                start = base + Int(valueOffset)
            }
            guard total <= UInt64(reader.bytes.count), start >= 0, start <= reader.bytes.count - Int(total) else {
                result.warnings.append("\(directory.rawValue) tag \(MetadataText.hex(tag)) points outside the EXIF data")
                continue
            }
            if tag == 0x8769 || tag == 0x8825 || tag == 0xA005 {
                // Writers get the pointer type wrong (SHORT, UNDEFINED); read what is there.
                let target = type == 3 || type == 8 ? reader.u16(start).map(UInt32.init) : reader.u32(start)
                if let target, total >= 2 { pointer(tag, base + Int(target)) }
                continue
            }
            result.entries.append(TIFFEntry(directory: directory, tag: tag, type: type, count: Int(rawCount),
                                            valueRange: start..<(start + Int(total))))
        }
        let nextAt = offset + 2 + 12 * Int(declared)
        return reader.u32(nextAt).map { Int($0) }
    }
}
