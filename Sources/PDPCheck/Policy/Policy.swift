/// How one category is judged: severity, what to do, why (legal basis), in both languages.
public struct CategoryRule: Sendable, Hashable {
    public var severity: Severity
    public var action: FixAction
    /// Whether `pdpcheck fix` can apply the action without a person deciding.
    public var automatic: Bool
    public var advice: LocalizedText
    public var legal: [LegalReference]

    public init(severity: Severity, action: FixAction, automatic: Bool, advice: LocalizedText,
                legal: [LegalReference]) {
        self.severity = severity
        self.action = action
        self.automatic = automatic
        self.advice = advice
        self.legal = legal
    }
}

/// Turns raw matches into findings. Detectors say what and how sure; the policy says how bad.
public struct Policy: Sendable {
    public var name: String
    /// Matches below this confidence are not reported.
    public var minimumConfidence: Double
    public var rules: [Category: CategoryRule]

    public init(name: String, minimumConfidence: Double, rules: [Category: CategoryRule]) {
        self.name = name
        self.minimumConfidence = minimumConfidence
        self.rules = rules
    }

    public func rule(for category: Category) -> CategoryRule {
        rules[category] ?? CategoryRule(
            severity: .medium, action: .review, automatic: false,
            advice: LocalizedText(vi: "Xem lại trước khi đăng.", en: "Review before publishing."), legal: [])
    }
}
