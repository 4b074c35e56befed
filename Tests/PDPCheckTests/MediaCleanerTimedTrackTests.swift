import Foundation
import Testing
@testable import PDPCheck

/// Timed GPS tracks (GoPro `gpmd`, Google `camm`, Apple `mebx` location keys) removed in place:
/// the `trak` becomes `free`, references to it are neutralized, its samples in `mdat` are
/// zeroed, and every other byte of `mdat` is the input's.
@Suite("Media cleaner: timed GPS tracks")
struct MediaCleanerTimedTrackTests {
    static let fixtures = ["media/video/gopro-gpmd.mp4", "media/video/camm-gps.mp4", "media/video/iphone-mebx.mov"]

    /// The sample ranges of the `index`-th trak (1-based) of a movie, read with our own walker.
    static func trackSamples(_ b: [UInt8], track index: Int) throws -> [Range<Int>] {
        let s = MediaReadSession(source: MemoryByteSource(b), limits: .default)
        let moov = try #require(try ISOBMFFBoxWalker.children(s, in: 0..<b.count, context: "t", topLevel: true)
            .first { $0.type == FourCC("moov") })
        let traks = try ISOBMFFBoxWalker.children(s, in: moov.payloadRange, context: "t").filter { $0.type == FourCC("trak") }
        let info = try TimedGPSTracks.trackInfo(s, b, traks[index - 1], container: "t")
        return try info.table.sampleRanges(in: b)
    }

    static func boxType(_ b: [UInt8], at offset: Int) -> String {
        String(decoding: b[(offset + 4)..<(offset + 8)], as: UTF8.self)
    }

    @Test("corpus GPS tracks: trak freed, samples zeroed, video samples identical, nothing left to find",
          arguments: StripMode.allCases)
    func corpusTracks(mode: StripMode) throws {
        for path in Self.fixtures {
            let input = try MediaCleanerFixtures.bytes(path)
            let gpsBefore = try Self.trackSamples(input, track: 2)
            let videoBefore = try Self.trackSamples(input, track: 1)
            #expect(!gpsBefore.isEmpty && !videoBefore.isEmpty, "\(path)")

            let result = try MediaMetadataCleaner.clean(input, options: MediaCleanOptions(mode: mode))
            let out = result.bytes
            #expect(out.count == input.count, "\(path): in place")
            #expect(result.payloadUnchanged, "\(path)")
            #expect(result.removed.contains { $0.category == .gpsLocation && $0.fields.contains { $0.hasPrefix("Track:TimedGPS") } },
                    "\(path): \(result.removed)")
            #expect(!result.needsPerson.contains { $0.contains("GPS route") }, "\(path): \(result.needsPerson)")

            // The removed ranges are exactly the GPS samples, zero in the copy, non-zero before.
            #expect(result.zeroedRanges == gpsBefore, "\(path)")
            for r in result.zeroedRanges {
                #expect(out[r].allSatisfy { $0 == 0 }, "\(path): \(r) not zeroed")
                #expect(input[r].contains { $0 != 0 }, "\(path): \(r) was already zero")
            }
            // The video track is still indexed, at the same bytes, which are the input's.
            #expect(try Self.trackSamples(out, track: 1) == videoBefore, "\(path)")
            for r in videoBefore { #expect(out[r] == input[r], "\(path): video sample \(r) changed") }
            // Every byte of mdat outside the removed samples is the input's.
            var expected = input
            for r in result.zeroedRanges { expected.replaceSubrange(r, with: repeatElement(0, count: r.count)) }
            #expect(MediaCleanerFixtures.mdat(out) == MediaCleanerFixtures.mdat(expected), "\(path)")

            // Our own re-scan: no TimedGPS field, no finding; the GPS trak is a `free` box of its size.
            let metadata = try MediaContainerReader.read(.isobmffVideo, from: MemoryByteSource(out))
            #expect(!metadata.fields.contains { $0.name == "TimedGPS" }, "\(path)")
            let report = Scanner().scanItem(InputItem(displayPath: path, source: .bytes(out)))
            #expect(!report.findings.contains { $0.ruleId == "meta.gps.track" || $0.category == .gpsLocation }, "\(path)")
            #expect(MediaCleanVerifier.remainingFixable(in: out, options: MediaCleanOptions(mode: mode)).isEmpty, "\(path)")
            let s = MediaReadSession(source: MemoryByteSource(input), limits: .default)
            let found = try TimedGPSTracks.find(input, session: s)
            let trak = try #require(found.tracks.first?.trak)
            #expect(Self.boxType(out, at: trak.start) == "free" && out[trak.start..<(trak.start + 4)] == input[trak.start..<(trak.start + 4)])
            #expect(out[trak.payload..<trak.end].allSatisfy { $0 == 0 })
        }
    }

    @Test("a privacy clean that keeps GPS (narrowed categories) keeps the track and says so")
    func keptWhenGPSIsNotRemoved() throws {
        let input = try MediaCleanerFixtures.bytes("media/video/gopro-gpmd.mp4")
        let result = try MediaMetadataCleaner.clean(input, options: MediaCleanOptions(mode: .privacy, categories: [.captureTime]))
        #expect(result.zeroedRanges.isEmpty)
        #expect(result.payloadUnchanged)
        #expect(try MediaContainerReader.read(.isobmffVideo, from: MemoryByteSource(result.bytes)).fields.contains { $0.name == "TimedGPS" })
        #expect(result.needsPerson.contains { $0.contains("Track:TimedGPS") })
    }

    // MARK: synthetic movies

    typealias F = MediaContainerFixtures

    struct Track {
        var id: Int
        var handler: String
        var entry: [UInt8]
        /// Chunks: offset from the start of mdat's payload, and the sizes of their samples.
        var chunks: [(offset: Int, sizes: [Int])]
        var tref: [UInt8] = []
        /// Replaces the stsz box (for lying tables).
        var stsz: [UInt8]?
    }

    static let gpmd = F.box("gpmd", [0, 0, 0, 0, 0, 0] + F.be16(1) + F.be32(0))
    static let avc1 = F.box("avc1", [0, 0, 0, 0, 0, 0] + F.be16(1) + [UInt8](repeating: 0, count: 70))
    static let mp4a = F.box("mp4a", [0, 0, 0, 0, 0, 0] + F.be16(1) + [UInt8](repeating: 0, count: 20))

    static func trak(_ t: Track, base: Int) -> [UInt8] {
        let tkhd = F.fullBox("tkhd", [UInt8](repeating: 0, count: 8) + F.be32(t.id) + [UInt8](repeating: 0, count: 68))
        let hdlr = F.fullBox("hdlr", F.be32(0) + F.ascii(t.handler) + [UInt8](repeating: 0, count: 13))
        let stsd = F.fullBox("stsd", F.be32(1) + t.entry)
        var runs: [UInt8] = []
        for (i, c) in t.chunks.enumerated() { runs += F.be32(i + 1) + F.be32(c.sizes.count) + F.be32(1) }
        let stsc = F.fullBox("stsc", F.be32(t.chunks.count) + runs)
        let sizes = t.chunks.flatMap(\.sizes)
        let stsz = t.stsz ?? F.fullBox("stsz", F.be32(0) + F.be32(sizes.count) + sizes.flatMap { F.be32($0) })
        let stco = F.fullBox("stco", F.be32(t.chunks.count) + t.chunks.flatMap { F.be32(base + $0.offset) })
        let stbl = F.box("stbl", stsd + stsc + stsz + stco)
        return F.box("trak", tkhd + (t.tref.isEmpty ? [] : F.box("tref", t.tref))
                     + F.box("mdia", hdlr + F.box("minf", stbl)))
    }

    /// ftyp, mdat, moov (mvhd, the tracks, `moovExtra`).
    static func movie(mdat: [UInt8], tracks: [Track], moovExtra: [UInt8] = []) -> [UInt8] {
        let ftyp = F.box("ftyp", F.ascii("mp42") + F.be32(0) + F.ascii("isommp42"))
        let base = ftyp.count + 8
        let moov = F.box("moov", F.fullBox("mvhd", [UInt8](repeating: 0, count: 96)) + tracks.flatMap { trak($0, base: base) }
                         + moovExtra)
        return ftyp + F.box("mdat", mdat) + moov
    }

    /// 64 bytes of mdat: video samples at 0..<16 and 32..<48, GPS at 16..<32 and 48..<64.
    static let mdat: [UInt8] = (0..<64).map { UInt8(0x40 + $0) }
    static let video = Track(id: 1, handler: "vide", entry: avc1, chunks: [(0, [16]), (32, [16])])
    static let route = Track(id: 2, handler: "meta", entry: gpmd, chunks: [(16, [16]), (48, [8, 8])])

    @Test("references to the removed track from other tracks are neutralized in place")
    func references() throws {
        var video = Self.video
        // chap → [2] only: freed. sync → [2, 3]: 2 replaced by 3.
        video.tref = F.box("chap", F.be32(2)) + F.box("sync", F.be32(2) + F.be32(3))
        let audio = Track(id: 3, handler: "soun", entry: Self.mp4a, chunks: [])
        var gps = Self.route
        gps.tref = F.box("cdsc", F.be32(1))
        let input = Self.movie(mdat: Self.mdat, tracks: [video, gps, audio])
        let result = try MediaMetadataCleaner.clean(input, mode: .privacy)
        let out = result.bytes
        #expect(out.count == input.count && result.payloadUnchanged)
        #expect(result.zeroedRanges.map(\.count).reduce(0, +) == 32)
        let chap = try #require(BinaryCursor.firstIndex(of: F.ascii("chap"), in: input))
        let sync = try #require(BinaryCursor.firstIndex(of: F.ascii("sync"), in: input))
        #expect(Array(out[chap..<(chap + 4)]) == F.ascii("free") && out[(chap + 4)..<(chap + 8)].allSatisfy { $0 == 0 })
        #expect(Array(out[sync..<(sync + 12)]) == F.ascii("sync") + F.be32(3) + F.be32(3))
        #expect(result.removed.contains { $0.container.hasSuffix("/tref") })
        // Still a walkable movie whose video and audio tracks are intact.
        #expect(try Self.trackSamples(out, track: 1) == (try Self.trackSamples(input, track: 1)))
        let m = try MediaContainerReader.read(.isobmffVideo, from: MemoryByteSource(out))
        #expect(!m.fields.contains { $0.name == "TimedGPS" })

        // A tref naming only the removed track goes whole.
        var only = Self.video
        only.tref = F.box("chap", F.be32(2))
        let second = try MediaMetadataCleaner.clean(Self.movie(mdat: Self.mdat, tracks: [only, Self.route]), mode: .all)
        let tref = try #require(BinaryCursor.firstIndex(of: F.ascii("tref"), in: Self.movie(mdat: Self.mdat, tracks: [only, Self.route])))
        #expect(Array(second.bytes[tref..<(tref + 4)]) == F.ascii("free"))
    }

    @Test("GPS samples sharing bytes with the video are not zeroed there")
    func sharedBytesStay() throws {
        var gps = Self.route
        gps.chunks = [(8, [16]), (48, [16])]  // 8..<24 overlaps video 0..<16
        let input = Self.movie(mdat: Self.mdat, tracks: [Self.video, gps])
        let result = try MediaMetadataCleaner.clean(input, mode: .privacy)
        let base = 24 + 8  // ftyp, then the mdat header
        #expect(result.zeroedRanges == [(base + 16)..<(base + 24), (base + 48)..<(base + 64)])
        #expect(result.bytes[base..<(base + 16)] == input[base..<(base + 16)])
        #expect(result.payloadUnchanged)
    }

    @Test("tracks that cannot be removed safely stay, and a person is told why",
          arguments: ["outside", "lying", "order", "damaged"])
    func refusals(kind: String) throws {
        var gps = Self.route
        var moovExtra: [UInt8] = []
        switch kind {
        case "damaged": moovExtra = F.box("trak", F.box("mdia", F.box("minf", F.be32(100) + F.ascii("stbl"))))
        case "outside": gps.chunks = [(16, [16]), (64, [24])]  // the second chunk runs into moov
        case "lying": gps.stsz = F.fullBox("stsz", F.be32(0) + F.be32(1000) + F.be32(16))
        default: gps.chunks = [(16, [16]), (48, [16])]; gps.stsz = F.fullBox("stsz", F.be32(0) + F.be32(3) + F.be32(16) + F.be32(16) + F.be32(16))
        }
        let input = Self.movie(mdat: Self.mdat, tracks: [Self.video, gps], moovExtra: moovExtra)
        for mode in StripMode.allCases {
            let result = try MediaMetadataCleaner.clean(input, options: MediaCleanOptions(mode: mode))
            #expect(result.zeroedRanges.isEmpty, "\(kind)")
            #expect(result.payloadUnchanged, "\(kind)")
            #expect(result.needsPerson.contains { $0.contains("cannot be removed in place") }, "\(kind): \(result.needsPerson)")
            #expect(MediaCleanerFixtures.mdat(result.bytes) == MediaCleanerFixtures.mdat(input), "\(kind)")
        }
    }

    @Test("byte range arithmetic")
    func byteRanges() {
        #expect(ByteRanges.merged([5..<9, 0..<2, 2..<3, 8..<12, 20..<20]) == [0..<3, 5..<12])
        #expect(ByteRanges.subtract([2..<4, 6..<8], from: [0..<10]) == [0..<2, 4..<6, 8..<10])
        #expect(ByteRanges.subtract([0..<100], from: [10..<20, 30..<40]).isEmpty)
        #expect(ByteRanges.subtract([15..<35], from: [30..<40, 10..<20]) == [35..<40, 10..<15])
        #expect(ByteRanges.covered([3..<5], by: [0..<4, 4..<6]) && !ByteRanges.covered([3..<7], by: [0..<6]))
    }
}
