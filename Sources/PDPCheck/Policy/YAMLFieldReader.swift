import Foundation
import Yams

/// Reads a composed YAML tree field by field and collects every problem with its place
/// (Yams node marks), instead of stopping at the first: a user fixing a policy sees them all.
struct YAMLFieldReader {
    struct Entry {
        let key: String
        let keyNode: Node
        let value: Node
    }

    let file: String
    private(set) var issues: [PolicyIssue] = []
    /// Nodes left to visit: anchors and aliases can make a small file a huge tree.
    private var budget: Int

    static let maxBytes = 1 << 20
    static let maxNodes = 100_000

    init(file: String) {
        self.file = file
        budget = Self.maxNodes
    }

    /// The document's root, or nil with the syntax error (and its place) recorded.
    mutating func compose(_ bytes: [UInt8]) -> Node? {
        guard bytes.count <= Self.maxBytes else {
            issues.append(PolicyIssue(file: file, message: "file is \(bytes.count) bytes; a policy file may have at most \(Self.maxBytes)"))
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            issues.append(PolicyIssue(file: file, message: "not valid UTF-8 text"))
            return nil
        }
        do {
            // Every value is read as its text (this reader types them itself), so the basic
            // resolver: the default one compiles a regular expression per type at first use
            // and runs them on every scalar, a third of loading the shipped catalogues.
            guard let root = try Yams.compose(yaml: text, .basic) else {
                issues.append(PolicyIssue(file: file, message: "the file is empty"))
                return nil
            }
            return root
        } catch let error as YamlError {
            issues.append(Self.issue(for: error, file: file))
        } catch {
            issues.append(PolicyIssue(file: file, message: "cannot read YAML: \(error)"))
        }
        return nil
    }

    static func issue(for error: YamlError, file: String) -> PolicyIssue {
        func located(_ context: YamlError.Context?, _ problem: String, _ mark: Mark) -> PolicyIssue {
            let message = "YAML syntax error: \(problem)" + (context.map { " (\($0.text) at \($0.mark.line):\($0.mark.column))" } ?? "")
            return PolicyIssue(file: file, line: mark.line, column: mark.column, message: message)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _): return located(context, problem, mark)
        case .parser(let context, let problem, let mark, _): return located(context, problem, mark)
        case .composer(let context, let problem, let mark, _): return located(context, problem, mark)
        case .reader(let problem, _, _, _): return PolicyIssue(file: file, message: "cannot read YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return PolicyIssue(file: file, line: context.mark.line, column: context.mark.column,
                               message: "duplicate key \(keys) in one mapping (each key may appear once)")
        default: return PolicyIssue(file: file, message: "cannot read YAML: \(error)")
        }
    }

    // MARK: - Issues

    mutating func issue(at node: Node?, _ message: String) {
        let mark = node?.mark
        issues.append(PolicyIssue(file: file, line: mark?.line, column: mark?.column, message: message))
    }

    private mutating func spend(_ node: Node) -> Bool {
        budget -= 1
        if budget == 0 { issue(at: node, "the document has more than \(Self.maxNodes) nodes (aliases included); stopped reading") }
        return budget > 0
    }

    // MARK: - Structure

    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node else { return false }
        return s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// A mapping's entries, keys as strings; duplicate and non-text keys are reported and dropped.
    mutating func entries(_ node: Node, _ what: String) -> [Entry]? {
        guard spend(node) else { return nil }
        guard case .mapping(let mapping) = node else {
            issue(at: node, "\(what) must be a mapping of `key: value` lines, found \(Self.kind(node))")
            return nil
        }
        var seen: [String: Node] = [:]
        var out: [Entry] = []
        for (keyNode, value) in mapping {
            guard spend(value), case .scalar(let key) = keyNode else {
                if budget > 0 { issue(at: keyNode, "keys in \(what) must be plain names, found \(Self.kind(keyNode))") }
                continue
            }
            if let first = seen[key.string] {
                let place = first.mark.map { " (first at line \($0.line))" } ?? ""
                issue(at: keyNode, "duplicate key '\(key.string)' in \(what)\(place)")
                continue
            }
            seen[key.string] = keyNode
            out.append(Entry(key: key.string, keyNode: keyNode, value: value))
        }
        return out
    }

    /// Reports every key not in `allowed`, naming what is allowed.
    mutating func onlyKnown(_ entries: [Entry], allowed: [String], in what: String) {
        for entry in entries where !allowed.contains(entry.key) {
            issue(at: entry.keyNode, "unknown field '\(entry.key)' in \(what) (allowed: \(allowed.joined(separator: ", ")))")
        }
    }

    mutating func sequence(_ node: Node, _ what: String) -> [Node]? {
        guard spend(node) else { return nil }
        if Self.isNull(node) { return [] }
        guard case .sequence(let seq) = node else {
            issue(at: node, "\(what) must be a list (`[a, b]` or lines starting with `- `), found \(Self.kind(node))")
            return nil
        }
        var out: [Node] = []
        for item in seq {
            guard spend(item) else { return nil }
            out.append(item)
        }
        return out
    }

    // MARK: - Scalars

    mutating func string(_ node: Node, _ what: String, allowEmpty: Bool = false) -> String? {
        guard case .scalar(let scalar) = node else {
            issue(at: node, "\(what) must be text, found \(Self.kind(node))")
            return nil
        }
        if !allowEmpty && scalar.string.allSatisfy(\.isWhitespace) {
            issue(at: node, "\(what) must not be empty")
            return nil
        }
        return scalar.string
    }

    mutating func localized(_ node: Node, _ what: String) -> LocalizedText? {
        guard let entries = entries(node, what) else { return nil }
        onlyKnown(entries, allowed: ["vi", "en"], in: what)
        var vi: String?, en: String?
        for entry in entries {
            switch entry.key {
            case "vi": vi = string(entry.value, "\(what).vi")
            case "en": en = string(entry.value, "\(what).en")
            default: break
            }
        }
        if vi == nil && !entries.contains(where: { $0.key == "vi" }) { issue(at: node, "\(what) needs a Vietnamese text (`vi:`)") }
        if en == nil && !entries.contains(where: { $0.key == "en" }) { issue(at: node, "\(what) needs an English text (`en:`)") }
        guard let vi, let en else { return nil }
        return LocalizedText(vi: vi, en: en)
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ node: Node, _ type: E.Type, _ what: String) -> E?
    where E.RawValue == String {
        guard let text = string(node, what) else { return nil }
        if let value = E(rawValue: text) { return value }
        issue(at: node, "invalid \(what) '\(text)' (allowed: \(E.allCases.map(\.rawValue).joined(separator: ", ")))")
        return nil
    }

    mutating func category(_ node: Node, _ what: String) -> Category? {
        guard let text = string(node, what) else { return nil }
        if let category = Category(rawValue: text) { return category }
        issue(at: node, "unknown category '\(text)'\(Self.suggestion(text, Category.allCases.map(\.rawValue))) "
              + "(allowed: \(Category.allCases.map(\.rawValue).joined(separator: ", ")))")
        return nil
    }

    mutating func number(_ node: Node, _ what: String, in range: ClosedRange<Double>) -> Double? {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string.trimmingCharacters(in: .whitespaces)),
              value.isFinite else {
            issue(at: node, "\(what) must be a number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        guard range.contains(value) else {
            issue(at: node, "\(what) \(scalar.string) is out of range (allowed: \(range.lowerBound) to \(range.upperBound))")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        guard case .scalar(let scalar) = node else {
            issue(at: node, "\(what) must be true or false, found \(Self.kind(node))")
            return nil
        }
        switch scalar.string {
        case "true", "True", "TRUE", "yes", "Yes": return true
        case "false", "False", "FALSE", "no", "No": return false
        default:
            issue(at: node, "\(what) must be true or false, found '\(scalar.string)'")
            return nil
        }
    }

    static func kind(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return "'\(s.string.prefix(40))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// " (did you mean 'x'?)" when one allowed name is close to the typo.
    static func suggestion(_ text: String, _ allowed: [String]) -> String {
        if text.count >= 3, let prefixed = allowed.first(where: { $0.hasPrefix(text) }) {
            return " (did you mean '\(prefixed)'?)"
        }
        let best = allowed.map { ($0, editDistance(text, $0)) }.min { $0.1 < $1.1 }
        guard let (name, distance) = best, distance <= max(2, text.count / 4) else { return "" }
        return " (did you mean '\(name)'?)"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8.prefix(64)), b = Array(b.utf8.prefix(64))
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
