import Foundation
import Testing
@testable import PDPCheck

/// Contact and location detectors (phone, e-mail, licence plate, precise location) and the
/// digit folding of the shared digit-run pass.
@Suite("Contact detectors")
struct ContactDetectorTests {
    static let detectors: [any TextDetector] = [
        PhoneNumberDetector(), EmailAddressDetector(), LicensePlateDetector(), PreciseLocationDetector(), MapLinkDetector(),
    ]

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

    static func found(_ detector: any TextDetector, _ text: String) -> [TextMatch] {
        TestSupport.detect(detector, in: text).filter { $0.confidence >= 0.5 }
    }

    @Test("NFC and NFD give the same findings on every example", arguments: detectors.map { DetectorBox($0) })
    func nfcNfd(_ box: DetectorBox) {
        let d = box.detector
        for example in d.description.triggeringExamples + d.description.nonTriggeringExamples {
            let text = TestSupport.parseMarkedExample(example.text).text
            func summary(_ s: String) -> [String] {
                let bytes = Array(s.utf8)
                return Self.found(d, s).map { "\($0.ruleId):" + String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
            }
            #expect(summary(text.precomposedStringWithCanonicalMapping) == summary(text.decomposedStringWithCanonicalMapping),
                    "\(text)")
        }
    }

    struct DetectorBox: CustomTestStringConvertible, Sendable {
        let detector: any TextDetector
        init(_ d: any TextDetector) { detector = d }
        var testDescription: String { detector.description.id }
    }

    // MARK: the engine

    static let engine = TextDetectionEngine(detectors: [PhoneNumberDetector(), NationalIDDetector()] + detectors)

    @Test("in an engine with the number detectors, each example keeps its spans", arguments: triggering)
    func engineAgrees(_ c: Case) {
        let (text, spans) = TestSupport.parseMarkedExample(c.example.text)
        let found = Self.engine.detect(in: Array(text.utf8))
            .filter { $0.category == c.detector.description.category && $0.confidence >= 0.5 }
        #expect(found.map { $0.start..<$0.end } == spans, "in: \(text)")
    }

    // MARK: digit folding in the shared pass

    static func runs(_ s: String) -> [NumberRun] {
        var out: [NumberRun] = []
        Array(s.utf8).withUnsafeBufferPointer { buffer in NumberRunScanner.scan(buffer) { out.append($0) } }
        return out
    }

    static func digits(_ run: NumberRun) -> String { run.digits.map(String.init).joined() }

    /// The source text of each digit of `run`.
    static func sources(_ run: NumberRun, in s: String) -> [String] {
        let bytes = Array(s.utf8)
        return zip(run.digitStart, run.digitEnd).map { String(decoding: bytes[$0..<$1], as: UTF8.self) }
    }

    @Test("folded digits keep their exact source bytes")
    func foldedDigitRanges() throws {
        let fullWidth = "Gọi ０９０５ １２３ ４５６ nhé"
        let run = try #require(Self.runs(fullWidth).first)
        #expect(Self.digits(run) == "0905123456")
        #expect(run.folding == .fullWidth)
        #expect(Self.sources(run, in: fullWidth) == ["０", "９", "０", "５", "１", "２", "３", "４", "５", "６"])

        let keycaps = "0️⃣9️⃣0⃣5⃣"
        let k = try #require(Self.runs(keycaps).first)
        #expect(Self.digits(k) == "0905")
        #expect(k.folding == .keycap)
        #expect(Self.sources(k, in: keycaps) == ["0️⃣", "9️⃣", "0⃣", "5⃣"])
        #expect(k.end == Array(keycaps.utf8).count)

        let letters = "SĐT: O9O5.l23.456"
        let l = try #require(Self.runs(letters).first)
        #expect(Self.digits(l) == "0905123456")
        #expect(l.folding == .letters)
        #expect(Self.sources(l, in: letters) == ["O", "9", "O", "5", "l", "2", "3", "4", "5", "6"])
        #expect(l.letterDigits == [0, 2, 4])
        #expect(l.isFolded(0) && !l.isFolded(1) && l.isFolded(4))

        let spelled = "Gọi không chín, không năm - một hai ba bốn năm sáu nha"
        let sp = try #require(Self.runs(spelled).first)
        #expect(Self.digits(sp) == "0905123456")
        #expect(sp.folding == .spelled)
        #expect(Self.sources(sp, in: spelled) == ["không", "chín", "không", "năm", "một", "hai", "ba", "bốn", "năm", "sáu"])
    }

    @Test("letters stay letters unless they make a phone number")
    func lettersOnlyInPhoneNumbers() {
        for s in ["lo 0905", "I love 1990s", "lo0905123456", "Hello0905123456", "CCCD O79203004567", "Model lO2O",
                  "0905123456lo", "10l nước", "O12345678901", "STK O123456789"] {
            #expect(Self.runs(s).allSatisfy { $0.folding.isEmpty }, "\(s)")
        }
        // The number itself is unchanged by letters around it.
        #expect(Self.runs("lo 0905 123 456").map(Self.digits) == ["0905123456"])
        #expect(Self.runs("I love 0905123456").map(Self.digits) == ["0905123456"])
        // No ID from letter-digits: a CCCD written with O is read without the O.
        let id = NationalIDDetector()
        #expect(TestSupport.detect(id, in: "CCCD O79203004567").filter { $0.confidence >= 0.5 }.isEmpty)
        #expect(TestSupport.detect(id, in: "CCCD 079203004567").count == 1)
    }

    @Test("runs come in text order, spelled ones among the others")
    func textOrder() {
        let s = "0905 123 456, không chín một hai ba bốn năm sáu bảy, +84 912 345 678, khong chin mot hai ba bon nam sau bay tam"
        let starts = Self.runs(s).map(\.start)
        #expect(starts == starts.sorted())
        #expect(Self.runs(s).map(\.folding) == [[], .spelled, [], .spelled])
    }

    @Test("spelled digits: only the digits' own diacritics or none, NFC or NFD, any case")
    func spelledWords() {
        func spelled(_ s: String) -> [String] { Self.runs(s).filter { $0.folding == .spelled }.map(Self.digits) }
        #expect(spelled("không chín một hai ba bốn năm sáu bảy") == ["091234567"])
        #expect(spelled("KHÔNG CHÍN MỘT HAI BA BỐN NĂM SÁU BẢY") == ["091234567"])
        #expect(spelled("không chín một hai ba bốn năm sáu bảy".decomposedStringWithCanonicalMapping) == ["091234567"])
        #expect(spelled("hông chín mốt hai ba tư lăm sáu bẩy tám") == ["0912345678"])
        #expect(spelled("làm chín một hai ba bốn năm sáu bảy").isEmpty, "làm is not lăm; 8 digits remain")
        #expect(spelled("từ từ từ từ từ từ từ từ từ từ").isEmpty, "từ is not tư")
        #expect(spelled("không chín một hai ba bốn năm sáu").isEmpty, "8 digits")
        #expect(spelled("không.chín.một.hai.ba.bốn.năm.sáu.bảy") == ["091234567"])
    }

    @Test("every spelled run is found wherever it sits (the probe stride never skips one)")
    func spelledProbesCoverEveryOffset() {
        let filler = "Nhà mình ở gần chợ, ai cần thì nhắn nhé. "
        let numbers = ["ba ba ba ba ba ba ba ba ba", "không chín không năm một hai ba bốn năm sáu",
                       "tu,tu,tu,tu,tu,tu,tu,tu,tu", "KHÔNG - CHÍN - BẨY"]
        for number in numbers {
            for form in [number, number.decomposedStringWithCanonicalMapping] {
                for pad in 0..<40 {
                    let text = String(filler.prefix(pad)) + " " + form + " " + filler
                    let found = Self.runs(text).filter { $0.folding == .spelled }
                    if number.hasPrefix("KHÔNG - CHÍN") {
                        #expect(found.isEmpty, "3 digits")
                    } else {
                        #expect(found.count == 1, "pad \(pad): \(text)")
                    }
                }
            }
        }
    }

    @Test("hostile text: folded forms, long spelled runs and truncated sequences stay bounded")
    func hostile() {
        var samples: [[UInt8]] = [
            Array(String(repeating: "ba ", count: 20_000).utf8),
            Array(String(repeating: "0️⃣", count: 5_000).utf8),
            Array(String(repeating: "０", count: 20_000).utf8),
            Array(String(repeating: "O0", count: 20_000).utf8),
            Array(String(repeating: "l1 ", count: 20_000).utf8),
            Array(String(repeating: "@a.b", count: 10_000).utf8),
            Array(String(repeating: "(at)", count: 10_000).utf8),
            Array(String(repeating: "30A-", count: 10_000).utf8),
            Array(String(repeating: "10.7769, ", count: 10_000).utf8),
            Array(String(repeating: "https://maps.app.goo.gl/", count: 2_000).utf8),
            [0xEF], [0xEF, 0xBC], [0x30, 0xEF, 0xB8], [0x30, 0xE2, 0x83], [0xC2], [0xCC], [0x6B, 0x68, 0xC3],
        ]
        var rng = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("0912 .-,()+@/°'\"NEOolIabkhmnt".utf8) + [0xEF, 0xBC, 0x90, 0xE2, 0x83, 0xA3, 0xC3, 0xB4, 0xCC, 0x82, 0xC2, 0xB0]
        for _ in 0..<300 {
            samples.append((0..<Int.random(in: 0..<400, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? 0x20 })
        }
        for sample in samples {
            let matches = Self.engine.detect(in: sample)
            #expect(matches.allSatisfy { $0.start >= 0 && $0.start < $0.end && $0.end <= sample.count })
            sample.withUnsafeBufferPointer { buffer in
                NumberRunScanner.scan(buffer) { run in
                    #expect(run.digits.count == run.digitStart.count && run.digits.count == run.digitEnd.count)
                    #expect(zip(run.digitStart, run.digitEnd).allSatisfy { $0 < $1 && $1 <= buffer.count })
                }
            }
        }
    }
}

