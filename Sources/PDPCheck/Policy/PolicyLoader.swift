import Foundation
import Yams

/// Loads a policy by shipped name or file path, follows `extends:` (shipped names, or paths
/// relative to the extending file), merges the chain and checks that every category ends up
/// with a severity, an action, advice in both languages and legal references.
/// Every problem of every file in the chain is reported, each with file, line and column.
public enum PolicyLoader {
    /// How many files one `extends:` chain may hold.
    public static let maxChain = 8

    enum Source: Equatable {
        case shipped(String)
        case file(String)

        var display: String {
            switch self {
            case .shipped(let name): return "Policies/\(name).yaml"
            case .file(let path): return path
            }
        }

        /// The same file reached by different spellings ("a.yaml", "./a.yaml", a symlink) is one file.
        var identity: String {
            switch self {
            case .shipped(let name): return "shipped:" + name
            case .file(let path): return "file:" + URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            }
        }
    }

    /// `name` when it is a shipped policy's name; otherwise a path to a YAML file.
    public static func load(_ nameOrPath: String) throws(PolicyError) -> Policy {
        if isPath(nameOrPath) { return try loadFile(nameOrPath) }
        return try shipped(nameOrPath)
    }

    public static func isPath(_ s: String) -> Bool {
        s.contains("/") || s.hasSuffix(".yaml") || s.hasSuffix(".yml")
    }

    public static func shipped(_ name: String) throws(PolicyError) -> Policy {
        guard ShippedPolicies.policyNames.contains(name) else {
            throw PolicyError([PolicyIssue(file: name, message: unknownPolicyMessage(name))])
        }
        return try load(source: .shipped(name))
    }

    public static func loadFile(_ path: String) throws(PolicyError) -> Policy {
        try load(source: .file(path))
    }

    /// A policy from text in memory (`file` names it in messages; relative `extends:` paths
    /// resolve against `directory`).
    public static func parse(_ bytes: [UInt8], file: String, directory: String? = nil) throws(PolicyError) -> Policy {
        var issues: [PolicyIssue] = []
        let (doc, parseIssues) = PolicyDocument.parse(bytes, file: file, legal: ShippedPolicies.legal)
        issues += parseIssues
        let base = directory.map { $0 + "/" + file } ?? file
        return try resolve(leaf: doc, source: .file(base), issues: issues)
    }

    static func unknownPolicyMessage(_ name: String) -> String {
        "unknown policy '\(name)'\(YAMLFieldReader.suggestion(name, ShippedPolicies.policyNames)) "
            + "(shipped: \(ShippedPolicies.policyNames.joined(separator: ", ")); or give a path to a .yaml file)"
    }

    private static func load(source: Source) throws(PolicyError) -> Policy {
        var issues: [PolicyIssue] = []
        guard let bytes = read(source, issues: &issues) else { throw PolicyError(issues) }
        let (doc, parseIssues) = PolicyDocument.parse(bytes, file: source.display, legal: ShippedPolicies.legal)
        issues += parseIssues
        return try resolve(leaf: doc, source: source, issues: issues)
    }

    private static func read(_ source: Source, issues: inout [PolicyIssue]) -> [UInt8]? {
        switch source {
        case .shipped(let name):
            guard let text = ShippedPolicies.text("\(name).yaml") else {
                issues.append(PolicyIssue(file: name, message: unknownPolicyMessage(name)))
                return nil
            }
            return Array(text.utf8)
        case .file(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else {
                let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
                issues.append(PolicyIssue(file: path, message: "cannot open the policy file: \(reason)"))
                return nil
            }
            defer { try? handle.close() }
            // One byte over the limit is enough to say the file is too large.
            let data = (try? handle.read(upToCount: YAMLFieldReader.maxBytes + 1)) ?? Data()
            return [UInt8](data)
        }
    }

    /// Follows `extends:` from `leaf`, merges base first, checks completeness.
    private static func resolve(leaf: PolicyDocument, source: Source, issues initial: [PolicyIssue]) throws(PolicyError) -> Policy {
        var issues = initial
        var chain: [(doc: PolicyDocument, source: Source)] = [(leaf, source)]
        while let current = chain.last, let target = current.doc.extends {
            let node = current.doc.extendsNode
            let next: Source
            if isPath(target) {
                guard case .file(let from) = current.source else {
                    issues.append(issue(current.doc, node, "a shipped policy can only extend shipped policies"))
                    break
                }
                next = .file(target.hasPrefix("/") ? target : join(directory(of: from), target))
            } else {
                guard ShippedPolicies.policyNames.contains(target) else {
                    issues.append(issue(current.doc, node, "extends: " + unknownPolicyMessage(target)))
                    break
                }
                next = .shipped(target)
            }
            if chain.contains(where: { $0.source.identity == next.identity }) {
                let names = (chain.map(\.source.display) + [next.display]).joined(separator: " → ")
                issues.append(issue(current.doc, node, "extends: cycle \(names)"))
                break
            }
            guard chain.count < maxChain else {
                issues.append(issue(current.doc, node, "extends: more than \(maxChain) files in the chain"))
                break
            }
            var readIssues: [PolicyIssue] = []
            guard let bytes = read(next, issues: &readIssues) else {
                let why = readIssues.first?.message ?? "cannot be read"
                issues.append(issue(current.doc, node, "extends: '\(target)': \(why)"))
                break
            }
            let (doc, parseIssues) = PolicyDocument.parse(bytes, file: next.display, legal: ShippedPolicies.legal)
            issues += parseIssues
            chain.append((doc, next))
        }
        guard issues.isEmpty else { throw PolicyError(issues) }
        return try merge(chain.map(\.doc), leafSource: source)
    }

    private static func issue(_ doc: PolicyDocument, _ node: Yams.Node?, _ message: String) -> PolicyIssue {
        let mark = node?.mark ?? doc.rootMark
        return PolicyIssue(file: doc.file, line: mark?.line, column: mark?.column, message: message)
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    /// `dir/target` without "./" noise.
    static func join(_ dir: String, _ target: String) -> String {
        var t = Substring(target)
        while t.hasPrefix("./") { t = t.dropFirst(2) }
        return dir == "." ? String(t) : dir + "/" + t
    }

    static func baseName(_ path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        for ext in [".yaml", ".yml"] where name.hasSuffix(ext) { name.removeLast(ext.count) }
        return name
    }

    /// `chain` is leaf first.
    private static func merge(_ chain: [PolicyDocument], leafSource: Source) throws(PolicyError) -> Policy {
        var issues: [PolicyIssue] = []
        var rules: [Category: PolicyDocument.PartialRule] = [:]
        var minimumConfidence: Double?
        var minimumSeverity: Severity?
        var inlineIgnores: Bool?
        var description: LocalizedText?
        var allowlist = Allowlist()
        var destinations = ShippedPolicies.destinations
        for doc in chain.reversed() {
            if let v = doc.minimumConfidence { minimumConfidence = v }
            if let v = doc.minimumSeverity { minimumSeverity = v }
            if let v = doc.inlineIgnores { inlineIgnores = v }
            if let v = doc.description { description = v }
            allowlist.merge(doc.allowlist)
            DestinationParser.merge(doc.destinations, into: &destinations, file: doc.file, issues: &issues)
            for (category, partial) in doc.rules {
                var rule = rules[category] ?? PolicyDocument.PartialRule()
                if let v = partial.severity { rule.severity = v }
                if let v = partial.action {
                    rule.action = v
                    // A new action brings its own default unless this file also says `automatic:`.
                    rule.automatic = partial.automatic
                } else if let v = partial.automatic {
                    rule.automatic = v
                }
                if let v = partial.advice { rule.advice = v }
                if let v = partial.legal { rule.legal = v }
                rules[category] = rule
            }
        }
        let leaf = chain[0]
        let at = leaf.categoriesMark ?? leaf.rootMark
        let missingAll = Category.allCases.filter { rules[$0] == nil }
        if !missingAll.isEmpty {
            issues.append(PolicyIssue(file: leaf.file, line: at?.line, column: at?.column,
                                      message: "no rule for \(missingAll.map(\.rawValue).joined(separator: ", ")) "
                                               + "(every category needs one; or start with `extends: default`)"))
        }
        var complete: [Category: CategoryRule] = [:]
        for category in Category.allCases {
            guard let rule = rules[category] else { continue }
            guard let severity = rule.severity, let action = rule.action, let advice = rule.advice, let legal = rule.legal else {
                let missing = [("severity", rule.severity == nil), ("action", rule.action == nil),
                               ("advice", rule.advice == nil), ("legal", rule.legal == nil)].filter(\.1).map(\.0)
                issues.append(PolicyIssue(file: leaf.file, line: at?.line, column: at?.column,
                                          message: "rule for \(category.rawValue) has no \(missing.joined(separator: ", ")) "
                                                   + "(required: severity, action, advice, legal)"))
                continue
            }
            complete[category] = CategoryRule(severity: severity, action: action,
                                              automatic: rule.automatic ?? CategoryRule.isAutomatic(action),
                                              advice: advice, legal: legal)
        }
        if minimumConfidence == nil {
            issues.append(PolicyIssue(file: leaf.file, line: leaf.rootMark?.line, column: leaf.rootMark?.column,
                                      message: "no min-confidence (a number from 0 to 1; or start with `extends: default`)"))
        }
        guard issues.isEmpty, let minimumConfidence else { throw PolicyError(issues) }
        let name: String
        switch leafSource {
        case .shipped(let n): name = leaf.name ?? n
        case .file(let path): name = leaf.name ?? baseName(path)
        }
        let origin: String
        if case .file(let path) = leafSource { origin = path } else { origin = "shipped" }
        return Policy(
            name: name,
            description: description ?? LocalizedText(vi: name, en: name),
            origin: origin,
            ancestry: chain.dropFirst().map { $0.name ?? baseName($0.file) },
            minimumConfidence: minimumConfidence,
            minimumSeverity: minimumSeverity ?? .info,
            inlineIgnores: inlineIgnores ?? true,
            allowlist: allowlist,
            destinations: destinations,
            rules: complete)
    }
}
