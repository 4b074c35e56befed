/// A metadata value that is personal data, before the policy judges it.
public struct MetadataMatch: Sendable, Hashable {
    public var ruleId: String
    public var category: Category
    public var confidence: Double
    /// ExifTool family-1 group and tag name of the field that holds it.
    public var group: String
    public var field: String
    /// The block it was read from ("JPEG APP1"); empty for fields the container states itself.
    public var container: String
    /// The value as the file holds it, shown with `--show-values`.
    public var value: String
    /// What a shared report may show instead (coordinates rounded to ~1 km, a face count);
    /// nil means the value is masked the usual way.
    public var summary: String?
    /// The policy's severity is lowered to this when the value is weaker than its category
    /// (an empty GPS block, a (0, 0) position).
    public var severityCap: Severity?

    public init(ruleId: String, category: Category, confidence: Double, field: MetadataField,
                value: String, summary: String? = nil, severityCap: Severity? = nil) {
        self.ruleId = ruleId
        self.category = category
        self.confidence = confidence
        group = field.group
        self.field = field.name
        container = field.container
        self.value = value
        self.summary = summary
        self.severityCap = severityCap
    }
}

/// Judges decoded metadata fields. Tables of group and tag names say which fields mean what
/// (the ExifTool way: what a field means is a table, not code).
public protocol MetadataDetector: Sendable {
    var description: MetadataDetectorDescription { get }
    func detect(in fields: [MetadataField], into matches: inout [MetadataMatch])
}

/// What a metadata detector finds, with examples the generic test runs: each example is a set
/// of fields and the number of matches it must give.
public struct MetadataDetectorDescription: Sendable {
    public var ruleId: String
    public var category: Category
    public var summary: String
    public var examples: [MetadataExample]
}

public struct MetadataExample: Sendable {
    public var fields: [MetadataField]
    public var expectedMatches: Int
    public var note: String

    public init(_ note: String, _ fields: [MetadataField], matches: Int) {
        self.note = note
        self.fields = fields
        expectedMatches = matches
    }
}

/// A set of `group:name` keys; a group may be `*` (any group) or a prefix ending in `*` ("XMP-*").
/// Looked up once per field per detector, so it compares strings without building any.
struct FieldNameSet: Sendable {
    /// How a table entry names the group: exactly, any group (`*:Name` or a bare name), or a
    /// group prefix (`XMP-*:Name`).
    private enum GroupRule: Sendable {
        case exact(String), any, prefix(String)
    }
    /// Entries by tag name, in table order: most fields a detector sees are not in its table,
    /// and one lookup of the (short) name settles that.
    private let byName: [String: [(rule: GroupRule, rank: Int)]]

    init(_ keys: [String]) {
        var byName: [String: [(rule: GroupRule, rank: Int)]] = [:]
        for (rank, key) in keys.enumerated() {
            let parts = key.split(separator: ":", maxSplits: 1)
            let rule: GroupRule, name: String
            if parts.count != 2 {
                (rule, name) = (.any, key)
            } else if parts[0] == "*" {
                (rule, name) = (.any, String(parts[1]))
            } else if parts[0].hasSuffix("*") {
                (rule, name) = (.prefix(String(parts[0].dropLast())), String(parts[1]))
            } else {
                (rule, name) = (.exact(String(parts[0])), String(parts[1]))
            }
            byName[name, default: []].append((rule, rank))
        }
        self.byName = byName
    }

    /// Position of the field's key in the table (for "the best of several copies"); nil when absent.
    func rank(_ field: MetadataField) -> Int {
        lookup(field) ?? Int.max
    }

    func contains(_ field: MetadataField) -> Bool { lookup(field) != nil }

    /// The first entry of the table that names the field: an exact group before any group
    /// before a group prefix, as the table's three kinds of keys were always tried.
    private func lookup(_ field: MetadataField) -> Int? {
        guard let entries = byName[field.name] else { return nil }
        var any: Int?, prefixed: Int?
        for (rule, rank) in entries {
            switch rule {
            case .exact(let group): if group == field.group { return rank }
            case .any: if any == nil { any = rank }
            case .prefix(let group): if prefixed == nil && field.group.hasPrefix(group) { prefixed = rank }
            }
        }
        return any ?? prefixed
    }
}

extension MetadataValue {
    /// The value as one line of text for reports.
    var display: String {
        switch self {
        case .text(let s): return s
        case .list(let l): return l.joined(separator: "; ")
        case .number(let d): return MetadataValue.format(d)
        case .numbers(let ds): return ds.map(MetadataValue.format).joined(separator: " ")
        case .binary(let length): return "(\(length) bytes)"
        }
    }

    static func format(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }

    /// Whether the value says nothing (empty text, only spaces, zero-length data).
    var isEmpty: Bool {
        switch self {
        case .text(let s): return s.allSatisfy { $0.isWhitespace || $0 == "\0" }
        case .list(let l): return l.allSatisfy { $0.allSatisfy { $0.isWhitespace || $0 == "\0" } }
        case .numbers(let ds): return ds.isEmpty
        case .binary(let length): return length == 0
        case .number: return false
        }
    }
}
