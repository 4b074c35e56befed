/// Where one track's samples are, from its sample table: sizes (`stsz` or compact `stz2`),
/// samples per chunk (`stsc`) and chunk offsets (`stco` or 64-bit `co64`). A chunk's samples
/// are stored back to back, so the answer is one byte range per chunk, merged. The tables are
/// read in place from the file's bytes and checked against each other; tables that disagree
/// are an error, never a guess, since the caller zeroes what this returns.
struct MovieSampleTable {
    struct Unreadable: Error {
        let reason: String
    }

    /// Samples of one track; more is refused (a day of 240 fps video is about 21 million).
    static let maxSamples = 1 << 25

    static let stsz = FourCC("stsz"), stz2 = FourCC("stz2"), stsc = FourCC("stsc")
    static let stco = FourCC("stco"), co64 = FourCC("co64")

    /// The tables of one `stbl`, by type (the first of each).
    let tables: [FourCC: BoxHeader]

    init(stblChildren: [BoxHeader]) {
        var found: [FourCC: BoxHeader] = [:]
        for box in stblChildren where found[box.type] == nil { found[box.type] = box }
        tables = found
    }

    /// The byte ranges of the track's samples, sorted and merged (not clipped to the file).
    func sampleRanges(in b: [UInt8]) throws(Unreadable) -> [Range<Int>] {
        let sizes = try SampleSizes(b, stsz: tables[Self.stsz], stz2: tables[Self.stz2])
        guard sizes.count > 0 else { return [] }
        guard let stsc = tables[Self.stsc] else { throw Unreadable(reason: "no sample-to-chunk table") }
        let wide = tables[Self.co64] != nil && tables[Self.stco] == nil
        guard let chunkTable = tables[Self.stco] ?? tables[Self.co64] else { throw Unreadable(reason: "no chunk offset table") }

        let chunkCount = try Self.entryCount(b, chunkTable, entrySize: wide ? 8 : 4, "chunk offset table")
        let runCount = try Self.entryCount(b, stsc, entrySize: 12, "sample-to-chunk table")
        let runs = stsc.payload + 8
        func firstChunk(_ i: Int) -> Int { Int(BinaryCursor.u32(b, at: runs + 12 * i, bigEndian: true)) }
        func perChunk(_ i: Int) -> Int { Int(BinaryCursor.u32(b, at: runs + 12 * i + 4, bigEndian: true)) }
        guard runCount > 0, firstChunk(0) == 1 else { throw Unreadable(reason: "sample-to-chunk table does not start at chunk 1") }
        for i in 1..<runCount where firstChunk(i) <= firstChunk(i - 1) {
            throw Unreadable(reason: "sample-to-chunk table is not in chunk order")
        }

        var ranges: [Range<Int>] = []
        var sample = 0
        var run = 0
        for chunk in 0..<chunkCount where sample < sizes.count {
            while run + 1 < runCount, firstChunk(run + 1) <= chunk + 1 { run += 1 }
            let n = min(perChunk(run), sizes.count - sample)
            guard n > 0 else { continue }
            let length = try sizes.total(from: sample, count: n)
            let offset: UInt64 = wide
                ? Self.u64(b, at: chunkTable.payload + 8 + 8 * chunk)
                : UInt64(BinaryCursor.u32(b, at: chunkTable.payload + 8 + 4 * chunk, bigEndian: true))
            guard offset <= UInt64(Int.max - length) else { throw Unreadable(reason: "chunk \(chunk + 1) lies beyond any file") }
            let start = Int(offset)
            if let last = ranges.last, last.upperBound == start {
                ranges[ranges.count - 1] = last.lowerBound..<(start + length)
            } else {
                ranges.append(start..<(start + length))
            }
            sample += n
        }
        guard sample == sizes.count else {
            throw Unreadable(reason: "its chunks hold \(sample) of the \(sizes.count) samples the size table lists")
        }
        return ByteRanges.merged(ranges)
    }

    static func u64(_ b: [UInt8], at i: Int) -> UInt64 {
        UInt64(BinaryCursor.u32(b, at: i, bigEndian: true)) << 32 | UInt64(BinaryCursor.u32(b, at: i + 4, bigEndian: true))
    }

    /// The entry count of a full box whose entries follow it, checked against the box size.
    static func entryCount(_ b: [UInt8], _ box: BoxHeader, entrySize: Int, _ what: String) throws(Unreadable) -> Int {
        guard box.payloadCount >= 8, box.end <= b.count else { throw Unreadable(reason: "\(what) is cut short") }
        let count = Int(BinaryCursor.u32(b, at: box.payload + 4, bigEndian: true))
        guard count <= (box.payloadCount - 8) / entrySize else {
            throw Unreadable(reason: "\(what) lists \(count) entries in \(box.payloadCount) bytes")
        }
        return count
    }

    /// Sample sizes: one size for all, or a table of 32-bit (`stsz`) or 4/8/16-bit (`stz2`) sizes.
    struct SampleSizes {
        let count: Int
        let constant: Int
        /// Where the table starts and its field width in bits (0 when the size is constant).
        let table: Int
        let bits: Int
        let b: [UInt8]

        init(_ b: [UInt8], stsz: BoxHeader?, stz2: BoxHeader?) throws(Unreadable) {
            self.b = b
            if let box = stsz {
                guard box.payloadCount >= 12, box.end <= b.count else { throw Unreadable(reason: "sample size table is cut short") }
                constant = Int(BinaryCursor.u32(b, at: box.payload + 4, bigEndian: true))
                count = Int(BinaryCursor.u32(b, at: box.payload + 8, bigEndian: true))
                table = box.payload + 12
                bits = constant == 0 ? 32 : 0
                guard constant != 0 || count <= (box.payloadCount - 12) / 4 else {
                    throw Unreadable(reason: "sample size table lists \(count) sizes in \(box.payloadCount) bytes")
                }
            } else if let box = stz2 {
                guard box.payloadCount >= 12, box.end <= b.count else { throw Unreadable(reason: "compact sample size table is cut short") }
                bits = Int(b[box.payload + 7])
                count = Int(BinaryCursor.u32(b, at: box.payload + 8, bigEndian: true))
                constant = 0
                table = box.payload + 12
                guard [4, 8, 16].contains(bits) else { throw Unreadable(reason: "compact sample sizes of \(bits) bits") }
                guard count <= (box.payloadCount - 12) * 8 / bits else {
                    throw Unreadable(reason: "compact sample size table lists \(count) sizes in \(box.payloadCount) bytes")
                }
            } else {
                count = 0
                constant = 0
                table = 0
                bits = 0
            }
            guard count <= MovieSampleTable.maxSamples else { throw Unreadable(reason: "\(count) samples in one track") }
        }

        func size(_ i: Int) -> Int {
            switch bits {
            case 32: return Int(BinaryCursor.u32(b, at: table + 4 * i, bigEndian: true))
            case 16: return Int(BinaryCursor.u16(b, at: table + 2 * i, bigEndian: true))
            case 8: return Int(b[table + i])
            case 4: return Int(i & 1 == 0 ? b[table + i / 2] >> 4 : b[table + i / 2] & 0x0F)
            default: return constant
            }
        }

        /// Bytes of `count` samples from `first` (at most 2^25 samples of < 2^32 bytes: no overflow).
        func total(from first: Int, count n: Int) throws(Unreadable) -> Int {
            if bits == 0 {
                let (t, overflow) = constant.multipliedReportingOverflow(by: n)
                guard !overflow else { throw Unreadable(reason: "samples larger than any file") }
                return t
            }
            var t = 0
            for i in first..<(first + n) { t += size(i) }
            return t
        }
    }
}

