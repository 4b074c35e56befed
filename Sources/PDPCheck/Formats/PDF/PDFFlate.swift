import CZlib

/// FlateDecode through the system zlib, with a hard cap on the output. PDF writers are sloppy
/// (raw deflate without the zlib header, streams cut short, a bad checksum at the end), so like
/// PDF viewers this keeps whatever decoded before an error instead of failing the stream.
enum PDFFlate {
    static func inflate(_ input: ArraySlice<UInt8>, maxOutput: Int) throws(ScanError) -> [UInt8] {
        guard !input.isEmpty else { return [] }
        guard input.count < Int(UInt32.max) else {
            throw ScanError(code: "limit-exceeded", message: "PDF: compressed stream over 4 GB")
        }
        let first = input[input.startIndex]
        let second = input.count > 1 ? input[input.startIndex + 1] : 0
        let isZlib = first & 0x0F == 8 && (Int(first) << 8 | Int(second)) % 31 == 0
        let result = run(input, windowBits: isZlib ? 15 : -15, maxOutput: maxOutput)
        if case .failure(let error) = result.status, error.code == "limit-exceeded" || result.output.isEmpty {
            throw error
        }
        return result.output
    }

    private enum Status {
        case success
        case failure(ScanError)
    }

    private static func run(_ input: ArraySlice<UInt8>, windowBits: Int32, maxOutput: Int) -> (output: [UInt8], status: Status) {
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return ([], .failure(ScanError(code: "internal", message: "PDF: zlib could not be initialised")))
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        let chunkSize = 256 << 10
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        return input.withUnsafeBufferPointer { inputBuffer -> ([UInt8], Status) in
            guard let base = inputBuffer.baseAddress else { return ([], .success) }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = UInt32(inputBuffer.count)
            while true {
                let code: Int32 = chunk.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(chunkSize)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunkSize - Int(stream.avail_out)
                if produced > maxOutput - output.count {
                    return (output, .failure(ScanError(code: "limit-exceeded",
                                                       message: "PDF: a stream expands to more than \(maxOutput) bytes")))
                }
                output.append(contentsOf: chunk[0..<produced])
                switch code {
                case Z_STREAM_END:
                    return (output, .success)
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    // No progress possible: the input ended before the stream did.
                    return (output, .success)
                default:
                    return (output, .failure(ScanError(code: "malformed", message: "PDF: corrupt Flate stream (zlib error \(code))")))
                }
            }
        }
    }
}
