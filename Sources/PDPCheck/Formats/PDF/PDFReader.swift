/// Reads a PDF for personal data: the Info dictionary and XMP packets of every revision
/// (values an incremental update replaced are still in the file and come back as hidden
/// content), annotation authors and text, form-field values, attached files and embedded
/// JPEG / JPEG 2000 images (handed to the handler for a recursive scan), and page text through
/// poppler's `pdftotext` when it is installed.
///
/// Fields: group "PDF" with ExifTool's names (`PDF:Author`, `PDF:CreateDate`), container
/// "PDF Info" for the newest revision and "PDF revision N" for replaced values; XMP fields
/// as `MetadataDecoder` names them, container "PDF XMP" (catalog), "PDF XMP object N" (other
/// packets) or "PDF revision N XMP". Text parts: "page text", "PDF revision N page text" (lines
/// an update removed), "annotation N", "form field NAME", "link N", "attachment NAME description".
/// Hidden items: old-revision values (part "PDF revision N Info" / "… XMP" / "… page text"),
/// comments (part "annotation N", person = the annotation's /T), attachments ("attachment NAME"),
/// unapplied redactions. Embedded files go to the handler as "image N.jpg" / "image N.jp2" and
/// under each attachment's own file name.
public enum PDFReader {
    public static func read(_ source: some ByteSource, limits: ArchiveLimits,
                            handler: inout some EmbeddedFileHandler) throws(ScanError) -> DocumentContent {
        try read(source, limits: limits, handler: &handler,
                 pageText: limits.readsPDFPageText ? PDFPageText.Options() : PDFPageText.Options(executable: nil))
    }

    static func read(_ source: some ByteSource, limits: ArchiveLimits, handler: inout some EmbeddedFileHandler,
                     pageText: PDFPageText.Options) throws(ScanError) -> DocumentContent {
        let size = source.size
        guard size <= limits.maxMemberBytes else {
            throw ScanError(code: "limit-exceeded",
                            message: "the PDF is \(size) bytes, over the \(limits.maxMemberBytes)-byte limit for one document")
        }
        let bytes = try source.read(at: 0, count: size)
        let file = try PDFFile(bytes: bytes, budget: ExpansionBudget(limit: limits.maxTotalExpandedBytes))
        if file.revisions.contains(where: { $0.trailer["Encrypt"] != nil }) {
            throw ScanError(code: "encrypted",
                            message: "the PDF is encrypted: its text and metadata cannot be read without the password; check it after removing the protection")
        }

        var content = DocumentContent()
        let latest = file.latest
        let metadata = PDFMetadataReader(file: file)
        var info = metadata.infoFields(latest)
        for i in info.indices { info[i].container = "PDF Info" }
        var xmp: [MetadataField] = []
        let catalogXMP = metadata.catalogMetadataStream(latest)
        if let catalogXMP {
            let (fields, warnings) = metadata.xmpFields(catalogXMP.stream, revision: latest, container: "PDF XMP")
            xmp = fields
            content.notes += warnings
        }
        content.fields = info + xmp
        let old = metadata.oldRevisions(latestInfo: info, latestXMP: xmp)
        content.fields += old.fields
        content.hidden += old.hidden

        var walker = PDFObjectWalker(file: file, revision: latest, limits: limits, catalogMetadataObject: catalogXMP?.object)
        walker.walk(handler: &handler)
        content.fields += walker.content.fields
        content.hidden += walker.content.hidden
        content.notes += walker.content.notes
        if file.revisions.count > 1 {
            content.notes.append("\(file.revisions.count) revisions (incremental updates) read")
        }
        content.notes += file.warnings.map { "PDF structure: \($0)" }
        if file.misplacedObjects > 0 {
            content.notes.append("PDF structure: \(file.misplacedObjects) objects were not at the offset the cross-reference table gives; found by scanning the file")
        }
        if file.unreadableObjects > 0 {
            content.notes.append("PDF structure: \(file.unreadableObjects) objects could not be read (first: \(file.firstUnreadableReason ?? "unknown"))")
        }

        let input: PDFPageText.Input
        if let fileSource = source as? FileSource {
            input = .path(fileSource.path)
        } else {
            input = .bytes(bytes)
        }
        let text = limits.readsPDFPageText
            ? PDFPageText.extract(input, options: pageText)
            : PDFPageText.Result(text: nil, notes: ["page text not read: turned off for this scan"])
        if let utf8 = text.text {
            content.textParts.append(TextPart(part: "page text", utf8: utf8))
            oldRevisionPageText(file, current: utf8, options: pageText, into: &content)
        }
        content.notes += text.notes
        content.textParts += walker.content.textParts
        return content
    }

    /// Older revisions whose page text is read too (each is one more pdftotext run).
    static let maxOldRevisionTexts = 4

    /// Page text an incremental update replaced is still in the file: each older revision is
    /// the file cut after its %%EOF, a complete PDF that pdftotext reads. Lines it shows that
    /// the newest revision does not are reported as that revision's text and a hidden item.
    static func oldRevisionPageText(_ file: PDFFile, current: [UInt8], options: PDFPageText.Options,
                                    into content: inout DocumentContent) {
        let older = file.revisions.dropLast().filter { $0.end > 0 && $0.end < file.bytes.count }
        guard !older.isEmpty else { return }
        var known = Set(lines(current))
        for revision in older.suffix(maxOldRevisionTexts) {
            let result = PDFPageText.extract(.bytes(Array(file.bytes[0..<revision.end])), options: options)
            guard let utf8 = result.text else { continue }
            let removed = lines(utf8).filter { known.insert($0).inserted }
            guard !removed.isEmpty else { continue }
            let part = "PDF revision \(revision.number) page text"
            content.textParts.append(TextPart(part: part, utf8: Array(removed.joined(separator: "\n").utf8)))
            content.hidden.append(HiddenItem(kind: .oldRevision, part: part,
                                             detail: "\(removed.count) line\(removed.count == 1 ? "" : "s") of page text that a later revision removed or changed"))
        }
        if older.count > maxOldRevisionTexts {
            content.notes.append("page text of the \(older.count - maxOldRevisionTexts) oldest revisions not compared")
        }
    }

    /// Non-empty lines, trimmed, form feeds treated as line breaks.
    static func lines(_ utf8: [UInt8]) -> [String] {
        utf8.split(whereSeparator: { $0 == 0x0A || $0 == 0x0C || $0 == 0x0D }).compactMap { line in
            let text = PDFMetadataReader.trimmed(Substring(String(decoding: line, as: UTF8.self)))
            return text.isEmpty ? nil : text
        }
    }
}
