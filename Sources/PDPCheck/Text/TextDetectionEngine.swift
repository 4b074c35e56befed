/// Runs text detectors over UTF-8 bytes: one shared digit-run pass feeds every number
/// detector, the others scan on their own; overlapping matches are then resolved.
public struct TextDetectionEngine: Sendable {
    public let detectors: [any TextDetector]
    private let numberDetectors: [any NumberRunDetector]
    private let otherDetectors: [any TextDetector]

    public static let standard = TextDetectionEngine(detectors: BuiltinDetectors.text)

    public init(detectors: [any TextDetector]) {
        self.detectors = detectors
        numberDetectors = detectors.compactMap { $0 as? any NumberRunDetector }
        otherDetectors = detectors.filter { !($0 is any NumberRunDetector) }
    }

    public func detect(in text: UnsafeBufferPointer<UInt8>) -> [TextMatch] {
        var matches: [TextMatch] = []
        if !numberDetectors.isEmpty {
            let detectors = numberDetectors
            NumberRunScanner.scan(text) { run in
                for detector in detectors { detector.inspect(run, in: text, into: &matches) }
            }
        }
        for detector in otherDetectors { detector.detect(in: text, into: &matches) }
        return Self.resolveOverlaps(matches)
    }

    public func detect(in bytes: [UInt8]) -> [TextMatch] {
        bytes.withUnsafeBufferPointer { detect(in: $0) }
    }

    /// Where two matches overlap, the more confident one stays (detector order breaks ties).
    /// Number detectors emit in text order, so one sort and a sweep suffice.
    static func resolveOverlaps(_ matches: [TextMatch]) -> [TextMatch] {
        guard matches.count > 1 else { return matches }
        let ordered = matches.enumerated().sorted {
            ($0.element.start, $0.offset) < ($1.element.start, $1.offset)
        }
        var kept: [(match: TextMatch, order: Int)] = []
        kept.reserveCapacity(ordered.count)
        for (order, m) in ordered {
            if let last = kept.last, last.match.end > m.start {
                let better = m.confidence > last.match.confidence
                    || (m.confidence == last.match.confidence && order < last.order)
                if better { kept[kept.count - 1] = (m, order) }
                continue
            }
            kept.append((m, order))
        }
        return kept.map(\.match)
    }
}
