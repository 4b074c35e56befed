/// Judges raw text matches with the policy and turns them into findings with locations
/// and (masked) evidence.
struct FindingBuilder: Sendable {
    let policy: Policy
    let language: Language
    let showValues: Bool

    func findings(for matches: [TextMatch], in part: TextPart) -> [Finding] {
        let kept = matches.filter { $0.confidence >= policy.minimumConfidence }
        guard !kept.isEmpty else { return [] }
        return part.utf8.withUnsafeBufferPointer { text in
            var cursor = LineColumnCursor(text)
            return kept.sorted { $0.start < $1.start }.map { match in
                let (line, column) = cursor.position(of: match.start)
                let rule = policy.rule(for: match.category)
                let value = String(decoding: text[match.start..<match.end], as: UTF8.self)
                let evidence = showValues ? value : EvidenceMask.mask(value, category: match.category)
                return Finding(
                    ruleId: match.ruleId, category: match.category, severity: rule.severity,
                    confidence: match.confidence, evidence: evidence,
                    location: .text(part: part.part, start: part.sourceOffset(match.start),
                                    end: part.sourceOffset(match.end), line: line, column: column),
                    legal: rule.legal,
                    fix: FixSuggestion(action: rule.action, automatic: rule.automatic,
                                       advice: rule.advice.text(language)))
            }
        }
    }

    /// Findings for metadata matches. The evidence is the detector's summary when it has one
    /// (coordinates rounded to ~1 km), else the masked value; the policy's severity is capped
    /// where the match is weaker than its category.
    func findings(for matches: [MetadataMatch], part: String?) -> [Finding] {
        matches.filter { $0.confidence >= policy.minimumConfidence || $0.severityCap != nil }.map { match in
            let rule = policy.rule(for: match.category)
            let evidence = showValues ? match.value : (match.summary ?? EvidenceMask.mask(match.value, category: match.category))
            var severity = rule.severity
            if let cap = match.severityCap, cap < severity { severity = cap }
            return Finding(
                ruleId: match.ruleId, category: match.category, severity: severity, confidence: match.confidence,
                evidence: evidence,
                location: .metadata(part: part, container: MetadataFamily.name(ofGroup: match.group),
                                    field: match.field, group: match.group),
                legal: rule.legal,
                fix: FixSuggestion(action: rule.action, automatic: rule.automatic, advice: rule.advice.text(language)))
        }
    }

    /// Findings of the text detectors inside one metadata value (a phone number in a caption).
    func findings(for matches: [TextMatch], inMetadataValue bytes: [UInt8], field: MetadataField,
                  part: String?) -> [Finding] {
        matches.filter { $0.confidence >= policy.minimumConfidence }.map { match in
            let rule = policy.rule(for: match.category)
            let value = String(decoding: bytes[match.start..<match.end], as: UTF8.self)
            let evidence = showValues ? value : EvidenceMask.mask(value, category: match.category)
            return Finding(
                ruleId: match.ruleId, category: match.category, severity: rule.severity,
                confidence: match.confidence, evidence: evidence,
                location: .metadata(part: part, container: MetadataFamily.name(ofGroup: field.group),
                                    field: field.name, group: field.group),
                legal: rule.legal,
                fix: FixSuggestion(action: rule.action, automatic: rule.automatic, advice: rule.advice.text(language)))
        }
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
