/// Where an object lives, as one cross-reference section says.
enum PDFXrefEntry: Hashable, Sendable {
    case free
    case offset(Int)
    /// Inside object stream `stream`, at position `index` of its header.
    case compressed(stream: Int, index: Int)
}

/// One cross-reference section: a classic `xref` table with its trailer, or an xref stream
/// (whose dictionary is the trailer). Each incremental update adds one, linked by /Prev.
struct PDFXrefSection: Sendable {
    var offset: Int
    var entries: [Int: PDFXrefEntry] = [:]
    var trailer = PDFDictionary()
    var isStream = false
    /// Where the section's bytes end (after the trailer dictionary or the stream object).
    var end: Int

    var prev: Int? { trailer.integer("Prev") }
}

/// Reads cross-reference sections. Counts are bounded by the bytes present, so a table that
/// claims a billion entries costs no more than the bytes it occupies.
enum PDFXrefParser {
    static let maxEntriesPerSection = 4_000_000
    static let maxXrefStreamBytes = 32 << 20

    static func malformed(_ message: String) -> ScanError {
        ScanError(code: "malformed", message: "PDF: \(message)")
    }

    static func section(at offset: Int, in bytes: [UInt8], findEndstream: (Int) -> Int?) throws(ScanError) -> PDFXrefSection {
        guard offset >= 0, offset < bytes.count else {
            throw malformed("cross-reference offset \(offset) is outside the file (\(bytes.count) bytes)")
        }
        var lexer = PDFLexer(bytes, position: offset)
        lexer.skipWhitespace()
        let start = lexer.position
        if case .keyword("xref")? = try? lexer.next() {
            var section = try table(in: bytes, from: lexer.position, offset: offset)
            if let streamOffset = section.trailer.integer("XRefStm"),
               let hidden = try? stream(at: streamOffset, in: bytes, findEndstream: findEndstream) {
                // Hybrid file: the xref stream lists the compressed objects the table marks free.
                for (number, entry) in hidden.entries {
                    switch section.entries[number] {
                    case nil, .free?: section.entries[number] = entry
                    default: break
                    }
                }
            }
            return section
        }
        return try stream(at: start, in: bytes, findEndstream: findEndstream)
    }

    /// A classic table: subsections of "offset generation n|f" entries, then "trailer << … >>".
    static func table(in bytes: [UInt8], from position: Int, offset: Int) throws(ScanError) -> PDFXrefSection {
        var lexer = PDFLexer(bytes, position: position)
        var section = PDFXrefSection(offset: offset, end: position)
        var total = 0
        var damaged = false
        subsections: while true {
            let save = lexer.position
            let token = (try? lexer.next()) ?? .end
            switch token {
            case .keyword("trailer"):
                break subsections
            case .integer(var first):
                guard case .integer(let count)? = try? lexer.next(), first >= 0, count >= 0 else {
                    damaged = true
                    break subsections
                }
                // Each entry takes at least 6 bytes ("0 0 n "); a count the bytes cannot hold is a lie.
                let possible = (bytes.count - lexer.position) / 6 + 1
                let wanted = min(count, possible)
                for k in 0..<wanted {
                    guard case .integer(let value)? = try? lexer.next(),
                          case .integer(let generation)? = try? lexer.next(),
                          case .keyword(let kind)? = try? lexer.next(), kind == "n" || kind == "f" else {
                        damaged = true
                        break subsections
                    }
                    // Some writers number the first subsection from 1 although it starts with object 0.
                    if k == 0, first == 1, kind == "f", generation == 65535, value == 0 { first = 0 }
                    let number = first + k
                    total += 1
                    guard total <= maxEntriesPerSection else {
                        throw ScanError(code: "limit-exceeded", message: "PDF: more than \(maxEntriesPerSection) cross-reference entries in one section")
                    }
                    if section.entries[number] == nil {
                        section.entries[number] = kind == "n" && value > 0 ? .offset(value) : .free
                    }
                }
            default:
                lexer.position = save
                damaged = true
                break subsections
            }
        }
        if damaged {
            // Look for the trailer a little further on; a table that breaks off is still useful.
            guard let t = PDFBytes.find(Array("trailer".utf8), in: bytes, from: lexer.position,
                                        to: min(bytes.count, lexer.position + (1 << 20))) else {
                throw malformed("cross-reference table at byte \(offset) is damaged and has no trailer")
            }
            lexer.position = t + 7
        }
        var parser = PDFObjectParser(bytes, position: lexer.position)
        guard case .dictionary(let trailer) = try parser.parseObject() else {
            throw malformed("the trailer after the cross-reference table at byte \(offset) is not a dictionary")
        }
        section.trailer = trailer
        section.end = parser.position
        return section
    }

    /// An xref stream object: `/Type /XRef`, `/W [a b c]`, optional `/Index`, usually Flate
    /// with a PNG predictor.
    static func stream(at offset: Int, in bytes: [UInt8], findEndstream: (Int) -> Int?) throws(ScanError) -> PDFXrefSection {
        var parser = PDFObjectParser(bytes, position: offset)
        let (_, object) = try parser.parseIndirectObject(length: { _ in nil }, findEndstream: findEndstream)
        guard case .stream(let stream) = object else {
            throw malformed("byte \(offset) holds neither a cross-reference table nor an xref stream")
        }
        let dictionary = stream.dictionary
        guard dictionary.name("Type") == "XRef" || (dictionary.name("Type") == nil && dictionary["W"] != nil) else {
            throw malformed("the object at byte \(offset) is not an xref stream")
        }
        guard let w = dictionary["W"]?.array?.compactMap(\.integer), w.count == 3, w.allSatisfy({ (0...8).contains($0) }) else {
            throw malformed("xref stream at byte \(offset) has a bad /W")
        }
        let filters = PDFStreamFilters.chain(dictionary, resolve: { $0 })
        let data = try PDFStreamFilters.decode(bytes[stream.dataRange], filters: filters, maxOutput: maxXrefStreamBytes).bytes
        let rowLength = w[0] + w[1] + w[2]
        var section = PDFXrefSection(offset: offset, trailer: dictionary, isStream: true, end: parser.position)
        guard rowLength > 0 else { return section }
        var ranges: [(Int, Int)] = []
        if let index = dictionary["Index"]?.array?.compactMap(\.integer), index.count >= 2 {
            var i = 0
            while i + 1 < index.count {
                ranges.append((index[i], index[i + 1]))
                i += 2
            }
        } else {
            ranges = [(0, dictionary.integer("Size") ?? data.count / rowLength)]
        }
        func field(_ at: Int, _ width: Int, default value: Int) -> Int {
            guard width > 0 else { return value }
            var v = 0
            for k in 0..<width { v = v &<< 8 | Int(data[at + k]) }
            return v
        }
        var row = 0
        let rows = data.count / rowLength
        for (first, count) in ranges where first >= 0 && count >= 0 {
            for k in 0..<count {
                guard row < rows, section.entries.count < maxEntriesPerSection else { return section }
                let at = row * rowLength
                row += 1
                let type = field(at, w[0], default: 1)
                let second = field(at + w[0], w[1], default: 0)
                let third = field(at + w[0] + w[1], w[2], default: 0)
                let number = first + k
                guard section.entries[number] == nil else { continue }
                switch type {
                case 0: section.entries[number] = .free
                case 1: section.entries[number] = second > 0 ? .offset(second) : .free
                case 2: if second >= 0 && third >= 0 { section.entries[number] = .compressed(stream: second, index: third) }
                default: break
                }
            }
        }
        return section
    }
}
