/// Builds the text of one office XML part for the detectors, every character tied to the
/// bytes that write it: `<w:t>0912</w:t></w:r><w:r><w:t> 345 678</w:t>` reads as one
/// number whose twelve characters sit in two runs, so it is masked piece by piece and the
/// run markup between stays. Worksheets read their shared strings in place (a value reads
/// next to its column header), those characters tied to the shared-strings part.
enum OfficeTextMapper {
    /// Elements nested deeper than this are not read (as in `XMLStreamReader`).
    static let maxDepth = 256

    struct Output {
        /// The part's text, and separately its attribute texts (alt text), as the reader adds them.
        var texts: [MappedText] = []
        var wellFormed = true
    }

    static func map(_ bytes: [UInt8], unit: Int, rules: OfficeTextRules) -> Output {
        var output = Output()
        var text = MappedText()
        var attributeText = MappedText()
        var stack: [String] = []
        var skipDepth = 0
        var containerDepth = 0
        func closed(_ name: String) {
            if rules.lineEnds.contains(name) { text.lineBreak() }
            if rules.cellEnds.contains(name) { text.separator("\t") }
            if rules.spaced.contains(name) { text.space() }
            if rules.allText { text.lineBreak() }
        }
        output.wellFormed = bytes.withUnsafeBufferPointer { b in
            XMLSourceScanner.scan(b) { token in
                switch token {
                case .start(let nameRange, let attributes, let selfClosing, _):
                    let name = XMLSourceScanner.localName(b, nameRange)
                    if skipDepth > 0 || stack.count >= maxDepth || rules.skipped.contains(name) {
                        if !selfClosing { skipDepth += 1; stack.append(name) }
                        return
                    }
                    if let wanted = rules.attributeTexts[name] {
                        for attribute in attributes where wanted.contains(XMLSourceScanner.localName(b, attribute.name)) {
                            var list: [SourceCharacter] = []
                            XMLSourceScanner.characters(b, attribute.value, unit: unit, into: &list)
                            attributeText.lineBreak()
                            attributeText.append(contentsOf: list)
                        }
                    }
                    if rules.allText { text.lineBreak() }
                    if rules.lineStarts.contains(name) { text.separator("\n") }
                    if rules.tabStarts.contains(name) { text.separator("\t") }
                    if rules.spaced.contains(name) { text.space() }
                    if rules.odfSpaces, name == "s", containerDepth > 0 {
                        var count = 1
                        if let c = attributes.first(where: { XMLSourceScanner.localName(b, $0.name) == "c" }) {
                            count = min(max(Int(XMLSourceScanner.string(b, c.value)) ?? 1, 1), 64)
                        }
                        for _ in 0..<count { text.separator(" ") }
                    }
                    if selfClosing {
                        closed(name)
                    } else {
                        stack.append(name)
                        if rules.containers.contains(name) { containerDepth += 1 }
                    }
                case .end:
                    guard let name = stack.popLast() else { return }
                    if skipDepth > 0 { skipDepth -= 1; return }
                    if rules.containers.contains(name) { containerDepth = max(0, containerDepth - 1) }
                    closed(name)
                case .text(let range, let isCDATA):
                    guard skipDepth == 0, let top = stack.last else { return }
                    guard rules.allText || containerDepth > 0 || rules.textElements.contains(top) else { return }
                    var list: [SourceCharacter] = []
                    XMLSourceScanner.characters(b, range, unit: unit, isCDATA: isCDATA, into: &list)
                    text.append(contentsOf: list)
                }
            }
        }


        output.texts = [text]
        if attributeText.count > 0 { output.texts.append(attributeText) }
        return output
    }

    /// The shared strings of a workbook, each item's characters tied to the part.
    static func sharedStrings(_ bytes: [UInt8], unit: Int, limit: Int = 1_000_000) -> [[SourceCharacter]] {
        var items: [[SourceCharacter]] = []
        var current: [SourceCharacter]?
        var stack: [String] = []
        var phonetic = 0
        _ = bytes.withUnsafeBufferPointer { b in
            XMLSourceScanner.scan(b) { token in
                switch token {
                case .start(let nameRange, _, let selfClosing, _):
                    let name = XMLSourceScanner.localName(b, nameRange)
                    if name == "si" {
                        if selfClosing { if items.count < limit { items.append([]) } } else { current = [] }
                    }
                    if !selfClosing {
                        stack.append(name)
                        if name == "rPh" { phonetic += 1 }
                    }
                case .end:
                    guard let name = stack.popLast() else { return }
                    if name == "rPh" { phonetic = max(0, phonetic - 1) }
                    if name == "si", let item = current {
                        if items.count < limit { items.append(item) }
                        current = nil
                    }
                case .text(let range, let isCDATA):
                    guard phonetic == 0, stack.last == "t", current != nil else { return }
                    var list = current ?? []
                    current = nil
                    XMLSourceScanner.characters(b, range, unit: unit, isCDATA: isCDATA, into: &list)
                    current = list
                }
            }
        }
        return items
    }

    /// A worksheet's text, and where its number and formula cells are (see `SpreadsheetCellRewriter`).
    struct WorksheetText {
        var text = MappedText()
        var cells: [SpreadsheetCellRewriter.Cell] = []
    }

    /// Number and formula cells recorded per worksheet; past this, numbers are read but left alone.
    static let maxRecordedCells = 1_000_000

    /// A worksheet as its reader sees it: rows on lines, cells by tabs, shared strings in place.
    /// A number stored as a number is mapped to its bytes like text, and its cell recorded: a
    /// number cannot hold bullets, so a cell with something masked in it is rewritten whole as a
    /// string cell (`SpreadsheetCellRewriter`). So is a formula cell, whose result would
    /// otherwise be computed again.
    static func worksheet(_ bytes: [UInt8], unit: Int, strings: [[SourceCharacter]]) -> WorksheetText {
        var out = WorksheetText()
        var stack: [String] = []
        var cellType = "n"
        var cellsInRow = 0
        var headerFooter = 0
        // The open cell: where it starts, whether it has a formula, where its value is.
        var cellStart: Int?
        var cellDepth = 0
        var hasFormula = false
        let headerFooterElements: Set<String> = ["oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"]
        _ = bytes.withUnsafeBufferPointer { b in
            XMLSourceScanner.scan(b) { token in
                switch token {
                case .start(let nameRange, let attributes, let selfClosing, let range):
                    let name = XMLSourceScanner.localName(b, nameRange)
                    switch name {
                    case "row":
                        cellsInRow = 0
                    case "c":
                        cellType = attributes.first(where: { XMLSourceScanner.localName(b, $0.name) == "t" })
                            .map { XMLSourceScanner.string(b, $0.value) } ?? "n"
                        if cellsInRow > 0 { out.text.separator("\t") }
                        cellsInRow += 1
                        if !selfClosing {
                            cellStart = range.lowerBound
                            cellDepth = stack.count + 1
                            hasFormula = false
                        }
                    case "f":
                        if cellStart != nil, stack.count == cellDepth { hasFormula = true }
                    default:
                        if headerFooterElements.contains(name) {
                            out.text.lineBreak()
                            if !selfClosing { headerFooter += 1 }
                        }
                    }
                    if !selfClosing { stack.append(name) }
                case .end(_, let range):
                    guard let name = stack.popLast() else { return }
                    if name == "c", let start = cellStart, stack.count + 1 == cellDepth {
                        if let last = out.cells.indices.last, out.cells[last].start == start { out.cells[last].end = range.upperBound }
                        cellStart = nil
                    }
                    if name == "row" { out.text.lineBreak() }
                    if headerFooterElements.contains(name) {
                        headerFooter = max(0, headerFooter - 1)
                        out.text.lineBreak()
                    }
                case .text(let range, let isCDATA):
                    guard let top = stack.last else { return }
                    var list: [SourceCharacter] = []
                    if top == "v", stack.contains("c") {
                        // A number in the cell's own value, recorded (even before the cell closes: a part cut
                        // short leaves it without an end, and then it is not edited).
                        var editable = false
                        if let start = cellStart, stack.count == cellDepth + 1, Self.rewritable(cellType, hasFormula: hasFormula) {
                            if let last = out.cells.indices.last, out.cells[last].start == start {
                                out.cells[last].value = out.cells[last].value.lowerBound..<range.upperBound
                                if isCDATA { out.cells[last].isCDATA = true }
                                editable = true
                            } else if out.cells.count < maxRecordedCells {
                                out.cells.append(SpreadsheetCellRewriter.Cell(start: start, value: range, isCDATA: isCDATA))
                                editable = true
                            }
                        }
                        switch cellType {
                        case "s":
                            let raw = XMLSourceScanner.string(b, range).trimmingASCIISpaces
                            if let index = Int(raw), index >= 0, index < strings.count { out.text.append(contentsOf: strings[index]) }
                        case "b", "e":
                            break
                        case "str", "inlineStr":
                            XMLSourceScanner.characters(b, range, unit: unit, isCDATA: isCDATA, into: &list)
                            out.text.append(contentsOf: list)
                        default:
                            XMLSourceScanner.characters(b, range, unit: unit, isCDATA: isCDATA, into: &list)
                            // A number not recorded is read only: bullets in a number would break the sheet.
                            for c in list { out.text.append(SourceCharacter(c.scalar, unit: unit, range: editable ? c.range : nil)) }
                        }
                    } else if top == "t", stack.contains("is"), !stack.contains("rPh") {
                        XMLSourceScanner.characters(b, range, unit: unit, isCDATA: isCDATA, into: &list)
                        out.text.append(contentsOf: list)
                    } else if headerFooter > 0 {
                        XMLSourceScanner.characters(b, range, unit: unit, isCDATA: isCDATA, into: &list)
                        out.text.append(contentsOf: list)
                    }
                }
            }
        }
        return out
    }

    /// Cells whose value cannot be masked where it is: numbers (and ISO dates), and any formula's result.
    static func rewritable(_ type: String, hasFormula: Bool) -> Bool {
        switch type {
        case "s", "b", "e", "inlineStr": return false
        case "str": return hasFormula
        default: return true
        }
    }
}
