import ArgumentParser
import Foundation
import PDPCheck

extension StripMode: ExpressibleByArgument {}
extension FixOptions.UnchangedFiles: ExpressibleByArgument {}
extension FixReportRenderer.Format: ExpressibleByArgument {}

struct FixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Write cleaned copies: mask personal data in drafts, strip it from photos, videos and documents, losslessly.",
        discussion: """
            Inputs are never modified: copies go under --out, mirroring the inputs' paths. \
            --in-place replaces each input only together with --backup-suffix, after keeping the original. \
            Every copy is re-scanned; the report lists what was removed, what is left for a person, \
            and for photos and videos the hash of the image data before and after (equal: no pixel touched).
            Exit status: 0 every copy is clean; 1 something could not be fixed (see the report); \
            2 usage or configuration error; 3 some input could not be read or written.
            """)

    @Argument(help: "Files or folders to fix.")
    var paths: [String] = []

    @Option(help: "Folder for the cleaned copies (created when missing).")
    var out: String?

    @Flag(name: .customLong("in-place"), help: "Replace the inputs themselves (needs --backup-suffix).")
    var inPlace = false

    @Option(name: .customLong("backup-suffix"), help: "With --in-place: keep each original as NAME+SUFFIX, e.g. .orig.")
    var backupSuffix: String?

    @Option(help: "privacy: remove what the policy flags (default); all: every piece of metadata the picture does not need.")
    var strip: StripMode = .privacy

    @Option(help: "Files with nothing to fix: copy (default, the output folder is a complete set) or skip.")
    var unchanged: FixOptions.UnchangedFiles = .copy

    @Option(help: "Policy: a shipped name (default, kol-post, admin-screening, workshop) or a YAML file.")
    var policy: String = "default"

    @Option(help: "Report format: text, markdown or json.")
    var format: FixReportRenderer.Format = .text

    @Option(help: "Write the fix report to this file (atomically) instead of stdout.")
    var report: String?

    @Option(help: "Message language: vi or en (default from LANG).")
    var lang: Language?

    @Option(help: "Files fixed in parallel (default: number of cores).")
    var jobs: Int?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give the files or folders to fix") }
        if paths.contains("-") { throw ValidationError("fix works on files; save the draft to a file first") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        switch (out, inPlace) {
        case (nil, false): throw ValidationError("say where the copies go: --out DIR (or --in-place --backup-suffix .orig)")
        case (.some, true): throw ValidationError("--out and --in-place exclude each other")
        case (nil, true):
            if backupSuffix?.isEmpty ?? true {
                throw ValidationError("--in-place needs --backup-suffix (e.g. .orig): pdpcheck never destroys an original")
            }
        case (.some, false):
            if backupSuffix != nil { throw ValidationError("--backup-suffix goes with --in-place") }
        }
    }

    func run() async throws {
        let language = CommandSupport.language(lang)
        let loaded = try CommandSupport.loadPolicy(policy)
        let target: FixOptions.OutputTarget = inPlace ? .inPlace(backupSuffix: backupSuffix ?? ".orig") : .folder(out ?? ".")
        let options = FixOptions(output: target, stripMode: strip, unchangedFiles: unchanged,
                                 scan: ScanOptions(jobs: jobs, language: language))
        let fixer = Fixer(policy: loaded, options: options)
        let result = await fixer.fix(paths: paths)
        let bytes = FixReportRenderer.render(result, format: format, language: language)
        if let report {
            do {
                try AtomicFileWriter.write(bytes, to: report)
            } catch {
                CommandSupport.printError("pdpcheck: \(error.message)")
                throw ExitCode(ExitStatus.usage)
            }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
        throw ExitCode(Self.exitStatus(for: result))
    }

    static func exitStatus(for report: FixReport) -> Int32 {
        let s = report.summary
        if s.errors > 0 { return ExitStatus.incomplete }
        if s.incomplete + s.notFixed > 0 || s.remaining > 0 { return ExitStatus.findings }
        return ExitStatus.clean
    }
}
