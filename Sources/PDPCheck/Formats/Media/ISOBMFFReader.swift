/// HEIC / HEIF / AVIF stills and MP4 / MOV / 3GP / M4V movies: one box walker for both, since
/// phones mix them (HEIF sequences have `moov`, movies can have a top-level `meta`). Only box
/// headers and the small boxes that hold metadata are read; `mdat` is never touched.
enum ISOBMFFReader {
    static let moov = FourCC("moov"), meta = FourCC("meta"), udta = FourCC("udta"), trak = FourCC("trak")
    static let mdia = FourCC("mdia"), minf = FourCC("minf"), stbl = FourCC("stbl"), stsd = FourCC("stsd")
    static let hdlr = FourCC("hdlr"), uuid = FourCC("uuid"), mvhd = FourCC("mvhd")
    static let mebx = FourCC("mebx"), gpmd = FourCC("gpmd"), camm = FourCC("camm")

    static func read(_ s: MediaReadSession, still: Bool) throws(ScanError) {
        let label = still ? "HEIF" : "QuickTime"
        for box in try ISOBMFFBoxWalker.children(s, in: 0..<s.size, context: label, topLevel: true) {
            switch box.type {
            case meta: try QuickTimeMetaBox.read(s, box, depth: 1, container: "\(label) meta")
            case moov: try readMovie(s, box, label: label)
            case udta: try QuickTimeUserData.read(s, box, depth: 1, container: "\(label) udta")
            case uuid: try readUUID(s, box, container: "\(label) uuid XMP")
            default: break
            }
        }
    }

    static func readMovie(_ s: MediaReadSession, _ moov: BoxHeader, label: String) throws(ScanError) {
        var track = 0
        for box in try ISOBMFFBoxWalker.children(s, in: moov.payloadRange, context: "\(label) moov") {
            switch box.type {
            case udta: try QuickTimeUserData.read(s, box, depth: 2, container: "\(label) moov/udta")
            case meta: try QuickTimeMetaBox.read(s, box, depth: 2, container: "\(label) moov/meta")
            case uuid: try readUUID(s, box, container: "\(label) moov/uuid XMP")
            case trak:
                track += 1
                try readTrack(s, box, container: "\(label) trak \(track)")
            case mvhd: try readMovieHeader(s, box, container: "\(label) moov/mvhd")
            default: break
            }
        }
    }

    /// The movie's creation time (`QuickTime:CreateDate`, UTC as ExifTool prints it with -n):
    /// when the video was recorded, to the second.
    static func readMovieHeader(_ s: MediaReadSession, _ box: BoxHeader, container: String) throws(ScanError) {
        guard box.payloadCount >= 12 else { return }
        let head = try s.read(at: box.payload, count: 12, "mvhd")
        let seconds: UInt64
        if head[0] == 1 {
            seconds = UInt64(BinaryCursor.u32(head, at: 4, bigEndian: true)) << 32 | UInt64(BinaryCursor.u32(head, at: 8, bigEndian: true))
        } else {
            seconds = UInt64(BinaryCursor.u32(head, at: 4, bigEndian: true))
        }
        guard seconds > 0, let text = quickTimeDate(seconds) else { return }
        s.field("QuickTime", "CreateDate", .text(text), container: container)
    }

    /// Seconds since 1904-01-01 00:00 UTC → "YYYY:MM:DD hh:mm:ss" (nil before 1970 or after 9999).
    static func quickTimeDate(_ seconds: UInt64) -> String? {
        let unixOffset: UInt64 = 2_082_844_800
        guard seconds > unixOffset, seconds - unixOffset < 253_402_300_800 else { return nil }
        let t = Int(seconds - unixOffset)
        let days = t / 86_400, rest = t % 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = z / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year):\(two(month)):\(two(day)) \(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))"
    }

    /// Per-track user data and metadata, and whether the track is timed metadata that can hold
    /// a GPS track (Apple `mebx` with location keys, GoPro GPMF `gpmd`, Google `camm`).
    static func readTrack(_ s: MediaReadSession, _ trak: BoxHeader, container: String) throws(ScanError) {
        var handler: FourCC?
        var sampleEntry: BoxHeader?
        for box in try ISOBMFFBoxWalker.children(s, in: trak.payloadRange, context: container) {
            switch box.type {
            case udta: try QuickTimeUserData.read(s, box, depth: 3, container: "\(container)/udta")
            case meta: try QuickTimeMetaBox.read(s, box, depth: 3, container: "\(container)/meta")
            case uuid: try readUUID(s, box, container: "\(container)/uuid XMP")
            case mdia:
                for m in try ISOBMFFBoxWalker.children(s, in: box.payloadRange, context: "\(container)/mdia") {
                    if m.type == hdlr, m.payloadCount >= 12 {
                        handler = FourCC(BinaryCursor.u32(try s.read(at: m.payload + 8, count: 4, "hdlr"), at: 0, bigEndian: true))
                    } else if m.type == minf {
                        sampleEntry = try firstSampleEntry(s, minf: m, container: container)
                    }
                }
            default: break
            }
        }
        guard let entry = sampleEntry else { return }
        switch entry.type {
        case mebx:
            let keys = try timedMetadataKeys(s, entry, container: container)
            guard !keys.isEmpty else { return }
            s.field("Track", "TimedMetadataKeys", .list(keys), container: container)
            if let location = keys.first(where: { $0.contains("location") }) {
                s.field("Track", "TimedGPS", .text("\(handler?.description ?? "meta")/mebx: \(location)"), container: container)
                s.note("a timed metadata track carries GPS (\(location))")
            }
            if keys.contains(where: { $0.contains("detected-face") }) {
                s.note("a timed metadata track carries detected faces")
            }
        case gpmd:
            s.field("Track", "TimedGPS", .text("\(handler?.description ?? "meta")/gpmd: GoPro GPMF"), container: container)
            s.note("a GoPro GPMF timed metadata track can carry GPS")
        case camm:
            s.field("Track", "TimedGPS", .text("\(handler?.description ?? "camm")/camm: camera motion metadata"),
                    container: container)
            s.note("a camera motion metadata (camm) track can carry GPS")
        default:
            break
        }
    }

    static func firstSampleEntry(_ s: MediaReadSession, minf: BoxHeader, container: String) throws(ScanError) -> BoxHeader? {
        for box in try ISOBMFFBoxWalker.children(s, in: minf.payloadRange, context: "\(container)/minf") where box.type == stbl {
            for table in try ISOBMFFBoxWalker.children(s, in: box.payloadRange, context: "\(container)/stbl")
            where table.type == stsd && table.payloadCount > 8 {
                // Full box + entry count, then the sample entries; the first says the format.
                return try ISOBMFFBoxWalker.children(s, in: (table.payload + 8)..<table.end, context: "\(container)/stsd").first
            }
        }
        return nil
    }

    /// Key names of a `mebx` sample entry: 6 reserved bytes and a data reference index, then
    /// `keys` holding one box per local key, each with a `keyd` (namespace + key name).
    static func timedMetadataKeys(_ s: MediaReadSession, _ entry: BoxHeader, container: String) throws(ScanError) -> [String] {
        guard entry.payloadCount > 8 else { return [] }
        var names: [String] = []
        for box in try ISOBMFFBoxWalker.children(s, in: (entry.payload + 8)..<entry.end, context: "\(container)/mebx")
        where box.type == FourCC("keys") {
            for key in try ISOBMFFBoxWalker.children(s, in: box.payloadRange, context: "\(container)/mebx/keys") {
                for part in try ISOBMFFBoxWalker.children(s, in: key.payloadRange, context: "\(container)/mebx/key")
                where part.type == FourCC("keyd") && part.payloadCount > 4 && part.payloadCount <= 4096 && names.count < 256 {
                    let bytes = try ISOBMFFBoxWalker.payload(s, part, max: 4096, "\(container)/keyd")
                    names.append(QuickTimeText.decode(Array(bytes[4...])))
                }
            }
        }
        return names
    }

    static func readUUID(_ s: MediaReadSession, _ box: BoxHeader, container: String) throws(ScanError) {
        guard box.userType == ISOBMFFBoxWalker.xmpUUID else { return }
        s.add(.xmp, try s.copy(at: box.payload, count: box.payloadCount, container), container: container, range: box.payloadRange)
    }
}
