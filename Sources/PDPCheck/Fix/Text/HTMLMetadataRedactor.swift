/// What an HTML page says about itself: `<meta>` contents, the `<title>`, and the document
/// properties Word keeps in a conditional comment (`<o:Author>`). People fields the scan
/// flagged (author, creator, last author, company…) are emptied; personal data the text
/// detectors found in other fields (a phone number in the description) is redacted in place.
enum HTMLMetadataRedactor {
    static func redact(_ bytes: [UInt8], findings: [Finding], source: SourceText, options: RedactionOptions,
                       into edits: inout RedactionEdits) {
        // The fields to empty and the fields holding text findings, as "group:name".
        var strip = Set<String>()
        var search = Set<String>()
        for finding in findings where finding.location.kind == .metadata && finding.fix.automatic {
            guard let field = finding.location.field else { continue }
            let key = (finding.location.group ?? "HTML") + ":" + field
            if finding.category.kind == .metadata {
                if finding.fix.action == .stripMetadata { strip.insert(key) }
            } else if options.action(for: finding.category) != .leave {
                search.insert(key)
            }
        }
        guard !strip.isEmpty || !search.isEmpty else { return }
        let redactor = MappedTextRedactor(options: options)

        func handle(_ key: String, _ range: Range<Int>, attribute: Bool) {
            guard let characters = source.characters(range, part: attribute ? HTMLTextReader.attributesPart : nil) else { return }
            if strip.contains(key) {
                edits.add(characters, category: .authorIdentity, action: .remove, part: key, language: options.language) { _ in source.encoding }
            } else if search.contains(key) {
                var text = MappedText()
                text.append(contentsOf: characters)
                redactor.redact(text, part: key, encoding: source.encoding, into: &edits)
            }
        }

        bytes.withUnsafeBufferPointer { s in
            let n = s.count
            var i = 0
            while i < n {
                guard s[i] == UInt8(ascii: "<"), i + 1 < n else { i += 1; continue }
                if HTMLCharsetSniffer.hasPrefix(s, at: i, "<!--") {
                    let close = HTMLCharsetSniffer.find(s, "-->", from: i + 4) ?? n
                    officeProperties(s, (i + 4)..<close, handle: handle)
                    i = min(close + 3, n)
                    continue
                }
                guard UTF8Classes.isASCIILetter(s[i + 1]), let tag = HTMLTagParser.parse(s, at: i) else { i += 1; continue }
                if tag.name == "meta", let content = tag.attribute("content"), let key = metaKey(tag, s) {
                    handle(key, content.value, attribute: true)
                } else if tag.name == "title" {
                    let end = HTMLTagParser.rawTextEnd(s, from: tag.end, name: "title")
                    handle("HTML:Title", tag.end..<end, attribute: true)
                    i = end
                    continue
                }
                if HTMLElements.kind(tag.name).contains(.skipped) {
                    i = HTMLTagParser.rawTextEnd(s, from: tag.end, name: tag.name)
                    continue
                }
                i = tag.end
            }
        }
    }

    /// The field a `<meta>` becomes, named as the reader names it ("HTML:Author", "HTML-dc:Creator").
    static func metaKey(_ tag: HTMLTag, _ s: UnsafeBufferPointer<UInt8>) -> String? {
        if let name = tag.attribute("name") ?? tag.attribute("property") {
            return HTMLElements.metaField(lowercasedName: plain(s, name.value).lowercased()).map { $0.group + ":" + $0.tag }
        }
        if let equiv = tag.attribute("http-equiv") {
            let tagName = HTMLElements.tagName(plain(s, equiv.value).lowercased())
            return tagName.isEmpty ? nil : "HTTP-equiv:" + tagName
        }
        return nil
    }

    /// `<o:Author>…</o:Author>` and the other Office properties inside one comment.
    private static func officeProperties(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                         handle: (String, Range<Int>, Bool) -> Void) {
        let scope = UnsafeBufferPointer(rebasing: s[0..<range.upperBound])
        var k = range.lowerBound
        while let at = HTMLCharsetSniffer.find(scope, "<o:", from: k, caseInsensitive: true) {
            k = at + 3
            var nameEnd = k
            while nameEnd < range.upperBound, HTMLEntities.isAlphanumeric(scope[nameEnd]) { nameEnd += 1 }
            guard nameEnd < range.upperBound, scope[nameEnd] == UInt8(ascii: ">"), nameEnd > k else { continue }
            guard let tagName = HTMLElements.officeProperties[HTMLTagParser.lowercased(scope, k..<nameEnd)] else { continue }
            let valueStart = nameEnd + 1
            let valueEnd = HTMLTagParser.indexOf(UInt8(ascii: "<"), in: scope, from: valueStart) ?? range.upperBound
            k = valueEnd
            handle("HTML-office:" + tagName, valueStart..<valueEnd, true)
        }
    }

    private static func plain(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: s[range]), as: UTF8.self).trimmingSpaces
    }
}
