/// `pdpcheck explain CATEGORY|RULE`: what it is, why it matters, the legal basis (with "to
/// verify" marks), an example that triggers it (taken from the detector's own examples) and
/// how to fix it, all from the same data the scan uses: the policy, Policies/categories.yaml
/// and the detectors' descriptions.
public enum ExplainRenderer {
    /// What a term names.
    public struct Subject: Sendable {
        public var category: Category
        /// The rule or detector id asked about; nil when a category was.
        public var ruleId: String?
        /// The detector's own summary (English; detectors describe themselves in English).
        public var detectorSummary: String?
        /// A triggering example, the matched text between « and ».
        public var example: String?
    }

    public static func subject(for term: String) -> Subject? {
        if let category = Category(rawValue: term) {
            return Subject(category: category, ruleId: nil, detectorSummary: nil, example: example(for: category))
        }
        for d in BuiltinDetectors.text.map(\.description) where d.id == term || d.ruleIds.contains(term) {
            return Subject(category: d.category, ruleId: term, detectorSummary: d.summary, example: textExample(d))
        }
        // Metadata rules: the declared id, or a variant of it ("meta.gps.track" of "meta.gps").
        for d in BuiltinMetadataDetectors.all.map(\.description)
        where d.ruleId == term || term.hasPrefix(d.ruleId + ".") {
            return Subject(category: d.category, ruleId: term, detectorSummary: d.summary, example: metadataExample(d))
        }
        if term.hasPrefix("doc.hidden.") {
            return Subject(category: .hiddenContent, ruleId: term, detectorSummary: nil, example: nil)
        }
        if term == "doc.revision-author" {
            return Subject(category: .authorIdentity, ruleId: term, detectorSummary: nil, example: example(for: .authorIdentity))
        }
        return nil
    }

    static func example(for category: Category) -> String? {
        if let d = BuiltinDetectors.text.map(\.description).first(where: { $0.category == category }),
           let e = textExample(d) { return e }
        if let d = BuiltinMetadataDetectors.all.map(\.description).first(where: { $0.category == category }) {
            return metadataExample(d)
        }
        return nil
    }

    /// The first triggering example, its expected spans between « and ».
    static func textExample(_ d: DetectorDescription) -> String? {
        guard let marked = d.triggeringExamples.first?.text else { return nil }
        var out = ""
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "⟦": out += "«"
            case "⟧": out += "»"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func metadataExample(_ d: MetadataDetectorDescription) -> String? {
        guard let e = d.examples.first(where: { $0.expectedMatches > 0 }) else { return nil }
        let fields = e.fields.prefix(4).map { "\($0.group):\($0.name) = \($0.value.display)" }
        return fields.joined(separator: ", ") + (e.fields.count > 4 ? ", …" : "") + " (\(e.note))"
    }

    public static func render(_ subject: Subject, policy: Policy, language: Language) -> String {
        let vi = language == .vi
        let info = CategoryCatalogue.shipped[subject.category]
        let rule = policy.rule(for: subject.category)
        var out = "\(subject.category.rawValue) — \(CategoryNames.name(subject.category, language))\n"
        if let ruleId = subject.ruleId { out += (vi ? "Quy tắc: " : "Rule: ") + ruleId + "\n" }

        out += "\n" + (vi ? "Là gì" : "What it is") + "\n"
        if let info { out += "  " + info.what.text(language) + "\n" }
        if let summary = subject.detectorSummary {
            out += "  " + (vi ? "Bộ phát hiện (tiếng Anh): " : "Detector: ") + summary + "\n"
        }

        out += "\n" + (vi ? "Vì sao quan trọng" : "Why it matters") + "\n"
        if let info { out += "  " + info.why.text(language) + "\n" }

        out += "\n" + (vi ? "Căn cứ pháp lý" : "Legal basis") + "\n"
        for entry in rule.legal {
            out += "  • \(entry.instrument) \(entry.article): \(entry.summary.text(language))\n"
            if entry.toVerify {
                let note = entry.verifyNote.map { ": " + $0.text(language) } ?? ""
                out += "    ⚠ " + Messages.toVerify(language).uppercased() + note + "\n"
            }
        }

        let example = subject.example ?? info?.example?.text(language)
        if let example {
            out += "\n" + (vi ? "Ví dụ bị phát hiện" : "Example that triggers it") + "\n  " + example + "\n"
        }

        out += "\n" + (vi ? "Cách xử lý" : "How to fix")
        out += " (\(vi ? "chính sách" : "policy") \(policy.name): "
        out += "\(Messages.severity(rule.severity, language)), \(Messages.action(rule.action, language))"
        if rule.automatic { out += vi ? ", pdpcheck fix làm được" : ", pdpcheck fix can do it" }
        out += ")\n  " + rule.advice.text(language) + "\n"
        return out
    }
}
