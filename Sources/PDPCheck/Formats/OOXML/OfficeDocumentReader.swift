/// Entry point for office documents stored as ZIP packages: Office Open XML (DOCX, XLSX, PPTX
/// and their macro and template variants) and OpenDocument (ODT, ODS, ODP).
public enum OfficeDocumentReader {
    /// What kind of package the archive is (reads `[Content_Types].xml` or `mimetype`).
    public static func packageKind(of archive: ZipArchive, limits: ArchiveLimits = .default,
                                   budget: ExpansionBudget) -> ZipPackageKind {
        ZipPackageKind.detect(in: archive, limits: limits, budget: budget)
    }

    /// Reads the document: text parts named by member path, document properties as fields,
    /// comments / tracked changes / hidden text / speaker notes as hidden items; embedded media,
    /// packages and pictures go to `handler` one at a time (name = member path); parts that
    /// cannot be read go to `handler.skipped`.
    /// - Parameter kind: the package kind if already known (else it is detected).
    /// - Throws: `unsupported-format` when the archive is not an office package, `encrypted`
    ///   for a password-protected OpenDocument file.
    public static func read(_ archive: ZipArchive, kind: ZipPackageKind? = nil, limits: ArchiveLimits,
                            budget: ExpansionBudget, handler: inout some EmbeddedFileHandler) throws(ScanError) -> DocumentContent {
        let kind = kind ?? packageKind(of: archive, limits: limits, budget: budget)
        switch kind {
        case .ooxml(let documentKind):
            return OOXMLReader.read(archive, kind: documentKind, limits: limits, budget: budget, handler: &handler)
        case .odf:
            return try ODFReader.read(archive, limits: limits, budget: budget, handler: &handler)
        default:
            throw ScanError(code: "unsupported-format", message: "not an Office Open XML or OpenDocument package (\(kind.mediaType))")
        }
    }
}
