import Foundation
import Testing
@testable import PDPCheck

/// The shared passes that every finding is built on, rewritten for speed (issue #3), against
/// their previous implementations kept under Reference/: the keyword hits and the digit runs
/// must be the same, item for item, field for field and in the same order, so no detector
/// (and no finding) can tell the difference. Texts: every corpus draft and held-out post
/// (compared only for equality, nothing is tuned on them) and a few MB of random mixes of
/// the things the passes care about (digits in every written form, separators, Vietnamese
/// words NFC and NFD, spelled digits, emoji, malformed bytes).
///
/// When the reference must change (a deliberate change of what a pass reports), update the
/// Reference/ copy in the same commit as the pass.
@Suite("Shared pass equality")
struct SharedPassEqualityTests {
    static func corpusTexts() throws -> [(name: String, bytes: [UInt8])] {
        var texts: [(String, [UInt8])] = []
        for folder in ["drafts", "heldout"] {
            let dir = TestSupport.corpus.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
            for name in names {
                let data = try Data(contentsOf: dir.appendingPathComponent(name))
                texts.append(("\(folder)/\(name)", [UInt8](data)))
            }
        }
        return texts
    }

    static let pieces: [[UInt8]] = {
        let words = ["Anh", "chị", "Lan", "bị", "ung", "thư", "bệnh", "viện", "SĐT", "sđt", "Zalo", "STK", "CCCD", "số",
                     "nhà", "đường", "Quận", "phường", "bé", "Na", "tuổi", "lớp", "3A", "trường", "sinh", "ngày",
                     "không", "khong", "một", "hai", "ba", "bốn", "năm", "lăm", "sáu", "bảy", "tám", "chín", "Chín",
                     "KHÔNG", "tư", "mốt", "hông", "biển", "xe", "BKS", "tọa", "độ", "GPS", "mật", "khẩu", "OTP",
                     "người", "Nguyễn", "Văn", "Tuấn", "Ôn", "Ông", "lo", "I", "O", "o", "l", "love", "gmail", "com",
                     "ĐT", "Đà", "Nẵng", "HN", "TP", "HCM", "mã", "hạng", "A1", "B2", "30A", "29-B1", "51LD", "N", "E"]
        let nfd = ["Thư", "Bệnh", "Nhà", "Chị", "không", "một", "bốn", "năm", "sáu", "bảy", "tám", "chín", "người"]
            .map { $0.decomposedStringWithCanonicalMapping }
        let numbers = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "09", "0905", "123", "456", "84", "028",
                       "3823", "4567", "12345", "079", "2024", "10.7769", "106.7009", "21°", "46'", "37\"",
                       "0️⃣", "9️⃣", "5⃣", "０", "９", "０９０５", "＋", "．", "－", "\u{3000}", "\u{A0}", "1.250.000",
                       "7P28QPG4+QR", "+84", "(+84)", "(028)", "°N", "º", "″", "′"]
        let glue = [" ", " ", " ", "  ", ".", "-", " - ", " . ", ",", ", ", ";", ":", "(", ")", "+", "/", "@", "_",
                    "\n", "\n\n", "!", "?", "…", "“", "”", "🎉", "📞", "➡️", "🇻🇳", "https://", "www.", "zalo.me/",
                    "maps.app.goo.gl/xYz", "google.com/maps/@10.77,106.70,15z", "maps.google.com/?q=21.02,105.85",
                    "openstreetmap.org/?mlat=10.7", "goo.gl/maps/ab", "ten@gmail.com", "(at)", "[dot]"]
        var all = (words + nfd + numbers + glue).map { Array($0.utf8) }
        all += [[0xC3], [0xE1, 0xBA], [0x80], [0xBF], [0xFF], [0xF0, 0x9F], [0xEF], [0xEF, 0xBC], [0xE2, 0x83],
                [0xCC, 0x81], [0xCC, 0x9B]]
        return all
    }()

    /// `bytes` of random mixes, digits and separators weighted up so runs of every shape occur.
    static func randomText(seed: UInt64, bytes: Int) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        var text: [UInt8] = []
        text.reserveCapacity(bytes + 64)
        let pieces = Self.pieces
        while text.count < bytes {
            let r = rng.next()
            switch r % 8 {
            case 0, 1:
                // A number: digit groups with one separator kind, sometimes a letter-digit.
                let groups = 1 + Int(r >> 8 % 5)
                let separators: [[UInt8]] = [[0x20], [0x2E], [0x2D], [0x20, 0x2D, 0x20], [0xC2, 0xA0], [0xE3, 0x80, 0x80]]
                let sep = separators[Int(r >> 16) % separators.count]
                for g in 0..<groups {
                    if g > 0 { text += sep }
                    for _ in 0..<(1 + Int(rng.next() % 5)) {
                        let d = rng.next() % 23
                        text.append(d < 10 ? 0x30 + UInt8(d) : (d < 20 ? 0x30 + UInt8(d - 10) : Array("OlI".utf8)[Int(d - 20)]))
                    }
                }
            default:
                text += pieces[Int(r >> 8 % UInt64(pieces.count))]
            }
            if rng.next() % 3 != 0 { text.append(0x20) }
        }
        return text
    }

    static func randomTexts() -> [(name: String, bytes: [UInt8])] {
        // Runs far longer than the scanner's first buffers (they must grow), with letter-digits.
        let long = Array((String(repeating: "0905 ", count: 3_000) + "end " + String(repeating: "1O", count: 2_000)
                          + " " + String(repeating: "12.", count: 5_000) + "3").utf8)
        return (0..<6).map { ("random \($0)", randomText(seed: 0xC0FFEE &+ UInt64($0), bytes: 400_000)) }
            + [("long runs", long)]
    }

    struct Hit: Equatable, CustomStringConvertible {
        var entry: Int, start: Int, end: Int
        var description: String { "\(entry)@\(start)..<\(end)" }
    }

    @Test("keyword hits are those of the previous matcher, in the same order")
    func keywordHits() throws {
        let lexicon = TopicLexicon.shared
        let reference = FoldedKeywordMatcherReference(keywords: lexicon.entries.map(\.keyword))
        for (name, bytes) in try Self.corpusTexts() + Self.randomTexts() {
            let (got, expected) = bytes.withUnsafeBufferPointer { buffer in
                (lexicon.matcher.hits(in: buffer).map { Hit(entry: $0.entry, start: $0.start, end: $0.end) },
                 reference.hits(in: buffer).map { Hit(entry: $0.entry, start: $0.start, end: $0.end) })
            }
            #expect(got == expected, "\(name)")
            if got != expected { return }
        }
    }

    @Test("a lexicon too large for 16-bit states uses the 32-bit table, with the same hits")
    func wideTable() {
        var rng = SplitMix64(seed: 99)
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var keywords: [String] = []
        for _ in 0..<9_000 {
            var word: [UInt8] = []
            for k in 0..<(6 + Int(rng.next() % 6)) {
                if k > 0 && rng.next() % 5 == 0 { word.append(0x20) }
                word.append(letters[Int(rng.next() % UInt64(letters.count))])
            }
            keywords.append(String(decoding: word, as: UTF8.self))
        }
        keywords += ["anh", "chi lan", "ung thu", "0905"]
        let matcher = FoldedKeywordMatcher(keywords: keywords)
        #expect(matcher.stateCount > Int(UInt16.max) + 1)
        let reference = FoldedKeywordMatcherReference(keywords: keywords)
        // Text made of keyword pieces so deep states are reached.
        var text: [UInt8] = []
        while text.count < 200_000 {
            let k = keywords[Int(rng.next() % UInt64(keywords.count))]
            let piece = Array(k.utf8)
            text += rng.next() % 4 == 0 ? Array(piece.prefix(Int(rng.next() % UInt64(piece.count + 1)))) : piece
            text += rng.next() % 7 == 0 ? Array("Ư ".utf8) : [0x20]
        }
        text += Self.randomText(seed: 5, bytes: 50_000)
        let (got, expected) = text.withUnsafeBufferPointer { buffer in
            (matcher.hits(in: buffer).map { Hit(entry: $0.entry, start: $0.start, end: $0.end) },
             reference.hits(in: buffer).map { Hit(entry: $0.entry, start: $0.start, end: $0.end) })
        }
        #expect(got.count > 1_000)
        #expect(got == expected)
    }

    /// Every field a detector can read.
    struct RunImage: Equatable {
        var start: Int, end: Int
        var digits: [UInt8], digitStart: [Int], digitEnd: [Int], groupStart: [Int], separator: [UInt8]
        var hasPlus: Bool, parenthesizedFirstGroup: Bool, leadPosition: Int?
        var gluedBefore: Bool, gluedAfter: Bool, folding: UInt8, letterDigits: [Int]

        init(_ r: NumberRun) {
            start = r.start; end = r.end
            digits = r.digits; digitStart = r.digitStart; digitEnd = r.digitEnd
            groupStart = r.groupStart; separator = r.separator
            hasPlus = r.hasPlus; parenthesizedFirstGroup = r.parenthesizedFirstGroup; leadPosition = r.leadPosition
            gluedBefore = r.gluedBefore; gluedAfter = r.gluedAfter; folding = r.folding.rawValue
            letterDigits = r.letterDigits
        }
    }

    static func runs(_ bytes: [UInt8], reference: Bool) -> [RunImage] {
        var out: [RunImage] = []
        bytes.withUnsafeBufferPointer { buffer in
            if reference {
                NumberRunScannerReference.scan(buffer) { out.append(RunImage($0)) }
            } else {
                NumberRunScanner.scan(buffer) { out.append(RunImage($0)) }
            }
        }
        return out
    }

    @Test("digit runs are those of the previous scanner, field for field")
    func numberRuns() throws {
        var total = 0
        for (name, bytes) in try Self.corpusTexts() + Self.randomTexts() {
            let got = Self.runs(bytes, reference: false)
            let expected = Self.runs(bytes, reference: true)
            total += got.count
            #expect(got.count == expected.count, "\(name)")
            if let k = (0..<min(got.count, expected.count)).first(where: { got[$0] != expected[$0] }) {
                Issue.record("\(name): run \(k) differs: \(got[k]) vs \(expected[k])")
                return
            }
        }
        #expect(total > 10_000)
    }

    @Test("the candidate search finds exactly the bytes that may start a run, at every alignment")
    func candidateSearch() {
        var rng = SplitMix64(seed: 3)
        let interesting: [UInt8] = [0x2F, 0x30, 0x39, 0x3A, 0x2B, 0x28, 0x29, 0xEF, 0xEE, 0xB0, 0xAF, 0x6F, 0xFF, 0x00, 0x80]
        for _ in 0..<300 {
            let count = Int(rng.next() % 40)
            let text: [UInt8] = (0..<count).map { _ in
                rng.next() % 3 == 0 ? interesting[Int(rng.next() % UInt64(interesting.count))] : UInt8(truncatingIfNeeded: rng.next())
            }
            text.withUnsafeBufferPointer { buffer in
                for from in 0...count {
                    let expected = (from..<count).first { NumberRunScanner.startsRun[Int(text[$0])] } ?? count
                    #expect(NumberRunScanner.nextCandidate(buffer, from: from) == expected)
                }
            }
        }
    }

    @Test("detectors changed for speed find what they found before")
    func detectors() throws {
        let pairs: [(any TextDetector, any TextDetector)] = [
            (NationalIDDetector(), NationalIDDetectorReference()),
            (MapLinkDetector(), MapLinkDetectorReference()),
        ]
        var total = 0
        for (name, bytes) in try Self.corpusTexts() + Self.randomTexts() {
            for (new, old) in pairs {
                var got: [TextMatch] = []
                var expected: [TextMatch] = []
                bytes.withUnsafeBufferPointer { buffer in
                    new.detect(in: buffer, into: &got)
                    old.detect(in: buffer, into: &expected)
                }
                total += got.count
                #expect(got == expected, "\(new.description.id) on \(name)")
            }
        }
        #expect(total > 100)
    }

    @Test("sentence and line bounds are those of the previous helpers, at every offset")
    func sentenceAndLineBounds() throws {
        // Long lines without punctuation reach the radius; emoji, NFD marks and malformed bytes
        // sit on its edge.
        let unbroken = Array((String(repeating: "Chị Lan bị ung thư ", count: 60) + "🙏 xong. "
                              + String(repeating: "nha\u{0300} ", count: 200)).utf8)
        var compared = 0
        for (name, bytes) in try Self.corpusTexts().prefix(60) + Self.randomTexts().prefix(1) + [("unbroken", unbroken)] {
            bytes.withUnsafeBufferPointer { text in
                var offset = 0
                while offset <= text.count {
                    let sentence = RelationalText.sentence(around: offset, in: text)
                    let line = RelationalText.line(around: offset, in: text)
                    if sentence != RelationalTextReference.sentence(around: offset, in: text)
                        || line != RelationalTextReference.line(around: offset, in: text) {
                        Issue.record("\(name) at \(offset)")
                        return
                    }
                    compared += 1
                    offset += 1 + offset % 11
                }
            }
        }
        #expect(compared > 30_000)
    }

    @Test("the engine finds the same on the corpus whatever the order texts are scanned in")
    func engineIsStateless() throws {
        // The passes keep scratch state per scan; nothing may leak from one text to the next.
        let texts = try Self.corpusTexts().prefix(40).map(\.bytes)
        let engine = TextDetectionEngine.standard
        let forward = texts.map { engine.detect(in: $0) }
        let backward = texts.reversed().map { engine.detect(in: $0) }.reversed()
        #expect(Array(forward) == Array(backward))
    }
}
