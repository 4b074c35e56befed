/// A raw match from a text detector: what, where (UTF-8 byte offsets into the scanned
/// text) and how sure. The Policy turns it into a Finding.
public struct TextMatch: Sendable, Hashable {
    public var ruleId: String
    public var category: Category
    public var start: Int
    public var end: Int
    public var confidence: Double

    public init(ruleId: String, category: Category, start: Int, end: Int, confidence: Double) {
        self.ruleId = ruleId
        self.category = category
        self.start = start
        self.end = end
        self.confidence = confidence
    }
}

/// An example carried by a detector's description. Triggering examples mark each expected
/// match with ⟦ and ⟧ (`"Gọi ⟦0905.123.456⟧ nhé"`); the generic detector test strips the
/// marks, runs the detector and requires exactly those spans.
public struct DetectorExample: Sendable, Hashable, ExpressibleByStringLiteral {
    public var text: String
    public var note: String?

    public init(_ text: String, note: String? = nil) {
        self.text = text
        self.note = note
    }

    public init(stringLiteral value: String) { self.init(value) }
}

/// What a detector is, as data: shown by `explain`, tested generically.
public struct DetectorDescription: Sendable {
    public var id: String
    public var category: Category
    /// Every rule id this detector can emit.
    public var ruleIds: [String]
    public var summary: String
    public var triggeringExamples: [DetectorExample]
    public var nonTriggeringExamples: [DetectorExample]

    public init(id: String, category: Category, ruleIds: [String], summary: String,
                triggeringExamples: [DetectorExample], nonTriggeringExamples: [DetectorExample]) {
        self.id = id
        self.category = category
        self.ruleIds = ruleIds
        self.summary = summary
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}

/// A detector over UTF-8 text. Built-in detectors are byte scanners, not pattern engines.
public protocol TextDetector: Sendable {
    var description: DetectorDescription { get }
    func detect(in context: TextScanContext, into matches: inout [TextMatch])
}

extension TextDetector {
    /// Convenience for tests and one-off use: a fresh context over `text`.
    public func detect(in text: UnsafeBufferPointer<UInt8>, into matches: inout [TextMatch]) {
        detect(in: TextScanContext(text), into: &matches)
    }
}

/// A detector fed by the shared digit-run pass instead of scanning the text itself.
public protocol NumberRunDetector: TextDetector {
    func inspect(_ run: NumberRun, in context: TextScanContext, into matches: inout [TextMatch])
}

extension NumberRunDetector {
    /// Run alone (in tests, or outside an engine): do the digit-run pass for this detector only.
    public func detect(in context: TextScanContext, into matches: inout [TextMatch]) {
        NumberRunScanner.scan(context.text) { run in inspect(run, in: context, into: &matches) }
    }
}

/// A second-phase detector: it sees the identifiers found first, to tie a topic, a child's
/// details or a name to an identifiable person ("bé Na, 9 tuổi", "anh Tuấn 0905… bị ung thư").
public protocol RelationalTextDetector: TextDetector {
    func detect(in context: TextScanContext, given primary: [TextMatch], into matches: inout [TextMatch])
}

extension RelationalTextDetector {
    /// Run alone: the primary matches come from the standard engine's first phase.
    public func detect(in context: TextScanContext, into matches: inout [TextMatch]) {
        detect(in: context, given: TextDetectionEngine.standard.primaryMatches(in: context), into: &matches)
    }
}
