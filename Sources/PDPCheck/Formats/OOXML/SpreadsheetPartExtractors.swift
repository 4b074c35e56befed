/// The shared-string table of a workbook, kept as one byte buffer with end offsets so a
/// million strings cost one allocation, not a million.
struct SharedStringTable {
    private(set) var storage: [UInt8] = []
    private(set) var ends: [Int] = []
    var referenced: [Bool] = []

    var count: Int { ends.count }

    mutating func append(_ bytes: [UInt8]) {
        storage.append(contentsOf: bytes)
        ends.append(storage.count)
        referenced.append(false)
    }

    func string(at index: Int) -> ArraySlice<UInt8>? {
        guard index >= 0, index < ends.count else { return nil }
        return storage[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    static func parse(_ bytes: [UInt8], limits: XMLStreamReader.Limits, notes: inout [String], part: String) -> SharedStringTable {
        var handler = Handler()
        let warnings = XMLStreamReader.parse(bytes, limits: limits, handler: &handler)
        notes += warnings.map { "\(part): \($0)" }
        return handler.table
    }

    /// `si` items with `t` directly or in rich-text runs `r/t`; phonetic readings (`rPh`) are
    /// left out (they repeat the text in kana).
    private struct Handler: XMLStreamHandler {
        var table = SharedStringTable()
        var current: [UInt8]?
        var textDepth = 0
        var phoneticDepth = 0

        mutating func startElement(_ name: XMLQName, attributes: XMLAttributes) {
            switch name.local {
            case "si": current = []
            case "rPh": phoneticDepth += 1
            case "t": textDepth += 1
            default: break
            }
        }

        mutating func endElement(_ name: XMLQName) {
            switch name.local {
            case "si":
                table.append(current ?? [])
                current = nil
            case "rPh": phoneticDepth = max(0, phoneticDepth - 1)
            case "t": textDepth = max(0, textDepth - 1)
            default: break
            }
        }

        mutating func characters(_ text: XMLCharacters) {
            guard textDepth > 0, phoneticDepth == 0, var buffer = current else { return }
            current = nil
            text.append(to: &buffer)
            current = buffer
        }
    }
}

/// One worksheet as text: each row on a line, cells separated by tabs, shared strings resolved
/// in place (so a number reads next to its column header), numbers exactly as stored, inline
/// strings, formula results; then the page header and footer. Rows marked hidden are counted.
struct WorksheetExtractor: XMLStreamHandler {
    var strings: SharedStringTable
    var text = PartTextBuilder()
    var hiddenRows = 0
    var hiddenColumns = 0
    private var rowHidden = false
    private var rowHasValue = false
    private var cellsInRow = 0
    private var cellType = ""
    private var valueBuffer: [UInt8]?
    private var inlineDepth = 0
    private var textDepth = 0
    private var phoneticDepth = 0
    private var headerFooterDepth = 0

    init(strings: SharedStringTable) {
        self.strings = strings
    }

    static let headerFooterElements: Set<String> = ["oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"]

    mutating func startElement(_ name: XMLQName, attributes: XMLAttributes) {
        switch name.local {
        case "row":
            rowHidden = OfficeXML.isOn(attributes.value("hidden") ?? "0")
            rowHasValue = false
            cellsInRow = 0
        case "c":
            cellType = attributes.value("t") ?? "n"
            if cellsInRow > 0 { text.tab() }
            cellsInRow += 1
        case "v":
            valueBuffer = []
        case "is":
            inlineDepth += 1
        case "t":
            textDepth += 1
        case "rPh":
            phoneticDepth += 1
        case "col":
            if OfficeXML.isOn(attributes.value("hidden") ?? "0") { hiddenColumns += 1 }
        default:
            if WorksheetExtractor.headerFooterElements.contains(name.local) {
                headerFooterDepth += 1
                text.lineBreak()
            }
        }
    }

    mutating func endElement(_ name: XMLQName) {
        switch name.local {
        case "row":
            if rowHidden && rowHasValue { hiddenRows += 1 }
            text.lineBreak()
        case "v":
            if let value = valueBuffer { emitValue(value) }
            valueBuffer = nil
        case "is":
            inlineDepth = max(0, inlineDepth - 1)
        case "t":
            textDepth = max(0, textDepth - 1)
        case "rPh":
            phoneticDepth = max(0, phoneticDepth - 1)
        default:
            if WorksheetExtractor.headerFooterElements.contains(name.local) {
                headerFooterDepth = max(0, headerFooterDepth - 1)
                text.lineBreak()
            }
        }
    }

    mutating func characters(_ chars: XMLCharacters) {
        if var buffer = valueBuffer {
            valueBuffer = nil
            chars.append(to: &buffer)
            valueBuffer = buffer
        } else if inlineDepth > 0, textDepth > 0, phoneticDepth == 0 {
            text.append(chars)
            rowHasValue = true
        } else if headerFooterDepth > 0 {
            text.append(chars)
        }
    }

    private mutating func emitValue(_ value: [UInt8]) {
        switch cellType {
        case "s":
            guard let index = Int(String(decoding: value, as: UTF8.self).trimmingASCIISpaces), let s = strings.string(at: index) else { return }
            strings.referenced[index] = true
            text.utf8.append(contentsOf: s)
        case "b", "e":
            return  // booleans and error codes say nothing about a person
        default:
            text.utf8.append(contentsOf: value)
        }
        rowHasValue = true
    }
}

/// `xl/workbook.xml`: sheet names (people name sheets after people) and which sheets are hidden.
struct WorkbookExtractor: XMLStreamHandler {
    struct Sheet {
        var name: String
        var relationshipId: String
        var state: String
    }

    var sheets: [Sheet] = []

    mutating func startElement(_ name: XMLQName, attributes: XMLAttributes) {
        guard name.local == "sheet", sheets.count < 100_000 else { return }
        sheets.append(Sheet(name: attributes.value("name") ?? "", relationshipId: attributes.value("id") ?? "",
                            state: attributes.value("state") ?? "visible"))
    }

    mutating func endElement(_ name: XMLQName) {}
    mutating func characters(_ text: XMLCharacters) {}
}

extension String {
    var trimmingASCIISpaces: String {
        MetadataText.trimmed(self)
    }
}
