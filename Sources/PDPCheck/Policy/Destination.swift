/// Where a post goes, and what that does to the metadata of the files sent
/// (Policies/destinations.yaml). Only findings located in metadata are adjusted.
public struct Destination: Sendable, Hashable {
    public enum MetadataFate: String, Sendable, Codable, CaseIterable {
        /// The audience receives the files without their metadata.
        case stripped
        /// The audience receives the original bytes.
        case kept
        /// Not known; treated as kept.
        case unknown
    }

    public enum Certainty: String, Sendable, Codable, CaseIterable {
        /// Follows from how the channel works (a file sent byte for byte).
        case confirmed
        /// Widely reported, not tested by pdpcheck.
        case reported
        /// Not known.
        case uncertain
    }

    public var name: String
    public var label: LocalizedText
    public var metadata: MetadataFate
    public var certainty: Certainty
    /// Metadata findings are at most this severity.
    public var cap: Severity?
    /// Per category, metadata findings are at least this severity (after the cap).
    public var floor: [Category: Severity]
    public var reason: LocalizedText

    public init(name: String, label: LocalizedText, metadata: MetadataFate, certainty: Certainty, cap: Severity? = nil,
                floor: [Category: Severity] = [:], reason: LocalizedText) {
        self.name = name
        self.label = label
        self.metadata = metadata
        self.certainty = certainty
        self.cap = cap
        self.floor = floor
        self.reason = reason
    }

    /// The severity a metadata finding of `category` gets when sent here.
    public func adjust(_ severity: Severity, category: Category) -> Severity {
        var s = severity
        if let cap, cap < s { s = cap }
        if let minimum = floor[category], s < minimum { s = minimum }
        return s
    }

    /// What a finding carries to say why its severity is what it is.
    func adjustment(from original: Severity, language: Language) -> DestinationAdjustment {
        DestinationAdjustment(name: name, metadata: metadata.rawValue, certainty: certainty.rawValue,
                              originalSeverity: original, reason: reason.text(language))
    }
}
