import CZlib

/// Writes a cleaned PNG chunk by chunk: critical chunks (IHDR, PLTE, IDAT, IEND) and the
/// chunks display needs (gAMA, cHRM, sRGB, iCCP, cICP, mDCv, cLLi, sBIT, pHYs, tRNS, bKGD and
/// the APNG frames) are copied byte for byte with their CRCs; eXIf is rebuilt, the XMP iTXt
/// cleaned (and stored uncompressed), text chunks the plan flags dropped. Rewritten chunks get
/// a new CRC. `.all` keeps only the critical and display chunks.
enum PNGMetadataWriter {
    static let display: Set<FourCC> = [
        FourCC("gAMA"), FourCC("cHRM"), FourCC("sRGB"), FourCC("iCCP"), FourCC("cICP"), FourCC("mDCv"),
        FourCC("cLLi"), FourCC("sBIT"), FourCC("pHYs"), FourCC("tRNS"), FourCC("bKGD"), FourCC("acTL"),
        FourCC("fcTL"), FourCC("fdAT"), FourCC("hIST"),
    ]
    /// Signatures over the file that a cleaned copy breaks anyway.
    static let signatures: Set<FourCC> = [FourCC("dSIG"), FourCC("caBX")]
    static let textChunks: Set<FourCC> = [PNGChunkReader.tEXt, PNGChunkReader.zTXt, PNGChunkReader.iTXt]
    static let textTable: [String: Category] = ["Author": .authorIdentity, "CreationTime": .captureTime]

    struct Chunk {
        var type: FourCC
        /// The whole chunk: length, type, data, CRC.
        var range: Range<Int>
        var data: Range<Int>
    }

    static func chunks(_ b: [UInt8]) throws(ScanError) -> (chunks: [Chunk], end: Int) {
        guard BinaryCursor.hasPrefix(b, PNGChunkReader.signature) else {
            throw ScanError(code: "malformed", message: "PNG: bad signature")
        }
        var list: [Chunk] = []
        var pos = 8
        while pos < b.count {
            guard list.count < 1_000_000 else { throw ScanError(code: "limit-exceeded", message: "PNG: too many chunks") }
            guard pos + 12 <= b.count else { throw ScanError(code: "malformed", message: "PNG: chunk at byte \(pos) is cut off") }
            let length = Int(BinaryCursor.u32(b, at: pos, bigEndian: true))
            guard length <= b.count - pos - 12 else {
                throw ScanError(code: "malformed", message: "PNG: chunk at byte \(pos) runs past the end of the file")
            }
            let type = FourCC(BinaryCursor.u32(b, at: pos + 4, bigEndian: true))
            list.append(Chunk(type: type, range: pos..<(pos + 12 + length), data: (pos + 8)..<(pos + 8 + length)))
            pos += 12 + length
            if type == PNGChunkReader.iEND { return (list, pos) }
        }
        throw ScanError(code: "malformed", message: "PNG: no IEND chunk (truncated)")
    }

    static func clean(_ b: [UInt8], plan: MediaStripPlan, log: inout CleanLog) throws(ScanError) -> [UInt8] {
        let (list, end) = try chunks(b)
        var out = Array(b[0..<8])
        out.reserveCapacity(b.count)
        // Text and EXIF kept from after the image data move before it: readers may ignore them
        // there (ExifTool warns), and the order of ancillary chunks means nothing to display.
        var firstIDAT: Int?
        var late: [UInt8] = []
        for chunk in list {
            let type = chunk.type
            let critical = type.firstByte & 0x20 == 0
            if type == FourCC("IDAT"), firstIDAT == nil { firstIDAT = out.count }
            if critical || display.contains(type) {
                out += b[chunk.range]
                continue
            }
            let mark = out.count
            defer {
                if let firstIDAT, mark > firstIDAT, out.count > mark, textChunks.contains(type) || type == PNGChunkReader.eXIf {
                    late += out[mark...]
                    out.removeSubrange(mark...)
                }
            }
            let container = "PNG \(type)"
            if type == PNGChunkReader.eXIf || type == PNGChunkReader.exIf {
                let data = Array(b[chunk.data])
                guard let start = ExifPayload.tiffStart(in: data) else {
                    log.remove(nil, container, "EXIF without a TIFF header")
                    continue
                }
                var local = CleanLog()
                let rebuilt = EXIFRebuilder.rebuild(Array(data[start...]), plan: plan, container: container, log: &local)
                if local.isEmpty, rebuilt != nil {
                    out += b[chunk.range]
                } else {
                    log.append(local)
                    if let rebuilt { appendChunk(type, rebuilt, to: &out) }
                }
            } else if textChunks.contains(type) {
                cleanText(b, chunk, plan: plan, out: &out, log: &log)
            } else if signatures.contains(type) {
                log.remove(nil, container, "\(type) signature (a cleaned copy no longer matches it)")
            } else if plan.mode == .all {
                log.remove(type == FourCC("tIME") ? plan.removal(group: "PNG", name: "ModifyDate") : nil, container,
                           "\(type) chunk (\(chunk.data.count) bytes)")
            } else {
                out += b[chunk.range]
            }
        }
        if let firstIDAT, !late.isEmpty { out.insert(contentsOf: late, at: firstIDAT) }
        if end < b.count {
            if b[end...].contains(where: { $0 != 0 }) {
                log.remove(plan.removes(.embeddedPreview) ? .embeddedPreview : nil, "PNG trailer",
                           "\(b.count - end) bytes after IEND")
            }
        }
        return out
    }

    static func cleanText(_ b: [UInt8], _ chunk: Chunk, plan: MediaStripPlan, out: inout [UInt8], log: inout CleanLog) {
        let type = chunk.type
        let container = "PNG \(type)"
        let data = Array(b[chunk.data])
        var c = BinaryCursor(data, context: container)
        let keywordBytes = c.cString()
        let keyword = PNGChunkReader.latin1(keywordBytes)
        if plan.mode == .all {
            log.remove(nil, container, keyword)
            return
        }
        if keyword == "XML:com.adobe.xmp" {
            guard type == PNGChunkReader.iTXt, let flag = try? c.u8(), (try? c.u8()) != nil else {
                log.remove(nil, container, "XMP in a \(type) chunk (unreadable)")
                return
            }
            let language = c.cString()
            let translated = c.cString()
            var packet = c.rest()
            if flag != 0 {
                guard let inflated = try? Inflate.zlib(packet, maxOutput: 16 << 20) else {
                    log.remove(nil, container, "compressed XMP (unreadable)")
                    return
                }
                packet = inflated
            }
            switch XMPCleaner.clean(packet, plan: plan, container: "PNG iTXt XMP", log: &log) {
            case .unchanged: out += b[chunk.range]
            case .rewritten(let cleaned):
                appendChunk(type, keywordBytes + [0, 0, 0] + language + [0] + translated + [0] + cleaned, to: &out)
            case .drop: break
            }
            return
        }
        if keyword.hasPrefix("Raw profile type ") {
            let kind = keyword.dropFirst("Raw profile type ".count).lowercased()
            if kind == "icc" || kind == "icm" {
                out += b[chunk.range]
            } else {
                log.remove(nil, container, "\(keyword) (ImageMagick \(kind) profile, removed whole)")
            }
            return
        }
        let name = PNGChunkReader.tagName(keyword)
        var category = plan.removal(group: "PNG", name: name)
        if category == nil, name == "Comment", plan.removesComments { category = .hiddenContent }
        if category == nil, let tabled = textTable[name], plan.removes(tabled) { category = tabled }
        if let category {
            log.remove(category, container, "PNG:" + name)
        } else {
            out += b[chunk.range]
        }
    }

    static func appendChunk(_ type: FourCC, _ data: [UInt8], to out: inout [UInt8]) {
        let n = data.count
        out += [UInt8(truncatingIfNeeded: n >> 24), UInt8(truncatingIfNeeded: n >> 16),
                UInt8(truncatingIfNeeded: n >> 8), UInt8(truncatingIfNeeded: n)]
        let typed = type.bytes + data
        out += typed
        let crc = crc32(typed)
        out += [UInt8(truncatingIfNeeded: crc >> 24), UInt8(truncatingIfNeeded: crc >> 16),
                UInt8(truncatingIfNeeded: crc >> 8), UInt8(truncatingIfNeeded: crc)]
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { p in
            UInt32(truncatingIfNeeded: CZlib.crc32(0, p.baseAddress, uInt(p.count)))
        }
    }
}
