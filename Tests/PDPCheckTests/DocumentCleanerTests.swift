import Foundation
import Testing
@testable import PDPCheck

/// Office documents and archives cleaned end to end, checked by our own scanner, by
/// ExifTool, and by an independent ZIP reader (python's zipfile, `unzip -t`).
@Suite("Document cleaner")
struct DocumentCleanerTests {
    static let options = DocumentFixOptions(redaction: RedactionOptions(policy: .builtinDefault, language: .en))

    static let officeFixtures = ["documents/office/hop-dong-thue-nha.docx", "documents/office/danh-sach-nhan-vien.xlsx",
                                 "documents/office/thuyet-trinh-du-an.pptx", "documents/office/bien-ban-hop.odt",
                                 "documents/office/bang-cham-cong.ods", "documents/office/gioi-thieu-khoa-hoc.odp",
                                 "documents/office/danh-sach-so-dien-thoai.xlsx", "documents/office/danh-sach-so-dien-thoai.ods"]
    static let archiveFixtures = ["archives/ho-so-ung-tuyen.zip", "archives/truyen-tranh.cbz", "archives/zip64.zip"]

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: TestSupport.corpus.appendingPathComponent(path)))
    }

    static func memberNames(_ bytes: [UInt8]) throws -> [String] {
        try ZipArchive(source: MemoryByteSource(bytes)).entries.map(\.name)
    }

    /// Categories the re-scan must not find in a cleaned copy, whatever the policy says.
    static let mustBeGone: Set<Category> = [.authorIdentity, .gpsLocation, .phoneNumber, .nationalID, .emailAddress,
                                            .bankAccount, .paymentCard, .passportNumber, .taxCode, .insuranceNumber]

    @Test("office documents: no author, GPS or identifier left, same parts, valid package", arguments: officeFixtures + archiveFixtures)
    func cleansFixture(_ path: String) throws {
        let input = try Self.bytes(path)
        let result = DocumentCleaner.fix(input, fileName: (path as NSString).lastPathComponent, options: Self.options)
        let output = try #require(result.output, "\(path): \(result.reason ?? "no output")")
        #expect(result.changed, "\(path): nothing was changed")
        #expect(result.remaining.isEmpty,
                "\(path) still has: \(result.remaining.map { "\($0.category.rawValue) \($0.evidence) \($0.location.part ?? "") \($0.location.field ?? "")" })")
        #expect(try Self.memberNames(output) == Self.memberNames(input), "\(path): the part list changed")

        // Our own scanner, independently of the result.
        let report = Scanner(policy: .builtinDefault, options: ScanOptions(jobs: 1)).scanItem(InputItem(displayPath: path, source: .bytes(output)))
        let left = report.findings.filter { Self.mustBeGone.contains($0.category) && !FixVerifier.isNeutralAuthor($0, options: Self.options) }
        #expect(left.isEmpty, "\(path): \(left.map { "\($0.category.rawValue) \($0.evidence) \($0.location.part ?? "")" })")

        let folder = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("cleaned." + (path as NSString).pathExtension)
        try Data(output).write(to: file)
        if let zipTest = ExternalTools.pythonZipTest(file.path) { #expect(zipTest == "ok", "\(path): python zipfile: \(zipTest)") }
        if let unzip = ExternalTools.unzipTest(file.path) { #expect(unzip, "\(path): unzip -t failed") }
        if let json = ExternalTools.exiftool(file.path) {
            for key in json.keys {
                let tag = key.split(separator: ":").last.map(String.init) ?? key
                #expect(!["Creator", "LastModifiedBy", "Company", "Manager", "Author", "Initial-creator", "Printed-by"].contains(tag),
                        "\(path): exiftool still shows \(key) = \(json[key] ?? "")")
                #expect(tag != "Error", "\(path): exiftool: \(json[key] ?? "")")
            }
        }
    }

    @Test("a number split across runs is masked piece by piece, the runs kept")
    func splitAcrossRuns() throws {
        let document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t xml:space="preserve">Gọi chị Thư: </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>0912</w:t></w:r><w:r><w:t xml:space="preserve"> 345 678</w:t></w:r><w:r><w:t xml:space="preserve"> nhé &amp; cảm ơn</w:t></w:r></w:p></w:body></w:document>
        """
        let docx = try Self.minimalDocx(document: document)
        let result = DocumentCleaner.fix(docx, fileName: "split.docx", options: Self.options)
        let output = try #require(result.output)
        let archive = try ZipArchive(source: MemoryByteSource(output))
        let part = try #require(archive.entry(named: "word/document.xml"))
        let xml = String(decoding: try archive.contents(of: part, limits: .default, budget: ExpansionBudget(limit: 1 << 30)), as: UTF8.self)
        #expect(xml.contains("<w:t>09••</w:t></w:r><w:r><w:t xml:space=\"preserve\"> ••• 678</w:t>"), "\(xml)")
        #expect(xml.contains("nhé &amp; cảm ơn"))
        #expect(result.remaining.isEmpty)
        #expect(result.changes.contains { $0.kind == .redacted && $0.category == .phoneNumber && $0.part == "word/document.xml" })
    }

    @Test("the ZIP writer round-trips stored and deflated members")
    func zipWriterRoundTrip() throws {
        var writer = ZipArchiveWriter()
        let text = Array(String(repeating: "Xin chào, đây là một tệp thử. ", count: 200).utf8)
        try writer.add(rawName: Array("mimetype".utf8), content: Array("application/x-test".utf8), method: 0, flags: 0,
                       modTime: 0x4A00, modDate: 0x5C2F, comment: [], externalAttributes: 0)
        try writer.add(rawName: Array("thư mục/tệp.txt".utf8), content: text, method: 8, flags: 0x0800,
                       modTime: 0x4A00, modDate: 0x5C2F, comment: Array("ghi chú".utf8), externalAttributes: 0)
        try writer.add(rawName: Array("empty.txt".utf8), content: [], method: 8, flags: 0, modTime: 0, modDate: 0x21, comment: [],
                       externalAttributes: 0)
        let bytes = try writer.finish(comment: Array("archive".utf8))
        let archive = try ZipArchive(source: MemoryByteSource(bytes))
        #expect(archive.entries.map(\.name) == ["mimetype", "thư mục/tệp.txt", "empty.txt"])
        #expect(archive.entries.map(\.method) == [0, 8, 8])
        #expect(archive.comment == "archive")
        let budget = ExpansionBudget(limit: 1 << 30)
        #expect(try archive.contents(of: archive.entries[1], limits: .default, budget: budget) == text)
        #expect(try archive.contents(of: archive.entries[2], limits: .default, budget: budget) == [])
        let folder = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("round.zip")
        try Data(bytes).write(to: file)
        if let zipTest = ExternalTools.pythonZipTest(file.path) { #expect(zipTest == "ok") }
    }

    @Test("ODF keeps its mimetype first and stored")
    func odfMimetype() throws {
        for path in Self.officeFixtures where path.hasSuffix(".odt") || path.hasSuffix(".ods") || path.hasSuffix(".odp") {
            let output = try #require(DocumentCleaner.fix(try Self.bytes(path), fileName: path, options: Self.options).output)
            let archive = try ZipArchive(source: MemoryByteSource(output))
            #expect(archive.entries.first?.name == "mimetype")
            #expect(archive.entries.first?.method == ZipEntry.stored)
            // The local header's name starts at byte 30 (what `file` and LibreOffice check).
            #expect(Array(output[30..<38]) == Array("mimetype".utf8))
        }
    }

    @Test("a DOCX inside a ZIP is cleaned, its photo too")
    func nestedPackage() throws {
        let result = DocumentCleaner.fix(try Self.bytes("archives/ho-so-ung-tuyen.zip"), fileName: "ho-so-ung-tuyen.zip", options: Self.options)
        #expect(result.changes.contains { $0.part?.hasPrefix("ho-so/hop-dong-thue-nha.docx/") == true && $0.kind == .propertyRemoved })
        #expect(result.changes.contains { $0.kind == .mediaCleaned && $0.part == "ho-so/hop-dong-thue-nha.docx/word/media/image1.jpeg" })
        #expect(result.remaining.isEmpty)
    }

    @Test("PDFs with something to fix get no output and the reason")
    func pdfNeedsReexport() throws {
        let result = DocumentCleaner.fix(try Self.bytes("documents/pdf/incremental-update.pdf"), fileName: "incremental-update.pdf",
                                         options: Self.options)
        #expect(result.output == nil)
        let reason = try #require(result.reason)
        #expect(reason.contains("needs re-export"))
        #expect(reason.contains("revisions"))
    }

    @Test("hostile and damaged inputs: a clean refusal or a valid copy, never a crash")
    func hostileInputs() throws {
        let folder = TestSupport.corpus.appendingPathComponent("archives/hostile")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var limits = ArchiveLimits()
        limits.readsPDFPageText = false
        let options = DocumentFixOptions(limits: limits)
        for name in names {
            let input = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            let result = DocumentCleaner.fix(input, fileName: name, options: options)
            if let output = result.output {
                #expect((try? ZipArchive(source: MemoryByteSource(output))) != nil, "\(name): the copy is not a readable ZIP")
            } else {
                #expect(result.reason?.isEmpty == false, "\(name): no output and no reason")
            }
        }
        // A DOCX cut anywhere: refused with a reason, or a copy that reads.
        let docx = try Self.bytes("documents/office/hop-dong-thue-nha.docx")
        for cut in stride(from: 0, to: docx.count, by: max(1, docx.count / 23)) {
            let result = DocumentCleaner.fix(Array(docx[0..<cut]), fileName: "cut.docx", options: options)
            if result.output == nil { #expect(result.reason != nil) }
        }
        // Bytes flipped inside an XML part's data: still no crash.
        var damaged = docx
        for k in stride(from: 200, to: damaged.count, by: 97) { damaged[k] ^= 0x5A }
        _ = DocumentCleaner.fix(damaged, fileName: "damaged.docx", options: options)
    }

    // MARK: fixtures

    static func minimalDocx(document: String) throws -> [UInt8] {
        var writer = ZipArchiveWriter()
        let types = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """
        let rels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """
        for (name, text) in [("[Content_Types].xml", types), ("_rels/.rels", rels), ("word/document.xml", document)] {
            try writer.add(rawName: Array(name.utf8), content: Array(text.utf8), method: 8, flags: 0, modTime: 0, modDate: 0x5C2F,
                           comment: [], externalAttributes: 0)
        }
        return try writer.finish()
    }
}

/// Independent checkers run as processes when they are installed.
enum ExternalTools {
    static func run(_ arguments: [String]) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 { return nil }
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// "ok", or what python's zipfile says is wrong; nil without python3.
    static func pythonZipTest(_ path: String) -> String? {
        // Every member's CRC, and every XML part well-formed (a broken tag would make Word refuse the file).
        let script = """
        import sys, zipfile, xml.dom.minidom
        z = zipfile.ZipFile(sys.argv[1])
        bad = z.testzip()
        if bad is not None:
            print('bad member: ' + bad); sys.exit(0)
        for name in z.namelist():
            if name.endswith('.xml') or name.endswith('.rels'):
                try:
                    xml.dom.minidom.parseString(z.read(name))
                except Exception as e:
                    print('malformed XML in ' + name + ': ' + str(e)); sys.exit(0)
        print('ok')
        """
        guard let result = run(["python3", "-c", script, path]) else { return nil }
        return result.status == 0 ? result.output.trimmingCharacters(in: .whitespacesAndNewlines) : "error: \(result.output)"
    }

    static func unzipTest(_ path: String) -> Bool? {
        guard FileManager.default.fileExists(atPath: "/usr/bin/unzip"), let result = run(["unzip", "-tqq", path]) else { return nil }
        return result.status == 0
    }

    /// `exiftool -j -G1 -a` as one dictionary; nil without exiftool.
    static func exiftool(_ path: String) -> [String: Any]? {
        guard FileManager.default.fileExists(atPath: "/usr/bin/exiftool"), let result = run(["exiftool", "-j", "-G1", "-a", path]),
              let json = try? JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]] else { return nil }
        return json.first
    }
}
