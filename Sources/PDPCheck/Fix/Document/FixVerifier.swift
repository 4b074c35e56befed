/// Re-scans a cleaned copy with the same policy: what a fix should have removed and is still
/// there goes to `remaining` (nothing, for a clean copy); what the policy leaves to a person
/// goes to `reviewFindings` and, summed up, to `needsPerson`.
enum FixVerifier {
    static func verify(_ result: inout DocumentFixResult, sniff: SniffResult, fileName: String?, options: DocumentFixOptions) {
        guard let output = result.output else { return }
        let scanner = Scanner(policy: options.policy, options: ScanOptions(jobs: 1, language: options.redaction.language,
                                                                              archiveLimits: options.limits))
        let report = scanner.scan(output, sniff: sniff, path: fileName ?? "cleaned")
        let findings = report.findings.filter { !isNeutralAuthor($0, options: options) }
        result.remaining = findings.filter { isFixable($0, options: options) }
        result.reviewFindings = findings.filter { !isFixable($0, options: options) }
        result.needsPerson += summaries(result.reviewFindings)
        if report.status == .error, let error = report.error {
            result.notes.append("the cleaned copy could not be re-read completely: \(error.message)")
        }
    }

    /// Findings a fix removes without a person: automatic text actions, metadata stripping.
    static func isFixable(_ finding: Finding, options: DocumentFixOptions) -> Bool {
        TextRedactor.isFixable(finding, options: options.redaction)
    }

    /// A comment or revision author renamed to the neutral name ("Author") is not a person:
    /// the field detectors call such values placeholders; hidden-item authors get the same rule.
    static func isNeutralAuthor(_ finding: Finding, options: DocumentFixOptions) -> Bool {
        guard finding.category == .authorIdentity, let value = finding.trace?.value else { return false }
        let trimmed = MetadataText.trimmed(value)
        return trimmed == options.redaction.neutralAuthor || FieldValueDetector.placeholder(trimmed)
    }

    /// One line per category and place: "phone_number in word/document.xml: review (2)".
    static func summaries(_ findings: [Finding]) -> [String] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for f in findings {
            let place = f.location.part ?? f.location.container ?? "text"
            let key = "\(f.category.rawValue) in \(place): \(f.fix.action.rawValue)"
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        return order.map { key in (counts[key] ?? 1) > 1 ? "\(key) (\(counts[key] ?? 1))" : key }
    }
}
