/// The words that lead up to a match, folded for keyword lookup.
///
/// A keyword names the number that follows it, so the window stops where another statement
/// starts: at a sentence end, at an earlier number (3+ digits), or at a line break, except
/// that a line holding only a label ("Số CCCD:") still names the number on the next line.
enum ContextWindow {
    static let maxBytes = 64

    static func before(_ start: Int, in text: UnsafeBufferPointer<UInt8>, floor: Int = 0) -> [UInt8] {
        var i = start
        // Skip the whitespace (and one line break) right before the match.
        var crossedNewline = false
        while i > 0 {
            let b = text[i - 1]
            if b == 0x20 || b == 0x09 || b == 0x0D { i -= 1; continue }
            if b == 0x0A && !crossedNewline { crossedNewline = true; i -= 1; continue }
            break
        }
        let end = i
        guard end > floor else { return [] }
        var lower = max(floor, end - maxBytes)
        var digitRun = 0
        var j = end
        while j > lower {
            let b = text[j - 1]
            if b == 0x0A { lower = j; break }
            if UTF8Classes.isDigit(b) {
                digitRun += 1
                if digitRun >= 3 {
                    lower = j + digitRun - 1
                    break
                }
            } else {
                digitRun = 0
            }
            // ". ", "! ", "? " end a sentence.
            if (b == 0x2E || b == 0x21 || b == 0x3F) && j < end && (text[j] == 0x20 || text[j] == 0x0A) {
                lower = j
                break
            }
            j -= 1
        }
        while lower < end && UTF8Classes.isContinuation(text[lower]) { lower += 1 }
        guard lower < end else { return [] }
        return VietnameseFolding.foldedASCII(text, lower..<end)
    }

    /// When a full stop comes right before the number ("…chuyển khoản giúp em. 0905…"), the
    /// words before it belong to the previous sentence, unless the last word is itself the
    /// label ("Tel. 0905…", "ĐT. 0905…").
    /// `floor`: the window starts no earlier (a table cell's start).
    static func nearestLabel(before start: Int, in text: UnsafeBufferPointer<UInt8>, floor: Int = 0) -> ContextLabel? {
        let folded = before(start, in: text, floor: floor)
        guard !folded.isEmpty else { return nil }
        var last = start
        while last > 0 && (text[last - 1] == 0x20 || text[last - 1] == 0x0A || text[last - 1] == 0x0D) { last -= 1 }
        let afterFullStop = last > 0 && [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(text[last - 1])
        return ContextKeywordTable.shared.nearestLabel(in: folded, lastWordOnly: afterFullStop)
    }
}
