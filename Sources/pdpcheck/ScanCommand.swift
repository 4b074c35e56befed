import ArgumentParser
import Foundation
import PDPCheck

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, markdown, html, csv
}

enum FailThreshold: String, ExpressibleByArgument, CaseIterable {
    case high, medium, low, info, never

    var severity: Severity? { Severity(rawValue: rawValue) }
}

extension Language: ExpressibleByArgument {}

struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan drafts, folders or stdin (-) and report personal data.")

    @Argument(help: "Files or folders to scan; '-' reads a draft from stdin.")
    var paths: [String] = []

    @Option(help: "Report format: text or json.")
    var format: ReportFormat = .text

    @Option(help: "Write the report to this file (atomically) instead of stdout.")
    var output: String?

    @Option(help: "Policy: a shipped name (default, kol-post, admin-screening, workshop) or a YAML file.")
    var policy: String = "default"

    @Option(help: "Where the files go (facebook-post, telegram-file, zalo-photo, email, print…): adjusts metadata findings. See 'pdpcheck policy list'.")
    var destination: String?

    @Option(help: "Report only findings not in this baseline file.")
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: "Write the current findings' fingerprints to this file (atomically).")
    var writeBaseline: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this severity: high, medium, low, info or never.")
    var failOn: FailThreshold = .high

    @Option(help: "Message language: vi or en (default from LANG).")
    var lang: Language?

    @Flag(name: .customLong("show-values"), help: "Show exact values in evidence instead of masking them.")
    var showValues = false

    @Flag(help: "Print only files with findings or problems.")
    var quiet = false

    @Option(help: "Files scanned in parallel (default: number of cores).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if ![ReportFormat.text, .json].contains(format) {
            throw ValidationError("--format \(format.rawValue) is not available yet; use text or json")
        }
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("'-' (stdin) can be given only once") }
    }

    func run() async throws {
        let env = ProcessInfo.processInfo.environment
        let language = CommandSupport.language(lang)
        // Configuration first: a bad policy, destination or baseline scans nothing (exit 2).
        let loaded = try CommandSupport.loadPolicy(policy)
        let target = try destination.map { try CommandSupport.destination($0, in: loaded) }
        var accepted: Baseline?
        if let baseline {
            do {
                accepted = try Baseline.read(from: baseline)
            } catch {
                CommandSupport.printError("pdpcheck: \(error.message)")
                throw ExitCode(ExitStatus.usage)
            }
        }
        var inputs = paths
        if inputs.isEmpty {
            guard isatty(STDIN_FILENO) == 0 else {
                throw ValidationError("give files or folders to scan, or '-' to read a draft from stdin")
            }
            inputs = ["-"]
        }
        let stdin = inputs.contains("-") ? [UInt8](FileHandle.standardInput.readDataToEndOfFile()) : nil
        let scanner = Scanner(policy: loaded,
                              options: ScanOptions(jobs: jobs, showValues: showValues, language: language,
                                                   destination: target))
        // Progress only for a person watching: stderr is a terminal and the scan is not tiny.
        let showProgress = !quiet && isatty(STDERR_FILENO) != 0
        var report = await scanner.scan(paths: inputs, stdin: stdin,
                                        progress: showProgress ? ScanCommand.printProgress : nil)
        if let writeBaseline {
            // Every current finding, before any baseline is applied: the new accepted set.
            let written = Baseline.make(from: report)
            do {
                try written.write(to: writeBaseline)
            } catch {
                CommandSupport.printError("pdpcheck: \(error.message)")
                throw ExitCode(ExitStatus.usage)
            }
            if !quiet { CommandSupport.printError("pdpcheck: baseline with \(written.count) fingerprints written to \(writeBaseline)") }
        }
        if let accepted { report = report.applying(accepted) }

        let bytes: [UInt8]
        switch format {
        case .json:
            bytes = try JSONReportRenderer.render(report)
        default:
            let colour = output == nil && isatty(STDOUT_FILENO) != 0 && env["NO_COLOR"].map(\.isEmpty) ?? true
                && env["TERM"] != "dumb"
            bytes = Array(TextReportRenderer(language: language, colour: colour, quiet: quiet).render(report).utf8)
        }
        if let output {
            do {
                try AtomicFileWriter.write(bytes, to: output)
            } catch {
                FileHandle.standardError.write(Data("pdpcheck: \(error.message)\n".utf8))
                throw ExitCode(ExitStatus.usage)
            }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
        throw ExitCode(exitStatus(for: report))
    }

    @Sendable static func printProgress(done: Int, total: Int) {
        guard total >= 20, done % 10 == 0 || done == total else { return }
        let line = done == total ? "\r\u{1B}[K" : "\r\(done)/\(total)"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func exitStatus(for report: Report) -> Int32 {
        if let threshold = failOn.severity, report.hasFindings(atOrAbove: threshold) { return ExitStatus.findings }
        if report.summary.skipped + report.summary.errors > 0 { return ExitStatus.incomplete }
        return ExitStatus.clean
    }
}
