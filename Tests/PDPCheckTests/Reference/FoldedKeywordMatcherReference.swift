@testable import PDPCheck

// The keyword matcher as it was before the 16-bit, breadth-first, column-major table and the
// two-loop scan (main at dbb00a5), kept verbatim but for its name: the equality tests compare
// the new matcher's hits with these, hit for hit and in order. Not used by the library.

/// Finds whole-word keywords in UTF-8 text in one pass, ignoring case and diacritics and
/// reading NFC and NFD alike: the text is folded on the fly ("Ung Thư", "ung thu",
/// "Ung Thu\u{031B}" all read `ung thu`) and fed to an Aho-Corasick automaton over 37 symbols
/// (a–z, 0–9, word break). No normalization of the document, no allocation per byte.
struct FoldedKeywordMatcherReference: Sendable {
    static let alphabet = 37
    static let breakSymbol: UInt8 = 36
    /// Longest keyword, with its two breaks, that the offset ring can map back.
    static let maxKeywordLength = 60

    /// Full DFA, premultiplied: `rows[row + symbol]` is the next state's row (state × alphabet),
    /// so the byte loop's dependency chain is one load, no multiply.
    private let rows: [Int32]
    private let outputStart: [Int32]    // state → first index into outputs (count+1 entries)
    private let outputs: [Int32]        // entry indices, including those of suffix states
    private let wordCounts: [Int]       // per entry: words in the pattern

    /// - Parameter keywords: folded keywords (lowercase ASCII letters and digits, single spaces).
    init(keywords: [String]) {
        var trie: [[Int32]] = [[Int32](repeating: -1, count: Self.alphabet)]
        var terminal: [[Int32]] = [[]]
        var wordCounts: [Int] = []
        for (index, keyword) in keywords.enumerated() {
            // Breaks on both sides make every hit a whole-word hit.
            let symbols = [Self.breakSymbol] + Self.symbols(of: keyword) + [Self.breakSymbol]
            let words = symbols.filter { $0 == Self.breakSymbol }.count - 1
            wordCounts.append(words)
            guard symbols.count <= Self.maxKeywordLength, symbols.count > 2, words <= Self.wordRing else { continue }
            var state = 0
            for s in symbols {
                if trie[state][Int(s)] < 0 {
                    trie[state][Int(s)] = Int32(trie.count)
                    trie.append([Int32](repeating: -1, count: Self.alphabet))
                    terminal.append([])
                }
                state = Int(trie[state][Int(s)])
            }
            terminal[state].append(Int32(index))
        }
        // Breadth-first: failure links, then the full transition table.
        let count = trie.count
        var fail = [Int32](repeating: 0, count: count)
        var table = [Int32](repeating: 0, count: count * Self.alphabet)
        var outputsPerState = terminal
        var queue: [Int] = []
        for s in 0..<Self.alphabet {
            let child = trie[0][s]
            if child >= 0 {
                fail[Int(child)] = 0
                table[s] = child
                queue.append(Int(child))
            } else {
                table[s] = 0
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            outputsPerState[state] += outputsPerState[Int(fail[state])]
            for s in 0..<Self.alphabet {
                let child = trie[state][s]
                let viaFail = table[Int(fail[state]) * Self.alphabet + s]
                if child >= 0 {
                    fail[Int(child)] = viaFail
                    table[state * Self.alphabet + s] = child
                    queue.append(Int(child))
                } else {
                    table[state * Self.alphabet + s] = viaFail
                }
            }
        }
        var starts: [Int32] = []
        var flat: [Int32] = []
        starts.reserveCapacity(count + 1)
        for state in 0..<count {
            starts.append(Int32(flat.count))
            flat += outputsPerState[state]
        }
        starts.append(Int32(flat.count))
        rows = table.map { $0 * Int32(Self.alphabet) }
        outputStart = starts
        outputs = flat
        self.wordCounts = wordCounts
    }

    static func symbols(of folded: String) -> [UInt8] {
        var out: [UInt8] = []
        for b in folded.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): out.append(b - UInt8(ascii: "a"))
            case UInt8(ascii: "0")...UInt8(ascii: "9"): out.append(26 + b - UInt8(ascii: "0"))
            default: if out.last != breakSymbol && !out.isEmpty { out.append(breakSymbol) }
            }
        }
        while out.last == breakSymbol { out.removeLast() }
        return out
    }

    /// Finds every keyword, whole words only. Outputs can only fire on a break (every pattern
    /// ends with one), so a letter costs one table step; word starts are remembered per word,
    /// not per symbol, to map a hit back to its first byte. The loop keeps its state in locals
    /// (no closures capture them) so it stays in registers.
    func hits(in text: UnsafeBufferPointer<UInt8>) -> [KeywordHit] {
        // Hits store 32-bit offsets. The scanner never hands over more than 256 MB of text; a
        // caller that does gets the hits of the first 2 GiB.
        let text = UnsafeBufferPointer(rebasing: text[..<min(text.count, Int(Int32.max) - 1)])
        var found: [KeywordHit] = []
        var wordStarts = [Int](repeating: 0, count: Self.wordRing)
        rows.withUnsafeBufferPointer { rows in
            FoldedSymbolTable.bmp.withUnsafeBufferPointer { fold in
                wordStarts.withUnsafeMutableBufferPointer { wordStarts in
                    let n = text.count
                    let alphabet = Self.alphabet
                    let breakSymbol = Self.breakSymbol
                    let breakIndex = Int(breakSymbol)
                    let mark = FoldedSymbolTable.mark
                    var words = 0
                    // A virtual break before the text lets the first word match.
                    var row = Int(rows[breakIndex])
                    var inWord = false
                    var i = 0
                    while i < n {
                        let b = text[i]
                        let symbol: UInt8
                        var length = 1
                        if b < 0x80 {
                            symbol = fold[Int(b)]
                        } else if b >= 0xC2 && b <= 0xDF, i + 1 < n, text[i + 1] & 0xC0 == 0x80 {
                            symbol = fold[Int(b & 0x1F) << 6 | Int(text[i + 1] & 0x3F)]
                            length = 2
                        } else if b >= 0xE0 && b <= 0xEF, i + 2 < n, text[i + 1] & 0xC0 == 0x80,
                                  text[i + 2] & 0xC0 == 0x80 {
                            symbol = fold[Int(b & 0x0F) << 12 | Int(text[i + 1] & 0x3F) << 6 | Int(text[i + 2] & 0x3F)]
                            length = 3
                        } else {
                            // 4-byte characters (emoji) and malformed bytes break words; their
                            // continuation bytes land here one by one.
                            symbol = breakSymbol
                        }
                        if symbol < breakSymbol {
                            if !inWord {
                                wordStarts[words & (Self.wordRing - 1)] = i
                                words &+= 1
                                inWord = true
                            }
                            row = Int(rows[row &+ Int(symbol)])
                        } else if symbol != mark && inWord {
                            row = Int(rows[row &+ breakIndex])
                            inWord = false
                            let state = row / alphabet
                            if hasOutput(state) {
                                appendHits(state: state, words: words, end: i, wordStarts: wordStarts, to: &found)
                            }
                        }
                        i &+= length
                    }
                    if inWord {
                        row = Int(rows[row &+ breakIndex])
                        let state = row / alphabet
                        if hasOutput(state) {
                            appendHits(state: state, words: words, end: n, wordStarts: wordStarts, to: &found)
                        }
                    }
                }
            }
        }
        return found
    }

    @inline(__always) private func hasOutput(_ state: Int) -> Bool {
        outputStart[state] < outputStart[state + 1]
    }

    private func appendHits(state: Int, words: Int, end: Int, wordStarts: UnsafeMutableBufferPointer<Int>,
                            to found: inout [KeywordHit]) {
        for k in Int(outputStart[state])..<Int(outputStart[state + 1]) {
            let entry = Int(outputs[k])
            let startWord = words - wordCounts[entry]
            guard startWord >= 0, words - startWord <= Self.wordRing else { continue }
            found.append(KeywordHit(entry: entry, start: wordStarts[startWord & (Self.wordRing - 1)], end: end))
        }
    }

    /// Words remembered for mapping hits back; longer keywords are not built.
    private static let wordRing = 32
}
