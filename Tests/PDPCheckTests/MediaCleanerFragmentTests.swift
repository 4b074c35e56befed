import Foundation
import Testing
@testable import PDPCheck

/// GPS tracks in fragmented movies (samples indexed by `moof`/`traf`/`trun`, not by `moov`):
/// the track, its fragments, its `trex` and `tfra` become `free`, its samples are zeroed, and
/// the video's fragments and samples are untouched.
@Suite("Media cleaner: GPS tracks in fragmented movies")
struct MediaCleanerFragmentTests {
    typealias F = MediaContainerFixtures
    typealias T = MediaCleanerTimedTrackTests

    /// A track fragment: tfhd (flags, track ID, then `tfhdExtra`) and one trun.
    static func traf(id: Int, tfhdFlags: Int = 0x02_0000, tfhdExtra: [UInt8] = [], runFlags: Int, count: Int,
                     dataOffset: Int?, sizes: [Int] = []) -> [UInt8] {
        let tfhd = F.box("tfhd", F.be32(tfhdFlags) + F.be32(id) + tfhdExtra)
        var run = F.be32(runFlags) + F.be32(count)
        if let dataOffset { run += F.be32(dataOffset) }
        for size in sizes { run += F.be32(size) }
        return F.box("traf", tfhd + F.box("trun", run))
    }

    static func trex(id: Int, size: Int) -> [UInt8] {
        F.box("trex", F.be32(0) + F.be32(id) + F.be32(1) + F.be32(0) + F.be32(size) + F.be32(0))
    }

    static func tfra(id: Int) -> [UInt8] {
        F.box("tfra", F.be32(0) + F.be32(id) + F.be32(0) + F.be32(0))
    }

    /// ftyp, moov (video 1, GPS 2, their trex), one moof (video run of sizes 16 + 16 at the
    /// start of mdat's payload, GPS run of 2 × 16 after it, sized by its trex), mdat, mfra.
    /// `gpsTraf` replaces the GPS fragment (its data offset is given the payload's offset).
    static func movie(gpsTraf: ((Int) -> [UInt8])? = nil) -> (bytes: [UInt8], payload: Int) {
        let ftyp = F.box("ftyp", F.ascii("iso6") + F.be32(0) + F.ascii("iso6mp41"))
        var video = T.video
        video.chunks = []
        var route = T.route
        route.chunks = []
        let mvex = F.box("mvex", trex(id: 1, size: 0) + trex(id: 2, size: 16))
        let moov = F.box("moov", F.fullBox("mvhd", [UInt8](repeating: 0, count: 96)) + T.trak(video, base: 0)
                         + T.trak(route, base: 0) + mvex)
        // The moof's size does not depend on the offsets written into it.
        func moof(_ payloadOffset: Int) -> [UInt8] {
            let videoTraf = traf(id: 1, runFlags: 0x201, count: 2, dataOffset: payloadOffset, sizes: [16, 16])
            let gps = gpsTraf?(payloadOffset + 32) ?? traf(id: 2, runFlags: 0x001, count: 2, dataOffset: payloadOffset + 32)
            return F.box("moof", F.box("mfhd", F.be32(0) + F.be32(1)) + videoTraf + gps)
        }
        let moofStart = ftyp.count + moov.count
        let payloadOffset = moof(0).count + 8
        let mdat = F.box("mdat", (0..<64).map { UInt8(0x40 + $0) })
        let mfra = F.box("mfra", tfra(id: 2) + tfra(id: 1) + F.box("mfro", F.be32(0) + F.be32(16 + 24 + 24)))
        return (ftyp + moov + moof(payloadOffset) + mdat + mfra, moofStart + payloadOffset)
    }

    static func boxStart(_ b: [UInt8], _ needle: [UInt8], occurrence: Int = 1) -> Int? {
        var from = 0
        var found: Int?
        for _ in 0..<occurrence {
            guard let i = BinaryCursor.firstIndex(of: needle, in: b, from: from) else { return nil }
            found = i - 4
            from = i + 4
        }
        return found
    }

    @Test("the GPS track's trak, traf, trex and tfra become free, its samples zero, the video's stay", arguments: StripMode.allCases)
    func removesFragmentedTrack(mode: StripMode) throws {
        let (input, payload) = Self.movie()
        let result = try MediaMetadataCleaner.clean(input, options: MediaCleanOptions(mode: mode))
        let out = result.bytes
        #expect(out.count == input.count && result.payloadUnchanged)
        #expect(result.zeroedRanges == [(payload + 32)..<(payload + 64)])
        #expect(out[(payload + 32)..<(payload + 64)].allSatisfy { $0 == 0 })
        #expect(out[payload..<(payload + 32)] == input[payload..<(payload + 32)], "video samples")
        #expect(result.removed.contains { $0.fields.contains { $0.hasPrefix("Track:TimedGPS") } })
        #expect(!result.needsPerson.contains { $0.contains("GPS route") }, "\(result.needsPerson)")

        // Second traf, second trex and first tfra belong to track 2; the others to track 1.
        let gpsTraf = try #require(Self.boxStart(input, F.ascii("traf"), occurrence: 2))
        let videoTraf = try #require(Self.boxStart(input, F.ascii("traf")))
        let gpsTrex = try #require(Self.boxStart(input, F.ascii("trex"), occurrence: 2))
        let gpsTfra = try #require(Self.boxStart(input, F.ascii("tfra")))
        let videoTfra = try #require(Self.boxStart(input, F.ascii("tfra"), occurrence: 2))
        for start in [gpsTraf, gpsTrex, gpsTfra] { #expect(T.boxType(out, at: start) == "free", "\(start)") }
        for start in [videoTraf, videoTfra] { #expect(T.boxType(out, at: start) == T.boxType(input, at: start)) }
        let videoTrafEnd = videoTraf + Int(BinaryCursor.u32(input, at: videoTraf, bigEndian: true))
        #expect(out[videoTraf..<videoTrafEnd] == input[videoTraf..<videoTrafEnd])

        // ExifTool reads the copy without a warning or an error, and finds one track fewer.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdpcheck-fmp4-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = [folder.appendingPathComponent("in.mp4").path, folder.appendingPathComponent("out.mp4").path]
        try Data(input).write(to: URL(fileURLWithPath: paths[0]))
        try Data(out).write(to: URL(fileURLWithPath: paths[1]))
        let oracle = try MediaCleanerFixtures.exiftool(paths, extra: ["-ee", "-Warning", "-Error", "-HandlerType"])
        #expect(oracle.count == 2)
        if oracle.count == 2 {
            #expect(oracle[1].keys.filter { $0.hasSuffix(":Warning") || $0.hasSuffix(":Error") }.isEmpty, "\(oracle[1])")
            let handlers = oracle.map { $0.keys.filter { $0.hasSuffix(":HandlerType") }.count }
            #expect(handlers[1] == handlers[0] - 1, "\(oracle)")
        }

        let metadata = try MediaContainerReader.read(.isobmffVideo, from: MemoryByteSource(out))
        #expect(!metadata.fields.contains { $0.name == "TimedGPS" })
        #expect(MediaCleanVerifier.remainingFixable(in: out, options: MediaCleanOptions(mode: mode)).isEmpty)
    }

    @Test("fragments that cannot be followed exactly keep the track, and a person is told why",
          arguments: ["relative", "no size", "long run", "short header", "outside mdat"])
    func refusals(kind: String) throws {
        let (input, _) = Self.movie { offset in
            switch kind {
            case "relative":  // neither its own base nor the moof's: relative to the video's data
                return Self.traf(id: 2, tfhdFlags: 0, runFlags: 0x001, count: 2, dataOffset: offset)
            case "no size":  // a kept track 3 with no per-sample size, no tfhd default and no trex
                return Self.traf(id: 3, runFlags: 0x001, count: 2, dataOffset: offset)
            case "long run":
                return Self.traf(id: 2, runFlags: 0x201, count: 1000, dataOffset: offset, sizes: [16, 16])
            case "short header":  // says it holds a base offset, but stops
                return Self.traf(id: 2, tfhdFlags: 0x01, runFlags: 0x001, count: 2, dataOffset: offset)
            default:  // an explicit base at the start of the file: the samples would be ftyp and moov
                return Self.traf(id: 2, tfhdFlags: 0x01, tfhdExtra: F.be32(0) + F.be32(0), runFlags: 0x001,
                                 count: 2, dataOffset: 0)
            }
        }
        let result = try MediaMetadataCleaner.clean(input, options: MediaCleanOptions(mode: .all))
        #expect(result.zeroedRanges.isEmpty, "\(kind)")
        #expect(result.payloadUnchanged, "\(kind)")
        #expect(MediaCleanerFixtures.mdat(result.bytes) == MediaCleanerFixtures.mdat(input), "\(kind)")
        let reason = ["relative": "relative to the fragment before it", "no size": "gives no sample size",
                      "long run": "longer than its box", "short header": "short track fragment header",
                      "outside mdat": "outside the media data"][kind] ?? kind
        #expect(result.needsPerson.contains { $0.contains("cannot be removed in place") && $0.contains(reason) },
                "\(kind): \(result.needsPerson)")
    }
}
