/// An element of a parsed XML document, with namespaces resolved.
struct XMLNode {
    /// Namespace URI ("" when the prefix was never declared).
    var namespace: String
    /// The prefix as written in the file (ExifTool names unknown namespaces after it).
    var prefix: String
    var localName: String
    var attributes: [XMLAttributeNode] = []
    var children: [XMLNode] = []
    /// Character data directly inside this element, entities and CDATA decoded.
    var text: String = ""

    func attribute(_ namespace: String, _ localName: String) -> String? {
        attributes.first { $0.namespace == namespace && $0.localName == localName }?.value
    }
}

struct XMLAttributeNode {
    var namespace: String
    var prefix: String
    var localName: String
    var value: String
}

/// A small, non-validating XML reader for XMP packets, written for hostile input:
/// no DTD processing at all (a DOCTYPE is skipped, so neither external entities nor entity
/// expansion exist), only the five predefined entities and numeric character references,
/// a nesting limit (deeper elements are skipped, not recursed into), caps on elements,
/// attributes and namespace declarations, and no recursion in the parser itself.
/// Malformed markup ends the parse with a warning; what was read so far is kept.
struct XMLTreeReader {
    struct Limits {
        var maxBytes = 16 << 20
        var maxDepth = 64
        var maxElements = 200_000
        var maxAttributes = 256
        var maxNamespaceDeclarations = 1024
    }

    struct Document {
        var roots: [XMLNode] = []
        var warnings: [String] = []
    }

    static func parse(_ input: [UInt8], limits: Limits = Limits()) -> Document {
        var bytes = normalizedUTF8(input)
        var document = Document()
        if bytes.count > limits.maxBytes {
            document.warnings.append("XML of \(bytes.count) bytes cut to \(limits.maxBytes)")
            bytes.removeSubrange(limits.maxBytes...)
        }
        bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(b: buffer, limits: limits)
            parser.run()
            document.roots = parser.roots
            document.warnings += parser.warnings
        }
        return document
    }

    /// XMP is UTF-8 almost always; UTF-16 packets (with a BOM or the `<\0` pattern) are
    /// converted, a UTF-8 BOM is dropped.
    static func normalizedUTF8(_ input: [UInt8]) -> [UInt8] {
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { return Array(input[3...]) }
        guard input.count >= 2 else { return input }
        let bigEndian: Bool
        if input[0] == 0xFE && input[1] == 0xFF || input[0] == 0 && input[1] == 0x3C {
            bigEndian = true
        } else if input[0] == 0xFF && input[1] == 0xFE || input[0] == 0x3C && input[1] == 0 {
            bigEndian = false
        } else {
            return input
        }
        var units: [UInt16] = []
        units.reserveCapacity(input.count / 2)
        var i = 0
        while i + 1 < input.count {
            units.append(bigEndian ? UInt16(input[i]) << 8 | UInt16(input[i + 1]) : UInt16(input[i + 1]) << 8 | UInt16(input[i]))
            i += 2
        }
        if units.first == 0xFEFF { units.removeFirst() }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}

private struct Parser: XMLByteCursor {
    let b: UnsafeBufferPointer<UInt8>
    let limits: XMLTreeReader.Limits
    var i = 0
    var stack: [XMLNode] = []
    /// Namespace declarations in scope, innermost last, and how many each open element added.
    var scopes: [(prefix: String, uri: String)] = [("xml", "http://www.w3.org/XML/1998/namespace")]
    var scopeCounts: [Int] = []
    var roots: [XMLNode] = []
    var warnings: [String] = []
    var elements = 0
    /// > 0 while inside an element beyond the depth limit: its content is skipped.
    var skipping = 0
    var warnedDepth = false

    init(b: UnsafeBufferPointer<UInt8>, limits: XMLTreeReader.Limits) {
        self.b = b
        self.limits = limits
    }

    mutating func run() {
        let n = b.count
        while i < n {
            if b[i] != 0x3C {  // '<'
                let start = i
                while i < n && b[i] != 0x3C { i += 1 }
                if skipping == 0, !stack.isEmpty { stack[stack.count - 1].text += decodeText(start, i) }
                continue
            }
            if matches("<!--") {
                guard skip(past: "-->", from: i + 2) else { return fail("unterminated comment") }
            } else if matches("<![CDATA[") {
                let start = i + 9
                guard let end = find("]]>", from: start) else { return fail("unterminated CDATA section") }
                if skipping == 0, !stack.isEmpty { stack[stack.count - 1].text += MetadataText.string(from: slice(start, end)) }
                i = end + 3
            } else if matches("<?") {
                guard skip(past: "?>", from: i + 2) else { return fail("unterminated processing instruction") }
            } else if matches("<!") {
                // DOCTYPE and other declarations are skipped unread: no DTD, no entities.
                if matches("<!DOCTYPE") { warnings.append("DOCTYPE ignored (DTDs are not processed)") }
                guard skipDeclaration() else { return fail("unterminated declaration") }
            } else if matches("</") {
                guard endTag() else { return fail("malformed end tag") }
            } else {
                guard startTag() else { return fail("malformed start tag") }
                if elements > limits.maxElements { return fail("more than \(limits.maxElements) elements") }
            }
        }
        if !stack.isEmpty { warnings.append("XML ends inside an element") }
        closeAll()
    }

    private mutating func fail(_ message: String) {
        warnings.append("XML: " + message)
        closeAll()
        i = b.count
    }

    private mutating func closeAll() {
        while !stack.isEmpty { popElement() }
    }

    // MARK: tags

    private mutating func startTag() -> Bool {
        i += 1
        guard let qname = name() else { return false }
        var rawAttributes: [(String, String)] = []
        var selfClosing = false
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
            guard let attrName = name() else { return false }
            skipSpace()
            guard i < b.count, b[i] == 0x3D else { return false }  // '='
            i += 1
            skipSpace()
            guard i < b.count, b[i] == 0x22 || b[i] == 0x27 else { return false }
            let quote = b[i]
            i += 1
            let start = i
            while i < b.count && b[i] != quote { i += 1 }
            guard i < b.count else { return false }
            if rawAttributes.count < limits.maxAttributes {
                rawAttributes.append((attrName, normalizeAttribute(decodeText(start, i))))
            } else if rawAttributes.count == limits.maxAttributes {
                warnings.append("element <\(qname)> has more than \(limits.maxAttributes) attributes")
                rawAttributes.append(("", ""))
            }
            i += 1
        }
        elements += 1
        if skipping > 0 || stack.count >= limits.maxDepth {
            if !warnedDepth {
                warnings.append("XML nested deeper than \(limits.maxDepth) levels; deeper content skipped")
                warnedDepth = true
            }
            if !selfClosing { skipping += 1 }
            return true
        }
        // Namespace declarations first: they apply to the element's own name and attributes.
        var declared = 0
        for (attrName, value) in rawAttributes {
            let prefix: String?
            if attrName == "xmlns" { prefix = "" } else if attrName.hasPrefix("xmlns:") { prefix = String(attrName.dropFirst(6)) } else { prefix = nil }
            guard let prefix else { continue }
            if scopes.count < limits.maxNamespaceDeclarations {
                scopes.append((prefix, value))
                declared += 1
            }
        }
        scopeCounts.append(declared)
        let (prefix, local) = split(qname)
        var node = XMLNode(namespace: resolve(prefix, isAttribute: false), prefix: prefix, localName: local)
        for (attrName, value) in rawAttributes where !attrName.isEmpty && attrName != "xmlns" && !attrName.hasPrefix("xmlns:") {
            let (p, l) = split(attrName)
            node.attributes.append(XMLAttributeNode(namespace: resolve(p, isAttribute: true), prefix: p, localName: l, value: value))
        }
        stack.append(node)
        if selfClosing { popElement() }
        return true
    }

    private mutating func endTag() -> Bool {
        i += 2
        guard let qname = name() else { return false }
        skipSpace()
        guard i < b.count, b[i] == 0x3E else { return false }
        i += 1
        if skipping > 0 {
            skipping -= 1
            return true
        }
        let (prefix, local) = split(qname)
        // Close up to the matching open element; an end tag that matches nothing is ignored.
        guard let match = stack.lastIndex(where: { $0.localName == local && $0.prefix == prefix }) else { return true }
        while stack.count > match { popElement() }
        return true
    }

    private mutating func popElement() {
        guard let node = stack.popLast() else { return }
        let declared = scopeCounts.popLast() ?? 0
        scopes.removeLast(min(declared, max(scopes.count - 1, 0)))
        if stack.isEmpty {
            roots.append(node)
        } else {
            stack[stack.count - 1].children.append(node)
        }
    }

    private func resolve(_ prefix: String, isAttribute: Bool) -> String {
        // Unprefixed attributes have no namespace in XML.
        if prefix.isEmpty && isAttribute { return "" }
        for scope in scopes.reversed() where scope.prefix == prefix { return scope.uri }
        return ""
    }

    private func split(_ qname: String) -> (String, String) {
        let utf8 = qname.utf8
        guard let colon = utf8.firstIndex(of: 0x3A) else { return ("", qname) }
        return (String(Substring(utf8[..<colon])), String(Substring(utf8[utf8.index(after: colon)...])))
    }

    // MARK: lexing

    private mutating func name() -> String? {
        let start = i
        while i < b.count {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x2F || c == 0x3E || c == 0x3D || c == 0x3C { break }
            i += 1
        }
        guard i > start else { return nil }
        return MetadataText.string(from: slice(start, i))
    }

    private func slice(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: b[start..<end])
    }

    /// Character data with the predefined entities and character references decoded
    /// (`XMLEntityDecoder`: anything else that looks like an entity stays as written).
    private func decodeText(_ start: Int, _ end: Int) -> String {
        let raw = slice(start, end)
        guard raw.contains(0x26) else { return MetadataText.string(from: raw) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        XMLEntityDecoder.appendDecoded(raw, to: &out)
        return out.withUnsafeBufferPointer { MetadataText.string(from: $0) }
    }

    /// Attribute-value normalisation: tabs and line breaks read as spaces.
    private func normalizeAttribute(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return s }
        return String(decoding: s.utf8.map { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 ? 0x20 : $0 }, as: UTF8.self)
    }
}
