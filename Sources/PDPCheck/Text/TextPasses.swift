/// The shared whole-text passes of the engine, runnable one by one so the benchmark can say
/// where the time goes (`pdpcheck-bench --passes`). Each returns how many items it found.
public enum TextPass: String, CaseIterable, Sendable {
    case keywords, numberRuns, personMentions, primaryPhase

    public func run(on text: UnsafeBufferPointer<UInt8>, engine: TextDetectionEngine = .standard) -> Int {
        switch self {
        case .keywords:
            return TopicLexicon.shared.matcher.hits(in: text).count
        case .numberRuns:
            var count = 0
            NumberRunScanner.scan(text) { _ in count += 1 }
            return count
        case .personMentions:
            return PersonMentionScanner.mentions(in: text).count
        case .primaryPhase:
            return engine.primaryMatches(in: TextScanContext(text)).count
        }
    }
}
