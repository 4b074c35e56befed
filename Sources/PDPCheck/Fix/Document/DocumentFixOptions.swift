/// How `DocumentCleaner` cleans a file.
public struct DocumentFixOptions: Sendable {
    public var redaction: RedactionOptions
    /// How much metadata embedded photos and videos keep.
    public var stripMode: StripMode
    public var limits: ArchiveLimits
    /// Re-scan every cleaned copy (the fix report's proof). Off only for tests that time the writers.
    public var verify: Bool

    public init(redaction: RedactionOptions = RedactionOptions(), stripMode: StripMode = .privacy,
                limits: ArchiveLimits = .default, verify: Bool = true) {
        self.redaction = redaction
        self.stripMode = stripMode
        self.limits = limits
        self.verify = verify
    }

    public var policy: Policy { redaction.policy }

    var mediaOptions: MediaCleanOptions { MediaCleanOptions(mode: stripMode, policy: redaction.policy) }
}

/// Edits from several cleaners on one part, made into one ordered list: where two overlap,
/// the one that contains the other wins (a removed property takes the masks inside it with
/// it); otherwise the first stays.
enum SourceEditMerge {
    static func merge(_ edits: [SourceEdit]) -> [SourceEdit] {
        let sorted = edits.sorted { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        var out: [SourceEdit] = []
        for edit in sorted {
            if let last = out.last, edit.range.lowerBound < last.range.upperBound || (edit.range.isEmpty && edit.range.lowerBound == last.range.lowerBound && last.range.isEmpty) {
                continue
            }
            out.append(edit)
        }
        return out
    }
}
