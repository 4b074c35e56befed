import Foundation
import Testing
@testable import PDPCheck

/// Every document, PDF, archive, e-mail, HTML and subtitle fixture, cut short at ~200 offsets
/// and damaged ~200 times (seeded, so a failure names a reproducible run), through the real
/// Scanner: every run ends with a per-file status (scanned, or an error / skip with its reason),
/// quickly, without a crash. Reader-level hostile inputs are tested per format and fuzzed
/// (Fuzz/run.sh); this checks the whole path a stranger's file takes, sniffing included.
@Suite("Documents: truncated and damaged through the scanner")
struct DocumentRobustnessTests {
    static let extensions: Set<String> = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "eml", "html", "htm",
                                          "srt", "vtt", "zip", "cbz"]

    /// Corpus/documents and Corpus/archives, relative to Corpus/.
    static let fixtures: [String] = {
        var paths: [String] = []
        for folder in ["documents", "archives"] {
            let root = TestSupport.corpus.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: root.path) else { continue }
            while let name = walker.nextObject() as? String {
                if extensions.contains((name as NSString).pathExtension.lowercased()) { paths.append(folder + "/" + name) }
            }
        }
        return paths.sorted()
    }()

    /// Tighter than the defaults so that 400 damaged copies of a zip bomb stay cheap; the
    /// default limits are tested on the hostile archives as they are (HostileArchiveEndToEndTests).
    /// pdftotext is off: one process per damaged PDF would be most of the time, and poppler's
    /// robustness is poppler's.
    static let scanner: PDPCheck.Scanner = {
        var limits = ArchiveLimits()
        limits.maxTotalExpandedBytes = 4 << 20
        limits.maxMemberBytes = 2 << 20
        limits.readsPDFPageText = false
        return Scanner(options: ScanOptions(jobs: 1, archiveLimits: limits))
    }()

    static let runsPerKind = 200
    /// Fixtures whose every scan opens thousands of archives or members (the 42.zip-style
    /// nested bomb: 4,369 archives; 20,000 members) get `fewRuns`: at full count they alone
    /// would take minutes in a debug build, and HostileArchiveEndToEndTests scans them whole.
    static let expensive: Set<String> = ["archives/hostile/bomb-nested.zip", "archives/hostile/many-members-wrapped.zip"]
    static let fewRuns = 10

    /// Text formats are damaged with characters that keep them text (markup, MIME and
    /// subtitle punctuation, UTF-8 lead bytes): random bytes would only make them binary, which
    /// the sniffer turns away before any reader runs.
    static let textExtensions: Set<String> = ["eml", "html", "htm", "srt", "vtt"]
    static let textAlphabet: [UInt8] = Array("<>/&;#=\"':-_.,@?% \t\r\n0123456789abcdefxyzABCQ!-[]".utf8)
        + [0xC3, 0xA1, 0xE1, 0xBB, 0x91, 0xC6, 0xB0]
    /// CPU seconds one damaged file may take in a debug build (the slowest measured is ~10× less).
    static let maxSecondsPerRun = 2.0

    struct Tally {
        var runs = 0
        var scanned = 0
        var failed = 0
        var slowest = 0.0
        var seconds = 0.0
        var codes: [String: Int] = [:]
        var problems: [String] = []

        var summary: String {
            let reasons = codes.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            return "\(runs) runs: \(scanned) scanned, \(failed) not (\(reasons)); \(String(format: "%.2f", seconds)) s CPU, slowest \(String(format: "%.3f", slowest)) s"
        }
    }

    static func scan(_ bytes: [UInt8], label: String, into tally: inout Tally) {
        var report: FileReport?
        let seconds = TestSupport.cpuSeconds {
            report = scanner.scanItem(InputItem(displayPath: label, source: .bytes(bytes)))
        }
        tally.runs += 1
        tally.slowest = max(tally.slowest, seconds)
        tally.seconds += seconds
        guard let report else { tally.problems.append("\(label): no report"); return }
        switch report.status {
        case .scanned: tally.scanned += 1
        case .error, .skipped:
            tally.failed += 1
            tally.codes[report.error?.code ?? "none", default: 0] += 1
            if report.error == nil { tally.problems.append("\(label): \(report.status) without a reason") }
        }
        if seconds > maxSecondsPerRun { tally.problems.append("\(label): \(String(format: "%.2f", seconds)) s of CPU") }
        if report.notes.count > ContentScanner.maxNotes + 1 { tally.problems.append("\(label): \(report.notes.count) notes") }
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: TestSupport.corpus.appendingPathComponent(path)))
    }

    @Test func fixturesAreFound() {
        #expect(Self.fixtures.count >= 40, "\(Self.fixtures)")
        #expect(Self.fixtures.contains("archives/ho-so-ung-tuyen.zip"))
    }

    /// One byte that is not UTF-8 makes a page or a message fail the sniffer's text check;
    /// libmagic still names it, and it is read (the byte becomes U+FFFD), not skipped.
    @Test(arguments: ["documents/html/draft-utf8.html", "documents/email/plain-utf8.eml"])
    func strayByteIsStillRead(_ path: String) throws {
        var bytes = try Self.bytes(path)
        let clean = Self.scanner.scanItem(InputItem(displayPath: path, source: .bytes(bytes)))
        bytes[bytes.count / 3] = 0xFF
        let damaged = Self.scanner.scanItem(InputItem(displayPath: path, source: .bytes(bytes)))
        #expect(damaged.status == .scanned, "\(String(describing: damaged.error))")
        #expect(damaged.findings.count >= clean.findings.count - 1 && clean.findings.count > 2,
                "\(path): \(damaged.findings.count) findings damaged, \(clean.findings.count) intact")
    }

    /// The file cut at ~200 offsets spread over its length (every offset for small files).
    static func runs(_ path: String) -> Int { expensive.contains(path) ? fewRuns : runsPerKind }

    @Test(arguments: fixtures)
    func truncated(_ path: String) throws {
        let bytes = try Self.bytes(path)
        var tally = Tally()
        let step = max(1, bytes.count / Self.runs(path))
        for cut in stride(from: 0, to: bytes.count, by: step) {
            Self.scan(Array(bytes[..<cut]), label: "\(path) cut at \(cut)", into: &tally)
        }
        print("document robustness: \(path) truncated, \(tally.summary)")
        #expect(tally.problems.isEmpty, "\(tally.problems.prefix(5))")
    }

    /// The file with random damage: bytes overwritten, 32-bit fields set to extremes (sizes,
    /// offsets, counts), a stretch deleted or repeated. Run `n` of file `i` uses seed i·1000+n.
    @Test(arguments: fixtures)
    func mutated(_ path: String) throws {
        let bytes = try Self.bytes(path)
        guard !bytes.isEmpty, let index = Self.fixtures.firstIndex(of: path) else { return }
        var tally = Tally()
        let text = Self.textExtensions.contains((path as NSString).pathExtension.lowercased())
        for run in 0..<Self.runs(path) {
            var rng = MediaContainerRandom(seed: UInt64(index * 1000 + run))
            let data = Self.mutate(bytes, &rng, alphabet: text ? Self.textAlphabet : nil)
            Self.scan(data, label: "\(path) mutation \(run) (seed \(index * 1000 + run))", into: &tally)
        }
        print("document robustness: \(path) mutated, \(tally.summary)")
        #expect(tally.problems.isEmpty, "\(tally.problems.prefix(5))")
    }

    static let extremes: [[UInt8]] = [[0xFF, 0xFF, 0xFF, 0xFF], [0, 0, 0, 0], [0x7F, 0xFF, 0xFF, 0xFF], [0xFF, 0xFF, 0, 0],
                                      [0, 0, 0, 0x80], [0x50, 0x4B, 0x03, 0x04], [0x3C, 0x3C, 0x3C, 0x3C]]

    /// `alphabet`: the bytes written (nil: any byte, and 32-bit extremes).
    static func mutate(_ original: [UInt8], _ rng: inout MediaContainerRandom, alphabet: [UInt8]? = nil) -> [UInt8] {
        var data = original
        func position() -> Int { Int(rng.next() % UInt64(max(1, data.count))) }
        func byte() -> UInt8 {
            guard let alphabet else { return UInt8(truncatingIfNeeded: rng.next()) }
            return alphabet[Int(rng.next() % UInt64(alphabet.count))]
        }
        let edits = 1 + Int(rng.next() % 4)
        for _ in 0..<edits where !data.isEmpty {
            switch rng.next() % 5 {
            case 0, 1:
                for _ in 0..<(1 + Int(rng.next() % 8)) { data[position()] = byte() }
            case 2:
                let at = position()
                let value = alphabet == nil ? extremes[Int(rng.next() % UInt64(extremes.count))] : [byte(), byte(), byte(), byte()]
                data.replaceSubrange(at..<min(data.count, at + 4), with: value.prefix(data.count - at))
            case 3:
                let at = position()
                data.removeSubrange(at..<min(data.count, at + 1 + Int(rng.next() % 256)))
            default:
                let at = position()
                let chunk = data[at..<min(data.count, at + 1 + Int(rng.next() % 256))]
                data.insert(contentsOf: Array(chunk), at: position())
            }
        }
        return data
    }
}
