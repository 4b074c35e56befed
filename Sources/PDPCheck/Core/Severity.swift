/// How bad a finding is. Which category gets which severity is policy, not code.
public enum Severity: String, CaseIterable, Codable, Sendable, Comparable {
    case high, medium, low, info

    /// Higher is worse.
    public var rank: Int {
        switch self {
        case .high: return 3
        case .medium: return 2
        case .low: return 1
        case .info: return 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
