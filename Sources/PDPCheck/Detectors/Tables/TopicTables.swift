import Foundation

/// Per lexicon entry: its topic, weight and spelling check, looked up by entry index.
struct TopicTables: Sendable {
    let topicCode: [UInt8]
    let weight: [Double]
    let spelling: [SpellingCheck?]
    let continuing: [Bool]

    static let shared = TopicTables(lexicon: TopicLexicon.shared)

    func code(_ topic: Topic) -> UInt8 { UInt8(Topic.allCases.firstIndex(of: topic) ?? 255) }

    init(lexicon: TopicLexicon) {
        var spelled: [String: [SensitiveTopicKeywords.Keyword]] = [:]
        for k in SensitiveTopicKeywords.keywords {
            spelled[k.topic.rawValue + ":" + SensitiveTopicKeywords.folded(k.spelled), default: []].append(k)
        }
        var codes: [UInt8] = []
        var weights: [Double] = []
        var spellings: [SpellingCheck?] = []
        var continuing: [Bool] = []
        let continuingKeywords = Set(SensitiveTopicKeywords.continuing.map(SensitiveTopicKeywords.folded))
        for entry in lexicon.entries {
            continuing.append(entry.topic.sensitiveCategory != nil && entry.weight < 0.5
                              && continuingKeywords.contains(entry.keyword))
            codes.append(UInt8(Topic.allCases.firstIndex(of: entry.topic) ?? 255))
            weights.append(entry.weight)
            let forms = spelled[entry.topic.rawValue + ":" + entry.keyword] ?? []
            spellings.append(forms.isEmpty ? nil : SpellingCheck(forms))
        }
        topicCode = codes
        weight = weights
        spelling = spellings
        self.continuing = continuing
    }
}

/// Checks a hit against the keyword's spellings where the text has marks: the automaton
/// matched it folded, and folded Vietnamese words collide ("phẩm nhân" / "phạm nhân").
struct SpellingCheck: Sendable {
    /// Per spelling, the key of each word (with marks).
    let forms: [[NameKey]]
    let plainWeight: Double
    /// A spelling is plain ASCII ("gay", "HIV"): typed so inside accented text, it is meant.
    let asciiForm: Bool

    init(_ keywords: [SensitiveTopicKeywords.Keyword]) {
        forms = keywords.map { k in
            let bytes = Array(k.spelled.utf8)
            return bytes.withUnsafeBufferPointer { b in
                RelationalText.wordRanges(0, b.count, max: 12, in: b).compactMap { NameKey.of(b, $0.lowerBound, $0.upperBound)?.key }
            }
        }
        plainWeight = keywords.map(\.plainWeight).min() ?? 0
        asciiForm = keywords.contains { $0.spelled.utf8.allSatisfy { $0 < 0x80 } }
    }

    /// The weight of the hit, or nil when its marks spell other words.
    func weight(of hit: KeywordHit, in text: UnsafeBufferPointer<UInt8>, base: Double) -> Double? {
        let ranges = RelationalText.wordRanges(hit.start, hit.end, max: 12, in: text)
        var keys: [(key: NameKey, plain: Bool)] = []
        for r in ranges {
            guard let k = NameKey.of(text, r.lowerBound, r.upperBound) else { return nil }
            keys.append(k)
        }
        // Words typed without marks match their folded form (the automaton saw to that);
        // words with marks must be spelled as the keyword is.
        guard let form = forms.first(where: { form in
            form.count == keys.count && zip(form, keys).allSatisfy { $0.1.plain || $0.0 == $0.1.key }
        }) else { return nil }
        // Ambiguous only where a word that takes marks was typed without them ("tu tu"), not
        // where the word has none ("tim" in "mổ tim").
        if asciiForm && keys.allSatisfy({ $0.plain }) {
            // "gay" in a text with marks is the English word; in a text without any it may be "gây".
            let around = RelationalText.sentence(around: hit.start, in: text)
            return RelationalText.hasMarks(around, in: text) ? base : min(base, plainWeight)
        }
        let plain = zip(form, keys).contains { $0.1.plain && $0.0 != $0.1.key }
        return plain ? min(base, plainWeight) : base
    }
}
