/// Text of a WordprocessingML story part (document body, header, footer, footnotes, endnotes,
/// glossary): `w:t` in order, paragraphs as line breaks, `w:tab`/`w:br` inside runs. Deleted
/// text (`w:delText`) stays in the text where it was, so numbers in it are found, and is counted
/// as a tracked change with its author; so are insertions, moves and formatting changes. Runs
/// marked `w:vanish` are hidden text. `mc:Fallback` is skipped: it repeats `mc:Choice`.
struct WordPartExtractor: XMLStreamHandler {
    enum Tag: Equatable {
        case paragraph, run, runProperties, text, change, other
    }

    static let namespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]

    var text = PartTextBuilder()
    var tally = HiddenTally()
    private var stack: [Tag] = []
    private var fallbackDepth = 0
    private var runHidden = false
    /// Where the current stretch of hidden text began (a byte offset into `text`).
    private var hiddenStart: Int?
    private var changes: [(label: String, person: String?, start: Int, removed: Bool)] = []
    /// Alt text of pictures (`wp:docPr descr`), added after the body.
    private var altTexts: [String] = []

    mutating func startElement(_ name: XMLQName, attributes: XMLAttributes) {
        if fallbackDepth > 0 { fallbackDepth += 1; return }
        if name.local == "Fallback" && name.namespace == OfficeXML.markupCompatibility { fallbackDepth = 1; return }
        if name.local == "docPr" || name.local == "cNvPr" {
            for key in ["descr", "title"] { if let v = attributes.value(key), !v.isEmpty, altTexts.count < 10_000 { altTexts.append(v) } }
        }
        guard WordPartExtractor.namespaces.contains(name.namespace) else { stack.append(.other); return }
        let parent = stack.last
        switch name.local {
        case "p":
            stack.append(.paragraph)
        case "r":
            runHidden = false
            stack.append(.run)
        case "rPr":
            stack.append(parent == .run ? .runProperties : .other)
        case "vanish":
            if parent == .runProperties && OfficeXML.isOn(attributes.value("val")) { runHidden = true }
            stack.append(.other)
        case "t", "delText":
            stack.append(parent == .run ? .text : .other)
        case "tab":
            if parent == .run { closeHidden(); text.tab() }
            stack.append(.other)
        case "br", "cr":
            if parent == .run { closeHidden(); text.utf8.append(0x0A) }
            stack.append(.other)
        case "noBreakHyphen":
            if parent == .run { text.utf8.append(0x2D) }
            stack.append(.other)
        case "ins", "del", "moveFrom", "moveTo":
            let label: String
            switch name.local {
            case "ins": label = "inserted text"
            case "del": label = "deleted text"
            case "moveFrom": label = "moved text (old place)"
            default: label = "moved text"
            }
            // Removed text sits next to its replacement ("0903 123 456" then "0938 765 432"):
            // keep a space on both sides so the two values never read as one.
            let removed = name.local == "del" || name.local == "moveFrom"
            if removed { text.space() }
            changes.append((label, attributes.value("author"), text.count, removed))
            stack.append(.change)
        default:
            if name.local.hasSuffix("PrChange") || name.local == "cellIns" || name.local == "cellDel"
                || name.local == "cellMerge" || name.local == "numberingChange" {
                tally.add(.trackedChange, "formatting change", person: attributes.value("author"), characters: 0)
            }
            stack.append(.other)
        }
    }

    mutating func endElement(_ name: XMLQName) {
        if fallbackDepth > 0 { fallbackDepth -= 1; return }
        guard let tag = stack.popLast() else { return }
        switch tag {
        case .paragraph:
            closeHidden()
            text.lineBreak()
        case .change:
            guard let change = changes.popLast() else { return }
            let characters = OfficeXML.characterCount(text.utf8[min(change.start, text.count)...])
            tally.add(.trackedChange, change.label, person: change.person, characters: characters)
            if change.removed { text.space() }
        default:
            break
        }
    }

    mutating func characters(_ chars: XMLCharacters) {
        guard fallbackDepth == 0, stack.last == .text else { return }
        if runHidden {
            if hiddenStart == nil { hiddenStart = text.count }
        } else {
            closeHidden()
        }
        text.append(chars)
    }

    private mutating func closeHidden() {
        guard let start = hiddenStart else { return }
        hiddenStart = nil
        let characters = OfficeXML.characterCount(text.utf8[min(start, text.count)...])
        if characters > 0 { tally.add(.hiddenText, "hidden text", person: nil, characters: characters) }
    }

    /// Runs the extractor over a part and adds its text and hidden items.
    static func extract(_ bytes: [UInt8], part: String, limits: XMLStreamReader.Limits, into content: inout DocumentContent) {
        var extractor = WordPartExtractor()
        let warnings = XMLStreamReader.parse(bytes, limits: limits, handler: &extractor)
        extractor.closeHidden()
        content.notes += warnings.map { "\(part): \($0)" }
        if !extractor.altTexts.isEmpty {
            extractor.text.lineBreak()
            for alt in extractor.altTexts {
                extractor.text.append(alt)
                extractor.text.lineBreak()
            }
        }
        if let textPart = extractor.text.textPart(part) { content.textParts.append(textPart) }
        content.hidden += extractor.tally.items(part: part)
    }
}
