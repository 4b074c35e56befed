/// A keyword found by the FoldedKeywordMatcher: which entry, and where in the source bytes.
public struct KeywordHit: Sendable, Hashable {
    /// Index into the lexicon's entries.
    public var entry: Int
    public var start: Int
    public var end: Int
}

/// Finds whole-word keywords in UTF-8 text in one pass, ignoring case and diacritics and
/// reading NFC and NFD alike: the text is folded on the fly ("Ung Thư", "ung thu",
/// "Ung Thu\u{031B}" all read `ung thu`) and fed to an Aho-Corasick automaton over 37 symbols
/// (a–z, 0–9, word break). No normalization of the document, no allocation per byte.
public struct FoldedKeywordMatcher: Sendable {
    static let alphabet = 37
    static let breakSymbol: UInt8 = 36
    /// Longest keyword, with its two breaks, that the offset ring can map back.
    static let maxKeywordLength = 60
    private static let ringSize = 64

    private let next: [Int32]           // state × alphabet → state (full DFA)
    private let outputStart: [Int32]    // state → first index into outputs (count+1 entries)
    private let outputs: [Int32]        // entry indices, including those of suffix states
    private let lengths: [Int]          // per entry: symbols in the pattern, breaks included

    /// - Parameter keywords: folded keywords (lowercase ASCII letters and digits, single spaces).
    public init(keywords: [String]) {
        var trie: [[Int32]] = [[Int32](repeating: -1, count: Self.alphabet)]
        var terminal: [[Int32]] = [[]]
        var lengths: [Int] = []
        for (index, keyword) in keywords.enumerated() {
            // Breaks on both sides make every hit a whole-word hit.
            let symbols = [Self.breakSymbol] + Self.symbols(of: keyword) + [Self.breakSymbol]
            lengths.append(symbols.count)
            guard symbols.count <= Self.maxKeywordLength, symbols.count > 2 else { continue }
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
        next = table
        outputStart = starts
        outputs = flat
        self.lengths = lengths
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

    /// ASCII byte → symbol; 255 = not a letter or digit (a break); 254 = not ASCII.
    private static let asciiSymbol: [UInt8] = {
        var t = [UInt8](repeating: 255, count: 256)
        for b in 0..<26 {
            t[Int(UInt8(ascii: "a")) + b] = UInt8(b)
            t[Int(UInt8(ascii: "A")) + b] = UInt8(b)
        }
        for d in 0..<10 { t[Int(UInt8(ascii: "0")) + d] = UInt8(26 + d) }
        for b in 0x80..<0x100 { t[b] = 254 }
        return t
    }()

    public func hits(in text: UnsafeBufferPointer<UInt8>) -> [KeywordHit] {
        var found: [KeywordHit] = []
        // Source offset where each of the last `ringSize` symbols began.
        var ring = [Int](repeating: 0, count: Self.ringSize)
        var fed = 0
        var state = 0
        var lastWasBreak = false
        let n = text.count
        let mask = Self.ringSize - 1

        func feed(_ symbol: UInt8, at offset: Int, into found: inout [KeywordHit]) {
            ring[fed & mask] = offset
            fed += 1
            state = Int(next[state * Self.alphabet + Int(symbol)])
            let first = Int(outputStart[state]), last = Int(outputStart[state + 1])
            guard first < last else { return }
            for k in first..<last {
                let entry = Int(outputs[k])
                let length = lengths[entry]
                // The pattern ends with a break fed at `offset`; its first letter is the
                // symbol after its leading break.
                let startIndex = fed - length + 1
                found.append(KeywordHit(entry: entry, start: ring[startIndex & mask], end: offset))
            }
        }

        // A virtual break before the text lets the first word match.
        feed(Self.breakSymbol, at: 0, into: &found)
        lastWasBreak = true
        var i = 0
        while i < n {
            let b = text[i]
            var symbol = Self.asciiSymbol[Int(b)]
            var length = 1
            if symbol == 254 {
                length = UTF8Classes.sequenceLength(b)
                if let scalar = UTF8Classes.decodeScalar(at: i, in: text) {
                    switch VietnameseFolding.fold(scalar.value) {
                    case .letter(let c):
                        symbol = Self.asciiSymbol[Int(c)]
                        // A letter we cannot spell in ASCII (ø, þ…) stays 255: it breaks words.
                    case .mark:
                        i += length
                        continue
                    case .other:
                        symbol = 255
                    }
                } else {
                    symbol = 255
                    length = 1
                }
            }
            if symbol == 255 {
                if !lastWasBreak {
                    feed(Self.breakSymbol, at: i, into: &found)
                    lastWasBreak = true
                }
            } else {
                feed(symbol, at: i, into: &found)
                lastWasBreak = false
            }
            i += length
        }
        if !lastWasBreak { feed(Self.breakSymbol, at: n, into: &found) }
        return found
    }
}
