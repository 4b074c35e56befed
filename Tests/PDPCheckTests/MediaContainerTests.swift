import Testing
@testable import PDPCheck

@Suite("Media containers")
struct MediaContainerTests {
    typealias F = MediaContainerFixtures

    func read(_ format: InputFormat, _ bytes: [UInt8]) throws -> MediaMetadata {
        try MediaContainerReader.read(format, from: MemoryByteSource(bytes))
    }

    func blocks(_ m: MediaMetadata, _ kind: MetadataBlock.Kind) -> [MetadataBlock] {
        m.blocks.filter { $0.kind == kind }
    }

    func field(_ m: MediaMetadata, _ group: String, _ name: String) -> MetadataValue? {
        m.fields.first { $0.group == group && $0.name == name }?.value
    }

    @Test func jpegSegmentsMPFAndTrailer() throws {
        let trailer = F.miniJPEG(comment: "appended")
        let bytes = F.jpeg(trailer: trailer)
        let m = try read(.jpeg, bytes)
        let exif = blocks(m, .exif)
        #expect(exif.count == 1)
        #expect(exif.first?.bytes == F.tiff())
        if let range = exif.first?.range { #expect(Array(bytes[range]) == F.tiff()) }
        let xmp = blocks(m, .xmp)
        #expect(xmp.count == 2)
        #expect(xmp.first?.bytes == F.xmp)
        #expect(xmp.last.map { String(decoding: $0.bytes, as: UTF8.self).contains("Phạm Văn Cường") } == true)
        #expect(xmp.last?.container == "JPEG APP1 Extended XMP")
        #expect(blocks(m, .photoshopIRB).first?.bytes == F.photoshop)
        #expect(blocks(m, .comment).first.map { String(decoding: $0.bytes, as: UTF8.self) } == "Liên hệ 0912 345 678")
        let labels = m.embedded.map(\.label)
        #expect(labels == ["MPF image 2", "trailer JPEG"])
        for embedded in m.embedded {
            #expect(Array(bytes[embedded.range.lowerBound..<(embedded.range.lowerBound + 2)]) == [0xFF, 0xD8])
        }
        #expect(m.embedded.last?.range == (bytes.count - trailer.count)..<bytes.count)
    }

    @Test func jpegWithoutMPFFindsEOIByScanning() throws {
        let video = F.box("ftyp", F.ascii("isom") + F.be32(0)) + F.box("mdat", [1, 2, 3])
        let bytes = F.jpeg(withMPF: false, trailer: video)
        let counting = CountingByteSource(MemoryByteSource(bytes))
        let m = try MediaContainerReader.read(.jpeg, from: counting)
        #expect(m.embedded.map(\.label) == ["trailer MP4"])
        #expect(m.embedded.first?.range == (bytes.count - video.count)..<bytes.count)
        #expect(m.notes.contains { $0.contains("motion photo") })
        // Plain JPEG: EOI found, nothing after it, no notes.
        let plain = try read(.jpeg, F.jpeg(withMPF: false))
        #expect(plain.embedded.isEmpty && plain.notes.isEmpty)
        // Unknown trailer data is a note.
        let junk = try read(.jpeg, F.jpeg(withMPF: false) + F.ascii("hidden trailer bytes"))
        #expect(junk.notes.contains { $0.contains("20 bytes of unknown data") })
    }

    @Test func jpegMPFSkipsEntropyScan() throws {
        let bytes = F.jpeg()
        let counting = CountingByteSource(MemoryByteSource(bytes))
        _ = try MediaContainerReader.read(.jpeg, from: counting)
        let entropy = F.jpegImageData().count
        #expect(counting.bytesRead < bytes.count - entropy + 200)
    }

    @Test func jpegMalformed() {
        #expect(throws: ScanError.self) { try read(.jpeg, [0xFF, 0xD8, 0xFF, 0xE1, 0x10, 0x00, 1, 2]) }
        #expect(throws: ScanError.self) { try read(.jpeg, [0x00, 0x01]) }
        // Salvage keeps what came before the damage.
        var bytes = F.jpeg(withMPF: false)
        bytes += [0xFF, 0xE1, 0xFF, 0xFF]
        let cut = Array(bytes[..<600]) + [0xFF, 0xE1, 0xFF, 0xF0, 0x00]
        let (metadata, error) = MediaContainerReader.readSalvaging(.jpeg, from: MemoryByteSource(cut))
        #expect(error?.code == "malformed")
        #expect(!metadata.blocks.isEmpty)
    }

    @Test func tiffWholeAndSparse() throws {
        let xmp = F.xmp
        let tiff = F.tiff(extraIFD0: [(700, 1, xmp), (33723, 7, F.iptc), (34377, 7, F.photoshop)])
        let m = try read(.tiff, tiff)
        #expect(blocks(m, .exif).first?.bytes == tiff)
        #expect(blocks(m, .xmp).first?.bytes == xmp)
        #expect(blocks(m, .iptc).first?.bytes == F.iptc)
        #expect(blocks(m, .photoshopIRB).first?.bytes == F.photoshop)

        // Above the whole-copy size: image data after the IFDs is not read.
        var big = tiff
        big += [UInt8](repeating: 0xAB, count: TIFFContainerReader.wholeCopyLimit + 1000)
        let counting = CountingByteSource(MemoryByteSource(big))
        let sparse = try MediaContainerReader.read(.tiff, from: counting)
        #expect(counting.bytesRead < 10_000)
        let exif = try #require(blocks(sparse, .exif).first)
        #expect(exif.bytes.count <= tiff.count)
        // IFD0 and GPS IFD survive at their offsets (the XMP/IPTC/IRB values are left out).
        #expect(Array(exif.bytes[0..<8]) == Array(tiff[0..<8]))
        #expect(blocks(sparse, .xmp).first?.bytes == xmp)

        // IFDs after 6 MB of image data: repacked into a compact TIFF with rewritten offsets.
        let far = F.tiff(extraIFD0: [(700, 1, xmp)], gap: 6 << 20)
        let farCounting = CountingByteSource(MemoryByteSource(far))
        let repacked = try MediaContainerReader.read(.tiff, from: farCounting)
        #expect(farCounting.bytesRead < 10_000)
        let compact = try #require(blocks(repacked, .exif).first)
        #expect(compact.bytes.count < 1000)
        #expect(blocks(repacked, .xmp).first?.bytes == xmp)
        // The compact TIFF walks to the same values: Artist in IFD0, latitude in the GPS IFD.
        let again = try read(.tiff, compact.bytes)
        #expect(blocks(again, .exif).first?.bytes == compact.bytes)
        let text = String(decoding: compact.bytes, as: UTF8.self)
        #expect(text.contains("Nguyễn Thị Minh Thư") && text.contains("PhoneCo"))
        #expect(BinaryCursor.firstIndex(of: F.rational3(11, 56, 25), in: compact.bytes) != nil)
    }

    @Test func tiffIFDLoopEnds() throws {
        // IFD0's next pointer points back at IFD0; the GPS pointer points at IFD0 too.
        var t = F.ascii("MM") + F.be16(42) + F.be32(8)
        t += F.be16(1) + F.be16(0x8825) + F.be16(4) + F.be32(1) + F.be32(8) + F.be32(8)
        let m = try read(.tiff, t)
        #expect(blocks(m, .exif).count == 1)
    }

    @Test func pngChunksAfterIDATAndCompressedText() throws {
        let m = try read(.png, F.png())
        #expect(blocks(m, .exif).map(\.bytes) == [F.tiff(), F.tiff(artist: "Raw")])
        let xmp = blocks(m, .xmp)
        #expect(xmp.count == 2)
        #expect(xmp.first?.bytes == F.xmp)
        #expect(xmp.last.map { String(decoding: $0.bytes, as: UTF8.self).contains("Tran Thi Mai") } == true)
        #expect(blocks(m, .photoshopIRB).first?.bytes == F.photoshop)
        #expect(field(m, "PNG", "Author") == .text("Nguyên"))
        #expect(field(m, "PNG", "Comment") == .text(F.zlibShortText))
        #expect(field(m, "PNG", "Description") == .text(F.zlibShortText))
    }

    @Test func inflate() throws {
        #expect(try Inflate.zlib(F.zlibShort, maxOutput: 1000) == F.ascii(F.zlibShortText))
        let xmp = try Inflate.zlib(F.zlibXMP, maxOutput: 10_000)
        #expect(String(decoding: xmp, as: UTF8.self).components(separatedBy: "Tran Thi Mai").count == 4)
        #expect(throws: ScanError.self) { try Inflate.zlib(F.zlibXMP, maxOutput: 100) }
        // Stored block.
        let stored: [UInt8] = [0x78, 0x01, 0x01, 0x03, 0x00, 0xFC, 0xFF, 0x41, 0x42, 0x43]
        #expect(try Inflate.zlib(stored, maxOutput: 10) == [0x41, 0x42, 0x43])
        for cut in 0..<F.zlibXMP.count {
            _ = try? Inflate.zlib(Array(F.zlibXMP[..<cut]), maxOutput: 10_000)
        }
        var rng = MediaContainerRandom(seed: 7)
        for _ in 0..<2000 {
            var data = F.zlibXMP
            for _ in 0..<3 { data[Int(rng.next() % UInt64(data.count))] = UInt8(truncatingIfNeeded: rng.next()) }
            _ = try? Inflate.zlib(data, maxOutput: 10_000)
        }
    }

    @Test func webp() throws {
        let m = try read(.webp, F.webp())
        #expect(blocks(m, .exif).first?.bytes == F.tiff())
        #expect(blocks(m, .xmp).first?.bytes == F.xmp)
    }

    @Test func gif() throws {
        let m = try read(.gif, F.gif())
        #expect(blocks(m, .xmp).first?.bytes == F.xmp)
        #expect(blocks(m, .comment).first?.bytes == F.gifComment)
    }

    @Test func heic() throws {
        let bytes = F.heic()
        let m = try read(.heif, bytes)
        let exif = try #require(blocks(m, .exif).first)
        #expect(exif.bytes == F.tiff())
        if let range = exif.range { #expect(Array(bytes[range]) == F.tiff()) }
        #expect(blocks(m, .xmp).first?.bytes == F.xmp)
    }

    @Test func mp4UserDataKeysAndTimedMetadata() throws {
        let m = try read(.isobmffVideo, F.mp4())
        #expect(field(m, "UserData", "GPSCoordinates") == .numbers([11.9404, 108.4583]))
        #expect(field(m, "UserData", "Title") == .text("Chuyến đi Đà Lạt"))
        #expect(field(m, "UserData", "Make") == .text("PhoneCo"))
        #expect(field(m, "UserData", "Author") == .text("Võ Thị Lan"))
        #expect(field(m, "UserData", "SerialNumber") == .text("SN-000123"))
        #expect(!m.fields.contains { $0.name == "Dji" || $0.name == "Sec" })
        #expect(field(m, "UserData", "LocationName") == .text("Hồ Xuân Hương"))
        if case .numbers(let n)? = field(m, "UserData", "LocationCoordinates") {
            #expect(abs(n[0] - 11.9417) < 0.0001 && abs(n[1] - 108.4417) < 0.0001 && n[2] == 1500)
        } else {
            Issue.record("no loci coordinates")
        }
        #expect(field(m, "UserData", "LocationInformation")
                == .text("Hồ Xuân Hương Role=shooting Lat=11.94170 Lon=108.44170 Alt=1500.00 Body=earth Notes=bờ hồ"))
        #expect(field(m, "Keys", "GPSCoordinates") == .numbers([11.9404, 108.4583, 1500]))
        #expect(field(m, "Keys", "Make") == .text("Apple"))
        #expect(field(m, "Keys", "Author") == .text("Đặng Minh Khoa"))
        #expect(field(m, "Keys", "CreationDate") == .text("2025-03-04T10:11:12+0700"))
        #expect(field(m, "Keys", "AndroidVersion") == .text("14"))
        #expect(field(m, "ItemList", "Artist") == .text("Bùi Quang Huy"))
        #expect(field(m, "Track", "TimedGPS") != nil)
        #expect(m.notes.contains { $0.contains("timed metadata track carries GPS") })
        #expect(blocks(m, .xmp).first?.bytes == F.xmp)
    }

    @Test func jpegXL() throws {
        let m = try read(.jpegXL, F.jxl())
        #expect(blocks(m, .exif).first?.bytes == F.tiff())
        #expect(blocks(m, .xmp).first?.bytes == F.xmp)
        #expect(try read(.jpegXL, [0xFF, 0x0A, 0, 0]).blocks.isEmpty)
    }

    @Test func iso6709() {
        #expect(ISO6709.parse("+11.9404+108.4583/") == [11.9404, 108.4583])
        #expect(ISO6709.parse("-33.8688+151.2093+025.100/") == [-33.8688, 151.2093, 25.1])
        #expect(ISO6709.parse("+1156.5+10827.0/").map { [($0[0] * 1e4).rounded() / 1e4, ($0[1] * 1e4).rounded() / 1e4] }
                == [11.9417, 108.45])
        #expect(ISO6709.parse("+115630+1082700CRSWGS_84/").map { [($0[0] * 1e4).rounded() / 1e4, $0[1]] } == [11.9417, 108.45])
        #expect(ISO6709.parse("+95.0+10.0/") == nil)
        #expect(ISO6709.parse("hello") == nil)
        #expect(ISO6709.parse("+") == nil)
    }

    @Test func unsupportedFormatThrows() {
        #expect(throws: ScanError.self) { try read(.pdf, [1, 2, 3]) }
        #expect(MediaContainerReader.handles(.heif))
        #expect(!MediaContainerReader.handles(.zip))
    }
}

/// Deterministic pseudo-random numbers for mutation tests.
struct MediaContainerRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
