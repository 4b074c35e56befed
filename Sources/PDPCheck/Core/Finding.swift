/// A legal provision a finding relates to.
public struct LegalReference: Codable, Sendable, Hashable {
    public var instrument: String
    public var article: String
    /// The policy's id for it (Policies/legal/vn.yaml). Additive to the version-1 contract.
    public var id: String?
    /// One line in the report's language. Additive.
    public var summary: String?
    /// The project's legal reference marks it unverified: show it as "to verify". Additive.
    public var toVerify: Bool

    public init(instrument: String, article: String, id: String? = nil, summary: String? = nil, toVerify: Bool = false) {
        self.instrument = instrument
        self.article = article
        self.id = id
        self.summary = summary
        self.toVerify = toVerify
    }

    enum CodingKeys: String, CodingKey { case instrument, article, id, summary, toVerify }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        instrument = try c.decode(String.self, forKey: .instrument)
        article = try c.decode(String.self, forKey: .article)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        toVerify = try c.decodeIfPresent(Bool.self, forKey: .toVerify) ?? false
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(instrument, forKey: .instrument)
        try c.encode(article, forKey: .article)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encodeIfPresent(summary, forKey: .summary)
        try c.encode(toVerify, forKey: .toVerify)
    }
}

/// Why a metadata finding's severity differs from the policy's: where the file is going
/// (`--destination`) and what that platform does with metadata. Additive to the contract.
public struct DestinationAdjustment: Codable, Sendable, Hashable {
    public var name: String
    /// `stripped`, `kept` or `unknown`.
    public var metadata: String
    /// `confirmed`, `reported` or `uncertain`.
    public var certainty: String
    /// The policy's severity before the destination adjusted it.
    public var originalSeverity: Severity
    public var reason: String

    public init(name: String, metadata: String, certainty: String, originalSeverity: Severity, reason: String) {
        self.name = name
        self.metadata = metadata
        self.certainty = certainty
        self.originalSeverity = originalSeverity
        self.reason = reason
    }
}

/// What suppression and baselines need to know about a finding that no output may show:
/// the matched value and a little text before it. Never encoded. Kept raw: normalising costs
/// time only a baseline needs (`Baseline.fingerprint`).
struct FindingTrace: Sendable, Hashable {
    /// The matched value (metadata: without a "… at byte N" position).
    var value: String
    /// Text just before the match on its line (text), or `group:field` (metadata).
    var context: String
    /// The policy's allowlist accepts the value: the scanner drops and counts the finding.
    var allowlisted: Bool
    /// The source byte a hidden item's detail names ("… at byte 340"), if any.
    var byteOffset: Int? = nil
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
    /// Set when `--destination` adjusted (or confirmed) a metadata finding's severity. Additive.
    public var destination: DestinationAdjustment?
    /// Internal: never encoded, never shown.
    var trace: FindingTrace? = nil

    public init(ruleId: String, category: Category, severity: Severity, confidence: Double,
                evidence: String, location: Location, legal: [LegalReference], fix: FixSuggestion,
                destination: DestinationAdjustment? = nil) {
        self.ruleId = ruleId
        self.category = category
        self.severity = severity
        self.confidence = confidence
        self.evidence = evidence
        self.location = location
        self.legal = legal
        self.fix = fix
        self.destination = destination
    }

    enum CodingKeys: String, CodingKey {
        case ruleId, category, severity, confidence, evidence, location, legal, fix, destination
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
        try c.encodeIfPresent(destination, forKey: .destination)
    }
}
