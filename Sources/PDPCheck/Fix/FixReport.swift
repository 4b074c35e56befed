/// What `pdpcheck fix` did, per file: the copy it wrote, what it took out, the proof that the
/// picture is untouched, what the re-scan still finds, and what only a person can settle.
/// Rendered as text, Markdown or JSON (`FixReportRenderer`).
public struct FixReport: Codable, Sendable {
    public var schemaVersion = 1
    public var tool = ToolInfo.current
    public var policy: String
    public var stripMode: String
    public var files: [FileFixReport]
    public var summary: FixSummary

    public init(policy: String, stripMode: StripMode, files: [FileFixReport]) {
        self.policy = policy
        self.stripMode = stripMode.rawValue
        self.files = files
        summary = FixSummary(files)
    }
}

public struct FileFixReport: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable {
        /// A cleaned copy was written and the re-scan found nothing a fix could remove.
        case fixed
        /// Nothing needed fixing; the file was copied as it is (or left out, per option).
        case unchanged
        /// A copy was written but the re-scan still finds something a fix should have removed.
        case incomplete
        /// No copy: the format cannot be cleaned safely (a PDF with old revisions) or is not
        /// one pdpcheck writes. `reason` says which and what to do.
        case notFixed = "not-fixed"
        /// The input could not be read or cleaned; nothing was written for it.
        case error
    }

    /// One kind of thing taken out of one place.
    public struct Change: Codable, Sendable, Hashable {
        /// `redacted`, `metadata-removed`, `property-removed`, `author-neutralized`, `people-cleared`, `media-cleaned`.
        public var kind: String
        public var category: Category?
        /// mask, replace, remove for text; nil for metadata.
        public var action: String?
        /// Where: a member path, a metadata container ("JPEG APP1 Exif").
        public var place: String?
        /// Fields or elements ("GPS:GPSLatitude", "w:author").
        public var fields: [String]
        public var count: Int

        public init(kind: String, category: Category?, action: String? = nil, place: String?, fields: [String], count: Int) {
            self.kind = kind
            self.category = category
            self.action = action
            self.place = place
            self.fields = fields
            self.count = count
        }
    }

    /// SHA-256 of the image data (JPEG scan data, PNG IDAT, WebP bitstream, `mdat`…).
    public struct PayloadProof: Codable, Sendable, Hashable {
        public var before: String
        public var after: String
        public var unchanged: Bool { before == after }

        enum CodingKeys: String, CodingKey { case before, after, unchanged }

        public init(before: String, after: String) {
            self.before = before
            self.after = after
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            before = try c.decode(String.self, forKey: .before)
            after = try c.decode(String.self, forKey: .after)
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(before, forKey: .before)
            try c.encode(after, forKey: .after)
            try c.encode(unchanged, forKey: .unchanged)
        }
    }

    public var path: String
    /// Where the cleaned copy (or the unchanged copy) was written; nil when none was.
    public var output: String?
    /// The original kept by `--in-place --backup-suffix`.
    public var backup: String?
    public var mediaType: String?
    public var status: Status
    public var reason: String?
    public var changes: [Change]
    public var payload: PayloadProof?
    /// Findings a fix should have removed that the re-scan of the copy still finds.
    public var remaining: [Finding]
    /// What cleaning cannot settle: a face in the picture, consent of the people shown, text a
    /// policy leaves to review.
    public var needsPerson: [String]
    public var notes: [String]

    public init(path: String, mediaType: String?, status: Status, reason: String? = nil) {
        self.path = path
        self.mediaType = mediaType
        self.status = status
        self.reason = reason
        output = nil
        backup = nil
        changes = []
        payload = nil
        remaining = []
        needsPerson = []
        notes = []
    }
}

public struct FixSummary: Codable, Sendable, Hashable {
    public var files: Int
    public var fixed: Int
    public var unchanged: Int
    public var incomplete: Int
    public var notFixed: Int
    public var errors: Int
    /// Everything taken out, summed over files.
    public var removed: Int
    public var remaining: Int
    public var needsPerson: Int

    init(_ files: [FileFixReport]) {
        self.files = files.count
        fixed = files.filter { $0.status == .fixed }.count
        unchanged = files.filter { $0.status == .unchanged }.count
        incomplete = files.filter { $0.status == .incomplete }.count
        notFixed = files.filter { $0.status == .notFixed }.count
        errors = files.filter { $0.status == .error }.count
        removed = files.reduce(0) { $0 + $1.changes.reduce(0) { $0 + $1.count } }
        remaining = files.reduce(0) { $0 + $1.remaining.count }
        needsPerson = files.reduce(0) { $0 + $1.needsPerson.count }
    }
}
