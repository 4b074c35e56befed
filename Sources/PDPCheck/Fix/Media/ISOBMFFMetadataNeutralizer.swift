/// Cleans HEIC / AVIF stills and MP4 / MOV / 3GP movies in place: the file keeps its size and
/// every box its offset, so no `iloc`, `stco` or `co64` table needs rewriting.
/// - HEIF Exif item: rebuilt without the removed tags and written over the item's own bytes,
///   the rest zeroed; XMP item: cleaned and padded with white space to its old length.
/// - `udta` atoms (`©xyz`, `loci`, authors, serials…) and `ilst` items (keys-based location,
///   artist…) become `free` boxes of the same size with zeroed payloads.
/// - XMP in `uuid` / `XMP_` boxes: cleaned and padded.
/// - Creation and modification times in `mvhd`, `tkhd` and `mdhd` are zeroed when capture
///   time is removed.
/// - Timed metadata tracks that record a GPS route (GoPro GPMF `gpmd`, `camm`, Apple `mebx`
///   location keys) go when GPS goes: the `trak` becomes `free`, references to its track ID
///   from other tracks (`tref`) are neutralized, and its samples in `mdat` are zeroed (found
///   through its sample table, less any byte a kept track uses). In a fragmented movie its
///   track fragments, defaults and random access tables become `free` as well, and their
///   samples are zeroed too. Where that cannot be done safely (a sample table that lies, a
///   fragment placed relative to the one before it) the track stays and a person is told.
enum ISOBMFFMetadataNeutralizer {
    static let free = FourCC("free")
    static let moov = FourCC("moov"), meta = FourCC("meta"), udta = FourCC("udta"), trak = FourCC("trak")
    static let mdia = FourCC("mdia"), mvhd = FourCC("mvhd"), tkhd = FourCC("tkhd"), mdhd = FourCC("mdhd")
    static let uuid = FourCC("uuid"), ilst = FourCC("ilst"), keys = FourCC("keys"), iinf = FourCC("iinf")
    static let iloc = FourCC("iloc"), idat = FourCC("idat"), tref = FourCC("tref")

    /// `udta` atoms removed whatever their value, by category (ExifTool names in comments).
    static let atomTable: [FourCC: Category] = [
        FourCC(bytes: 0xA9, 0x78, 0x79, 0x7A): .gpsLocation,  // ©xyz GPSCoordinates
        FourCC("@xyz"): .gpsLocation, FourCC("loci"): .gpsLocation,
        FourCC(bytes: 0xA9, 0x41, 0x52, 0x54): .authorIdentity,  // ©ART
        FourCC(bytes: 0xA9, 0x61, 0x75, 0x74): .authorIdentity,  // ©aut
        FourCC("auth"): .authorIdentity,
        FourCC(bytes: 0xA9, 0x64, 0x61, 0x79): .captureTime,  // ©day
        FourCC("slno"): .deviceIdentity, FourCC("cmid"): .deviceIdentity, FourCC("LENS"): .deviceIdentity,
        FourCC("CAME"): .deviceIdentity,
    ]
    static let commentAtom = FourCC(bytes: 0xA9, 0x63, 0x6D, 0x74)  // ©cmt

    /// Context shared by the walk: the input, the output being patched, the plan and the log.
    struct Job {
        let session: MediaReadSession
        var out: [UInt8]
        let plan: MediaStripPlan
        var log: CleanLog
        var timesZeroed = false
        /// Timed GPS tracks being removed, by the offset of their `trak`.
        var removedTracks: [Int: TimedGPSTracks.Track] = [:]
        var removedIDs: Set<UInt32> = []
    }

    static func clean(_ bytes: [UInt8], plan: MediaStripPlan, log: inout CleanLog) throws(ScanError) -> [UInt8] {
        var job = Job(session: MediaReadSession(source: MemoryByteSource(bytes), limits: .default), out: bytes,
                      plan: plan, log: log)
        let label = "ISOBMFF"
        var route: TimedGPSTracks?
        if plan.removes(.gpsLocation) {
            let found = try TimedGPSTracks.find(bytes, session: job.session)
            if let refusal = found.refusal {
                job.log.needPerson("This video records a GPS route in a timed metadata track that cannot be removed in place ("
                                   + refusal + "): drop the track with a video tool (e.g. ffmpeg -map 0:v -map 0:a -c copy) before sharing.")
            } else if found.removable {
                route = found
                for track in found.tracks {
                    job.removedTracks[track.trak.start] = track
                    if let id = track.id { job.removedIDs.insert(id) }
                }
            }
        }
        for box in try ISOBMFFBoxWalker.children(job.session, in: 0..<bytes.count, context: label, topLevel: true) {
            switch box.type {
            case meta: try cleanMeta(&job, box, depth: 1, container: "HEIF meta", topLevel: true)
            case moov: try cleanMovie(&job, box)
            case udta: try cleanUserData(&job, box, depth: 1, container: "udta")
            case uuid: cleanUUID(&job, box, container: "uuid XMP")
            default: break
            }
        }
        if let route {
            zeroSamples(&job, route)
            freeFragments(&job, route)
        }
        log = job.log
        return job.out
    }

    // MARK: timed GPS tracks

    /// The removed tracks' samples, overwritten with zeros where they lie in `mdat`.
    static func zeroSamples(_ job: inout Job, _ route: TimedGPSTracks) {
        var total = 0
        for r in route.samples where r.lowerBound >= 0 && r.upperBound <= job.out.count {
            zero(&job, r)
            job.log.zeroed(r)
            total += r.count
        }
        if total > 0 { job.log.note("\(total) bytes of GPS track samples in the media data were overwritten with zeros") }
    }

    /// In a fragmented movie, the removed tracks' fragments, defaults and random access tables
    /// become `free` too: one note for them all (a long video has hundreds of fragments).
    static func freeFragments(_ job: inout Job, _ route: TimedGPSTracks) {
        guard !route.fragmentBoxes.isEmpty else { return }
        for box in route.fragmentBoxes { makeFree(&job, box) }
        let fragments = route.fragmentBoxes.filter { $0.type == MovieFragments.traf }.count
        job.log.note("the GPS track's \(fragments) movie fragment(s) and its track defaults became free space")
    }

    /// A removed track: its `trak` becomes `free`, whatever it held.
    static func removeTrack(_ job: inout Job, _ track: TimedGPSTracks.Track) {
        makeFree(&job, track.trak)
        let category = job.plan.removal(group: "Track", name: "TimedGPS") ?? .gpsLocation
        job.log.remove(category, track.container, "Track:TimedGPS (\(track.format))")
    }

    /// References from a kept track to a removed one. A reference box naming only removed
    /// tracks becomes `free` (and `tref` with it when nothing is left); one that also names
    /// kept tracks keeps its size, the removed IDs replaced by a kept one (a repeated reference
    /// means nothing more), since track ID 0 is not allowed.
    static func neutralizeReferences(_ job: inout Job, _ tref: BoxHeader, container: String) throws(ScanError) {
        let references = try ISOBMFFBoxWalker.children(job.session, in: tref.payloadRange, context: container)
        var freed = 0
        for ref in references {
            let at = (0..<(ref.payloadCount / 4)).map { ref.payload + 4 * $0 }
            let hits = at.filter { job.removedIDs.contains(BinaryCursor.u32(job.out, at: $0, bigEndian: true)) }
            guard !hits.isEmpty else { continue }
            let names = hits.map { "TrackReference:\(ref.type) to track \(BinaryCursor.u32(job.out, at: $0, bigEndian: true))" }
            job.log.remove(job.plan.removal(group: "Track", name: "TimedGPS") ?? .gpsLocation, container, names)
            if let keep = at.first(where: { !hits.contains($0) }) {
                let id = Array(job.out[keep..<(keep + 4)])
                for h in hits { job.out.replaceSubrange(h..<(h + 4), with: id) }
            } else {
                makeFree(&job, ref)
                freed += 1
            }
        }
        if freed > 0, freed == references.count { makeFree(&job, tref) }
    }

    // MARK: boxes

    /// Turns a box into `free`: the type replaced, the payload (and a `uuid` user type) zeroed,
    /// the size (and a 64-bit size) kept.
    static func makeFree(_ job: inout Job, _ box: BoxHeader) {
        guard box.start + 8 <= box.end else { return }
        job.out.replaceSubrange((box.start + 4)..<(box.start + 8), with: free.bytes)
        let size32 = BinaryCursor.u32(job.out, at: box.start, bigEndian: true)
        let from = box.start + (size32 == 1 ? 16 : 8)
        zero(&job, from..<box.end)
    }

    static func zero(_ job: inout Job, _ range: Range<Int>) {
        guard range.lowerBound >= 0, range.upperBound <= job.out.count, !range.isEmpty else { return }
        job.out.replaceSubrange(range, with: repeatElement(0, count: range.count))
    }

    static func cleanMovie(_ job: inout Job, _ moov: BoxHeader) throws(ScanError) {
        var track = 0
        for box in try ISOBMFFBoxWalker.children(job.session, in: moov.payloadRange, context: "moov") {
            switch box.type {
            case mvhd: zeroTimes(&job, box, container: "QuickTime moov/mvhd")
            case udta: try cleanUserData(&job, box, depth: 2, container: "moov/udta")
            case meta: try cleanMeta(&job, box, depth: 2, container: "moov/meta", topLevel: false)
            case uuid: cleanUUID(&job, box, container: "moov/uuid XMP")
            case trak:
                track += 1
                if let removed = job.removedTracks[box.start] {
                    removeTrack(&job, removed)
                    continue
                }
                for t in try ISOBMFFBoxWalker.children(job.session, in: box.payloadRange, context: "trak") {
                    switch t.type {
                    case tref where !job.removedIDs.isEmpty:
                        try neutralizeReferences(&job, t, container: "QuickTime trak \(track)/tref")
                    case tkhd: zeroTimes(&job, t, container: "QuickTime trak \(track)/tkhd")
                    case udta: try cleanUserData(&job, t, depth: 3, container: "trak \(track)/udta")
                    case meta: try cleanMeta(&job, t, depth: 3, container: "trak \(track)/meta", topLevel: false)
                    case uuid: cleanUUID(&job, t, container: "trak \(track)/uuid XMP")
                    case mdia:
                        for m in try ISOBMFFBoxWalker.children(job.session, in: t.payloadRange, context: "mdia") where m.type == mdhd {
                            zeroTimes(&job, m, container: "QuickTime trak \(track)/mdhd")
                        }
                    default: break
                    }
                }
            default: break
            }
        }
    }

    /// Creation and modification times of a full box whose payload starts with version/flags
    /// (`mvhd`, `tkhd`, `mdhd`: 4- or 8-byte times by version).
    static func zeroTimes(_ job: inout Job, _ box: BoxHeader, container: String) {
        guard job.plan.removes(.captureTime), box.payloadCount >= 4 else { return }
        let width = job.out[box.payload] == 1 ? 8 : 4
        let times = (box.payload + 4)..<(box.payload + 4 + 2 * width)
        guard times.upperBound <= box.end, job.out[times].contains(where: { $0 != 0 }) else { return }
        zero(&job, times)
        job.log.remove(job.plan.removal(group: "QuickTime", name: "CreateDate") ?? .captureTime, container,
                       "QuickTime:CreateDate / ModifyDate")
    }

    static func cleanUUID(_ job: inout Job, _ box: BoxHeader, container: String) {
        guard box.userType == ISOBMFFBoxWalker.xmpUUID else { return }
        cleanXMPInPlace(&job, box.payloadRange, container: container)
    }

    static func cleanXMPInPlace(_ job: inout Job, _ range: Range<Int>, container: String) {
        let packet = Array(job.out[range])
        guard let cleaned = XMPCleaner.inPlace(packet, length: packet.count, plan: job.plan, container: container, log: &job.log) else {
            zero(&job, range)
            job.log.remove(nil, container, "XMP packet (zeroed: no room for an empty packet)")
            return
        }
        if cleaned != packet { job.out.replaceSubrange(range, with: cleaned) }
    }

    // MARK: udta

    static func cleanUserData(_ job: inout Job, _ box: BoxHeader, depth: Int, container: String) throws(ScanError) {
        try job.session.checkDepth(depth, container)
        let label = "QuickTime " + container
        if job.plan.mode == .all {
            let atoms = try ISOBMFFBoxWalker.children(job.session, in: box.payloadRange, context: container)
            if !atoms.isEmpty {
                job.log.remove(nil, label, atoms.map { "UserData:" + atomName($0.type) })
                makeFree(&job, box)
            }
            return
        }
        for atom in try ISOBMFFBoxWalker.children(job.session, in: box.payloadRange, context: container) {
            if atom.type == meta {
                try cleanMeta(&job, atom, depth: depth + 1, container: container + "/meta", topLevel: false)
                continue
            }
            if atom.type == QuickTimeUserData.xmpAtom {
                cleanXMPInPlace(&job, atom.payloadRange, container: label + "/XMP_")
                continue
            }
            let name = atomName(atom.type)
            var category = job.plan.removal(group: "UserData", name: name)
            if category == nil, atom.type == commentAtom, job.plan.removesComments { category = .hiddenContent }
            if category == nil, let tabled = atomTable[atom.type], job.plan.removes(tabled) { category = tabled }
            if category == nil, atom.type == FourCC("loci"), job.plan.removes(.locationName) { category = .locationName }
            guard let category else { continue }
            job.log.remove(category, label, "UserData:" + name)
            makeFree(&job, atom)
        }
    }

    /// ExifTool's UserData name for an atom (its type when unknown).
    static func atomName(_ type: FourCC) -> String {
        if type.firstByte == 0xA9 || type.firstByte == 0x40, let known = QuickTimeUserData.textAtomNames[type.tail] {
            return known
        }
        if let known = QuickTimeUserData.assetNames[type] ?? QuickTimeUserData.stringAtomNames[type] { return known }
        if type == FourCC("loci") { return "LocationInformation" }
        if type == FourCC("CAME") { return "SerialNumberHash" }
        return type.description
    }

    // MARK: meta

    static func cleanMeta(_ job: inout Job, _ box: BoxHeader, depth: Int, container: String, topLevel: Bool) throws(ScanError) {
        try job.session.checkDepth(depth, container)
        let start = try ISOBMFFBoxWalker.metaChildrenStart(job.session, box)
        var found: [FourCC: BoxHeader] = [:]
        for child in try ISOBMFFBoxWalker.children(job.session, in: start..<box.end, context: container)
        where found[child.type] == nil {
            found[child.type] = child
        }
        if let iinf = found[iinf], let iloc = found[iloc] {
            try HEIFItemNeutralizer.clean(&job, iinf: iinf, iloc: iloc, idat: found[idat]?.payloadRange, container: container)
        }
        if let xml = found[FourCC("xml ")], xml.payloadCount > 4 {
            let text = Array(job.out[(xml.payload + 4)..<xml.end])
            if BinaryCursor.firstIndex(of: Array("x:xmpmeta".utf8), in: text) != nil
                || BinaryCursor.firstIndex(of: Array("rdf:RDF".utf8), in: text) != nil {
                cleanXMPInPlace(&job, (xml.payload + 4)..<xml.end, container: container + "/xml")
            }
        }
        guard let list = found[ilst] else { return }
        let label = "QuickTime " + container
        // Outside HEIF, a meta box is only metadata: `.all` frees it whole.
        if job.plan.mode == .all, !topLevel {
            job.log.remove(nil, label, "QuickTime metadata items")
            makeFree(&job, box)
            return
        }
        let keyNames = try found[keys].map { k throws(ScanError) in try QuickTimeMetaBox.readKeys(job.session, k, container) }
        for item in try ISOBMFFBoxWalker.children(job.session, in: list.payloadRange, context: container + "/ilst") {
            let group: String, name: String
            var tabled: Category?
            if let keyNames {
                let index = Int(item.type.raw)
                guard index >= 1, index <= keyNames.count else { continue }
                let key = keyNames[index - 1]
                group = "Keys"
                name = QuickTimeKeys.name(for: key)
                tabled = keyCategory(key)
            } else {
                guard let known = QuickTimeKeys.itemListName(item.type) else { continue }
                group = "ItemList"
                name = known
                tabled = name == "GPSCoordinates" ? .gpsLocation : ["Artist", "Author", "Owner"].contains(name) ? .authorIdentity : nil
            }
            var category = job.plan.removal(group: group, name: name)
            if category == nil, name == "Comment", job.plan.removesComments { category = .hiddenContent }
            if category == nil, let tabled, job.plan.removes(tabled) { category = tabled }
            if job.plan.mode == .all { category = category ?? tabled }
            guard category != nil || job.plan.mode == .all else { continue }
            job.log.remove(category, label, group + ":" + name)
            makeFree(&job, item)
        }
    }

    /// Categories of QuickTime keys whatever their value.
    static func keyCategory(_ key: String) -> Category? {
        let k = key.lowercased()
        if k.contains("location.iso6709") { return .gpsLocation }
        if k.contains("location.") { return .locationName }
        if k.hasSuffix(".artist") || k.hasSuffix(".author") || k.hasSuffix(".displayname") { return .authorIdentity }
        if k.hasSuffix(".creationdate") || k.hasSuffix("location.date") { return .captureTime }
        if k.contains("serial") || k.hasSuffix("camera.identifier") { return .deviceIdentity }
        if k.contains("detected-face") { return .faceRegion }
        return nil
    }
}
