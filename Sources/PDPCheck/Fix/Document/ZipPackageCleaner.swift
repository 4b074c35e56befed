/// Rebuilds a plain archive (ZIP, CBZ, EPUB) with every member cleaned by the cleaner of its
/// own format, recursively (a DOCX inside a ZIP, a photo inside that DOCX); members nothing
/// had to change are copied exactly as they were stored. Comments are redacted like text.
struct ZipPackageCleaner {
    let options: DocumentFixOptions
    let depth: Int
    let prefix: String?

    func clean(_ archive: ZipArchive, budget: ExpansionBudget) throws(ScanError) -> DocumentCleaner.Outcome {
        var log = FixChangeLog()
        var needsPerson: [String] = []
        var notes: [String] = []
        let redactor = MappedTextRedactor(options: options.redaction)
        func redacted(_ comment: String, part: String?) -> String {
            guard !comment.isEmpty else { return comment }
            let bytes = Array(comment.utf8)
            var text = MappedText()
            text.append(contentsOf: SourceCharacters.utf8(bytes, 0..<bytes.count))
            var edits = RedactionEdits()
            redactor.redact(text, part: part, encoding: .utf8, into: &edits)
            guard !edits.isEmpty else { return comment }
            log.add(edits.redactions, prefix: prefix)
            return String(decoding: RedactionEdits.apply(edits.edits(unit: 0), to: bytes), as: UTF8.self)
        }
        let archiveComment = redacted(archive.comment, part: "ZIP comment")
        let bytes = try ZipRebuilder.rebuild(
            archive, limits: options.limits, budget: budget, archiveComment: archiveComment,
            memberComment: { redacted($0.comment, part: $0.name + " (comment)") }
        ) { (entry, contents) throws(ScanError) -> [UInt8]? in
            let data: [UInt8]
            do throws(ScanError) {
                data = try contents()
            } catch {
                needsPerson.append("\(ContentScanner.chain(prefix, entry.name) ?? entry.name): not read (\(error.message)); copied as it was")
                return nil
            }
            do throws(ScanError) {
                return try EmbeddedCleaner.cleanFile(data, name: entry.name, prefix: prefix, options: options, depth: depth + 1,
                                                     budget: budget, log: &log, needsPerson: &needsPerson, notes: &notes)
            } catch {
                // One member that cannot be cleaned does not stop the others; it is said.
                needsPerson.append("\(ContentScanner.chain(prefix, entry.name) ?? entry.name): not cleaned (\(error.message)); copied as it was")
                return nil
            }
        }
        for entry in archive.entries where entry.isEncrypted {
            needsPerson.append("\(ContentScanner.chain(prefix, entry.name) ?? entry.name): encrypted, copied as it was without being checked")
        }
        return DocumentCleaner.Outcome(bytes: bytes, log: log, needsPerson: needsPerson, notes: notes)
    }
}
