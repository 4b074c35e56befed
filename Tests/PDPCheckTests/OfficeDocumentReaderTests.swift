import Foundation
import Testing
@testable import PDPCheck

/// The office-document corpus (Corpus/documents/office, built by
/// Corpus/tools/build_documents_office.py) read at reader level: every expected text value is in
/// the named part *and* found there by the text detectors, every field, hidden item and embedded
/// file is present; document properties agree with ExifTool; hostile XML ends safely.
@Suite("Office document reader")
struct OfficeDocumentReaderTests {
    struct Expectation: Decodable {
        let category: String
        let kind: String
        let part: String?
        let value: String?
        let group: String?
        let field: String?
        let hiddenKind: String?
        let person: String?
    }

    struct Entry: Decodable {
        let path: String
        let format: String
        let mediaType: String?
        let expect: [Expectation]
        let embedded: [String]?
        let oracle: String?
    }

    struct Manifest: Decodable { let files: [Entry] }

    static func manifest(_ relative: String) throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: TestSupport.corpus.appendingPathComponent(relative)))
    }

    static var officeEntries: [Entry] {
        (try? manifest("documents/office/manifest.json").files) ?? []
    }

    static func text(_ walk: NestedWalk, _ part: String) -> String? {
        walk.textParts[part].map { String(decoding: $0, as: UTF8.self) }
    }

    /// All fields and hidden items of every level, with chained container / part names.
    static func fields(_ walk: NestedWalk) -> [MetadataField] {
        walk.contents.flatMap { prefix, _, content in
            content.fields.map { f in
                var f = f
                f.container = [prefix, f.container].filter { !$0.isEmpty }.joined(separator: "/")
                return f
            }
        }
    }

    static func hidden(_ walk: NestedWalk) -> [HiddenItem] {
        walk.contents.flatMap { prefix, _, content in
            content.hidden.map { h in
                var h = h
                h.part = [prefix, h.part].filter { !$0.isEmpty }.joined(separator: "/")
                return h
            }
        }
    }

    @Test("every manifest expectation holds", arguments: OfficeDocumentReaderTests.officeEntries.map(\.path))
    func manifestExpectations(path: String) throws {
        let entry = try #require(Self.officeEntries.first { $0.path == path })
        let walk = try NestedHandler.read(ArchiveCorpus.source(path))
        let top = try #require(walk.contents.first { $0.prefix.isEmpty })
        #expect(top.kind.mediaType == entry.mediaType)
        let fields = Self.fields(walk)
        let hidden = Self.hidden(walk)
        for e in entry.expect {
            switch e.kind {
            case "text":
                let part = try #require(e.part)
                let value = try #require(e.value)
                guard let text = Self.text(walk, part) else {
                    Issue.record("\(path): no text part \(part); parts: \(walk.textParts.keys.sorted())")
                    continue
                }
                #expect(text.contains(value), "\(path) \(part) lacks “\(value)”")
                let bytes = Array(text.utf8)
                let found = TextDetectionEngine.standard.detect(in: bytes).filter { $0.category.rawValue == e.category }
                    .map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
                #expect(found.contains { $0.contains(value) || value.contains($0) },
                        "\(path) \(part): \(e.category) “\(value)” not detected (found \(found))")
            case "field":
                let value = try #require(e.value)
                let match = fields.contains { f in
                    f.group == e.group && f.name == e.field && (e.part == nil || f.container == e.part)
                        && f.value.texts.contains { $0 == value || (e.category != "author_identity" && $0.contains(value)) }
                }
                #expect(match, "\(path): field \(e.group ?? ""):\(e.field ?? "") = “\(value)” in \(e.part ?? "-") missing")
            case "hidden":
                let match = hidden.contains { h in
                    h.kind.rawValue == e.hiddenKind && h.part == e.part && (e.person == nil || h.person == e.person)
                }
                #expect(match, "\(path): hidden \(e.hiddenKind ?? "") in \(e.part ?? "") by \(e.person ?? "-") missing; have \(hidden)")
            case "hidden-person":
                #expect(hidden.contains { $0.part == e.part && $0.person == e.value }, "\(path): author \(e.value ?? "") missing")
            case "embedded-field":
                let part = try #require(e.part)
                #expect(walk.files[part] == (try ArchiveCorpus.bytes("media/jpeg/gps-exif.jpg")), "\(path): \(part) not handed on")
            default:
                Issue.record("unknown expectation kind \(e.kind)")
            }
        }
        for name in entry.embedded ?? [] {
            #expect(walk.files[name] != nil || walk.contents.contains { $0.prefix == name }, "\(path): \(name) not handed on")
        }
    }

    @Test("document properties agree with ExifTool (oracle)", arguments: OfficeDocumentReaderTests.officeEntries.compactMap(\.oracle))
    func oracle(oraclePath: String) throws {
        let entry = try #require(Self.officeEntries.first { $0.oracle == oraclePath })
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: TestSupport.corpus.appendingPathComponent(oraclePath)))
        let oracle = try #require(object as? [String: Any])
        let walk = try NestedHandler.read(ArchiveCorpus.source(entry.path))
        let fields = try #require(walk.contents.first { $0.prefix.isEmpty }).content.fields
        #expect(oracle["File:MIMEType"] as? String == entry.mediaType)
        for (key, expected) in oracle where key.hasPrefix("XML:") || key.hasPrefix("XMP-") {
            let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
            let expectedValues: [String]
            if let list = expected as? [Any] { expectedValues = list.map(Self.oracleText) } else { expectedValues = [Self.oracleText(expected)] }
            let mine = fields.filter { $0.group == parts[0] && $0.name == parts[1] }
            #expect(!mine.isEmpty, "\(entry.path): \(key) not read")
            let values = mine.flatMap { $0.value.texts }
            for value in expectedValues {
                #expect(values.contains { $0 == value || Double($0) == Double(value) }, "\(entry.path): \(key) = \(value), read \(values)")
            }
        }
    }

    static func oracleText(_ any: Any) -> String {
        if let s = any as? String { return s }
        if let n = any as? NSNumber { return MetadataText.number(n.doubleValue) }
        return "\(any)"
    }

    // MARK: package kinds

    @Test("package kinds from content types and mimetype")
    func packageKinds() throws {
        func kind(_ members: [(String, String)]) throws -> ZipPackageKind {
            let zip = ZipFixture.build(members.map { ZipFixture.Member($0.0, ZipFixture.text($0.1)) })
            return ZipPackageKind.detect(in: try ZipArchive(source: MemoryByteSource(zip)), budget: ExpansionBudget(limit: 1 << 20))
        }
        let xlsm = try kind([("[Content_Types].xml", "<Types><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.ms-excel.sheet.macroEnabled.main+xml\"/></Types>")])
        #expect(xlsm.mediaType == "application/vnd.ms-excel.sheet.macroEnabled.12")
        let potx = try kind([("[Content_Types].xml", "<Types><Override PartName=\"/ppt/presentation.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml\"/></Types>")])
        #expect(potx.mediaType == "application/vnd.openxmlformats-officedocument.presentationml.template")
        let byName = try kind([("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")])
        #expect(byName.mediaType == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(try kind([("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<x/>")])
                == .odf(mimeType: "application/vnd.oasis.opendocument.spreadsheet"))
        #expect(try kind([("mimetype", "application/epub+zip")]) == .epub)
        #expect(try kind([("a.jpg", "x"), ("b.png", "y")]) == .comicBook)
        #expect(try kind([("a.jpg", "x"), ("notes.txt", "y")]) == .plain)
        #expect(!ZipPackageKind.plain.isOfficeDocument)
    }

    // MARK: WordprocessingML details

    static func docx(_ body: String, extra: [(String, String)] = []) -> [UInt8] {
        let types = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"
        let document = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>\(body)</w:body></w:document>"
        let members = [("[Content_Types].xml", types), ("word/document.xml", document)] + extra
        return ZipFixture.build(members.map { ZipFixture.Member($0.0, ZipFixture.text($0.1)) })
    }

    static func read(_ zip: [UInt8], limits: ArchiveLimits = .default) throws -> (DocumentContent, CollectingHandler) {
        var handler = CollectingHandler()
        let result = try ZipPackageReader.read(source: MemoryByteSource(zip), limits: limits,
                                               budget: ExpansionBudget(limit: 1 << 30), handler: &handler)
        return (result.content, handler)
    }

    static func partText(_ content: DocumentContent, _ part: String) -> String {
        content.textParts.filter { $0.part == part }.map { String(decoding: $0.utf8, as: UTF8.self) }.joined(separator: "\n")
    }

    @Test("Word text: paragraphs, tabs, breaks; mc:Fallback not repeated; w:vanish val=0 is visible")
    func wordText() throws {
        let body = """
        <w:p><w:r><w:t>Một</w:t><w:tab/><w:t>hai</w:t><w:br/><w:t>ba</w:t></w:r></w:p>\
        <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>bốn</w:t></w:r></w:p>\
        <w:p><mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>hộp chữ</w:t></w:r></mc:Choice>\
        <mc:Fallback><w:r><w:t>hộp chữ</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>\
        <w:p><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>hiện</w:t></w:r></w:p>\
        <w:p><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r></w:p>
        """
        let (content, _) = try Self.read(Self.docx(body))
        #expect(Self.partText(content, "word/document.xml") == "Một\thai\nba\nbốn\nhộp chữ\nhiện")
        #expect(content.hidden.isEmpty)
    }

    @Test("tracked changes and hidden text are counted per author; deleted text stays findable")
    func wordRevisions() throws {
        let body = """
        <w:p><w:r><w:t>Số: </w:t></w:r><w:del w:id="1" w:author="Lê Thị Thu Hà"><w:r><w:delText>0903 123 456</w:delText></w:r></w:del>\
        <w:del w:id="2" w:author="Lê Thị Thu Hà"><w:r><w:delText>cũ</w:delText></w:r></w:del>\
        <w:ins w:id="3" w:author="Trần Văn Bình"><w:r><w:t>0938 765 432</w:t></w:r></w:ins>\
        <w:r><w:rPr><w:vanish/></w:rPr><w:t>bí mật</w:t></w:r><w:r><w:t> hết</w:t></w:r></w:p>\
        <w:p><w:pPr><w:rPr><w:rPrChange w:id="4" w:author="Phạm Quốc Huy"/></w:rPr></w:pPr></w:p>
        """
        let (content, _) = try Self.read(Self.docx(body))
        #expect(Self.partText(content, "word/document.xml") == "Số: 0903 123 456 cũ 0938 765 432bí mật hết")
        let items = content.hidden.map { "\($0.kind.rawValue)|\($0.detail)|\($0.person ?? "-")" }
        #expect(items == [
            "tracked-change|2 × deleted text (14 characters)|Lê Thị Thu Hà",
            "tracked-change|inserted text (12 characters)|Trần Văn Bình",
            "hidden-text|hidden text (6 characters)|-",
            "tracked-change|formatting change|Phạm Quốc Huy",
        ])
    }

    @Test("strict OOXML namespaces read like transitional ones")
    func strictNamespace() throws {
        let types = "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"
        let document = "<w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><w:body><w:p><w:r><w:t>Strict 0912 345 678</w:t></w:r></w:p></w:body></w:document>"
        let zip = ZipFixture.build([ZipFixture.Member("[Content_Types].xml", ZipFixture.text(types)),
                                    ZipFixture.Member("word/document.xml", ZipFixture.text(document))])
        let (content, _) = try Self.read(zip)
        #expect(Self.partText(content, "word/document.xml") == "Strict 0912 345 678")
    }

    // MARK: hostile XML

    @Test("entity expansion: a DOCTYPE is ignored, nothing expands")
    func billionLaughs() throws {
        var doctype = "<!DOCTYPE w:document [<!ENTITY a \"ha\">"
        for i in 1...12 { doctype += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i == 1 ? "" : String(i - 1));", count: 10) + "\">" }
        doctype += "<!ENTITY ext SYSTEM \"file:///etc/passwd\">]>"
        let document = doctype + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&a12;&ext;</w:t></w:r></w:p></w:body></w:document>"
        let zip = ZipFixture.build([ZipFixture.Member("word/document.xml", ZipFixture.text(document)),
                                    ZipFixture.Member("[Content_Types].xml", ZipFixture.text("<Types/>"))])
        let (content, _) = try Self.read(zip)
        #expect(Self.partText(content, "word/document.xml") == "&a12;&ext;")
        #expect(content.notes.contains { $0.contains("DOCTYPE ignored") })
    }

    @Test("deep nesting, unclosed tags and garbage end safely")
    func hostileXML() throws {
        let deep = String(repeating: "<w:sdt><w:sdtContent>", count: 20_000) + "<w:p><w:r><w:t>sâu</w:t></w:r></w:p>"
        let (content, _) = try Self.read(Self.docx(deep + "<w:p><w:r><w:t>0912 345 678"))
        #expect(content.notes.contains { $0.contains("nested deeper than") })
        #expect(!Self.partText(content, "word/document.xml").contains("sâu"))

        let garbage: [UInt8] = (0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) }
        let zip = ZipFixture.build([ZipFixture.Member("[Content_Types].xml", ZipFixture.text("<Types/>")),
                                    ZipFixture.Member("word/document.xml", garbage)])
        _ = try Self.read(zip)
    }

    @Test("a large part is parsed by streaming (well past XMLParser's 10 MB limit)")
    func largePart() throws {
        // Numbered lines: a part of identical lines would compress like a bomb and be skipped.
        var body = ""
        var count = 0
        while body.utf8.count < 11 << 20 {
            count += 1
            body += "<w:p><w:r><w:t>Dòng \(count) của tài liệu rất dài, mã \(count &* 2_654_435_761 % 1_000_003).</w:t></w:r></w:p>"
        }
        let ((content, _), seconds) = try TestSupport.cpuTimed { try Self.read(Self.docx(body)) }
        let text = try #require(content.textParts.first { $0.part == "word/document.xml" })
        #expect(body.utf8.count > 10 << 20)
        #expect(text.utf8.count > 4 << 20)
        #expect(text.utf8.filter { $0 == 0x0A }.count == count - 1)
        #expect(seconds < 60, "\(seconds) s of CPU")
    }

    @Test("an XML part over maxXMLBytes is skipped with a reason")
    func xmlLimit() throws {
        var limits = ArchiveLimits()
        limits.maxXMLBytes = 200
        let (_, handler) = try Self.read(Self.docx(String(repeating: "<w:p/>", count: 100)), limits: limits)
        #expect(handler.reason("word/document.xml")?.code == "limit-exceeded")
    }

    @Test("UTF-16 parts, OOXML _xHHHH_ escapes and ExifTool tag names for custom properties")
    func encodingsAndNames() throws {
        var utf16: [UInt8] = [0xFF, 0xFE]
        let xml = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>UTF-16 Hà Nội</w:t></w:r></w:p></w:body></w:document>"
        for unit in xml.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let custom = "<Properties xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><property name=\"Số điện thoại liên hệ\"><vt:lpwstr>Dòng 1_x000d_Dòng 2</vt:lpwstr></property><property name=\"x\"><vt:lpwstr>v</vt:lpwstr></property></Properties>"
        let zip = ZipFixture.build([ZipFixture.Member("[Content_Types].xml", ZipFixture.text("<Types/>")),
                                    ZipFixture.Member("word/document.xml", utf16),
                                    ZipFixture.Member("docProps/custom.xml", ZipFixture.text(custom))])
        let (content, _) = try Self.read(zip)
        #expect(Self.partText(content, "word/document.xml") == "UTF-16 Hà Nội")
        #expect(content.fields.contains { $0.group == "XML" && $0.name == "SinThoiLinH" && $0.value == .text("Dòng 1\rDòng 2") })
        #expect(content.fields.contains { $0.name == "TagX" })
    }

    // MARK: spreadsheets

    @Test("worksheet cells: shared strings resolved, bad indexes ignored, unused strings kept")
    func worksheetCells() throws {
        let sst = "<sst><si><t>Tên</t></si><si><r><t>Phạm </t></r><r><t>Minh</t></r><rPh><t>ファム</t></rPh></si><si><t>không dùng</t></si></sst>"
        let sheet = "<worksheet><sheetData><row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"s\"><v>99</v></c><c t=\"b\"><v>1</v></c><c><v>84912345678</v></c><c t=\"inlineStr\"><is><t>trong ô</t></is></c></row></sheetData></worksheet>"
        let zip = ZipFixture.build([
            ZipFixture.Member("[Content_Types].xml", ZipFixture.text("<Types/>")),
            ZipFixture.Member("xl/workbook.xml", ZipFixture.text("<workbook><sheets><sheet name=\"Bí mật\" state=\"veryHidden\" r:id=\"rId1\" xmlns:r=\"r\"/></sheets></workbook>")),
            ZipFixture.Member("xl/_rels/workbook.xml.rels", ZipFixture.text("<Relationships><Relationship Id=\"rId1\" Target=\"/xl/worksheets/sheet1.xml\"/></Relationships>")),
            ZipFixture.Member("xl/sharedStrings.xml", ZipFixture.text(sst)),
            ZipFixture.Member("xl/worksheets/sheet1.xml", ZipFixture.text(sheet)),
        ])
        let (content, _) = try Self.read(zip)
        #expect(Self.partText(content, "xl/worksheets/sheet1.xml") == "Tên\tPhạm Minh\t\t\t84912345678\ttrong ô")
        #expect(Self.partText(content, "xl/sharedStrings.xml") == "không dùng")
        #expect(Self.partText(content, "xl/workbook.xml") == "Bí mật")
        #expect(content.hidden.contains { $0.kind == .hiddenText && $0.part == "xl/worksheets/sheet1.xml" && $0.detail.contains("very hidden") })
    }

    // MARK: ODF

    @Test("a password-protected OpenDocument file is a per-file error")
    func encryptedODF() throws {
        let manifest = "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path=\"content.xml\"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>"
        let zip = ZipFixture.build([ZipFixture.Member("mimetype", ZipFixture.text("application/vnd.oasis.opendocument.text"), deflated: false),
                                    ZipFixture.Member("META-INF/manifest.xml", ZipFixture.text(manifest)),
                                    ZipFixture.Member("content.xml", [0x12, 0x34, 0x56])])
        do {
            _ = try Self.read(zip)
            Issue.record("encrypted ODF was read")
        } catch let error as ScanError {
            #expect(error.code == "encrypted")
        }
    }

    @Test("ODF: spaces, tabs, line breaks, note citations kept apart, hidden paragraphs and conditional text")
    func odfText() throws {
        let ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
        let content = "<office:document-content \(ns)><office:body><office:text><text:p>a<text:s text:c=\"3\"/>b<text:tab/>c<text:line-break/>d 0912 345 678<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>ghi chú</text:p></text:note-body></text:note></text:p><text:hidden-paragraph text:is-hidden=\"true\">ẩn đi</text:hidden-paragraph><text:p><text:hidden-text text:string-value=\"STK 0011001234567\" text:is-hidden=\"true\"/></text:p></office:text></office:body></office:document-content>"
        let zip = ZipFixture.build([ZipFixture.Member("mimetype", ZipFixture.text("application/vnd.oasis.opendocument.text"), deflated: false),
                                    ZipFixture.Member("content.xml", ZipFixture.text(content))])
        let (document, _) = try Self.read(zip)
        #expect(Self.partText(document, "content.xml") == "a   b\tc\nd 0912 345 678 ghi chú\nẩn đi\nSTK 0011001234567")
        #expect(document.hidden.filter { $0.kind == .hiddenText }.map(\.detail) == ["2 × hidden text (22 characters)"])
    }
}
