import ArgumentParser
import Foundation
import PDPCheck

struct PDPCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdpcheck",
        abstract: "Check a post before publishing for personal data protected by Vietnamese law (Law 91/2025/QH15, Decree 356/2025/NĐ-CP).",
        discussion: "Kiểm tra bài đăng trước khi đăng: tìm dữ liệu cá nhân được pháp luật Việt Nam bảo vệ.",
        version: PDPCheckVersion.string,
        subcommands: PDPCheckCommand.subcommandTypes,
        defaultSubcommand: nil)

    /// Every subcommand, in the order `--help` lists them; a new command is one more entry.
    static let subcommandTypes: [ParsableCommand.Type] = [
        ScanCommand.self,
        FixCommand.self,
        ExplainCommand.self,
        PolicyCommand.self,
    ]
}

/// Runs the command tree with pdpcheck's exit codes: 2 for any usage or configuration
/// error (swift-argument-parser would use 64), our own codes passed through.
@main
enum Entry {
    static func main() async {
        MemoryTuning.apply()
        // `scan` and `fix` will need the policy's legal catalogue and the detectors: build their
        // tables on the other core while the arguments are parsed.
        if let first = CommandLine.arguments.dropFirst().first, ["scan", "fix"].contains(first) {
            DetectionWarmUp.start()
        }
        do {
            var command = try PDPCheckCommand.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = PDPCheckCommand.exitCode(for: error)
            let message = PDPCheckCommand.fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(ExitStatus.usage)
        }
    }
}

enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let usage: Int32 = 2
    static let incomplete: Int32 = 3
}
