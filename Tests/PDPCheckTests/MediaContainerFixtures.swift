@testable import PDPCheck

/// Tiny container files built byte by byte, so the container tests need no image tools.
/// Values are invented (a generic public place in Đà Lạt, made-up names).
enum MediaContainerFixtures {
    static func be16(_ v: Int) -> [UInt8] { [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    static func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    static func le32(_ v: Int) -> [UInt8] { Array(be32(v).reversed()) }
    static func ascii(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// A big-endian TIFF: IFD0 with Make and Artist, a GPS IFD with latitude/longitude.
    /// - Parameter gap: bytes of image data between the header and IFD0 (libtiff puts IFDs
    ///   after the strips); the result then has that many zero bytes there.
    static func tiff(artist: String = "Nguyễn Thị Minh Thư", extraIFD0: [(tag: Int, type: Int, value: [UInt8])] = [],
                     gap: Int = 0) -> [UInt8] {
        var entries0: [(Int, Int, [UInt8])] = [(0x010F, 2, ascii("PhoneCo\0")), (0x013B, 2, ascii(artist + "\0"))]
        entries0 += extraIFD0.map { ($0.tag, $0.type, $0.value) }
        entries0.append((0x8825, 4, [0, 0, 0, 0]))  // GPS pointer, patched below
        entries0.sort { $0.0 < $1.0 }
        let gpsEntries: [(Int, Int, [UInt8])] = [
            (1, 2, ascii("N\0")), (2, 5, rational3(11, 56, 25)), (3, 2, ascii("E\0")), (4, 5, rational3(108, 26, 30)),
        ]
        var out = ascii("MM") + be16(42) + be32(8 + gap) + [UInt8](repeating: 0, count: gap)
        func ifdSize(_ n: Int) -> Int { 2 + 12 * n + 4 }
        let ifd0 = 8 + gap
        let ifd0Data = ifd0 + ifdSize(entries0.count)
        var data0: [UInt8] = []
        var table0: [UInt8] = be16(entries0.count)
        var gpsPointerIndex = 0
        for e in entries0 {
            let count = e.2.count / unitSize(e.1)
            table0 += be16(e.0) + be16(e.1) + be32(count)
            if e.0 == 0x8825 { gpsPointerIndex = table0.count; table0 += [0, 0, 0, 0]; continue }
            if e.2.count <= 4 {
                table0 += e.2 + [UInt8](repeating: 0, count: 4 - e.2.count)
            } else {
                table0 += be32(ifd0Data + data0.count)
                data0 += e.2
                if data0.count % 2 == 1 { data0.append(0) }
            }
        }
        table0 += be32(0)
        let gpsIFD = ifd0Data + data0.count
        table0.replaceSubrange(gpsPointerIndex..<(gpsPointerIndex + 4), with: be32(gpsIFD))
        var tableG: [UInt8] = be16(gpsEntries.count)
        var dataG: [UInt8] = []
        let gpsData = gpsIFD + ifdSize(gpsEntries.count)
        for e in gpsEntries {
            let count = e.2.count / unitSize(e.1)
            tableG += be16(e.0) + be16(e.1) + be32(count)
            if e.2.count <= 4 {
                tableG += e.2 + [UInt8](repeating: 0, count: 4 - e.2.count)
            } else {
                tableG += be32(gpsData + dataG.count)
                dataG += e.2
            }
        }
        tableG += be32(0)
        out += table0 + data0 + tableG + dataG
        return out
    }

    static func unitSize(_ type: Int) -> Int {
        switch type {
        case 3, 8: return 2
        case 4, 9, 11: return 4
        case 5, 10, 12: return 8
        default: return 1
        }
    }

    static func rational3(_ a: Int, _ b: Int, _ c: Int) -> [UInt8] {
        be32(a) + be32(1) + be32(b) + be32(1) + be32(c) + be32(1)
    }

    static let xmp = ascii("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
        + "<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>Trần Văn Bình</dc:creator>"
        + "</rdf:Description></rdf:RDF></x:xmpmeta>")
    static let iptcName = ascii("Lê Thị Hoa")
    /// IPTC-IIM By-line (2:80).
    static let iptc: [UInt8] = [0x1C, 2, 80] + be16(iptcName.count) + iptcName
    static let photoshop: [UInt8] = ascii("8BIM") + be16(0x0404) + [0, 0] + be32(iptc.count) + iptc + (iptc.count % 2 == 1 ? [0] : [])

    // MARK: JPEG

    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0xFF, marker] + be16(payload.count + 2) + payload
    }

    /// Baseline-looking JPEG body: SOF0, DHT-ish filler, SOS and entropy data with stuffed
    /// 0xFF00, a restart marker and fill bytes, then EOI.
    static func jpegImageData(entropyBytes: Int = 3000) -> [UInt8] {
        var out = segment(0xC0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0])
        out += segment(0xC4, [0x00] + [UInt8](repeating: 0, count: 16) + [0xFF, 0xD9])  // table bytes that look like EOI
        out += segment(0xDA, [1, 1, 0, 0, 0x3F, 0])
        for i in 0..<entropyBytes {
            switch i % 500 {
            case 7: out += [0xFF, 0x00]
            case 250: out += [0xFF, 0xD3]
            default: out.append(UInt8(truncatingIfNeeded: i &* 37))
            }
            if out.last == 0xFF { out.append(0x00) }
        }
        out += [0xFF, 0xFF, 0xD9]
        return out
    }

    static func miniJPEG(comment: String) -> [UInt8] {
        [0xFF, 0xD8] + segment(0xFE, ascii(comment)) + jpegImageData(entropyBytes: 40)
    }

    /// A JPEG with EXIF, XMP, Extended XMP in two chunks, Photoshop IRB over two APP13
    /// segments, a comment, an MPF index pointing to a second image, and an appended JPEG.
    static func jpeg(withMPF: Bool = true, trailer: [UInt8]? = nil) -> [UInt8] {
        let second = miniJPEG(comment: "second image")
        var head: [UInt8] = [0xFF, 0xD8]
        head += segment(0xE0, ascii("JFIF\0") + [1, 2, 0, 0, 1, 0, 1, 0, 0])
        head += segment(0xE1, ExifPayload.exifHeader + tiff())
        head += segment(0xE1, JPEGSegmentReader.xmpSignature + xmp)
        let guid = ascii("0123456789ABCDEF0123456789ABCDEF")
        let extended = ascii("<x:xmpmeta><rdf:RDF><rdf:Description Iptc4xmpExt:PersonInImage=\"Phạm Văn Cường\"/></rdf:RDF></x:xmpmeta>")
        let half = extended.count / 2
        // Chunks out of order: reassembly goes by offset.
        head += segment(0xE1, JPEGSegmentReader.extendedXMPSignature + guid + be32(extended.count) + be32(half) + Array(extended[half...]))
        head += segment(0xE1, JPEGSegmentReader.extendedXMPSignature + guid + be32(extended.count) + be32(0) + Array(extended[..<half]))
        let split = photoshop.count / 2
        head += segment(0xED, JPEGSegmentReader.photoshopSignature + Array(photoshop[..<split]))
        head += segment(0xED, JPEGSegmentReader.photoshopSignature + Array(photoshop[split...]))
        head += segment(0xFE, ascii("Liên hệ 0912 345 678"))
        let body = jpegImageData()
        var mpfPayload: [UInt8] = []
        if withMPF {
            // MPF TIFF: IFD with MPFVersion and MPEntry (2 entries × 16 bytes, out of line).
            func mpf(firstSize: Int, secondOffset: Int) -> [UInt8] {
                var t = ascii("MM") + be16(42) + be32(8)
                t += be16(2)
                t += be16(0xB000) + be16(7) + be32(4) + ascii("0100")
                t += be16(0xB002) + be16(7) + be32(32) + be32(8 + 2 + 24 + 4)
                t += be32(0)
                t += be32(0x030000) + be32(firstSize) + be32(0) + be16(0) + be16(0)
                t += be32(0x010001) + be32(second.count) + be32(secondOffset) + be16(0) + be16(0)
                return JPEGSegmentReader.mpfSignature + t
            }
            let probe = segment(0xE2, mpf(firstSize: 0, secondOffset: 0))
            let mpfTIFFStart = head.count + 4 + 4  // marker+length, then "MPF\0"
            let firstSize = head.count + probe.count + body.count
            mpfPayload = segment(0xE2, mpf(firstSize: firstSize, secondOffset: firstSize - mpfTIFFStart))
        }
        var out = head + mpfPayload + body
        if withMPF { out += second }
        if let trailer { out += trailer }
        return out
    }

    // MARK: PNG

    static func pngChunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        be32(data.count) + ascii(type) + data + [0, 0, 0, 0]
    }

    /// zlib of "Nguyen Van An, 0912 345 678, Da Lat" (fixed Huffman, made with Python's zlib).
    static let zlibShort = hex("789cf34b2fad4ccd53084bcc5370ccd35130b0343452303631553033b7d051704954f0492c0100b54c0956")
    static let zlibShortText = "Nguyen Van An, 0912 345 678, Da Lat"
    /// zlib of an XMP packet repeated three times (dynamic Huffman, back references).
    static let zlibXMP = hex("78daed8f4d0e82301085af42700d23b8a229ac083b37860bd4b64a13fa93b6a6f5f616d310e3118cbb37332fdf9b87238ad248ee4911e5aa1c8a7d4998be7294f4b68672c096ddd0659cb2234d7db9786f104008a10ea75adb3b345dd7c1b185b6ad92a3724fe549ac943b64c0c81db5c278a1550631ba73ccc3ae6f0aa3c0572eb9f20e9abad9d21945d472e2b51d664b54312fa2381381e1e380e12b226fd2d749ed1d07fcaffbc3755f50b3f5ad")

    static func hex(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        var high: UInt8?
        for c in s.utf8 {
            let v: UInt8 = c <= 0x39 ? c - 0x30 : c - 0x61 + 10
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return out
    }

    static func rawProfile(_ kind: String, _ bytes: [UInt8]) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        var text = ascii("\n\(kind)\n     \(bytes.count)\n")
        for (i, b) in bytes.enumerated() {
            text += [digits[Int(b >> 4)], digits[Int(b & 15)]]
            if i % 36 == 35 { text.append(0x0A) }
        }
        return text + [0x0A]
    }

    static func png() -> [UInt8] {
        var out = PNGChunkReader.signature
        out += pngChunk("IHDR", be32(1) + be32(1) + [8, 2, 0, 0, 0])
        out += pngChunk("tEXt", ascii("Author\0") + [0x4E, 0x67, 0x75, 0x79, 0xEA, 0x6E])  // "Nguyên" in Latin-1
        out += pngChunk("zTXt", ascii("Comment\0") + [0] + zlibShort)
        out += pngChunk("iTXt", ascii("XML:com.adobe.xmp\0") + [0, 0] + ascii("\0\0") + xmp)
        out += pngChunk("iTXt", ascii("Description\0") + [1, 0] + ascii("vi\0Mô tả\0") + zlibShort)
        out += pngChunk("IDAT", [UInt8](repeating: 0x55, count: 300))
        out += pngChunk("IDAT", [UInt8](repeating: 0x66, count: 300))
        out += pngChunk("eXIf", tiff())
        out += pngChunk("tEXt", ascii("Raw profile type iptc\0") + rawProfile("iptc", photoshop))
        out += pngChunk("iTXt", ascii("XML:com.adobe.xmp\0") + [1, 0] + ascii("\0\0") + zlibXMP)
        out += pngChunk("tEXt", ascii("Raw profile type exif\0") + rawProfile("exif", ExifPayload.exifHeader + tiff(artist: "Raw")))
        out += pngChunk("IEND", [])
        return out
    }

    // MARK: WebP

    static func riffChunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        ascii(type) + le32(data.count) + data + (data.count % 2 == 1 ? [0] : [])
    }

    static func webp() -> [UInt8] {
        var body = ascii("WEBP")
        body += riffChunk("VP8X", [0x0C, 0, 0, 0] + [0, 0, 0, 0, 0, 0])
        body += riffChunk("VP8 ", [UInt8](repeating: 0x9D, count: 501))
        body += riffChunk("EXIF", ExifPayload.exifHeader + tiff())
        body += riffChunk("XMP ", xmp)
        return ascii("RIFF") + le32(body.count) + body
    }

    // MARK: GIF

    static let gifComment = ascii("Chụp ở Đà Lạt")

    static func gif() -> [UInt8] {
        var out = ascii("GIF89a") + [1, 0, 1, 0, 0x80, 0, 0] + [0, 0, 0, 255, 255, 255]
        out += [0x21, 0xFF, 11] + ascii("XMP DataXMP") + xmp + [0x01] + (0...255).reversed().map { UInt8($0) } + [0x00]
        out += [0x21, 0xFE] + [UInt8(gifComment.count)] + gifComment + [0]
        out += [0x21, 0xF9, 4, 0, 0, 0, 0, 0]
        out += [0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x4C, 0x01, 0]
        out += [0x3B]
        return out
    }

    // MARK: ISOBMFF

    static func box(_ type: String, _ payload: [UInt8]) -> [UInt8] {
        be32(payload.count + 8) + Array(type.utf8) + payload
    }

    static func atom(_ type: [UInt8], _ payload: [UInt8]) -> [UInt8] {
        be32(payload.count + 8) + type + payload
    }

    static func fullBox(_ type: String, version: UInt8 = 0, _ payload: [UInt8]) -> [UInt8] {
        box(type, [version, 0, 0, 0] + payload)
    }

    /// An iPhone-style HEIC: `meta` with iinf/iloc pointing at an Exif item (4-byte offset +
    /// `Exif\0\0` + TIFF) and an XMP item inside `mdat`.
    static func heic() -> [UInt8] {
        let exifItem = be32(6) + ExifPayload.exifHeader + tiff()
        let ftyp = box("ftyp", ascii("heic") + be32(0) + ascii("mif1heic"))
        func metaBox(exifOffset: Int, xmpOffset: Int) -> [UInt8] {
            let hdlr = fullBox("hdlr", be32(0) + ascii("pict") + [UInt8](repeating: 0, count: 12) + [0])
            let pitm = fullBox("pitm", be16(1))
            var infe = fullBox("infe", version: 2, be16(1) + be16(0) + ascii("hvc1") + [0])
            infe += fullBox("infe", version: 2, be16(2) + be16(0) + ascii("Exif") + [0])
            infe += fullBox("infe", version: 2, be16(3) + be16(0) + ascii("mime") + ascii("XMP\0application/rdf+xml\0"))
            let iinf = fullBox("iinf", be16(3) + infe)
            // Version 1: offset/length 4 bytes, no base offset; per item construction method 0.
            var iloc: [UInt8] = [0x44, 0x00] + be16(3)
            iloc += be16(1) + be16(0) + be16(0) + be16(1) + be32(exifOffset) + be32(4)
            iloc += be16(2) + be16(0) + be16(0) + be16(1) + be32(exifOffset) + be32(exifItem.count)
            iloc += be16(3) + be16(0) + be16(0) + be16(1) + be32(xmpOffset) + be32(xmp.count)
            return fullBox("meta", hdlr + pitm + iinf + fullBox("iloc", version: 1, iloc))
        }
        let probe = metaBox(exifOffset: 0, xmpOffset: 0)
        let mdatStart = ftyp.count + probe.count + 8
        let meta = metaBox(exifOffset: mdatStart, xmpOffset: mdatStart + exifItem.count)
        return ftyp + meta + box("mdat", exifItem + xmp)
    }

    static let copyright: UInt8 = 0xA9

    static func intlText(_ s: String) -> [UInt8] { be16(s.utf8.count) + be16(0x15C7) + ascii(s) }

    static func dataAtom(_ s: String) -> [UInt8] { box("data", be32(1) + be32(0) + ascii(s)) }

    /// An MP4 the way phones write them: Android `©xyz` in udta, Apple keys/ilst in moov/meta,
    /// a 3GP `loci`, a timed metadata track with location keys, a top-level XMP uuid box, and
    /// `mdat` of `mdatBytes` zero bytes.
    static func mp4(mdatBytes: Int = 1000) -> [UInt8] {
        let ftyp = box("ftyp", ascii("mp42") + be32(0) + ascii("isommp42"))
        let mvhd = fullBox("mvhd", [UInt8](repeating: 0, count: 96))
        var udta = atom([copyright] + ascii("xyz"), intlText("+11.9404+108.4583/"))
        udta += atom([copyright] + ascii("nam"), intlText("Chuyến đi Đà Lạt"))
        udta += atom([copyright] + ascii("mak"), intlText("PhoneCo"))
        udta += fullBox("loci", [0x15, 0xC7] + ascii("Hồ Xuân Hương\0") + [0] + be32(Int(108.4417 * 65536)) + be32(Int(11.9417 * 65536))
                        + be32(1500 << 16) + ascii("earth\0") + ascii("bờ hồ\0"))
        udta += fullBox("auth", [0x15, 0xC7] + ascii("Võ Thị Lan\0"))
        udta += box("slno", ascii("SN-000123\0"))
        udta += atom([copyright] + ascii("dji"), [0, 1, 2, 3, 0xFF, 0x10])  // binary, not text
        udta += atom(ascii("@sec"), [0, 0, 0, 1, 2, 3])
        let keyNames = ["com.apple.quicktime.location.ISO6709", "com.apple.quicktime.make", "com.apple.quicktime.author",
                        "com.apple.quicktime.creationdate", "com.android.version"]
        var keys: [UInt8] = [0, 0, 0, 0] + be32(keyNames.count)
        for k in keyNames { keys += be32(8 + k.utf8.count) + ascii("mdta") + ascii(k) }
        let values = ["+11.9404+108.4583+1500.000/", "Apple", "Đặng Minh Khoa", "2025-03-04T10:11:12+0700", "14"]
        var ilst: [UInt8] = []
        for (i, v) in values.enumerated() { ilst += be32(8 + 16 + v.utf8.count) + be32(i + 1) + dataAtom(v) }
        let meta = box("meta", box("hdlr", [0, 0, 0, 0] + be32(0) + ascii("mdta") + [UInt8](repeating: 0, count: 13))
                       + box("keys", keys) + box("ilst", ilst))
        // iTunes-style udta/meta (full box) with an ilst item.
        let itunes = fullBox("meta", fullBox("hdlr", be32(0) + ascii("mdir") + [UInt8](repeating: 0, count: 13))
                             + box("ilst", atom([copyright] + ascii("ART"), dataAtom("Bùi Quang Huy"))))
        udta += itunes
        // Timed metadata track: hdlr meta, stsd with a mebx entry whose keys include location.
        let keyd = box("keyd", ascii("mdta") + ascii("com.apple.quicktime.location.ISO6709"))
        let mebxKeys = box("keys", box("\u{0}\u{0}\u{0}\u{1}", keyd + box("dtyp", be32(0) + be32(1))))
        let mebx = box("mebx", [0, 0, 0, 0, 0, 0] + be16(1) + mebxKeys)
        let stsd = fullBox("stsd", be32(1) + mebx)
        let trak = box("trak", box("tkhd", [UInt8](repeating: 0, count: 84))
                       + box("mdia", fullBox("hdlr", be32(0) + ascii("meta") + [UInt8](repeating: 0, count: 13))
                             + box("minf", box("stbl", stsd + box("stsz", [UInt8](repeating: 0, count: 12))))))
        let moov = box("moov", mvhd + box("udta", udta) + meta + trak)
        let uuidXMP = be32(8 + 16 + xmp.count) + ascii("uuid") + ISOBMFFBoxWalker.xmpUUID + xmp
        return ftyp + uuidXMP + box("mdat", [UInt8](repeating: 0, count: mdatBytes)) + moov
    }

    static func jxl() -> [UInt8] {
        var out: [UInt8] = [0, 0, 0, 0x0C, 0x4A, 0x58, 0x4C, 0x20, 0x0D, 0x0A, 0x87, 0x0A]
        out += box("ftyp", ascii("jxl ") + be32(0) + ascii("jxl "))
        out += box("Exif", be32(0) + tiff())
        out += box("xml ", xmp)
        out += box("jxlc", [0xFF, 0x0A, 1, 2, 3, 4])
        return out
    }
}
