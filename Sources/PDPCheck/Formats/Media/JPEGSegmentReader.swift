#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks a JPEG's marker segments from SOI, copies the metadata segments (APP1 EXIF / XMP /
/// Extended XMP, APP13 Photoshop, APP2 MPF, COM), then finds the end of the image so that data
/// after EOI (MPF images, motion-photo videos, appended JPEGs) is reported.
///
/// Metadata lives before the first SOS; the entropy-coded data after it is the only part read in
/// bulk, in modest chunks, and only to find EOI (skipped when MPF states the first image's size).
enum JPEGSegmentReader {
    static let xmpSignature = Array("http://ns.adobe.com/xap/1.0/\0".utf8)
    static let extendedXMPSignature = Array("http://ns.adobe.com/xmp/extension/\0".utf8)
    static let photoshopSignature = Array("Photoshop 3.0\0".utf8)
    static let oldPhotoshopSignature = Array("Adobe_Photoshop2.5:".utf8)
    static let mpfSignature: [UInt8] = [0x4D, 0x50, 0x46, 0x00]  // "MPF\0"
    static let entropyChunk = 64 << 10

    static func read(_ s: MediaReadSession) throws(ScanError) {
        let soi = try s.read(at: 0, count: 2, "JPEG start of image")
        guard soi == [0xFF, 0xD8] else { throw MediaReadSession.malformed("JPEG: no start-of-image marker") }

        var state = State()
        var pos = 2
        var endOfImage: Int?
        segments: while true {
            try s.visit()
            let head = try s.readAvailable(at: pos, count: 4)
            guard head.count >= 2 else {
                s.note("JPEG ends without an end-of-image marker (truncated)")
                break
            }
            guard head[0] == 0xFF else {
                throw MediaReadSession.malformed("JPEG: expected a marker at byte \(pos), found 0x\(hex(head[0]))")
            }
            let marker = head[1]
            switch marker {
            case 0xFF:  // fill byte before a marker
                pos += 1
                continue segments
            case 0x01, 0xD0...0xD7:  // standalone markers
                pos += 2
                continue segments
            case 0xD8:
                throw MediaReadSession.malformed("JPEG: second start-of-image marker at byte \(pos)")
            case 0xD9:
                endOfImage = pos + 2
                break segments
            default:
                break
            }
            guard head.count == 4 else { throw MediaReadSession.malformed("JPEG: segment header at byte \(pos) is cut off") }
            let length = Int(head[2]) << 8 | Int(head[3])
            guard length >= 2 else { throw MediaReadSession.malformed("JPEG: segment length \(length) at byte \(pos)") }
            let payload = pos + 4
            let payloadCount = length - 2
            guard s.contains(payload, payloadCount) else {
                throw MediaReadSession.malformed("JPEG: segment 0x\(hex(marker)) at byte \(pos) runs past the end of the file")
            }
            try readSegment(marker, at: payload, count: payloadCount, state: &state, s)
            pos = payload + payloadCount

            guard marker == 0xDA else { continue segments }
            // Start of scan. MPF states the first image's size: trust it when EOI is there.
            if !state.sawScan, let size = state.mpfFirstImageSize, size > pos, s.contains(size - 2, 2),
               try s.read(at: size - 2, count: 2, "JPEG end of image") == [0xFF, 0xD9] {
                endOfImage = size
                break segments
            }
            state.sawScan = true
            switch try nextMarker(after: pos, state: &state, s) {
            case .marker(let at, 0xD9):
                endOfImage = at + 2
                break segments
            case .marker(let at, _):
                pos = at  // another segment between scans (progressive JPEG: DHT, SOS…)
            case .endOfFile:
                s.note("JPEG image data ends without an end-of-image marker (truncated)")
                break segments
            case .limitReached:
                s.note("JPEG image data longer than \(s.limits.maxEntropyScanBytes >> 20) MB: data after the image not checked")
                break segments
            }
        }

        try finish(&state, s)
        if let end = endOfImage { try readTrailer(after: end, state: state, s) }
    }

    // MARK: segments

    struct ExtendedXMP {
        var bytes: [UInt8]
        var received = 0
    }

    struct State {
        var sawScan = false
        var photoshop: [UInt8] = []
        var photoshopStart: Int?
        var photoshopSegments = 0
        var extendedOrder: [[UInt8]] = []
        var extended: [[UInt8]: ExtendedXMP] = [:]
        var mpfFirstImageSize: Int?
        var mpfImages: [Range<Int>] = []
        var scannedEntropyBytes = 0
    }

    static func readSegment(_ marker: UInt8, at p: Int, count n: Int, state: inout State,
                            _ s: MediaReadSession) throws(ScanError) {
        switch marker {
        case 0xE1:
            let sig = try s.read(at: p, count: min(n, 35), "JPEG APP1")
            if BinaryCursor.hasPrefix(sig, [0x45, 0x78, 0x69, 0x66, 0x00]) {
                guard n > 6 else { return }
                let tiff = try s.copy(at: p + 6, count: n - 6, "JPEG APP1 EXIF")
                ExifPayload.deliver(tiff, sourceOffset: p + 6, container: "JPEG APP1", to: s)
            } else if BinaryCursor.hasPrefix(sig, xmpSignature) {
                let start = p + xmpSignature.count
                s.add(.xmp, try s.copy(at: start, count: n - xmpSignature.count, "JPEG APP1 XMP"),
                      container: "JPEG APP1 XMP", range: start..<(p + n))
            } else if BinaryCursor.hasPrefix(sig, extendedXMPSignature) {
                try readExtendedXMP(at: p + extendedXMPSignature.count, count: n - extendedXMPSignature.count,
                                    state: &state, s)
            }
        case 0xED:
            let sig = try s.read(at: p, count: min(n, oldPhotoshopSignature.count), "JPEG APP13")
            let skip: Int
            if BinaryCursor.hasPrefix(sig, photoshopSignature) {
                skip = photoshopSignature.count
            } else if BinaryCursor.hasPrefix(sig, oldPhotoshopSignature) {
                skip = oldPhotoshopSignature.count
            } else {
                return
            }
            // Large resource blocks are split over consecutive APP13 segments: join them.
            state.photoshop += try s.copy(at: p + skip, count: n - skip, "JPEG APP13")
            if state.photoshopStart == nil { state.photoshopStart = p + skip }
            state.photoshopSegments += 1
        case 0xE2:
            let sig = try s.read(at: p, count: min(n, 4), "JPEG APP2")
            if sig == mpfSignature, state.mpfImages.isEmpty {
                let tiff = try s.read(at: p + 4, count: n - 4, "JPEG APP2 MPF")
                try readMPF(tiff, base: p + 4, state: &state, s)
            }
        case 0xEB:
            let sig = try s.read(at: p, count: min(n, 2), "JPEG APP11")
            if sig == [0x4A, 0x50] {  // "JP": JUMBF, used by C2PA content credentials
                s.note("JPEG APP11 carries a JUMBF box (C2PA content credentials may name the author)")
            }
        case 0xFE:
            s.add(.comment, try s.copy(at: p, count: n, "JPEG COM"), container: "JPEG COM", range: p..<(p + n))
        default:
            break
        }
    }

    /// Extended XMP: a 32-character GUID, the full length and this chunk's offset, then the chunk.
    static func readExtendedXMP(at p: Int, count n: Int, state: inout State, _ s: MediaReadSession) throws(ScanError) {
        guard n >= 40 else { throw MediaReadSession.malformed("JPEG Extended XMP segment too short") }
        var c = BinaryCursor(try s.read(at: p, count: n, "JPEG Extended XMP"), context: "JPEG Extended XMP")
        let guid = try c.take(32)
        let fullLength = Int(try c.u32())
        let offset = Int(try c.u32())
        let chunk = c.rest()
        if state.extended[guid] == nil {
            try s.reserveCopy(fullLength, "JPEG Extended XMP")
            state.extended[guid] = ExtendedXMP(bytes: [UInt8](repeating: 0, count: fullLength))
            state.extendedOrder.append(guid)
        }
        guard var entry = state.extended[guid], entry.bytes.count == fullLength,
              offset <= fullLength, chunk.count <= fullLength - offset else {
            s.note("JPEG Extended XMP chunk outside its stated length, ignored")
            return
        }
        state.extended[guid] = nil  // keep the buffer uniquely referenced while writing into it
        entry.bytes.replaceSubrange(offset..<(offset + chunk.count), with: chunk)
        entry.received += chunk.count
        state.extended[guid] = entry
    }

    /// The MP Index IFD: a TIFF structure whose MPEntry (0xB002) lists each image's size and
    /// offset, relative to the TIFF header here (the first image has offset 0).
    static func readMPF(_ tiff: [UInt8], base: Int, state: inout State, _ s: MediaReadSession) throws(ScanError) {
        guard ExifPayload.isTIFFHeader(tiff) else {
            s.note("JPEG APP2 MPF without a TIFF header, ignored")
            return
        }
        let be = tiff[0] == 0x4D
        guard let ifd = BinaryCursor.u32(tiff, checkedAt: 4, bigEndian: be).map(Int.init),
              let count = BinaryCursor.u16(tiff, checkedAt: ifd, bigEndian: be).map(Int.init) else {
            throw MediaReadSession.malformed("JPEG MPF index IFD outside its segment")
        }
        for i in 0..<count {
            try s.visit()
            let e = ifd + 2 + 12 * i
            guard let tag = BinaryCursor.u16(tiff, checkedAt: e, bigEndian: be),
                  let entryCount = BinaryCursor.u32(tiff, checkedAt: e + 4, bigEndian: be),
                  let valueOffset = BinaryCursor.u32(tiff, checkedAt: e + 8, bigEndian: be) else {
                throw MediaReadSession.malformed("JPEG MPF index IFD entry \(i) outside its segment")
            }
            guard tag == 0xB002 else { continue }
            let images = min(Int(entryCount) / 16, 64)
            let table = entryCount <= 4 ? e + 8 : Int(valueOffset)
            for k in 0..<images {
                let at = table + 16 * k
                guard let size = BinaryCursor.u32(tiff, checkedAt: at + 4, bigEndian: be).map(Int.init),
                      let offset = BinaryCursor.u32(tiff, checkedAt: at + 8, bigEndian: be).map(Int.init) else {
                    throw MediaReadSession.malformed("JPEG MPF entry \(k + 1) outside its segment")
                }
                if k == 0 {
                    state.mpfFirstImageSize = size
                    continue
                }
                let start = base + offset
                guard offset > 0, size > 0, s.contains(start, size) else {
                    s.note("JPEG MPF image \(k + 1) lies outside the file")
                    continue
                }
                state.mpfImages.append(start..<(start + size))
                s.embed("MPF image \(k + 1)", start..<(start + size))
            }
            return
        }
    }

    static func finish(_ state: inout State, _ s: MediaReadSession) throws(ScanError) {
        if !state.photoshop.isEmpty {
            let range = state.photoshopSegments == 1
                ? state.photoshopStart.map { $0..<($0 + state.photoshop.count) } : nil
            s.add(.photoshopIRB, state.photoshop, container: "JPEG APP13", range: range)
        }
        for guid in state.extendedOrder {
            guard let entry = state.extended[guid] else { continue }
            if entry.received < entry.bytes.count {
                s.note("JPEG Extended XMP \(String(decoding: guid, as: UTF8.self)) is incomplete")
            }
            s.add(.xmp, entry.bytes, container: "JPEG APP1 Extended XMP")
        }
    }

    // MARK: entropy-coded data and trailer

    enum MarkerSearch { case marker(Int, UInt8), endOfFile, limitReached }

    /// The next real marker after entropy-coded data: 0xFF followed by anything but a stuffed 0,
    /// a restart marker or another fill byte.
    static func nextMarker(after start: Int, state: inout State, _ s: MediaReadSession) throws(ScanError) -> MarkerSearch {
        var pos = start
        while true {
            let remainingBudget = s.limits.maxEntropyScanBytes - state.scannedEntropyBytes
            guard remainingBudget > 1 else { return .limitReached }
            try s.visit()
            let chunk = try s.readAvailable(at: pos, count: min(entropyChunk, remainingBudget))
            guard chunk.count >= 2 else { return .endOfFile }
            state.scannedEntropyBytes += chunk.count - 1
            let found: (Int, UInt8)? = chunk.withUnsafeBufferPointer { b in
                guard let base = b.baseAddress else { return nil }
                var i = 0
                let last = b.count - 1
                while i < last {
                    // memchr finds the next 0xFF at vector speed: a photo's scan data is
                    // megabytes with a 0xFF every few hundred bytes.
                    guard let hit = memchr(base + i, 0xFF, last - i) else { return nil }
                    i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    let m = b[i + 1]
                    if m != 0x00 && m != 0xFF && !(m >= 0xD0 && m <= 0xD7) { return (i, m) }
                    i += 1
                }
                return nil
            }
            if let (i, m) = found { return .marker(pos + i, m) }
            pos += chunk.count - 1  // keep the last byte: it may be the 0xFF of a marker
        }
    }

    /// Data after EOI: MPF images first, then an appended JPEG, a motion-photo video, or data
    /// of unknown kind (all worth telling the user: social sites may keep it).
    static func readTrailer(after end: Int, state: State, _ s: MediaReadSession) throws(ScanError) {
        var start = end
        for image in state.mpfImages where image.lowerBound >= end { start = max(start, image.upperBound) }
        guard start < s.size else { return }
        let trailerCount = s.size - start
        let window = try s.readAvailable(at: start, count: 4096)
        if let i = BinaryCursor.firstIndex(of: [0xFF, 0xD8, 0xFF], in: window, to: 64) {
            s.embed("trailer JPEG", (start + i)..<s.size)
            return
        }
        if let i = BinaryCursor.firstIndex(of: Array("ftyp".utf8), in: window, from: 4),
           let boxSize = BinaryCursor.u32(window, checkedAt: i - 4, bigEndian: true), boxSize >= 8, boxSize < 4096 {
            let isQuickTime = BinaryCursor.hasPrefix(window, Array("qt  ".utf8), at: i + 4)
            s.embed(isQuickTime ? "trailer MOV" : "trailer MP4", (start + i - 4)..<s.size)
            s.note("JPEG carries a \(s.size - start - i + 4)-byte video after the image (motion photo)")
            return
        }
        let tail = try s.readAvailable(at: s.size - min(4, trailerCount), count: 4)
        if tail == Array("SEFT".utf8) {
            s.note("JPEG carries a Samsung trailer of \(trailerCount) bytes after the image")
        } else if window.contains(where: { $0 != 0 }) {
            s.note("JPEG carries \(trailerCount) bytes of unknown data after the image")
        }
    }

    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return String(decoding: [digits[Int(b >> 4)], digits[Int(b & 15)]], as: UTF8.self)
    }
}
