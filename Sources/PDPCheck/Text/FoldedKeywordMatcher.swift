/// A keyword found by the FoldedKeywordMatcher: which entry, and where in the source bytes.
/// Stored as 32-bit values: a post yields a hit every few dozen bytes, and half the size is
/// half the memory the hit lists and their per-topic buckets touch.
public struct KeywordHit: Sendable, Hashable {
    private var entry32: Int32
    private var start32: Int32
    private var end32: Int32

    public init(entry: Int, start: Int, end: Int) {
        entry32 = Int32(truncatingIfNeeded: entry)
        start32 = Int32(truncatingIfNeeded: start)
        end32 = Int32(truncatingIfNeeded: end)
    }

    /// Index into the lexicon's entries.
    public var entry: Int {
        get { Int(entry32) }
        set { entry32 = Int32(truncatingIfNeeded: newValue) }
    }
    public var start: Int {
        get { Int(start32) }
        set { start32 = Int32(truncatingIfNeeded: newValue) }
    }
    public var end: Int {
        get { Int(end32) }
        set { end32 = Int32(truncatingIfNeeded: newValue) }
    }
}

/// Finds whole-word keywords in UTF-8 text in one pass, ignoring case and diacritics and
/// reading NFC and NFD alike: the text is folded on the fly ("Ung Thư", "ung thu",
/// "Ung Thu\u{031B}" all read `ung thu`) and fed to an Aho-Corasick automaton over 37 symbols
/// (a–z, 0–9, word break). No normalization of the document, no allocation per byte.
///
/// Speed: the byte loop is bound by the chain of transition loads, so the table is kept
/// small and its hot part dense. States are numbered breadth-first (the shallow states every
/// word passes through come first) and stored column by column as 16-bit numbers:
/// `next[symbol × stateCount + state]`. The column offset depends only on the symbol, so the
/// chain is one load, no multiply, and the states near the root of all 37 columns fit in L1.
public struct FoldedKeywordMatcher: Sendable {
    static let alphabet = 37
    static let breakSymbol: UInt8 = 36
    /// Longest keyword, with its two breaks, that the offset ring can map back.
    static let maxKeywordLength = 60

    /// Column-major transitions, 16-bit while the state count allows (it is a few thousand),
    /// 32-bit otherwise.
    private enum Transitions {
        case narrow([UInt16])
        case wide([UInt32])
    }

    private let transitions: Transitions
    let stateCount: Int
    /// The state after the virtual break before the text.
    private let initialState: Int
    private let outputStart: [Int32]    // state → first index into outputs (count+1 entries)
    private let outputs: [Int32]        // entry indices, including those of suffix states
    private let wordCounts: [Int]       // per entry: words in the pattern

    /// - Parameter keywords: folded keywords (lowercase ASCII letters and digits, single spaces).
    public init(keywords: [String]) {
        let alphabet = Self.alphabet
        // The trie, node-major and flat (one allocation, not one per node); -1 is no child.
        var trie = [Int32](repeating: -1, count: alphabet)
        var terminal: [[Int32]] = [[]]
        var wordCounts: [Int] = []
        wordCounts.reserveCapacity(keywords.count)
        for (index, keyword) in keywords.enumerated() {
            // Breaks on both sides make every hit a whole-word hit.
            let symbols = [Self.breakSymbol] + Self.symbols(of: keyword) + [Self.breakSymbol]
            let words = symbols.filter { $0 == Self.breakSymbol }.count - 1
            wordCounts.append(words)
            guard symbols.count <= Self.maxKeywordLength, symbols.count > 2, words <= Self.wordRing else { continue }
            var state = 0
            for s in symbols {
                let slot = state * alphabet + Int(s)
                if trie[slot] < 0 {
                    trie[slot] = Int32(terminal.count)
                    trie.append(contentsOf: repeatElement(-1, count: alphabet))
                    terminal.append([])
                }
                state = Int(trie[slot])
            }
            terminal[state].append(Int32(index))
        }
        let count = terminal.count
        if count <= Int(UInt16.max) + 1 {
            let built = Self.automaton(UInt16.self, trie: trie, terminal: terminal)
            transitions = .narrow(built.columns)
            (outputStart, outputs) = (built.outputStart, built.outputs)
            initialState = Int(built.columns[Int(Self.breakSymbol) * count])
        } else {
            let built = Self.automaton(UInt32.self, trie: trie, terminal: terminal)
            transitions = .wide(built.columns)
            (outputStart, outputs) = (built.outputStart, built.outputs)
            initialState = Int(built.columns[Int(Self.breakSymbol) * count])
        }
        stateCount = count
        self.wordCounts = wordCounts
    }

    /// The full transition table, column-major, with states numbered breadth-first as they are
    /// reached, and each state's outputs (its own and those of its failure chain). One pass:
    /// a state's failure state is shallower, so its column entries and outputs are final by
    /// the time the state is dequeued.
    private static func automaton<T: FixedWidthInteger & UnsignedInteger>(
        _: T.Type, trie: [Int32], terminal: [[Int32]]
    ) -> (columns: [T], outputStart: [Int32], outputs: [Int32]) {
        let alphabet = Self.alphabet
        let count = terminal.count
        var columns = [T](repeating: 0, count: count * alphabet)
        var order: [Int32] = [0]              // new number → trie node
        order.reserveCapacity(count)
        var fail = [Int32](repeating: 0, count: count)   // by new number
        var outputStart: [Int32] = []
        outputStart.reserveCapacity(count + 1)
        var outputs: [Int32] = []
        var head = 0
        while head < order.count {
            let state = head
            let node = Int(order[head])
            head += 1
            let failState = Int(fail[state])
            // Outputs: the state's own, then its failure state's (already complete).
            outputStart.append(Int32(outputs.count))
            outputs += terminal[node]
            if state != 0 {
                // failState < state, so its range is closed by the next state's start.
                let from = Int(outputStart[failState]), to = Int(outputStart[failState + 1])
                if from < to { outputs += Array(outputs[from..<to]) }
            }
            for s in 0..<alphabet {
                let child = trie[node * alphabet + s]
                // From the root, a missing child loops back to the root.
                let viaFail: T = state == 0 ? 0 : columns[s * count + failState]
                if child >= 0 {
                    let number = order.count
                    order.append(child)
                    fail[number] = state == 0 ? 0 : Int32(viaFail)
                    columns[s * count + state] = T(number)
                } else {
                    columns[s * count + state] = viaFail
                }
            }
        }
        outputStart.append(Int32(outputs.count))
        return (columns, outputStart, outputs)
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

    /// Finds every keyword, whole words only, in the order their ends are reached (at the
    /// same end, longer keywords first).
    public func hits(in text: UnsafeBufferPointer<UInt8>) -> [KeywordHit] {
        // Hits store 32-bit offsets. The scanner never hands over more than 256 MB of text; a
        // caller that does gets the hits of the first 2 GiB.
        let text = UnsafeBufferPointer(rebasing: text[..<min(text.count, Int(Int32.max) - 1)])
        switch transitions {
        case .narrow(let next): return next.withUnsafeBufferPointer { hits(in: text, next: $0) }
        case .wide(let next): return next.withUnsafeBufferPointer { hits(in: text, next: $0) }
        }
    }

    /// One folded character at `i`: its symbol and byte length. Valid 2- and 3-byte sequences
    /// are looked up; 4-byte characters (emoji) and malformed bytes are a break, one byte at a
    /// time (their continuation bytes land here one by one).
    @inline(__always) private static func character(at i: Int, in text: UnsafeBufferPointer<UInt8>,
                                                    fold: UnsafeBufferPointer<UInt8>) -> (symbol: UInt8, length: Int) {
        let n = text.count
        let b = text[i]
        if b < 0x80 { return (fold[Int(b)], 1) }
        if b >= 0xC2 && b <= 0xDF, i + 1 < n, text[i + 1] & 0xC0 == 0x80 {
            return (fold[Int(b & 0x1F) << 6 | Int(text[i + 1] & 0x3F)], 2)
        }
        if b >= 0xE0 && b <= 0xEF, i + 2 < n, text[i + 1] & 0xC0 == 0x80, text[i + 2] & 0xC0 == 0x80 {
            return (fold[Int(b & 0x0F) << 12 | Int(text[i + 1] & 0x3F) << 6 | Int(text[i + 2] & 0x3F)], 3)
        }
        return (breakSymbol, 1)
    }

    /// Outputs can only fire on a break (every pattern ends with one), so a letter costs one
    /// table step. Two loops, one between words and one inside a word, instead of an
    /// in-word flag: a run of breaks (or marks before a word) is one break; a mark inside a
    /// word is skipped. Word starts are remembered per word, not per symbol, to map a hit back
    /// to its first byte. State lives in locals (no closure captures them) to stay in registers.
    @inline(__always)
    private func hits<T: FixedWidthInteger & UnsignedInteger>(in text: UnsafeBufferPointer<UInt8>,
                                                              next: UnsafeBufferPointer<T>) -> [KeywordHit] {
        var found: [KeywordHit] = []
        var wordStarts = [Int](repeating: 0, count: Self.wordRing)
        FoldedSymbolTable.bmp.withUnsafeBufferPointer { fold in
            wordStarts.withUnsafeMutableBufferPointer { wordStarts in
                let n = text.count
                let states = stateCount
                let breakSymbol = Self.breakSymbol
                let breakColumn = Int(breakSymbol) * states
                let mark = FoldedSymbolTable.mark
                var words = 0
                var state = initialState
                var i = 0
                while i < n {
                    var (symbol, length) = Self.character(at: i, in: text, fold: fold)
                    if symbol >= breakSymbol {
                        i &+= length
                        continue
                    }
                    // A word begins.
                    wordStarts[words & (Self.wordRing - 1)] = i
                    words &+= 1
                    state = Int(next[Int(symbol) &* states &+ state])
                    i &+= length
                    while i < n {
                        (symbol, length) = Self.character(at: i, in: text, fold: fold)
                        if symbol < breakSymbol {
                            state = Int(next[Int(symbol) &* states &+ state])
                            if state == 0 {
                                // Back at the root inside a word: every keyword starts at a
                                // break, so none can match before this word ends. Its rest is
                                // skipped without table steps.
                                i &+= length
                                while i < n {
                                    (symbol, length) = Self.character(at: i, in: text, fold: fold)
                                    if symbol >= breakSymbol && symbol != mark { break }
                                    i &+= length
                                }
                                break
                            }
                        } else if symbol != mark {
                            break
                        }
                        i &+= length
                    }
                    // The word ends at `i`: a break character, or the end of the text.
                    state = Int(next[breakColumn &+ state])
                    if outputStart[state] < outputStart[state &+ 1] {
                        appendHits(state: state, words: words, end: i, wordStarts: wordStarts, to: &found)
                    }
                    i &+= length
                }
            }
        }
        return found
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
