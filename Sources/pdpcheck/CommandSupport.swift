import ArgumentParser
import Foundation
import PDPCheck

/// What several commands share: the message language, loading a policy (problems to stderr,
/// exit 2), writing to stderr.
enum CommandSupport {
    static func language(_ option: Language?) -> Language {
        option ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// A shipped policy by name or a policy file; on failure every problem goes to stderr as
    /// `file:line:column: error: message` and the command exits with 2.
    static func loadPolicy(_ nameOrPath: String) throws -> Policy {
        do {
            return try PolicyLoader.load(nameOrPath)
        } catch {
            printIssues(error)
            throw ExitCode(ExitStatus.usage)
        }
    }

    static func printIssues(_ error: PolicyError) {
        for issue in error.issues {
            var place = issue.file
            if let line = issue.line {
                place += ":\(line)"
                if let column = issue.column { place += ":\(column)" }
            }
            printError("\(place): error: \(issue.message)")
        }
    }

    /// The policy's destination named `name`; unknown names exit 2 with the allowed ones.
    static func destination(_ name: String, in policy: Policy) throws -> Destination {
        if let d = policy.destination(named: name) { return d }
        let names = policy.destinations.map(\.name)
        printError("pdpcheck: unknown destination '\(name)' (allowed: \(names.joined(separator: ", ")))")
        throw ExitCode(ExitStatus.usage)
    }
}
