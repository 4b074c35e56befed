/// The single forward pass over an HTML page (as UTF-8) that separates what a reader sees
/// from what ships unseen: visible text, hidden elements, comments, attribute texts, contact
/// links, the title and `<meta>` fields. Follows the HTML tokenizer where it matters for text
/// (character references, raw-text elements, unfinished tags dropping the rest) and nothing
/// more: no tree, no foster parenting. Work is linear in the input: every construct is read
/// once, searches for an end always move forward, and nesting is a counter, not a stack.
struct HTMLTextExtractor {
    struct Hidden {
        enum Place { case comment, element }
        var place: Place
        /// Offset in the extractor's input (the caller maps it to the file).
        var offset: Int
        var detail: String
    }

    var main = HTMLTextSink()
    var hidden = HTMLTextSink()
    var comments = HTMLTextSink()
    var attributeTexts = HTMLTextSink()
    var links = HTMLTextSink()
    var title: String?
    /// Group, name, value (container filled in by the reader).
    var fields: [(group: String, name: String, value: String)] = []
    var hiddenItems: [Hidden] = []
    /// Hidden items not listed one by one (over `maxHiddenItems`).
    var moreHiddenItems = 0

    static let maxHiddenItems = 200
    static let maxFields = 256
    /// Attribute values read as strings (meta content, style, href) are cut here.
    static let maxAttributeString = 16 * 1024

    // Element state: counters only, so 100,000 nested tags cost nothing extra.
    private var hiddenName: String?
    private var hiddenDepth = 0
    private var hiddenStart = 0
    private var hiddenCountAtStart = 0
    private var preDepth = 0
    /// The `tel:`/`mailto:` target of the `<a>` being read, held back until its text is known
    /// (see `flushLink`); `heldHref` passes it from the attributes to the element.
    private var pendingLink: (href: Range<Int>, target: Target, textStart: Int)?
    private var heldHref: Range<Int>?

    /// Reads `s` from `start` (past a byte-order mark).
    static func extract(_ s: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> HTMLTextExtractor {
        var x = HTMLTextExtractor()
        x.main.reserve(min(max(s.count - start, 0), 16 << 20))
        x.run(s, from: start)
        return x
    }

    private mutating func run(_ s: UnsafeBufferPointer<UInt8>, from start: Int) {
        let n = s.count
        var i = start
        while i < n {
            let c = s[i]
            if c == UInt8(ascii: "<") {
                i = markup(s, at: i)
            } else if c == UInt8(ascii: "&") {
                i = reference(s, at: i, inAttribute: false, into: currentTarget)
            } else if preDepth == 0, case let end = Self.plainRunEnd(s, from: i), end > i {
                if hiddenDepth > 0 { hidden.appendRun(s, i..<end) } else { main.appendRun(s, i..<end) }
                i = end
            } else {
                i = character(s, at: i, end: n, into: currentTarget, preserveSpace: preDepth > 0)
            }
        }
        flushLink(s)
        if hiddenDepth > 0 { closeHidden(name: hiddenName ?? "") }
    }

    // MARK: markup

    /// Handles whatever starts with `<` at `i`; returns where to go on.
    private mutating func markup(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = s.count
        guard i + 1 < n else { return character(s, at: i, end: n, into: currentTarget, preserveSpace: false) }
        let next = s[i + 1]
        if next == UInt8(ascii: "!") {
            if HTMLCharsetSniffer.hasPrefix(s, at: i, "<!--") { return comment(s, at: i) }
            return bogusComment(s, at: i)
        }
        if next == UInt8(ascii: "?") { return bogusComment(s, at: i) }
        if next == UInt8(ascii: "/") {
            guard i + 2 < n else { return n }
            if isLetter(s[i + 2]) { return endTag(s, at: i) }
            if s[i + 2] == UInt8(ascii: ">") { return i + 3 }
            return bogusComment(s, at: i)
        }
        if isLetter(next) { return startTag(s, at: i) }
        return character(s, at: i, end: n, into: currentTarget, preserveSpace: false)
    }

    private mutating func startTag(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        guard let tag = HTMLTagParser.parse(s, at: i) else { return s.count }
        let name = tag.name
        let kind = HTMLElements.kind(name)
        // An `<a>` ends the one before it (links do not nest).
        if name == "a" { flushLink(s) }
        readAttributes(tag, s)

        if kind.contains(.block) {
            lineBreak(at: i)
        } else if kind.contains(.cell) {
            if hiddenDepth > 0 { hidden.cellBreak(at: i) } else { main.cellBreak(at: i) }
        }

        let isVoid = kind.contains(.void) || tag.selfClosing
        if hiddenDepth > 0 {
            if name == hiddenName, !isVoid { hiddenDepth += 1 }
        } else if !isVoid, isHidden(tag, s) {
            hiddenName = name
            hiddenDepth = 1
            hiddenStart = i
            hidden.lineBreak(at: i)
            hiddenCountAtStart = hidden.utf8.count
        }
        if let href = heldHref {
            heldHref = nil
            if isVoid {
                emitLink(s, href)
            } else {
                let target = currentTarget
                pendingLink = (href, target, withSink(target) { $0.utf8.count })
            }
        }

        switch name {
        case _ where kind.contains(.skipped):
            return HTMLTagParser.rawTextEnd(s, from: tag.end, name: name)
        case "title":
            let end = HTMLTagParser.rawTextEnd(s, from: tag.end, name: name)
            if title == nil {
                let value = decodedString(s, tag.end..<end, inAttribute: false)
                if !value.isEmpty { title = value }
            }
            return end
        case "textarea":
            // Shown as typed, character references decoded, no tags inside.
            let end = HTMLTagParser.rawTextEnd(s, from: tag.end, name: name)
            var k = tag.end
            while k < end {
                if s[k] == UInt8(ascii: "&") {
                    k = reference(s, at: k, inAttribute: false, into: currentTarget, limit: end)
                } else {
                    k = character(s, at: k, end: end, into: currentTarget, preserveSpace: true)
                }
            }
            return end
        case "plaintext":
            var k = tag.end
            while k < s.count { k = character(s, at: k, end: s.count, into: currentTarget, preserveSpace: true) }
            return s.count
        default:
            if kind.contains(.preformatted), !tag.selfClosing { preDepth += 1 }
            return tag.end
        }
    }

    private mutating func endTag(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        guard let tag = HTMLTagParser.parse(s, at: i) else { return s.count }
        let name = tag.name
        if name == "a" { flushLink(s) }
        if hiddenDepth > 0, name == hiddenName {
            hiddenDepth -= 1
            if hiddenDepth == 0 { closeHidden(name: name) }
        }
        let kind = HTMLElements.kind(name)
        if kind.contains(.block) { lineBreak(at: i) }
        if kind.contains(.preformatted), preDepth > 0 { preDepth -= 1 }
        return tag.end
    }

    /// `<!-- … -->`: kept as a part of its own (comments ship with the page, and people leave
    /// notes in them), with tags and Word's `[if mso]` markers stripped. Unterminated: to the end.
    private mutating func comment(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = s.count
        let contentStart = i + 4
        // "<!-->" and "<!--->" are complete, empty comments.
        if contentStart < n, s[contentStart] == UInt8(ascii: ">") { return contentStart + 1 }
        if contentStart + 1 < n, s[contentStart] == UInt8(ascii: "-"), s[contentStart + 1] == UInt8(ascii: ">") {
            return contentStart + 2
        }
        let close = HTMLCharsetSniffer.find(s, "-->", from: contentStart)
        let contentEnd = close ?? n
        HTMLOfficeProperties.read(s, contentStart..<contentEnd) { name, value in
            if fields.count < Self.maxFields { fields.append(("HTML-office", name, value)) }
        }
        comments.lineBreak(at: contentStart)
        let before = comments.utf8.count
        var letters = 0
        var k = contentStart
        while k < contentEnd {
            let c = s[k]
            if c == UInt8(ascii: "<"), k + 1 < contentEnd, isLetter(s[k + 1]) || s[k + 1] == UInt8(ascii: "/") || s[k + 1] == UInt8(ascii: "!") {
                // Markup inside a comment (Word's <xml> islands): a gap, like a tag.
                let tagStart = k
                k = (HTMLTagParser.indexOf(UInt8(ascii: ">"), in: UnsafeBufferPointer(rebasing: s[0..<contentEnd]), from: k) ?? (contentEnd - 1)) + 1
                comments.appendSpace(from: tagStart, to: k)
                continue
            }
            if c == UInt8(ascii: "["), HTMLCharsetSniffer.hasPrefix(s, at: k, "[if ") || HTMLCharsetSniffer.hasPrefix(s, at: k, "[endif") {
                k = (HTMLTagParser.indexOf(UInt8(ascii: "]"), in: UnsafeBufferPointer(rebasing: s[0..<contentEnd]), from: k) ?? (contentEnd - 1)) + 1
                if k < contentEnd, s[k] == UInt8(ascii: ">") { k += 1 }
                continue
            }
            if HTMLEntities.isAlphanumeric(c) || c >= 0xC0 { letters += 1 }
            k = character(s, at: k, end: contentEnd, into: .comments, preserveSpace: false)
        }
        if letters > 0 {
            let count = countScalars(comments.utf8[before...])
            addHidden(Hidden(place: .comment, offset: i, detail: "HTML comment (\(count) characters)"))
        }
        return close.map { $0 + 3 } ?? n
    }

    /// `<!DOCTYPE…>`, `<![CDATA[…]>`, `<?…>`, `</ …>`: nothing visible, up to the next `>`.
    private func bogusComment(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        (HTMLTagParser.indexOf(UInt8(ascii: ">"), in: s, from: i + 1) ?? (s.count - 1)) + 1
    }

    // MARK: attributes

    private mutating func readAttributes(_ tag: HTMLTag, _ s: UnsafeBufferPointer<UInt8>) {
        guard !tag.attributes.isEmpty else { return }
        for attribute in tag.attributes where !attribute.value.isEmpty {
            if HTMLElements.textAttributes.contains(attribute.name) {
                attributeTexts.lineBreak(at: attribute.value.lowerBound)
                emitAttribute(s, attribute.value, into: .attributeTexts, percentDecode: false)
            } else if attribute.name == "href", tag.name == "a" || tag.name == "area" || tag.name == "link" {
                if isContactLink(s, attribute.value) {
                    if tag.name == "a" { heldHref = attribute.value } else { emitLink(s, attribute.value) }
                }
            }
        }
        if tag.name == "meta" { readMeta(tag, s) }
        if tag.name == "input", let type = tag.attribute("type"),
           decodedString(s, type.value, inAttribute: true).lowercased() == "hidden",
           let value = tag.attribute("value"), !value.value.isEmpty {
            hidden.lineBreak(at: value.value.lowerBound)
            let before = hidden.utf8.count
            emitAttribute(s, value.value, into: .hidden, percentDecode: false)
            let count = countScalars(hidden.utf8[before...])
            if count > 0 {
                addHidden(Hidden(place: .element, offset: value.value.lowerBound, detail: "hidden form field (\(count) characters)"))
            }
        }
    }

    private mutating func readMeta(_ tag: HTMLTag, _ s: UnsafeBufferPointer<UInt8>) {
        guard let content = tag.attribute("content"), fields.count < Self.maxFields else { return }
        let value = decodedString(s, content.value, inAttribute: true)
        guard !value.isEmpty else { return }
        // Open Graph and RDFa pages name their properties in `property` (`article:author`);
        // ExifTool reads only `name`, so a `property` is named as ExifTool would name it in `name`.
        if let name = tag.attribute("name") ?? tag.attribute("property") {
            let key = decodedString(s, name.value, inAttribute: true).lowercased()
            if let field = HTMLElements.metaField(lowercasedName: key) { fields.append((field.group, field.tag, value)) }
        } else if let equiv = tag.attribute("http-equiv") {
            let key = decodedString(s, equiv.value, inAttribute: true).lowercased()
            let tagName = HTMLElements.tagName(key)
            if !tagName.isEmpty { fields.append(("HTTP-equiv", tagName, value)) }
        }
    }

    /// `hidden`, or a style that hides: `display:none`, `visibility:hidden`, Word's `mso-hide:all`.
    private func isHidden(_ tag: HTMLTag, _ s: UnsafeBufferPointer<UInt8>) -> Bool {
        if tag.attribute("hidden") != nil { return true }
        guard let style = tag.attribute("style"), !style.value.isEmpty else { return false }
        var compact: [UInt8] = []
        for k in style.value.prefix(Self.maxAttributeString) where !HTMLTagParser.isSpace(s[k]) {
            let c = s[k]
            compact.append(c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c | 0x20 : c)
        }
        return compact.withUnsafeBufferPointer { b in
            HTMLCharsetSniffer.find(b, "display:none", from: 0) != nil
                || HTMLCharsetSniffer.find(b, "visibility:hidden", from: 0) != nil
                || HTMLCharsetSniffer.find(b, "mso-hide:all", from: 0) != nil
        }
    }

    /// `tel:`, `mailto:`, `sms:`… links, and map links (their coordinates are a place). Read
    /// from the raw bytes: a scheme is ASCII and written plainly.
    private func isContactLink(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var k = range.lowerBound
        while k < range.upperBound, HTMLTagParser.isSpace(s[k]) { k += 1 }
        let head = UnsafeBufferPointer(rebasing: s[k..<min(range.upperBound, k + 512)])
        func starts(with prefix: [UInt8]) -> Bool {
            guard head.count >= prefix.count else { return false }
            for (j, c) in prefix.enumerated() where head[j] | 0x20 != c { return false }
            return true
        }
        if HTMLElements.contactSchemes.contains(where: starts(with:)) { return true }
        guard starts(with: Array("http://".utf8)) || starts(with: Array("https://".utf8)) else { return false }
        return HTMLCharsetSniffer.find(head, "maps.", from: 0, caseInsensitive: true) != nil
            || HTMLCharsetSniffer.find(head, "/maps", from: 0, caseInsensitive: true) != nil
    }

    // MARK: contact links

    private mutating func emitLink(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        links.lineBreak(at: range.lowerBound)
        emitAttribute(s, range, into: .links, percentDecode: true)
    }

    /// Ends the held `<a>`: its target goes to "links" unless the link's own text already shows
    /// the same phone number or address (`<a href="tel:+84912345678">0912 345 678</a>`), which
    /// would make one number two findings. A target's query (`?subject=…`) is kept either way.
    private mutating func flushLink(_ s: UnsafeBufferPointer<UInt8>) {
        guard let link = pendingLink else { return }
        pendingLink = nil
        let target = HTMLContactLink.decode(decodedString(s, link.href, inAttribute: true))
        let shown = withSink(link.target) { sink -> Bool in
            guard sink.utf8.count > link.textStart else { return false }
            let end = min(sink.utf8.count, link.textStart + HTMLContactLink.maxTextBytes)
            return target.isShown(in: sink.utf8[link.textStart..<end])
        }
        guard shown else { return emitLink(s, link.href) }
        var query = link.href.lowerBound
        while query < link.href.upperBound, s[query] != UInt8(ascii: "?") { query += 1 }
        emitLink(s, query..<link.href.upperBound)
    }

    // MARK: characters

    enum Target { case main, hidden, comments, attributeTexts, links }

    private var currentTarget: Target { hiddenDepth > 0 ? .hidden : .main }

    private mutating func withSink<R>(_ target: Target, _ body: (inout HTMLTextSink) -> R) -> R {
        switch target {
        case .main: return body(&main)
        case .hidden: return body(&hidden)
        case .comments: return body(&comments)
        case .attributeTexts: return body(&attributeTexts)
        case .links: return body(&links)
        }
    }

    /// The sink of a named part (`HTMLTextReader`'s part names).
    mutating func withPart<R>(_ name: String, _ body: (inout HTMLTextSink) -> R) -> R {
        switch name {
        case HTMLTextReader.attributesPart: return body(&attributeTexts)
        case HTMLTextReader.linksPart: return body(&links)
        case HTMLTextReader.commentsPart: return body(&comments)
        default: return body(&hidden)
        }
    }

    private mutating func lineBreak(at i: Int) {
        if hiddenDepth > 0 { hidden.lineBreak(at: i) } else { main.lineBreak(at: i) }
    }

    /// The end of the run of ordinary text at `i` (`i` itself when it does not start one):
    /// printable ASCII other than `<` and `&`, valid UTF-8 sequences, and single spaces
    /// between them. Most of a page's text goes through here in bulk.
    static func plainRunEnd(_ s: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        let n = s.count
        var k = i
        while k < n {
            let c = s[k]
            if c > 0x20 && c < 0x7F {
                if c == UInt8(ascii: "<") || c == UInt8(ascii: "&") { break }
                k += 1
            } else if c >= 0x80 {
                guard let length = UTF8Sequence.length(s, at: k, end: n) else { break }
                k += length
            } else if c == 0x20, k > i, k + 1 < n, s[k + 1] > 0x20, s[k + 1] != 0x7F,
                      s[k + 1] != UInt8(ascii: "<"), s[k + 1] != UInt8(ascii: "&") {
                k += 1
            } else {
                break
            }
        }
        return k
    }

    /// One character of text at `i` (not `<` or `&`); returns the index after it.
    private mutating func character(_ s: UnsafeBufferPointer<UInt8>, at i: Int, end: Int, into target: Target,
                                    preserveSpace: Bool) -> Int {
        let c = s[i]
        if c < 0x80 {
            if HTMLTagParser.isSpace(c) {
                withSink(target) { sink in
                    if !preserveSpace {
                        sink.appendSpace(from: i, to: i + 1)
                    } else if c != 0x0D {
                        sink.append(ascii: c == 0x0C ? 0x0A : c, at: i)
                    } else if i + 1 >= end || s[i + 1] != 0x0A {
                        sink.append(ascii: 0x0A, at: i)
                    }
                }
            } else if c >= 0x20 && c != 0x7F {
                withSink(target) { $0.append(ascii: c, at: i) }
            }
            return i + 1
        }
        if let length = UTF8Sequence.length(s, at: i, end: end) {
            withSink(target) { $0.append(UnsafeBufferPointer(rebasing: s[i..<(i + length)]), from: i, to: i + length) }
            return i + length
        }
        withSink(target) { $0.append(scalar: "\u{FFFD}", from: i, to: i + 1) }
        return i + 1
    }

    /// A character reference at `i` (or a literal `&`); returns the index after it.
    private mutating func reference(_ s: UnsafeBufferPointer<UInt8>, at i: Int, inAttribute: Bool, into target: Target,
                                    limit: Int? = nil) -> Int {
        let end = limit ?? s.count
        let bounded = UnsafeBufferPointer(rebasing: s[0..<end])
        guard let (scalar, next) = HTMLEntities.decode(bounded, at: i, end: end, inAttribute: inAttribute) else {
            withSink(target) { $0.append(ascii: UInt8(ascii: "&"), at: i) }
            return i + 1
        }
        let preserve = preDepth > 0 && target == currentTarget
        withSink(target) { sink in
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{0C}":
                if preserve {
                    sink.append(ascii: scalar == "\r" ? 0x0A : UInt8(scalar.value), from: i, to: next)
                } else {
                    sink.appendSpace(from: i, to: next)
                }
            default:
                sink.append(scalar: scalar, from: i, to: next)
            }
        }
        return next
    }

    /// An attribute value into a part: references decoded, white space collapsed, and in links
    /// `%XX` escapes of ASCII decoded (`tel:%2B84…`).
    private mutating func emitAttribute(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into target: Target,
                                        percentDecode: Bool) {
        var k = range.lowerBound
        let end = range.upperBound
        while k < end {
            let c = s[k]
            if c == UInt8(ascii: "&") {
                k = reference(s, at: k, inAttribute: true, into: target, limit: end)
            } else if percentDecode, c == UInt8(ascii: "%"), k + 2 < end,
                      let hi = hexValue(s[k + 1]), let lo = hexValue(s[k + 2]), hi < 8, hi << 4 | lo >= 0x20 {
                let byte = hi << 4 | lo
                let at = k
                withSink(target) { $0.append(ascii: byte, from: at, to: at + 3) }
                k += 3
            } else if !percentDecode, case let bounded = UnsafeBufferPointer(rebasing: s[0..<end]),
                      case let runEnd = Self.plainRunEnd(bounded, from: k), runEnd > k {
                withSink(target) { $0.appendRun(s, k..<runEnd) }
                k = runEnd
            } else {
                k = character(s, at: k, end: end, into: target, preserveSpace: false)
            }
        }
    }

    /// An attribute value or raw text as a String: references decoded, white space collapsed.
    private func decodedString(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, inAttribute: Bool) -> String {
        var sink = HTMLTextSink()
        let end = min(range.upperBound, range.lowerBound + Self.maxAttributeString, s.count)
        let bounded = UnsafeBufferPointer(rebasing: s[0..<end])
        var k = range.lowerBound
        while k < end {
            let c = s[k]
            if c == UInt8(ascii: "&"), let (scalar, next) = HTMLEntities.decode(bounded, at: k, end: end, inAttribute: inAttribute) {
                if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                    sink.appendSpace(from: k, to: next)
                } else {
                    sink.append(scalar: scalar, from: k, to: next)
                }
                k = next
            } else if HTMLTagParser.isSpace(c) {
                sink.appendSpace(from: k, to: k + 1)
                k += 1
            } else if let length = UTF8Sequence.length(bounded, at: k, end: end) {
                if c >= 0x20 { sink.append(UnsafeBufferPointer(rebasing: s[k..<(k + length)]), from: k, to: k + length) }
                k += length
            } else {
                sink.append(scalar: "\u{FFFD}", from: k, to: k + 1)
                k += 1
            }
        }
        return String(decoding: sink.utf8, as: UTF8.self).trimmingSpaces
    }

    // MARK: hidden items

    private mutating func closeHidden(name: String) {
        hiddenDepth = 0
        hiddenName = nil
        let count = countScalars(hidden.utf8[hiddenCountAtStart...])
        if count > 0 {
            addHidden(Hidden(place: .element, offset: hiddenStart, detail: "hidden <\(name)> element (\(count) characters)"))
        }
    }

    private mutating func addHidden(_ item: Hidden) {
        if hiddenItems.count < Self.maxHiddenItems { hiddenItems.append(item) } else { moreHiddenItems += 1 }
    }

    private func countScalars(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        for b in bytes where b & 0xC0 != 0x80 && b != 0x20 && b != 0x0A && b != 0x09 { count += 1 }
        return count
    }

    @inline(__always) private func isLetter(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    }

    private func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
