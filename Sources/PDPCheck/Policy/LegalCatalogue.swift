/// One legal provision a policy can cite (Policies/legal/vn.yaml).
public struct LegalEntry: Sendable, Hashable {
    public var id: String
    public var instrument: String
    public var article: String
    public var summary: LocalizedText
    /// The reference marks this as unverified: shown as "to verify", never as settled law.
    public var toVerify: Bool
    /// What to check, when `toVerify`.
    public var verifyNote: LocalizedText?

    public init(id: String, instrument: String, article: String, summary: LocalizedText, toVerify: Bool = false,
                verifyNote: LocalizedText? = nil) {
        self.id = id
        self.instrument = instrument
        self.article = article
        self.summary = summary
        self.toVerify = toVerify
        self.verifyNote = verifyNote
    }

    /// The reference as a finding carries it, in one language.
    public func reference(_ language: Language) -> LegalReference {
        LegalReference(instrument: instrument, article: article, id: id, summary: summary.text(language),
                       toVerify: toVerify)
    }
}

/// The legal references policies refer to by id, in file order.
public struct LegalCatalogue: Sendable {
    public private(set) var entries: [LegalEntry]
    private var byID: [String: Int]

    init(entries: [LegalEntry]) {
        self.entries = entries
        var byID: [String: Int] = [:]
        for (i, entry) in entries.enumerated() where byID[entry.id] == nil { byID[entry.id] = i }
        self.byID = byID
    }

    public subscript(id: String) -> LegalEntry? {
        byID[id].map { entries[$0] }
    }

    public var ids: [String] { entries.map(\.id) }
}
