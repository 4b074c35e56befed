/// Cleans a file found inside another (a photo in a DOCX, a DOCX in a ZIP, a draft in a ZIP)
/// with the cleaner for its own format, and records what it did under its path.
enum EmbeddedCleaner {
    /// A photo or video: its metadata stripped losslessly. nil keeps it as it was.
    static func cleanMedia(_ bytes: [UInt8], name: String, prefix: String?, options: MediaCleanOptions, log: inout FixChangeLog,
                           needsPerson: inout [String], notes: inout [String]) throws(ScanError) -> [UInt8]? {
        let label = ContentScanner.chain(prefix, name) ?? name
        guard let format = MediaMetadataCleaner.sniff(bytes) else { return nil }
        do {
            let result = try MediaMetadataCleaner.clean(bytes, options: options, format: format)
            for removed in result.removed {
                log.add(.mediaCleaned, removed.category, part: label, detail: removed.container, count: max(removed.fields.count, 1))
            }
            needsPerson += result.needsPerson.map { "\(label): \($0)" }
            notes += result.notes.map { "\(label): \($0)" }
            return result.changed ? result.bytes : nil
        } catch {
            needsPerson.append("\(label): could not be cleaned (\(error.message)); kept as it was")
            return nil
        }
    }

    /// Any file: cleaned by the cleaner of its format. nil keeps it as it was.
    static func cleanFile(_ bytes: [UInt8], name: String, prefix: String?, options: DocumentFixOptions, depth: Int,
                          budget: ExpansionBudget, log: inout FixChangeLog, needsPerson: inout [String],
                          notes: inout [String]) throws(ScanError) -> [UInt8]? {
        let label = ContentScanner.chain(prefix, name) ?? name
        guard depth <= options.limits.maxDepth else {
            needsPerson.append("\(label): nested deeper than \(options.limits.maxDepth) levels; not cleaned")
            return nil
        }
        let outcome = try DocumentCleaner.clean(bytes, fileName: name, prefix: label, depth: depth, budget: budget, options: options)
        log.merge(outcome.log.changes, prefix: nil)
        needsPerson += outcome.needsPerson
        notes += outcome.notes
        return outcome.bytes == bytes ? nil : outcome.bytes
    }
}
