import Foundation

/// Values that are not personal data for this user: a shop's own public hotline, a business
/// e-mail. A finding on an allowed value is suppressed and counted in the report's summary.
public struct Allowlist: Sendable {
    public struct Value: Sendable, Hashable {
        /// As written in the policy.
        public var value: String
        /// Only these categories; nil means any.
        public var categories: Set<Category>?
    }

    public struct Pattern: Sendable {
        /// As written in the policy.
        public var source: String
        public var categories: Set<Category>?
        /// Compiled once, when the policy is loaded.
        let regex: NSRegularExpression
    }

    public private(set) var values: [Value] = []
    public private(set) var patterns: [Pattern] = []
    /// Which categories an allowed value counts for.
    private enum Scope: Sendable {
        case any
        case only(Set<Category>)

        func contains(_ c: Category) -> Bool {
            switch self {
            case .any: return true
            case .only(let set): return set.contains(c)
            }
        }
    }

    /// Normalised allowed values, for constant-time lookups.
    private var exact: [String: Scope] = [:]

    public init() {}

    mutating func add(_ value: Value) {
        values.append(value)
        // Normalised per category, since a phone number normalises to its digits only.
        let categories: [Category?] = value.categories.map { Array($0) } ?? [nil, .phoneNumber]
        let forms = Set(categories.map { ValueNormalizer.normalize(value.value, category: $0) })
        for form in forms where !form.isEmpty {
            switch (exact[form], value.categories) {
            case (nil, nil): exact[form] = .any
            case (nil, let cats?): exact[form] = .only(cats)
            case (.any?, _): break
            case (.only?, nil): exact[form] = .any
            case (.only(let old)?, let new?): exact[form] = .only(old.union(new))
            }
        }
    }

    mutating func add(_ pattern: Pattern) {
        patterns.append(pattern)
    }

    mutating func merge(_ other: Allowlist) {
        for v in other.values { add(v) }
        for p in other.patterns { add(p) }
    }

    public var isEmpty: Bool { values.isEmpty && patterns.isEmpty }

    /// Whether a finding of `category` on `value` (the matched text) is allowed.
    /// `normalized` is `ValueNormalizer.normalize(value, category:)`, computed once by the caller.
    public func allows(_ value: String, normalized: String, category: Category) -> Bool {
        if let scope = exact[normalized], scope.contains(category) { return true }
        for pattern in patterns where pattern.categories?.contains(category) ?? true {
            for candidate in [value, normalized] {
                let range = NSRange(candidate.startIndex..<candidate.endIndex, in: candidate)
                if pattern.regex.firstMatch(in: candidate, options: [], range: range) != nil { return true }
            }
        }
        return false
    }
}
