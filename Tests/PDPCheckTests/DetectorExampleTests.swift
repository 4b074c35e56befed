import Foundation
import Testing
@testable import PDPCheck

/// Runs every built-in detector's own examples: adding a detector adds its tests.
@Suite("Detector examples")
struct DetectorExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let detector: any TextDetector
        let example: DetectorExample
        let triggering: Bool
        var testDescription: String { "\(detector.description.id): \(example.text)" }
    }

    static let minimumConfidence = Policy.builtinDefault.minimumConfidence

    static var triggering: [Case] {
        BuiltinDetectors.text.flatMap { d in d.description.triggeringExamples.map { Case(detector: d, example: $0, triggering: true) } }
    }

    static var nonTriggering: [Case] {
        BuiltinDetectors.text.flatMap { d in d.description.nonTriggeringExamples.map { Case(detector: d, example: $0, triggering: false) } }
    }

    @Test("triggering examples match exactly their marked spans", arguments: triggering)
    func triggeringExample(_ c: Case) {
        let (text, spans) = TestSupport.parseMarkedExample(c.example.text)
        #expect(!spans.isEmpty, "a triggering example must mark at least one span")
        let found = TestSupport.detect(c.detector, in: text)
            .filter { $0.confidence >= Self.minimumConfidence }
        #expect(found.map { $0.start..<$0.end } == spans, "in: \(text)")
        #expect(found.allSatisfy { $0.category == c.detector.description.category })
        #expect(found.allSatisfy { c.detector.description.ruleIds.contains($0.ruleId) })
        #expect(found.allSatisfy { $0.confidence > 0 && $0.confidence <= 1 })
    }

    @Test("non-triggering examples stay quiet", arguments: nonTriggering)
    func nonTriggeringExample(_ c: Case) {
        let found = TestSupport.detect(c.detector, in: c.example.text)
            .filter { $0.confidence >= Self.minimumConfidence }
        #expect(found.isEmpty, "unexpected \(found.map(\.ruleId)) in: \(c.example.text)")
    }

    @Test("NFC and NFD forms of every example give the same findings", arguments: triggering + nonTriggering)
    func normalizationInvariant(_ c: Case) {
        let (text, _) = TestSupport.parseMarkedExample(c.example.text)
        func values(_ s: String) -> [String] {
            let bytes = Array(s.utf8)
            return TestSupport.detect(c.detector, in: s).filter { $0.confidence >= Self.minimumConfidence }.map {
                "\($0.ruleId):" + String(decoding: bytes[$0.start..<$0.end], as: UTF8.self).precomposedStringWithCanonicalMapping
            }
        }
        #expect(values(text.precomposedStringWithCanonicalMapping) == values(text.decomposedStringWithCanonicalMapping),
                "in: \(text)")
    }

    @Test("the engine gives the same spans as each detector alone on its examples")
    func engineAgreesWithDetectors() {
        for c in Self.triggering {
            let (text, spans) = TestSupport.parseMarkedExample(c.example.text)
            let engine = TextDetectionEngine.standard.detect(in: Array(text.utf8))
                .filter { $0.category == c.detector.description.category && $0.confidence >= Self.minimumConfidence }
            #expect(engine.map { $0.start..<$0.end } == spans, "in: \(text)")
        }
    }
}
