/// What a lexicon keyword signals. Sensitive topics map to Decree 356 Art. 4 categories;
/// the cues help relational detectors tie details to a person.
public enum Topic: String, Sendable, CaseIterable {
    case health, criminal, religion, politics, ethnicity, sexuality, privateLife
    case credentialCue, childCue, schoolCue, ageCue, birthCue, addressCue, addressUnit
    case locationCue, familyCue, honorific
    /// Photos and videos ("hình", "clip"): with a named child, a photo is the child's data.
    case photoCue
    /// The wording of news reports and court or police statements ("cho biết", "bị cáo",
    /// "tạm giữ hình sự"): ages and birth years there republish what is already public.
    case newsCue
    /// Column names of tables ("Họ tên", "SĐT", "CCCD", "STK"): where a header line may be.
    case columnLabel
    /// A private person telling or warning in the first person ("mình bị", "em gái mình",
    /// "mọi người cẩn thận", "share giúp"): a call-out, not a news report, even when it
    /// quotes police words ("đối tượng", "công an quận").
    case callOutCue
    /// "nhà thứ 3", "căn thứ hai": directions to a house ("…chừng 200m, nhà thứ 3 bên trái").
    case directionCue

    /// The report category a sensitive topic is reported as.
    public var sensitiveCategory: Category? {
        switch self {
        case .health: return .sensitiveHealth
        case .criminal: return .sensitiveCriminal
        case .religion: return .sensitiveReligion
        case .politics: return .sensitivePolitics
        case .ethnicity: return .sensitiveEthnicity
        case .sexuality: return .sensitiveSexuality
        case .privateLife: return .sensitivePrivateLife
        default: return nil
        }
    }
}

/// One keyword of the lexicon, folded (lowercase ASCII, no diacritics, single spaces).
public struct LexiconEntry: Sendable, Hashable {
    public var keyword: String
    public var topic: Topic
    /// How strongly the word alone signals the topic: 1 for "nhiễm HIV", lower for
    /// "bệnh viện", which news mentions without anyone's health being at stake.
    public var weight: Double

    public init(_ keyword: String, _ topic: Topic, weight: Double = 1) {
        self.keyword = keyword
        self.topic = topic
        self.weight = weight
    }
}

/// Every keyword table in one automaton, so the whole text is folded and matched once
/// however many detectors read the hits.
public struct TopicLexicon: Sendable {
    public let entries: [LexiconEntry]
    public let matcher: FoldedKeywordMatcher
    /// Per entry, the index of its topic in `Topic.allCases`.
    let entryTopicIndex: [Int]

    public static let shared = TopicLexicon(entries: SensitiveTopicKeywords.entries + PersonalCueKeywords.entries)

    public init(entries: [LexiconEntry]) {
        self.entries = entries
        matcher = FoldedKeywordMatcher(keywords: entries.map(\.keyword))
        entryTopicIndex = entries.map { Self.topicIndex($0.topic) }
    }

    static func topicIndex(_ topic: Topic) -> Int { Topic.allCases.firstIndex(of: topic) ?? 0 }

    public func entry(_ hit: KeywordHit) -> LexiconEntry { entries[hit.entry] }
}
