/// Walks PNG chunks (length, type, data, CRC; the CRC is not checked), seeking over IDAT and
/// continuing after it, since writers put metadata before or after the image data:
/// eXIf → EXIF; iTXt `XML:com.adobe.xmp` → XMP; ImageMagick's "Raw profile type …" text chunks
/// → the hex-encoded EXIF / IPTC / XMP / Photoshop payloads; other text keywords → PNG fields.
enum PNGChunkReader {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// Text chunks larger than this are noted, not read.
    static let maxTextChunk = 16 << 20

    static let eXIf = FourCC("eXIf"), exIf = FourCC("exIf"), tEXt = FourCC("tEXt")
    static let zTXt = FourCC("zTXt"), iTXt = FourCC("iTXt"), iEND = FourCC("IEND")

    static func read(_ s: MediaReadSession) throws(ScanError) {
        let head = try s.read(at: 0, count: min(8, s.size), "PNG signature")
        guard head == signature else { throw MediaReadSession.malformed("PNG: bad signature") }
        var pos = 8
        while true {
            try s.visit()
            guard pos < s.size else {
                s.note("PNG ends without an IEND chunk (truncated)")
                return
            }
            var header = BinaryCursor(try s.read(at: pos, count: 8, "PNG chunk header"), context: "PNG chunk")
            let length = Int(try header.u32())
            let type = try header.fourCC()
            guard length <= Int(Int32.max) else { throw MediaReadSession.malformed("PNG: chunk length \(length) at byte \(pos)") }
            let data = pos + 8
            guard s.contains(data, length) else {
                throw MediaReadSession.malformed("PNG: chunk \(type) at byte \(pos) runs past the end of the file")
            }
            if type == iEND {
                if data + length + 4 < s.size { s.note("PNG carries \(s.size - data - length - 4) bytes after IEND") }
                return
            }
            switch type {
            case eXIf, exIf:
                ExifPayload.deliver(try s.copy(at: data, count: length, "PNG eXIf"), sourceOffset: data,
                                    container: "PNG eXIf", to: s)
            case tEXt, zTXt, iTXt:
                if length > maxTextChunk {
                    s.note("PNG \(type) chunk of \(length) bytes not read")
                } else {
                    try readText(type, try s.copy(at: data, count: length, "PNG \(type)"), at: data, s)
                }
            default:
                break  // IDAT, fdAT and the rest: header only
            }
            pos = data + length + 4
        }
    }

    static func readText(_ type: FourCC, _ chunk: [UInt8], at offset: Int, _ s: MediaReadSession) throws(ScanError) {
        var c = BinaryCursor(chunk, context: "PNG \(type)")
        let keyword = c.cString()
        var compressed = type == zTXt
        var utf8 = false
        if type == zTXt {
            guard try c.u8() == 0 else { s.note("PNG zTXt with an unknown compression method"); return }
        } else if type == iTXt {
            compressed = try c.u8() != 0
            guard try c.u8() == 0 || !compressed else { s.note("PNG iTXt with an unknown compression method"); return }
            _ = c.cString()  // language tag
            _ = c.cString()  // translated keyword
            utf8 = true
        }
        let textStart = c.position
        var text = c.rest()
        if compressed {
            do throws(ScanError) {
                text = try Inflate.zlib(text, maxOutput: s.limits.maxInflatedBytes)
                try s.reserveCopy(text.count, "PNG \(type)")
            } catch {
                s.note("PNG \(type) \(String(decoding: keyword, as: UTF8.self)): \(error.message)")
                return
            }
        }
        let name = latin1(keyword)
        let container = "PNG \(type)"
        let range = compressed ? nil : (offset + textStart)..<(offset + chunk.count)
        if name == "XML:com.adobe.xmp" {
            s.add(.xmp, text, container: container, range: range)
        } else if name.hasPrefix("Raw profile type ") {
            readRawProfile(String(name.dropFirst("Raw profile type ".count)).lowercased(), text, container: container, s)
        } else if !text.isEmpty {
            let value = utf8 ? String(decoding: text, as: UTF8.self) : latin1(text)
            s.field("PNG", tagName(name), .text(value), container: container)
        }
    }

    /// ImageMagick's profile text: "\n<type>\n<spaces><decimal length>\n<hex digits over lines>".
    static func readRawProfile(_ kind: String, _ text: [UInt8], container: String, _ s: MediaReadSession) {
        var i = 0
        var newlines = 0
        while i < text.count, newlines < 2 {  // skip "\n<type>\n"
            if text[i] == 0x0A { newlines += 1 }
            i += 1
        }
        while i < text.count, text[i] == 0x20 || text[i] == 0x09 { i += 1 }
        var length = 0
        while i < text.count, text[i] >= 0x30, text[i] <= 0x39, length < 1 << 30 {
            length = length * 10 + Int(text[i] - 0x30)
            i += 1
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(length, text.count / 2))
        var high: UInt8?
        while i < text.count, bytes.count < length {
            let nibble: UInt8
            switch text[i] {
            case 0x30...0x39: nibble = text[i] - 0x30
            case 0x61...0x66: nibble = text[i] - 0x61 + 10
            case 0x41...0x46: nibble = text[i] - 0x41 + 10
            default:
                i += 1
                continue
            }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
            i += 1
        }
        guard !bytes.isEmpty else { return }
        let where_ = "\(container) Raw profile type \(kind)"
        switch kind {
        case "exif", "app1":
            if BinaryCursor.hasPrefix(bytes, JPEGSegmentReader.xmpSignature) {
                s.add(.xmp, Array(bytes.dropFirst(JPEGSegmentReader.xmpSignature.count)), container: where_)
            } else {
                ExifPayload.deliver(bytes, sourceOffset: nil, container: where_, to: s)
            }
        case "xmp":
            s.add(.xmp, bytes, container: where_)
        case "iptc", "8bim":
            if BinaryCursor.hasPrefix(bytes, JPEGSegmentReader.photoshopSignature) {
                s.add(.photoshopIRB, Array(bytes.dropFirst(JPEGSegmentReader.photoshopSignature.count)), container: where_)
            } else if BinaryCursor.hasPrefix(bytes, Array("8BIM".utf8)) {
                s.add(.photoshopIRB, bytes, container: where_)
            } else {
                s.add(.iptc, bytes, container: where_)
            }
        default:
            break  // icc, icm: colour profiles
        }
    }

    static func latin1(_ bytes: [UInt8]) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: bytes.map { UnicodeScalar($0) })
        return String(s)
    }

    /// ExifTool's tag names for PNG keywords: "Creation Time" → "CreationTime".
    static func tagName(_ keyword: String) -> String {
        var name = ""
        var upper = true
        for ch in keyword.unicodeScalars {
            if (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || (ch >= "0" && ch <= "9") {
                name.unicodeScalars.append(upper ? (ch.properties.uppercaseMapping.unicodeScalars.first ?? ch) : ch)
                upper = false
            } else {
                upper = true
            }
        }
        return name.isEmpty ? "Text" : name
    }
}
