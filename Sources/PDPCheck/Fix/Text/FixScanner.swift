/// Scans bytes in memory the way `Scanner` scans a file of that name: `Scanner.scanItem`
/// sniffs in-memory bytes without a name, so an HTML page without a doctype would read as
/// plain text there. The fixer knows the name, so it scans with the format the file's own
/// scan used; the policy's allowlist and the draft's inline ignores apply as in `Scanner`.
struct FixScanner {
    let policy: Policy
    let options: ScanOptions
    private let content: ContentScanner

    init(policy: Policy, options: ScanOptions, engine: TextDetectionEngine = .standard) {
        self.policy = policy
        self.options = options
        let sniffer = MediaSniffer()
        let builder = FindingBuilder(policy: policy, language: options.language, showValues: false, destination: options.destination)
        let media = MediaFileScanner(engine: engine, builder: builder, sniffer: sniffer, detectors: BuiltinMetadataDetectors.all)
        content = ContentScanner(engine: engine, builder: builder, sniffer: sniffer, media: media,
                                 metadataDetectors: BuiltinMetadataDetectors.all, limits: options.archiveLimits)
    }

    func scan(_ bytes: [UInt8], sniff: SniffResult, path: String) -> FileReport {
        let budget = ExpansionBudget(limit: options.archiveLimits.maxTotalExpandedBytes)
        let outcome = content.scan(MemoryByteSource(bytes), sniff: sniff, part: nil, depth: 0, budget: budget)
        if let skipped = outcome.skipped {
            return FileReport(path: path, mediaType: outcome.mediaType, status: .skipped, error: skipped)
        }
        var findings = outcome.findings.filter { $0.trace?.allowlisted != true }
        var notes = outcome.notes
        if options.inlineIgnores, policy.inlineIgnores, let mode = InlineIgnores.mode(for: sniff.format) {
            let ignores = InlineIgnores(source: bytes, format: sniff.format)
            if !ignores.isEmpty {
                findings.removeAll { finding in
                    if let offset = finding.trace?.byteOffset, finding.category == .hiddenContent,
                       ignores.directiveComments.contains(offset) {
                        return true
                    }
                    guard Scanner.inSource(finding, mode: mode), let start = finding.location.start else { return false }
                    return ignores.ignores(category: finding.category, sourceOffset: start)
                }
                notes += ignores.notes
            }
        }
        return FileReport(path: path, mediaType: outcome.mediaType, status: outcome.error == nil ? .scanned : .error,
                          error: outcome.error, findings: findings, notes: notes)
    }
}
