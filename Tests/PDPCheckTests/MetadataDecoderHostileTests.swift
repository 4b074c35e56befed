import Foundation
import Testing
@testable import PDPCheck

/// Builds little TIFF structures byte by byte, so tests can place IFDs and values anywhere,
/// including where they should not be.
struct TestTIFFBuilder {
    var bytes: [UInt8]
    let bigEndian: Bool

    init(bigEndian: Bool = false) {
        self.bigEndian = bigEndian
        bytes = bigEndian ? [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8] : [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0]
    }

    func u16(_ v: UInt16) -> [UInt8] { bigEndian ? [UInt8(v >> 8), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8)] }
    func u32(_ v: UInt32) -> [UInt8] {
        let be = [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
        return bigEndian ? be : be.reversed()
    }

    struct Entry {
        var tag: UInt16
        var type: UInt16
        var count: UInt32
        /// Value bytes; more than 4 go after the directory.
        var data: [UInt8]
        /// Overrides the value/offset field (pointers, bogus offsets).
        var rawValue: UInt32?
    }

    /// Appends a directory at the end; returns its offset and where each entry's value field
    /// and the next-IFD field are, for patching.
    @discardableResult
    mutating func appendIFD(_ entries: [Entry], next: UInt32 = 0) -> (offset: Int, valueFields: [Int], nextField: Int) {
        if bytes.count % 2 == 1 { bytes.append(0) }
        let offset = bytes.count
        var dataAt = offset + 2 + 12 * entries.count + 4
        var out = u16(UInt16(entries.count))
        var tail: [UInt8] = []
        var fields: [Int] = []
        for e in entries {
            out += u16(e.tag) + u16(e.type) + u32(e.count)
            fields.append(offset + out.count)
            if let raw = e.rawValue {
                out += u32(raw)
            } else if e.data.count <= 4 {
                out += e.data + [UInt8](repeating: 0, count: 4 - e.data.count)
            } else {
                out += u32(UInt32(dataAt))
                tail += e.data
                if e.data.count % 2 == 1 { tail.append(0) }
                dataAt = offset + 2 + 12 * entries.count + 4 + tail.count
            }
        }
        let nextField = offset + out.count
        out += u32(next)
        bytes += out + tail
        return (offset, fields, nextField)
    }

    mutating func patch32(at position: Int, _ value: Int) {
        let v = u32(UInt32(value))
        for k in 0..<4 { bytes[position + k] = v[k] }
    }

    func ascii(_ tag: UInt16, _ s: String) -> Entry {
        let d = Array(s.utf8) + [0]
        return Entry(tag: tag, type: 2, count: UInt32(d.count), data: d)
    }

    func rationals(_ tag: UInt16, _ pairs: [(UInt32, UInt32)]) -> Entry {
        Entry(tag: tag, type: 5, count: UInt32(pairs.count), data: pairs.flatMap { u32($0.0) + u32($0.1) })
    }

    func pointer(_ tag: UInt16) -> Entry { Entry(tag: tag, type: 4, count: 1, data: [], rawValue: 0) }
}

/// Hostile and malformed payloads: every decoder must finish, quickly, with bounded output.
@Suite struct MetadataDecoderHostileTests {
    typealias Oracle = MetadataDecoderOracle

    private func gps(_ t: TestTIFFBuilder) -> [TestTIFFBuilder.Entry] {
        [t.ascii(0x0001, "N"), t.rationals(0x0002, [(10, 1), (46, 1), (30, 1)]),
         t.ascii(0x0003, "E"), t.rationals(0x0004, [(106, 1), (41, 1), (54, 1)])]
    }

    @Test func gpsBeyondLibexifsSixtyFourKilobytesIsStillFound() {
        var t = TestTIFFBuilder()
        let long = String(repeating: "A", count: 70_000)
        let ifd0 = t.appendIFD([t.ascii(0x010E, long), t.ascii(0x013B, "Nguyễn Văn An"), t.pointer(0x8825)])
        let gpsIFD = t.appendIFD(gps(t))
        t.patch32(at: ifd0.valueFields[2], gpsIFD.offset)
        // libexif reads only the first 64 KB of EXIF: it sees neither the GPS IFD nor the long
        // description. This is why EXIFDecoder also walks the IFDs itself.
        let library = LibExifBridge.load(tiff: t.bytes)
        #expect(!library.entries.contains { $0.directory == .gps })
        let result = EXIFDecoder.decode(tiff: t.bytes)
        let lat = result.fields.first { $0.group == "GPS" && $0.name == "GPSLatitude" }?.value
        #expect(lat == .number(10 + 46.0 / 60 + 30.0 / 3600))
        #expect(result.fields.contains { $0.name == "ImageDescription" && $0.value == .text(long) })
        #expect(result.fields.contains { $0.name == "Artist" && $0.value == .text("Nguyễn Văn An") })
    }

    @Test func directoryLoopsEnd() {
        // IFD0 → IFD1 = IFD0; ExifIFD → IFD0; GPS → itself.
        var t = TestTIFFBuilder(bigEndian: true)
        let ifd0 = t.appendIFD([t.ascii(0x010F, "Canon"), t.pointer(0x8769), t.pointer(0x8825)])
        t.patch32(at: ifd0.nextField, ifd0.offset)
        let exif = t.appendIFD([t.pointer(0xA005), t.ascii(0xA431, "SN-1")])
        t.patch32(at: ifd0.valueFields[1], exif.offset)
        t.patch32(at: exif.valueFields[0], ifd0.offset)
        let gpsIFD = t.appendIFD(gps(t) + [t.pointer(0x8825)])
        t.patch32(at: ifd0.valueFields[2], gpsIFD.offset)
        t.patch32(at: gpsIFD.valueFields[4], gpsIFD.offset)
        let (result, seconds) = TestSupport.cpuTimed { EXIFDecoder.decode(tiff: t.bytes) }
        #expect(seconds < 1, "\(seconds) s of CPU")
        #expect(result.warnings.contains { $0.contains("loop") })
        #expect(result.fields.filter { $0.name == "Make" }.count == 1)
        #expect(result.fields.contains { $0.group == "ExifIFD" && $0.name == "SerialNumber" && $0.value == .text("SN-1") })
        #expect(result.fields.contains { $0.group == "GPS" && $0.name == "GPSLongitude" })
    }

    @Test func hugeCountsAndOffsetsOutsideAreDropped() {
        var t = TestTIFFBuilder()
        t.appendIFD([
            TestTIFFBuilder.Entry(tag: 0x010E, type: 2, count: 0xFFFF_FFFF, data: [], rawValue: 16),
            TestTIFFBuilder.Entry(tag: 0x011A, type: 5, count: 0x2000_0000, data: [], rawValue: 8),
            TestTIFFBuilder.Entry(tag: 0x013B, type: 2, count: 100, data: [], rawValue: 0xFFFF_FFF0),
            TestTIFFBuilder.Entry(tag: 0x0110, type: 99, count: 1, data: [1, 2, 3, 4]),
            t.ascii(0x010F, "Nikon"),
        ])
        // An IFD that claims 65535 entries but has room for two.
        var u = TestTIFFBuilder()
        u.bytes += u.u16(0xFFFF) + u.u16(0x010F) + u.u16(2) + u.u32(4) + Array("Sony".utf8)
        for tiff in [t.bytes, u.bytes] {
            let result = EXIFDecoder.decode(tiff: tiff)
            #expect(result.fields.count <= 2)
            #expect(!result.warnings.isEmpty)
        }
        #expect(EXIFDecoder.decode(tiff: t.bytes).fields == [MetadataField(group: "IFD0", name: "Make", value: .text("Nikon"))])
        #expect(EXIFDecoder.decode(tiff: u.bytes).fields == [MetadataField(group: "IFD0", name: "Make", value: .text("Sony"))])
    }

    @Test func overlappingValuesDoNotAmplify() {
        // 4000 ASCII entries, each 60 KB, all pointing at the same bytes of a ~110 KB payload.
        var t = TestTIFFBuilder()
        let text = Array(String(repeating: "Lê Văn Tám 0912345678 ", count: 2_400).utf8.prefix(60_000))
        var entries: [TestTIFFBuilder.Entry] = [t.ascii(0x010F, "Canon")]
        let textAt = 8 + 2 + 12 * 4001 + 4
        for i in 0..<4000 {
            entries.append(TestTIFFBuilder.Entry(tag: UInt16(0xC000 + i), type: 2, count: UInt32(text.count), data: [], rawValue: UInt32(textAt)))
        }
        t.appendIFD(entries)
        t.bytes += text
        let (result, seconds) = TestSupport.cpuTimed { EXIFDecoder.decode(tiff: t.bytes) }
        #expect(seconds < 5, "\(seconds) s of CPU")
        let decodedText = result.fields.reduce(0) { $0 + $1.value.texts.reduce(0) { $0 + $1.utf8.count } }
        #expect(decodedText <= 2 * t.bytes.count + (1 << 20))
        #expect(result.warnings.contains { $0.contains("overlap") })
        #expect(result.fields.first == MetadataField(group: "IFD0", name: "Make", value: .text("Canon")))
    }

    @Test func thumbnailOutsideTheDataIsNotReported() {
        var t = TestTIFFBuilder()
        let ifd0 = t.appendIFD([t.ascii(0x010F, "Canon")])
        let ifd1 = t.appendIFD([TestTIFFBuilder.Entry(tag: 0x0201, type: 4, count: 1, data: [], rawValue: 20),
                                TestTIFFBuilder.Entry(tag: 0x0202, type: 4, count: 1, data: [], rawValue: 0x7FFF_FFFF)])
        t.patch32(at: ifd0.nextField, ifd1.offset)
        let result = EXIFDecoder.decode(tiff: t.bytes)
        #expect(result.thumbnail == nil)
        #expect(result.warnings.contains { $0.contains("thumbnail") })
        #expect(!result.fields.contains { $0.name == "ThumbnailImage" })
    }

    @Test func notTIFFAndExifHeaderInputs() throws {
        #expect(EXIFDecoder.decode(tiff: []).fields.isEmpty)
        #expect(EXIFDecoder.decode(tiff: Array("not a tiff at all".utf8)).warnings == ["no TIFF header at the start of the EXIF data"])
        // A payload that still carries the APP1 identifier is accepted too.
        let tiff = try Oracle.payload("exif-phone-ii.exif")
        #expect(EXIFDecoder.decode(tiff: [0x45, 0x78, 0x69, 0x66, 0, 0] + tiff) == EXIFDecoder.decode(tiff: tiff))
    }

    @Test func userCommentCharsets() {
        func comment(_ header: String, _ body: [UInt8], bigEndian: Bool = false) -> String {
            var h = Array(header.utf8)
            h += [UInt8](repeating: 0, count: 8 - h.count)
            return EXIFValueDecoder.encodedComment((h + body)[...], bigEndian: bigEndian)
        }
        #expect(comment("ASCII", Array("hello  \0\0".utf8)) == "hello")
        #expect(comment("UNICODE", [0x00, 0x4C, 0x00, 0xEA, 0x1E, 0xA1], bigEndian: true) == "Lêạ")
        // Little-endian UTF-16 in a big-endian file: the zero bytes tell.
        #expect(comment("UNICODE", Array("abc".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), bigEndian: true) == "abc")
        #expect(comment("", Array("   ".utf8)) == "")
        #expect(comment("", Array("Hà Nội".utf8)) == "Hà Nội")
        #expect(comment("ASCII", [0x43, 0x61, 0x66, 0xE9]) == "Café")  // Latin-1, not UTF-8
    }

    @Test func truncatedPayloadsNeverCrash() throws {
        for name in ["exif-camera-mm.exif", "exif-phone-ii.exif", "xmp-exiftool-full.xmp", "xmp-phone-attributes.xmp",
                     "iptc-utf8.iim", "photoshop.irb"] {
            let bytes = try Oracle.payload(name)
            let kind: MetadataBlock.Kind = name.hasSuffix(".exif") ? .exif : name.hasSuffix(".xmp") ? .xmp
                : name.hasSuffix(".iim") ? .iptc : .photoshopIRB
            let step = max(1, bytes.count / 400)
            for cut in stride(from: 0, through: bytes.count, by: step) {
                let decoded = MetadataDecoder.decodeWithDetails([MetadataBlock(kind: kind, bytes: Array(bytes[..<cut]), container: "t")])
                for preview in decoded.previews { #expect(preview.range.upperBound <= cut) }
            }
        }
    }

    @Test func mutatedPayloadsNeverCrash() throws {
        var rng = SplitMix64(seed: 0x5EED)
        for name in ["exif-camera-mm.exif", "exif-phone-ii.exif", "iptc-utf8.iim", "photoshop.irb", "xmp-phone-attributes.xmp"] {
            let original = try Oracle.payload(name)
            for _ in 0..<300 {
                var bytes = original
                for _ in 0..<Int(rng.next() % 8 + 1) {
                    let at = Int(rng.next() % UInt64(bytes.count))
                    bytes[at] = rng.next() % 3 == 0 ? 0xFF : UInt8(truncatingIfNeeded: rng.next())
                }
                for kind in [MetadataBlock.Kind.exif, .xmp, .iptc, .photoshopIRB] {
                    _ = MetadataDecoder.decodeWithDetails([MetadataBlock(kind: kind, bytes: bytes, container: "t")])
                }
            }
        }
    }

    // MARK: XMP

    @Test func billionLaughsIsNotExpanded() {
        var dtd = "<!DOCTYPE x [<!ENTITY lol \"lol\">"
        for level in 1...9 {
            dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">"
        }
        dtd += "]>"
        let xmp = dtd + """
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:format>&lol9;</dc:format></rdf:Description>
        </rdf:RDF></x:xmpmeta>
        """
        let (result, seconds) = TestSupport.cpuTimed { XMPDecoder.decode(Array(xmp.utf8)) }
        #expect(seconds < 1, "\(seconds) s of CPU")
        #expect(result.fields == [MetadataField(group: "XMP-dc", name: "Format", value: .text("&lol9;"))])
        #expect(result.warnings.contains { $0.contains("DOCTYPE") })
    }

    @Test func externalEntitiesAreNotResolved() {
        let xmp = """
        <?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % p SYSTEM "http://example.com/x.dtd"> %p;]>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"
        dc:source="&xxe;"/></rdf:RDF>
        """
        #expect(XMPDecoder.decode(Array(xmp.utf8)).fields == [MetadataField(group: "XMP-dc", name: "Source", value: .text("&xxe;"))])
    }

    @Test func deepNestingIsBounded() {
        let depth = 100_000
        var xmp = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:a=\"urn:a\"><rdf:Description><a:p>"
        xmp += String(repeating: "<a:s>", count: depth) + "x" + String(repeating: "</a:s>", count: depth)
        xmp += "</a:p><a:q>after</a:q></rdf:Description></rdf:RDF>"
        let (result, seconds) = TestSupport.cpuTimed { XMPDecoder.decode(Array(xmp.utf8)) }
        #expect(seconds < 5, "\(seconds) s of CPU")
        #expect(result.warnings.contains { $0.contains("deeper") })
        // Content after the too-deep subtree is still read.
        #expect(result.fields.contains(MetadataField(group: "XMP-a", name: "Q", value: .text("after"))))
        // Unclosed deep nesting, too.
        let unclosed = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description>" + String(repeating: "<a>", count: depth)
        _ = XMPDecoder.decode(Array(unclosed.utf8))
    }

    @Test func invalidUTF8AndGarbage() {
        var xmp = Array("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>".utf8)
        xmp += [0x4C, 0xEA, 0xFF, 0xC3]  // Latin-1 bytes, not UTF-8
        xmp += Array("</dc:creator></rdf:Description></rdf:RDF>".utf8)
        let result = XMPDecoder.decode(xmp)
        #expect(result.fields.first?.value == .text("Lêÿ\u{C3}"))
        for garbage in ["<", "<<<>>>", "<a b='", "<a b=c>", "</x>", "<![CDATA[", "<!--", "<?xml", "<!DOCTYPE [[[",
                        "&#xFFFFFFFF;&#0;&#xD800;", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description><x:y>&#1234567;</x:y>"] {
            _ = XMPDecoder.decode(Array(garbage.utf8))
        }
        #expect(XMPDecoder.decode(Array("<r><a:x>&#x1EA1;&#65;</a:x></r>".utf8)).fields.isEmpty)
    }

    @Test func manyListItemsAndFieldsAreCapped() {
        var xmp = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:u=\"urn:u\"><dc:subject><rdf:Bag>"
        xmp += String(repeating: "<rdf:li>k</rdf:li>", count: 20_000) + "</rdf:Bag></dc:subject>"
        for i in 0..<12_000 { xmp += "<u:f\(i)>v</u:f\(i)>" }
        xmp += "</rdf:Description></rdf:RDF>"
        let result = XMPDecoder.decode(Array(xmp.utf8))
        #expect(result.fields.count == XMPDecoder.maxFields)
        #expect(result.fields.first?.value.texts.count == XMPDecoder.maxValuesPerField)
    }

    @Test func utf16PacketIsRead() {
        let xmp = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\" photoshop:City=\"Huế\"/></rdf:RDF>"
        let le: [UInt8] = [0xFF, 0xFE] + xmp.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = xmp.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for packet in [le, be] {
            #expect(XMPDecoder.decode(packet).fields == [MetadataField(group: "XMP-photoshop", name: "City", value: .text("Huế"))])
        }
    }

    @Test func xmpCoordinatesAndDates() {
        #expect(XMPValueConversions.coordinate("11,56.42514N") == 11 + 56.42514 / 60)
        #expect(XMPValueConversions.coordinate("33,51,54.3S") == -(33 + 51.0 / 60 + 54.3 / 3600))
        #expect(XMPValueConversions.coordinate("-12.5") == -12.5)
        #expect(XMPValueConversions.coordinate("abc") == nil)
        #expect(XMPValueConversions.coordinate("1,2,3,4N") == nil)
        #expect(XMPValueConversions.exifDate("2026-01-15T09:08:07+07:00") == "2026:01:15 09:08:07+07:00")
        #expect(XMPValueConversions.exifDate("2026") == "2026")
        #expect(XMPValueConversions.exifDate("hôm qua") == "hôm qua")
        #expect(XMPValueConversions.base64DecodedLength("/9j/4AAQSkZJRgABAQ==") == 13)
        #expect(XMPValueConversions.base64DecodedLength("QUJD\nREVG") == 6)
    }

    // MARK: IPTC and Photoshop resources

    @Test func iptcHostileLengths() {
        let cases: [[UInt8]] = [
            [0x1C, 0x02],                                    // truncated header
            [0x1C, 0x02, 0x19, 0xFF, 0xF0, 0x41],             // length past the end
            [0x1C, 0x02, 0x19, 0x80, 0x08, 0, 0, 0, 0, 0, 0, 0, 1, 0x41],  // 8-byte extended length
            [0x1C, 0x02, 0x19, 0x80, 0x04, 0xFF, 0xFF, 0xFF, 0xFF],   // 4 GB extended length
            [0x1C, 0x02, 0x19, 0x80, 0x02, 0x00, 0x02, 0x68, 0x69, 0x1C, 0x02, 0x19, 0x00, 0x01, 0x41, 0x00, 0x00],
        ]
        for bytes in cases { _ = IPTCDecoder.decode(bytes) }
        #expect(IPTCDecoder.decode(cases[4]).fields == [MetadataField(group: "IPTC", name: "Keywords", value: .list(["hi", "A"]))])
        #expect(!IPTCDecoder.decode(cases[1]).warnings.isEmpty)
        #expect(IPTCDecoder.decode(cases[3]).fields.isEmpty)
    }

    @Test func photoshopHostileSizes() {
        let cases: [[UInt8]] = [
            Array("8BIM".utf8) + [0x04, 0x04, 0xFF] + [UInt8](repeating: 0x41, count: 10),  // name runs past the end
            Array("8BIM".utf8) + [0x04, 0x04, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x1C],     // 4 GB size
            Array("8BIM".utf8) + [0x04, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 1, 2, 3, 4],  // thumbnail without JPEG
            Array("XXXX".utf8) + [UInt8](repeating: 0, count: 20),
        ]
        for bytes in cases {
            let result = PhotoshopIRBDecoder.decode(bytes)
            #expect(result.fields.isEmpty && result.blocks.isEmpty)
        }
    }

    @Test func commentBlocksDecodeLatin1() {
        let fields = MetadataDecoder.decode([MetadataBlock(kind: .comment, bytes: [0x43, 0x61, 0x66, 0xE9, 0x00], container: "JPEG COM")])
        #expect(fields == [MetadataField(group: "File", name: "Comment", value: .text("Café"), container: "JPEG COM")])
    }
}

/// Deterministic pseudo-random numbers for mutation tests.
struct SplitMix64 {
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
