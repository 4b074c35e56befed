/// A spreadsheet cell that holds a number cannot hold bullets: `<v>91••••678</v>` in a number
/// cell makes Excel repair the file, and an ODS float cell keeps its `office:value` whatever
/// its displayed paragraph says. So a number (or formula) cell with something masked in it
/// becomes a string cell holding the masked text; its formula goes too, since the formula
/// would compute the number again. Every other attribute of the cell (reference, style) and
/// every other cell stay byte for byte.
enum SpreadsheetCellRewriter {
    /// A worksheet number or formula cell (`<c …>…<v>…</v></c>`), recorded by the mapper.
    struct Cell {
        /// Where `<c` starts.
        var start: Int
        /// Just past `</c>`; nil when the part ended before it (then it is never rewritten).
        var end: Int?
        /// The value's character data (inside `<v>`).
        var value: Range<Int>
        var isCDATA: Bool

        init(start: Int, end: Int? = nil, value: Range<Int>, isCDATA: Bool) {
            self.start = start
            self.end = end
            self.value = value
            self.isCDATA = isCDATA
        }
    }

    /// What rewriting one worksheet's cells did.
    struct Outcome {
        var edits: [SourceEdit] = []
        /// Cells now holding masked text (their reference, e.g. "B2").
        var rewritten: [String] = []
        /// Cells whose formula was dropped with the number.
        var formulasDropped: [String] = []
        /// Cells left as they were, with why.
        var refused: [(cell: String, reason: String)] = []
        /// The bytes of the refused cells' values: the redactions found there did not happen.
        var refusedRanges: [Range<Int>] = []
        /// The numbers as they were written (for finding cached copies elsewhere in the package).
        var maskedValues: [[UInt8]] = []
    }

    /// Turns the edits of a worksheet into edits that keep it valid: edits inside a recorded
    /// cell's value become one edit rewriting the whole cell; edits elsewhere stay as they are.
    /// `edits` are sorted and never overlap (as `RedactionEdits.edits(unit:)` makes them).
    static func worksheet(_ bytes: [UInt8], cells: [Cell], edits: [SourceEdit]) -> Outcome {
        var out = Outcome()
        guard !cells.isEmpty, !edits.isEmpty else {
            out.edits = edits
            return out
        }
        var e = 0
        for cell in cells {
            // Edits before this cell's value are not in any recorded cell.
            while e < edits.count, edits[e].range.lowerBound < cell.value.lowerBound {
                out.edits.append(edits[e])
                e += 1
            }
            var inside: [SourceEdit] = []
            while e < edits.count, edits[e].range.lowerBound < cell.value.upperBound {
                if edits[e].range.upperBound <= cell.value.upperBound { inside.append(edits[e]) }
                e += 1
            }
            guard !inside.isEmpty else { continue }
            let parsed = parse(bytes, cell)
            let reference = parsed?.reference ?? "?"
            guard let parsed, let end = cell.end else {
                out.refused.append((reference, "the cell could not be read whole"))
                out.refusedRanges.append(cell.value)
                continue
            }
            if cell.isCDATA {
                out.refused.append((reference, "its value is written as CDATA"))
                out.refusedRanges.append(cell.value)
                continue
            }
            if parsed.sharedFormulaMaster {
                out.refused.append((reference, "other cells share its formula"))
                out.refusedRanges.append(cell.value)
                continue
            }
            var original = Array(bytes[cell.value])
            let shifted = inside.map { SourceEdit(unit: $0.unit, range: ($0.range.lowerBound - cell.value.lowerBound)..<($0.range.upperBound - cell.value.lowerBound),
                                                  replacement: $0.replacement) }
            let masked = RedactionEdits.apply(shifted, to: original)
            var cellBytes: [UInt8] = [0x3C]
            cellBytes += parsed.qualifiedName
            for attribute in parsed.keptAttributes {
                cellBytes.append(0x20)
                cellBytes += bytes[attribute]
            }
            let p = parsed.prefix
            cellBytes += Array(" t=\"inlineStr\"><".utf8) + p + Array("is><".utf8) + p + [0x74]
            if let first = masked.first, let last = masked.last, isSpace(first) || isSpace(last) {
                cellBytes += Array(" xml:space=\"preserve\"".utf8)
            }
            cellBytes += [0x3E] + masked + Array("</".utf8) + p + Array("t></".utf8) + p + Array("is>".utf8)
            if let ext = parsed.extensions { cellBytes += bytes[ext] }
            cellBytes += Array("</".utf8) + parsed.qualifiedName + [0x3E]
            out.edits.append(SourceEdit(unit: inside[0].unit, range: cell.start..<end, replacement: cellBytes))
            out.rewritten.append(reference)
            if parsed.hasFormula { out.formulasDropped.append(reference) }
            while let first = original.first, isSpace(first) { original.removeFirst() }
            while let last = original.last, isSpace(last) { original.removeLast() }
            if !original.isEmpty { out.maskedValues.append(original) }
        }
        out.edits += edits[e...]
        return out
    }

    /// How ODF cells are named in the report (they have no reference of their own).
    static let odfCellName = "a table cell"

    /// ODF attributes that give a cell a typed value (or compute it); a string cell has none.
    static let odfValueAttributes: Set<String> = ["value", "date-value", "time-value", "boolean-value", "currency",
                                                  "string-value", "formula"]

    /// An OpenDocument part (`content.xml`, a chart object's table): for every table cell with a
    /// typed value (`office:value-type="float"` and the like, `office:value`) or a formula, where
    /// an edit masks its displayed paragraph, the start tag is rewritten as a string cell:
    /// `office:value-type` and `calcext:value-type` become "string", `office:value` and the
    /// other value attributes and `table:formula` go. Edits in the cell's annotation do not count.
    static func odf(_ bytes: [UInt8], edits: [SourceEdit]) -> Outcome {
        var out = Outcome()
        out.edits = edits
        guard !edits.isEmpty else { return out }
        struct Candidate {
            var tag: Range<Int>
            var content: Range<Int>
            var hasFormula: Bool
        }
        var candidates: [Candidate] = []
        var annotations: [Range<Int>] = []
        // Open elements: whether each is a candidate cell (its index) or an annotation (its start).
        var stack: [(candidate: Int?, annotationStart: Int?)] = []
        let maxDepth = 256
        var overflow = 0
        _ = bytes.withUnsafeBufferPointer { b in
            XMLSourceScanner.scan(b) { token in
                switch token {
                case .start(let name, let attributes, let selfClosing, let range):
                    guard !selfClosing else { return }
                    guard stack.count < maxDepth else { overflow += 1; return }
                    let local = XMLSourceScanner.localName(b, name)
                    var entry: (candidate: Int?, annotationStart: Int?) = (nil, nil)
                    if local == "table-cell" || local == "covered-table-cell" {
                        var typed = false
                        var formula = false
                        for a in attributes {
                            let attribute = XMLSourceScanner.localName(b, a.name)
                            if attribute == "value-type", XMLSourceScanner.string(b, a.value) != "string" { typed = true }
                            if attribute == "formula" { formula = true }
                            if odfValueAttributes.contains(attribute) { typed = true }
                        }
                        if typed || formula {
                            entry.candidate = candidates.count
                            candidates.append(Candidate(tag: range, content: range.upperBound..<range.upperBound, hasFormula: formula))
                        }
                    } else if local == "annotation" {
                        entry.annotationStart = range.lowerBound
                    }
                    stack.append(entry)
                case .end(_, let range):
                    if overflow > 0 { overflow -= 1; return }
                    guard let entry = stack.popLast() else { return }
                    if let index = entry.candidate {
                        candidates[index].content = candidates[index].tag.upperBound..<range.lowerBound
                    }
                    if let start = entry.annotationStart, annotations.count < 1_000_000 {
                        annotations.append(start..<range.upperBound)
                    }
                case .text:
                    break
                }
            }
        }
        guard !candidates.isEmpty else { return out }
        annotations.sort { $0.lowerBound < $1.lowerBound }
        func inAnnotation(_ r: Range<Int>) -> Bool {
            // The last annotation starting at or before r (annotations do not nest in cells).
            var low = 0
            var high = annotations.count
            while low < high {
                let mid = (low + high) / 2
                if annotations[mid].lowerBound <= r.lowerBound { low = mid + 1 } else { high = mid }
            }
            return low > 0 && annotations[low - 1].upperBound >= r.upperBound
        }
        // The innermost candidate holding each edit: the last one starting before it that contains it
        // (a cell nested in a cell's sub-table starts later than its outer cell).
        var touched = Set<Int>()
        for edit in edits where !inAnnotation(edit.range) {
            var low = 0
            var high = candidates.count
            while low < high {
                let mid = (low + high) / 2
                if candidates[mid].tag.lowerBound < edit.range.lowerBound { low = mid + 1 } else { high = mid }
            }
            var k = low - 1
            var steps = 0
            while k >= 0, steps < 16 {
                let content = candidates[k].content
                if content.lowerBound <= edit.range.lowerBound, edit.range.upperBound <= content.upperBound {
                    touched.insert(k)
                    break
                }
                k -= 1
                steps += 1
            }
        }
        for index in touched.sorted() {
            let candidate = candidates[index]
            guard let tag = rewrittenODFTag(bytes, candidate.tag) else {
                out.refused.append((odfCellName, "its start tag could not be read"))
                out.refusedRanges.append(candidate.content)
                continue
            }
            out.edits.append(SourceEdit(unit: edits[0].unit, range: candidate.tag, replacement: tag))
            out.rewritten.append(odfCellName)
            if candidate.hasFormula { out.formulasDropped.append(odfCellName) }
        }
        out.edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        return out
    }

    /// `<table:table-cell table:style-name="ce1" office:value-type="float" office:value="912345678"
    /// calcext:value-type="float">` → `<table:table-cell table:style-name="ce1"
    /// office:value-type="string" calcext:value-type="string">`.
    static func rewrittenODFTag(_ bytes: [UInt8], _ tag: Range<Int>) -> [UInt8]? {
        guard tag.lowerBound >= 0, tag.upperBound <= bytes.count, !tag.isEmpty else { return nil }
        var result: [UInt8]?
        bytes.withUnsafeBufferPointer { whole in
            let b = UnsafeBufferPointer(rebasing: whole[tag])
            XMLSourceScanner.scan(b) { token in
                guard result == nil, case .start(let name, let attributes, let selfClosing, _) = token else { return }
                var out: [UInt8] = [0x3C]
                out += b[name]
                for a in attributes {
                    let attribute = XMLSourceScanner.localName(b, a.name)
                    if odfValueAttributes.contains(attribute) { continue }
                    out.append(0x20)
                    // A cell without a type (a bare formula) stays without one: its paragraph is its text.
                    if attribute == "value-type" {
                        out += b[a.name]
                        out += Array("=\"string\"".utf8)
                    } else {
                        out += b[a.name.lowerBound..<(a.value.upperBound + 1)]
                    }
                }
                out += selfClosing ? [0x2F, 0x3E] : [0x3E]
                result = out
            }
        }
        return result
    }

    private struct ParsedCell {
        var qualifiedName: [UInt8]
        /// "x:" for `<x:c>`, empty without a prefix.
        var prefix: [UInt8]
        var reference: String
        /// Every attribute but `t`, each as written (`r="B2"`), in absolute offsets.
        var keptAttributes: [Range<Int>]
        var hasFormula = false
        var sharedFormulaMaster = false
        /// `<extLst>…</extLst>`, kept.
        var extensions: Range<Int>?
    }

    /// The cell's start tag and direct children, read again from its own bytes.
    private static func parse(_ bytes: [UInt8], _ cell: Cell) -> ParsedCell? {
        let end = min(cell.end ?? bytes.count, bytes.count)
        guard cell.start < end else { return nil }
        let base = cell.start
        var parsed: ParsedCell?
        var depth = 0
        var extStart: Int?
        bytes.withUnsafeBufferPointer { whole in
            let b = UnsafeBufferPointer(rebasing: whole[base..<end])
            XMLSourceScanner.scan(b) { token in
                switch token {
                case .start(let name, let attributes, let selfClosing, let range):
                    let local = XMLSourceScanner.localName(b, name)
                    if depth == 0 {
                        guard parsed == nil, local == "c" else { return }
                        let qualified = Array(b[name])
                        var prefix: [UInt8] = []
                        if let colon = qualified.lastIndex(of: 0x3A) { prefix = Array(qualified[...colon]) }
                        var cellInfo = ParsedCell(qualifiedName: qualified, prefix: prefix, reference: "?", keptAttributes: [])
                        for a in attributes {
                            let attributeName = XMLSourceScanner.localName(b, a.name)
                            if attributeName == "r" { cellInfo.reference = XMLSourceScanner.string(b, a.value) }
                            // Only `t` itself: other attributes that end in "t" keep their prefix.
                            if attributeName == "t", !b[a.name].contains(0x3A) { continue }
                            cellInfo.keptAttributes.append((base + a.name.lowerBound)..<(base + a.value.upperBound + 1))
                        }
                        parsed = cellInfo
                    } else if depth == 1 {
                        if local == "f" {
                            parsed?.hasFormula = true
                            var shared = false
                            var hasRange = false
                            for a in attributes {
                                switch XMLSourceScanner.localName(b, a.name) {
                                case "t": shared = XMLSourceScanner.string(b, a.value) == "shared"
                                case "ref": hasRange = true
                                default: break
                                }
                            }
                            if shared && hasRange { parsed?.sharedFormulaMaster = true }
                        }
                        if local == "extLst" {
                            if selfClosing { parsed?.extensions = (base + range.lowerBound)..<(base + range.upperBound) } else { extStart = base + range.lowerBound }
                        }
                    }
                    if !selfClosing { depth += 1 }
                case .end(let name, let range):
                    depth -= 1
                    if depth == 1, let start = extStart, XMLSourceScanner.localName(b, name) == "extLst" {
                        parsed?.extensions = start..<(base + range.upperBound)
                        extStart = nil
                    }
                case .text:
                    break
                }
            }
        }
        return parsed
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
}
