/// One top-level XMP property: a child element or a property attribute of an `rdf:Description`.
struct XMPProperty {
    var namespace: String
    var prefix: String
    var local: String
    var isAttribute: Bool
    /// The property's bytes in the packet (an attribute with its value, or a whole element).
    var range: Range<Int>
    /// `xmlns:p="…"` declarations in scope where the property sits, as written.
    var declarations: [(prefix: String, uri: String)]

    var qualifiedName: String { prefix.isEmpty ? local : prefix + ":" + local }
}

/// Removes top-level properties from an XMP packet by cutting their bytes out: everything
/// that is kept (other properties, the packet wrapper, padding, formatting) stays byte for
/// byte. A small tokenizer of its own tracks byte offsets and namespace scopes, which the
/// decoding XML readers do not keep. Like them it refuses DTDs, bounds nesting and never
/// recurses; a packet it cannot follow throws, and the caller removes the packet whole.
enum XMPPropertyStripper {
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let maxDepth = 256
    static let maxAttributes = 1024

    struct Result {
        var packet: [UInt8]
        var removed: [XMPProperty]
        /// Properties left in the packet.
        var keptCount: Int
    }

    struct Unreadable: Error {
        var reason: String
    }

    /// `decide` is asked once per top-level property; true removes it.
    static func strip(_ packet: [UInt8], decide: (XMPProperty) -> Bool) throws(Unreadable) -> Result {
        var tokenizer = Tokenizer(bytes: packet)
        var cuts: [Range<Int>] = []
        var removed: [XMPProperty] = []
        var kept = 0
        // Element stack: namespace bindings pushed by each open element, and its role.
        enum Role { case other, rdf, description, property }
        var stack: [(bindings: Int, role: Role)] = []
        var bindings: [(prefix: String, uri: String)] = []
        var propertyStart: (start: Int, property: XMPProperty)?

        while let token = try tokenizer.next() {
            switch token {
            case .start(let tag):
                guard stack.count < maxDepth else { throw Unreadable(reason: "nested deeper than \(maxDepth)") }
                let before = bindings.count
                for a in tag.attributes where a.isDeclaration { bindings.append((a.local, a.value)) }
                let namespace = resolve(tag.prefix, bindings)
                let parent = stack.last?.role ?? .other
                var role = Role.other
                if namespace == rdf && tag.local == "RDF" {
                    role = .rdf
                } else if parent == .rdf && namespace == rdf && tag.local == "Description" {
                    role = .description
                    for a in tag.attributes where !a.isDeclaration && !a.prefix.isEmpty {
                        let ns = resolve(a.prefix, bindings)
                        guard ns != rdf, a.prefix != "xml" else { continue }
                        let property = XMPProperty(namespace: ns, prefix: a.prefix, local: a.local, isAttribute: true,
                                                   range: a.range, declarations: bindings)
                        if decide(property) {
                            cuts.append(a.range)
                            removed.append(property)
                        } else {
                            kept += 1
                        }
                    }
                } else if parent == .description {
                    role = .property
                    let property = XMPProperty(namespace: namespace, prefix: tag.prefix, local: tag.local, isAttribute: false,
                                               range: tag.range, declarations: Array(bindings[..<before]))
                    propertyStart = (tag.range.lowerBound, property)
                }
                if tag.selfClosing {
                    bindings.removeLast(bindings.count - before)
                    if role == .property, let (start, property) = propertyStart {
                        finishProperty(property, start..<tag.range.upperBound, &cuts, &removed, &kept, packet, decide)
                        propertyStart = nil
                    }
                } else {
                    stack.append((before, role))
                }
            case .end(let range):
                guard let top = stack.popLast() else { throw Unreadable(reason: "end tag without a start tag") }
                bindings.removeLast(bindings.count - top.bindings)
                if top.role == .property, let (start, property) = propertyStart {
                    finishProperty(property, start..<range.upperBound, &cuts, &removed, &kept, packet, decide)
                    propertyStart = nil
                }
            }
        }
        guard stack.isEmpty else { throw Unreadable(reason: "elements left open at the end") }
        guard !cuts.isEmpty else { return Result(packet: packet, removed: [], keptCount: kept) }
        cuts.sort { $0.lowerBound < $1.lowerBound }
        var out: [UInt8] = []
        out.reserveCapacity(packet.count)
        var at = 0
        for cut in cuts where cut.lowerBound >= at {
            out += packet[at..<cut.lowerBound]
            at = cut.upperBound
        }
        out += packet[at...]
        return Result(packet: out, removed: removed, keptCount: kept)
    }

    private static func finishProperty(_ p: XMPProperty, _ range: Range<Int>, _ cuts: inout [Range<Int>],
                                       _ removed: inout [XMPProperty], _ kept: inout Int, _ packet: [UInt8],
                                       _ decide: (XMPProperty) -> Bool) {
        var property = p
        property.range = range
        guard decide(property) else {
            kept += 1
            return
        }
        // Take the indentation before the element with it, so no blank line is left.
        var start = range.lowerBound
        while start > 0, isSpace(packet[start - 1]) { start -= 1 }
        cuts.append(start..<range.upperBound)
        removed.append(property)
    }

    static func resolve(_ prefix: String, _ bindings: [(prefix: String, uri: String)]) -> String {
        if prefix == "xml" { return "http://www.w3.org/XML/1998/namespace" }
        for b in bindings.reversed() where b.prefix == prefix { return b.uri }
        return ""
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    // MARK: tokenizer

    struct Attribute {
        var prefix: String
        var local: String
        var value: String
        /// From the white space before the name to the closing quote.
        var range: Range<Int>
        var isDeclaration: Bool
    }

    struct StartTag {
        var prefix: String
        var local: String
        var attributes: [Attribute]
        var selfClosing: Bool
        var range: Range<Int>
    }

    enum Token {
        case start(StartTag)
        case end(Range<Int>)
    }

    /// Start and end tags with byte ranges; text, comments, processing instructions and CDATA
    /// are stepped over. Every step advances, so the work is linear in the packet.
    struct Tokenizer {
        let bytes: [UInt8]
        var i = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func next() throws(Unreadable) -> Token? {
            while true {
                guard let lt = find(0x3C, from: i) else {
                    i = bytes.count
                    return nil
                }
                i = lt
                if has("<!--") {
                    try skip(past: "-->")
                } else if has("<![CDATA[") {
                    try skip(past: "]]>")
                } else if has("<?") {
                    try skip(past: "?>")
                } else if has("<!") {
                    throw Unreadable(reason: "a DOCTYPE or declaration in XMP")
                } else if has("</") {
                    guard let gt = find(0x3E, from: i) else { throw Unreadable(reason: "end tag cut off") }
                    let range = i..<(gt + 1)
                    i = gt + 1
                    return .end(range)
                } else {
                    return .start(try startTag())
                }
            }
        }

        func find(_ b: UInt8, from: Int) -> Int? {
            var k = from
            while k < bytes.count {
                if bytes[k] == b { return k }
                k += 1
            }
            return nil
        }

        func has(_ text: StaticString) -> Bool {
            let n = text.utf8CodeUnitCount
            guard i + n <= bytes.count else { return false }
            let p = text.utf8Start
            for k in 0..<n where bytes[i + k] != p[k] { return false }
            return true
        }

        mutating func skip(past end: StaticString) throws(Unreadable) {
            let n = end.utf8CodeUnitCount
            let p = end.utf8Start
            var k = i + 1
            while k + n <= bytes.count {
                var match = true
                for j in 0..<n where bytes[k + j] != p[j] { match = false; break }
                if match {
                    i = k + n
                    return
                }
                k += 1
            }
            throw Unreadable(reason: "markup cut off")
        }

        func isNameByte(_ b: UInt8) -> Bool {
            !(isSpace(b) || b == 0x2F || b == 0x3E || b == 0x3D || b == 0x3C || b == 0x22 || b == 0x27)
        }

        mutating func name() throws(Unreadable) -> (prefix: String, local: String) {
            let start = i
            var colon: Int?
            while i < bytes.count, isNameByte(bytes[i]) {
                if bytes[i] == 0x3A, colon == nil { colon = i }
                i += 1
            }
            guard i > start else { throw Unreadable(reason: "a tag without a name") }
            if let c = colon {
                return (String(decoding: bytes[start..<c], as: UTF8.self), String(decoding: bytes[(c + 1)..<i], as: UTF8.self))
            }
            return ("", String(decoding: bytes[start..<i], as: UTF8.self))
        }

        mutating func skipSpace() {
            while i < bytes.count, isSpace(bytes[i]) { i += 1 }
        }

        mutating func startTag() throws(Unreadable) -> StartTag {
            let start = i
            i += 1
            let (prefix, local) = try name()
            var attributes: [Attribute] = []
            while true {
                let spaceStart = i
                skipSpace()
                guard i < bytes.count else { throw Unreadable(reason: "start tag cut off") }
                if bytes[i] == 0x3E {
                    i += 1
                    return StartTag(prefix: prefix, local: local, attributes: attributes, selfClosing: false, range: start..<i)
                }
                if bytes[i] == 0x2F {
                    guard i + 1 < bytes.count, bytes[i + 1] == 0x3E else { throw Unreadable(reason: "stray '/' in a tag") }
                    i += 2
                    return StartTag(prefix: prefix, local: local, attributes: attributes, selfClosing: true, range: start..<i)
                }
                guard i > spaceStart else { throw Unreadable(reason: "attributes not separated by white space") }
                guard attributes.count < maxAttributes else { throw Unreadable(reason: "too many attributes") }
                let (aPrefix, aLocal) = try name()
                skipSpace()
                guard i < bytes.count, bytes[i] == 0x3D else { throw Unreadable(reason: "attribute without a value") }
                i += 1
                skipSpace()
                guard i < bytes.count, bytes[i] == 0x22 || bytes[i] == 0x27 else { throw Unreadable(reason: "unquoted attribute") }
                let quote = bytes[i]
                guard let close = find(quote, from: i + 1) else { throw Unreadable(reason: "attribute value cut off") }
                let value = String(decoding: bytes[(i + 1)..<close], as: UTF8.self)
                i = close + 1
                let isDeclaration = aPrefix == "xmlns" || (aPrefix.isEmpty && aLocal == "xmlns")
                attributes.append(Attribute(prefix: isDeclaration ? "xmlns" : aPrefix,
                                            local: aPrefix.isEmpty && aLocal == "xmlns" ? "" : aLocal,
                                            value: value, range: spaceStart..<i, isDeclaration: isDeclaration))
            }
        }
    }
}
