/// Decodes stream data through its /Filter chain. Image codecs (DCT, JPX, JBIG2, CCITT) are not
/// decoded: the chain stops there and the caller gets the codec's own bytes (a JPEG file for
/// DCTDecode), which is what the scanner wants from an image.
enum PDFStreamFilters {
    struct Decoded {
        var bytes: [UInt8]
        /// The image codec the remaining bytes are in ("DCTDecode"), if the chain stopped at one.
        var imageCodec: String?
    }

    static let imageCodecs: Set<String> = ["DCTDecode", "JPXDecode", "JBIG2Decode", "CCITTFaxDecode"]
    static let maxFilters = 8

    /// Inline-image abbreviations and their full names.
    static func canonical(_ name: String) -> String {
        switch name {
        case "Fl": return "FlateDecode"
        case "AHx": return "ASCIIHexDecode"
        case "A85": return "ASCII85Decode"
        case "LZW": return "LZWDecode"
        case "RL": return "RunLengthDecode"
        case "DCT": return "DCTDecode"
        case "CCF": return "CCITTFaxDecode"
        default: return name
        }
    }

    /// The filter names and parameters of a stream, references resolved by `resolve`.
    static func chain(_ dictionary: PDFDictionary, resolve: (PDFObject) -> PDFObject) -> [(String, PDFDictionary?)] {
        var names: [String] = []
        var parameters: [PDFDictionary?] = []
        switch dictionary["Filter"].map(resolve) {
        case .name(let n)?: names = [n]
        case .array(let items)?: names = items.prefix(maxFilters + 1).compactMap { resolve($0).name }
        default: break
        }
        switch dictionary["DecodeParms"].map(resolve) {
        case .dictionary(let d)?: parameters = [d]
        case .array(let items)?: parameters = items.prefix(maxFilters + 1).map { resolve($0).dictionary }
        default: break
        }
        return names.enumerated().map { i, n in (canonical(n), i < parameters.count ? parameters[i] : nil) }
    }

    static func decode(_ raw: ArraySlice<UInt8>, filters: [(String, PDFDictionary?)], maxOutput: Int) throws(ScanError) -> Decoded {
        guard filters.count <= maxFilters else {
            throw ScanError(code: "limit-exceeded", message: "PDF: more than \(maxFilters) filters on one stream")
        }
        var data = Array(raw)
        for (name, parameters) in filters {
            if imageCodecs.contains(name) { return Decoded(bytes: data, imageCodec: name) }
            switch name {
            case "FlateDecode":
                data = try PDFFlate.inflate(data[...], maxOutput: maxOutput)
                data = try predict(data, parameters: parameters)
            case "LZWDecode":
                let early = parameters?.integer("EarlyChange") ?? 1
                data = try lzw(data, earlyChange: early == 0 ? 0 : 1, maxOutput: maxOutput)
                data = try predict(data, parameters: parameters)
            case "ASCIIHexDecode": data = asciiHex(data)
            case "ASCII85Decode": data = try ascii85(data, maxOutput: maxOutput)
            case "RunLengthDecode": data = try runLength(data, maxOutput: maxOutput)
            case "Crypt":
                // Only the Identity crypt filter can be read without keys.
                if let n = parameters?.name("Name"), n != "Identity" {
                    throw ScanError(code: "encrypted", message: "PDF: a stream is encrypted with the \(n) crypt filter")
                }
            default:
                throw ScanError(code: "unsupported-format", message: "PDF: stream filter \(name) is not supported")
            }
        }
        return Decoded(bytes: data, imageCodec: nil)
    }

    // MARK: predictors

    /// TIFF predictor 2 and the PNG predictors (10–15) that Flate and LZW streams may use.
    static func predict(_ data: [UInt8], parameters: PDFDictionary?) throws(ScanError) -> [UInt8] {
        guard let parameters, let predictor = parameters.integer("Predictor"), predictor > 1 else { return data }
        let colors = parameters.integer("Colors") ?? 1
        let bits = parameters.integer("BitsPerComponent") ?? 8
        let columns = parameters.integer("Columns") ?? 1
        guard (1...32).contains(colors), [1, 2, 4, 8, 16].contains(bits), (1...(1 << 20)).contains(columns) else {
            throw ScanError(code: "malformed", message: "PDF: predictor parameters out of range")
        }
        let bytesPerPixel = max(1, (colors * bits + 7) / 8)
        let rowLength = (colors * bits * columns + 7) / 8
        if predictor == 2 {
            guard bits == 8 else { return data }
            var out = data
            var rowStart = 0
            while rowStart < out.count {
                let rowEnd = min(rowStart + rowLength, out.count)
                var i = rowStart + colors
                while i < rowEnd {
                    out[i] = out[i] &+ out[i - colors]
                    i += 1
                }
                rowStart = rowEnd
            }
            return out
        }
        guard predictor >= 10 else { return data }
        var out: [UInt8] = []
        out.reserveCapacity(data.count)
        var previous = [UInt8](repeating: 0, count: rowLength)
        var row = [UInt8](repeating: 0, count: rowLength)
        var position = 0
        while position < data.count {
            let type = data[position]
            position += 1
            let available = min(rowLength, data.count - position)
            for i in 0..<rowLength { row[i] = i < available ? data[position + i] : 0 }
            position += available
            for i in 0..<rowLength {
                let left: UInt8 = i >= bytesPerPixel ? row[i - bytesPerPixel] : 0
                let up = previous[i]
                let upLeft: UInt8 = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0
                switch type {
                case 1: row[i] = row[i] &+ left
                case 2: row[i] = row[i] &+ up
                case 3: row[i] = row[i] &+ UInt8((Int(left) + Int(up)) / 2)
                case 4:
                    let p = Int(left) + Int(up) - Int(upLeft)
                    let pa = abs(p - Int(left)), pb = abs(p - Int(up)), pc = abs(p - Int(upLeft))
                    let predicted = pa <= pb && pa <= pc ? left : (pb <= pc ? up : upLeft)
                    row[i] = row[i] &+ predicted
                default: break  // 0 (None) and unknown types: bytes as they are
                }
            }
            out.append(contentsOf: row[0..<available])
            swap(&previous, &row)
        }
        return out
    }

    // MARK: simple filters

    static func asciiHex(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count / 2)
        var high: UInt8?
        for b in data {
            if b == UInt8(ascii: ">") { break }
            guard let v = PDFBytes.hexValue(b) else { continue }
            if let h = high {
                out.append(h << 4 | v)
                high = nil
            } else {
                high = v
            }
        }
        if let h = high { out.append(h << 4) }
        return out
    }

    static func ascii85(_ data: [UInt8], maxOutput: Int) throws(ScanError) -> [UInt8] {
        var out: [UInt8] = []
        var group: [UInt32] = []
        var i = 0
        if data.count >= 2 && data[0] == UInt8(ascii: "<") && data[1] == UInt8(ascii: "~") { i = 2 }
        func flush(_ group: [UInt32], into out: inout [UInt8]) {
            guard group.count > 1 else { return }
            var padded = group
            while padded.count < 5 { padded.append(84) }
            var value: UInt64 = 0
            for digit in padded { value = value * 85 + UInt64(digit) }
            let word = UInt32(truncatingIfNeeded: value)
            let bytes = [UInt8(word >> 24), UInt8(word >> 16 & 0xFF), UInt8(word >> 8 & 0xFF), UInt8(word & 0xFF)]
            out.append(contentsOf: bytes[0..<(group.count - 1)])
        }
        while i < data.count {
            let b = data[i]
            i += 1
            if b == UInt8(ascii: "~") { break }
            if PDFBytes.isWhitespace(b) { continue }
            if b == UInt8(ascii: "z") && group.isEmpty {
                out.append(contentsOf: [0, 0, 0, 0])
            } else if b >= 0x21 && b <= 0x75 {
                group.append(UInt32(b - 0x21))
                if group.count == 5 {
                    var value: UInt64 = 0
                    for digit in group { value = value * 85 + UInt64(digit) }
                    let word = UInt32(truncatingIfNeeded: value)
                    out.append(contentsOf: [UInt8(word >> 24), UInt8(word >> 16 & 0xFF), UInt8(word >> 8 & 0xFF), UInt8(word & 0xFF)])
                    group.removeAll(keepingCapacity: true)
                }
            }
            if out.count > maxOutput {
                throw ScanError(code: "limit-exceeded", message: "PDF: a stream expands to more than \(maxOutput) bytes")
            }
        }
        flush(group, into: &out)
        return out
    }

    static func runLength(_ data: [UInt8], maxOutput: Int) throws(ScanError) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < data.count {
            let n = Int(data[i])
            i += 1
            if n == 128 { break }
            if n < 128 {
                let end = min(i + n + 1, data.count)
                out.append(contentsOf: data[i..<end])
                i = end
            } else {
                guard i < data.count else { break }
                out.append(contentsOf: repeatElement(data[i], count: 257 - n))
                i += 1
            }
            if out.count > maxOutput {
                throw ScanError(code: "limit-exceeded", message: "PDF: a stream expands to more than \(maxOutput) bytes")
            }
        }
        return out
    }

    /// LZW as in TIFF/PDF: 9–12-bit codes, 256 clears, 257 ends; `earlyChange` 1 widens the
    /// code one entry early (the PDF default).
    static func lzw(_ data: [UInt8], earlyChange: Int, maxOutput: Int) throws(ScanError) -> [UInt8] {
        var prefix = [Int](repeating: -1, count: 4096)
        var suffix = [UInt8](repeating: 0, count: 4096)
        var length = [Int](repeating: 1, count: 4096)
        for i in 0..<256 { suffix[i] = UInt8(i) }
        var next = 258
        var width = 9
        var previous = -1
        var out: [UInt8] = []
        var bitBuffer = 0
        var bitCount = 0
        var i = 0
        func firstByte(_ code: Int) -> UInt8 {
            var c = code
            var guardSteps = 0
            while prefix[c] >= 0 && guardSteps < 4096 { c = prefix[c]; guardSteps += 1 }
            return suffix[c]
        }
        func emit(_ code: Int, into out: inout [UInt8]) {
            let n = length[code]
            let start = out.count
            out.append(contentsOf: repeatElement(0, count: n))
            var c = code
            var k = start + n - 1
            while k >= start && c >= 0 {
                out[k] = suffix[c]
                c = prefix[c]
                k -= 1
            }
        }
        while true {
            while bitCount < width {
                guard i < data.count else { return out }
                bitBuffer = (bitBuffer << 8 | Int(data[i])) & 0xFFFFFF
                bitCount += 8
                i += 1
            }
            let code = (bitBuffer >> (bitCount - width)) & ((1 << width) - 1)
            bitCount -= width
            if code == 256 {
                next = 258
                width = 9
                previous = -1
                continue
            }
            if code == 257 { return out }
            if previous < 0 {
                guard code < 256 else { return out }
                out.append(UInt8(code))
                previous = code
                continue
            }
            if code < next {
                if next < 4096 {
                    prefix[next] = previous
                    suffix[next] = firstByte(code)
                    length[next] = length[previous] + 1
                }
            } else if code == next && next < 4096 {
                prefix[next] = previous
                suffix[next] = firstByte(previous)
                length[next] = length[previous] + 1
            } else {
                return out  // a code from the future: corrupt data
            }
            if next < 4096 { next += 1 }
            emit(code, into: &out)
            if out.count > maxOutput {
                throw ScanError(code: "limit-exceeded", message: "PDF: a stream expands to more than \(maxOutput) bytes")
            }
            previous = code
            if next + earlyChange >= (1 << width) && width < 12 { width += 1 }
        }
    }
}
