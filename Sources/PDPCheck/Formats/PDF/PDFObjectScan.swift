/// One pass over the whole file for the landmarks a damaged PDF can be rebuilt from: every
/// "n g obj", "trailer", "startxref" and "%%EOF". Used when the cross-reference data is broken
/// (and to place each revision's end); bounded by `maxDefinitions`.
struct PDFObjectScan: Sendable {
    struct Definition: Sendable {
        var number: Int
        var generation: Int
        var offset: Int
    }

    static let maxDefinitions = 2_000_000

    private(set) var definitions: [Definition] = []
    /// Definitions of each object number, in file order (indices into `definitions`).
    private(set) var byNumber: [Int: [Int]] = [:]
    /// Positions just after each "trailer" keyword.
    private(set) var trailers: [Int] = []
    /// Positions of each "startxref" keyword.
    private(set) var startxrefs: [Int] = []
    /// Positions just after each "%%EOF" marker.
    private(set) var eofs: [Int] = []
    private(set) var truncated = false

    init(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { scan($0) }
    }

    private mutating func scan(_ b: UnsafeBufferPointer<UInt8>) {
        let n = b.count
        func matches(_ at: Int, _ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard at + count <= n else { return false }
            let p = word.utf8Start
            for k in 0..<count where b[at + k] != p[k] { return false }
            return true
        }
        func boundary(_ at: Int) -> Bool { at >= n || !PDFBytes.isRegular(b[at]) }
        var i = 0
        while i < n {
            switch b[i] {
            case UInt8(ascii: "o"):
                if matches(i, "obj"), boundary(i + 3), let d = definition(endingAt: i, b) {
                    guard definitions.count < PDFObjectScan.maxDefinitions else {
                        truncated = true
                        i += 3
                        continue
                    }
                    byNumber[d.number, default: []].append(definitions.count)
                    definitions.append(d)
                    i += 3
                    continue
                }
            case UInt8(ascii: "t"):
                if matches(i, "trailer"), i == 0 || !PDFBytes.isRegular(b[i - 1]), boundary(i + 7) {
                    trailers.append(i + 7)
                    i += 7
                    continue
                }
            case UInt8(ascii: "s"):
                if matches(i, "startxref"), i == 0 || !PDFBytes.isRegular(b[i - 1]), boundary(i + 9) {
                    startxrefs.append(i)
                    i += 9
                    continue
                }
            case UInt8(ascii: "%"):
                if matches(i, "%%EOF") {
                    eofs.append(i + 5)
                    i += 5
                    continue
                }
            default:
                break
            }
            i += 1
        }
    }

    /// "n g obj" ending just before `objAt`: whitespace, digits, whitespace, digits, and nothing
    /// regular before the first digit (so "endobj" and "12obj" do not count).
    private func definition(endingAt objAt: Int, _ b: UnsafeBufferPointer<UInt8>) -> Definition? {
        var p = objAt - 1
        guard p >= 0, PDFBytes.isWhitespace(b[p]) else { return nil }
        while p >= 0 && PDFBytes.isWhitespace(b[p]) { p -= 1 }
        var generation = 0, scale = 1, digits = 0
        while p >= 0 && PDFBytes.isDigit(b[p]) && digits < 6 {
            generation += Int(b[p] - 0x30) * scale
            scale *= 10
            digits += 1
            p -= 1
        }
        guard digits > 0, p >= 0, PDFBytes.isWhitespace(b[p]) else { return nil }
        while p >= 0 && PDFBytes.isWhitespace(b[p]) { p -= 1 }
        var number = 0
        scale = 1
        digits = 0
        while p >= 0 && PDFBytes.isDigit(b[p]) && digits < 10 {
            number += Int(b[p] - 0x30) * scale
            scale *= 10
            digits += 1
            p -= 1
        }
        guard digits > 0, p < 0 || !PDFBytes.isRegular(b[p]) else { return nil }
        return Definition(number: number, generation: generation, offset: p + 1)
    }

    /// The offset of the last definition of `number` that starts before `end`.
    func latest(_ number: Int, before end: Int) -> Int? {
        guard let list = byNumber[number] else { return nil }
        // Offsets ascend along `list`: binary search for the last one before `end`.
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if definitions[list[mid]].offset < end { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? definitions[list[low - 1]].offset : nil
    }
}
