import Foundation
import Testing
@testable import PDPCheck

#if canImport(Glibc)
import Glibc
#endif

@Suite("Media containers: hostile input and bounded reading")
struct MediaContainerRobustnessTests {
    typealias F = MediaContainerFixtures

    static let fixtures: [(String, InputFormat, [UInt8])] = [
        ("jpeg", .jpeg, F.jpeg(trailer: F.miniJPEG(comment: "x"))),
        ("jpeg-scan", .jpeg, F.jpeg(withMPF: false)),
        ("tiff", .tiff, F.tiff(extraIFD0: [(700, 1, F.xmp), (33723, 7, F.iptc)])),
        ("png", .png, F.png()),
        ("webp", .webp, F.webp()),
        ("gif", .gif, F.gif()),
        ("heic", .heif, F.heic()),
        ("mp4", .isobmffVideo, F.mp4()),
        ("jxl", .jpegXL, F.jxl()),
    ]

    /// Every fixture cut at every offset (the larger ones at many offsets): each read ends,
    /// with a result or a per-file error, never a crash or hang.
    @Test(arguments: 0..<fixtures.count)
    func truncatedAnywhere(_ index: Int) {
        let (name, format, bytes) = Self.fixtures[index]
        let step = max(1, bytes.count / 1500)
        var errors = 0
        for cut in stride(from: 0, to: bytes.count, by: step) {
            let (_, error) = MediaContainerReader.readSalvaging(format, from: MemoryByteSource(Array(bytes[..<cut])))
            if error != nil { errors += 1 }
        }
        // The whole file reads cleanly.
        let (whole, error) = MediaContainerReader.readSalvaging(format, from: MemoryByteSource(bytes))
        #expect(error == nil, "\(name): \(String(describing: error))")
        #expect(!whole.blocks.isEmpty || !whole.fields.isEmpty, "\(name)")
        #expect(errors > 0, "\(name): truncation never reported")
    }

    /// Random byte flips and length fields set to extremes.
    @Test(arguments: 0..<fixtures.count)
    func mutatedBytes(_ index: Int) {
        let (_, format, bytes) = Self.fixtures[index]
        var rng = MediaContainerRandom(seed: UInt64(index + 1))
        let extremes: [[UInt8]] = [[0xFF, 0xFF, 0xFF, 0xFF], [0, 0, 0, 0], [0, 0, 0, 1], [0x7F, 0xFF, 0xFF, 0xFF], [0, 0, 0, 8]]
        for round in 0..<600 {
            var data = bytes
            if round % 2 == 0 {
                for _ in 0..<4 { data[Int(rng.next() % UInt64(data.count))] = UInt8(truncatingIfNeeded: rng.next()) }
            } else {
                let at = Int(rng.next() % UInt64(max(1, data.count - 4)))
                let value = extremes[Int(rng.next() % UInt64(extremes.count))]
                data.replaceSubrange(at..<min(data.count, at + 4), with: value.prefix(data.count - at))
            }
            let limits = MediaReadLimits(maxItems: 20_000, maxCopiedBytes: 4 << 20)
            _ = MediaContainerReader.readSalvaging(format, from: MemoryByteSource(data), limits: limits)
        }
    }

    @Test func limitsStopRunawayStructures() {
        // 50k empty `free` boxes: the item budget ends the walk with an error.
        var bytes = F.box("ftyp", F.ascii("isom") + F.be32(0))
        for _ in 0..<50_000 { bytes += F.be32(8) + F.ascii("free") }
        let limits = MediaReadLimits(maxItems: 10_000)
        let (_, error) = MediaContainerReader.readSalvaging(.isobmffVideo, from: MemoryByteSource(bytes), limits: limits)
        #expect(error?.code == "limit-exceeded")
        // Deep nesting: the box walker only descends into the boxes it knows, so nested
        // containers it does not expect are skipped, not recursed into.
        var nested = F.box("udta", [])
        for _ in 0..<40 { nested = F.box("udta", F.fullBox("meta", F.box("hdlr", [UInt8](repeating: 0, count: 20)) + nested)) }
        let (_, depthError) = MediaContainerReader.readSalvaging(.isobmffVideo, from: MemoryByteSource(F.box("moov", nested)))
        #expect(depthError == nil)
        // TIFF IFDs pointing to further IFDs 40 deep stop at the depth limit.
        var t = F.ascii("MM") + F.be16(42) + F.be32(8)
        for i in 0..<40 { t += F.be16(1) + F.be16(0x8769) + F.be16(4) + F.be32(1) + F.be32(8 + 18 * (i + 1)) + F.be32(0) }
        let (_, tiffError) = MediaContainerReader.readSalvaging(.tiff, from: MemoryByteSource(t))
        #expect(tiffError?.code == "limit-exceeded")
    }

    /// A 50 MB MP4 (sparse file: the mdat is a hole) costs under 1 MB of reads, with the moov
    /// either after the mdat (phones) or before it (fast start).
    @Test(arguments: [false, true])
    func largeVideoReadsLittle(moovFirst: Bool) throws {
        let small = F.mp4(mdatBytes: 0)
        // Split the fixture into ftyp+uuid, mdat header, moov.
        let mdatHeader = F.be32(8) + F.ascii("mdat")
        guard let mdatAt = BinaryCursor.firstIndex(of: mdatHeader, in: small) else {
            Issue.record("fixture layout changed")
            return
        }
        let head = Array(small[..<mdatAt]), moov = Array(small[(mdatAt + 8)...])
        let mdatSize = 50 << 20
        let dir = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("big.mp4").path
        let fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
        #expect(fd >= 0)
        func write(_ bytes: [UInt8], at offset: Int) {
            _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(offset)) }
        }
        let mdatBox = F.be32(mdatSize + 8) + F.ascii("mdat")
        if moovFirst {
            write(head + moov + mdatBox, at: 0)
            _ = ftruncate(fd, off_t(head.count + moov.count + 8 + mdatSize))
        } else {
            write(head + mdatBox, at: 0)
            write(moov, at: head.count + 8 + mdatSize)
        }
        close(fd)
        let file = try FileSource(path: path)
        defer { file.close() }
        #expect(file.size > 50_000_000)
        let counting = CountingByteSource(file)
        let m = try MediaContainerReader.read(.isobmffVideo, from: counting)
        #expect(counting.bytesRead < 1 << 20)
        #expect(m.fields.contains { $0.group == "Keys" && $0.name == "GPSCoordinates" })
    }

    /// Files from the shared corpus, once it exists: each reads without an error.
    @Test func corpusMediaFiles() throws {
        let folder = TestSupport.corpus.appendingPathComponent("media")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() {
            let path = folder.appendingPathComponent(name).path
            guard let file = try? FileSource(path: path) else { continue }
            defer { file.close() }
            let head = (try? file.read(at: 0, count: 64)) ?? []
            guard let sniffed = SignatureSniffer.sniff(head), MediaContainerReader.handles(sniffed.format) else { continue }
            let bytes = try file.read(at: 0, count: file.size)
            let (_, error) = MediaContainerReader.readSalvaging(sniffed.format, from: MemoryByteSource(bytes))
            let hostile = name.contains("trunc") || name.contains("malformed") || name.contains("hostile") || name.contains("loop")
            if !hostile { #expect(error == nil, "\(name): \(String(describing: error))") }
            for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 200)) {
                _ = MediaContainerReader.readSalvaging(sniffed.format, from: MemoryByteSource(Array(bytes[..<cut])))
            }
        }
    }
}

