/// Text of an OpenDocument `content.xml` (or the header/footer part of `styles.xml`):
/// paragraphs and headings, spans, table cells (tab-separated, rows on lines, sheet names on
/// their own line), frames and text boxes, footnotes; annotations (`office:annotation`, author
/// in `dc:creator`) are comments; `text:tracked-changes` regions are tracked changes with the
/// author from `office:change-info/dc:creator`, and deleted text stays in the text so numbers in
/// it are found; speaker notes (`presentation:notes`); hidden paragraphs, sections, conditional
/// hidden text and spans whose automatic style has `text:display="none"`.
struct ODFContentExtractor: XMLStreamHandler {
    static let textNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let tableNS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let officeNS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let styleNS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let presentationNS = "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"
    static let svgNS = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
    static let dcNS = "http://purl.org/dc/elements/1.1/"

    enum Kind {
        case paragraph, tableCell, tableRow, annotation, changedRegion, changeKind, changeInfo, creator
        case suppressed, notes, headerFooter, altText, style, other
    }

    struct Frame {
        var kind: Kind
        var hides = false
    }

    /// Only text inside header/footer elements counts (for `styles.xml`).
    let headerFooterOnly: Bool
    var text = PartTextBuilder()
    var tally = HiddenTally()
    var comments: [(person: String?, characters: Int)] = []
    private var stack: [Frame] = []
    private var hiddenStyles: Set<String> = []
    private var currentStyle: String?
    private var textDepth = 0
    private var suppressDepth = 0
    private var headerFooterDepth = 0
    private var hiddenDepth = 0
    private var hiddenStart = 0
    private var annotations: [(creator: [UInt8], start: Int)] = []
    private var creatorBuffer: [UInt8]?
    private var region: (label: String, creator: [UInt8], start: Int)?
    private var notesStart: Int?

    init(headerFooterOnly: Bool = false) {
        self.headerFooterOnly = headerFooterOnly
    }

    private var collecting: Bool {
        (textDepth > 0 || stack.last?.kind == .altText) && suppressDepth == 0 && (!headerFooterOnly || headerFooterDepth > 0)
    }

    mutating func startElement(_ name: XMLQName, attributes: XMLAttributes) {
        var frame = Frame(kind: .other)
        let ns = name.namespace
        switch (ns, name.local) {
        case (ODFContentExtractor.styleNS, "style"):
            currentStyle = attributes.value("name")
            frame.kind = .style
        case (ODFContentExtractor.styleNS, "text-properties"):
            if attributes.value("display") == "none", let style = currentStyle { hiddenStyles.insert(style) }
        case (ODFContentExtractor.styleNS, "header"), (ODFContentExtractor.styleNS, "footer"),
             (ODFContentExtractor.styleNS, "header-left"), (ODFContentExtractor.styleNS, "footer-left"),
             (ODFContentExtractor.styleNS, "header-first"), (ODFContentExtractor.styleNS, "footer-first"):
            frame.kind = .headerFooter
            headerFooterDepth += 1
        case (ODFContentExtractor.textNS, "p"), (ODFContentExtractor.textNS, "h"):
            frame.kind = .paragraph
            textDepth += 1
            frame.hides = isHiddenStyle(attributes)
        case (ODFContentExtractor.textNS, "span"):
            frame.hides = isHiddenStyle(attributes)
        case (ODFContentExtractor.textNS, "hidden-paragraph"):
            frame.kind = .paragraph
            textDepth += 1
            frame.hides = OfficeXML.isOn(attributes.value("is-hidden") ?? "true")
        case (ODFContentExtractor.textNS, "section"):
            frame.hides = attributes.value("display") == "none"
        case (ODFContentExtractor.textNS, "hidden-text"):
            if let value = attributes.value("string-value"), !value.isEmpty,
               OfficeXML.isOn(attributes.value("is-hidden") ?? "true") {
                let start = text.count
                text.append(value)
                tally.add(.hiddenText, "hidden text", person: nil, characters: OfficeXML.characterCount(text.utf8[start...]))
            }
        case (ODFContentExtractor.textNS, "s"):
            if collecting {
                let n = min(max(Int(attributes.value("c") ?? "1") ?? 1, 1), 64)
                text.utf8.append(contentsOf: [UInt8](repeating: 0x20, count: n))
            }
        case (ODFContentExtractor.textNS, "tab"):
            if collecting { text.tab() }
        case (ODFContentExtractor.textNS, "line-break"):
            if collecting { text.utf8.append(0x0A) }
        case (ODFContentExtractor.textNS, "note-citation"):
            frame.kind = .suppressed
            suppressDepth += 1
        case (ODFContentExtractor.textNS, "note-body"):
            text.space()
        case (ODFContentExtractor.tableNS, "table"):
            if let sheet = attributes.value("name"), !headerFooterOnly {
                text.lineBreak()
                text.append(sheet)
                text.lineBreak()
            }
        case (ODFContentExtractor.tableNS, "table-cell"), (ODFContentExtractor.tableNS, "covered-table-cell"):
            frame.kind = .tableCell
        case (ODFContentExtractor.tableNS, "table-row"):
            frame.kind = .tableRow
        case (ODFContentExtractor.officeNS, "annotation"):
            frame.kind = .annotation
            text.space()
            annotations.append(([], text.count))
        case (ODFContentExtractor.textNS, "changed-region"):
            frame.kind = .changedRegion
            region = ("tracked change", [], text.count)
        case (ODFContentExtractor.textNS, "deletion"), (ODFContentExtractor.textNS, "insertion"),
             (ODFContentExtractor.textNS, "format-change"):
            frame.kind = .changeKind
            let label = name.local == "deletion" ? "deleted text" : name.local == "insertion" ? "inserted text" : "formatting change"
            if region != nil { region?.label = label }
            // Deleted paragraphs are text:p inside the deletion: they are collected as text.
        case (ODFContentExtractor.officeNS, "change-info"):
            frame.kind = .changeInfo
            suppressDepth += 1
        case (ODFContentExtractor.dcNS, "creator"):
            frame.kind = .creator
            creatorBuffer = []
            suppressDepth += 1
        case (ODFContentExtractor.dcNS, "date"):
            if annotations.isEmpty == false || region != nil {
                frame.kind = .suppressed
                suppressDepth += 1
            }
        case (ODFContentExtractor.presentationNS, "notes"):
            frame.kind = .notes
            text.lineBreak()
            notesStart = text.count
        case (ODFContentExtractor.svgNS, "title"), (ODFContentExtractor.svgNS, "desc"):
            frame.kind = .altText
        default:
            break
        }
        if frame.hides {
            if hiddenDepth == 0 { hiddenStart = text.count }
            hiddenDepth += 1
        }
        stack.append(frame)
    }

    mutating func endElement(_ name: XMLQName) {
        guard let frame = stack.popLast() else { return }
        if frame.hides {
            hiddenDepth = max(0, hiddenDepth - 1)
            if hiddenDepth == 0 {
                let characters = OfficeXML.characterCount(text.utf8[min(hiddenStart, text.count)...])
                if characters > 0 { tally.add(.hiddenText, "hidden text", person: nil, characters: characters) }
            }
        }
        switch frame.kind {
        case .paragraph:
            textDepth = max(0, textDepth - 1)
            text.lineBreak()
        case .tableCell:
            text.tab()
        case .tableRow:
            text.lineBreak()
        case .headerFooter:
            headerFooterDepth = max(0, headerFooterDepth - 1)
            text.lineBreak()
        case .style:
            currentStyle = nil
        case .suppressed, .changeInfo:
            suppressDepth = max(0, suppressDepth - 1)
        case .creator:
            suppressDepth = max(0, suppressDepth - 1)
            let creator = creatorBuffer ?? []
            creatorBuffer = nil
            if region != nil, stack.contains(where: { $0.kind == .changeInfo }) {
                region?.creator = creator
            } else if !annotations.isEmpty {
                annotations[annotations.count - 1].creator = creator
            }
        case .annotation:
            guard let annotation = annotations.popLast() else { break }
            let characters = OfficeXML.characterCount(text.utf8[min(annotation.start, text.count)...])
            if comments.count < 100_000 { comments.append((ODFContentExtractor.person(annotation.creator), characters)) }
            text.lineBreak()
        case .changedRegion:
            guard let r = region else { break }
            region = nil
            let characters = r.label == "deleted text" ? OfficeXML.characterCount(text.utf8[min(r.start, text.count)...]) : 0
            tally.add(.trackedChange, r.label, person: ODFContentExtractor.person(r.creator), characters: characters)
        case .notes:
            if let start = notesStart, start <= text.count, OfficeXML.hasWords(Array(text.utf8[start...])) {
                tally.add(.speakerNotes, "speaker notes", person: nil, characters: OfficeXML.characterCount(text.utf8[start...]))
            }
            notesStart = nil
            text.lineBreak()
        case .altText:
            text.lineBreak()
        case .changeKind, .other:
            break
        }
    }

    mutating func characters(_ chars: XMLCharacters) {
        if var buffer = creatorBuffer {
            creatorBuffer = nil
            if buffer.count < 4096 { chars.append(to: &buffer) }
            creatorBuffer = buffer
            return
        }
        if collecting { text.append(chars) }
    }

    private func isHiddenStyle(_ attributes: XMLAttributes) -> Bool {
        guard !hiddenStyles.isEmpty, let style = attributes.value("style-name") else { return false }
        return hiddenStyles.contains(style)
    }

    private static func person(_ bytes: [UInt8]) -> String? {
        let s = MetadataText.trimmed(String(decoding: bytes, as: UTF8.self))
        return s.isEmpty ? nil : s
    }

    static func extract(_ bytes: [UInt8], part: String, headerFooterOnly: Bool, limits: XMLStreamReader.Limits,
                        into content: inout DocumentContent) {
        var extractor = ODFContentExtractor(headerFooterOnly: headerFooterOnly)
        let warnings = XMLStreamReader.parse(bytes, limits: limits, handler: &extractor)
        content.notes += warnings.map { "\(part): \($0)" }
        if let textPart = extractor.text.textPart(part) { content.textParts.append(textPart) }
        for comment in extractor.comments {
            content.hidden.append(HiddenItem(kind: .comment, part: part, detail: "comment (\(comment.characters) characters)",
                                             person: comment.person))
        }
        content.hidden += extractor.tally.items(part: part)
    }
}
