/// A plain ZIP (or CBZ, EPUB): every file member goes to the handler, one at a time, named by
/// its path in the archive; members that cannot be read go to `skipped` with the reason. The
/// archive comment and member comments come back as metadata fields.
public enum ZipArchiveReader {
    /// Opens the archive and reads every member.
    /// - Throws: per-file errors: `malformed` (no usable central directory), `limit-exceeded`
    ///   (more members than `limits.maxMembers`), `unsupported-format` (split archives).
    public static func read(source: any ByteSource, limits: ArchiveLimits, budget: ExpansionBudget,
                            handler: inout some EmbeddedFileHandler) throws(ScanError) -> DocumentContent {
        let archive = try ZipArchive(source: source, limits: limits)
        return read(archive, limits: limits, budget: budget, handler: &handler)
    }

    public static func read(_ archive: ZipArchive, limits: ArchiveLimits, budget: ExpansionBudget,
                            handler: inout some EmbeddedFileHandler) -> DocumentContent {
        var content = DocumentContent()
        content.notes = archive.notes
        addComments(of: archive, to: &content)
        var skipped: [String: Int] = [:]
        var read = 0
        for entry in archive.entries where !entry.isDirectory {
            var warnings: [String] = []
            do {
                let bytes = try archive.contents(of: entry, limits: limits, budget: budget, warnings: &warnings)
                read += 1
                handler.embedded(name: entry.name, bytes: bytes)
            } catch {
                skipped[error.code, default: 0] += 1
                handler.skipped(name: entry.name, reason: error)
            }
            content.notes += warnings
        }
        if !skipped.isEmpty {
            let parts = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
            content.notes.append("ZIP: \(read) member(s) read, skipped: " + parts.joined(separator: ", "))
        }
        return content
    }

    /// Comments people type into archive tools can hold anything; the text detectors read them.
    /// The archive's own comment belongs to the file itself (empty container); a member's
    /// comment is named by the member.
    static func addComments(of archive: ZipArchive, to content: inout DocumentContent) {
        if !MetadataText.trimmed(archive.comment).isEmpty {
            content.fields.append(MetadataField(group: "ZIP", name: "Comment", value: .text(archive.comment), container: ""))
        }
        for entry in archive.entries where !MetadataText.trimmed(entry.comment).isEmpty {
            content.fields.append(MetadataField(group: "ZIP", name: "Comment", value: .text(entry.comment), container: entry.name))
        }
    }
}
