/// Writes a cleaned WebP: the bitstream chunks (VP8, VP8L, ALPH, ANIM, ANMF) and ICCP are
/// copied byte for byte; EXIF is rebuilt or dropped, XMP cleaned or dropped; then the VP8X
/// flags are made to match the chunks that remain and the RIFF size is recomputed.
enum WebPMetadataWriter {
    static let vp8x = FourCC("VP8X"), iccp = FourCC("ICCP")
    static let kept: Set<FourCC> = [FourCC("VP8 "), FourCC("VP8L"), FourCC("ALPH"), FourCC("ANIM"), FourCC("ANMF"), iccp, vp8x]
    static let exifFlag: UInt8 = 0x08, xmpFlag: UInt8 = 0x04

    struct Chunk {
        var type: FourCC
        /// Header, data and padding.
        var range: Range<Int>
        var data: Range<Int>
    }

    static func chunks(_ b: [UInt8]) throws(ScanError) -> [Chunk] {
        guard b.count >= 12, BinaryCursor.hasPrefix(b, Array("RIFF".utf8)), BinaryCursor.hasPrefix(b, Array("WEBP".utf8), at: 8) else {
            throw ScanError(code: "malformed", message: "WebP: no RIFF/WEBP header")
        }
        let riffEnd = min(b.count, 8 + Int(BinaryCursor.u32(b, at: 4, bigEndian: false)))
        var list: [Chunk] = []
        var pos = 12
        while pos + 8 <= riffEnd {
            guard list.count < 1_000_000 else { throw ScanError(code: "limit-exceeded", message: "WebP: too many chunks") }
            let type = FourCC(BinaryCursor.u32(b, at: pos, bigEndian: true))
            let size = Int(BinaryCursor.u32(b, at: pos + 4, bigEndian: false))
            guard size <= riffEnd - pos - 8 else {
                throw ScanError(code: "malformed", message: "WebP: chunk \(type) at byte \(pos) runs past the end of the file")
            }
            let end = min(riffEnd, pos + 8 + size + (size & 1))
            list.append(Chunk(type: type, range: pos..<end, data: (pos + 8)..<(pos + 8 + size)))
            pos = end
        }
        return list
    }

    static func clean(_ b: [UInt8], plan: MediaStripPlan, log: inout CleanLog) throws(ScanError) -> [UInt8] {
        // Found by the mediafix fuzzer: a file too short for the RIFF header trapped here.
        guard b.count >= 12 else { throw ScanError(code: "malformed", message: "WebP: shorter than its RIFF header") }
        var out = Array(b[0..<12])
        out.reserveCapacity(b.count)
        var hasEXIF = false, hasXMP = false
        var vp8xAt: Int?
        for chunk in try chunks(b) {
            switch chunk.type {
            case vp8x:
                vp8xAt = out.count
                out += b[chunk.range]
            case WebPChunkReader.exif:
                let data = Array(b[chunk.data])
                guard let start = ExifPayload.tiffStart(in: data) else {
                    log.remove(nil, "WebP EXIF", "EXIF without a TIFF header")
                    continue
                }
                var local = CleanLog()
                let rebuilt = EXIFRebuilder.rebuild(Array(data[start...]), plan: plan, container: "WebP EXIF", log: &local)
                if local.isEmpty, rebuilt != nil {
                    out += b[chunk.range]
                    hasEXIF = true
                } else {
                    log.append(local)
                    if let rebuilt {
                        appendChunk(chunk.type, rebuilt, to: &out)
                        hasEXIF = true
                    }
                }
            case WebPChunkReader.xmp:
                switch XMPCleaner.clean(Array(b[chunk.data]), plan: plan, container: "WebP XMP", log: &log) {
                case .unchanged:
                    out += b[chunk.range]
                    hasXMP = true
                case .rewritten(let packet):
                    appendChunk(chunk.type, packet, to: &out)
                    hasXMP = true
                case .drop: break
                }
            default:
                if kept.contains(chunk.type) || plan.mode == .privacy {
                    out += b[chunk.range]
                } else {
                    log.remove(nil, "WebP \(chunk.type)", "\(chunk.type) chunk (\(chunk.data.count) bytes)")
                }
            }
        }
        if let at = vp8xAt, at + 8 < out.count {
            var flags = out[at + 8] & ~(exifFlag | xmpFlag)
            if hasEXIF { flags |= exifFlag }
            if hasXMP { flags |= xmpFlag }
            out[at + 8] = flags
        }
        let riff = out.count - 8
        out.replaceSubrange(4..<8, with: [UInt8(truncatingIfNeeded: riff), UInt8(truncatingIfNeeded: riff >> 8),
                                          UInt8(truncatingIfNeeded: riff >> 16), UInt8(truncatingIfNeeded: riff >> 24)])
        return out
    }

    static func appendChunk(_ type: FourCC, _ data: [UInt8], to out: inout [UInt8]) {
        let n = data.count
        out += type.bytes
        out += [UInt8(truncatingIfNeeded: n), UInt8(truncatingIfNeeded: n >> 8),
                UInt8(truncatingIfNeeded: n >> 16), UInt8(truncatingIfNeeded: n >> 24)]
        out += data
        if n & 1 == 1 { out.append(0) }
    }
}
