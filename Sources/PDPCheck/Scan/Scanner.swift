/// The library's entry point: scans inputs in parallel (bounded by `jobs`) and returns one
/// Report whose file order is the Walker's order, whatever order the work finished in.
public struct Scanner: Sendable {
    public let policy: Policy
    public let options: ScanOptions
    public let engine: TextDetectionEngine
    private let sniffer: MediaSniffer
    private let builder: FindingBuilder

    public init(policy: Policy = .builtinDefault, options: ScanOptions = ScanOptions(),
                engine: TextDetectionEngine = .standard) {
        self.policy = policy
        self.options = options
        self.engine = engine
        sniffer = MediaSniffer()
        builder = FindingBuilder(policy: policy, language: options.language, showValues: options.showValues)
    }

    /// Called after each input is scanned with (done, total).
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// Walks `paths` (`-` is `stdin`) and scans everything found.
    public func scan(paths: [String], stdin: [UInt8]? = nil, progress: Progress? = nil) async -> Report {
        let items = Walker(limits: options.limits).enumerate(paths, stdin: stdin)
        return await scan(items, progress: progress)
    }

    public func scan(_ items: [InputItem], progress: Progress? = nil) async -> Report {
        var results = [FileReport?](repeating: nil, count: items.count)
        await withTaskGroup(of: (Int, FileReport).self) { group in
            var next = 0
            func submit() {
                let index = next
                let item = items[index]
                group.addTask { (index, self.scanItem(item)) }
                next += 1
            }
            while next < min(options.jobs, items.count) { submit() }
            var done = 0
            for await (index, report) in group {
                results[index] = report
                done += 1
                progress?(done, items.count)
                if next < items.count { submit() }
            }
        }
        return Report(policy: policy.name, files: results.enumerated().map { index, report in
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
            return scanContent(bytes, sniff: sniff, path: item.displayPath)
        case .file(let path):
            return scanFile(path, displayPath: item.displayPath)
        }
    }

    private func scanFile(_ path: String, displayPath: String) -> FileReport {
        do {
            let source = try FileSource(path: path)
            defer { source.close() }
            let head = try source.read(at: 0, count: min(source.size, options.limits.sniffBytes))
            let sniff = sniffer.sniff(head: head, isWholeFile: source.size <= head.count, fileName: path)
            guard Scanner.hasReader(sniff.format) else {
                return FileReport(path: displayPath, mediaType: sniff.mediaType, status: .skipped,
                                  error: ScanError(code: "unsupported-format",
                                                   message: "\(sniff.mediaType): this format is not read yet"))
            }
            guard source.size <= options.limits.maxFileBytes else {
                return FileReport(path: displayPath, mediaType: sniff.mediaType, status: .skipped,
                                  error: ScanError(code: "too-large",
                                                   message: "\(source.size) bytes, over the \(options.limits.maxFileBytes)-byte limit"))
            }
            let bytes = source.size <= head.count ? head : try source.read(at: 0, count: source.size)
            return scanContent(bytes, sniff: sniff, path: displayPath)
        } catch {
            return FileReport(path: displayPath, mediaType: nil, status: .error, error: error)
        }
    }

    /// Formats this build can read. HTML and e-mail are read as plain text until their own
    /// readers exist (issue #5): their text is still checked, markup and all.
    static func hasReader(_ format: InputFormat) -> Bool {
        switch format {
        case .text, .html, .email: return true
        default: return false
        }
    }

    private func scanContent(_ bytes: [UInt8], sniff: SniffResult, path: String) -> FileReport {
        let part: TextPart
        switch sniff.format {
        case .text(let encoding): part = PlainTextReader.read(bytes, encoding: encoding)
        case .html, .email: part = PlainTextReader.read(bytes, encoding: .utf8)
        default:
            return FileReport(path: path, mediaType: sniff.mediaType, status: .skipped,
                              error: ScanError(code: "unsupported-format",
                                               message: "\(sniff.mediaType): this format is not read yet"))
        }
        let matches = engine.detect(in: part.utf8)
        return FileReport(path: path, mediaType: sniff.mediaType, status: .scanned,
                          findings: builder.findings(for: matches, in: part))
    }
}
