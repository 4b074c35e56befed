import Foundation

/// `pdpcheck fix`: walks the inputs like a scan, hands each file to the cleaner for its format
/// (photos and videos to `MediaMetadataCleaner`, everything else to `DocumentCleaner`), writes
/// the copy atomically, and re-scans it. Inputs are only ever opened for reading; with
/// `--in-place` the original is first kept under the backup name, then replaced in one rename.
public struct Fixer: Sendable {
    public let policy: Policy
    public let options: FixOptions

    /// Re-reads cleaned photos and videos; made once, not per file (its finding builder
    /// indexes the whole policy).
    private let verifier: Scanner
    private let mediaOptions: MediaCleanOptions

    public init(policy: Policy = .builtinDefault, options: FixOptions) {
        self.policy = policy
        self.options = options
        verifier = Scanner(policy: policy, options: ScanOptions())
        // The categories a privacy strip removes, worked out once from the policy, not per file.
        mediaOptions = MediaCleanOptions(mode: options.stripMode, policy: policy,
                                         categories: MediaCleanOptions(policy: policy).removedCategories)
    }

    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    public func fix(paths: [String], progress: Progress? = nil) async -> FixReport {
        let items = Walker(limits: options.scan.limits).enumerate(paths, stdin: nil)
        let results = await BoundedParallelMap.map(items, jobs: options.scan.jobs, progress: progress) { self.fixItem($0) }
        let files = results.enumerated().map { index, report in
            report ?? FileFixReport(path: items[index].displayPath, mediaType: nil, status: .error, reason: "no result")
        }
        // Copies in the output folder were written without an fsync each; they reach the disk
        // here, together, before the report says they exist.
        if case .folder = options.output, files.contains(where: { $0.output != nil }) {
            FileSystemSync.syncAll()
        }
        return FixReport(policy: policy.name, stripMode: options.stripMode, files: files)
    }

    /// Fixes one input. Never throws: every problem is a per-file status, and nothing is
    /// written for a file that failed.
    public func fixItem(_ item: InputItem) -> FileFixReport {
        switch item.source {
        case .failed(let error), .skipped(let error):
            return FileFixReport(path: item.displayPath, mediaType: nil, status: .error, reason: error.message)
        case .bytes:
            return FileFixReport(path: item.displayPath, mediaType: nil, status: .error,
                                 reason: "fix works on files: save the draft to a file first")
        case .file(let path):
            return fixFile(path, displayPath: item.displayPath)
        }
    }

    private func fixFile(_ path: String, displayPath: String) -> FileFixReport {
        let input: InputFile
        do {
            input = try InputFile.read(path, limit: options.maxFileBytes)
        } catch {
            return FileFixReport(path: displayPath, mediaType: nil, status: .error, reason: error.message)
        }
        let target: OutputPlan
        do {
            target = try OutputPlan.make(for: displayPath, input: input, options: options)
        } catch {
            return FileFixReport(path: displayPath, mediaType: nil, status: .error, reason: error.message)
        }
        let name = String(path.split(separator: "/").last ?? Substring(path))
        var report = clean(input.bytes, fileName: name, displayPath: displayPath)
        guard let cleaned = report.cleaned else { return report.file }
        // Nothing changed and the user wants only what was fixed: no file written.
        if report.file.status == .unchanged && options.unchangedFiles == .skip { return report.file }
        if report.file.status == .unchanged, case .inPlace = options.output { return report.file }
        do {
            try target.write(cleaned, original: input)
            report.file.output = target.outputPath
            report.file.backup = target.backupPath
        } catch {
            report.file.status = .error
            report.file.reason = error.message
        }
        return report.file
    }

    struct Cleaned {
        var file: FileFixReport
        /// The bytes to write; nil when no copy may be written.
        var cleaned: [UInt8]?
    }

    /// Cleans the bytes of one file and judges the copy, without touching the file system.
    func clean(_ bytes: [UInt8], fileName: String, displayPath: String) -> Cleaned {
        let sniff = MediaSniffer().sniff(head: Array(bytes.prefix(options.scan.limits.sniffBytes)),
                                         isWholeFile: bytes.count <= options.scan.limits.sniffBytes, fileName: fileName)
        if MediaMetadataCleaner.handles(sniff.format) {
            return cleanMedia(bytes, format: sniff.format, mediaType: sniff.mediaType, displayPath: displayPath)
        }
        return cleanDocument(bytes, format: sniff.format, mediaType: sniff.mediaType, fileName: fileName,
                             displayPath: displayPath)
    }

    private func cleanMedia(_ bytes: [UInt8], format: InputFormat, mediaType: String, displayPath: String) -> Cleaned {
        let result: MediaCleanResult
        do {
            result = try MediaMetadataCleaner.clean(bytes, options: mediaOptions, format: format)
        } catch {
            return Cleaned(file: FileFixReport(path: displayPath, mediaType: mediaType, status: .error,
                                               reason: "\(error.message) [\(error.code)]"), cleaned: nil)
        }
        var file = FileFixReport(path: displayPath, mediaType: mediaType, status: result.changed ? .fixed : .unchanged)
        file.changes = result.removed.map {
            FileFixReport.Change(kind: "metadata-removed", category: $0.category, place: $0.container,
                                 fields: $0.fields, count: max(1, $0.fields.count))
        }
        file.payload = FileFixReport.PayloadProof(before: SHA256.hexString(result.payloadHashBefore),
                                                  after: SHA256.hexString(result.payloadHashAfter))
        file.needsPerson = result.needsPerson
        file.notes = result.notes
        file.remaining = MediaCleanVerifier.remainingFixable(in: result.bytes, options: mediaOptions, scanner: verifier)
        if !file.remaining.isEmpty { file.status = .incomplete }
        return Cleaned(file: file, cleaned: result.bytes)
    }

    private func cleanDocument(_ bytes: [UInt8], format: InputFormat, mediaType: String, fileName: String,
                               displayPath: String) -> Cleaned {
        let documentOptions = DocumentFixOptions(
            redaction: RedactionOptions(policy: policy, language: options.scan.language),
            stripMode: options.stripMode, limits: options.scan.archiveLimits)
        let result = DocumentCleaner.fix(bytes, fileName: fileName, options: documentOptions)
        guard let output = result.output else {
            // A format pdpcheck reads but does not write, or a PDF it will not rewrite, is not
            // an error in the input: the report says what to do instead.
            let unsupported = format == .pdf || format == .email || format == .other || format == .jpegXL
                || (result.reason ?? "").contains("unsupported")
            var file = FileFixReport(path: displayPath, mediaType: result.mediaType,
                                     status: unsupported ? .notFixed : .error, reason: result.reason)
            file.needsPerson = result.needsPerson
            file.notes = result.notes
            return Cleaned(file: file, cleaned: nil)
        }
        var file = FileFixReport(path: displayPath, mediaType: result.mediaType,
                                 status: result.changed ? .fixed : .unchanged)
        file.changes = result.changes.map {
            FileFixReport.Change(kind: $0.kind.rawValue, category: $0.category, action: $0.action?.rawValue,
                                 place: $0.part, fields: $0.detail.map { [$0] } ?? [], count: $0.count)
        }
        file.remaining = result.remaining
        file.needsPerson = result.needsPerson
        file.notes = result.notes
        if !file.remaining.isEmpty { file.status = .incomplete }
        return Cleaned(file: file, cleaned: output)
    }
}
