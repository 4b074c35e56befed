import ArgumentParser
import Foundation
import PDPCheck

/// `pdpcheck explain CATEGORY|RULE`.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a category or rule: what it is, why it matters, legal basis, an example, how to fix.")

    @Argument(help: "A category (phone_number, gps_location…) or a rule id (vn.phone.mobile, meta.gps…).")
    var term: String

    @Option(help: "Policy whose severity, advice and legal references to show (name or file).")
    var policy: String = "default"

    @Option(help: "Message language: vi or en (default from LANG).")
    var lang: Language?

    func run() throws {
        let loaded = try CommandSupport.loadPolicy(policy)
        guard let subject = ExplainRenderer.subject(for: term) else {
            let categories = Category.allCases.map(\.rawValue).joined(separator: ", ")
            CommandSupport.printError("pdpcheck: unknown category or rule '\(term)' (categories: \(categories); "
                                      + "rules: the ruleId of any finding, e.g. vn.phone.mobile, meta.gps)")
            throw ExitCode(ExitStatus.usage)
        }
        print(ExplainRenderer.render(subject, policy: loaded, language: CommandSupport.language(lang)), terminator: "")
    }
}
