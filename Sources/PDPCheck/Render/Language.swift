/// The language of messages. Every user-facing string exists in both.
public enum Language: String, Sendable, CaseIterable, Codable {
    case vi, en

    /// From LC_ALL, LC_MESSAGES, then LANG (the usual precedence); Vietnamese when the
    /// first one set starts with "vi", English otherwise.
    public static func fromEnvironment(_ env: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = env[key], !value.isEmpty {
                return value.lowercased().hasPrefix("vi") ? .vi : .en
            }
        }
        return .en
    }
}

/// A string in both languages.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    public func text(_ language: Language) -> String { language == .vi ? vi : en }
}
