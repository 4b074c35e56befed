/// A forward trie of folded phrases (lowercase ASCII letters and digits, single spaces), read
/// straight off UTF-8 text that follows a number: "0011001234567 Vietcombank", "… - Ngân hàng
/// ACB", "1.250.000 đồng". Folds on the fly (NFC, NFD and unaccented text read alike) and
/// stops at the first byte that leaves the trie, so a miss costs one or two bytes.
struct FoldedPhraseTrie: Sendable {
    /// Symbols: a–z, 0–9, space.
    private static let alphabet = 37
    private static let space = 36
    private let children: [Int32]
    private let terminal: [Bool]

    init(_ phrases: [String]) {
        var children = [Int32](repeating: -1, count: Self.alphabet)
        var terminal = [false]
        for phrase in phrases {
            var node = 0
            for b in phrase.utf8 {
                guard let s = Self.symbol(b) else { continue }
                let slot = node * Self.alphabet + s
                if children[slot] < 0 {
                    children[slot] = Int32(terminal.count)
                    terminal.append(false)
                    children.append(contentsOf: repeatElement(-1, count: Self.alphabet))
                }
                node = Int(children[slot])
            }
            if node != 0 { terminal[node] = true }
        }
        self.children = children
        self.terminal = terminal
    }

    @inline(__always) private static func symbol(_ b: UInt8) -> Int? {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(b - UInt8(ascii: "a"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return 26 + Int(b - UInt8(ascii: "0"))
        case 0x20: return space
        default: return nil
        }
    }

    /// What may stand between the number and the phrase.
    enum Gap {
        /// Spaces only (a currency word after an amount).
        case spaces
        /// Spaces, one line break and light punctuation: `-`, `–`, `(`, `:`, `,`, `/`, `|`.
        case punctuation
    }

    /// Whether a phrase of the trie, ending on a word edge, begins within a few bytes of `start`.
    func matchesPhrase(in text: UnsafeBufferPointer<UInt8>, after start: Int, gap: Gap, maxGap: Int = 6) -> Bool {
        phraseEnd(in: text, after: start, gap: gap, maxGap: maxGap) != nil
    }

    /// Where the first phrase of the trie that begins within a few bytes of `start` and ends
    /// on a word edge ends (the byte after its last letter).
    func phraseEnd(in text: UnsafeBufferPointer<UInt8>, after start: Int, gap: Gap, maxGap: Int = 6) -> Int? {
        let n = text.count
        var p = max(0, start)
        // The gap.
        var newlines = 0
        while p < n && p - start <= maxGap {
            let b = text[p]
            if b == 0x20 || b == 0x09 { p += 1; continue }
            if gap == .spaces { break }
            if b == 0x0A || b == 0x0D {
                if b == 0x0A { newlines += 1 }
                if newlines > 1 { return nil }
                p += 1
                continue
            }
            if b == UInt8(ascii: "-") || b == UInt8(ascii: "(") || b == UInt8(ascii: ":") || b == UInt8(ascii: ",")
                || b == UInt8(ascii: "/") || b == UInt8(ascii: "|") {
                p += 1
                continue
            }
            // En and em dashes.
            if b == 0xE2 && p + 2 < n && text[p + 1] == 0x80 && (text[p + 2] == 0x93 || text[p + 2] == 0x94) {
                p += 3
                continue
            }
            break
        }
        guard p < n && p - start <= maxGap + 2 else { return nil }
        // The phrase, folded as it is read; a mark belongs to the letter before it.
        var node = 0
        var pendingSpace = false
        var wordEnd = p
        let limit = min(n, p + 64)
        while p < limit {
            let b = text[p]
            let length = b < 0x80 ? 1 : UTF8Classes.sequenceLength(b)
            let folded: VietnameseFolding.Folded
            if b < 0x80 {
                folded = VietnameseFolding.fold(UInt32(b))
            } else if let s = UTF8Classes.decodeScalar(at: p, in: text) {
                folded = VietnameseFolding.fold(s.value)
            } else {
                folded = .other
            }
            switch folded {
            case .mark:
                if node != 0 && !pendingSpace { wordEnd = p + length }
            case .letter(let c):
                guard let s = Self.symbol(c) else { return nil }
                if pendingSpace {
                    let next = children[node * Self.alphabet + Self.space]
                    if next < 0 { return nil }
                    node = Int(next)
                    pendingSpace = false
                }
                let next = children[node * Self.alphabet + s]
                if next < 0 { return nil }
                node = Int(next)
                wordEnd = p + length
            case .other:
                if node == 0 { return nil }
                if terminal[node] && !pendingSpace { return wordEnd }
                if b == 0x0A { return nil }
                pendingSpace = true
            }
            p += length
        }
        return p == n && terminal[node] && !pendingSpace ? wordEnd : nil
    }
}
