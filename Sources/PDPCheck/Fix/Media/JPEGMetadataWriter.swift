/// Writes a cleaned JPEG: the frame, tables and entropy-coded data are copied byte for byte;
/// APP segments are kept, rewritten or dropped:
///
/// | segment | `.privacy` | `.all` |
/// |---|---|---|
/// | APP0 JFIF | kept (its thumbnail dropped) | kept, no thumbnail |
/// | APP0 JFXX thumbnail | dropped with previews | dropped |
/// | APP1 Exif | rebuilt without the removed tags | Orientation and colour tags only |
/// | APP1 XMP | removed properties cut out | dropped |
/// | APP1 Extended XMP | kept when clean, else dropped whole | dropped |
/// | APP2 ICC profile | kept | kept |
/// | APP2 MPF and the images after EOI | dropped, or cleaned one by one (`EmbeddedMediaAction`) | dropped |
/// | APP11 JUMBF (C2PA) | dropped: its signature cannot match a changed file | dropped |
/// | APP13 Photoshop | IPTC and thumbnails cleaned | dropped |
/// | APP14 Adobe | kept (colour transform) | kept |
/// | COM | dropped | dropped |
/// | other APPn | kept | dropped |
enum JPEGMetadataWriter {
    static let maxSegmentPayload = 65533

    static func clean(_ b: [UInt8], plan: MediaStripPlan, options: MediaCleanOptions, depth: Int,
                      log: inout CleanLog) throws(ScanError) -> [UInt8] {
        let structure = try JPEGStructure.parse(b)
        if !structure.hasEndOfImage { log.note("JPEG ends without an end-of-image marker: copied as it is after the last segment") }

        // First pass: what the file holds that decides how other parts are cleaned.
        var mpf: (piece: Int, index: JPEGMPFIndex)?
        var extended: [[UInt8]: [(piece: Int, offset: Int, chunk: ArraySlice<UInt8>, total: Int)]] = [:]
        var photoshop: [Int] = []
        for (k, piece) in structure.pieces.enumerated() {
            guard case .segment(let m, let range) = piece else { continue }
            let p = JPEGStructure.payload(range)
            if m == 0xE2, mpf == nil, let index = JPEGMPFIndex.parse(Array(b[p])) {
                mpf = (k, index)
            } else if m == 0xE1, BinaryCursor.hasPrefix(b, JPEGSegmentReader.extendedXMPSignature, at: p.lowerBound) {
                let s = p.lowerBound + JPEGSegmentReader.extendedXMPSignature.count
                guard s + 40 <= p.upperBound else { continue }
                let guid = Array(b[s..<(s + 32)])
                let total = Int(BinaryCursor.u32(b, at: s + 32, bigEndian: true))
                let offset = Int(BinaryCursor.u32(b, at: s + 36, bigEndian: true))
                extended[guid, default: []].append((k, offset, b[(s + 40)..<p.upperBound], total))
            } else if m == 0xED, photoshopSkip(b, p) != nil {
                photoshop.append(k)
            }
        }
        let trailer = structure.end < b.count ? structure.end..<b.count : nil
        var trailerHasData = false
        if let trailer { trailerHasData = b[trailer].contains(where: { $0 != 0 }) }
        let dropsEmbedded = plan.mode == .all || options.embeddedMedia == .remove
        var context = XMPStripRules.Context()
        context.embeddedDropped = dropsEmbedded && (trailerHasData || mpf != nil)

        // Extended XMP: kept whole when cleaning would not change it (its GUID is the MD5 of the
        // packet, which a changed packet would no longer match), else dropped whole.
        var droppedPieces: Set<Int> = []
        for (guid, chunks) in extended.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            let label = "JPEG APP1 Extended XMP"
            var keep = false
            if let total = chunks.first?.total, total <= 64 << 20, plan.mode == .privacy {
                var packet = [UInt8](repeating: 0, count: total)
                var complete = true
                for c in chunks {
                    guard c.offset <= total, c.chunk.count <= total - c.offset else { complete = false; continue }
                    packet.replaceSubrange(c.offset..<(c.offset + c.chunk.count), with: c.chunk)
                }
                var probe = CleanLog()
                if complete, case .unchanged = XMPCleaner.clean(packet, plan: plan, context: context, container: label, log: &probe) {
                    keep = true
                } else {
                    log.append(probe)
                }
            }
            if !keep {
                log.remove(nil, label, "Extended XMP \(String(decoding: guid, as: UTF8.self)) (removed whole)")
                context.extendedDropped = true
                for c in chunks { droppedPieces.insert(c.piece) }
            }
        }

        var out: [UInt8] = [0xFF, 0xD8]
        out.reserveCapacity(b.count)
        var mpfHeaderAt: Int?  // where the kept MPF TIFF header lands in the output
        for (k, piece) in structure.pieces.enumerated() {
            guard case .segment(let m, let range) = piece, piece.isMetadata || m == 0xE2 else {
                out += b[piece.range]
                continue
            }
            if droppedPieces.contains(k) { continue }
            let p = JPEGStructure.payload(range)
            switch m {
            case 0xE0:
                cleanAPP0(b, range, plan: plan, out: &out, log: &log)
            case 0xE1:
                cleanAPP1(b, range, plan: plan, context: context, out: &out, log: &log)
            case 0xE2:
                if let mpf, mpf.piece == k {
                    if dropsEmbedded {
                        log.remove(plan.removes(.embeddedPreview) ? .embeddedPreview : nil, "JPEG APP2 MPF",
                                   "MPF index (\(max(0, mpf.index.images.count - 1)) secondary images dropped)")
                    } else {
                        mpfHeaderAt = out.count + 4 + 4
                        out += b[range]
                    }
                } else if BinaryCursor.hasPrefix(b, Array("ICC_PROFILE\0".utf8), at: p.lowerBound) || plan.mode == .privacy {
                    out += b[range]
                } else {
                    log.remove(nil, "JPEG APP2", signatureLabel(b, p))
                }
            case 0xED:
                if photoshop.first == k {
                    var joined: [UInt8] = []
                    for index in photoshop {
                        let r = JPEGStructure.payload(structure.pieces[index].range)
                        if let skip = photoshopSkip(b, r) { joined += b[(r.lowerBound + skip)..<r.upperBound] }
                    }
                    emitPhotoshop(joined, plan: plan, out: &out, log: &log)
                } else if !photoshop.contains(k) {
                    keepOrDropUnknown(b, m, range, plan: plan, out: &out, log: &log)
                }
            case 0xEB:
                log.remove(plan.removes(.authorIdentity) ? .authorIdentity : nil, "JPEG APP11",
                           "JUMBF / C2PA content credentials (their signature cannot match a cleaned file)")
            case 0xEE:
                if BinaryCursor.hasPrefix(b, Array("Adobe".utf8), at: p.lowerBound) {
                    out += b[range]
                } else {
                    keepOrDropUnknown(b, m, range, plan: plan, out: &out, log: &log)
                }
            case 0xFE:
                let category = plan.removal(group: "File", name: "Comment") ?? .hiddenContent
                log.remove(category, "JPEG COM", "File:Comment")
            default:
                keepOrDropUnknown(b, m, range, plan: plan, out: &out, log: &log)
            }
        }

        guard let trailer, trailerHasData else {
            if let trailer { out += b[trailer] }
            return out
        }
        if dropsEmbedded {
            log.remove(plan.removes(.embeddedPreview) ? .embeddedPreview : nil, "JPEG trailer",
                       "\(trailer.count) bytes after the end of the image (\(trailerKind(b, trailer, hasMPF: mpf != nil)))")
            return out
        }
        return try cleanTrailer(b, trailer, primary: out, mpf: mpf.map { ($0.index, structure.pieces[$0.piece].range) },
                                mpfHeaderAt: mpfHeaderAt, options: options, depth: depth, log: &log)
    }

    // MARK: APP segments

    static func cleanAPP0(_ b: [UInt8], _ range: Range<Int>, plan: MediaStripPlan, out: inout [UInt8], log: inout CleanLog) {
        let p = JPEGStructure.payload(range)
        if BinaryCursor.hasPrefix(b, Array("JFIF\0".utf8), at: p.lowerBound), p.count >= 14 {
            let hasThumbnail = b[p.lowerBound + 12] != 0 && b[p.lowerBound + 13] != 0 && p.count > 14
            guard hasThumbnail, plan.removesPreviews || plan.mode == .all else {
                out += b[range]
                return
            }
            var payload = Array(b[p.lowerBound..<(p.lowerBound + 14)])
            payload[12] = 0
            payload[13] = 0
            appendSegment(0xE0, payload, to: &out)
            log.remove(plan.removesPreviews ? .embeddedPreview : nil, "JPEG APP0 JFIF", "JFIF thumbnail (\(p.count - 14) bytes)")
        } else if BinaryCursor.hasPrefix(b, Array("JFXX\0".utf8), at: p.lowerBound) {
            if plan.removesPreviews || plan.mode == .all {
                log.remove(plan.removesPreviews ? .embeddedPreview : nil, "JPEG APP0 JFXX", "JFXX thumbnail (\(p.count) bytes)")
            } else {
                out += b[range]
            }
        } else {
            out += b[range]  // AVI1 and other APP0 structures describe the frame, not people
        }
    }

    static func cleanAPP1(_ b: [UInt8], _ range: Range<Int>, plan: MediaStripPlan, context: XMPStripRules.Context,
                          out: inout [UInt8], log: inout CleanLog) {
        let p = JPEGStructure.payload(range)
        if BinaryCursor.hasPrefix(b, [0x45, 0x78, 0x69, 0x66, 0x00], at: p.lowerBound), p.count > 6 {
            let tiff = Array(b[(p.lowerBound + 6)..<p.upperBound])
            var local = CleanLog()
            let rebuilt = EXIFRebuilder.rebuild(tiff, plan: plan, container: "JPEG APP1 Exif", log: &local)
            if local.isEmpty, rebuilt != nil {
                out += b[range]  // nothing removed: keep the original bytes
                return
            }
            log.append(local)
            guard let rebuilt else {
                if local.isEmpty { log.remove(nil, "JPEG APP1 Exif", "EXIF (nothing left to keep)") }
                return
            }
            let payload = ExifPayload.exifHeader + rebuilt
            if payload.count <= maxSegmentPayload {
                appendSegment(0xE1, payload, to: &out)
            } else {
                log.remove(nil, "JPEG APP1 Exif", "EXIF (too large to rewrite in one segment)")
            }
        } else if BinaryCursor.hasPrefix(b, JPEGSegmentReader.xmpSignature, at: p.lowerBound) {
            let start = p.lowerBound + JPEGSegmentReader.xmpSignature.count
            let packet = Array(b[start..<p.upperBound])
            switch XMPCleaner.clean(packet, plan: plan, context: context, container: "JPEG APP1 XMP", log: &log) {
            case .unchanged: out += b[range]
            case .rewritten(let cleaned): appendSegment(0xE1, JPEGSegmentReader.xmpSignature + cleaned, to: &out)
            case .drop: break
            }
        } else {
            keepOrDropUnknown(b, 0xE1, range, plan: plan, out: &out, log: &log)
        }
    }

    static func photoshopSkip(_ b: [UInt8], _ p: Range<Int>) -> Int? {
        if BinaryCursor.hasPrefix(b, JPEGSegmentReader.photoshopSignature, at: p.lowerBound),
           p.count >= JPEGSegmentReader.photoshopSignature.count {
            return JPEGSegmentReader.photoshopSignature.count
        }
        if BinaryCursor.hasPrefix(b, JPEGSegmentReader.oldPhotoshopSignature, at: p.lowerBound),
           p.count >= JPEGSegmentReader.oldPhotoshopSignature.count {
            return JPEGSegmentReader.oldPhotoshopSignature.count
        }
        return nil
    }

    /// Writes the cleaned resources in as many APP13 segments as they need.
    static func emitPhotoshop(_ irb: [UInt8], plan: MediaStripPlan, out: inout [UInt8], log: inout CleanLog) {
        guard let cleaned = PhotoshopIRBCleaner.clean(irb, plan: plan, container: "JPEG APP13", log: &log) else { return }
        let signature = JPEGSegmentReader.photoshopSignature
        let room = maxSegmentPayload - signature.count
        var i = 0
        repeat {
            let n = min(room, cleaned.count - i)
            appendSegment(0xED, signature + cleaned[i..<(i + n)], to: &out)
            i += n
        } while i < cleaned.count
    }

    static func keepOrDropUnknown(_ b: [UInt8], _ m: UInt8, _ range: Range<Int>, plan: MediaStripPlan,
                                  out: inout [UInt8], log: inout CleanLog) {
        if plan.mode == .privacy {
            out += b[range]
        } else {
            log.remove(nil, "JPEG APP\(Int(m) - 0xE0)", signatureLabel(b, JPEGStructure.payload(range)))
        }
    }

    /// "APP12 Ducky": the segment's identifier, printable part only.
    static func signatureLabel(_ b: [UInt8], _ p: Range<Int>) -> String {
        var text = ""
        for byte in b[p].prefix(24) {
            guard byte >= 0x20, byte < 0x7F else { break }
            text.unicodeScalars.append(UnicodeScalar(byte))
        }
        return text.isEmpty ? "segment (\(p.count) bytes)" : "\(text) segment (\(p.count) bytes)"
    }

    static func appendSegment<C: Collection<UInt8>>(_ marker: UInt8, _ payload: C, to out: inout [UInt8]) {
        let length = payload.count + 2
        out += [0xFF, marker, UInt8(truncatingIfNeeded: length >> 8), UInt8(truncatingIfNeeded: length)]
        out += payload
    }

    // MARK: data after EOI

    static func trailerKind(_ b: [UInt8], _ r: Range<Int>, hasMPF: Bool) -> String {
        if hasMPF { return "MPF images" }
        let head = Array(b[r.lowerBound..<min(r.upperBound, r.lowerBound + 64)])
        if BinaryCursor.firstIndex(of: [0xFF, 0xD8, 0xFF], in: head) != nil { return "an appended JPEG" }
        if BinaryCursor.firstIndex(of: Array("ftyp".utf8), in: head) != nil { return "a motion-photo video" }
        return "data of unknown kind"
    }

    /// `.clean`: MPF images and appended JPEGs are cleaned one by one and the MP index
    /// rewritten for their new places; a video is cleaned in place (same size, so the offsets a
    /// motion photo's XMP states stay true); data of unknown kind is kept and reported.
    static func cleanTrailer(_ b: [UInt8], _ trailer: Range<Int>, primary: [UInt8],
                             mpf: (index: JPEGMPFIndex, segment: Range<Int>)?, mpfHeaderAt: Int?,
                             options: MediaCleanOptions, depth: Int, log: inout CleanLog) throws(ScanError) -> [UInt8] {
        var out = primary
        var pos = trailer.lowerBound
        if let mpf, let headerAt = mpfHeaderAt {
            let originalHeader = JPEGStructure.payload(mpf.segment).lowerBound + 4
            var sizes = [out.count]
            var offsets = [0]
            for (k, image) in mpf.index.images.enumerated() where k > 0 {
                let start = originalHeader + image.offset
                guard image.offset > 0, image.size > 0, start >= pos, start <= b.count - image.size else {
                    sizes.append(image.size)
                    offsets.append(image.offset)
                    log.note("MPF image \(k + 1) lies outside the file: its index entry is left as it was")
                    continue
                }
                let cleaned = try MediaMetadataCleaner.cleanEmbedded(Array(b[start..<(start + image.size)]),
                                                                     label: "MPF image \(k + 1)", options: options,
                                                                     depth: depth + 1, log: &log)
                offsets.append(out.count - headerAt)
                sizes.append(cleaned.count)
                out += cleaned
                pos = start + image.size
            }
            let payloadStart = headerAt - 8 + 4  // segment payload in the output
            let payloadEnd = payloadStart + JPEGStructure.payload(mpf.segment).count
            if payloadStart >= 0, payloadEnd <= out.count {
                let patched = mpf.index.patched(Array(out[payloadStart..<payloadEnd]), sizes: sizes, offsets: offsets)
                out.replaceSubrange(payloadStart..<payloadEnd, with: patched)
            }
        }
        guard pos < b.count else { return out }
        let rest = Array(b[pos...])
        let head = Array(rest.prefix(64))
        if let i = BinaryCursor.firstIndex(of: [0xFF, 0xD8, 0xFF], in: head) {
            out += rest[..<i]
            out += try MediaMetadataCleaner.cleanEmbedded(Array(rest[i...]), label: "trailer JPEG", options: options,
                                                          depth: depth + 1, log: &log)
        } else if let i = BinaryCursor.firstIndex(of: Array("ftyp".utf8), in: head, from: 4) {
            out += rest[..<(i - 4)]
            out += try MediaMetadataCleaner.cleanEmbedded(Array(rest[(i - 4)...]), label: "trailer video", options: options,
                                                          depth: depth + 1, log: &log)
        } else {
            out += rest
            if rest.contains(where: { $0 != 0 }) {
                log.note("\(rest.count) bytes of unknown data after the image were kept: check them or use remove")
            }
        }
        return out
    }
}
