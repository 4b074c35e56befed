/// What OOXML and ODF reading share: the archive, the limits and budget, the content being
/// built, and the two ways a member is used (parsed as an XML part, or handed on as a file).
struct OfficePackageSession {
    let archive: ZipArchive
    let limits: ArchiveLimits
    let budget: ExpansionBudget
    let xmlLimits: XMLStreamReader.Limits
    var content = DocumentContent()

    init(archive: ZipArchive, limits: ArchiveLimits, budget: ExpansionBudget) {
        self.archive = archive
        self.limits = limits
        self.budget = budget
        xmlLimits = OfficeXML.limits(limits)
        content.notes = archive.notes
        ZipArchiveReader.addComments(of: archive, to: &content)
    }

    /// The bytes of an XML part, or nil (reported to the handler as skipped) when it is over
    /// the XML limit or cannot be read.
    mutating func xml(_ entry: ZipEntry, handler: inout some EmbeddedFileHandler) -> [UInt8]? {
        guard entry.uncompressedSize <= limits.maxXMLBytes else {
            handler.skipped(name: entry.name, reason: ScanError(
                code: "limit-exceeded",
                message: "XML part “\(entry.name)” of \(entry.uncompressedSize) bytes is over the \(limits.maxXMLBytes)-byte limit"))
            return nil
        }
        var warnings: [String] = []
        defer { content.notes += warnings }
        do {
            return try archive.contents(of: entry, limits: limits, budget: budget, warnings: &warnings)
        } catch {
            handler.skipped(name: entry.name, reason: error)
            return nil
        }
    }

    /// A small XML part looked up by name (content types, relationships, people).
    mutating func xml(named name: String, handler: inout some EmbeddedFileHandler) -> [UInt8]? {
        guard let entry = archive.entry(named: name) else { return nil }
        return xml(entry, handler: &handler)
    }

    /// Hands a member (an image, an embedded workbook) to the handler to be scanned on its own.
    mutating func embed(_ entry: ZipEntry, handler: inout some EmbeddedFileHandler) {
        var warnings: [String] = []
        defer { content.notes += warnings }
        do {
            let bytes = try archive.contents(of: entry, limits: limits, budget: budget, warnings: &warnings)
            handler.embedded(name: entry.name, bytes: bytes)
        } catch {
            handler.skipped(name: entry.name, reason: error)
        }
    }
}
