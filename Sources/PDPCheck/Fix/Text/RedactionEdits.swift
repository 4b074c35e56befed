/// One replacement of source bytes.
public struct SourceEdit: Sendable, Hashable {
    /// Which source (a part of a package; 0 for a single file).
    public var unit: Int
    public var range: Range<Int>
    public var replacement: [UInt8]
}

/// One finding that was redacted, for the fix report.
public struct Redaction: Sendable, Hashable {
    public var category: Category
    public var action: RedactionAction
    /// The member or part it was in (nil for the file's own text).
    public var part: String?
    /// The source bytes the finding covered (first to last character written by the source).
    public var range: Range<Int>?
}

/// Collects what the findings of one source do to its characters, then turns that into
/// non-overlapping byte edits. Work is per character: a value split across runs or tags is
/// edited piece by piece and the markup between the pieces is never touched. Where two
/// findings cover the same character the stronger action wins (remove, replace, mask).
struct RedactionEdits {
    private struct Claim {
        var range: Range<Int>
        var strength: Int
        var replacement: [UInt8]
    }

    /// unit → start offset → claim.
    private var claims: [Int: [Int: Claim]] = [:]
    private(set) var redactions: [Redaction] = []

    var isEmpty: Bool { claims.isEmpty }

    /// Redacts one finding's characters. Returns false when the action leaves it alone or no
    /// character of it is written by the source.
    @discardableResult
    mutating func add(_ characters: [SourceCharacter], category: Category, action: RedactionAction, part: String?,
                      language: Language, encoding: (Int) -> ReplacementEncoding) -> Bool {
        guard action != .leave, characters.contains(where: { $0.range != nil }) else { return false }
        let strength = action.strength
        var replacements: [String?]
        switch action {
        case .mask:
            replacements = FixMask.replacements(for: characters.map(\.scalar), category: category)
        case .replace, .remove:
            replacements = [String?](repeating: "", count: characters.count)
        case .leave:
            return false
        }
        var labelPending = action == .replace
        var changed = false
        for (i, character) in characters.enumerated() {
            guard let range = character.range, var text = replacements[i] else { continue }
            if let existing = claims[character.unit]?[range.lowerBound], existing.strength >= strength { continue }
            if labelPending {
                text = RedactionLabels.label(for: category, language: language)
                labelPending = false
            }
            claims[character.unit, default: [:]][range.lowerBound] = Claim(range: range, strength: strength,
                                                                           replacement: encoding(character.unit).encode(text))
            changed = true
        }
        let covered = characters.compactMap(\.range)
        let span = covered.isEmpty ? nil : (covered.map(\.lowerBound).min() ?? 0)..<(covered.map(\.upperBound).max() ?? 0)
        redactions.append(Redaction(category: category, action: action, part: part, range: span))
        return changed
    }

    /// The edits of one source, in order, never overlapping.
    func edits(unit: Int) -> [SourceEdit] {
        guard let byStart = claims[unit] else { return [] }
        var out: [SourceEdit] = []
        var end = Int.min
        for start in byStart.keys.sorted() {
            guard let claim = byStart[start], claim.range.lowerBound >= end else { continue }
            out.append(SourceEdit(unit: unit, range: claim.range, replacement: claim.replacement))
            end = claim.range.upperBound
        }
        return out
    }

    var units: [Int] { claims.keys.sorted() }

    /// `bytes` with `edits` (sorted, non-overlapping, inside the bytes) applied.
    static func apply(_ edits: [SourceEdit], to bytes: [UInt8]) -> [UInt8] {
        guard !edits.isEmpty else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var at = 0
        for edit in edits {
            let lower = min(max(edit.range.lowerBound, at), bytes.count)
            let upper = min(max(edit.range.upperBound, lower), bytes.count)
            out.append(contentsOf: bytes[at..<lower])
            out.append(contentsOf: edit.replacement)
            at = upper
        }
        out.append(contentsOf: bytes[at...])
        return out
    }
}
