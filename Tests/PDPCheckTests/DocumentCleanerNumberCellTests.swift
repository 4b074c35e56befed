import Foundation
import Testing
@testable import PDPCheck

/// Personal numbers stored as NUMBERS in spreadsheets (XLSX number cells, ODS float cells):
/// the fix turns each cell it masks into a string cell holding the masked text, drops the
/// formula that would compute the number again, and leaves every other cell byte for byte.
@Suite("Document cleaner: number cells")
struct DocumentCleanerNumberCellTests {
    static let options = DocumentCleanerTests.options
    static let xlsxPath = "documents/office/danh-sach-so-dien-thoai.xlsx"
    static let odsPath = "documents/office/danh-sach-so-dien-thoai.ods"

    static func member(_ bytes: [UInt8], _ name: String) throws -> [UInt8] {
        let archive = try ZipArchive(source: MemoryByteSource(bytes))
        let entry = try #require(archive.entry(named: name), "no \(name)")
        return try archive.contents(of: entry, limits: .default, budget: ExpansionBudget(limit: 1 << 30))
    }

    /// Every cell element of a sheet, by its reference (XLSX `r`) or, for ODF, by its position.
    static func cells(_ xml: [UInt8], odf: Bool) -> [(key: String, bytes: String)] {
        var out: [(String, String)] = []
        var open: (key: String, start: Int, depth: Int)?
        var depth = 0
        var position = 0
        _ = xml.withUnsafeBufferPointer { b in
            XMLSourceScanner.scan(b) { token in
                switch token {
                case .start(let name, let attributes, let selfClosing, let range):
                    let local = XMLSourceScanner.localName(b, name)
                    if open == nil, local == (odf ? "table-cell" : "c") {
                        position += 1
                        let reference = attributes.first { XMLSourceScanner.localName(b, $0.name) == "r" }.map { XMLSourceScanner.string(b, $0.value) }
                        let key = odf ? "#\(position)" : (reference ?? "#\(position)")
                        if selfClosing {
                            out.append((key, XMLSourceScanner.string(b, range)))
                        } else {
                            open = (key, range.lowerBound, depth)
                        }
                    }
                    if !selfClosing { depth += 1 }
                case .end(_, let range):
                    depth -= 1
                    if let cell = open, cell.depth == depth {
                        out.append((cell.key, XMLSourceScanner.string(b, cell.start..<range.upperBound)))
                        open = nil
                    }
                case .text:
                    break
                }
            }
        }
        return out
    }

    /// Cells that hold no mask are byte-identical; cells that do are string cells with no formula or typed value.
    static func checkCells(before: [UInt8], after: [UInt8], odf: Bool, part: String) -> Int {
        let old = Dictionary(cells(before, odf: odf), uniquingKeysWith: { a, _ in a })
        var masked = 0
        for (key, cell) in cells(after, odf: odf) {
            if cell.contains(FixMask.bullet) {
                masked += 1
                if odf {
                    #expect(cell.contains("office:value-type=\"string\""), "\(part) \(key): \(cell)")
                    #expect(!cell.contains("office:value=") && !cell.contains("table:formula") && !cell.contains("=\"float\""),
                            "\(part) \(key): \(cell)")
                } else {
                    #expect(cell.contains("t=\"inlineStr\""), "\(part) \(key): \(cell)")
                    #expect(!cell.contains("<f>") && !cell.contains("<v>"), "\(part) \(key): \(cell)")
                }
            } else {
                #expect(old[key] == cell, "\(part) \(key) changed: \(old[key] ?? "nil") → \(cell)")
            }
        }
        return masked
    }

    @Test("XLSX: number cells become string cells with the masked text, the formula dropped, other cells untouched")
    func xlsxNumberCells() throws {
        let input = try DocumentCleanerTests.bytes(Self.xlsxPath)
        let result = DocumentCleaner.fix(input, fileName: "danh-sach-so-dien-thoai.xlsx", options: Self.options)
        let output = try #require(result.output, "\(result.reason ?? "")")
        #expect(result.remaining.isEmpty, "\(result.remaining.map { "\($0.category.rawValue) \($0.evidence)" })")

        let sheet1 = try Self.member(output, "xl/worksheets/sheet1.xml")
        let sheet2 = try Self.member(output, "xl/worksheets/sheet2.xml")
        let text1 = String(decoding: sheet1, as: UTF8.self)
        let text2 = String(decoding: sheet2, as: UTF8.self)
        // The reference and the style kept, the type now an inline string.
        #expect(text1.contains("<c r=\"B2\" s=\"1\" t=\"inlineStr\"><is><t>84••••••678</t></is></c>"), "\(text1)")
        #expect(text1.contains("<c r=\"C2\" s=\"2\" t=\"inlineStr\"><is><t>"), "\(text1)")
        #expect(!text1.contains("84912345678") && !text1.contains("079195008765"))
        // The copying formula went with the number; the SUM stayed.
        #expect(text2.contains("<c r=\"B4\" s=\"1\" t=\"inlineStr\"><is><t>84••••••321</t></is></c>"), "\(text2)")
        #expect(text2.contains("<c r=\"B5\"><f>SUM('Nhân sự'!E2:E3)</f><v>43</v></c>"))
        #expect(result.notes.contains { $0.contains("formula removed from B4") }, "\(result.notes)")

        let masked1 = Self.checkCells(before: try Self.member(input, "xl/worksheets/sheet1.xml"), after: sheet1, odf: false, part: "sheet1")
        let masked2 = Self.checkCells(before: try Self.member(input, "xl/worksheets/sheet2.xml"), after: sheet2, odf: false, part: "sheet2")
        #expect(masked1 >= 3 && masked2 == 2, "\(masked1) \(masked2)")

        // calcChain no longer lists B4; B5 keeps its sheet.
        let chain = String(decoding: try Self.member(output, "xl/calcChain.xml"), as: UTF8.self)
        #expect(chain.contains("<calcChain xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><c i=\"2\" r=\"B5\"/></calcChain>"),
                "\(chain)")
        // The pivot cache keeps its own copies, typed as numbers: left for a person, and said so.
        #expect(result.needsPerson.contains { $0.hasPrefix("xl/pivotCache/pivotCacheRecords1.xml: still holds 2 cached copies") },
                "\(result.needsPerson)")

        try Self.checkWithPython(output, name: "cleaned.xlsx", script: """
        import sys, zipfile, xml.etree.ElementTree as ET
        z = zipfile.ZipFile(sys.argv[1])
        assert z.testzip() is None
        ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
        root = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
        c = root.find(".//m:c[@r='B2']", ns)
        assert c.get('t') == 'inlineStr' and c.get('s') == '1', c.attrib
        assert c.find('m:is/m:t', ns).text == '84••••••678', c.find('m:is/m:t', ns).text
        assert c.find('m:v', ns) is None
        e2 = root.find(".//m:c[@r='E2']", ns)
        assert e2.get('t') is None and e2.find('m:v', ns).text == '22'
        b4 = ET.fromstring(z.read('xl/worksheets/sheet2.xml')).find(".//m:c[@r='B4']", ns)
        assert b4.find('m:f', ns) is None and b4.get('t') == 'inlineStr'
        print('ok')
        """)
    }

    @Test("ODS: float cells become string cells, office:value and the formula gone, other cells untouched")
    func odsFloatCells() throws {
        let input = try DocumentCleanerTests.bytes(Self.odsPath)
        let result = DocumentCleaner.fix(input, fileName: "danh-sach-so-dien-thoai.ods", options: Self.options)
        let output = try #require(result.output, "\(result.reason ?? "")")
        #expect(result.remaining.isEmpty, "\(result.remaining.map { "\($0.category.rawValue) \($0.evidence)" })")
        let content = try Self.member(output, "content.xml")
        let text = String(decoding: content, as: UTF8.self)
        for value in ["84923456789", "79195004321", "84976543210", "19036677880022"] {
            #expect(!text.contains(value), "\(value) is still in content.xml")
        }
        #expect(text.contains("<table:table-cell table:style-name=\"ce1\" office:value-type=\"string\" calcext:value-type=\"string\"><text:p>•••••••••321</text:p>"),
                "\(text)")
        #expect(text.contains("office:value=\"22\""))
        #expect(text.contains("table:formula=\"of:=SUM(['Nhân sự'.D2:.D3])\""))
        #expect(result.notes.contains { $0.contains("formula removed from 1 table cell(s)") }, "\(result.notes)")
        let masked = Self.checkCells(before: try Self.member(input, "content.xml"), after: content, odf: true, part: "content.xml")
        #expect(masked >= 5, "\(masked)")

        try Self.checkWithPython(output, name: "cleaned.ods", script: """
        import sys, zipfile, xml.etree.ElementTree as ET
        z = zipfile.ZipFile(sys.argv[1])
        assert z.testzip() is None
        T = '{urn:oasis:names:tc:opendocument:xmlns:table:1.0}'
        O = '{urn:oasis:names:tc:opendocument:xmlns:office:1.0}'
        X = '{urn:oasis:names:tc:opendocument:xmlns:text:1.0}'
        cells = ET.fromstring(z.read('content.xml')).iter(T + 'table-cell')
        seen = 0
        for c in cells:
            shown = ''.join(c.find(X + 'p').itertext())
            if '•' in shown:
                seen += 1
                assert c.get(O + 'value-type') == 'string' and c.get(O + 'value') is None and c.get(T + 'formula') is None, c.attrib
        assert seen >= 5, seen
        print('ok')
        """)
    }

    @Test("both fixtures: exiftool reads them without error, and the re-scan finds nothing to mask")
    func oracleAndRescan() throws {
        for path in [Self.xlsxPath, Self.odsPath] {
            let output = try #require(DocumentCleaner.fix(try DocumentCleanerTests.bytes(path), fileName: path, options: Self.options).output)
            let report = Scanner(policy: .builtinDefault, options: ScanOptions(jobs: 1)).scanItem(InputItem(displayPath: path, source: .bytes(output)))
            let left = report.findings.filter { DocumentCleanerTests.mustBeGone.contains($0.category) }
            #expect(left.isEmpty, "\(path): \(left.map { "\($0.category.rawValue) \($0.evidence)" })")
            let folder = try TestSupport.makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("cleaned." + (path as NSString).pathExtension)
            try Data(output).write(to: file)
            if let json = ExternalTools.exiftool(file.path) {
                for key in json.keys { #expect(!key.hasSuffix(":Error") && !key.hasSuffix(":Warning"), "\(path): exiftool \(key) = \(json[key] ?? "")") }
            }
        }
    }

    // MARK: the rewriter on its own

    static func sheet(_ cells: String) -> [UInt8] {
        Array(("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
               + "<c r=\"A1\" t=\"inlineStr\"><is><t>SĐT</t></is></c>" + cells + "</row></sheetData></worksheet>").utf8)
    }

    /// Masks every digit of every recorded cell value but the last two, as a finding would.
    static func maskAll(_ bytes: [UInt8]) -> (SpreadsheetCellRewriter.Outcome, [UInt8]) {
        let mapped = OfficeTextMapper.worksheet(bytes, unit: 0, strings: [])
        var edits: [SourceEdit] = []
        for cell in mapped.cells {
            for k in cell.value.dropLast(2) where bytes[k] >= 0x30 && bytes[k] <= 0x39 {
                edits.append(SourceEdit(unit: 0, range: k..<(k + 1), replacement: Array(FixMask.bullet.utf8)))
            }
        }
        let outcome = SpreadsheetCellRewriter.worksheet(bytes, cells: mapped.cells, edits: edits)
        return (outcome, RedactionEdits.apply(SourceEditMerge.merge(outcome.edits), to: bytes))
    }

    @Test("a prefixed cell keeps its prefix; extLst and unknown attributes are kept; t=\"n\" is replaced")
    func prefixedCell() {
        let input = Array("""
        <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" s="3" t="n" cm="1"><x:v>912345678</x:v><x:extLst><x:ext uri="u"/></x:extLst></x:c></x:row></x:sheetData></x:worksheet>
        """.utf8)
        let (outcome, output) = Self.maskAll(input)
        #expect(outcome.rewritten == ["B2"])
        #expect(String(decoding: output, as: UTF8.self).contains(
            "<x:c r=\"B2\" s=\"3\" cm=\"1\" t=\"inlineStr\"><x:is><x:t>•••••••78</x:t></x:is><x:extLst><x:ext uri=\"u\"/></x:extLst></x:c>"),
            "\(String(decoding: output, as: UTF8.self))")
    }

    @Test("a shared formula's master cell, a CDATA value and a cell cut short are left alone, never masked in place")
    func refusedCells() {
        let shared = Self.sheet("<c r=\"B1\"><f t=\"shared\" ref=\"B1:B3\" si=\"0\">A1+1</f><v>912345678</v></c>")
        let (o1, out1) = Self.maskAll(shared)
        #expect(o1.rewritten.isEmpty && o1.refused.map(\.cell) == ["B1"])
        #expect(out1 == shared)

        let cdata = Self.sheet("<c r=\"B1\"><v><![CDATA[912345678]]></v></c>")
        let (o2, out2) = Self.maskAll(cdata)
        #expect(o2.refused.count == 1 && out2 == cdata)

        var cut = Self.sheet("<c r=\"B1\" s=\"1\"><v>912345678</v></c>")
        cut = Array(cut[0..<(cut.count - 40)])  // ends inside `</c>` or just after the value
        let (o3, out3) = Self.maskAll(cut)
        #expect(o3.rewritten.isEmpty)
        #expect(out3 == cut)
    }

    @Test("a number cell left alone is listed for a person and not counted as redacted in the fix report")
    func refusedCellIsNotLoggedAsRedacted() throws {
        let input = try DocumentCleanerTests.bytes(Self.xlsxPath)
        // The same workbook with B2 the master of a shared formula: the rewriter must leave it.
        let archive = try ZipArchive(source: MemoryByteSource(input))
        var writer = ZipArchiveWriter()
        for entry in archive.entries where !entry.isDirectory {
            var content = try Self.member(input, entry.name)
            if entry.name == "xl/worksheets/sheet1.xml" {
                let text = String(decoding: content, as: UTF8.self)
                let master = text.replacingOccurrences(of: "<c r=\"B2\" s=\"1\"><v>84912345678</v></c>",
                                                       with: "<c r=\"B2\" s=\"1\"><f t=\"shared\" ref=\"B2:B3\" si=\"0\">A2</f><v>84912345678</v></c>")
                #expect(master != text)
                content = Array(master.utf8)
            }
            try writer.add(rawName: Array(entry.name.utf8), content: content, method: 8, flags: 0, modTime: 0, modDate: 0x5C2F,
                           comment: [], externalAttributes: 0)
        }
        let shared = try writer.finish()
        func sheet1Redactions(_ result: DocumentFixResult) -> Int {
            result.changes.filter { $0.kind == .redacted && $0.part?.hasSuffix("sheet1.xml") == true }.map(\.count).reduce(0, +)
        }
        let normal = DocumentCleaner.fix(input, fileName: "a.xlsx", options: Self.options)
        let refused = DocumentCleaner.fix(shared, fileName: "a.xlsx", options: Self.options)
        #expect(sheet1Redactions(normal) > 1)
        #expect(sheet1Redactions(refused) == sheet1Redactions(normal) - 1,
                "\(sheet1Redactions(refused)) vs \(sheet1Redactions(normal))")
        #expect(refused.needsPerson.contains { $0.contains("cell B2 holds a number to mask but was left as it is") },
                "\(refused.needsPerson)")
    }

    @Test("a dependent shared-formula cell and a str formula result are rewritten; an inline string is masked in place")
    func rewrittenKinds() {
        let input = Self.sheet("<c r=\"B1\"><f t=\"shared\" si=\"0\"/><v>912345678</v></c><c r=\"C1\" t=\"str\"><f>\"0912\"&amp;\"345678\"</f><v>0912345678</v></c>"
                               + "<c r=\"D1\" t=\"str\"><v>0912345678</v></c><c r=\"E1\"><v>42</v></c>")
        let (outcome, output) = Self.maskAll(input)
        let text = String(decoding: output, as: UTF8.self)
        #expect(outcome.rewritten == ["B1", "C1"], "\(outcome.rewritten)")
        #expect(outcome.formulasDropped == ["B1", "C1"])
        #expect(text.contains("<c r=\"C1\" t=\"inlineStr\"><is><t>••••••••78</t></is></c>"), "\(text)")
        // A string without formula is not recorded (it is masked in place by the text edits), 42 is too short for a finding here.
        #expect(text.contains("<c r=\"D1\" t=\"str\"><v>0912345678</v></c>"))
        #expect(text.contains("<c r=\"E1\" t=\"inlineStr\"><is><t>42</t></is></c>") == false)
    }

    @Test("calcChain: a removed entry hands its sheet to the next; a chain that would be empty is left")
    func calcChain() {
        let chain = Array("<calcChain><c r=\"B4\" i=\"2\"/><c r=\"B5\"/><c r=\"A1\" i=\"1\"/><c r=\"A2\"/></calcChain>".utf8)
        let edits = CalcChainEditor.removing(["2!B4", "1!A1"], from: chain, unit: 0) ?? []
        let out = String(decoding: RedactionEdits.apply(SourceEditMerge.merge(edits), to: chain), as: UTF8.self)
        #expect(out == "<calcChain><c i=\"2\" r=\"B5\"/><c i=\"1\" r=\"A2\"/></calcChain>", "\(out)")
        #expect(CalcChainEditor.removing(["2!B4", "2!B5", "1!A1", "1!A2"], from: chain, unit: 0) == nil)
        #expect(CalcChainEditor.removing(["3!Z9"], from: chain, unit: 0)?.isEmpty == true)
        #expect(CalcChainEditor.resolve("worksheets/sheet1.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
        #expect(CalcChainEditor.resolve("/xl/worksheets/../worksheets/sheet2.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet2.xml")
    }

    @Test("ODS: a float cell with a masked annotation only keeps its value; a typed cell with a masked paragraph does not")
    func odsAnnotationOnly() {
        let xml = Array("""
        <table:table-row><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p><office:annotation><text:p>0912345678</text:p></office:annotation></table:table-cell><table:table-cell office:value-type="percentage" office:value="0.5" table:formula="of:=1/2"><text:p>50%</text:p></table:table-cell></table:table-row>
        """.utf8)
        let text = String(decoding: xml, as: UTF8.self)
        let annotationDigit = text.range(of: "0912345678").map { text.utf8.distance(from: text.utf8.startIndex, to: $0.lowerBound) } ?? 0
        let percentDigit = text.range(of: "50%").map { text.utf8.distance(from: text.utf8.startIndex, to: $0.lowerBound) } ?? 0
        let onlyAnnotation = SpreadsheetCellRewriter.odf(xml, edits: [SourceEdit(unit: 0, range: annotationDigit..<(annotationDigit + 1), replacement: [0x2A])])
        #expect(onlyAnnotation.rewritten.isEmpty)
        let paragraph = SpreadsheetCellRewriter.odf(xml, edits: [SourceEdit(unit: 0, range: percentDigit..<(percentDigit + 1), replacement: [0x2A])])
        #expect(paragraph.rewritten.count == 1 && paragraph.formulasDropped.count == 1)
        let out = String(decoding: RedactionEdits.apply(SourceEditMerge.merge(paragraph.edits), to: xml), as: UTF8.self)
        #expect(out.contains("<table:table-cell office:value-type=\"string\"><text:p>*0%</text:p>"), "\(out)")
    }

    static func checkWithPython(_ bytes: [UInt8], name: String, script: String) throws {
        let folder = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        guard let result = ExternalTools.run(["python3", "-c", script, file.path]) else { return }
        #expect(result.status == 0 && result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "ok", "python: \(result.output)")
    }
}
