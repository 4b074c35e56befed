/// GIF: header, logical screen, colour tables, then blocks. Image data and unknown extensions
/// are skipped sub-block by sub-block (GIF has no lengths to seek by, so the file is read in
/// chunks). XMP sits in the "XMP DataXMP" application extension, comments in 0xFE extensions.
enum GIFBlockReader {
    static let xmpApplication = Array("XMP DataXMP".utf8)

    static func read(_ s: MediaReadSession) throws(ScanError) {
        var r = SequentialReader(session: s, position: 0)
        let head = try r.take(13, "GIF header")
        guard BinaryCursor.hasPrefix(head, Array("GIF87a".utf8)) || BinaryCursor.hasPrefix(head, Array("GIF89a".utf8)) else {
            throw MediaReadSession.malformed("GIF: bad signature")
        }
        if head[10] & 0x80 != 0 { try r.skip(3 << (Int(head[10] & 7) + 1), "GIF global colour table") }
        while true {
            try s.visit()
            guard let introducer = try r.byte() else {
                s.note("GIF ends without a trailer (truncated)")
                return
            }
            switch introducer {
            case 0x3B:
                return
            case 0x2C:
                let descriptor = try r.take(9, "GIF image descriptor")
                if descriptor[8] & 0x80 != 0 { try r.skip(3 << (Int(descriptor[8] & 7) + 1), "GIF local colour table") }
                try r.skip(1, "GIF LZW code size")
                try skipSubBlocks(&r, s)
            case 0x21:
                guard let label = try r.byte() else { throw MediaReadSession.malformed("GIF: extension cut off") }
                switch label {
                case 0xFF: try readApplication(&r, s)
                case 0xFE:
                    s.add(.comment, try collectSubBlocks(&r, s, keepLengthBytes: false, "GIF comment"), container: "GIF comment")
                default: try skipSubBlocks(&r, s)
                }
            case 0x00:
                continue  // stray block terminator (some writers leave one after the XMP trailer)
            default:
                throw MediaReadSession.malformed("GIF: unknown block 0x\(JPEGSegmentReader.hex(introducer)) at byte \(r.position - 1)")
            }
        }
    }

    static func readApplication(_ r: inout SequentialReader, _ s: MediaReadSession) throws(ScanError) {
        guard let size = try r.byte() else { throw MediaReadSession.malformed("GIF: application extension cut off") }
        let identifier = try r.take(Int(size), "GIF application identifier")
        guard identifier == xmpApplication else {
            try skipSubBlocks(&r, s)
            return
        }
        // XMP is stored raw: its bytes double as sub-block lengths, and a 258-byte "magic
        // trailer" (0x01, 0xFF … 0x00, 0x00) makes any such walk land on the terminator.
        var xmp = try collectSubBlocks(&r, s, keepLengthBytes: true, "GIF XMP")
        if let trailer = BinaryCursor.firstIndex(of: [0x01, 0xFF, 0xFE], in: xmp) {
            xmp.removeSubrange(trailer...)
        }
        s.add(.xmp, xmp, container: "GIF XMP")
    }

    static func skipSubBlocks(_ r: inout SequentialReader, _ s: MediaReadSession) throws(ScanError) {
        while true {
            guard let size = try r.byte() else { throw MediaReadSession.malformed("GIF: data sub-blocks cut off") }
            if size == 0 { return }
            try r.skip(Int(size), "GIF data sub-block")
        }
    }

    static func collectSubBlocks(_ r: inout SequentialReader, _ s: MediaReadSession, keepLengthBytes: Bool,
                                 _ what: String) throws(ScanError) -> [UInt8] {
        var out: [UInt8] = []
        while true {
            guard let size = try r.byte() else { throw MediaReadSession.malformed("\(what): sub-blocks cut off") }
            if size == 0 { return out }
            try s.reserveCopy(Int(size) + 1, what)
            if keepLengthBytes { out.append(size) }
            out += try r.take(Int(size), what)
        }
    }
}

/// Forward-only reading through a file in chunks, for formats without lengths to seek by
/// (GIF sub-blocks).
struct SequentialReader {
    let session: MediaReadSession
    private(set) var position: Int
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    static let chunk = 64 << 10

    init(session: MediaReadSession, position: Int) {
        self.session = session
        self.position = position
    }

    private mutating func fill() throws(ScanError) -> Bool {
        if position >= bufferStart, position < bufferStart + buffer.count { return true }
        try session.visit()
        buffer = try session.readAvailable(at: position, count: SequentialReader.chunk)
        bufferStart = position
        return !buffer.isEmpty
    }

    mutating func byte() throws(ScanError) -> UInt8? {
        guard try fill() else { return nil }
        defer { position += 1 }
        return buffer[position - bufferStart]
    }

    mutating func take(_ count: Int, _ what: String) throws(ScanError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        while out.count < count {
            guard try fill() else { throw MediaReadSession.malformed("\(what) at byte \(position) is cut off") }
            let start = position - bufferStart
            let n = min(count - out.count, buffer.count - start)
            out += buffer[start..<(start + n)]
            position += n
        }
        return out
    }

    mutating func skip(_ count: Int, _ what: String) throws(ScanError) {
        guard session.contains(position, count) else {
            throw MediaReadSession.malformed("\(what) at byte \(position) runs past the end of the file")
        }
        position += count
    }
}
