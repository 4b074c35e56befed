/// The library's entry point: scans inputs in parallel (bounded by `jobs`) and returns one
/// Report whose file order is the Walker's order, whatever order the work finished in.
public struct Scanner: Sendable {
    public let policy: Policy
    public let options: ScanOptions
    public let engine: TextDetectionEngine
    private let sniffer: MediaSniffer
    private let builder: FindingBuilder
    private let content: ContentScanner

    public init(policy: Policy = .builtinDefault, options: ScanOptions = ScanOptions(),
                engine: TextDetectionEngine = .standard) {
        self.policy = policy
        self.options = options
        self.engine = engine
        sniffer = MediaSniffer()
        builder = FindingBuilder(policy: policy, language: options.language, showValues: options.showValues,
                                 destination: options.destination)
        let media = MediaFileScanner(engine: engine, builder: builder, sniffer: sniffer,
                                     detectors: BuiltinMetadataDetectors.all)
        content = ContentScanner(engine: engine, builder: builder, sniffer: sniffer, media: media,
                                 metadataDetectors: BuiltinMetadataDetectors.all, limits: options.archiveLimits)
    }

    /// Called after each input is scanned with (done, total).
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// Walks `paths` (`-` is `stdin`) and scans everything found.
    public func scan(paths: [String], stdin: [UInt8]? = nil, progress: Progress? = nil) async -> Report {
        let items = Walker(limits: options.limits).enumerate(paths, stdin: stdin)
        return await scan(items, progress: progress)
    }

    public func scan(_ items: [InputItem], progress: Progress? = nil) async -> Report {
        let results = await BoundedParallelMap.map(items, jobs: options.jobs, progress: progress) { self.scanItem($0) }
        return Report(policy: policy.name, destination: options.destination?.name, files: results.enumerated().map { index, report in
            report ?? FileReport(path: items[index].displayPath, mediaType: nil, status: .error,
                                 error: ScanError(code: "internal", message: "no result"))
        })
    }

    /// Scans one input synchronously. Never throws: every problem is a per-file status.
    public func scanItem(_ item: InputItem) -> FileReport {
        switch item.source {
        case .failed(let error):
            return FileReport(path: item.displayPath, mediaType: nil, status: .error, error: error)
        case .skipped(let error):
            return FileReport(path: item.displayPath, mediaType: nil, status: .skipped, error: error)
        case .bytes(let bytes):
            let sniff = sniffer.sniff(head: Array(bytes.prefix(options.limits.sniffBytes)),
                                      isWholeFile: bytes.count <= options.limits.sniffBytes, fileName: nil)
            return scanContent(MemoryByteSource(bytes), sniff: sniff, path: item.displayPath)
        case .file(let path):
            return scanFile(path, displayPath: item.displayPath)
        }
    }

    /// Scans bytes in memory as the file they came from: `sniff` is the format its own scan
    /// found (by name too, which `scanItem(.bytes)` cannot know). Used to re-scan fixed copies.
    func scan(_ bytes: [UInt8], sniff: SniffResult, path: String) -> FileReport {
        scanContent(MemoryByteSource(bytes), sniff: sniff, path: path)
    }

    private func scanFile(_ path: String, displayPath: String) -> FileReport {
        do {
            let source = try FileSource(path: path)
            defer { source.close() }
            let head = try source.read(at: 0, count: min(source.size, options.limits.sniffBytes))
            let sniff = sniffer.sniff(head: head, isWholeFile: source.size <= head.count, fileName: path)
            // Photos, videos and ZIP packages are read by ranges, whatever their size; the rest
            // is read whole, so it has a size limit.
            if !Scanner.readsByRanges(sniff.format) && source.size > options.limits.maxFileBytes {
                return FileReport(path: displayPath, mediaType: sniff.mediaType, status: .skipped,
                                  error: ScanError(code: "too-large",
                                                   message: "\(source.size) bytes, over the \(options.limits.maxFileBytes)-byte limit"))
            }
            return scanContent(source, sniff: sniff, path: displayPath)
        } catch {
            return FileReport(path: displayPath, mediaType: nil, status: .error, error: error)
        }
    }

    static func readsByRanges(_ format: InputFormat) -> Bool {
        format == .zip || MediaContainerReader.handles(format)
    }

    /// A damaged file is an `error` (the scan is incomplete), but what was read before the
    /// damage is still reported; a format this build does not read is `skipped`.
    private func scanContent(_ source: any ByteSource, sniff: SniffResult, path: String) -> FileReport {
        let budget = ExpansionBudget(limit: options.archiveLimits.maxTotalExpandedBytes)
        let outcome = content.scan(source, sniff: sniff, part: nil, depth: 0, budget: budget)
        if let skipped = outcome.skipped {
            return FileReport(path: path, mediaType: outcome.mediaType, status: .skipped, error: skipped)
        }
        var report = FileReport(path: path, mediaType: outcome.mediaType, status: outcome.error == nil ? .scanned : .error,
                                error: outcome.error, findings: outcome.findings, notes: outcome.notes)
        applySuppressions(to: &report, source: source, format: sniff.format)
        return report
    }

    /// Drops (and counts) what the policy's allowlist accepted and what `pdpcheck:ignore`
    /// markers in the draft's own source exclude. Baselines apply to the whole report
    /// afterwards (`Report.applying(_:)`), since writing one needs every finding.
    private func applySuppressions(to report: inout FileReport, source: any ByteSource, format: InputFormat) {
        var counts = SuppressionCounts()
        report.findings.removeAll { finding in
            guard finding.trace?.allowlisted == true else { return false }
            counts.allowlist += 1
            return true
        }
        if options.inlineIgnores, policy.inlineIgnores, let mode = InlineIgnores.mode(for: format),
           report.findings.contains(where: { Self.inSource($0, mode: mode) || mode == .html && $0.category == .hiddenContent }),
           source.size <= options.limits.maxFileBytes,
           let bytes = try? source.read(at: 0, count: source.size) {
            let ignores = InlineIgnores(source: bytes, format: format)
            if !ignores.isEmpty {
                report.findings.removeAll { finding in
                    if let offset = finding.trace?.byteOffset, finding.category == .hiddenContent,
                       ignores.directiveComments.contains(offset) {
                        return true  // the comment holding the marker is not content
                    }
                    guard Self.inSource(finding, mode: mode), let start = finding.location.start,
                          ignores.ignores(category: finding.category, sourceOffset: start) else { return false }
                    counts.inlineIgnore += 1
                    return true
                }
            }
            report.notes += ignores.notes
        }
        report.suppressed = report.suppressed + counts
    }

    /// Whether a finding's offsets index the file's own source (where markers are written).
    static func inSource(_ finding: Finding, mode: InlineIgnores.Mode) -> Bool {
        guard finding.location.kind == .text, finding.location.start != nil else { return false }
        guard let part = finding.location.part else { return true }
        return mode == .html && [HTMLTextReader.commentsPart, HTMLTextReader.hiddenPart, HTMLTextReader.attributesPart,
                                 HTMLTextReader.linksPart].contains(part)
    }
}
