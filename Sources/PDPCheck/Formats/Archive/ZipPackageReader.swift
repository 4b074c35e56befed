/// The one call for a ZIP-based input: opens the archive, decides what it is, and reads it as
/// an office document or as a plain archive (every member to the handler).
public enum ZipPackageReader {
    public struct Result: Sendable {
        public var kind: ZipPackageKind
        public var content: DocumentContent
        /// The refined media type for the report ("application/vnd.openxmlformats-officedocument.wordprocessingml.document").
        public var mediaType: String { kind.mediaType }
    }

    /// - Throws: per-file errors: `malformed` (not a usable ZIP), `limit-exceeded` (too many
    ///   members), `unsupported-format` (split archive), `encrypted` (password-protected ODF).
    public static func read(source: any ByteSource, limits: ArchiveLimits, budget: ExpansionBudget,
                            handler: inout some EmbeddedFileHandler) throws(ScanError) -> Result {
        let archive = try ZipArchive(source: source, limits: limits)
        let kind = ZipPackageKind.detect(in: archive, limits: limits, budget: budget)
        if kind.isOfficeDocument {
            return Result(kind: kind, content: try OfficeDocumentReader.read(archive, kind: kind, limits: limits,
                                                                             budget: budget, handler: &handler))
        }
        return Result(kind: kind, content: ZipArchiveReader.read(archive, limits: limits, budget: budget, handler: &handler))
    }
}
