/// QuickTime / MP4 / 3GP user data (`udta`): `©xyz` and Samsung/Ricoh `@xyz` ISO 6709
/// locations, the `©nam`-style text atoms, 3GPP asset boxes (`auth`, `titl`, `loci`…), camera
/// serial atoms, and XMP in `XMP_`. Field names are ExifTool's UserData tag names.
enum QuickTimeUserData {
    static let group = "UserData"

    /// `©xxx` (and `@xxx`) atoms by their last three characters.
    static let textAtomNames: [String: String] = [
        "nam": "Title", "ART": "Artist", "aut": "Author", "cmt": "Comment", "day": "ContentCreateDate",
        "too": "Encoder", "mak": "Make", "mod": "Model", "mdl": "Model", "swr": "SoftwareVersion", "des": "Description",
        "inf": "Information", "cpy": "Copyright", "dir": "Director", "prd": "Producer", "prf": "Performers",
        "wrt": "Composer", "com": "Composer", "alb": "Album", "gen": "Genre", "req": "Requirements",
        "src": "SourceCredits", "fmt": "Format", "enc": "EncoderID", "grp": "Grouping", "lyr": "Lyrics",
        "arg": "Arranger", "phg": "RecordingCopyright", "snm": "Subtitle", "swf": "SongWriter",
        "mal": "MakerURL", "lab": "RecordLabelName", "isr": "ISRCCode", "trk": "Track",
        "ed1": "Edit1", "ed2": "Edit2", "ed3": "Edit3", "ed4": "Edit4", "ed5": "Edit5",
        "ed6": "Edit6", "ed7": "Edit7", "ed8": "Edit8", "ed9": "Edit9", "url": "URL", "hst": "HostComputer",
        "PRD": "Product", "key": "Keywords", "xyz": "GPSCoordinates",
    ]

    /// 3GPP asset boxes: full box, 2-byte language, then a UTF-8 or UTF-16 (BOM) string.
    static let assetNames: [FourCC: String] = [
        FourCC("auth"): "Author", FourCC("titl"): "Title", FourCC("dscp"): "Description",
        FourCC("cprt"): "Copyright", FourCC("perf"): "Performer", FourCC("gnre"): "Genre",
        FourCC("albm"): "Album", FourCC("coll"): "CollectionName",
    ]

    /// Plain-string atoms some cameras write (serial numbers among them).
    static let stringAtomNames: [FourCC: String] = [
        FourCC("slno"): "SerialNumber", FourCC("cmid"): "CameraID", FourCC("cmnm"): "Model",
        FourCC("manu"): "Make", FourCC("modl"): "Model", FourCC("LENS"): "LensSerialNumber",
        FourCC("FIRM"): "FirmwareVersion", FourCC("vndr"): "Vendor",
    ]

    /// `@` atoms ExifTool reads like their `©` namesakes (Samsung, Ricoh); others are binary.
    static let atTextAtoms: Set<String> = ["mak", "mod", "swr", "day", "xyz"]

    static let loci = FourCC("loci"), meta = FourCC("meta"), xmpAtom = FourCC("XMP_"), came = FourCC("CAME")

    static func read(_ s: MediaReadSession, _ udta: BoxHeader, depth: Int, container: String) throws(ScanError) {
        try s.checkDepth(depth, container)
        for atom in try ISOBMFFBoxWalker.children(s, in: udta.payloadRange, context: container) {
            let first = atom.type.firstByte
            if first == 0xA9 || (first == 0x40 && atTextAtoms.contains(atom.type.tail)) {  // © or @
                let known = textAtomNames[atom.type.tail]
                guard let payload = try smallPayload(s, atom, container) else { continue }
                // Unknown ©-atoms count only when they hold well-formed text (DJI and others keep
                // binary there).
                guard let text = known != nil ? QuickTimeText.international(payload) : QuickTimeText.strictInternational(payload),
                      !text.isEmpty else { continue }
                let name = known ?? ExifToolNames.fromKey(atom.type.tail)
                if name == "GPSCoordinates", let point = ISO6709.parse(text) {
                    s.field(group, name, .numbers(point), container: container)
                } else {
                    s.field(group, name, .text(text), container: container)
                }
            } else if let name = assetNames[atom.type] {
                guard let payload = try smallPayload(s, atom, container), payload.count > 6 else { continue }
                var c = BinaryCursor(payload, position: 6, context: container)
                let text = QuickTimeText.terminatedString(&c)
                if !text.isEmpty { s.field(group, name, .text(text), container: container) }
            } else if atom.type == loci {
                guard let payload = try smallPayload(s, atom, container) else { continue }
                do throws(ScanError) {
                    try readLocation(payload, container: container, s)
                } catch {
                    s.note("\(container): unreadable 3GPP location (\(error.message))")
                }
            } else if let name = stringAtomNames[atom.type] {
                guard var payload = try smallPayload(s, atom, container) else { continue }
                if payload.count > 6, payload[0...3] == [0, 0, 0, 0] { payload.removeFirst(6) }  // Canon prefix
                let text = QuickTimeText.decode(Array(payload.prefix { $0 != 0 }))
                if !text.isEmpty { s.field(group, name, .text(text), container: container) }
            } else if atom.type == came {
                if let payload = try smallPayload(s, atom, container), !payload.isEmpty {
                    s.field(group, "SerialNumberHash", .text(payload.map { JPEGSegmentReader.hex($0) }.joined().lowercased()),
                            container: container)
                }
            } else if atom.type == meta {
                try QuickTimeMetaBox.read(s, atom, depth: depth + 1, container: "\(container)/meta")
            } else if atom.type == xmpAtom {
                s.add(.xmp, try s.copy(at: atom.payload, count: atom.payloadCount, "\(container) XMP_"),
                      container: "\(container)/XMP_", range: atom.payloadRange)
            }
        }
    }

    /// A text-sized atom payload; larger atoms (binary blobs some cameras tuck in here) are
    /// skipped with a note.
    static func smallPayload(_ s: MediaReadSession, _ atom: BoxHeader, _ container: String) throws(ScanError) -> [UInt8]? {
        guard atom.payloadCount <= 1 << 20 else {
            s.note("\(container): '\(atom.type)' atom of \(atom.payloadCount) bytes not read")
            return nil
        }
        try s.reserveCopy(atom.payloadCount, container)
        return try s.read(at: atom.payload, count: atom.payloadCount, "\(container)/\(atom.type)")
    }

    /// 3GPP `loci`: name, role, fixed-point longitude / latitude / altitude, body, notes.
    /// ExifTool reports it as one string; the coordinates and name are also given on their
    /// own so detectors need not parse that string.
    static func readLocation(_ payload: [UInt8], container: String, _ s: MediaReadSession) throws(ScanError) {
        var c = BinaryCursor(payload, position: 6, context: "\(container)/loci")
        var name = QuickTimeText.terminatedString(&c)
        let role = try c.u8()
        let lon = Double(Int32(bitPattern: try c.u32())) / 65536
        let lat = Double(Int32(bitPattern: try c.u32())) / 65536
        let alt = Double(Int32(bitPattern: try c.u32())) / 65536
        let body = c.isAtEnd ? nil : QuickTimeText.terminatedString(&c)
        let notes = c.isAtEnd ? nil : QuickTimeText.terminatedString(&c)
        if !name.isEmpty { s.field(group, "LocationName", .text(name), container: container) }
        if let notes, !notes.isEmpty { s.field(group, "LocationNotes", .text(notes), container: container) }
        s.field(group, "LocationCoordinates", .numbers([lat, lon, alt]), container: container)
        if name.isEmpty { name = "(none)" }
        let roles = ["shooting", "real", "fictional", "reserved"]
        var summary = name + " Role=" + (Int(role) < roles.count ? roles[Int(role)] : "unknown(\(role))")
        summary += " Lat=\(fixed(lat, 5)) Lon=\(fixed(lon, 5)) Alt=\(fixed(alt, 2))"
        if let body { summary += " Body=\(body)" }
        if let notes { summary += " Notes=\(notes)" }
        s.field(group, "LocationInformation", .text(summary), container: container)
    }

    /// `%.Nf` without Foundation.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 1e15 else { return String(value) }
        let whole = Int(scaled / scale), fraction = Int(scaled) - whole * Int(scale)
        var fractionText = String(fraction)
        while fractionText.count < digits { fractionText = "0" + fractionText }
        return (value < 0 && scaled > 0 ? "-" : "") + String(whole) + (digits > 0 ? "." + fractionText : "")
    }
}

/// Text encodings QuickTime atoms use.
enum QuickTimeText {
    /// UTF-8 when valid, else Latin-1 (close enough to Mac Roman for the ASCII that such
    /// atoms hold in practice), trimmed of NULs.
    static func decode(_ bytes: [UInt8]) -> String {
        var b = bytes[...]
        while b.last == 0 { b = b.dropLast() }
        if let text = String(validating: b, as: UTF8.self) { return text }
        return PNGChunkReader.latin1(Array(b))
    }

    /// Only a well-formed [length][language][UTF-8 text] value, else nil.
    static func strictInternational(_ p: [UInt8]) -> String? {
        guard p.count >= 5 else { return nil }
        let length = Int(p[0]) << 8 | Int(p[1])
        guard length > 0, length <= p.count - 4,
              let text = String(validating: p[4..<(4 + length)], as: UTF8.self), isPrintable(text) else { return nil }
        return text
    }

    static func isPrintable(_ text: String) -> Bool {
        !text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r") || $0.value == 0xFFFD }
    }

    static func utf16BE(_ bytes: ArraySlice<UInt8>) -> String {
        var units: [UInt16] = []
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            units.append(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        while units.last == 0 { units.removeLast() }
        return String(decoding: units, as: UTF16.self)
    }

    /// The value of a `©xxx` atom: [u16 length][u16 language][text], possibly repeated for other
    /// languages (the first is taken); some writers use an iTunes `data` atom or a bare string.
    static func international(_ p: [UInt8]) -> String {
        if p.count >= 4 {
            let length = Int(p[0]) << 8 | Int(p[1])
            if length > 0, length <= p.count - 4 {
                return decode(Array(p[4..<(4 + length)]))
            }
            if p.count >= 16, p[4...7] == [0x64, 0x61, 0x74, 0x61] {  // "data"
                if case .text(let t)? = QuickTimeData.value(Array(p[8...])) { return t }
            }
        }
        return decode(p)
    }

    /// A NUL-terminated UTF-8 string, or UTF-16 with a BOM ended by two NULs (3GPP boxes).
    static func terminatedString(_ c: inout BinaryCursor) -> String {
        let b = c.bytes
        if BinaryCursor.hasPrefix(b, [0xFE, 0xFF], at: c.position) {
            var i = c.position + 2
            while i + 1 < b.count, !(b[i] == 0 && b[i + 1] == 0) { i += 2 }
            let text = utf16BE(b[(c.position + 2)..<min(i, b.count)])
            c.position = min(b.count, i + 2)
            return text
        }
        return decode(c.cString())
    }
}

/// ExifTool's rule for naming tags it has no table entry for.
enum ExifToolNames {
    /// "android.capture.fps" → "AndroidCaptureFps", "xyz" → "Xyz".
    static func fromKey(_ key: String) -> String {
        var out = ""
        var upperNext = true
        for ch in key.unicodeScalars {
            let isWord = (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || (ch >= "0" && ch <= "9") || ch == "-" || ch == "_"
            if ch == "." || ch == " " {
                upperNext = true
                continue
            }
            guard isWord else { continue }
            if upperNext, ch >= "a", ch <= "z" {
                out.unicodeScalars.append(UnicodeScalar(ch.value - 32) ?? ch)
            } else {
                out.unicodeScalars.append(ch)
            }
            upperNext = false
        }
        return out.count < 2 ? "Tag_" + out : out
    }
}
