import Foundation
import Testing
@testable import PDPCheck

/// The prose detectors: date of birth, home address, child data, credentials.
@Suite("Prose detectors")
struct ProseDetectorTests {
    static let detectors: [any TextDetector] = [
        DateOfBirthDetector(), HomeAddressDetector(), CredentialsDetector(), ChildDataDetector(),
    ]

    /// The standard detectors plus these, so relational detectors see dates of birth even
    /// before the lead registers them.
    static let engine = TextDetectionEngine(detectors: BuiltinDetectors.text.filter { d in
        !detectors.contains { $0.description.id == d.description.id }
    } + detectors)

    static let minimumConfidence = 0.5

    /// What `detector` finds in `text`; relational detectors get this suite's first phase.
    static func detect(_ detector: any TextDetector, in text: String) -> [TextMatch] {
        var matches: [TextMatch] = []
        Array(text.utf8).withUnsafeBufferPointer { buffer in
            let context = TextScanContext(buffer)
            if let relational = detector as? any RelationalTextDetector {
                let primary = engine.primaryMatches(in: context).filter { $0.confidence >= TextDetectionEngine.evidenceConfidence }
                relational.detect(in: context, given: primary, into: &matches)
            } else {
                detector.detect(in: context, into: &matches)
            }
        }
        return matches
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let detector: any TextDetector
        let example: DetectorExample
        var testDescription: String { "\(detector.description.id): \(example.text)" }
    }

    static var triggering: [Case] {
        detectors.flatMap { d in d.description.triggeringExamples.map { Case(detector: d, example: $0) } }
    }

    static var nonTriggering: [Case] {
        detectors.flatMap { d in d.description.nonTriggeringExamples.map { Case(detector: d, example: $0) } }
    }

    /// Findings as (rule, NFC text of the span), comparable across normalisation forms.
    static func summary(_ detector: any TextDetector, _ s: String) -> [String] {
        let bytes = Array(s.utf8)
        return detect(detector, in: s).filter { $0.confidence >= minimumConfidence }.map {
            "\($0.ruleId):" + String(decoding: bytes[$0.start..<$0.end], as: UTF8.self).precomposedStringWithCanonicalMapping
        }
    }

    @Test("NFC and NFD texts give the same findings", arguments: triggering + nonTriggering)
    func nfcNfd(_ c: Case) {
        let (text, _) = TestSupport.parseMarkedExample(c.example.text)
        let nfc = text.precomposedStringWithCanonicalMapping
        let nfd = text.decomposedStringWithCanonicalMapping
        #expect(Self.summary(c.detector, nfc) == Self.summary(c.detector, nfd), "\(text)")
    }

    @Test("rule ids by kind of value")
    func ruleIds() {
        func rules(_ d: any TextDetector, _ s: String) -> [String] {
            Self.detect(d, in: s).filter { $0.confidence >= 0.5 }.map(\.ruleId)
        }
        let dob = DateOfBirthDetector()
        #expect(rules(dob, "Ngày sinh: 12/05/1990") == ["vn.dob.date"])
        #expect(rules(dob, "sinh năm 1990") == ["vn.dob.year"])
        #expect(rules(dob, "anh Trần Văn Nam, 40 tuổi") == ["vn.dob.age"])
        let cred = CredentialsDetector()
        #expect(rules(cred, "OTP 482913") == ["cred.otp"])
        #expect(rules(cred, "mật khẩu: Abc@12345") == ["cred.password"])
        #expect(rules(cred, "username: tuan.le") == ["cred.username"])
    }

    @Test("dates are validated: day and month ranges, years from 1900 to now")
    func dateValidation() {
        let dob = DateOfBirthDetector(currentYear: 2026)
        func spans(_ s: String) -> [String] {
            let bytes = Array(s.utf8)
            var matches: [TextMatch] = []
            bytes.withUnsafeBufferPointer { dob.detect(in: $0, into: &matches) }
            return matches.filter { $0.confidence >= 0.5 }.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        }
        #expect(spans("Ngày sinh: 31/02/1990").isEmpty)
        #expect(spans("Ngày sinh: 29/02/2000") == ["29/02/2000"])
        #expect(spans("Ngày sinh: 29/02/2001").isEmpty)
        #expect(spans("Ngày sinh: 13/13/1990").isEmpty)
        #expect(spans("sinh năm 1899").isEmpty)
        #expect(spans("sinh năm 2031").isEmpty)
        #expect(spans("sinh năm 2026") == ["2026"])
        #expect(spans("Ngày sinh: 00/05/1990").isEmpty)
        #expect(spans("ngày sinh 12 tháng 13 năm 1990").isEmpty)
    }

    @Test("hostile text never crashes and spans stay inside the text")
    func hostile() {
        var samples: [[UInt8]] = [
            [], [0xE1], [0xCC, 0x81], Array("sinh".utf8), Array("mật khẩu:".utf8), Array("OTP".utf8), Array("(".utf8),
            Array("12/".utf8), Array("/1".utf8), Array("ngõ ".utf8), Array("tuổi".utf8), Array("Bé Na 9 tuổi".utf8),
            Array(String(repeating: "sinh năm ", count: 5000).utf8),
            Array(String(repeating: "ngõ 1 ", count: 5000).utf8),
            Array(String(repeating: "12/3 Nguyễn Trãi, ", count: 3000).utf8),
            Array(String(repeating: "Ngày sinh | ", count: 500).utf8) + Array(String(repeating: "1 | 2\n", count: 500).utf8),
            Array(String(repeating: "pass: ", count: 5000).utf8),
            Array(String(repeating: "Bé Na lớp 5A ", count: 2000).utf8),
            Array(String(repeating: "(1990)", count: 5000).utf8),
        ]
        let alphabet: [[UInt8]] = ["sinh", " ", "năm", "1990", "/", "12", "ngõ", "tổ", "Nguyễn", "Trãi", ",", ".", "\n",
                                   "bé", "Na", "tuổi", "lớp", "5A", "mật khẩu", ":", "OTP", "(", ")", "\"", "|", "số",
                                   "\u{301}", "ảnh"].map { Array($0.utf8) } + [[0xE1], [0xBB], [0x80]]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var s: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<80, using: &rng) { s += alphabet.randomElement(using: &rng) ?? [] }
            samples.append(s)
        }
        for sample in samples {
            let matches = Self.engine.detect(in: sample)
            #expect(matches.allSatisfy { $0.start >= 0 && $0.start < $0.end && $0.end <= sample.count })
        }
    }

    @Test("the engine with these detectors keeps their spans on their examples")
    func engineAgrees() {
        for c in Self.triggering {
            let (text, spans) = TestSupport.parseMarkedExample(c.example.text)
            let found = Self.engine.detect(in: Array(text.utf8))
                .filter { $0.category == c.detector.description.category && $0.confidence >= Self.minimumConfidence }
            #expect(found.map { $0.start..<$0.end } == spans, "in: \(text)")
        }
    }

    @Test("corpus drafts: precision and recall of the prose categories (printed)")
    func corpusScores() throws {
        let manifest = try CorpusManifest.load()
        let categories = ["date_of_birth", "home_address", "child_data", "credentials"]
        var scores: [String: CategoryScore] = [:]
        var lines: [String] = []
        for file in manifest.files where file.kind == "text" {
            let bytes = try [UInt8](Data(contentsOf: TestSupport.corpus.appendingPathComponent(file.path)))
            let found = Self.engine.detect(in: bytes).filter { $0.confidence >= Self.minimumConfidence }
            for category in categories where manifest.exhaustiveCategories.contains(category) {
                let expected = Set(file.labels.filter { $0.category == category }.map { $0.start..<$0.end })
                var score = scores[category] ?? CategoryScore()
                var matched = Set<Range<Int>>()
                for m in found where m.category.rawValue == category {
                    if expected.contains(m.start..<m.end) {
                        score.truePositives += 1
                        matched.insert(m.start..<m.end)
                    } else {
                        score.falsePositives += 1
                        lines.append("FP \(category) \(file.path) \(String(format: "%.2f", m.confidence)) \"\(String(decoding: bytes[m.start..<m.end], as: UTF8.self))\"")
                    }
                }
                for label in file.labels where label.category == category && !matched.contains(label.start..<label.end) {
                    score.falseNegatives += 1
                    lines.append("FN \(category) \(file.path) \"\(label.text)\"")
                }
                scores[category] = score
            }
        }
        var table = "category          TP   FP   FN  precision  recall\n"
        for (category, s) in scores.sorted(by: { $0.key < $1.key }) {
            table += category.padding(toLength: 16, withPad: " ", startingAt: 0)
                + String(format: " %4d %4d %4d     %.3f   %.3f\n", s.truePositives, s.falsePositives, s.falseNegatives,
                         s.precision, s.recall)
        }
        print("Prose categories in the corpus:\n" + table + lines.joined(separator: "\n"))
    }
}

/// Throughput of the standard engine with and without the prose detectors, on a file named by
/// PDPCHECK_PROSE_BENCH (e.g. the text `pdpcheck-bench --write-text` writes). Skipped without it.
@Suite("Prose detectors speed")
struct ProseDetectorSpeedTests {
    @Test("added cost per MB", .enabled(if: ProcessInfo.processInfo.environment["PDPCHECK_PROSE_BENCH"] != nil))
    func speed() throws {
        let path = ProcessInfo.processInfo.environment["PDPCHECK_PROSE_BENCH"] ?? ""
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let base = TextDetectionEngine.standard
        let all = ProseDetectorTests.engine
        func time(_ engine: TextDetectionEngine) -> (Double, Int) {
            var best = Double.infinity
            var count = 0
            for _ in 0..<3 {
                let clock = ContinuousClock()
                var n = 0
                let d = clock.measure { n = engine.detect(in: bytes).count }
                let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
                best = min(best, s)
                count = n
            }
            return (best, count)
        }
        let (b, bn) = time(base)
        let (a, an) = time(all)
        let mb = Double(bytes.count) / 1e6
        print(String(format: "standard: %.1f MB/s (%d matches); with prose detectors: %.1f MB/s (%d matches); prose adds %.2f ms/MB",
                     mb / b, bn, mb / a, an, (a - b) * 1000 / mb))
        // Each prose detector alone.
        for d in ProseDetectorTests.detectors {
            let engine = TextDetectionEngine(detectors: [d])
            let (t, n) = time(engine)
            print(String(format: "  %@ alone: %.1f MB/s (%d matches)", d.description.id, mb / t, n))
        }
    }
}
