import Foundation

/// The common shape of most metadata detectors: every non-empty field whose `group:name` is in
/// a table is one match of one category (an Artist, a serial number, a person's name in a
/// region). Text lists give one match per item.
struct FieldValueDetector: MetadataDetector {
    let description: MetadataDetectorDescription
    let fields: FieldNameSet
    let confidence: Double
    /// Report only the first field found (a capture time written in EXIF, XMP and IPTC is one fact).
    let onePerFile: Bool
    /// What a shared report shows instead of the masked value, if anything.
    let summarize: (@Sendable (String) -> String?)?
    /// Values that are placeholders, not data ("unknown", "0000000000").
    let isPlaceholder: @Sendable (String) -> Bool

    init(ruleId: String, category: Category, summary: String, fields: [String], confidence: Double = 0.95,
         onePerFile: Bool = false, summarize: (@Sendable (String) -> String?)? = nil, examples: [MetadataExample], isPlaceholder: @escaping @Sendable (String) -> Bool = FieldValueDetector.placeholder) {
        description = MetadataDetectorDescription(ruleId: ruleId, category: category, summary: summary,
                                                  examples: examples)
        self.fields = FieldNameSet(fields)
        self.confidence = confidence
        self.onePerFile = onePerFile
        self.summarize = summarize
        self.isPlaceholder = isPlaceholder
    }

    func detect(in fields: [MetadataField], into matches: inout [MetadataMatch]) {
        var candidates = fields.filter { self.fields.contains($0) && !$0.value.isEmpty }
        // One fact, one finding: the first field of the table's order (EXIF before XMP before video atoms).
        if onePerFile, let best = candidates.min(by: { self.fields.rank($0) < self.fields.rank($1) }) { candidates = [best] }
        for field in candidates {
            let values: [String]
            switch field.value {
            case .list(let items): values = items
            default: values = [field.value.display]
            }
            for value in values {
                let trimmed = Self.trimmed(value)
                guard !trimmed.isEmpty, !isPlaceholder(trimmed) else { continue }
                matches.append(MetadataMatch(ruleId: description.ruleId, category: description.category,
                                             confidence: confidence, field: field, value: trimmed,
                                             summary: summarize?(trimmed)))
                if onePerFile { return }
            }
        }
    }

    /// Without surrounding spaces and the NULs C writers leave.
    static func trimmed(_ value: String) -> String {
        let scalars = value.unicodeScalars
        func blank(_ s: Unicode.Scalar) -> Bool { s == "\0" || s.properties.isWhitespace }
        guard let first = scalars.firstIndex(where: { !blank($0) }),
              let last = scalars.lastIndex(where: { !blank($0) }) else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return value }
        return String(scalars[first...last])
    }

    /// Camera firmware and writers fill fields with these when the owner set nothing.
    private static let placeholderWords: Set<String> = [
        "unknown", "none", "n/a", "-", "?", "owner", "camera owner", "photographer", "author", "artist",
        "copyright", "(c)", "©",
    ]

    @Sendable static func placeholder(_ value: String) -> Bool {
        if value.utf8.count <= 12 && placeholderWords.contains(value.lowercased()) { return true }
        // All zeros, all spaces or all the same character: an unset serial.
        var first: Character?
        for c in value where !c.isWhitespace {
            if let f = first { if c != f { return false } } else { first = c }
        }
        return true
    }
}
