import Yams

/// `pdpcheck policy show NAME`: a policy after inheritance, as a complete YAML policy file
/// (the same format it was read from), so it can be read, copied and edited.
public enum PolicyYAMLWriter {
    public static func yaml(_ policy: Policy) -> String {
        func text(_ s: String) -> Node { Node(s) }
        func localized(_ l: LocalizedText) -> Node { Node([(text("vi"), text(l.vi)), (text("en"), text(l.en))]) }
        func flowList(_ items: [String]) -> Node { Node(items.map { Node($0) }, .implicit, .flow) }

        var categories: [(Node, Node)] = []
        for category in Category.allCases {
            let rule = policy.rule(for: category)
            var fields: [(Node, Node)] = [
                (text("severity"), text(rule.severity.rawValue)),
                (text("action"), text(rule.action.rawValue)),
            ]
            if rule.automatic != CategoryRule.isAutomatic(rule.action) {
                fields.append((text("automatic"), text(rule.automatic ? "true" : "false")))
            }
            fields.append((text("advice"), localized(rule.advice)))
            fields.append((text("legal"), flowList(rule.legal.map(\.id))))
            categories.append((text(category.rawValue), Node(fields)))
        }

        func allowItem(_ value: String, _ key: String, _ categories: Set<Category>?) -> Node {
            guard let categories else { return text(value) }
            return Node([(text(key), text(value)), (text("categories"), flowList(categories.sorted().map(\.rawValue)))])
        }
        let allowlist = Node([
            (text("values"), Node(policy.allowlist.values.map { allowItem($0.value, "value", $0.categories) })),
            (text("patterns"), Node(policy.allowlist.patterns.map { allowItem($0.source, "pattern", $0.categories) })),
        ])

        var destinations: [(Node, Node)] = []
        for d in policy.destinations {
            var fields: [(Node, Node)] = [
                (text("label"), localized(d.label)),
                (text("metadata"), text(d.metadata.rawValue)),
                (text("certainty"), text(d.certainty.rawValue)),
            ]
            if let cap = d.cap { fields.append((text("cap"), text(cap.rawValue))) }
            if !d.floor.isEmpty {
                let floor = d.floor.keys.sorted().map { (text($0.rawValue), text(d.floor[$0]?.rawValue ?? "")) }
                fields.append((text("floor"), Node(floor, .implicit, .flow)))
            }
            fields.append((text("reason"), localized(d.reason)))
            destinations.append((text(d.name), Node(fields)))
        }

        let root = Node([
            (text("name"), text(policy.name)),
            (text("description"), localized(policy.description)),
            (text("min-confidence"), text(String(policy.minimumConfidence))),
            (text("min-severity"), text(policy.minimumSeverity.rawValue)),
            (text("inline-ignores"), text(policy.inlineIgnores ? "true" : "false")),
            (text("categories"), Node(categories)),
            (text("allowlist"), allowlist),
            (text("destinations"), Node(destinations)),
        ])
        var header = "# Policy \(policy.name)"
        if !policy.ancestry.isEmpty { header += ", extending \(policy.ancestry.joined(separator: " → "))" }
        header += ", after inheritance (\(policy.origin == "shipped" ? "shipped with pdpcheck" : policy.origin)).\n"
        let body = (try? Yams.serialize(node: root, width: -1, allowUnicode: true)) ?? ""
        return header + body
    }
}
