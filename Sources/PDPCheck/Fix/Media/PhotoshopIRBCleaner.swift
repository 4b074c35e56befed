/// Cleans Photoshop image resources (JPEG APP13, TIFF tag 34377): the IPTC, XMP and EXIF they
/// wrap are cleaned by their own cleaners, thumbnails dropped, every other resource copied as
/// it is. When the IPTC changes its MD5 digest (0x0425) goes too, since it would no longer
/// match. Nil means nothing worth keeping remains.
enum PhotoshopIRBCleaner {
    static func clean(_ bytes: [UInt8], plan: MediaStripPlan, container: String, log: inout CleanLog) -> [UInt8]? {
        if plan.mode == .all {
            log.remove(nil, container, "Photoshop image resources")
            return nil
        }
        struct Resource { var header: ArraySlice<UInt8>; var id: UInt16; var data: [UInt8] }
        var resources: [Resource] = []
        var i = 0
        var changed = false
        var iptcChanged = false
        while i + 12 <= bytes.count, resources.count < PhotoshopIRBDecoder.maxResources {
            guard PhotoshopIRBDecoder.signatures.contains(Array(bytes[i..<(i + 4)])) else { break }
            let id = UInt16(bytes[i + 4]) << 8 | UInt16(bytes[i + 5])
            let nameLength = Int(bytes[i + 6])
            var at = i + 7 + nameLength
            if (1 + nameLength) % 2 == 1 { at += 1 }
            guard at + 4 <= bytes.count else { break }
            let size = Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            let start = at + 4
            guard size <= bytes.count - start else { break }
            let header = bytes[i..<at]
            let data = Array(bytes[start..<(start + size)])
            i = start + size + (size % 2)
            let label = "\(container) 8BIM 0x\(String(MetadataText.hex(id).dropFirst(2)))"
            switch id {
            case 0x0404:
                let cleaned = IPTCCleaner.clean(data, plan: plan, container: label, log: &log)
                if cleaned != data {
                    changed = true
                    iptcChanged = true
                }
                if let cleaned { resources.append(Resource(header: header, id: id, data: cleaned)) }
            case 0x0409, 0x040C:
                if plan.removesPreviews {
                    log.remove(.embeddedPreview, container, "Photoshop:PhotoshopThumbnail (\(max(0, size - 28)) bytes)")
                    changed = true
                } else {
                    resources.append(Resource(header: header, id: id, data: data))
                }
            case 0x0424:
                switch XMPCleaner.clean(data, plan: plan, container: label, log: &log) {
                case .unchanged: resources.append(Resource(header: header, id: id, data: data))
                case .rewritten(let packet):
                    changed = true
                    resources.append(Resource(header: header, id: id, data: packet))
                case .drop: changed = true
                }
            case 0x0422, 0x0423:
                var tiff = data
                let hadHeader = tiff.starts(with: ExifPayload.exifHeader)
                if hadHeader { tiff.removeFirst(6) }
                let rebuilt = EXIFRebuilder.rebuild(tiff, plan: plan, container: label, log: &log)
                if rebuilt != tiff { changed = true }
                if let rebuilt { resources.append(Resource(header: header, id: id, data: (hadHeader ? ExifPayload.exifHeader : []) + rebuilt)) }
            default:
                resources.append(Resource(header: header, id: id, data: data))
            }
        }
        if i < bytes.count, bytes[i...].contains(where: { $0 != 0 }) {
            log.remove(nil, container, "unreadable Photoshop resources after the last readable one")
            changed = true
        }
        if iptcChanged, resources.contains(where: { $0.id == 0x0425 }) {
            resources.removeAll { $0.id == 0x0425 }
        }
        guard changed else { return bytes }
        guard !resources.isEmpty else { return nil }
        var out: [UInt8] = []
        for r in resources {
            out += r.header
            let n = r.data.count
            out += [UInt8(truncatingIfNeeded: n >> 24), UInt8(truncatingIfNeeded: n >> 16),
                    UInt8(truncatingIfNeeded: n >> 8), UInt8(truncatingIfNeeded: n)]
            out += r.data
            if n % 2 == 1 { out.append(0) }
        }
        return out
    }
}
