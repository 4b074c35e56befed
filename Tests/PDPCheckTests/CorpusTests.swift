import Foundation
import Testing
@testable import PDPCheck

/// Scans every labelled corpus draft through the whole pipeline and scores the findings
/// against the manifest. Prints the table so regressions show in every test run.
@Suite("Corpus precision and recall")
struct CorpusTests {
    /// Precision and recall floors per category (issues #2 and #3). Every category the
    /// manifest labels exhaustively must have a floor here.
    static let floors: [String: Double] = {
        var floors: [String: Double] = [:]
        for c in ["phone_number", "national_id", "email_address", "payment_card", "tax_code"] { floors[c] = 0.95 }
        for c in ["passport_number", "driver_license", "insurance_number", "bank_account", "license_plate",
                  "date_of_birth", "precise_location", "credentials"] { floors[c] = 0.90 }
        for c in ["home_address", "child_data", "person_name", "sensitive_health", "sensitive_criminal",
                  "sensitive_religion", "sensitive_politics", "sensitive_ethnicity", "sensitive_sexuality",
                  "sensitive_private_life"] { floors[c] = 0.85 }
        return floors
    }()

    /// Identifier values must match the label's span exactly; prose categories (an address,
    /// a topic phrase, a name) count when they overlap a label, each label and finding once.
    static func exactSpans(_ category: String) -> Bool {
        Category(rawValue: category)?.isIdentifierValue ?? true
    }

    /// Positives a category needs in the corpus before its scores mean anything.
    static let minimumPositives = 12

    struct Outcome {
        var scores: [String: CategoryScore] = [:]
        var misses: [String] = []
        var negativeHits: [String] = []
    }

    /// Scores one set of drafts: nil for the development drafts, "heldout" for the held-out set.
    static func evaluate(set: String? = nil) async throws -> Outcome {
        let manifest = try CorpusManifest.load()
        let scanner = Scanner(options: ScanOptions(showValues: true))
        let textFiles = manifest.files.filter { $0.kind == "text" && $0.set == set }
        let items = textFiles.map {
            InputItem(displayPath: $0.path, source: .file(path: TestSupport.corpus.appendingPathComponent($0.path).path))
        }
        let report = await scanner.scan(items)
        var outcome = Outcome()
        for category in manifest.exhaustiveCategories { outcome.scores[category] = CategoryScore() }
        for (file, result) in zip(textFiles, report.files) {
            #expect(result.status == .scanned, "\(file.path): \(String(describing: result.error))")
            for category in manifest.exhaustiveCategories {
                let labels = file.labels.filter { $0.category == category }
                let found = result.findings.filter { $0.category.rawValue == category }
                var score = outcome.scores[category] ?? CategoryScore()
                var labelMatched = [Bool](repeating: false, count: labels.count)
                for finding in found {
                    let span = (finding.location.start ?? -1)..<(finding.location.end ?? -1)
                    let hit = labels.indices.first { i in
                        !labelMatched[i] && (Self.exactSpans(category)
                            ? labels[i].start == span.lowerBound && labels[i].end == span.upperBound
                            : labels[i].start < span.upperBound && span.lowerBound < labels[i].end)
                    }
                    if let hit {
                        score.truePositives += 1
                        labelMatched[hit] = true
                    } else if !Self.exactSpans(category) && labels.contains(where: {
                        $0.start < span.upperBound && span.lowerBound < $0.end
                    }) {
                        // A second finding inside an already matched phrase: neither right nor wrong.
                        continue
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
                for (i, label) in labels.enumerated() where !labelMatched[i] {
                    score.falseNegatives += 1
                    outcome.misses.append("FN \(category) \(file.path) \(label.start)..<\(label.end) \"\(label.text)\"")
                }
                outcome.scores[category] = score
            }
        }
        return outcome
    }

    static func table(_ outcome: Outcome) -> String {
        var table = "category                TP   FP   FN  precision  recall\n"
        for (category, s) in outcome.scores.sorted(by: { $0.key < $1.key }) {
            table += category.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(format: " %4d %4d %4d     %.3f   %.3f\n", s.truePositives, s.falsePositives, s.falseNegatives,
                         s.precision, s.recall)
        }
        return table
    }

    @Test("precision and recall per category meet the floors")
    func precisionRecall() async throws {
        let outcome = try await Self.evaluate()
        print("Corpus scores, development drafts (identifiers by exact UTF-8 span, prose by overlap):\n" + Self.table(outcome))
        for line in outcome.misses { print("  " + line) }
        let manifest = try CorpusManifest.load()
        for category in manifest.exhaustiveCategories {
            let floor = try #require(Self.floors[category], "\(category) is labelled but has no floor")
            let s = try #require(outcome.scores[category])
            #expect(s.truePositives + s.falseNegatives >= Self.minimumPositives, "\(category): too few labelled positives to measure")
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

/// The held-out drafts were written by someone who never saw the detectors, and nothing is
/// tuned on them: their scores are the honest estimate of quality on posts we have not seen.
/// The floors here are regression guards set just under the first measurement (2026-11-29),
/// not the targets; where they sit below issue #3's floors, the gap is a known weakness.
@Suite("Held-out corpus")
struct HeldOutCorpusTests {
    static let floors: [String: (precision: Double, recall: Double)] = [
        "bank_account": (0.95, 0.95),
        "child_data": (0.77, 0.77),
        "credentials": (0.64, 0.77),
        "date_of_birth": (0.95, 0.44),
        "driver_license": (0.95, 0.95),
        "email_address": (0.88, 0.95),
        "home_address": (0.88, 0.49),
        "insurance_number": (0.95, 0.95),
        "license_plate": (0.95, 0.91),
        "national_id": (0.95, 0.95),
        "passport_number": (0.95, 0.95),
        "payment_card": (0.84, 0.95),
        "person_name": (0.87, 0.64),
        "phone_number": (0.95, 0.93),
        "precise_location": (0.95, 0.95),
        "sensitive_criminal": (0.95, 0.66),
        "sensitive_ethnicity": (0.78, 0.95),
        "sensitive_health": (0.68, 0.68),
        "sensitive_politics": (0.66, 0.78),
        "sensitive_private_life": (0.82, 0.27),
        "sensitive_religion": (0.81, 0.95),
        "sensitive_sexuality": (0.62, 0.45),
        "tax_code": (0.95, 0.95),
    ]

    @Test("held-out precision and recall are measured and do not regress")
    func heldOut() async throws {
        let outcome = try await CorpusTests.evaluate(set: "heldout")
        print("Corpus scores, HELD-OUT drafts:\n" + CorpusTests.table(outcome))
        // Per-item misses would show the held-out texts to whoever reads the log, and a set
        // that has been read is no longer held out: they are printed only on request.
        if ProcessInfo.processInfo.environment["PDPCHECK_SHOW_HELDOUT_MISSES"] == "1" {
            for line in outcome.misses { print("  heldout " + line) }
            for line in outcome.negativeHits { print("  heldout negative hit: " + line) }
        } else {
            print("  (\(outcome.misses.count) held-out misses and \(outcome.negativeHits.count) negative hits not listed; "
                  + "PDPCHECK_SHOW_HELDOUT_MISSES=1 lists them)")
        }
        for (category, floor) in Self.floors {
            let s = try #require(outcome.scores[category])
            #expect(s.precision >= floor.precision, "held-out \(category) precision \(s.precision) < \(floor.precision)")
            #expect(s.recall >= floor.recall, "held-out \(category) recall \(s.recall) < \(floor.recall)")
        }
    }
}
