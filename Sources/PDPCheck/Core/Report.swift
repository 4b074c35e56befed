/// Why an input was not (fully) scanned. `code` is stable and machine-readable.
public struct ScanError: Codable, Sendable, Hashable, Error {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}

public enum ScanStatus: String, Codable, Sendable {
    case scanned, skipped, error
}

/// Findings the policy's allowlist, inline `pdpcheck:ignore` markers or a baseline accepted:
/// not reported, but counted, so a report never hides that something was left out.
public struct SuppressionCounts: Codable, Sendable, Hashable {
    public var allowlist: Int
    public var inlineIgnore: Int
    public var baseline: Int

    public init(allowlist: Int = 0, inlineIgnore: Int = 0, baseline: Int = 0) {
        self.allowlist = allowlist
        self.inlineIgnore = inlineIgnore
        self.baseline = baseline
    }

    public var total: Int { allowlist + inlineIgnore + baseline }

    public static func + (a: SuppressionCounts, b: SuppressionCounts) -> SuppressionCounts {
        SuppressionCounts(allowlist: a.allowlist + b.allowlist, inlineIgnore: a.inlineIgnore + b.inlineIgnore,
                          baseline: a.baseline + b.baseline)
    }
}

/// The result for one input file (or stdin).
public struct FileReport: Codable, Sendable, Hashable {
    public var path: String
    public var mediaType: String?
    public var status: ScanStatus
    public var error: ScanError?
    public var findings: [Finding]
    /// Problems that did not stop the scan (a damaged payload, an embedded image not read).
    /// Additive to the version-1 contract; omitted when empty.
    public var notes: [String]
    /// Findings accepted by an allowlist, inline ignore or baseline. Additive; omitted when all zero.
    public var suppressed: SuppressionCounts

    public init(path: String, mediaType: String?, status: ScanStatus, error: ScanError? = nil,
                findings: [Finding] = [], notes: [String] = [], suppressed: SuppressionCounts = SuppressionCounts()) {
        self.path = path
        self.mediaType = mediaType
        self.status = status
        self.error = error
        self.findings = findings
        self.notes = notes
        self.suppressed = suppressed
    }

    enum CodingKeys: String, CodingKey { case path, mediaType, status, error, findings, notes, suppressed }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        mediaType = try c.decodeIfPresent(String.self, forKey: .mediaType)
        status = try c.decode(ScanStatus.self, forKey: .status)
        error = try c.decodeIfPresent(ScanError.self, forKey: .error)
        findings = try c.decode([Finding].self, forKey: .findings)
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
        suppressed = try c.decodeIfPresent(SuppressionCounts.self, forKey: .suppressed) ?? SuppressionCounts()
    }

    // `error` is always present (null when absent), as the contract shows.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(mediaType, forKey: .mediaType)
        try c.encode(status, forKey: .status)
        try c.encode(error, forKey: .error)
        try c.encode(findings, forKey: .findings)
        if !notes.isEmpty { try c.encode(notes, forKey: .notes) }
        if suppressed.total > 0 { try c.encode(suppressed, forKey: .suppressed) }
    }

    public var highestSeverity: Severity? { findings.map(\.severity).max() }
}

public enum Verdict: String, Codable, Sendable {
    case clean
    case review
    case fixRequired = "fix-required"
    case incomplete
}

public struct Summary: Codable, Sendable, Hashable {
    public var files: Int
    public var scanned: Int
    public var skipped: Int
    public var errors: Int
    public var findings: Int
    public var bySeverity: [String: Int]
    public var verdict: Verdict
    /// Findings accepted by allowlists, inline ignores and baselines, over all files. Additive.
    public var suppressed: SuppressionCounts

    enum CodingKeys: String, CodingKey { case files, scanned, skipped, errors, findings, bySeverity, verdict, suppressed }

    public init(files: [FileReport]) {
        self.files = files.count
        scanned = files.filter { $0.status == .scanned }.count
        skipped = files.filter { $0.status == .skipped }.count
        errors = files.filter { $0.status == .error }.count
        let all = files.flatMap(\.findings)
        findings = all.count
        var counts: [String: Int] = [:]
        for s in Severity.allCases { counts[s.rawValue] = 0 }
        for f in all { counts[f.severity.rawValue, default: 0] += 1 }
        bySeverity = counts
        verdict = Summary.verdict(for: all.map(\.severity), incomplete: skipped + errors > 0)
        suppressed = files.reduce(SuppressionCounts()) { $0 + $1.suppressed }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        files = try c.decode(Int.self, forKey: .files)
        scanned = try c.decode(Int.self, forKey: .scanned)
        skipped = try c.decode(Int.self, forKey: .skipped)
        errors = try c.decode(Int.self, forKey: .errors)
        findings = try c.decode(Int.self, forKey: .findings)
        bySeverity = try c.decode([String: Int].self, forKey: .bySeverity)
        verdict = try c.decode(Verdict.self, forKey: .verdict)
        suppressed = try c.decodeIfPresent(SuppressionCounts.self, forKey: .suppressed) ?? SuppressionCounts()
    }

    /// High or medium findings need a fix before publishing; low ones deserve a look;
    /// info findings alone do not change a clean verdict.
    static func verdict(for severities: [Severity], incomplete: Bool) -> Verdict {
        if severities.contains(where: { $0 >= .medium }) { return .fixRequired }
        if severities.contains(.low) { return .review }
        return incomplete ? .incomplete : .clean
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(files, forKey: .files)
        try c.encode(scanned, forKey: .scanned)
        try c.encode(skipped, forKey: .skipped)
        try c.encode(errors, forKey: .errors)
        try c.encode(findings, forKey: .findings)
        try c.encode(OrderedSeverityCounts(bySeverity), forKey: .bySeverity)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(suppressed, forKey: .suppressed)
    }
}

/// Encodes severity counts in severity order (high → info) rather than dictionary order.
struct OrderedSeverityCounts: Encodable {
    let counts: [String: Int]
    init(_ counts: [String: Int]) { self.counts = counts }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for s in Severity.allCases { try c.encode(counts[s.rawValue] ?? 0, forKey: Key(stringValue: s.rawValue)) }
    }
}

public struct ToolInfo: Codable, Sendable, Hashable {
    public var name: String
    public var version: String
    public static let current = ToolInfo(name: "pdpcheck", version: PDPCheckVersion.string)
}

public enum PDPCheckVersion {
    public static let string = "0.1.0"
}

/// One scan's whole result; every renderer reads only this.
public struct Report: Codable, Sendable, Hashable {
    public var schemaVersion: Int
    public var tool: ToolInfo
    public var policy: String
    /// The `--destination` the report was judged for. Additive; omitted when none.
    public var destination: String?
    public var files: [FileReport]
    public var summary: Summary

    public static let currentSchemaVersion = 1

    public init(policy: String, destination: String? = nil, files: [FileReport]) {
        schemaVersion = Report.currentSchemaVersion
        tool = .current
        self.policy = policy
        self.destination = destination
        self.files = files
        summary = Summary(files: files)
    }

    /// Whether any finding is at or above `threshold`.
    public func hasFindings(atOrAbove threshold: Severity) -> Bool {
        files.contains { $0.findings.contains { $0.severity >= threshold } }
    }
}
