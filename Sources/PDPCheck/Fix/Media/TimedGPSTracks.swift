/// The timed metadata tracks of a movie that record a GPS route (GoPro GPMF `gpmd`, Google
/// `camm`, Apple `mebx` with location keys: the tracks ISOBMFFReader reports as TimedGPS), and
/// the bytes of `mdat` their samples occupy. Removing such a track in place means turning its
/// `trak` into `free` and zeroing those bytes (a GPMF tool or `strings` still finds the route in
/// unreferenced samples); this finds both, or says why it cannot be done safely.
struct TimedGPSTracks {
    struct Track {
        let trak: BoxHeader
        /// From `tkhd`; nil when the header is missing or short.
        let id: UInt32?
        /// "QuickTime trak 2", as the reader names the track.
        let container: String
        /// "gpmd: GoPro GPMF".
        let format: String
    }

    var tracks: [Track] = []
    /// The GPS samples inside `mdat`, sorted and merged, less every byte a kept track also uses.
    var samples: [Range<Int>] = []
    /// Why the tracks cannot be removed in place; nil when they can (or there are none).
    var refusal: String?
    /// In a fragmented movie, the boxes outside `trak` that belong to the GPS tracks and go with
    /// them: their track fragments (`traf`), defaults (`trex`) and random access tables (`tfra`).
    var fragmentBoxes: [BoxHeader] = []

    var removable: Bool { !tracks.isEmpty && refusal == nil }

    static let moof = FourCC("moof"), mvex = FourCC("mvex"), tkhd = FourCC("tkhd")

    static func find(_ b: [UInt8], session s: MediaReadSession) throws(ScanError) -> TimedGPSTracks {
        var found = TimedGPSTracks()
        let top = try ISOBMFFBoxWalker.children(s, in: 0..<b.count, context: "ISOBMFF", topLevel: true)
        var kept: [(container: String, table: MovieSampleTable)] = []
        var gps: [(track: Track, table: MovieSampleTable)] = []
        var fragmented = top.contains { $0.type == moof }
        var unreadable: [String] = []
        for moov in top where moov.type == ISOBMFFReader.moov {
            var index = 0
            for trak in try ISOBMFFBoxWalker.children(s, in: moov.payloadRange, context: "moov") {
                if trak.type == mvex { fragmented = true }
                guard trak.type == ISOBMFFReader.trak else { continue }
                index += 1
                let container = "QuickTime trak \(index)"
                // A track whose boxes lie is not judged here (the reader reports the file as
                // damaged); it only stops a GPS track from being removed beside it.
                let info: (id: UInt32?, table: MovieSampleTable, gpsFormat: String?)
                do {
                    info = try trackInfo(s, b, trak, container: container)
                } catch {
                    unreadable.append(container)
                    continue
                }
                if let format = info.gpsFormat {
                    gps.append((Track(trak: trak, id: info.id, container: container, format: format), info.table))
                } else {
                    kept.append((container, info.table))
                }
            }
        }
        found.tracks = gps.map(\.track)
        guard !gps.isEmpty else { return found }
        if let damaged = unreadable.first {
            found.refusal = "\(damaged) cannot be read, so its samples could share bytes with the GPS track"
            return found
        }
        let mdat = top.filter { $0.type == ISOBMFFBoxWalker.mdat }.map(\.payloadRange)
        var route: [Range<Int>] = []
        for (track, table) in gps {
            do {
                route += try table.sampleRanges(in: b)
            } catch {
                found.refusal = "\(track.container): \(error.reason)"
                return found
            }
        }
        // A fragmented movie indexes its samples in `moof` boxes as well, by track ID.
        var sharedFragments: [Range<Int>] = []
        if fragmented {
            let ids = gps.compactMap(\.track.id)
            guard ids.count == gps.count else {
                found.refusal = "a GPS track has no track ID, so its fragments cannot be told apart"
                return found
            }
            let fragments: MovieFragments
            do {
                fragments = try MovieFragments.read(b, session: s, top: top)
            } catch {
                found.refusal = "its fragments cannot be followed: \(error.reason)"
                return found
            }
            let gpsIDs = Set(ids)
            for f in fragments.fragments {
                if gpsIDs.contains(f.trackID) {
                    route += f.samples
                    found.fragmentBoxes.append(f.traf)
                } else {
                    sharedFragments += f.samples
                }
            }
            found.fragmentBoxes += fragments.trackDefaults.filter { gpsIDs.contains($0.key) }.map(\.value)
            found.fragmentBoxes += fragments.randomAccess.filter { gpsIDs.contains($0.trackID) }.map(\.box)
            found.fragmentBoxes.sort { $0.start < $1.start }
        }
        // Samples past the end of a truncated file are not in it; the rest must be media data,
        // or zeroing them would damage a structure.
        route = ByteRanges.merged(route).compactMap { r in
            r.lowerBound < b.count ? r.lowerBound..<min(r.upperBound, b.count) : nil
        }
        guard ByteRanges.covered(route, by: mdat) else {
            found.refusal = "its samples lie outside the media data"
            return found
        }
        // Bytes a kept track also uses stay: the picture and sound are never touched.
        var shared = sharedFragments
        for (container, table) in kept {
            do {
                shared += try table.sampleRanges(in: b)
            } catch {
                found.refusal = "\(container) has a sample table that cannot be read (\(error.reason)), so its samples could share bytes with the GPS track"
                return found
            }
        }
        found.samples = ByteRanges.subtract(shared, from: route)
        return found
    }

    /// A track's ID, sample table, and the GPS format of its first sample entry (nil when it is
    /// not a GPS track), decided the way ISOBMFFReader.readTrack decides it.
    static func trackInfo(_ s: MediaReadSession, _ b: [UInt8], _ trak: BoxHeader,
                          container: String) throws(ScanError) -> (id: UInt32?, table: MovieSampleTable, gpsFormat: String?) {
        var id: UInt32?
        var entry: BoxHeader?
        var table = MovieSampleTable(stblChildren: [])
        for box in try ISOBMFFBoxWalker.children(s, in: trak.payloadRange, context: container) {
            if box.type == tkhd, box.payloadCount >= 4 {
                let at = box.payload + (b[box.payload] == 1 ? 20 : 12)
                if at + 4 <= box.end { id = BinaryCursor.u32(b, at: at, bigEndian: true) }
            } else if box.type == ISOBMFFReader.mdia {
                for m in try ISOBMFFBoxWalker.children(s, in: box.payloadRange, context: "\(container)/mdia")
                where m.type == ISOBMFFReader.minf {
                    entry = try ISOBMFFReader.firstSampleEntry(s, minf: m, container: container)
                    for stbl in try ISOBMFFBoxWalker.children(s, in: m.payloadRange, context: "\(container)/minf")
                    where stbl.type == ISOBMFFReader.stbl {
                        table = MovieSampleTable(stblChildren: try ISOBMFFBoxWalker.children(s, in: stbl.payloadRange,
                                                                                             context: "\(container)/stbl"))
                    }
                }
            }
        }
        var format: String?
        switch entry?.type {
        case ISOBMFFReader.gpmd?: format = "gpmd: GoPro GPMF"
        case ISOBMFFReader.camm?: format = "camm: camera motion metadata"
        case ISOBMFFReader.mebx?:
            if let entry, let key = try ISOBMFFReader.timedMetadataKeys(s, entry, container: container)
                .first(where: { $0.contains("location") }) {
                format = "mebx: \(key)"
            }
        default: break
        }
        return (id, table, format)
    }
}
