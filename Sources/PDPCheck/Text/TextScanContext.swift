/// What detectors share while scanning one text: the bytes, and the shared passes, each
/// computed at most once (context labels before a position, keyword hits over the whole text).
/// Lives for one `detect` call on one thread; never stored or shared across tasks.
public final class TextScanContext {
    public let text: UnsafeBufferPointer<UInt8>
    /// Direct-mapped memo of `label(before:)`: detectors ask about run starts in text order,
    /// so a small table keyed by the offset's low bits answers repeats without a dictionary
    /// (which grew by one entry per digit run and rehashed all the way).
    private var labelOffsets = [Int](repeating: -1, count: TextScanContext.labelSlots)
    private var labelValues = [ContextLabel?](repeating: nil, count: TextScanContext.labelSlots)
    private static let labelSlots = 64
    private var hits: [KeywordHit]?
    private var hitsByTopic: [[KeywordHit]]?
    private var mentions: [PersonMention]?
    private var tableContext: TableColumnContext?
    private var emVoice: Bool?

    public init(_ text: UnsafeBufferPointer<UInt8>) {
        self.text = text
    }

    /// The label of the nearest context keyword before `offset` ("SĐT", "STK", "CCCD"…).
    public func label(before offset: Int) -> ContextLabel? {
        let slot = offset & (Self.labelSlots - 1)
        if labelOffsets[slot] == offset { return labelValues[slot] }
        let label: ContextLabel?
        // In a table row, a word inside the cell names the value; otherwise its column's header does.
        if let cell = tables.cell(at: offset, in: text), let column = cell.role.contextLabel {
            label = ContextWindow.nearestLabel(before: offset, in: text, floor: cell.range.lowerBound) ?? column
        } else {
            label = ContextWindow.nearestLabel(before: offset, in: text)
        }
        labelOffsets[slot] = offset
        labelValues[slot] = label
        return label
    }

    /// Every lexicon keyword in the text, folded (with or without diacritics, NFC or NFD),
    /// in the order their ends are reached (at the same end, longer keywords first).
    /// Computed on first use.
    public var keywordHits: [KeywordHit] {
        if let hits { return hits }
        let found = TopicLexicon.shared.matcher.hits(in: text)
        hits = found
        return found
    }

    /// The keyword hits of one topic, in text order. Common cue words ("anh", "con", "phòng")
    /// make hits dense, so detectors that care about one topic read its bucket, not all hits.
    public func keywordHits(of topic: Topic) -> [KeywordHit] {
        if hitsByTopic == nil {
            let topics = TopicLexicon.shared.entryTopicIndex
            var buckets = [[KeywordHit]](repeating: [], count: Topic.allCases.count)
            for hit in keywordHits { buckets[topics[hit.entry]].append(hit) }
            hitsByTopic = buckets
        }
        return hitsByTopic?[TopicLexicon.topicIndex(topic)] ?? []
    }

    /// The tables of the text (header lines of column names and their rows). Computed on first use.
    public var tables: TableColumnContext {
        if let tableContext { return tableContext }
        let found = TableColumnContext(text: text, hits: keywordHits)
        tableContext = found
        return found
    }

    /// The table cell holding `offset`, with the role its column's header gives it.
    public func tableCell(at offset: Int) -> TableCell? {
        tables.blocks.isEmpty ? nil : tables.cell(at: offset, in: text)
    }

    /// Whether the text speaks as "em" of a family of its own ("chồng em", "mẹ em"): computed on
    /// first use, once for all the detectors that ask.
    var speaksAsEm: Bool {
        if let emVoice { return emVoice }
        let found = RelationalText.speaksAsEm(text, familyHits: keywordHits(of: .familyCue))
        emVoice = found
        return found
    }

    /// Places that name a person ("anh Tuấn", "Nguyễn Văn Tuấn"), in text order. Computed on first use.
    public var personMentions: [PersonMention] {
        if let mentions { return mentions }
        let found = PersonMentionScanner.mentions(in: text)
        mentions = found
        return found
    }

    /// The sentence (or line) around `offset`: bounded by `.`, `!`, `?` before a space or a
    /// line break, or by a line break.
    public func sentence(around offset: Int) -> Range<Int> {
        var lo = min(max(0, offset), text.count)
        while lo > 0 {
            let b = text[lo - 1]
            if b == 0x0A { break }
            if (b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")) && lo < text.count
                && (text[lo] == 0x20 || text[lo] == 0x0A) { break }
            lo -= 1
        }
        var hi = min(max(0, offset), text.count)
        while hi < text.count {
            let b = text[hi]
            if b == 0x0A { break }
            if (b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?"))
                && (hi + 1 == text.count || text[hi + 1] == 0x20 || text[hi + 1] == 0x0A) { hi += 1; break }
            hi += 1
        }
        return lo..<hi
    }
}
