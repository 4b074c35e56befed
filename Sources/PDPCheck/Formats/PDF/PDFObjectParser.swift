/// Bounds on one parsed object, whatever the file claims.
struct PDFParseLimits: Sendable, Hashable {
    /// Arrays and dictionaries inside each other (ExifTool stops at 50).
    var maxDepth = 64
    /// Values in one object, all nesting levels together.
    var maxElements = 1_000_000
}

/// Parses PDF objects from tokens without recursion: containers live on an explicit stack
/// bounded by `maxDepth`, so hostile nesting ends in an error, never a stack overflow.
struct PDFObjectParser {
    var lexer: PDFLexer
    let limits: PDFParseLimits
    /// Values read so far by this parser (also after an error), for the caller's work budget.
    private(set) var elementsRead = 0

    init(_ bytes: [UInt8], position: Int, end: Int? = nil, limits: PDFParseLimits = PDFParseLimits()) {
        lexer = PDFLexer(bytes, position: position, end: end)
        self.limits = limits
    }

    var position: Int {
        get { lexer.position }
        set { lexer.position = newValue }
    }

    private struct Frame {
        var isDictionary: Bool
        var items: [PDFObject] = []
        var dictionary = PDFDictionary()
        var key: String?
    }

    /// Keywords that end an object: seeing one inside an open container means it was cut off.
    private static let structural: Set<String> = ["obj", "endobj", "stream", "endstream", "xref", "trailer", "startxref"]

    /// One direct object, containers included.
    mutating func parseObject() throws(ScanError) -> PDFObject {
        var stack: [Frame] = []
        var elements = 0
        defer { elementsRead += elements }
        while true {
            let tokenStart = lexer.position
            let token = try lexer.next()
            var value: PDFObject
            switch token {
            case .end:
                throw PDFLexer.malformed(stack.isEmpty ? "object expected at byte \(tokenStart), found the end of the data"
                                                       : "object cut off at byte \(tokenStart)")
            case .integer(let n):
                value = .integer(n)
                if n >= 0 {
                    let save = lexer.position
                    if case .integer(let g)? = try? lexer.next(), g >= 0, g <= 65535,
                       case .keyword("R")? = try? lexer.next() {
                        value = .reference(PDFRef(number: n, generation: g))
                    } else {
                        lexer.position = save
                    }
                }
            case .real(let d): value = .real(d)
            case .name(let n): value = .name(n)
            case .string(let s): value = .string(s)
            case .arrayOpen, .dictOpen:
                guard stack.count < limits.maxDepth else {
                    throw ScanError(code: "limit-exceeded",
                                    message: "PDF: arrays and dictionaries nested deeper than \(limits.maxDepth) at byte \(tokenStart)")
                }
                stack.append(Frame(isDictionary: token == .dictOpen))
                continue
            case .arrayClose, .dictClose:
                let closesDictionary = token == .dictClose
                guard let top = stack.last else {
                    throw PDFLexer.malformed("unexpected \(closesDictionary ? ">>" : "]") at byte \(tokenStart)")
                }
                // A stray closer of the other kind is skipped, as PDF viewers do.
                guard top.isDictionary == closesDictionary else { continue }
                stack.removeLast()
                value = top.isDictionary ? .dictionary(top.dictionary) : .array(top.items)
            case .braceOpen, .braceClose:
                continue  // PostScript calculator braces only occur inside streams
            case .keyword(let k):
                switch k {
                case "true": value = .bool(true)
                case "false": value = .bool(false)
                case "null": value = .null
                default:
                    if stack.isEmpty || PDFObjectParser.structural.contains(k) {
                        throw PDFLexer.malformed("unexpected \"\(k)\" at byte \(tokenStart)")
                    }
                    continue
                }
            }
            elements += 1
            guard elements <= limits.maxElements else {
                throw ScanError(code: "limit-exceeded", message: "PDF: more than \(limits.maxElements) values in one object")
            }
            let top = stack.count - 1
            if top < 0 { return value }
            if stack[top].isDictionary {
                if let key = stack[top].key {
                    stack[top].dictionary.set(key, value)
                    stack[top].key = nil
                } else if case .name(let key) = value {
                    stack[top].key = key
                }
                // A non-name in key position is dropped.
            } else {
                stack[top].items.append(value)
            }
        }
    }

    /// Reads "n g obj" at the current position.
    mutating func objectHeader() -> PDFRef? {
        guard case .integer(let n)? = try? lexer.next(), n >= 0,
              case .integer(let g)? = try? lexer.next(), g >= 0,
              case .keyword("obj")? = try? lexer.next() else { return nil }
        return PDFRef(number: n, generation: g)
    }

    /// An indirect object "n g obj … endobj" at the current position, with stream data located.
    /// - Parameters:
    ///   - length: resolves an indirect `/Length` (nil: do not resolve; search "endstream").
    ///   - findEndstream: the position of the next "endstream" at or after a position.
    mutating func parseIndirectObject(length: (PDFRef) -> Int?,
                                      findEndstream: (Int) -> Int?) throws(ScanError) -> (PDFRef, PDFObject) {
        let start = lexer.position
        guard let ref = objectHeader() else {
            throw PDFLexer.malformed("no \"n g obj\" at byte \(start)")
        }
        let save = lexer.position
        if case .keyword("endobj")? = try? lexer.next() { return (ref, .null) }
        lexer.position = save
        let object = try parseObject()
        guard case .dictionary(let dictionary) = object else { return (ref, object) }
        let afterDictionary = lexer.position
        lexer.skipWhitespace()
        let bytes = lexer.bytes
        let end = lexer.end
        guard lexer.position + 6 <= end, Array(bytes[lexer.position..<(lexer.position + 6)]) == PDFObjectParser.streamKeyword else {
            lexer.position = afterDictionary
            return (ref, object)
        }
        var dataStart = lexer.position + 6
        if dataStart < end && bytes[dataStart] == 0x0D { dataStart += 1 }
        if dataStart < end && bytes[dataStart] == 0x0A { dataStart += 1 }
        var declared: Int?
        switch dictionary["Length"] {
        case .integer(let n)?: declared = n
        case .reference(let r)?: declared = length(r)
        default: declared = nil
        }
        var dataEnd: Int?
        if let n = declared, n >= 0, n <= end - dataStart {
            // Trust /Length only when "endstream" follows it.
            var p = dataStart + n
            while p < end && PDFBytes.isWhitespace(bytes[p]) { p += 1 }
            if p + 9 <= end, Array(bytes[p..<(p + 9)]) == PDFObjectParser.endstreamKeyword { dataEnd = dataStart + n }
        }
        if dataEnd == nil, let found = findEndstream(dataStart) {
            var e = found
            if e > dataStart && bytes[e - 1] == 0x0A { e -= 1 }
            if e > dataStart && bytes[e - 1] == 0x0D { e -= 1 }
            dataEnd = e
        }
        if dataEnd == nil, let n = declared, n >= 0, n <= end - dataStart { dataEnd = dataStart + n }
        let stop = dataEnd ?? end  // cut off: the data runs to the end of the file
        lexer.position = stop
        return (ref, .stream(PDFStream(dictionary: dictionary, dataRange: dataStart..<stop)))
    }

    static let streamKeyword = Array("stream".utf8)
    static let endstreamKeyword = Array("endstream".utf8)
}
