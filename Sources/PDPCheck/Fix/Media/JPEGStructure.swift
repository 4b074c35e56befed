import Foundation

/// A JPEG in memory, cut into the pieces a writer copies or replaces: marker segments (with
/// their marker and length), standalone markers, and the entropy-coded data between them, from
/// after SOI up to and including the first EOI. What follows EOI is the trailer.
struct JPEGStructure {
    enum Piece {
        /// A marker segment: `FF xx`, the length and the payload.
        case segment(marker: UInt8, range: Range<Int>)
        /// A marker without a length (RSTn, TEM, EOI).
        case marker(UInt8, Range<Int>)
        /// Entropy-coded data after a SOS segment (restart markers and fill bytes included).
        case entropy(Range<Int>)

        var range: Range<Int> {
            switch self {
            case .segment(_, let r), .marker(_, let r), .entropy(let r): return r
            }
        }

        /// APPn and COM segments: metadata, not picture.
        var isMetadata: Bool {
            if case .segment(let m, _) = self { return (0xE0...0xEF).contains(m) || m == 0xFE }
            return false
        }
    }

    var pieces: [Piece] = []
    /// Index just after EOI; the file's size when EOI is missing.
    var end = 2
    var hasEndOfImage = false

    static let maxPieces = 200_000

    static func malformed(_ message: String) -> ScanError {
        ScanError(code: "malformed", message: "JPEG: " + message)
    }

    static func parse(_ b: [UInt8]) throws(ScanError) -> JPEGStructure {
        guard b.count >= 2, b[0] == 0xFF, b[1] == 0xD8 else { throw malformed("no start-of-image marker") }
        var s = JPEGStructure()
        var pos = 2
        while pos < b.count {
            guard s.pieces.count < maxPieces else {
                throw ScanError(code: "limit-exceeded", message: "JPEG: more than \(maxPieces) segments")
            }
            guard b[pos] == 0xFF else { throw malformed("expected a marker at byte \(pos)") }
            guard pos + 1 < b.count else { break }
            let m = b[pos + 1]
            switch m {
            case 0xFF:
                pos += 1  // fill byte
                continue
            case 0x01, 0xD0...0xD7:
                s.pieces.append(.marker(m, pos..<(pos + 2)))
                pos += 2
                continue
            case 0xD9:
                s.pieces.append(.marker(m, pos..<(pos + 2)))
                s.end = pos + 2
                s.hasEndOfImage = true
                return s
            case 0xD8:
                throw malformed("second start-of-image marker at byte \(pos)")
            default:
                break
            }
            guard pos + 4 <= b.count else { throw malformed("segment header at byte \(pos) is cut off") }
            let length = Int(b[pos + 2]) << 8 | Int(b[pos + 3])
            guard length >= 2, length <= b.count - pos - 2 else {
                throw malformed("segment 0x\(JPEGSegmentReader.hex(m)) at byte \(pos) runs past the end of the file")
            }
            s.pieces.append(.segment(marker: m, range: pos..<(pos + 2 + length)))
            pos += 2 + length
            guard m == 0xDA else { continue }
            let data = pos
            pos = nextMarker(b, from: pos)
            if pos > data { s.pieces.append(.entropy(data..<pos)) }
        }
        s.end = b.count
        return s
    }

    /// The next marker that ends entropy-coded data: 0xFF followed by anything but a stuffed
    /// 0, a restart marker or another fill byte; the file's end when there is none.
    static func nextMarker(_ b: [UInt8], from start: Int) -> Int {
        b.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return p.count }
            var i = start
            let last = p.count - 1
            while i < last {
                // memchr finds the next 0xFF at vector speed; entropy data is mostly other bytes.
                guard let hit = memchr(base + i, 0xFF, last - i) else { return p.count }
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let m = p[i + 1]
                if m != 0x00 && m != 0xFF && !(m >= 0xD0 && m <= 0xD7) { return i }
                i += 1
            }
            return p.count
        }
    }

    /// The payload of a segment (after the length).
    static func payload(_ range: Range<Int>) -> Range<Int> {
        (range.lowerBound + 4)..<range.upperBound
    }
}
