import Foundation
import Testing
@testable import PDPCheck

/// What ExifTool reads as personal fields of every PDF, OOXML and ODF fixture in
/// Corpus/documents, we read too, with the same value; and every person ExifTool names in them
/// comes out of the real Scanner as an `author_identity` finding. ExifTool (run live) is the
/// oracle for what a document's properties hold; the readers name their fields as it does.
///
/// ExifTool is run as `exiftool -j -G1:4 -a`: `-G1:4` adds "Copy1"… to repeated tags, which
/// `-j -G1 -a` would drop from the JSON (an ODT with two user-defined properties shows one).
@Suite("Document oracle (ExifTool)")
struct DocumentOracleTests {
    static let extensions: Set<String> = ["pdf", "docx", "docm", "dotx", "xlsx", "xlsm", "pptx", "pptm", "odt", "ods", "odp"]

    static let exiftool: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(dir)/exiftool"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    static var hasExifTool: Bool { exiftool != nil }

    /// Every PDF, OOXML and ODF file under Corpus/documents, relative to Corpus/.
    static let fixtures: [String] = {
        let root = TestSupport.corpus.appendingPathComponent("documents")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var paths: [String] = []
        while let name = walker.nextObject() as? String {
            if extensions.contains((name as NSString).pathExtension.lowercased()) { paths.append("documents/" + name) }
        }
        return paths.sorted()
    }()

    // MARK: which tags are personal

    /// Tags whose value a person wrote or that name a person, in the groups documents use
    /// (PDF Info, XMP in PDFs and ODF meta, OOXML core/app/custom properties).
    static let personalTags: Set<String> = [
        "PDF:Author", "PDF:Creator", "PDF:Title", "PDF:Subject", "PDF:Keywords",
        "XMP-dc:Creator", "XMP-dc:Title", "XMP-dc:Subject", "XMP-dc:Description", "XMP-dc:Contributor",
        "XMP-dc:Publisher", "XMP-dc:Rights", "XMP-pdf:Author", "XMP-pdf:Keywords", "XMP-xmp:CreatorTool",
        "XML:LastModifiedBy", "XML:Keywords", "XML:Category", "XML:ContentStatus", "XML:Company", "XML:Manager",
        "XMP-meta:Initial-creator", "XMP-meta:Printed-by", "XMP-meta:Keyword", "XMP-meta:User-definedName",
        "XMP-meta:User-defined",
    ]

    /// Tags whose value is a person (or the organisation a document belongs to): each value must
    /// be the evidence of an `author_identity` finding.
    static let personTags: Set<String> = [
        "PDF:Author", "XMP-dc:Creator", "XMP-dc:Contributor", "XMP-pdf:Author", "XML:LastModifiedBy", "XML:Manager",
        "XML:Company", "XMP-meta:Initial-creator", "XMP-meta:Printed-by",
    ]

    /// OOXML property names ExifTool knows (core.xml and app.xml); any other `XML:` tag is a
    /// custom property, written by a person, and compared too.
    static let standardOOXMLTags: Set<String> = [
        "Category", "ContentStatus", "CreateDate", "Identifier", "Keywords", "Language", "LastModifiedBy", "LastPrinted",
        "ModifyDate", "RevisionNumber", "Version", "Application", "AppVersion", "Characters", "CharactersWithSpaces",
        "Company", "DocSecurity", "HeadingPairs", "HiddenSlides", "HyperlinkBase", "HyperlinksChanged", "Lines",
        "LinksUpToDate", "Manager", "MMClips", "Notes", "Pages", "Paragraphs", "PresentationFormat", "ScaleCrop",
        "SharedDoc", "Slides", "Template", "TitlesOfParts", "TotalEditTime", "Words", "DigSig",
    ]

    static func isPersonal(_ key: String) -> Bool {
        if personalTags.contains(key) { return true }
        if key.hasPrefix("XML:") { return !standardOOXMLTags.contains(String(key.dropFirst(4))) }
        return false
    }

    /// Where ExifTool and we differ on purpose: "path|Group:Tag" → why. Empty: no fixture
    /// needs one today. (ExifTool reads only a PDF's newest revision and only the catalog's XMP
    /// packet, so the comparison is against our newest-revision containers; values we read
    /// beyond that are extra, not disagreements.)
    static let exceptions: [String: String] = [:]

    // MARK: running ExifTool

    /// ExifTool's tags per file: "Group:Tag" → every value it shows (copies merged).
    static func oracle(_ paths: [String]) throws -> [[String: [String]]] {
        guard let exiftool else { return [] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: exiftool)
        process.arguments = ["-j", "-G1:4", "-a", "-charset", "filename=utf8"] + paths
        process.currentDirectoryURL = TestSupport.corpus
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let objects = (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
        return objects.map { object in
            var tags: [String: [String]] = [:]
            for (key, value) in object {
                // "XMP-meta:Copy1:User-defined" → "XMP-meta:User-defined".
                let parts = key.split(separator: ":").map(String.init)
                guard parts.count >= 2 else { continue }
                let tag = parts[0] + ":" + parts[parts.count - 1]
                tags[tag, default: []] += strings(value)
            }
            return tags
        }
    }

    static func strings(_ value: Any) -> [String] {
        if let a = value as? [Any] { return a.flatMap(strings) }
        if let s = value as? String { return [s] }
        if let n = value as? NSNumber { return [MetadataText.number(n.doubleValue)] }
        return []
    }

    // MARK: our side

    struct Discard: EmbeddedFileHandler {
        mutating func embedded(name: String, bytes: [UInt8]) {}
        mutating func skipped(name: String, reason: ScanError) {}
    }

    /// The fields our reader gives for the file itself (not its embedded files), from the
    /// places ExifTool reads: a PDF's newest Info dictionary and catalog XMP, an office
    /// document's property parts. Nil with the error when the reader refuses the file.
    static func ourFields(_ path: String) -> Result<[MetadataField], ScanError> {
        do throws(ScanError) {
            let source = try FileSource(path: TestSupport.corpus.appendingPathComponent(path).path)
            defer { source.close() }
            var discard = Discard()
            if path.lowercased().hasSuffix(".pdf") {
                let content = try PDFReader.read(source, limits: .default, handler: &discard,
                                                 pageText: PDFPageText.Options(executable: nil))
                return .success(content.fields.filter { $0.container == "PDF Info" || $0.container == "PDF XMP" })
            }
            let result = try ZipPackageReader.read(source: source, limits: .default,
                                                   budget: ExpansionBudget(limit: 1 << 30), handler: &discard)
            return .success(result.content.fields)
        } catch {
            return .failure(error)
        }
    }

    // MARK: the test

    @Test("every personal field ExifTool reads in the document fixtures, we read with the same value, and report its people",
          .enabled(if: DocumentOracleTests.hasExifTool,
                   "exiftool is not installed: the document oracle needs it (scripts/setup.sh installs libimage-exiftool-perl)"))
    func agreesWithExifTool() async throws {
        let paths = Self.fixtures
        try #require(paths.count >= 10, "document fixtures not found under Corpus/documents")
        let oracle = try Self.oracle(paths)
        try #require(oracle.count == paths.count, "exiftool answered for \(oracle.count) of \(paths.count) files")

        let scanner = Scanner(options: ScanOptions(showValues: true))
        let report = await scanner.scan(paths.map {
            InputItem(displayPath: $0, source: .file(path: TestSupport.corpus.appendingPathComponent($0).path))
        })

        var problems: [String] = []
        var compared = 0, people = 0, filesWithFields = 0
        for (index, path) in paths.enumerated() {
            let theirs = oracle[index].filter { Self.isPersonal($0.key) && !$0.value.isEmpty }
            guard !theirs.isEmpty else { continue }
            filesWithFields += 1
            let fields: [MetadataField]
            switch Self.ourFields(path) {
            case .success(let f): fields = f
            case .failure(let error):
                problems.append("\(path): ExifTool reads \(theirs.keys.sorted()), our reader fails: \(error.message) [\(error.code)]")
                continue
            }
            var ours: [String: [String]] = [:]
            for field in fields { ours["\(field.group):\(field.name)", default: []] += field.value.texts }
            let authors = Set(report.files[index].findings.filter { $0.category == .authorIdentity }.map(\.evidence))

            for (key, values) in theirs.sorted(by: { $0.key < $1.key }) {
                if let why = Self.exceptions["\(path)|\(key)"] {
                    print("  document oracle: \(path) \(key) not compared: \(why)")
                    continue
                }
                compared += 1
                let mine = ours[key] ?? []
                if mine.isEmpty {
                    problems.append("\(path): \(key) = \(values) not read")
                } else if Set(values) != Set(mine) {
                    problems.append("\(path): \(key): exiftool \(values), ours \(mine)")
                }
                guard Self.personTags.contains(key) else { continue }
                for value in values {
                    people += 1
                    if !authors.contains(value) {
                        problems.append("\(path): \(key) “\(value)” is not an author_identity finding (have \(authors.sorted()))")
                    }
                }
            }
        }
        print("document oracle: \(compared) fields compared in \(filesWithFields) of \(paths.count) files, \(people) person values checked against author findings")
        for line in problems { print("  document oracle: " + line) }
        #expect(problems.isEmpty, "\(problems.count) disagreements with ExifTool; see the lines above")
        #expect(compared >= 60, "only \(compared) fields compared")
    }
}
