/// The track fragments of a fragmented movie (`moof` → `traf`: `tfhd` and its `trun`s), the
/// bytes each one's samples occupy, and the boxes that name a track outside `moov`'s `trak`:
/// `trex` in `mvex` and `tfra` in `mfra`. Read so that a GPS track can be removed from such a
/// movie in place, like from a plain one: its fragments become `free` and their samples are
/// zeroed. Fragment tables that cannot be followed exactly are an error, never a guess.
struct MovieFragments {
    struct Fragment {
        let traf: BoxHeader
        let trackID: UInt32
        /// "moof 3/traf 2".
        let container: String
        /// Sorted and merged; not clipped to the file.
        let samples: [Range<Int>]
    }

    var fragments: [Fragment] = []
    /// `trex` boxes (track defaults), by track ID.
    var trackDefaults: [UInt32: BoxHeader] = [:]
    /// `tfra` boxes (random access points) with the track they index.
    var randomAccess: [(box: BoxHeader, trackID: UInt32)] = []

    typealias Unreadable = MovieSampleTable.Unreadable

    static let moof = FourCC("moof"), traf = FourCC("traf"), tfhd = FourCC("tfhd"), trun = FourCC("trun")
    static let mvex = FourCC("mvex"), trex = FourCC("trex"), mfra = FourCC("mfra"), tfra = FourCC("tfra")

    /// Samples of all fragments together; more is refused, as for one sample table.
    static let maxSamples = MovieSampleTable.maxSamples

    /// `top`: the file's top-level boxes.
    static func read(_ b: [UInt8], session s: MediaReadSession, top: [BoxHeader]) throws(Unreadable) -> MovieFragments {
        var found = MovieFragments()
        var defaultSizes: [UInt32: UInt32] = [:]
        for moov in top where moov.type == ISOBMFFReader.moov {
            for mvex in try boxes(s, in: moov.payloadRange, context: "moov") where mvex.type == Self.mvex {
                for box in try boxes(s, in: mvex.payloadRange, context: "moov/mvex") where box.type == trex {
                    // version/flags, track_ID, description index, duration, size, flags.
                    guard box.payloadCount >= 24 else { throw Unreadable(reason: "a track defaults box (trex) is too short") }
                    let id = BinaryCursor.u32(b, at: box.payload + 4, bigEndian: true)
                    found.trackDefaults[id] = box
                    defaultSizes[id] = BinaryCursor.u32(b, at: box.payload + 16, bigEndian: true)
                }
            }
        }
        var samples = 0
        var moofIndex = 0
        for box in top {
            if box.type == mfra {
                for t in try boxes(s, in: box.payloadRange, context: "mfra") where t.type == tfra {
                    guard t.payloadCount >= 8 else { throw Unreadable(reason: "a random access box (tfra) is too short") }
                    found.randomAccess.append((t, BinaryCursor.u32(b, at: t.payload + 4, bigEndian: true)))
                }
            }
            guard box.type == moof else { continue }
            moofIndex += 1
            var trafIndex = 0
            for t in try boxes(s, in: box.payloadRange, context: "moof \(moofIndex)") where t.type == traf {
                trafIndex += 1
                let container = "moof \(moofIndex)/traf \(trafIndex)"
                let fragment = try readFragment(b, s, t, moof: box, first: trafIndex == 1, container: container,
                                                defaultSizes: defaultSizes, samples: &samples)
                found.fragments.append(fragment)
            }
        }
        return found
    }

    /// One `traf`: its `tfhd` (track, base offset, default size) and its `trun`s in order.
    private static func readFragment(_ b: [UInt8], _ s: MediaReadSession, _ traf: BoxHeader, moof: BoxHeader, first: Bool,
                                     container: String, defaultSizes: [UInt32: UInt32],
                                     samples: inout Int) throws(Unreadable) -> Fragment {
        let children = try boxes(s, in: traf.payloadRange, context: container)
        guard let header = children.first(where: { $0.type == tfhd }), header.payloadCount >= 8 else {
            throw Unreadable(reason: "\(container) has no track fragment header")
        }
        let flags = BinaryCursor.u32(b, at: header.payload, bigEndian: true) & 0xFF_FFFF
        let trackID = BinaryCursor.u32(b, at: header.payload + 4, bigEndian: true)
        var field = header.payload + 8
        func next(_ size: Int) throws(Unreadable) -> Int {
            guard field + size <= header.end else { throw Unreadable(reason: "\(container) has a short track fragment header") }
            defer { field += size }
            return field
        }
        var base: Int
        if flags & 0x01 != 0 {
            let at = try next(8)
            let offset = UInt64(BinaryCursor.u32(b, at: at, bigEndian: true)) << 32
                | UInt64(BinaryCursor.u32(b, at: at + 4, bigEndian: true))
            guard offset < UInt64(Int.max / 2) else { throw Unreadable(reason: "\(container) lies beyond any file") }
            base = Int(offset)
        } else if flags & 0x02_0000 != 0 || first {
            base = moof.start
        } else {
            // Relative to the end of the previous fragment's data: freeing that fragment would
            // move this one's samples for a player.
            throw Unreadable(reason: "\(container) is placed relative to the fragment before it")
        }
        if flags & 0x02 != 0 { _ = try next(4) }
        if flags & 0x08 != 0 { _ = try next(4) }
        var defaultSize = defaultSizes[trackID]
        if flags & 0x10 != 0 { defaultSize = BinaryCursor.u32(b, at: try next(4), bigEndian: true) }

        var ranges: [Range<Int>] = []
        var position = base
        for run in children where run.type == trun {
            guard run.payloadCount >= 8 else { throw Unreadable(reason: "\(container) has a short track run") }
            let runFlags = BinaryCursor.u32(b, at: run.payload, bigEndian: true) & 0xFF_FFFF
            let count = Int(BinaryCursor.u32(b, at: run.payload + 4, bigEndian: true))
            var at = run.payload + 8
            if runFlags & 0x01 != 0 {
                guard at + 4 <= run.end else { throw Unreadable(reason: "\(container) has a short track run") }
                position = base + Int(Int32(bitPattern: BinaryCursor.u32(b, at: at, bigEndian: true)))
                at += 4
            }
            if runFlags & 0x04 != 0 { at += 4 }
            // Per sample: duration, size, flags, composition offset, each when its flag is set.
            let hasSize = runFlags & 0x200 != 0
            let perSample = 4 * [0x100, 0x200, 0x400, 0x800].filter { runFlags & $0 != 0 }.count
            let sizeField = runFlags & 0x100 != 0 ? 4 : 0
            samples += count
            guard samples <= maxSamples, at <= run.end, perSample == 0 || count <= (run.end - at) / perSample else {
                throw Unreadable(reason: "\(container) has a track run longer than its box")
            }
            guard hasSize || defaultSize != nil else { throw Unreadable(reason: "\(container) gives no sample size") }
            guard position >= 0 else { throw Unreadable(reason: "\(container) starts before the file") }
            var length = 0
            for k in 0..<count {
                let size = hasSize
                    ? Int(BinaryCursor.u32(b, at: at + k * perSample + sizeField, bigEndian: true))
                    : Int(defaultSize ?? 0)
                length += size
                guard length <= Int(Int32.max) else { throw Unreadable(reason: "\(container) has a run of impossible size") }
            }
            if length > 0 { ranges.append(position..<(position + length)) }
            position += length
        }
        return Fragment(traf: traf, trackID: trackID, container: container, samples: ByteRanges.merged(ranges))
    }

    /// The walker's children, its errors as reasons.
    private static func boxes(_ s: MediaReadSession, in range: Range<Int>, context: String) throws(Unreadable) -> [BoxHeader] {
        do {
            return try ISOBMFFBoxWalker.children(s, in: range, context: context)
        } catch {
            throw Unreadable(reason: error.message)
        }
    }
}
