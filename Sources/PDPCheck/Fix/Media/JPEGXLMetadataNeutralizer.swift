/// Cleans a JPEG XL container in place: the file keeps its size and every box its offset, and
/// the codestream (`jxlc`, or the `jxlp` parts) is not touched.
///
/// | box | `.privacy` | `.all` |
/// |---|---|---|
/// | `Exif` | rebuilt without the removed tags over its own bytes (as a HEIF Exif item) | `free` |
/// | `xml ` (XMP) | cleaned, padded to its length | `free` |
/// | `brob` holding `Exif`, `xml ` or `jumb` | `free`: Brotli is not decoded, so it cannot be judged | `free` |
/// | other `brob` | kept | `free` |
/// | `jumb` (JUMBF, C2PA) | `free`: its signature cannot match a cleaned file | `free` |
/// | `JXL `, `ftyp`, `jxll`, `jxli`, `jxlc`, `jxlp`, `jbrd`, others | kept | kept |
///
/// `free` means the box keeps its size, its type becomes `free` and its payload is zeroed:
/// readers skip box types they do not know (ISO/IEC 18181-2; libjxl does), so the image
/// decodes as before. A bare codestream (FF 0A) holds no metadata and comes back unchanged.
enum JPEGXLMetadataNeutralizer {
    static let signature: [UInt8] = [0, 0, 0, 0x0C, 0x4A, 0x58, 0x4C, 0x20, 0x0D, 0x0A, 0x87, 0x0A]
    static let exif = FourCC("Exif"), xml = FourCC("xml "), brob = FourCC("brob"), jumb = FourCC("jumb")
    static let jxlc = FourCC("jxlc"), jxlp = FourCC("jxlp"), jbrd = FourCC("jbrd"), free = FourCC("free")

    static func clean(_ bytes: [UInt8], plan: MediaStripPlan, log: inout CleanLog) throws(ScanError) -> [UInt8] {
        guard let boxes = try topLevelBoxes(bytes) else { return bytes }
        var out = bytes
        var changedMetadata = false
        for box in boxes {
            switch box.type {
            case exif:
                let payload = Array(bytes[box.payloadRange])
                var local = CleanLog()
                let cleaned = HEIFItemNeutralizer.cleanExif(payload, plan: plan, container: "JPEG XL Exif", log: &local)
                log.append(local)
                if plan.mode == .all {
                    makeFree(&out, box)
                    log.remove(nil, "JPEG XL Exif", "Exif box (freed whole: the codestream holds the orientation)")
                } else if cleaned != payload, cleaned.count == payload.count {
                    out.replaceSubrange(box.payloadRange, with: cleaned)
                } else {
                    continue
                }
                changedMetadata = true
            case xml:
                let packet = Array(bytes[box.payloadRange])
                let cleaned = XMPCleaner.inPlace(packet, length: packet.count, plan: plan, container: "JPEG XL xml", log: &log)
                if plan.mode == .all {
                    makeFree(&out, box)
                } else if let cleaned {
                    guard cleaned != packet else { continue }
                    out.replaceSubrange(box.payloadRange, with: cleaned)
                } else {
                    makeFree(&out, box)
                    log.remove(nil, "JPEG XL xml", "XMP packet (freed: no room for an empty packet)")
                }
                changedMetadata = true
            case brob:
                let inner = box.payloadCount >= 4 ? FourCC(BinaryCursor.u32(bytes, at: box.payload, bigEndian: true)) : nil
                let judged = inner == exif || inner == xml || inner == jumb
                guard judged || plan.mode == .all else { continue }
                makeFree(&out, box)
                log.remove(nil, "JPEG XL brob", "Brotli-compressed '\(inner?.description ?? "?")' box (not decoded; freed whole)")
                changedMetadata = true
            case jumb:
                makeFree(&out, box)
                log.remove(plan.removes(.authorIdentity) ? .authorIdentity : nil, "JPEG XL jumb",
                           "JUMBF / C2PA content credentials (their signature cannot match a cleaned file)")
            default:
                break
            }
        }
        if changedMetadata, boxes.contains(where: { $0.type == jbrd }) {
            log.note("JPEG XL: the JPEG reconstruction data (jbrd) was kept; rebuilding the original JPEG from this copy "
                     + "may fail now that its Exif or XMP changed, but the image decodes as before")
        }
        return out
    }

    /// The codestream: every `jxlc` and `jxlp` payload in file order, or the whole file when it
    /// is a bare codestream.
    static func codestream(_ b: [UInt8]) throws(ScanError) -> [Range<Int>] {
        guard let boxes = try topLevelBoxes(b) else { return [0..<b.count] }
        return boxes.filter { $0.type == jxlc || $0.type == jxlp }.map(\.payloadRange)
    }

    /// The container's boxes; nil for a bare codestream.
    static func topLevelBoxes(_ b: [UInt8]) throws(ScanError) -> [BoxHeader]? {
        if BinaryCursor.hasPrefix(b, [0xFF, 0x0A]) { return nil }
        guard BinaryCursor.hasPrefix(b, signature) else { throw MediaReadSession.malformed("JPEG XL: no signature") }
        let s = MediaReadSession(source: MemoryByteSource(b), limits: .default)
        return try ISOBMFFBoxWalker.children(s, in: 0..<b.count, context: "JPEG XL", topLevel: true)
    }

    /// The box renamed `free`, its payload zeroed, its size (and a 64-bit size) kept.
    static func makeFree(_ out: inout [UInt8], _ box: BoxHeader) {
        guard box.start + 8 <= box.end, box.end <= out.count else { return }
        out.replaceSubrange((box.start + 4)..<(box.start + 8), with: free.bytes)
        let from = box.payload
        if from < box.end { out.replaceSubrange(from..<box.end, with: repeatElement(0, count: box.end - from)) }
    }
}
