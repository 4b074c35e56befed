import Foundation
import Testing
@testable import PDPCheck

/// Scans every labelled corpus draft through the whole pipeline and scores the findings
/// against the manifest. Prints the table so regressions show in every test run.
@Suite("Corpus precision and recall")
struct CorpusTests {
    /// Floors per category (issue #2: both ≥ 0.95 for phone numbers and ID numbers).
    static let floors: [String: Double] = ["phone_number": 0.95, "national_id": 0.95]

    struct Outcome {
        var scores: [String: CategoryScore] = [:]
        var misses: [String] = []
        var negativeHits: [String] = []
    }

    static func evaluate() async throws -> Outcome {
        let manifest = try CorpusManifest.load()
        let scanner = Scanner(options: ScanOptions(showValues: true))
        let textFiles = manifest.files.filter { $0.kind == "text" }
        let items = textFiles.map {
            InputItem(displayPath: $0.path, source: .file(path: TestSupport.corpus.appendingPathComponent($0.path).path))
        }
        let report = await scanner.scan(items)
        var outcome = Outcome()
        for category in manifest.exhaustiveCategories { outcome.scores[category] = CategoryScore() }
        for (file, result) in zip(textFiles, report.files) {
            #expect(result.status == .scanned, "\(file.path): \(String(describing: result.error))")
            for category in manifest.exhaustiveCategories {
                let expected = Set(file.labels.filter { $0.category == category }.map { $0.start..<$0.end })
                let found = result.findings.filter { $0.category.rawValue == category }
                var score = outcome.scores[category] ?? CategoryScore()
                var matched = Set<Range<Int>>()
                for finding in found {
                    let span = (finding.location.start ?? -1)..<(finding.location.end ?? -1)
                    if expected.contains(span) {
                        score.truePositives += 1
                        matched.insert(span)
                    } else {
                        score.falsePositives += 1
                        outcome.misses.append("FP \(category) \(file.path) \(span) \"\(finding.evidence)\"")
                        if let negative = file.negatives.first(where: {
                            ($0.category == nil || $0.category == category) && $0.start < span.upperBound && span.lowerBound < $0.end
                        }) {
                            outcome.negativeHits.append("\(file.path): \(category) on negative \"\(negative.text)\" (\(negative.note ?? ""))")
                        }
                    }
                }
                for label in file.labels where label.category == category && !matched.contains(label.start..<label.end) {
                    score.falseNegatives += 1
                    outcome.misses.append("FN \(category) \(file.path) \(label.start)..<\(label.end) \"\(label.text)\"")
                }
                outcome.scores[category] = score
            }
        }
        return outcome
    }

    @Test("precision and recall per category meet the floors")
    func precisionRecall() async throws {
        let outcome = try await Self.evaluate()
        var table = "category          TP   FP   FN  precision  recall\n"
        for (category, s) in outcome.scores.sorted(by: { $0.key < $1.key }) {
            table += category.padding(toLength: 16, withPad: " ", startingAt: 0)
                + String(format: " %4d %4d %4d     %.3f   %.3f\n", s.truePositives, s.falsePositives, s.falseNegatives,
                         s.precision, s.recall)
        }
        print("Corpus scores (exact UTF-8 spans):\n" + table)
        for line in outcome.misses { print("  " + line) }
        for (category, floor) in Self.floors {
            let s = try #require(outcome.scores[category], "\(category) is not labelled in the corpus")
            #expect(s.truePositives >= 50, "\(category): too few labelled positives to measure")
            #expect(s.precision >= floor, "\(category) precision \(s.precision) < \(floor)")
            #expect(s.recall >= floor, "\(category) recall \(s.recall) < \(floor)")
        }
        #expect(outcome.negativeHits.isEmpty, "findings on must-not-flag spans: \(outcome.negativeHits)")
    }

    @Test("manifest spans select exactly the labelled text")
    func manifestSpansAreExact() throws {
        let manifest = try CorpusManifest.load()
        for file in manifest.files where file.kind == "text" {
            let bytes = try [UInt8](Data(contentsOf: TestSupport.corpus.appendingPathComponent(file.path)))
            for span in file.labels + file.negatives {
                #expect(span.end <= bytes.count && String(decoding: bytes[span.start..<span.end], as: UTF8.self) == span.text,
                        "\(file.path) \(span.start)..<\(span.end)")
            }
        }
    }
}
