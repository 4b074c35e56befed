/// Directions to a house, as posts give them to visitors and couriers: "từ chợ Hòa Phước chạy vô
/// ⟦đường bê tông cạnh trạm y tế xã chừng 200m, nhà thứ 3 bên trái, cổng sắt xanh⟧", "rẽ trái,
/// ⟦nhà thứ 3 có cổng sắt xanh, sát ao làng⟧". They find the house as surely as its number
/// would (the corpus labels them `home_address`). Read around the shared keyword "nhà thứ".
enum HouseDirections {
    /// Words that set off along the way; the directions proper start after the last one.
    static let movements = NameTable(["vô", "vào", "rẽ", "quẹo", "queo"])
    /// Words that say where on the way the house stands.
    static let wayWords = NameTable(["vô", "vào", "rẽ", "quẹo", "queo", "chạy", "đi", "qua", "từ", "cách", "đầu", "cuối"])
    static let sides = NamePairTable(["bên trái", "bên phải", "tay trái", "tay phải", "phía trái", "phía phải"])
    static let sideWords = NameTable(["trái", "phải"])
    static let gate = NameTable(["cổng"])
    /// "thứ ba", "thứ 3": the ordinal after "nhà thứ".
    static let ordinals = NameTable(["hai", "ba", "tư", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "nhất"])

    /// The directions around the "nhà thứ" at `cue`: from after the last movement word before it
    /// on its line and sentence ("vô", "vào", "rẽ trái,") to the end of the sentence, a closing
    /// bracket or the line. Nil without an ordinal, or when nothing around says it is a way
    /// ("nhà thứ hai của anh ấy" is a second house, not directions).
    static func span(at cue: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let o = ProseText.skipSpaces(from: cue.upperBound, in: text)
        guard o > cue.upperBound, o < text.count else { return nil }
        var ordinalEnd = ProseText.digitsEnd(from: o, in: text)
        if ordinalEnd == o {
            ordinalEnd = ProseText.wordEnd(from: o, in: text, limit: 12)
            guard ordinalEnd > o, ordinals.contains(NameKey.of(text, o, ordinalEnd)) else { return nil }
        } else if ordinalEnd - o > 2 {
            return nil
        }
        let end = Self.end(after: ordinalEnd, in: text)
        let lineStart = ProseText.lineStart(cue.lowerBound, in: text, limit: 240)
        var lo = max(lineStart, RelationalText.back(cue.lowerBound, 120, in: text))
        // Only this sentence: after the last ". " before the cue.
        var k = cue.lowerBound
        while k > lo + 1 {
            if text[k - 2] == UInt8(ascii: ".") && text[k - 1] == 0x20 { lo = k; break }
            k -= 1
        }
        let before = RelationalText.KeyedWords(text, lo..<cue.lowerBound)
        let after = RelationalText.KeyedWords(text, ordinalEnd..<end)
        let onTheWay = before.keys.contains { wayWords.contains($0) }
        let side = after.keys.indices.contains { i in
            gate.contains(after.keys[i]) || (i + 1 < after.keys.count && sides.contains(after.keys[i], after.keys[i + 1]))
        }
        guard onTheWay || side else { return nil }
        var start = cue.lowerBound
        if let m = before.keys.indices.last(where: { movements.contains(before.keys[$0]) }) {
            var next = m + 1
            // "rẽ trái, nhà thứ 3": the turn is the way, the house comes after it.
            if next < before.keys.count && sideWords.contains(before.keys[next]) { next += 1 }
            if next < before.keys.count { start = before.starts[next] }
        }
        return start..<end
    }

    /// The end of the directions: a full stop before a space, a closing bracket or the line's
    /// end, within 160 characters.
    private static func end(after i: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        let limit = RelationalText.ahead(i, 160, in: text)
        var j = i
        while j < limit {
            let b = text[j]
            if b == 0x0A || b == UInt8(ascii: ")") { break }
            if (b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?"))
                && (j + 1 == text.count || text[j + 1] == 0x20 || text[j + 1] == 0x0A) { break }
            j += 1
        }
        while j > i && (text[j - 1] == 0x20 || text[j - 1] == UInt8(ascii: ",")) { j -= 1 }
        return j
    }
}
