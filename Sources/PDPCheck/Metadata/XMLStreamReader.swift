/// An element name with its namespace resolved ("" when the prefix was never declared).
struct XMLQName: Hashable {
    var namespace: String
    var local: String
}

/// One attribute as handed out by `XMLAttributes`: its name as written (prefix and local part;
/// attribute namespaces are not resolved, OOXML and ODF readers match local names) and its
/// value with entities decoded and white space normalised.
struct XMLStreamAttribute {
    var prefix: String
    var local: String
    var value: String
}

/// The attributes of the element being started: a view into the parser's buffer, valid only
/// during `startElement`. Values are decoded on demand, so the many attributes nobody asks
/// for (`w:rsidR`, `r="A1"` …) cost no allocation.
struct XMLAttributes: Sequence {
    struct Raw {
        var nameStart: Int
        var colon: Int?
        var nameEnd: Int
        var valueStart: Int
        var valueEnd: Int
    }

    fileprivate let buffer: UnsafeBufferPointer<UInt8>
    fileprivate let raw: [Raw]

    static var empty: XMLAttributes { XMLAttributes(buffer: UnsafeBufferPointer(start: nil, count: 0), raw: []) }

    var isEmpty: Bool { raw.isEmpty }
    var count: Int { raw.count }

    /// The value of the first attribute with this local name, whatever its prefix.
    func value(_ local: String) -> String? {
        var local = local
        return local.withUTF8 { wanted -> String? in
            for a in raw where a.nameEnd - (a.colon.map { $0 + 1 } ?? a.nameStart) == wanted.count {
                let start = a.colon.map { $0 + 1 } ?? a.nameStart
                var same = true
                for k in 0..<wanted.count where buffer[start + k] != wanted[k] { same = false; break }
                if same { return decodedValue(a) }
            }
            return nil
        }
    }

    fileprivate func decodedValue(_ a: Raw) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(a.valueEnd - a.valueStart)
        XMLEntityDecoder.appendDecoded(UnsafeBufferPointer(rebasing: buffer[a.valueStart..<a.valueEnd]), to: &out)
        for k in out.indices where out[k] == 0x09 || out[k] == 0x0A || out[k] == 0x0D { out[k] = 0x20 }
        return String(decoding: out, as: UTF8.self)
    }

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
    }

    func makeIterator() -> AnyIterator<XMLStreamAttribute> {
        var index = 0
        return AnyIterator {
            guard index < raw.count else { return nil }
            let a = raw[index]
            index += 1
            let local = string(a.colon.map { $0 + 1 } ?? a.nameStart, a.nameEnd)
            let prefix = a.colon.map { string(a.nameStart, $0) } ?? ""
            return XMLStreamAttribute(prefix: prefix, local: local, value: decodedValue(a))
        }
    }
}

/// Character data handed to a handler: a view into the parser's buffer, valid only during
/// the call. Entities are decoded on demand, so handlers that ignore text pay nothing.
struct XMLCharacters {
    let raw: UnsafeBufferPointer<UInt8>
    let isCDATA: Bool

    /// Appends the text as UTF-8 with the predefined entities and character references decoded.
    func append(to out: inout [UInt8]) {
        if isCDATA {
            out.append(contentsOf: raw)
        } else {
            XMLEntityDecoder.appendDecoded(raw, to: &out)
        }
    }

    var string: String {
        var bytes: [UInt8] = []
        append(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Receives the events of `XMLStreamReader.parse`. Elements beyond the depth limit are not
/// reported at all (neither they nor anything inside them).
protocol XMLStreamHandler {
    mutating func startElement(_ name: XMLQName, attributes: XMLAttributes)
    mutating func endElement(_ name: XMLQName)
    mutating func characters(_ text: XMLCharacters)
}

/// A streaming (SAX-style) variant of `XMLTreeReader` for large document parts (a 60 MB
/// worksheet, a long contract): it builds no tree, so memory stays at the input plus the open
/// element stack. The same safety rules: no DTD processing (a DOCTYPE is skipped unread, so there
/// are no external entities and no entity expansion), only the predefined entities and character
/// references, a nesting limit (deeper content is skipped, not recursed into), caps on attributes
/// and namespace declarations, no recursion in the parser. Work is linear in the input: every
/// loop advances the cursor. Malformed markup ends the parse with a warning; events already
/// delivered stand.
enum XMLStreamReader {
    struct Limits {
        var maxBytes = 64 << 20
        var maxDepth = 256
        var maxAttributes = 256
        var maxNamespaceDeclarations = 1024
    }

    /// Parses `input` (UTF-8, or UTF-16 with a BOM) and returns warnings.
    @discardableResult
    static func parse<H: XMLStreamHandler>(_ input: [UInt8], limits: Limits = Limits(), handler: inout H) -> [String] {
        var bytes = XMLTreeReader.normalizedUTF8(input)
        var warnings: [String] = []
        if bytes.count > limits.maxBytes {
            warnings.append("XML of \(bytes.count) bytes cut to \(limits.maxBytes)")
            bytes.removeSubrange(limits.maxBytes...)
        }
        bytes.withUnsafeBufferPointer { buffer in
            var parser = XMLStreamParser(b: buffer, limits: limits)
            parser.run(&handler)
            warnings += parser.warnings
        }
        return warnings
    }
}

private struct XMLStreamParser: XMLByteCursor {
    let b: UnsafeBufferPointer<UInt8>
    let limits: XMLStreamReader.Limits
    var i = 0
    /// Open elements: their resolved names and where their qualified name is in the buffer,
    /// so end tags are matched by comparing bytes.
    var stack: [(name: XMLQName, nameStart: Int, nameEnd: Int)] = []
    var scopes: [(prefix: String, uri: String)] = [("xml", "http://www.w3.org/XML/1998/namespace")]
    var scopeCounts: [Int] = []
    var warnings: [String] = []
    /// > 0 while inside an element beyond the depth limit: its content is skipped.
    var skipping = 0
    var warnedDepth = false
    var warnedAttributes = false
    var raw: [XMLAttributes.Raw] = []
    /// Resolved element names in a direct-mapped cache indexed by a hash of their bytes, valid
    /// while the namespace scopes do not change (documents declare their namespaces once, on
    /// the root). A slot holds where the name's bytes are, to confirm a hit.
    var names = [(start: Int, end: Int, generation: Int, name: XMLQName)?](repeating: nil, count: XMLStreamParser.cacheSlots)
    /// Bumped when the scopes change, which invalidates every slot at once.
    var generation = 0
    static let cacheSlots = 1024

    init(b: UnsafeBufferPointer<UInt8>, limits: XMLStreamReader.Limits) {
        self.b = b
        self.limits = limits
    }

    mutating func run<H: XMLStreamHandler>(_ handler: inout H) {
        let n = b.count
        while i < n {
            if b[i] != 0x3C {  // '<'
                let start = i
                while i < n && b[i] != 0x3C { i += 1 }
                if skipping == 0, !stack.isEmpty {
                    handler.characters(XMLCharacters(raw: UnsafeBufferPointer(rebasing: b[start..<i]), isCDATA: false))
                }
                continue
            }
            guard i + 1 < n else { return fail("markup cut off", &handler) }
            let next = b[i + 1]
            if next == 0x2F {  // '/'
                guard endTag(&handler) else { return fail("malformed end tag", &handler) }
            } else if next == 0x21 {  // '!'
                if matches("<!--") {
                    guard skip(past: "-->", from: i + 4) else { return fail("unterminated comment", &handler) }
                } else if matches("<![CDATA[") {
                    let start = i + 9
                    guard let end = find("]]>", from: start) else { return fail("unterminated CDATA section", &handler) }
                    if skipping == 0, !stack.isEmpty {
                        handler.characters(XMLCharacters(raw: UnsafeBufferPointer(rebasing: b[start..<end]), isCDATA: true))
                    }
                    i = end + 3
                } else {
                    // DOCTYPE and other declarations are skipped unread: no DTD, no entities.
                    if matches("<!DOCTYPE") { warnings.append("DOCTYPE ignored (DTDs are not processed)") }
                    guard skipDeclaration() else { return fail("unterminated declaration", &handler) }
                }
            } else if next == 0x3F {  // '?'
                guard skip(past: "?>", from: i + 2) else { return fail("unterminated processing instruction", &handler) }
            } else {
                guard startTag(&handler) else { return fail("malformed start tag", &handler) }
            }
        }
        if !stack.isEmpty { warnings.append("XML ends inside an element") }
        closeAll(&handler)
    }

    private mutating func fail<H: XMLStreamHandler>(_ message: String, _ handler: inout H) {
        warnings.append("XML: " + message + " at byte \(i)")
        closeAll(&handler)
        i = b.count
    }

    private mutating func closeAll<H: XMLStreamHandler>(_ handler: inout H) {
        while !stack.isEmpty { popElement(&handler) }
    }

    // MARK: tags

    private mutating func startTag<H: XMLStreamHandler>(_ handler: inout H) -> Bool {
        i += 1
        let nameStart = i
        guard let nameEnd = scanName() else { return false }
        raw.removeAll(keepingCapacity: true)
        var selfClosing = false
        var declares = false
        while true {
            skipSpace()
            guard i < b.count else { return false }
            if b[i] == 0x3E { i += 1; break }  // '>'
            if b[i] == 0x2F {  // '/'
                guard i + 1 < b.count, b[i + 1] == 0x3E else { return false }
                i += 2
                selfClosing = true
                break
            }
            let attrStart = i
            guard let attrEnd = scanName() else { return false }
            skipSpace()
            guard i < b.count, b[i] == 0x3D else { return false }  // '='
            i += 1
            skipSpace()
            guard i < b.count, b[i] == 0x22 || b[i] == 0x27 else { return false }
            let quote = b[i]
            i += 1
            let valueStart = i
            while i < b.count && b[i] != quote { i += 1 }
            guard i < b.count else { return false }
            let valueEnd = i
            i += 1
            guard skipping == 0 else { continue }
            if raw.count < limits.maxAttributes {
                var colon: Int?
                for k in attrStart..<attrEnd where b[k] == 0x3A { colon = k; break }
                raw.append(XMLAttributes.Raw(nameStart: attrStart, colon: colon, nameEnd: attrEnd,
                                             valueStart: valueStart, valueEnd: valueEnd))
                if isNamespaceDeclaration(raw[raw.count - 1]) { declares = true }
            } else if !warnedAttributes {
                warnings.append("an element has more than \(limits.maxAttributes) attributes; the rest ignored")
                warnedAttributes = true
            }
        }
        if skipping > 0 || stack.count >= limits.maxDepth {
            if !warnedDepth {
                warnings.append("XML nested deeper than \(limits.maxDepth) levels; deeper content skipped")
                warnedDepth = true
            }
            if !selfClosing { skipping += 1 }
            return true
        }
        var declared = 0
        if declares {
            // Namespace declarations first: they apply to the element's own name and attributes.
            let view = XMLAttributes(buffer: b, raw: raw)
            for a in raw where isNamespaceDeclaration(a) {
                guard scopes.count < limits.maxNamespaceDeclarations else { break }
                let prefix = a.colon.map { string($0 + 1, a.nameEnd) } ?? ""
                scopes.append((prefix, view.decodedValue(a)))
                declared += 1
            }
            if declared > 0 { clearNames() }
        }
        scopeCounts.append(declared)
        let element = resolvedName(nameStart, nameEnd)
        stack.append((element, nameStart, nameEnd))
        if declares {
            let buffer = b
            raw.removeAll { a in
                (a.colon ?? a.nameEnd) - a.nameStart == 5 && buffer[a.nameStart] == 0x78 && buffer[a.nameStart + 1] == 0x6D
                    && buffer[a.nameStart + 2] == 0x6C && buffer[a.nameStart + 3] == 0x6E && buffer[a.nameStart + 4] == 0x73
            }
        }
        handler.startElement(element, attributes: raw.isEmpty ? .empty : XMLAttributes(buffer: b, raw: raw))
        if selfClosing { popElement(&handler) }
        return true
    }

    private func isNamespaceDeclaration(_ a: XMLAttributes.Raw) -> Bool {
        let length = (a.colon ?? a.nameEnd) - a.nameStart
        guard length == 5 else { return false }
        return b[a.nameStart] == 0x78 && b[a.nameStart + 1] == 0x6D && b[a.nameStart + 2] == 0x6C
            && b[a.nameStart + 3] == 0x6E && b[a.nameStart + 4] == 0x73  // "xmlns"
    }

    /// The element's name with its namespace, from the cache when the same bytes were seen
    /// under the same scopes.
    private mutating func resolvedName(_ start: Int, _ end: Int) -> XMLQName {
        var hash: UInt32 = 2_166_136_261
        for k in start..<end { hash = (hash ^ UInt32(b[k])) &* 16_777_619 }
        let slot = Int(hash ^ hash >> 16) & (XMLStreamParser.cacheSlots - 1)
        if let hit = names[slot], hit.generation == generation, hit.end - hit.start == end - start,
           sameBytes(hit.start, start, end - start) {
            return hit.name
        }
        var colon: Int?
        for k in start..<end where b[k] == 0x3A { colon = k; break }
        let prefix = colon.map { string(start, $0) } ?? ""
        let local = string(colon.map { $0 + 1 } ?? start, end)
        let name = XMLQName(namespace: resolve(prefix), local: local)
        names[slot] = (start, end, generation, name)
        return name
    }

    private mutating func clearNames() {
        generation += 1
    }

    private func sameBytes(_ a: Int, _ c: Int, _ count: Int) -> Bool {
        for k in 0..<count where b[a + k] != b[c + k] { return false }
        return true
    }

    private mutating func endTag<H: XMLStreamHandler>(_ handler: inout H) -> Bool {
        i += 2
        let nameStart = i
        guard let nameEnd = scanName() else { return false }
        skipSpace()
        guard i < b.count, b[i] == 0x3E else { return false }
        i += 1
        if skipping > 0 {
            skipping -= 1
            return true
        }
        // Close up to the matching open element; an end tag that matches nothing is ignored.
        // The search is bounded by the depth limit.
        let length = nameEnd - nameStart
        guard let match = stack.lastIndex(where: { $0.nameEnd - $0.nameStart == length && sameBytes($0.nameStart, nameStart, length) })
        else { return true }
        while stack.count > match { popElement(&handler) }
        return true
    }

    private mutating func popElement<H: XMLStreamHandler>(_ handler: inout H) {
        guard let top = stack.popLast() else { return }
        let declared = scopeCounts.popLast() ?? 0
        if declared > 0 {
            scopes.removeLast(min(declared, max(scopes.count - 1, 0)))
            clearNames()
        }
        handler.endElement(top.name)
    }

    private func resolve(_ prefix: String) -> String {
        for scope in scopes.reversed() where scope.prefix == prefix { return scope.uri }
        return ""
    }

    // MARK: lexing

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
    }

    /// Advances over a name; returns its end, or nil when there is none.
    private mutating func scanName() -> Int? {
        let start = i
        while i < b.count {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x2F || c == 0x3E || c == 0x3D || c == 0x3C { break }
            i += 1
        }
        return i > start ? i : nil
    }

}

/// The five predefined entities and numeric character references; anything else that looks
/// like an entity stays as written (there is no DTD to define it, so nothing can expand).
enum XMLEntityDecoder {
    static func appendDecoded(_ raw: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let end = raw.count
        var j = 0
        var runStart = 0
        while j < end {
            guard raw[j] == 0x26 else { j += 1; continue }  // '&'
            var semicolon = j + 1
            while semicolon < end && semicolon - j <= 12 && raw[semicolon] != 0x3B { semicolon += 1 }
            guard semicolon < end, raw[semicolon] == 0x3B,
                  let scalar = entity(UnsafeBufferPointer(rebasing: raw[(j + 1)..<semicolon])) else {
                j += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[runStart..<j]))
            appendUTF8(scalar, to: &out)
            j = semicolon + 1
            runStart = j
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[runStart..<end]))
    }

    static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    private static func entity(_ name: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        switch name.count {
        case 2:
            if name[0] == 0x6C && name[1] == 0x74 { return "<" }  // lt
            if name[0] == 0x67 && name[1] == 0x74 { return ">" }  // gt
        case 3:
            if name[0] == 0x61 && name[1] == 0x6D && name[2] == 0x70 { return "&" }  // amp
        case 4:
            if name[0] == 0x71 && name[1] == 0x75 && name[2] == 0x6F && name[3] == 0x74 { return "\"" }  // quot
            if name[0] == 0x61 && name[1] == 0x70 && name[2] == 0x6F && name[3] == 0x73 { return "'" }  // apos
        default:
            break
        }
        guard name.count >= 2, name[0] == 0x23 else { return nil }  // '#'
        let hex = name[1] == 0x78 || name[1] == 0x58
        guard name.count > (hex ? 2 : 1) else { return nil }
        var value: UInt32 = 0
        for c in name[(hex ? 2 : 1)...] {
            let digit: UInt32
            switch c {
            case 0x30...0x39: digit = UInt32(c - 0x30)
            case 0x61...0x66 where hex: digit = UInt32(c - 0x61 + 10)
            case 0x41...0x46 where hex: digit = UInt32(c - 0x41 + 10)
            default: return nil
            }
            value = value &* (hex ? 16 : 10) &+ digit
            if value > 0x10FFFF { return "\u{FFFD}" }
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }
}
