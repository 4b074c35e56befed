import CZlib

enum ZipCRC {
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer -> UInt32 in
            var crc: uLong = CZlib.crc32(0, nil, 0)
            var offset = 0
            // zlib takes a 32-bit length; feed large members in pieces.
            while offset < buffer.count {
                let n = min(buffer.count - offset, 1 << 30)
                crc = CZlib.crc32(crc, buffer.baseAddress.map { $0 + offset }, uInt(n))
                offset += n
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }
}

/// Raw DEFLATE through the system zlib, reading the compressed bytes in 64 KB ranges from the
/// source, so only the output is ever whole in memory. The output is capped by the caller
/// (the member's declared size, itself checked against the limits): a stream that expands past
/// the cap stops at once, so a header that lies about the size cannot make us inflate a bomb.
enum ZipMemberInflater {
    static let inputChunk = 64 << 10
    static let outputChunk = 64 << 10

    enum Outcome {
        /// With the count of input bytes zlib did not use (data after the stream).
        case finished(unused: Int)
        case needInput
        case overCap
        case failed(Int32)
    }

    struct Result {
        /// The expanded bytes (empty when the caller only measured).
        var bytes: [UInt8]
        /// How many bytes the expanded data has.
        var expandedSize: Int
        /// How many compressed bytes the deflate stream took (it ends itself).
        var compressedSize: Int
    }

    /// - Returns: the expanded bytes (at most `cap`).
    /// - Throws: `suspected-zip-bomb` when the stream produces more than `cap`, `malformed` when it
    ///   is corrupt or ends before its final block.
    static func inflate(_ source: some ByteSource, offset: Int, compressedSize: Int, cap: Int,
                        name: String) throws(ScanError) -> [UInt8] {
        try run(source, offset: offset, compressedSize: compressedSize, cap: cap, name: name, keepOutput: true).bytes
    }

    /// Finds where a deflate stream of unknown length ends, discarding the output (for members
    /// with a data descriptor in an archive without a central directory). Stops as a suspected
    /// bomb once the output passes `ratio` times the input read so far (above the guard floor).
    static func measure(_ source: some ByteSource, offset: Int, available: Int, cap: Int, ratio: Int,
                        name: String) throws(ScanError) -> Result {
        try run(source, offset: offset, compressedSize: available, cap: cap, name: name, keepOutput: false, ratio: ratio)
    }

    private static func run(_ source: some ByteSource, offset: Int, compressedSize: Int, cap: Int,
                            name: String, keepOutput: Bool, ratio: Int? = nil) throws(ScanError) -> Result {
        var stream = z_stream()
        let initResult = inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard initResult == Z_OK else {
            throw ScanError(code: "internal", message: "zlib could not start (\(initResult))")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var producedTotal = 0
        if keepOutput { output.reserveCapacity(min(cap, 4 << 20)) }
        var chunk = [UInt8](repeating: 0, count: outputChunk)
        var consumed = 0
        while true {
            guard consumed < compressedSize else {
                throw ScanError(code: "malformed", message: "ZIP: “\(name)”: deflate data ends before its last block")
            }
            var input = try source.read(at: offset + consumed, count: min(inputChunk, compressedSize - consumed))
            guard !input.isEmpty else {
                throw ScanError(code: "malformed", message: "ZIP: “\(name)”: member data cut off (truncated file)")
            }
            consumed += input.count
            let outcome = input.withUnsafeMutableBufferPointer { inBuffer -> Outcome in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                defer {
                    stream.next_in = nil
                    stream.avail_in = 0
                }
                while true {
                    let result = chunk.withUnsafeMutableBufferPointer { outBuffer -> Int32 in
                        stream.next_out = outBuffer.baseAddress
                        stream.avail_out = uInt(outBuffer.count)
                        let r = CZlib.inflate(&stream, Z_NO_FLUSH)
                        stream.next_out = nil
                        return r
                    }
                    let produced = outputChunk - Int(stream.avail_out)
                    if produced > cap - producedTotal { return .overCap }
                    producedTotal += produced
                    if let ratio, producedTotal >= ZipArchive.ratioGuardFloor, producedTotal / max(consumed, 1) > ratio {
                        return .overCap
                    }
                    if keepOutput { output.append(contentsOf: chunk[0..<produced]) }
                    switch result {
                    case Z_STREAM_END:
                        return .finished(unused: Int(stream.avail_in))
                    case Z_OK:
                        // Output full: call again. Input used up: ask for more.
                        if stream.avail_in == 0 && stream.avail_out != 0 { return .needInput }
                    case Z_BUF_ERROR:
                        if stream.avail_in == 0 { return .needInput }
                        return .failed(result)
                    default:
                        return .failed(result)
                    }
                }
            }
            switch outcome {
            case .finished(let unused):
                return Result(bytes: output, expandedSize: producedTotal, compressedSize: consumed - unused)
            case .needInput:
                continue
            case .overCap:
                if ratio != nil {
                    throw ScanError(code: "suspected-zip-bomb",
                                    message: "suspected zip bomb: “\(name)” expands more than \(ratio ?? 0) times its compressed size")
                }
                throw ScanError(code: "suspected-zip-bomb",
                                message: "suspected zip bomb: “\(name)” expands beyond \(cap) bytes, more than its header declares")
            case .failed(let code):
                throw ScanError(code: "malformed", message: "ZIP: “\(name)”: corrupt deflate data (zlib \(code))")
            }
        }
    }
}
