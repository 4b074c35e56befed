import ArgumentParser
import Foundation
import PDPCheck

/// `pdpcheck policy list | show NAME | validate FILE`.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "List, show or validate policies (severity, action, advice and legal basis per category).",
        subcommands: [List.self, Show.self, Validate.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the shipped policies and the destinations.")

        @Option(help: "Message language: vi or en (default from LANG).")
        var lang: Language?

        func run() throws {
            let language = CommandSupport.language(lang)
            var out = language == .vi ? "Chính sách có sẵn (--policy):\n" : "Shipped policies (--policy):\n"
            for name in ShippedPolicies.policyNames {
                let policy = try CommandSupport.loadPolicy(name)
                let extends = policy.ancestry.first.map { " [extends \($0)]" } ?? ""
                out += "  \(name.padding(toLength: 16, withPad: " ", startingAt: 0))\(policy.description.text(language))\(extends)\n"
            }
            out += language == .vi ? "\nNơi gửi (--destination):\n" : "\nDestinations (--destination):\n"
            for d in ShippedPolicies.destinations {
                let fate = "\(d.metadata.rawValue), \(d.certainty.rawValue)"
                out += "  \(d.name.padding(toLength: 16, withPad: " ", startingAt: 0))"
                    + "\(d.label.text(language)) — metadata \(fate)\n"
            }
            print(out, terminator: "")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a policy after inheritance, as a complete policy file.")

        @Argument(help: "A shipped policy name or a policy file.")
        var name: String

        func run() throws {
            print(PolicyYAMLWriter.yaml(try CommandSupport.loadPolicy(name)), terminator: "")
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a policy file: every problem with file:line:column; exit 2 if any.")

        @Argument(help: "The policy file to check.")
        var file: String

        func run() throws {
            let policy = try CommandSupport.loadPolicy(PolicyLoader.isPath(file) ? file : "./" + file)
            var line = "\(file): ok: policy '\(policy.name)'"
            if !policy.ancestry.isEmpty { line += " extending \(policy.ancestry.joined(separator: " → "))" }
            line += "; \(Category.allCases.count) categories, \(policy.allowlist.values.count) allowlisted values, "
                + "\(policy.allowlist.patterns.count) patterns, \(policy.destinations.count) destinations"
            print(line)
        }
    }
}
