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
}
