import Foundation

/// Judges raw matches with the policy and turns them into findings with locations and (masked)
/// evidence: the policy's severity, legal references and advice; the destination's adjustment
/// for metadata; the allowlist's verdict (kept on the finding's trace for the Scanner to drop
/// and count); and the normalised value and context a baseline fingerprint needs.
struct FindingBuilder: Sendable {
    let policy: Policy
    let language: Language
    let showValues: Bool
    let destination: Destination?
    /// Per category, the parts of a finding that depend only on the policy and the language.
    private let judgements: [Category: Judgement]

    struct Judgement: Sendable {
        var severity: Severity
        var legal: [LegalReference]
        var fix: FixSuggestion
    }

    /// Bytes of text before a match kept as its baseline context.
    static let contextBytes = 32

    init(policy: Policy, language: Language, showValues: Bool, destination: Destination? = nil) {
        self.policy = policy
        self.language = language
        self.showValues = showValues
        self.destination = destination
        var judgements: [Category: Judgement] = [:]
        for category in Category.allCases {
            let rule = policy.rule(for: category)
            judgements[category] = Judgement(
                severity: rule.severity, legal: rule.legal.map { $0.reference(language) },
                fix: FixSuggestion(action: rule.action, automatic: rule.automatic, advice: rule.advice.text(language)))
        }
        self.judgements = judgements
    }

    private func judgement(_ category: Category) -> Judgement {
        if let j = judgements[category] { return j }
        let rule = policy.rule(for: category)
        return Judgement(severity: rule.severity, legal: rule.legal.map { $0.reference(language) },
                         fix: FixSuggestion(action: rule.action, automatic: rule.automatic, advice: rule.advice.text(language)))
    }

    func findings(for matches: [TextMatch], in part: TextPart) -> [Finding] {
        let kept = matches.filter { $0.confidence >= policy.minimumConfidence }
        guard !kept.isEmpty else { return [] }
        return part.utf8.withUnsafeBufferPointer { text in
            var cursor = LineColumnCursor(text)
            return kept.sorted { $0.start < $1.start }.compactMap { match in
                let j = judgement(match.category)
                guard j.severity >= policy.minimumSeverity else { return nil }
                let (line, column) = cursor.position(of: match.start)
                let value = String(decoding: text[match.start..<match.end], as: UTF8.self)
                let evidence = showValues ? value : EvidenceMask.mask(value, category: match.category)
                var finding = Finding(
                    ruleId: match.ruleId, category: match.category, severity: j.severity,
                    confidence: match.confidence, evidence: evidence,
                    location: .text(part: part.part, start: part.sourceOffset(match.start),
                                    end: part.sourceOffset(match.end), line: line, column: column),
                    legal: j.legal, fix: j.fix)
                finding.trace = trace(value: value, category: match.category,
                                      context: Self.lineContext(before: match.start, in: text))
                return finding
            }
        }
    }

    /// Findings for metadata matches. The evidence is the detector's summary when it has one
    /// (coordinates rounded to ~1 km), else the masked value. The severity is the policy's,
    /// adjusted for the destination, then capped where the match is weaker than its category.
    func findings(for matches: [MetadataMatch], part: String?) -> [Finding] {
        matches.filter { $0.confidence >= policy.minimumConfidence || $0.severityCap != nil }.compactMap { match in
            let evidence = showValues ? match.value : (match.summary ?? EvidenceMask.mask(match.value, category: match.category))
            let location = Location.metadata(part: part, container: MetadataFamily.name(ofGroup: match.group),
                                             field: match.field, group: match.group)
            let (value, offset) = Self.splitByteOffset(match.value)
            var finding = metadataFinding(ruleId: match.ruleId, category: match.category, confidence: match.confidence,
                                          evidence: evidence, value: value,
                                          context: match.group + ":" + match.field, location: location, cap: match.severityCap)
            finding?.trace?.byteOffset = offset
            return finding
        }
    }

    /// Findings of the text detectors inside one metadata value (a phone number in a caption).
    func findings(for matches: [TextMatch], inMetadataValue bytes: [UInt8], field: MetadataField,
                  part: String?) -> [Finding] {
        matches.filter { $0.confidence >= policy.minimumConfidence }.compactMap { match in
            guard match.start >= 0, match.start <= match.end, match.end <= bytes.count else { return nil }
            let value = String(decoding: bytes[match.start..<match.end], as: UTF8.self)
            let evidence = showValues ? value : EvidenceMask.mask(value, category: match.category)
            let location = Location.metadata(part: part, container: MetadataFamily.name(ofGroup: field.group),
                                             field: field.name, group: field.group)
            return metadataFinding(ruleId: match.ruleId, category: match.category, confidence: match.confidence,
                                   evidence: evidence, value: value, context: field.group + ":" + field.name,
                                   location: location, cap: nil)
        }
    }

    private func metadataFinding(ruleId: String, category: Category, confidence: Double, evidence: String,
                                 value: String, context: String, location: Location, cap: Severity?) -> Finding? {
        let j = judgement(category)
        var base = j.severity
        if let cap, cap < base { base = cap }
        var severity = base
        var adjustment: DestinationAdjustment?
        if let destination {
            severity = destination.adjust(j.severity, category: category)
            if let cap, cap < severity { severity = cap }
            adjustment = destination.adjustment(from: base, language: language)
        }
        guard severity >= policy.minimumSeverity else { return nil }
        var finding = Finding(ruleId: ruleId, category: category, severity: severity, confidence: confidence,
                              evidence: evidence, location: location, legal: j.legal, fix: j.fix, destination: adjustment)
        finding.trace = trace(value: value, category: category, context: context)
        return finding
    }

    private func trace(value: String, category: Category, context: String) -> FindingTrace {
        let allowed = !policy.allowlist.isEmpty
            && policy.allowlist.allows(value, normalized: ValueNormalizer.normalize(value, category: category), category: category)
        return FindingTrace(value: value, context: context, allowlisted: allowed)
    }

    /// Up to `contextBytes` of the text before `start` on the same line, cut at a character boundary.
    static func lineContext(before start: Int, in text: UnsafeBufferPointer<UInt8>) -> String {
        let end = min(max(start, 0), text.count)
        var from = end
        while from > 0 && end - from < contextBytes && text[from - 1] != 0x0A { from -= 1 }
        while from < end && text[from] & 0xC0 == 0x80 { from += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: text[from..<end]), as: UTF8.self)
    }

    /// Hidden-item details name the byte where an item sits ("HTML comment (12 characters) at
    /// byte 340"): the value without it (a baseline must not change when lines are inserted
    /// above), and the offset.
    static func splitByteOffset(_ value: String) -> (String, Int?) {
        guard let range = value.range(of: " at byte ", options: .backwards) else { return (value, nil) }
        let tail = value[range.upperBound...]
        guard !tail.isEmpty, tail.count <= 18, tail.allSatisfy({ $0.isASCII && $0.isNumber }), let offset = Int(tail) else {
            return (value, nil)
        }
        return (String(value[..<range.lowerBound]), offset)
    }
}

/// ExifTool family-0 names for family-1 groups: what report readers know (EXIF, XMP, IPTC…).
enum MetadataFamily {
    static func name(ofGroup group: String) -> String {
        switch group {
        case "IFD0", "IFD1", "ExifIFD", "GPS", "InteropIFD", "SubIFD": return "EXIF"
        case "MakerNotes": return "MakerNotes"
        case "IPTC": return "IPTC"
        case "Photoshop": return "Photoshop"
        case "Keys", "UserData", "ItemList", "QuickTime", "Track": return "QuickTime"
        case "PNG": return "PNG"
        case "GIF": return "GIF"
        case "File", "Comment": return "File"
        default: return group.hasPrefix("XMP") ? "XMP" : group
        }
    }
}
