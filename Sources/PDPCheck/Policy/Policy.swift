/// How one category is judged: severity, what to do, why (legal basis), in both languages.
/// Values come from a policy file (Policies/*.yaml); no severity lives in code.
public struct CategoryRule: Sendable, Hashable {
    public var severity: Severity
    public var action: FixAction
    /// Whether `pdpcheck fix` can apply the action without a person deciding.
    public var automatic: Bool
    public var advice: LocalizedText
    public var legal: [LegalEntry]

    public init(severity: Severity, action: FixAction, automatic: Bool, advice: LocalizedText, legal: [LegalEntry]) {
        self.severity = severity
        self.action = action
        self.automatic = automatic
        self.advice = advice
        self.legal = legal
    }

    /// Mask, replace, remove and strip-metadata are mechanical; review and consent need a person.
    public static func isAutomatic(_ action: FixAction) -> Bool {
        [.mask, .replace, .remove, .stripMetadata].contains(action)
    }
}

/// Turns raw matches into findings. Detectors say what and how sure; the policy says how bad,
/// what to do and why, which values are fine (allowlist), and what a destination changes.
/// Built only by `PolicyLoader`, which guarantees a rule for every category.
public struct Policy: Sendable {
    public var name: String
    public var description: LocalizedText
    /// Where it came from: "shipped" or the policy file's path.
    public var origin: String
    /// The policies it extends, nearest first ("default" for kol-post).
    public var ancestry: [String]
    /// Matches below this confidence are not reported.
    public var minimumConfidence: Double
    /// Findings below this severity are not reported.
    public var minimumSeverity: Severity
    /// Whether `pdpcheck:ignore` markers in the scanned files count. Off where files come from
    /// strangers: a marker in a submission must not hide data from the person screening it.
    public var inlineIgnores: Bool
    public var allowlist: Allowlist
    /// Destination profiles by name, in file order.
    public var destinations: [Destination]
    private var rules: [Category: CategoryRule]

    /// `rules` must hold every category (the loader checks before building).
    init(name: String, description: LocalizedText, origin: String, ancestry: [String], minimumConfidence: Double,
         minimumSeverity: Severity, inlineIgnores: Bool, allowlist: Allowlist, destinations: [Destination],
         rules: [Category: CategoryRule]) {
        precondition(Category.allCases.allSatisfy { rules[$0] != nil }, "policy \(name) lacks categories")
        self.name = name
        self.description = description
        self.origin = origin
        self.ancestry = ancestry
        self.minimumConfidence = minimumConfidence
        self.minimumSeverity = minimumSeverity
        self.inlineIgnores = inlineIgnores
        self.allowlist = allowlist
        self.destinations = destinations
        self.rules = rules
    }

    public func rule(for category: Category) -> CategoryRule {
        guard let rule = rules[category] else {
            // Unreachable: the initialiser fills every category.
            preconditionFailure("policy \(name) has no rule for \(category.rawValue)")
        }
        return rule
    }

    /// Replaces one category's rule (for tests and library users adjusting a loaded policy).
    public mutating func setRule(_ rule: CategoryRule, for category: Category) {
        rules[category] = rule
    }

    public func destination(named name: String) -> Destination? {
        destinations.first { $0.name == name }
    }

    /// The shipped default policy (Policies/default.yaml, embedded in the binary).
    public static let builtinDefault: Policy = ShippedPolicies.policy(named: "default")
}
