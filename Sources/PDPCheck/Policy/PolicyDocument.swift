import Foundation
import Yams

/// One policy file as written: every field optional, since a file that `extends` another
/// changes only what differs. `PolicyLoader` merges a chain of these into a `Policy`.
struct PolicyDocument {
    struct PartialRule {
        var severity: Severity?
        var action: FixAction?
        var automatic: Bool?
        var advice: LocalizedText?
        var legal: [LegalEntry]?
    }

    var file: String
    var name: String?
    var extends: String?
    var extendsNode: Node?
    var description: LocalizedText?
    var minimumConfidence: Double?
    var minimumSeverity: Severity?
    var inlineIgnores: Bool?
    var rules: [Category: PartialRule] = [:]
    var allowlist = Allowlist()
    var destinations: [DestinationParser.Partial] = []
    /// Where to point messages about what the file lacks.
    var rootMark: Mark?
    var categoriesMark: Mark?

    static let topLevelFields = ["name", "extends", "description", "min-confidence", "min-severity", "inline-ignores",
                                 "categories", "allowlist", "destinations"]
    static let ruleFields = ["severity", "action", "automatic", "advice", "legal"]

    /// Parses a policy file; problems go to `reader.issues`.
    static func parse(_ bytes: [UInt8], file: String, legal: LegalCatalogue) -> (PolicyDocument, [PolicyIssue]) {
        var reader = YAMLFieldReader(file: file)
        var doc = PolicyDocument(file: file)
        guard let root = reader.compose(bytes) else { return (doc, reader.issues) }
        doc.rootMark = root.mark
        guard let entries = reader.entries(root, "the policy") else { return (doc, reader.issues) }
        reader.onlyKnown(entries, allowed: topLevelFields, in: "the policy")
        for entry in entries {
            let v = entry.value
            switch entry.key {
            case "name":
                if let name = reader.string(v, "name") {
                    if name.utf8.contains(where: { !(Self.isNameByte($0)) }) {
                        reader.issue(at: v, "invalid name '\(name)' (allowed: letters a–z, digits, '-' and '_')")
                    } else {
                        doc.name = name
                    }
                }
            case "extends":
                if !YAMLFieldReader.isNull(v) {
                    doc.extends = reader.string(v, "extends")
                    doc.extendsNode = v
                }
            case "description": doc.description = reader.localized(v, "description")
            case "min-confidence": doc.minimumConfidence = reader.number(v, "min-confidence", in: 0...1)
            case "min-severity": doc.minimumSeverity = reader.choice(v, Severity.self, "min-severity")
            case "inline-ignores": doc.inlineIgnores = reader.bool(v, "inline-ignores")
            case "categories":
                doc.categoriesMark = v.mark
                parseCategories(v, into: &doc, reader: &reader, legal: legal)
            case "allowlist": doc.allowlist = AllowlistParser.parse(v, reader: &reader)
            case "destinations": doc.destinations = DestinationParser.parseAll(v, reader: &reader)
            default: break
            }
        }
        return (doc, reader.issues)
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) || b == 0x2D || b == 0x5F
    }

    private static func parseCategories(_ node: Node, into doc: inout PolicyDocument, reader: inout YAMLFieldReader,
                                        legal: LegalCatalogue) {
        guard let entries = reader.entries(node, "categories") else { return }
        for entry in entries {
            guard let category = reader.category(entry.keyNode, "category") else { continue }
            let what = "rule for \(category.rawValue)"
            guard let fields = reader.entries(entry.value, what) else { continue }
            reader.onlyKnown(fields, allowed: ruleFields, in: what)
            var rule = PartialRule()
            for field in fields {
                let v = field.value
                switch field.key {
                case "severity": rule.severity = reader.choice(v, Severity.self, "severity")
                case "action": rule.action = reader.choice(v, FixAction.self, "action")
                case "automatic": rule.automatic = reader.bool(v, "automatic")
                case "advice": rule.advice = reader.localized(v, "advice for \(category.rawValue)")
                case "legal": rule.legal = parseLegal(v, reader: &reader, legal: legal)
                default: break
                }
            }
            doc.rules[category] = rule
        }
    }

    private static func parseLegal(_ node: Node, reader: inout YAMLFieldReader, legal: LegalCatalogue) -> [LegalEntry]? {
        guard let items = reader.sequence(node, "legal") else { return nil }
        var out: [LegalEntry] = []
        for item in items {
            guard let id = reader.string(item, "legal reference id") else { continue }
            guard let entry = legal[id] else {
                reader.issue(at: item, "unknown legal reference '\(id)'\(YAMLFieldReader.suggestion(id, legal.ids)) "
                             + "(known: \(legal.ids.joined(separator: ", ")); see Policies/legal/vn.yaml)")
                continue
            }
            out.append(entry)
        }
        return out
    }
}

/// The allowlist section: exact values and regular expressions, each optionally limited to categories.
enum AllowlistParser {
    static func parse(_ node: Node, reader: inout YAMLFieldReader) -> Allowlist {
        var list = Allowlist()
        guard let entries = reader.entries(node, "allowlist") else { return list }
        reader.onlyKnown(entries, allowed: ["values", "patterns"], in: "allowlist")
        for entry in entries {
            guard let items = reader.sequence(entry.value, "allowlist.\(entry.key)") else { continue }
            for item in items {
                let field = entry.key == "values" ? "value" : "pattern"
                guard let (text, categories) = parseItem(item, field: field, reader: &reader) else { continue }
                if entry.key == "values" {
                    list.add(Allowlist.Value(value: text, categories: categories))
                } else {
                    do {
                        let regex = try NSRegularExpression(pattern: text, options: [])
                        list.add(Allowlist.Pattern(source: text, categories: categories, regex: regex))
                    } catch {
                        reader.issue(at: item, "invalid pattern '\(text)': not a valid regular expression (NSRegularExpression syntax)")
                    }
                }
            }
        }
        return list
    }

    /// `- "0905 123 456"` or `- {value: "0905 123 456", categories: [phone_number], note: "shop hotline"}`.
    private static func parseItem(_ item: Node, field: String, reader: inout YAMLFieldReader) -> (String, Set<Category>?)? {
        if case .scalar = item { return reader.string(item, field).map { ($0, nil) } }
        guard let fields = reader.entries(item, "an allowlist \(field)") else { return nil }
        reader.onlyKnown(fields, allowed: [field, "categories", "note"], in: "an allowlist \(field)")
        var text: String?
        var categories: Set<Category>?
        for f in fields {
            switch f.key {
            case field:
                text = reader.string(f.value, field)
            case "categories":
                if let list = reader.sequence(f.value, "categories") {
                    categories = Set(list.compactMap { reader.category($0, "category") })
                }
            case "note": _ = reader.string(f.value, "note", allowEmpty: true)
            default: break
            }
        }
        guard let text else {
            if !fields.contains(where: { $0.key == field }) { reader.issue(at: item, "an allowlist entry needs `\(field):`") }
            return nil
        }
        return (text, categories)
    }
}
