@testable import PDPCheck

// RelationalText's sentence and line bounds before the radius was counted while walking (main at
// c952d7f): both limits were walked first, then the boundary. Kept for the equality tests. Not
// used by the library.
enum RelationalTextReference {
    static let sentenceRadius = RelationalText.sentenceRadius

    static func sentence(around offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let n = text.count
        let o = min(max(0, offset), n)
        var lo = o
        let loLimit = RelationalText.back(o, sentenceRadius, in: text)
        while lo > loLimit {
            let b = text[lo - 1]
            if b == 0x0A { break }
            if (b == 0x2E || b == 0x21 || b == 0x3F) && lo < n && (text[lo] == 0x20 || text[lo] == 0x0A) { break }
            if b == 0x20 && lo >= 5 && text[lo - 5] >= 0xF0 && text[lo - 5] <= 0xF4 { break }
            lo -= 1
        }
        while lo < n && UTF8Classes.isContinuation(text[lo]) { lo += 1 }
        var hi = o
        let hiLimit = RelationalText.ahead(o, sentenceRadius, in: text)
        while hi < hiLimit {
            let b = text[hi]
            if b == 0x0A { break }
            if (b == 0x2E || b == 0x21 || b == 0x3F) && (hi + 1 == n || text[hi + 1] == 0x20 || text[hi + 1] == 0x0A) {
                hi += 1
                break
            }
            if b >= 0xF0 && b <= 0xF4 && hi + 4 < n && text[hi + 4] == 0x20 { hi += 4; break }
            hi += 1
        }
        while hi < n && hi > lo && UTF8Classes.isContinuation(text[hi]) { hi += 1 }
        return lo..<max(lo, hi)
    }

    static func line(around offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let n = text.count
        let o = min(max(0, offset), n)
        var lo = o
        let loLimit = RelationalText.back(o, sentenceRadius, in: text), hiLimit = RelationalText.ahead(o, sentenceRadius, in: text)
        while lo > loLimit && text[lo - 1] != 0x0A { lo -= 1 }
        while lo < n && UTF8Classes.isContinuation(text[lo]) { lo += 1 }
        var hi = o
        while hi < hiLimit && text[hi] != 0x0A { hi += 1 }
        while hi < n && hi > lo && UTF8Classes.isContinuation(text[hi]) { hi += 1 }
        return lo..<max(lo, hi)
    }
}
