import Yams

/// The `destinations:` section of Policies/destinations.yaml, or of a policy that overrides it.
enum DestinationParser {
    /// A destination as one file writes it; a policy may change single fields of a shipped one.
    struct Partial {
        var name: String
        var mark: Mark?
        var label: LocalizedText?
        var metadata: Destination.MetadataFate?
        var certainty: Destination.Certainty?
        /// Set when the file says `cap:` (nil inside: `cap: none`, no cap).
        var cap: Severity??
        var floor: [Category: Severity]?
        var reason: LocalizedText?
    }

    static let fields = ["label", "metadata", "certainty", "cap", "floor", "reason"]

    static func parseAll(_ node: Node, reader: inout YAMLFieldReader) -> [Partial] {
        guard let entries = reader.entries(node, "destinations") else { return [] }
        var out: [Partial] = []
        for entry in entries {
            if entry.key.utf8.contains(where: { !PolicyDocument.isNameByte($0) }) {
                reader.issue(at: entry.keyNode, "invalid destination name '\(entry.key)' (allowed: letters a–z, digits, '-' and '_')")
                continue
            }
            let what = "destination \(entry.key)"
            guard let fields = reader.entries(entry.value, what) else { continue }
            reader.onlyKnown(fields, allowed: Self.fields, in: what)
            var d = Partial(name: entry.key, mark: entry.keyNode.mark)
            for f in fields {
                let v = f.value
                switch f.key {
                case "label": d.label = reader.localized(v, "label of \(entry.key)")
                case "metadata": d.metadata = reader.choice(v, Destination.MetadataFate.self, "metadata")
                case "certainty": d.certainty = reader.choice(v, Destination.Certainty.self, "certainty")
                case "cap":
                    if case .scalar(let s) = v, s.string == "none" || YAMLFieldReader.isNull(v) {
                        d.cap = .some(nil)
                    } else if let cap = reader.choice(v, Severity.self, "cap") {
                        d.cap = .some(cap)
                    }
                case "floor":
                    guard let items = reader.entries(v, "floor of \(entry.key)") else { continue }
                    var floor: [Category: Severity] = [:]
                    for item in items {
                        guard let category = reader.category(item.keyNode, "category"),
                              let severity = reader.choice(item.value, Severity.self, "severity") else { continue }
                        floor[category] = severity
                    }
                    d.floor = floor
                case "reason": d.reason = reader.localized(v, "reason of \(entry.key)")
                default: break
                }
            }
            out.append(d)
        }
        return out
    }

    /// Applies `partials` over `base` (by name); a new destination must be complete.
    static func merge(_ partials: [Partial], into base: inout [Destination], file: String, issues: inout [PolicyIssue]) {
        for p in partials {
            if let i = base.firstIndex(where: { $0.name == p.name }) {
                var d = base[i]
                if let v = p.label { d.label = v }
                if let v = p.metadata { d.metadata = v }
                if let v = p.certainty { d.certainty = v }
                if let v = p.cap { d.cap = v }
                if let v = p.floor { d.floor = v }
                if let v = p.reason { d.reason = v }
                base[i] = d
                continue
            }
            guard let label = p.label, let metadata = p.metadata, let certainty = p.certainty, let reason = p.reason else {
                let missing = [("label", p.label == nil), ("metadata", p.metadata == nil), ("certainty", p.certainty == nil),
                               ("reason", p.reason == nil)].filter(\.1).map(\.0)
                issues.append(PolicyIssue(file: file, line: p.mark?.line, column: p.mark?.column,
                                          message: "new destination '\(p.name)' lacks \(missing.joined(separator: ", ")) "
                                                   + "(required for a destination that is not shipped: label, metadata, certainty, reason)"))
                continue
            }
            base.append(Destination(name: p.name, label: label, metadata: metadata, certainty: certainty,
                                    cap: p.cap ?? nil, floor: p.floor ?? [:], reason: reason))
        }
    }
}
