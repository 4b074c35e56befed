import Foundation
import Testing
@testable import PDPCheck

/// The PDF reader on the hand-written fixtures (Corpus/documents/pdf, made by
/// Corpus/tools/build_documents_pdf.py) and on hostile input made here: every expectation of
/// the manifest holds, damaged files end in content or a ScanError, never a crash or a hang.
@Suite("PDFReader")
struct PDFReaderTests {
    /// Collects what the reader hands over.
    struct Collector: EmbeddedFileHandler {
        var files: [(name: String, bytes: [UInt8])] = []
        var skips: [(name: String, reason: ScanError)] = []
        mutating func embedded(name: String, bytes: [UInt8]) { files.append((name, bytes)) }
        mutating func skipped(name: String, reason: ScanError) { skips.append((name, reason)) }
    }

    static let noPageText = PDFPageText.Options(executable: nil)

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: TestSupport.corpus.appendingPathComponent("documents/pdf/\(name)")))
    }

    static func read(_ bytes: [UInt8], limits: ArchiveLimits = .default,
                     pageText: PDFPageText.Options = PDFReaderTests.noPageText) throws(ScanError) -> (DocumentContent, Collector) {
        var collector = Collector()
        let content = try PDFReader.read(MemoryByteSource(bytes), limits: limits, handler: &collector, pageText: pageText)
        return (content, collector)
    }

    static func text(_ content: DocumentContent, part: String) -> String? {
        content.textParts.first(where: { $0.part == part }).map { String(decoding: $0.utf8, as: UTF8.self) }
    }

    static func fields(_ content: DocumentContent, _ group: String, _ name: String, container: String? = nil) -> [MetadataField] {
        content.fields.filter { $0.group == group && $0.name == name && (container == nil || $0.container == container) }
    }

    // MARK: the manifest

    struct Manifest: Decodable {
        struct Expectation: Decodable {
            let kind: String
            let category: String
            let group: String?
            let field: String?
            let value: Scalar?
            let container: String?
            let part: String?
            let hidden: String?
            let person: String?
            let contains: String?
        }

        struct ErrorCode: Decodable { let code: String }

        struct Entry: Decodable {
            let path: String
            let expect: [Expectation]
            let error: ErrorCode?
        }

        let files: [Entry]
    }

    enum Scalar: Decodable {
        case text(String), number(Double)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let d = try? c.decode(Double.self) { self = .number(d) } else { self = .text(try c.decode(String.self)) }
        }
    }

    static func manifest() throws -> Manifest {
        let data = try Data(contentsOf: TestSupport.corpus.appendingPathComponent("documents/pdf/manifest.json"))
        return try JSONDecoder().decode(Manifest.self, from: data)
    }

    static func matches(_ value: MetadataValue, _ expected: Scalar) -> Bool {
        switch (value, expected) {
        case (.number(let d), .number(let e)): return abs(d - e) < 1e-6
        case (.numbers(let ds), .number(let e)): return ds.contains { abs($0 - e) < 1e-6 }
        case (_, .text(let t)): return value.texts.contains(t)
        default: return false
        }
    }

    /// The fields of an embedded JPEG, as the scanner would decode them.
    static func jpegFields(_ bytes: [UInt8]) -> [MetadataField] {
        let (metadata, _) = MediaContainerReader.readSalvaging(.jpeg, from: MemoryByteSource(bytes))
        return metadata.fields + MetadataDecoder.decode(metadata.blocks)
    }

    @Test("every manifest expectation holds (page text through pdftotext when installed)")
    func manifestExpectations() throws {
        let manifest = try Self.manifest()
        #expect(manifest.files.count >= 12)
        for entry in manifest.files {
            let name = String(entry.path.split(separator: "/").last ?? "")
            let bytes = try Self.fixture(name)
            if let expected = entry.error {
                do {
                    _ = try Self.read(bytes)
                    Issue.record("\(name): read without the expected \(expected.code) error")
                } catch {
                    #expect(error.code == expected.code, "\(name): \(error)")
                }
                continue
            }
            let (content, collector) = try Self.read(bytes, pageText: PDFPageText.Options())
            for e in entry.expect {
                switch e.kind {
                case "field":
                    let found = Self.fields(content, e.group ?? "", e.field ?? "", container: e.container)
                    #expect(found.contains { field in e.value.map { Self.matches(field.value, $0) } ?? false },
                            "\(name): \(e.group ?? ""):\(e.field ?? "") in \(e.container ?? "") = \(String(describing: e.value)); have \(content.fields)")
                case "text":
                    guard PDFPageText.defaultExecutable != nil || e.part?.hasSuffix("page text") == false else { continue }
                    guard case .text(let value)? = e.value else { Issue.record("\(name): text without value"); continue }
                    let text = Self.text(content, part: e.part ?? "")
                    #expect(text?.contains(value) == true, "\(name): \(e.part ?? "") lacks \(value); parts \(content.textParts.map(\.part))")
                case "hidden":
                    let found = content.hidden.filter { $0.kind.rawValue == e.hidden && $0.part == e.part }
                    #expect(found.contains { item in
                        (e.person == nil || item.person == e.person) && (e.contains == nil || item.detail.contains(e.contains ?? ""))
                    }, "\(name): hidden \(e.hidden ?? "") \(e.part ?? "") person \(e.person ?? "-"); have \(content.hidden)")
                case "embedded":
                    guard let file = collector.files.first(where: { $0.name == e.part }) else {
                        Issue.record("\(name): no embedded file \(e.part ?? "")")
                        continue
                    }
                    let fields = Self.jpegFields(file.bytes).filter { $0.group == e.group && $0.name == e.field }
                    #expect(fields.contains { field in e.value.map { Self.matches(field.value, $0) } ?? false },
                            "\(name): \(e.part ?? "") \(e.group ?? ""):\(e.field ?? ""); have \(fields)")
                case "attachment":
                    guard case .text(let value)? = e.value,
                          let file = collector.files.first(where: { $0.name == e.part }) else {
                        Issue.record("\(name): no attachment \(e.part ?? "")")
                        continue
                    }
                    #expect(String(decoding: file.bytes, as: UTF8.self).contains(value), "\(name): \(e.part ?? "")")
                default:
                    Issue.record("\(name): unknown expectation kind \(e.kind)")
                }
            }
        }
    }

    // MARK: fixtures in detail

    @Test("Info fields carry ExifTool names, decoded text and dates")
    func infoFields() throws {
        let (content, _) = try Self.read(try Self.fixture("simple.pdf"))
        func value(_ name: String) -> MetadataValue? { Self.fields(content, "PDF", name, container: "PDF Info").first?.value }
        #expect(value("Author") == .text("Trần Văn Khoa"))
        #expect(value("Title") == .text("Hồ sơ ứng viên"))
        #expect(value("Keywords") == .list(["hồ sơ", "ứng viên", "kế toán"]))
        #expect(value("CreateDate") == .text("2024:03:15 08:30:12+07:00"))
        #expect(value("ModifyDate") == .text("2024:03:16 09:15:00+07:00"))
        #expect(value("Creator") == .text("Soạn thảo văn bản"))
        #expect(content.hidden.isEmpty)
        #expect(content.notes.contains(PDFPageText.missingNote))
    }

    @Test("an incremental update keeps the old Author: reported as a field of revision 1 and a hidden item")
    func incrementalUpdate() throws {
        let bytes = try Self.fixture("incremental-update.pdf")
        let file = try PDFFile(bytes: bytes)
        #expect(file.revisions.count == 2)
        #expect(file.revisions.map(\.recovered) == [false, false])
        let (content, _) = try Self.read(bytes)
        #expect(Self.fields(content, "PDF", "Author", container: "PDF Info").first?.value == .text("Phòng Hành chính"))
        #expect(Self.fields(content, "PDF", "Author", container: "PDF revision 1").first?.value == .text("Nguyễn Thị Lan"))
        let author = content.hidden.first { $0.person == "Nguyễn Thị Lan" }
        #expect(author?.kind == .oldRevision)
        #expect(author?.part == "PDF revision 1 Info")
        #expect(author?.detail.contains("changed in a later revision") == true)
        let subject = content.hidden.first { $0.detail.hasPrefix("Subject was") }
        #expect(subject?.detail.contains("removed in a later revision") == true)
        #expect(subject?.person == nil)
        // Values every save rewrites are not old-revision findings; the Title did not change.
        #expect(!content.fields.contains { $0.container == "PDF revision 1" && ["ModifyDate", "Title", "Producer"].contains($0.name) })
    }

    @Test("xref stream with PNG predictor and an object stream")
    func xrefStream() throws {
        let bytes = try Self.fixture("xref-stream.pdf")
        let file = try PDFFile(bytes: bytes)
        #expect(file.revisions.count == 1)
        #expect(file.revisions[0].recovered == false)
        #expect(file.warnings.isEmpty)
        let (content, _) = try Self.read(bytes)
        #expect(Self.fields(content, "PDF", "Author").first?.value == .text("Lê Minh Tuấn"))
    }

    @Test("catalog XMP is decoded into XMP-* fields")
    func xmp() throws {
        let (content, _) = try Self.read(try Self.fixture("xmp.pdf"))
        #expect(Self.fields(content, "XMP-dc", "Creator", container: "PDF XMP").first?.value.texts == ["Phạm Thu Hà"])
        #expect(Self.fields(content, "XMP-dc", "Title", container: "PDF XMP").first?.value.texts == ["Thư mời dự tiệc cưới"])
    }

    @Test("annotations, form fields and attachments")
    func annotations() throws {
        let (content, collector) = try Self.read(try Self.fixture("annotations.pdf"))
        #expect(Self.text(content, part: "annotation 1") == "Anh gọi lại cho em số 0987 654 321 nhé")
        #expect(content.hidden.contains { $0.kind == .comment && $0.part == "annotation 1" && $0.person == "Vũ Đức Thắng" })
        #expect(content.hidden.contains { $0.kind == .comment && $0.part == "annotation 2" && $0.person == "Vũ Đức Thắng" })
        #expect(Self.text(content, part: "form field so_cccd") == "079304005678")
        // The attachment is named by the annotation and by the name tree: handed over once.
        #expect(collector.files.map(\.name) == ["ghi-chu.txt"])
        let attached = String(decoding: collector.files.first?.bytes ?? [], as: UTF8.self)
        #expect(attached.contains("0912 345 678"))
        #expect(content.hidden.filter { $0.kind == .attachment }.count == 1)
        #expect(collector.skips.isEmpty)
    }

    @Test("a DCTDecode image is handed over byte for byte")
    func image() throws {
        let (_, collector) = try Self.read(try Self.fixture("image.pdf"))
        let jpeg = Array(try Data(contentsOf: TestSupport.corpus.appendingPathComponent("media/jpeg/gps-exif.jpg")))
        #expect(collector.files.map(\.name) == ["image 1.jpg"])
        #expect(collector.files.first?.bytes == jpeg)
    }

    @Test("an encrypted PDF is a per-file error with code encrypted")
    func encrypted() throws {
        let bytes = try Self.fixture("encrypted.pdf")
        #expect(throws: ScanError.self) { _ = try Self.read(bytes) }
        do {
            _ = try Self.read(bytes)
        } catch {
            #expect(error.code == "encrypted")
            #expect(error.message.contains("encrypted"))
        }
    }

    @Test("damaged files: recovered by scanning where possible, with a note")
    func damaged() throws {
        for name in ["truncated.pdf", "xref-outside.pdf", "broken-offsets.pdf", "prev-loop.pdf", "deep-nesting.pdf"] {
            let (content, _) = try Self.read(try Self.fixture(name))
            #expect(!Self.fields(content, "PDF", "Author").isEmpty, "\(name)")
        }
        let (truncated, _) = try Self.read(try Self.fixture("truncated.pdf"))
        #expect(truncated.notes.contains { $0.contains("found by scanning the file") })
        let (shifted, _) = try Self.read(try Self.fixture("broken-offsets.pdf"))
        #expect(shifted.notes.contains { $0.contains("not at the offset") })
        let (deep, _) = try Self.read(try Self.fixture("deep-nesting.pdf"))
        #expect(deep.notes.contains { $0.contains("could not be read") && $0.contains("nested deeper") })
        let loop = try PDFFile(bytes: try Self.fixture("prev-loop.pdf"))
        #expect(loop.warnings.contains { $0.contains("loops") })
        #expect(loop.revisions.count == 2)
        #expect(throws: ScanError.self) { _ = try Self.read(try Self.fixture("not-a-pdf.pdf")) }
        #expect(throws: ScanError.self) { _ = try Self.read(Array("not a pdf at all".utf8)) }
        #expect(throws: ScanError.self) { _ = try Self.read([]) }
    }

    // MARK: page text

    @Test("page text through pdftotext, from bytes (stdin) and from a file path")
    func pageText() throws {
        guard PDFPageText.defaultExecutable != nil else { return }
        let bytes = try Self.fixture("simple.pdf")
        let (fromBytes, _) = try Self.read(bytes, pageText: PDFPageText.Options())
        #expect(Self.text(fromBytes, part: "page text")?.contains("Số CCCD: 001204012345") == true)
        let source = try FileSource(path: TestSupport.corpus.appendingPathComponent("documents/pdf/simple.pdf").path)
        defer { source.close() }
        var collector = Collector()
        let fromFile = try PDFReader.read(source, limits: .default, handler: &collector)
        #expect(Self.text(fromFile, part: "page text") == Self.text(fromBytes, part: "page text"))
        #expect(!fromFile.notes.contains(PDFPageText.missingNote))
    }

    @Test("without pdftotext: a note, no page text")
    func pageTextMissing() throws {
        let (content, _) = try Self.read(try Self.fixture("simple.pdf"), pageText: PDFPageText.Options(executable: nil))
        #expect(Self.text(content, part: "page text") == nil)
        #expect(content.notes.contains("page text not read: pdftotext (poppler-utils) is not installed"))
    }

    @Test("pdftotext that fails or cannot start gives a note, never an error")
    func pageTextFailure() throws {
        let garbage = Array("%PDF-1.4\n".utf8) + [UInt8](repeating: 0x41, count: 300_000)
        if PDFPageText.defaultExecutable != nil {
            let result = PDFPageText.extract(.bytes(garbage))
            #expect(result.text == nil || result.text?.isEmpty == true)
        }
        let missing = PDFPageText.extract(.bytes(garbage), options: PDFPageText.Options(executable: "/nonexistent/pdftotext"))
        #expect(missing.text == nil)
        #expect(missing.notes.first?.hasPrefix("page text not read") == true)
        // Stand-ins: one that never ends is stopped by the time limit, one that never stops
        // writing is cut at the output cap.
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sleeper = directory.appendingPathComponent("sleeper").path
        try "#!/bin/sh\nexec sleep 30\n".write(toFile: sleeper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sleeper)
        let started = Date()
        let slow = PDFPageText.extract(.bytes(garbage), options: PDFPageText.Options(executable: sleeper, timeLimit: 0.5))
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(slow.text == nil)
        #expect(slow.notes.first?.contains("longer than") == true)
        let yes = directory.appendingPathComponent("talker").path
        try "#!/bin/sh\nexec yes 'Trang 1: 0903 456 789'\n".write(toFile: yes, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: yes)
        let talker = PDFPageText.extract(.bytes(garbage), options: PDFPageText.Options(executable: yes, maxOutputBytes: 1 << 20))
        #expect(talker.text?.count ?? 0 <= 1 << 20)
        #expect(talker.text?.count ?? 0 > 1_000)
        #expect(talker.notes.contains { $0.hasPrefix("page text cut") })
    }

    // MARK: syntax

    @Test("lexer: names, strings, numbers, references")
    func lexer() throws {
        var parser = PDFObjectParser(Array("""
            << /Na#6De#20x (a\\(b\\)c \\101\\n (nested) \\
            end) /H <48 65 6c6c 6> /N [1 -2 +3 4.5 -.5 12 0 R 7] /B true /Z null >>
            """.utf8), position: 0)
        let d = try parser.parseObject().dictionary
        #expect(d?["Name x"] == .string(Array("a(b)c A\n (nested) end".utf8)))
        #expect(d?["H"] == .string([0x48, 0x65, 0x6C, 0x6C, 0x60]))
        #expect(d?["N"] == .array([.integer(1), .integer(-2), .integer(3), .real(4.5), .real(-0.5),
                                   .reference(PDFRef(number: 12, generation: 0)), .integer(7)]))
        #expect(d?["B"] == .bool(true))
        #expect(d?["Z"] == .null)
    }

    @Test("parser: nesting beyond the limit is an error, not a stack overflow")
    func nesting() {
        for depth in [65, 10_000, 200_000] {
            var parser = PDFObjectParser(Array(String(repeating: "[", count: depth).utf8) + Array(String(repeating: "]", count: depth).utf8), position: 0)
            #expect(throws: ScanError.self) { _ = try parser.parseObject() }
        }
        var ok = PDFObjectParser(Array((String(repeating: "[", count: 64) + String(repeating: "]", count: 64)).utf8), position: 0)
        #expect((try? ok.parseObject()) != nil)
        var open = PDFObjectParser(Array("<< /A [1 2 (x".utf8), position: 0)
        #expect(throws: ScanError.self) { _ = try open.parseObject() }
    }

    @Test("text strings: UTF-16BE, UTF-8, PDFDocEncoding; dates; tag names")
    func textStrings() {
        #expect(PDFTextString.decode([0xFE, 0xFF, 0x00, 0x54, 0x1E, 0xA7, 0x00, 0x6E]) == "Tần")
        #expect(PDFTextString.decode([0xEF, 0xBB, 0xBF] + Array("Lê".utf8)) == "Lê")
        #expect(PDFTextString.decode(Array("Phạm".utf8)) == "Phạm")
        #expect(PDFTextString.decode([0x80, 0x41, 0x92, 0xE9]) == "•A™é")
        #expect(PDFTextString.decode([0xFE, 0xFF, 0x00, 0x1B, 0x00, 0x76, 0x00, 0x69, 0x00, 0x1B, 0x00, 0x41]) == "A")
        #expect(PDFTextString.date("D:20240315083012+07'00'") == "2024:03:15 08:30:12+07:00")
        #expect(PDFTextString.date("D:20240315083012Z00'00'") == "2024:03:15 08:30:12Z")
        #expect(PDFTextString.date("D:2024") == "2024:01:01 00:00:00")
        #expect(PDFTextString.date("hôm qua") == "hôm qua")
        #expect(PDFTextString.tagName("My Key") == "My_Key")
        #expect(PDFTextString.tagName("my key") == "MyKey")
        #expect(PDFTextString.tagName("SourceModified") == "SourceModified")
    }

    @Test("filters: PNG predictors, LZW, ASCII85, ASCIIHex, RunLength")
    func filters() throws {
        // PDF spec example: "-----A---B" in LZW with early change.
        #expect(try PDFStreamFilters.lzw([0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01], earlyChange: 1, maxOutput: 100)
                == Array("-----A---B".utf8))
        #expect(try PDFStreamFilters.ascii85(Array("<~=D;Xq@q]:h+>>f01B~>".utf8), maxOutput: 100) == Array("Xin chao 0903".utf8))
        #expect(PDFStreamFilters.asciiHex(Array("30 39 3>".utf8)) == [0x30, 0x39, 0x30])
        #expect(try PDFStreamFilters.runLength([2, 65, 66, 67, 254, 68, 128], maxOutput: 100) == Array("ABCDDD".utf8))
        var parameters = PDFDictionary()
        parameters.set("Predictor", .integer(12))
        parameters.set("Columns", .integer(2))
        #expect(try PDFStreamFilters.predict([2, 1, 2, 2, 1, 1, 1, 3, 4], parameters: parameters) == [1, 2, 2, 3, 3, 7])
        #expect(throws: ScanError.self) {
            _ = try PDFStreamFilters.runLength([129, 0, 129, 0, 129, 0, 129, 0], maxOutput: 300)
        }
    }

    // MARK: hostile input

    /// A PDF with the given objects (numbered from 1) and a correct xref table.
    static func pdf(_ objects: [String], trailer: String) -> [UInt8] {
        var out = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(i + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f\r\n".utf8)
        for o in offsets { out += Array(String(format: "%010d 00000 n\r\n", o).utf8) }
        out += Array("trailer\n<< /Size \(objects.count + 1) \(trailer) >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    @Test("reference cycles, self-referencing lengths and object streams end")
    func cycles() throws {
        let bytes = Self.pdf([
            "2 0 R",
            "3 0 R",
            "1 0 R",
            "<< /Type /Catalog /Pages 4 0 R /Metadata 5 0 R >>",
            "<< /Type /Metadata /Length 5 0 R >>\nstream\n<x/>\nendstream",
            "<< /Type /ObjStm /N 1 /First 4 /Length 6 0 R >>\nstream\n6 0 6 0 R\nendstream",
        ], trailer: "/Root 4 0 R /Info 1 0 R")
        let (content, _) = try Self.read(bytes)
        #expect(Self.fields(content, "PDF", "Author").isEmpty)
    }

    @Test("lying counts: xref subsections, object stream /N, /W")
    func lyingCounts() throws {
        var bytes = Array("%PDF-1.5\n1 0 obj\n<< /Type /Catalog >>\nendobj\n2 0 obj\n<< /Author (Tr\\341n) >>\nendobj\n".utf8)
        let xref = bytes.count
        bytes += Array("xref\n0 999999999\n0000000000 65535 f\r\n0000000009 00000 n\r\n0000000046 00000 n\r\ntrailer\n<< /Root 1 0 R /Info 2 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        let (content, _) = try Self.read(bytes)
        #expect(Self.fields(content, "PDF", "Author").first?.value == .text("Trán"))

        let objstm = Self.pdf([
            "<< /Type /Catalog >>",
            "<< /Type /ObjStm /N 2000000000 /First 1 /Length 3 >>\nstream\n1 0\nendstream",
            "<< /Type /XRef /W [9 9 9] /Size 5 /Length 0 >>\nstream\n\nendstream",
        ], trailer: "/Root 1 0 R")
        _ = try Self.read(objstm)
    }

    @Test("a linearized layout (first-page section at the start, /Prev to the end) reports no old revision")
    func linearizedLayout() throws {
        let head = Array("%PDF-1.4\n".utf8)
        func section(prevPlaceholder: Bool) -> [UInt8] {
            Array("xref\n0 1\n0000000000 65535 f\r\ntrailer\n<< /Size 4 /Root 1 0 R /Info 3 0 R /Prev 0000000000 >>\nstartxref\n0\n%%EOF\n".utf8)
        }
        var bytes = head
        let first = bytes.count
        bytes += section(prevPlaceholder: true)
        var offsets: [Int] = []
        for body in ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>", "<< /Author (Ph\\341m Thu H\\340) >>"] {
            offsets.append(bytes.count)
            bytes += Array("\(offsets.count) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let main = bytes.count
        bytes += Array("xref\n0 4\n0000000000 65535 f\r\n".utf8)
        for o in offsets { bytes += Array(String(format: "%010d 00000 n\r\n", o).utf8) }
        bytes += Array("trailer\n<< /Size 4 >>\nstartxref\n\(first)\n%%EOF\n".utf8)
        let placeholder = Array("/Prev 0000000000".utf8)
        let at = PDFBytes.find(placeholder, in: bytes, from: 0) ?? 0
        bytes.replaceSubrange(at..<(at + placeholder.count), with: Array(String(format: "/Prev %010d", main).utf8))
        let file = try PDFFile(bytes: bytes)
        #expect(file.revisions.count == 2)
        let (content, _) = try Self.read(bytes)
        #expect(Self.fields(content, "PDF", "Author").map(\.value) == [.text("Phám Thu Hà")])
        #expect(content.hidden.isEmpty)
    }

    @Test("an update that drops the Info dictionary leaves the old values as hidden content")
    func infoDropped() throws {
        var bytes = Self.pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>",
                              "<< /Author <FEFF004C00EA002000560103006E00200042> /Producer (x) >>"],
                             trailer: "/Root 1 0 R /Info 3 0 R")
        let previous = (PDFBytes.findLast(Array("\nxref\n".utf8), in: bytes, before: bytes.count) ?? 0) + 1
        let update = bytes.count
        bytes += Array("xref\n0 1\n0000000000 65535 f\r\ntrailer\n<< /Size 4 /Root 1 0 R /Prev \(previous) >>\nstartxref\n\(update)\n%%EOF\n".utf8)
        let (content, _) = try Self.read(bytes)
        #expect(Self.fields(content, "PDF", "Author", container: "PDF Info").isEmpty)
        #expect(Self.fields(content, "PDF", "Author", container: "PDF revision 1").first?.value == .text("Lê Văn B"))
        #expect(content.hidden.contains { $0.person == "Lê Văn B" && $0.detail.contains("removed") })
    }

    @Test("a Flate bomb attachment is skipped with a reason")
    func bomb() throws {
        let zeros = [UInt8](repeating: 0, count: 40 << 20)
        let compressed = try Self.deflate(zeros)
        var body = Array("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n".utf8)
        let fileSpec = body.count
        body += Array("3 0 obj\n<< /Type /Filespec /F (zeros.bin) /EF << /F 4 0 R >> >>\nendobj\n".utf8)
        let stream = body.count
        body += Array("4 0 obj\n<< /Type /EmbeddedFile /Filter /FlateDecode /Length \(compressed.count) >>\nstream\n".utf8)
        body += compressed + Array("\nendstream\nendobj\n".utf8)
        let xref = body.count
        body += Array("xref\n0 5\n0000000000 65535 f\r\n0000000009 00000 n\r\n0000000058 00000 n\r\n".utf8)
        body += Array(String(format: "%010d 00000 n\r\n%010d 00000 n\r\n", fileSpec, stream).utf8)
        body += Array("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        let (content, collector) = try Self.read(body)
        #expect(collector.files.isEmpty)
        #expect(collector.skips.first?.name == "zeros.bin")
        #expect(collector.skips.first?.reason.code == "limit-exceeded")
        #expect(collector.skips.first?.reason.message.contains("bomb") == true)
        #expect(content.hidden.contains { $0.kind == .attachment && $0.detail.contains("not read") })
    }

    static func deflate(_ bytes: [UInt8]) throws -> [UInt8] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pdpcheck-pdf-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", "import sys,zlib; sys.stdout.buffer.write(zlib.compress(open(sys.argv[1],'rb').read(), 9))", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }

    @Test("truncation at many offsets ends in content or a ScanError", arguments: [
        "simple.pdf", "incremental-update.pdf", "xref-stream.pdf", "xmp.pdf", "annotations.pdf", "image.pdf",
    ])
    func truncation(_ name: String) throws {
        let bytes = try Self.fixture(name)
        let step = max(1, bytes.count / 150)
        var recovered = 0
        for cut in stride(from: 0, to: bytes.count, by: step) {
            do {
                let (content, _) = try Self.read(Array(bytes[0..<cut]))
                if !content.fields.isEmpty { recovered += 1 }
            } catch {
                #expect(!error.code.isEmpty)
            }
        }
        // Most cuts keep the header and the first objects: something is read from them.
        #expect(recovered > 0, "\(name)")
    }

    @Test("byte flips in every fixture end in content or a ScanError")
    func mutations() throws {
        var generator = SystemRandomNumberGenerator()
        for name in ["simple.pdf", "xref-stream.pdf", "annotations.pdf", "incremental-update.pdf"] {
            let original = try Self.fixture(name)
            for _ in 0..<60 {
                var bytes = original
                for _ in 0..<8 {
                    let i = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes[i] = UInt8.random(in: 0...255, using: &generator)
                }
                _ = try? Self.read(bytes)
            }
        }
    }
}
