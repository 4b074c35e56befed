// pdpcheck-bench: single-core throughput of the text detection engine over realistic
// Vietnamese post text (generated, seeded) or over a given file. See Benchmarks/README.md.
import Foundation
import PDPCheck

if CommandLine.arguments.dropFirst().first == "fix-media" { exit(FixMediaBench.run(Array(CommandLine.arguments.dropFirst(2)))) }
if CommandLine.arguments.dropFirst().first == "sha256" { exit(SHA256Bench.run(Array(CommandLine.arguments.dropFirst(2)))) }

let options: BenchOptions
do {
    options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    printError("\(error)")
    exit(2)
}

func fmt(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

// MARK: the text

let text: [UInt8]
let generated: GeneratedText?
if let path = options.input {
    guard let data = FileManager.default.contents(atPath: path) else {
        printError("cannot read \(path)")
        exit(1)
    }
    text = [UInt8](data)
    generated = nil
} else {
    let g = PostGenerator.generate(seed: options.seed, targetBytes: Int(options.megabytes * 1_000_000))
    text = g.bytes
    generated = g
}

func groundTruthSummary(_ g: GeneratedText) -> String {
    let decoys = g.decoys.reduce(0, +)
    return "phone_number=\(g.count(category: "phone_number")) (mobile \(g.count(.mobile)), landline \(g.count(.landline)))"
        + " national_id=\(g.count(.nationalID)) decoys=\(decoys)"
}

if let path = options.writeText, let g = generated {
    guard FileManager.default.createFile(atPath: path, contents: Data(g.bytes)) else {
        printError("cannot write \(path)")
        exit(1)
    }
    print("wrote \(path): \(g.bytes.count) bytes, seed \(options.seed); inserted \(groundTruthSummary(g))")
    exit(0)
}

// MARK: the scan

let engine = TextDetectionEngine.standard
if options.passes {
    text.withUnsafeBufferPointer { buffer in
        for pass in TextPass.allCases {
            var best = Double.infinity
            var found = 0
            for _ in 0..<options.repeats {
                let t0 = benchSeconds()
                found = pass.run(on: buffer, engine: engine)
                best = min(best, benchSeconds() - t0)
            }
            let rate = Double(buffer.count) / 1_000_000 / best
            printError("pass \(pass.rawValue): best \(fmt(best, 4)) s, \(fmt(rate, 1)) MB/s, \(found) items")
        }
    }
}
if options.passes {
    // Each detector alone, with the shared passes already computed (they are timed above), so
    // the figure is the detector's own work.
    text.withUnsafeBufferPointer { buffer in
        let warm = TextScanContext(buffer)
        _ = warm.keywordHits
        _ = warm.personMentions
        let primary = engine.primaryMatches(in: warm).filter { $0.confidence >= TextDetectionEngine.evidenceConfidence }
        for detector in engine.detectors {
            var best = Double.infinity
            var found = 0
            for _ in 0..<options.repeats {
                var matches: [TextMatch] = []
                let t0 = benchSeconds()
                if let relational = detector as? any RelationalTextDetector {
                    relational.detect(in: warm, given: primary, into: &matches)
                } else {
                    detector.detect(in: warm, into: &matches)
                }
                best = min(best, benchSeconds() - t0)
                found = matches.count
            }
            printError("detector \(detector.description.id): best \(fmt(best, 4)) s, \(found) matches")
        }
    }
}
let result = measure(engine, on: text, repeats: options.repeats)
let megabytes = Double(text.count) / 1_000_000
let mbPerSecond = result.best > 0 ? megabytes / result.best : 0
let byCategory = countByCategory(result.matches)
let scores = generated.map { score(result.matches, against: $0.truth) } ?? []

if options.json {
    func jsonObject(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
    var fields: [(String, String)] = [
        ("bytes", "\(text.count)"),
        ("bestSeconds", fmt(result.best, 6)),
        ("medianSeconds", fmt(result.median, 6)),
        ("mbPerSecond", fmt(mbPerSecond, 2)),
        ("matches", "\(result.matches.count)"),
        ("byCategory", jsonObject(byCategory.sorted { $0.key < $1.key }.map { ($0.key, "\($0.value)") })),
        ("runs", "\(options.repeats)"),
    ]
    if let g = generated {
        fields.append(("seed", "\(options.seed)"))
        fields.append(("generated", jsonObject(scores.map { ($0.category, "\($0.expected)") })))
        fields.append(("recall", jsonObject(scores.map { ($0.category, fmt($0.recall, 4)) })))
        fields.append(("extra", jsonObject(scores.map { ($0.category, "\($0.extra)") })))
        fields.append(("decoys", "\(g.decoys.reduce(0, +))"))
    }
    print(jsonObject(fields))
} else {
    let source = options.input ?? "generated text, seed \(options.seed)"
    print("text-scan: \(fmt(megabytes, 1)) MB (\(source)), best \(fmt(result.best, 4)) s, median \(fmt(result.median, 4)) s,"
        + " \(fmt(mbPerSecond, 1)) MB/s (single core, best of \(options.repeats))")
    let counts = byCategory.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    print("matches: \(result.matches.count) \(counts.isEmpty ? "" : "(\(counts))")")
    if let g = generated {
        print("inserted: \(groundTruthSummary(g))")
        for s in scores {
            print("recall \(s.category): \(s.found)/\(s.expected) = \(fmt(s.recall * 100, 2)) %"
                + " (exact span \(s.exact)), matches outside inserted items: \(s.extra)")
            if !s.missedByForm.isEmpty {
                let missed = s.missedByForm.sorted { $0.value > $1.value }.map { "\($0.key) ×\($0.value)" }
                print("  missed \(s.category) by form: " + missed.joined(separator: ", "))
            }
        }
    }
}
