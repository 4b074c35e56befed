/// A legal provision a finding relates to.
public struct LegalReference: Codable, Sendable, Hashable {
    public var instrument: String
    public var article: String

    public init(instrument: String, article: String) {
        self.instrument = instrument
        self.article = article
    }
}

/// What to do about a finding.
public struct FixSuggestion: Codable, Sendable, Hashable {
    public var action: FixAction
    /// Whether `pdpcheck fix` can do it without a person.
    public var automatic: Bool
    public var advice: String

    public init(action: FixAction, automatic: Bool, advice: String) {
        self.action = action
        self.automatic = automatic
        self.advice = advice
    }
}

public enum FixAction: String, Codable, Sendable, CaseIterable {
    case mask
    case replace
    case remove
    case stripMetadata = "strip-metadata"
    case review
    case obtainConsent = "obtain-consent"
}

/// One piece of personal data found in one input, judged by the policy.
public struct Finding: Codable, Sendable, Hashable {
    public var ruleId: String
    public var category: Category
    public var severity: Severity
    public var confidence: Double
    /// Masked unless the user asked for values.
    public var evidence: String
    public var location: Location
    public var legal: [LegalReference]
    public var fix: FixSuggestion

    public init(ruleId: String, category: Category, severity: Severity, confidence: Double,
                evidence: String, location: Location, legal: [LegalReference], fix: FixSuggestion) {
        self.ruleId = ruleId
        self.category = category
        self.severity = severity
        self.confidence = confidence
        self.evidence = evidence
        self.location = location
        self.legal = legal
        self.fix = fix
    }

    enum CodingKeys: String, CodingKey {
        case ruleId, category, severity, confidence, evidence, location, legal, fix
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ruleId, forKey: .ruleId)
        try c.encode(category, forKey: .category)
        try c.encode(severity, forKey: .severity)
        // Two decimals are all a threshold needs, and keep reports stable across platforms.
        try c.encode((confidence * 100).rounded() / 100, forKey: .confidence)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(location, forKey: .location)
        try c.encode(legal, forKey: .legal)
        try c.encode(fix, forKey: .fix)
    }
}
