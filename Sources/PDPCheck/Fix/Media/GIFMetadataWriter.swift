/// Writes a cleaned GIF block by block: header, colour tables, images, graphic controls, plain
/// text and the animation loop extension are copied byte for byte; comments are dropped; the
/// XMP application extension is cleaned (and written back with its magic trailer) or dropped;
/// ImageMagick's IPTC / 8BIM extensions are dropped. `.all` keeps only the loop and ICC
/// application extensions.
enum GIFMetadataWriter {
    static let keptApplications: [[UInt8]] = [Array("NETSCAPE2.0".utf8), Array("ANIMEXTS1.0".utf8), Array("ICCRGBG1012".utf8)]

    enum Block {
        case header(Range<Int>)
        case image(Range<Int>)
        /// An extension: its label, its whole bytes, and (for application extensions) the identifier.
        case extensionBlock(label: UInt8, range: Range<Int>, identifier: [UInt8])
        case other(Range<Int>)
        case trailer(Range<Int>)
    }

    static func malformed(_ message: String) -> ScanError {
        ScanError(code: "malformed", message: "GIF: " + message)
    }

    /// The blocks up to the trailer (or the end of a truncated file).
    static func blocks(_ b: [UInt8]) throws(ScanError) -> [Block] {
        guard b.count >= 13, BinaryCursor.hasPrefix(b, Array("GIF87a".utf8)) || BinaryCursor.hasPrefix(b, Array("GIF89a".utf8)) else {
            throw malformed("bad signature")
        }
        var pos = 13
        if b[10] & 0x80 != 0 { pos += 3 << (Int(b[10] & 7) + 1) }
        guard pos <= b.count else { throw malformed("global colour table cut off") }
        var list: [Block] = [.header(0..<pos)]
        while pos < b.count {
            guard list.count < 1_000_000 else { throw ScanError(code: "limit-exceeded", message: "GIF: too many blocks") }
            let start = pos
            switch b[pos] {
            case 0x3B:
                list.append(.trailer(pos..<(pos + 1)))
                return list
            case 0x2C:
                guard pos + 10 <= b.count else { throw malformed("image descriptor cut off") }
                pos += 10
                if b[start + 9] & 0x80 != 0 { pos += 3 << (Int(b[start + 9] & 7) + 1) }
                pos += 1  // LZW minimum code size
                pos = try subBlocksEnd(b, from: pos)
                list.append(.image(start..<pos))
            case 0x21:
                guard pos + 2 <= b.count else { throw malformed("extension cut off") }
                let label = b[pos + 1]
                var identifier: [UInt8] = []
                pos += 2
                if label == 0xFF {
                    guard pos < b.count else { throw malformed("application extension cut off") }
                    let size = Int(b[pos])
                    guard pos + 1 + size <= b.count else { throw malformed("application identifier cut off") }
                    identifier = Array(b[(pos + 1)..<(pos + 1 + size)])
                    pos += 1 + size
                }
                pos = try subBlocksEnd(b, from: pos)
                list.append(.extensionBlock(label: label, range: start..<pos, identifier: identifier))
            case 0x00:
                pos += 1
                list.append(.other(start..<pos))
            default:
                throw malformed("unknown block 0x\(JPEGSegmentReader.hex(b[pos])) at byte \(pos)")
            }
        }
        throw malformed("no trailer (truncated)")
    }

    /// Just after the zero-length block that ends a run of data sub-blocks.
    static func subBlocksEnd(_ b: [UInt8], from start: Int) throws(ScanError) -> Int {
        var pos = start
        while pos < b.count {
            let size = Int(b[pos])
            pos += 1 + size
            if size == 0 { return pos }
        }
        throw malformed("data sub-blocks cut off")
    }

    static func clean(_ b: [UInt8], plan: MediaStripPlan, log: inout CleanLog) throws(ScanError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var trailerEnd = b.count
        for block in try blocks(b) {
            switch block {
            case .header(let r), .image(let r), .other(let r):
                out += b[r]
            case .trailer(let r):
                out += b[r]
                trailerEnd = r.upperBound
            case .extensionBlock(let label, let r, let identifier):
                switch label {
                case 0xFE:
                    log.remove(plan.removal(group: "File", name: "Comment") ?? .hiddenContent, "GIF comment", "File:Comment")
                case 0xFF where identifier == GIFBlockReader.xmpApplication:
                    cleanXMP(b, r, identifierCount: identifier.count, plan: plan, out: &out, log: &log)
                case 0xFF where keptApplications.contains(identifier):
                    out += b[r]
                case 0xFF where plan.mode == .all || identifier.starts(with: Array("MGK".utf8)):
                    log.remove(nil, "GIF application extension", "\(PNGChunkReader.latin1(identifier)) (\(r.count) bytes)")
                default:
                    out += b[r]  // graphic control, plain text, other applications
                }
            }
        }
        if trailerEnd < b.count, b[trailerEnd...].contains(where: { $0 != 0 }) {
            log.remove(nil, "GIF trailer", "\(b.count - trailerEnd) bytes after the end of the GIF")
        }
        return out
    }

    static func cleanXMP(_ b: [UInt8], _ r: Range<Int>, identifierCount: Int, plan: MediaStripPlan,
                         out: inout [UInt8], log: inout CleanLog) {
        let dataStart = r.lowerBound + 3 + identifierCount
        guard dataStart < r.upperBound else { return }
        var packet = Array(b[dataStart..<(r.upperBound - 1)])
        if let trailer = BinaryCursor.firstIndex(of: [0x01, 0xFF, 0xFE], in: packet) { packet.removeSubrange(trailer...) }
        switch XMPCleaner.clean(packet, plan: plan, container: "GIF XMP", log: &log) {
        case .unchanged: out += b[r]
        case .rewritten(let cleaned):
            out += [0x21, 0xFF, UInt8(identifierCount)] + GIFBlockReader.xmpApplication + cleaned
            out += magicTrailer
        case .drop: break
        }
    }

    /// XMP's GIF trailer: whatever byte of the packet a sub-block walk lands on, the descending
    /// run sends it to the final zero, so readers that do not know XMP skip it cleanly.
    static let magicTrailer: [UInt8] = [0x01] + (0...255).map { UInt8(255 - $0) } + [0x00]
}
