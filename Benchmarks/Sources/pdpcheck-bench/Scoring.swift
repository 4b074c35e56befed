import PDPCheck

/// How the matches of one category compare with the generator's ground truth.
struct CategoryScore {
    var category: String
    var expected = 0
    /// Ground-truth items overlapped by at least one match of this category.
    var found = 0
    /// Found items whose match covers exactly the item's bytes.
    var exact = 0
    /// Matches of this category that overlap no ground-truth item of this category
    /// (a decoy, a partial number, or an item of another category).
    var extra = 0
    /// Items not found, by written form (e.g. "mobile 84912345678").
    var missedByForm: [String: Int] = [:]

    var recall: Double { expected == 0 ? 1 : Double(found) / Double(expected) }
}

/// Scores matches against ground truth, per ground-truth category (phone_number, national_id).
func score(_ matches: [TextMatch], against truth: [TruthSpan]) -> [CategoryScore] {
    let categories = Array(Set(TruthKind.allCases.map(\.category))).sorted()
    return categories.map { category in
        let spans = truth.filter { $0.kind.category == category }  // in text order, disjoint
        var result = CategoryScore(category: category, expected: spans.count)
        var hit = [Bool](repeating: false, count: spans.count)
        var exact = [Bool](repeating: false, count: spans.count)
        for m in matches where m.category.rawValue == category {
            // Last span starting before the match ends; walk back over the spans it overlaps.
            var lo = 0, hi = spans.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if spans[mid].start < m.end { lo = mid + 1 } else { hi = mid }
            }
            var i = lo - 1
            var overlapped = false
            while i >= 0 && spans[i].end > m.start {
                overlapped = true
                hit[i] = true
                if spans[i].start == m.start && spans[i].end == m.end { exact[i] = true }
                i -= 1
            }
            if !overlapped { result.extra += 1 }
        }
        result.found = hit.reduce(0) { $0 + ($1 ? 1 : 0) }
        result.exact = exact.reduce(0) { $0 + ($1 ? 1 : 0) }
        for (i, span) in spans.enumerated() where !hit[i] {
            result.missedByForm["\(span.kind.label) \(span.formExample)", default: 0] += 1
        }
        return result
    }
}

/// Match counts by category raw value.
func countByCategory(_ matches: [TextMatch]) -> [String: Int] {
    var counts: [String: Int] = [:]
    for m in matches { counts[m.category.rawValue, default: 0] += 1 }
    return counts
}

extension TruthSpan {
    /// The example of this item's written form, e.g. "0912 345 678".
    var formExample: String {
        switch kind {
        case .mobile: return ItemGenerator.mobileFormats[format].example
        case .landline: return ItemGenerator.landlineFormats[format].example
        case .nationalID: return "079203012345"
        }
    }
}
