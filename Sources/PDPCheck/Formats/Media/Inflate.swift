/// A small, bounded DEFLATE (RFC 1951) decoder for the zlib streams in PNG zTXt and compressed
/// iTXt chunks, so reading them needs no C library. Canonical Huffman decoding in the style of
/// zlib's `puff`: slow-ish per bit, but text chunks are small and the output cap bounds the work
/// (every symbol consumes input bits, every output byte counts against the cap).
enum Inflate {
    static func malformed(_ what: String) -> ScanError {
        ScanError(code: "malformed", message: "deflate: \(what)")
    }

    /// A zlib stream (RFC 1950): the 2-byte header, deflate data; the Adler-32 is not checked.
    static func zlib(_ input: [UInt8], maxOutput: Int) throws(ScanError) -> [UInt8] {
        guard input.count >= 2 else { throw malformed("zlib header missing") }
        let cmf = Int(input[0]), flg = Int(input[1])
        guard cmf & 0x0F == 8, (cmf << 8 | flg) % 31 == 0, flg & 0x20 == 0 else {
            throw malformed("not a zlib stream")
        }
        return try raw(input, from: 2, maxOutput: maxOutput)
    }

    /// Raw deflate data starting at `from`.
    static func raw(_ input: [UInt8], from start: Int = 0, maxOutput: Int) throws(ScanError) -> [UInt8] {
        var state = State(input: input, position: start, maxOutput: maxOutput)
        var last = false
        while !last {
            last = try state.bits(1) == 1
            switch try state.bits(2) {
            case 0: try state.stored()
            case 1: try state.codes(Inflate.fixedLengths, Inflate.fixedDistances)
            case 2:
                let (lengths, distances) = try state.dynamicTables()
                try state.codes(lengths, distances)
            default: throw malformed("invalid block type")
            }
        }
        return state.output
    }

    struct Huffman {
        var count = [Int](repeating: 0, count: 16)
        var symbol: [Int]

        init(lengths: ArraySlice<Int>) throws(ScanError) {
            symbol = [Int](repeating: 0, count: lengths.count)
            for length in lengths { count[length] += 1 }
            var left = 1
            for len in 1..<16 {
                left <<= 1
                left -= count[len]
                if left < 0 { throw Inflate.malformed("over-subscribed code") }
            }
            var offsets = [Int](repeating: 0, count: 16)
            for len in 1..<15 { offsets[len + 1] = offsets[len] + count[len] }
            for (i, length) in lengths.enumerated() where length != 0 {
                symbol[offsets[length]] = i
                offsets[length] += 1
            }
        }
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
                             67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
                              4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                               1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8,
                                9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    static let fixedLengths: Huffman = {
        var lengths = [Int](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        return (try? Huffman(lengths: lengths[...])) ?? Huffman.empty
    }()
    static let fixedDistances: Huffman = (try? Huffman(lengths: [Int](repeating: 5, count: 30)[...])) ?? Huffman.empty

    struct State {
        let input: [UInt8]
        var position: Int
        let maxOutput: Int
        var output: [UInt8] = []
        var bitBuffer = 0
        var bitCount = 0

        init(input: [UInt8], position: Int, maxOutput: Int) {
            self.input = input
            self.position = position
            self.maxOutput = maxOutput
        }

        mutating func bits(_ need: Int) throws(ScanError) -> Int {
            var value = bitBuffer
            while bitCount < need {
                guard position < input.count else { throw Inflate.malformed("stream is cut off") }
                value |= Int(input[position]) << bitCount
                position += 1
                bitCount += 8
            }
            bitBuffer = value >> need
            bitCount -= need
            return value & ((1 << need) - 1)
        }

        mutating func emit(_ byte: UInt8) throws(ScanError) {
            guard output.count < maxOutput else {
                throw ScanError(code: "limit-exceeded", message: "deflate: output larger than \(maxOutput >> 20) MB")
            }
            output.append(byte)
        }

        mutating func stored() throws(ScanError) {
            bitBuffer = 0
            bitCount = 0
            guard position + 4 <= input.count else { throw Inflate.malformed("stored block header cut off") }
            let len = Int(input[position]) | Int(input[position + 1]) << 8
            let nlen = Int(input[position + 2]) | Int(input[position + 3]) << 8
            position += 4
            guard len == ~nlen & 0xFFFF else { throw Inflate.malformed("stored block length check failed") }
            guard position + len <= input.count else { throw Inflate.malformed("stored block cut off") }
            guard len <= maxOutput - output.count else {
                throw ScanError(code: "limit-exceeded", message: "deflate: output larger than \(maxOutput >> 20) MB")
            }
            output.append(contentsOf: input[position..<(position + len)])
            position += len
        }

        mutating func decode(_ h: Huffman) throws(ScanError) -> Int {
            var code = 0, first = 0, index = 0
            for len in 1..<16 {
                code |= try bits(1)
                let count = h.count[len]
                if code - count < first { return h.symbol[index + (code - first)] }
                index += count
                first += count
                first <<= 1
                code <<= 1
            }
            throw Inflate.malformed("invalid Huffman code")
        }

        mutating func codes(_ lengthCode: Huffman, _ distanceCode: Huffman) throws(ScanError) {
            while true {
                let symbol = try decode(lengthCode)
                if symbol < 256 {
                    try emit(UInt8(symbol))
                    continue
                }
                if symbol == 256 { return }
                let index = symbol - 257
                guard index < Inflate.lengthBase.count else { throw Inflate.malformed("invalid length symbol") }
                let length = Inflate.lengthBase[index] + (try bits(Inflate.lengthExtra[index]))
                let distanceSymbol = try decode(distanceCode)
                guard distanceSymbol < Inflate.distanceBase.count else { throw Inflate.malformed("invalid distance symbol") }
                let distance = Inflate.distanceBase[distanceSymbol] + (try bits(Inflate.distanceExtra[distanceSymbol]))
                guard distance <= output.count else { throw Inflate.malformed("distance too far back") }
                guard length <= maxOutput - output.count else {
                    throw ScanError(code: "limit-exceeded", message: "deflate: output larger than \(maxOutput >> 20) MB")
                }
                var from = output.count - distance
                for _ in 0..<length {
                    output.append(output[from])
                    from += 1
                }
            }
        }

        mutating func dynamicTables() throws(ScanError) -> (Huffman, Huffman) {
            let lengthCount = try bits(5) + 257
            let distanceCount = try bits(5) + 1
            let codeCount = try bits(4) + 4
            guard lengthCount <= 286, distanceCount <= 30 else { throw Inflate.malformed("too many codes") }
            var codeLengths = [Int](repeating: 0, count: 19)
            for i in 0..<codeCount { codeLengths[Inflate.codeLengthOrder[i]] = try bits(3) }
            let lengthsCode = try Huffman(lengths: codeLengths[...])
            var lengths = [Int](repeating: 0, count: lengthCount + distanceCount)
            var i = 0
            while i < lengths.count {
                let symbol = try decode(lengthsCode)
                if symbol < 16 {
                    lengths[i] = symbol
                    i += 1
                    continue
                }
                var value = 0
                let repeatCount: Int
                switch symbol {
                case 16:
                    guard i > 0 else { throw Inflate.malformed("repeat with no first length") }
                    value = lengths[i - 1]
                    repeatCount = 3 + (try bits(2))
                case 17: repeatCount = 3 + (try bits(3))
                default: repeatCount = 11 + (try bits(7))
                }
                guard i + repeatCount <= lengths.count else { throw Inflate.malformed("too many lengths") }
                for _ in 0..<repeatCount {
                    lengths[i] = value
                    i += 1
                }
            }
            guard lengths[256] != 0 else { throw Inflate.malformed("no end-of-block code") }
            return (try Huffman(lengths: lengths[0..<lengthCount]),
                    try Huffman(lengths: lengths[lengthCount...]))
        }
    }
}

extension Inflate.Huffman {
    static let empty = Inflate.Huffman()
    private init() { symbol = [] }
}
