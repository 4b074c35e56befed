/// Masks the personal value in a finding's evidence so reports can be shared safely:
/// `0905.123.456` → `09••.•••.456`, `079203004567` → `0792••••••67`.
/// Separators stay where they were, so the reader can still recognise the shape.
public enum EvidenceMask {
    public static let bullet: Character = "•"

    /// How many identifying characters stay visible at each end, by category.
    static func visibleEnds(for category: Category) -> (head: Int, tail: Int) {
        switch category {
        case .phoneNumber: return (2, 3)
        case .nationalID, .driverLicense, .insuranceNumber, .taxCode: return (4, 2)
        case .paymentCard: return (4, 4)
        case .bankAccount: return (2, 3)
        case .passportNumber, .licensePlate: return (2, 2)
        default: return (1, 1)
        }
    }

    /// How many of `n` significant characters stay visible at each end. Short values would be
    /// fully revealed by head+tail: they show less. Shared with the text redactor (Fix/Text).
    static func visibleCounts(significant n: Int, head: Int, tail: Int) -> (head: Int, tail: Int) {
        let keepHead = n > head + tail + 1 ? head : min(head, n / 3)
        let keepTail = n > head + tail + 1 ? tail : min(tail, n / 3)
        return (keepHead, keepTail)
    }

    public static func mask(_ value: String, category: Category) -> String {
        let (head, tail) = visibleEnds(for: category)
        let chars = Array(value)
        // Only letters and digits carry the value; everything else is shape.
        let significant = chars.indices.filter { chars[$0].isLetter || chars[$0].isNumber }
        let n = significant.count
        guard n > 0 else { return value }
        let (keepHead, keepTail) = visibleCounts(significant: n, head: head, tail: tail)
        var out = chars
        for (rank, index) in significant.enumerated() where rank >= keepHead && rank < n - keepTail {
            out[index] = bullet
        }
        return String(out)
    }
}
