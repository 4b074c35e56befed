/// The library's entry point for `pdpcheck fix` on anything but a lone photo or video:
/// text drafts and HTML pages (redacted), office documents (cleaned part by part), archives
/// (rebuilt with cleaned members, recursively), PDFs (assessed: see `PDFCleanAssessment`).
/// Photos and videos, alone or inside, go to `MediaMetadataCleaner`. The input is never
/// modified; writing the output (atomically) is the caller's job. Every output is re-scanned
/// with the same policy, and the result lists what a fix should have removed but is still
/// there (nothing, for a clean copy) and what a person must look at.
public enum DocumentCleaner {
    struct Outcome {
        var bytes: [UInt8]
        var log = FixChangeLog()
        var needsPerson: [String] = []
        var notes: [String] = []
        var mediaType = "application/octet-stream"
    }

    /// Cleans one file. Never throws: a file that cannot be cleaned comes back without output
    /// and with the reason.
    public static func fix(_ bytes: [UInt8], fileName: String? = nil, options: DocumentFixOptions = DocumentFixOptions()) -> DocumentFixResult {
        let sniff = sniffer.sniff(head: Array(bytes.prefix(8192)), isWholeFile: bytes.count <= 8192, fileName: fileName)
        if sniff.format == .pdf {
            return PDFCleanAssessment.assess(bytes, fileName: fileName, options: options)
        }
        let budget = ExpansionBudget(limit: options.limits.maxTotalExpandedBytes)
        let outcome: Outcome
        do {
            outcome = try clean(bytes, fileName: fileName, prefix: nil, depth: 0, budget: budget, options: options, sniff: sniff)
        } catch {
            var failed = DocumentFixResult(mediaType: sniff.mediaType, output: nil, reason: "\(error.message) [\(error.code)]")
            failed.notes.append("no copy written: the file could not be cleaned")
            return failed
        }
        var result = DocumentFixResult(mediaType: outcome.mediaType, output: outcome.bytes)
        result.changes = outcome.log.changes
        result.needsPerson = outcome.needsPerson
        result.notes = outcome.notes
        if options.verify { FixVerifier.verify(&result, sniff: sniff, fileName: fileName, options: options) }
        return result
    }

    private static let sniffer = MediaSniffer()

    /// Cleans `bytes` by its format; `prefix` names it inside its container (nil at the top).
    static func clean(_ bytes: [UInt8], fileName: String?, prefix: String?, depth: Int, budget: ExpansionBudget,
                      options: DocumentFixOptions, sniff: SniffResult? = nil) throws(ScanError) -> Outcome {
        let sniff = sniff ?? sniffer.sniff(head: Array(bytes.prefix(8192)), isWholeFile: bytes.count <= 8192, fileName: fileName)
        var outcome = Outcome(bytes: bytes, mediaType: sniff.mediaType)
        let label = prefix ?? fileName ?? "file"
        switch sniff.format {
        case .text, .html:
            let redacted = try TextRedactor.redact(bytes, fileName: fileName, format: sniff.format, options: options.redaction,
                                                   scanOptions: ScanOptions(jobs: 1, language: options.redaction.language,
                                                                            archiveLimits: options.limits))
            outcome.bytes = redacted.bytes
            outcome.log.add(redacted.redactions, prefix: prefix)
            if !redacted.remaining.isEmpty {
                outcome.needsPerson.append("\(label): \(redacted.remaining.count) finding(s) could not be redacted automatically")
            }
        case .zip:
            let archive = try ZipArchive(source: MemoryByteSource(bytes), limits: options.limits)
            let kind = ZipPackageKind.detect(in: archive, limits: options.limits, budget: budget)
            outcome.mediaType = kind.mediaType
            outcome.notes += archive.notes.map { (prefix.map { "\($0): " } ?? "") + $0 }
            if kind.isOfficeDocument {
                let office = try OfficePackageCleaner(options: options, depth: depth, prefix: prefix).clean(archive, kind: kind, budget: budget)
                outcome.bytes = office.bytes
                outcome.log = office.log
                outcome.needsPerson += office.needsPerson
                outcome.notes += office.notes
            } else {
                let plain = try ZipPackageCleaner(options: options, depth: depth, prefix: prefix).clean(archive, budget: budget)
                outcome.bytes = plain.bytes
                outcome.log = plain.log
                outcome.needsPerson += plain.needsPerson
                outcome.notes += plain.notes
            }
        case .pdf:
            outcome.needsPerson.append("\(label): PDF inside another file is not rewritten; " + PDFCleanAssessment.reexportAdvice)
        default:
            if MediaMetadataCleaner.handles(sniff.format) {
                var log = FixChangeLog()
                var needsPerson: [String] = []
                var notes: [String] = []
                if let cleaned = try EmbeddedCleaner.cleanMedia(bytes, name: fileName ?? "file", prefix: nil,
                                                               options: options.mediaOptions, log: &log, needsPerson: &needsPerson, notes: &notes) {
                    outcome.bytes = cleaned
                }
                // Inside a container, changes are named by the member's path.
                log = Self.renamed(log, to: prefix)
                outcome.log = log
                outcome.needsPerson += needsPerson
                outcome.notes += notes
            } else if depth > 0 {
                // Other members (fonts, XML data, binaries) carry nothing the scan reads.
                break
            } else {
                throw ScanError(code: "unsupported-format", message: "\(sniff.mediaType): cleaning this format is not supported")
            }
        }
        return outcome
    }

    /// Media changes logged under a member's full path instead of its bare name.
    private static func renamed(_ log: FixChangeLog, to part: String?) -> FixChangeLog {
        var out = FixChangeLog()
        for c in log.changes { out.add(c.kind, c.category, action: c.action, part: part, detail: c.detail, count: c.count) }
        return out
    }
}
