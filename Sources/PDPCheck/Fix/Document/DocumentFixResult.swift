/// One kind of change made to one place in a file, for the fix report.
public struct FixChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Text findings masked, replaced or removed.
        case redacted
        /// A document property naming a person taken out (creator, last editor, company…).
        case propertyRemoved = "property-removed"
        /// Comment or revision authors renamed to the neutral name.
        case authorNeutralized = "author-neutralized"
        /// A people list emptied or its names neutralized.
        case peopleCleared = "people-cleared"
        /// Metadata stripped from an embedded photo or video.
        case mediaCleaned = "media-cleaned"
    }

    public var kind: Kind
    public var category: Category?
    /// What was done to text (mask, replace, remove); nil for metadata changes.
    public var action: RedactionAction?
    /// Where: the member path, chained with `/` through nested files (nil: the file's own text).
    public var part: String?
    /// Which field or element ("dc:creator", "w:author", "JPEG APP1 Exif").
    public var detail: String?
    public var count: Int

    public init(kind: Kind, category: Category?, action: RedactionAction? = nil, part: String?, detail: String? = nil, count: Int) {
        self.kind = kind
        self.category = category
        self.action = action
        self.part = part
        self.detail = detail
        self.count = count
    }
}

/// The cleaned copy of one file, or why there is none, and what the re-scan says about it.
public struct DocumentFixResult: Sendable {
    public var mediaType: String
    /// The cleaned file; nil when no trustworthy copy could be written (see `reason`).
    /// Equal to the input when nothing needed changing.
    public var output: [UInt8]?
    /// Why there is no output, for the report ("this PDF needs re-export from …").
    public var reason: String?
    public var changes: [FixChange]
    /// Findings the re-scan still finds that a fix should have removed. Empty for a clean copy.
    public var remaining: [Finding]
    /// What a person must look at: findings the policy leaves to review or consent, and
    /// things cleaning cannot reach (text in pictures, an embedded OLE object).
    public var needsPerson: [String]
    /// Findings of the re-scan that the policy leaves to a person.
    public var reviewFindings: [Finding]
    public var notes: [String]

    public var changed: Bool { !changes.isEmpty }
    /// A copy exists and the re-scan found nothing a fix should have removed.
    public var isClean: Bool { output != nil && remaining.isEmpty }

    init(mediaType: String, output: [UInt8]?, reason: String? = nil) {
        self.mediaType = mediaType
        self.output = output
        self.reason = reason
        changes = []
        remaining = []
        needsPerson = []
        reviewFindings = []
        notes = []
    }
}

/// A list of changes that adds up repeated ones (one entry per kind, category, action, place, field).
struct FixChangeLog {
    private(set) var changes: [FixChange] = []
    private var index: [String: Int] = [:]

    mutating func add(_ kind: FixChange.Kind, _ category: Category?, action: RedactionAction? = nil, part: String?,
                      detail: String? = nil, count: Int = 1) {
        guard count > 0 else { return }
        let key = [kind.rawValue, category?.rawValue ?? "", action?.rawValue ?? "", part ?? "", detail ?? ""].joined(separator: "\u{0}")
        if let i = index[key] {
            changes[i].count += count
        } else {
            index[key] = changes.count
            changes.append(FixChange(kind: kind, category: category, action: action, part: part, detail: detail, count: count))
        }
    }

    mutating func add(_ redactions: [Redaction], prefix: String?) {
        for r in redactions {
            add(.redacted, r.category, action: r.action, part: ContentScanner.chain(prefix, r.part))
        }
    }

    mutating func merge(_ other: [FixChange], prefix: String?) {
        for c in other {
            add(c.kind, c.category, action: c.action, part: ContentScanner.chain(prefix, c.part), detail: c.detail, count: c.count)
        }
    }
}
