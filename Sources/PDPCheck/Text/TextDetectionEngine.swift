/// Runs text detectors over UTF-8 bytes in two phases. First the identifiers: one shared
/// digit-run pass feeds every number detector, other scanners run on their own. Then the
/// relational detectors, which see those identifiers (a topic, a child's age or a name is
/// personal data only when tied to a person). Overlaps are resolved last.
public struct TextDetectionEngine: Sendable {
    public let detectors: [any TextDetector]
    private let numberDetectors: [any NumberRunDetector]
    private let scanningDetectors: [any TextDetector]
    private let relationalDetectors: [any RelationalTextDetector]

    public static let standard = TextDetectionEngine(detectors: BuiltinDetectors.text)

    /// Primary matches below this confidence are not evidence for relational detectors.
    public static let evidenceConfidence = 0.5

    public init(detectors: [any TextDetector]) {
        self.detectors = detectors
        numberDetectors = detectors.compactMap { $0 as? any NumberRunDetector }
        relationalDetectors = detectors.compactMap { $0 as? any RelationalTextDetector }
        scanningDetectors = detectors.filter { !($0 is any NumberRunDetector) && !($0 is any RelationalTextDetector) }
    }

    public func detect(in text: UnsafeBufferPointer<UInt8>) -> [TextMatch] {
        let context = TextScanContext(text)
        let primary = primaryMatches(in: context)
        guard !relationalDetectors.isEmpty else { return primary }
        let evidence = primary.filter { $0.confidence >= Self.evidenceConfidence }
        var related: [TextMatch] = []
        for detector in relationalDetectors { detector.detect(in: context, given: evidence, into: &related) }
        return Self.resolveOverlaps(primary + related)
    }

    public func detect(in bytes: [UInt8]) -> [TextMatch] {
        bytes.withUnsafeBufferPointer { detect(in: $0) }
    }

    /// The first phase alone, overlaps resolved.
    public func primaryMatches(in context: TextScanContext) -> [TextMatch] {
        var matches: [TextMatch] = []
        if !numberDetectors.isEmpty {
            let detectors = numberDetectors
            // By index: iterating the existentials copies each one per run.
            NumberRunScanner.scan(context.text) { run in
                for i in detectors.indices { detectors[i].inspect(run, in: context, into: &matches) }
            }
        }
        for detector in scanningDetectors { detector.detect(in: context, into: &matches) }
        return Self.resolveOverlaps(matches)
    }

    /// Identifier values compete for the same bytes: where two overlap, the more confident one
    /// stays (detector order breaks ties). Prose categories (an address, a health topic, a
    /// name) may overlap anything and only compete with their own category.
    static func resolveOverlaps(_ matches: [TextMatch]) -> [TextMatch] {
        guard matches.count > 1 else { return matches }
        let ordered = matches.enumerated().sorted {
            ($0.element.start, $0.offset) < ($1.element.start, $1.offset)
        }
        var kept: [(match: TextMatch, order: Int)] = []
        kept.reserveCapacity(ordered.count)
        // Index in `kept` of the last match of each competition class.
        var lastOfClass: [String: Int] = [:]
        for (order, m) in ordered {
            let key = m.category.isIdentifierValue ? "identifier" : m.category.rawValue
            if let index = lastOfClass[key], kept[index].match.end > m.start {
                let current = kept[index]
                // An e-wallet number is a phone number and an account at once (MoMo, ZaloPay).
                if current.match.start == m.start && current.match.end == m.end
                    && Set([current.match.category, m.category]) == [.phoneNumber, .bankAccount] {
                    lastOfClass[key] = kept.count
                    kept.append((m, order))
                    continue
                }
                let better = m.confidence > current.match.confidence
                    || (m.confidence == current.match.confidence && order < current.order)
                if better { kept[index] = (m, order) }
                continue
            }
            lastOfClass[key] = kept.count
            kept.append((m, order))
        }
        return kept.map(\.match).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }
}

extension Category {
    /// Categories whose matches are one written value (a number, an address of mail, a plate):
    /// two of them cannot both own the same bytes.
    var isIdentifierValue: Bool {
        switch self {
        case .phoneNumber, .nationalID, .passportNumber, .driverLicense, .taxCode, .insuranceNumber,
             .bankAccount, .paymentCard, .emailAddress, .licensePlate, .preciseLocation, .credentials,
             .dateOfBirth:
            return true
        default:
            return false
        }
    }
}
