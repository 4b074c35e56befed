import CZlib

/// Raw DEFLATE (no zlib header, as ZIP stores it) through the system zlib.
enum ZipDeflater {
    static func deflate(_ bytes: [UInt8], level: Int32 = 6) throws(ScanError) -> [UInt8] {
        var stream = z_stream()
        let status = deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                                   Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw ScanError(code: "internal", message: "zlib could not start deflating (\(status))") }
        defer { deflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 2 + 64)
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var input = bytes
        var offset = 0
        var result: Int32 = Z_OK
        try input.withUnsafeMutableBufferPointer { (inBuffer) throws(ScanError) in
            repeat {
                let take = min(inBuffer.count - offset, 1 << 30)
                stream.next_in = inBuffer.baseAddress.map { $0 + offset }
                stream.avail_in = uInt(take)
                let finishing = offset + take == inBuffer.count
                repeat {
                    result = chunk.withUnsafeMutableBufferPointer { outBuffer -> Int32 in
                        stream.next_out = outBuffer.baseAddress
                        stream.avail_out = uInt(outBuffer.count)
                        return CZlib.deflate(&stream, finishing ? Z_FINISH : Z_NO_FLUSH)
                    }
                    guard result == Z_OK || result == Z_STREAM_END || result == Z_BUF_ERROR else {
                        throw ScanError(code: "internal", message: "zlib failed while deflating (\(result))")
                    }
                    output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                } while stream.avail_out == 0
                offset += take - Int(stream.avail_in)
            } while offset < inBuffer.count
            // An empty input still needs its final block.
            while result != Z_STREAM_END {
                result = chunk.withUnsafeMutableBufferPointer { outBuffer -> Int32 in
                    stream.next_in = nil
                    stream.avail_in = 0
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    return CZlib.deflate(&stream, Z_FINISH)
                }
                guard result == Z_OK || result == Z_STREAM_END else {
                    throw ScanError(code: "internal", message: "zlib failed to finish deflating (\(result))")
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
            }
        }
        return output
    }
}
