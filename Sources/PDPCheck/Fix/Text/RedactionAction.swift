/// What a fix does to one piece of text a detector found.
public enum RedactionAction: String, Sendable, Hashable, CaseIterable {
    /// Letters and digits become bullets, the shape stays (`0912 345 678` → `09•• ••• 678`).
    case mask
    /// The value becomes a bracketed label in the report language (`[số điện thoại đã ẩn]`).
    case replace
    /// The value is deleted.
    case remove
    /// Left as it is: the policy wants a person to decide (review, consent).
    case leave

    /// The text action for a policy's fix action: review, consent and metadata stripping are
    /// not things a text redactor may do on its own.
    public init(_ action: FixAction) {
        switch action {
        case .mask: self = .mask
        case .replace: self = .replace
        case .remove: self = .remove
        case .stripMetadata, .review, .obtainConsent: self = .leave
        }
    }

    /// Stronger actions win where two findings cover the same characters.
    var strength: Int {
        switch self {
        case .remove: return 3
        case .replace: return 2
        case .mask: return 1
        case .leave: return 0
        }
    }
}

/// How text is redacted: which action per category (from the policy, or overridden), the
/// language of replacement labels, and who a comment or revision author becomes.
public struct RedactionOptions: Sendable {
    public var policy: Policy
    public var language: Language
    /// Per-category actions that override the policy's.
    public var actions: [Category: RedactionAction]
    /// Comment and tracked-change authors are renamed to this. "Author" is what Word's own
    /// "remove personal information" writes, and what the field detectors treat as a placeholder.
    public var neutralAuthor: String

    public init(policy: Policy = .builtinDefault, language: Language = .en, actions: [Category: RedactionAction] = [:],
                neutralAuthor: String = "Author") {
        self.policy = policy
        self.language = language
        self.actions = actions
        self.neutralAuthor = neutralAuthor
    }

    public func action(for category: Category) -> RedactionAction {
        if let action = actions[category] { return action }
        return RedactionAction(policy.rule(for: category).action)
    }
}
