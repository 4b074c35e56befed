/// PDFs are not rewritten. A PDF keeps its author in the Info dictionary and in an XMP
/// packet, and every incremental update appends a new revision while the old objects, with
/// their old values, stay in the file: editing the last revision leaves the earlier ones
/// readable. Removing them means writing a whole new file (every object renumbered, object
/// and cross-reference streams rebuilt, signatures broken), which this build does not do.
/// So a PDF with something to fix gets no output, and the result says why and what to do;
/// a PDF with nothing to fix is returned as it is.
enum PDFCleanAssessment {
    static let reexportAdvice = "export it again from the program that made it (Word, LibreOffice, a scanner app) with personal information removed (Word: File › Info › Inspect Document; LibreOffice: Tools › Options › Security › Remove personal information on saving), then check the new PDF"

    static func assess(_ bytes: [UInt8], fileName: String?, options: DocumentFixOptions) -> DocumentFixResult {
        let scanner = Scanner(policy: options.policy, options: ScanOptions(jobs: 1, language: options.redaction.language,
                                                                           archiveLimits: options.limits))
        let report = scanner.scanItem(InputItem(displayPath: fileName ?? "document.pdf", source: .bytes(bytes)))
        let fixable = report.findings.filter { FixVerifier.isFixable($0, options: options) }
        let review = report.findings.filter { !FixVerifier.isFixable($0, options: options) }
        if fixable.isEmpty {
            var result = DocumentFixResult(mediaType: "application/pdf", output: bytes)
            result.reviewFindings = review
            result.needsPerson = FixVerifier.summaries(review)
            result.notes = report.notes
            return result
        }
        let revisions = countRevisions(bytes)
        var why = "this PDF needs re-export from its source application: pdpcheck does not rewrite PDFs"
        let metadata = fixable.contains { $0.location.kind == .metadata }
        let text = fixable.contains { $0.location.kind == .text }
        if metadata { why += "; its document properties (Info dictionary, XMP) hold personal data" }
        if text { why += "; its page text holds personal data that only the source document can change" }
        if revisions > 1 {
            why += "; it has \(revisions) revisions (incremental updates), and the earlier ones keep their old values even if the last one is edited"
        }
        var result = DocumentFixResult(mediaType: "application/pdf", output: nil, reason: why + ". To fix it, " + reexportAdvice + ".")
        result.remaining = fixable
        result.reviewFindings = review
        result.needsPerson = FixVerifier.summaries(review)
        result.notes = report.notes
        return result
    }

    /// Revisions = `%%EOF` markers (each incremental update ends with one).
    static func countRevisions(_ bytes: [UInt8]) -> Int {
        let marker: [UInt8] = Array("%%EOF".utf8)
        var count = 0
        var i = 0
        while i + marker.count <= bytes.count {
            if bytes[i] == 0x25, bytes[i + 1] == 0x25, bytes[i + 2] == 0x45, bytes[i + 3] == 0x4F, bytes[i + 4] == 0x46 {
                count += 1
                i += marker.count
            } else {
                i += 1
            }
        }
        return max(count, 1)
    }
}
