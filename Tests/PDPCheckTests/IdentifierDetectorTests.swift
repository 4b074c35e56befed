import Foundation
import Testing
@testable import PDPCheck

/// The identifier detectors: tax codes, insurance numbers, bank accounts, payment cards,
/// passports and driver's licences, alone and together with the phone and ID detectors.
@Suite("Identifier detectors")
struct IdentifierDetectorTests {
    static let detectors: [any TextDetector] = [
        TaxCodeDetector(), InsuranceNumberDetector(), BankAccountDetector(), PaymentCardDetector(),
        PassportNumberDetector(), DriverLicenseDetector(),
    ]

    /// The engine as the lead is expected to register it: phone and ID first, then these.
    static let engine = TextDetectionEngine(detectors: [PhoneNumberDetector(), NationalIDDetector()] + detectors)

    static let minimumConfidence = Policy.builtinDefault.minimumConfidence

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

    static func reported(_ detector: any TextDetector, _ text: String) -> [TextMatch] {
        TestSupport.detect(detector, in: text).filter { $0.confidence >= minimumConfidence }
    }

    static func engineReported(_ text: String) -> [TextMatch] {
        engine.detect(in: Array(text.utf8)).filter { $0.confidence >= minimumConfidence }
    }

    @Test("with the phone and ID detectors, each example keeps its category and span", arguments: triggering)
    func engineKeepsExample(_ c: Case) {
        let (text, spans) = TestSupport.parseMarkedExample(c.example.text)
        let found = Self.engineReported(text).filter { $0.category == c.detector.description.category }
        #expect(found.map { $0.start..<$0.end } == spans, "in: \(text)")
    }

    @Test("the phone and ID detectors' own examples survive the new detectors and keywords")
    func phoneAndIDExamplesSurvive() {
        for d in [PhoneNumberDetector(), NationalIDDetector()] as [any TextDetector] {
            for example in d.description.triggeringExamples {
                let (text, spans) = TestSupport.parseMarkedExample(example.text)
                let alone = Self.reported(d, text)
                #expect(alone.map { $0.start..<$0.end } == spans, "alone, in: \(text)")
                let together = Self.engineReported(text).filter { $0.category == d.description.category }
                #expect(together.map { $0.start..<$0.end } == spans, "with the others, in: \(text)")
            }
            for example in d.description.nonTriggeringExamples {
                #expect(Self.reported(d, example.text).isEmpty, "in: \(example.text)")
            }
        }
    }

    @Test("who wins a contested number", arguments: [
        ("STK 0905123456", Category.bankAccount),
        ("STK: 0905 123 456 (MB Bank)", .bankAccount),
        ("0905123456 Vietcombank", .bankAccount),
        ("Gọi 0905123456 nhé", .phoneNumber),
        ("0905123456", .phoneNumber),
        ("0312345673", .phoneNumber),
        ("MST: 0312345673", .taxCode),
        ("Mã số thuế 0905123456", .taxCode),
        ("BHXH 0905123456", .insuranceNumber),
        ("GPLX 079203004567", .driverLicense),
        ("CCCD 079203004567", .nationalID),
        ("079203004567", .nationalID),
        ("STK 079203004567 Vietcombank", .bankAccount),
        ("Số thẻ 4123 4567 8901 2349", .paymentCard),
        ("STK 4123456789012349", .paymentCard),
        ("HS4010120878811", .insuranceNumber),
        ("Hộ chiếu B1234567", .passportNumber),
        ("0314409058-002", .taxCode),
        ("Số tài khoản 0011001234567", .bankAccount),
        ("84310073550 – MB Bank", .bankAccount),
    ])
    func contested(_ text: String, _ expected: Category) {
        let found = Self.engineReported(text)
        #expect(found.map(\.category) == [expected], "in: \(text): \(found)")
    }

    /// An e-wallet's number is its owner's phone number (Corpus/README.md: MoMo is both).
    @Test("an e-wallet number is a phone number and an account", arguments: [
        "MoMo 0905123456", "Ví MoMo của chị Hạnh: 0938 214 506", "STK | Ngân hàng\n0981 522 764 | MoMo",
    ])
    func wallet(_ text: String) {
        let found = Self.engineReported(text)
        #expect(Set(found.map(\.category)) == [.phoneNumber, .bankAccount], "in: \(text): \(found)")
        #expect(Set(found.map(\.start)).count == 1, "one span: \(found)")
    }

    @Test("hard negatives stay quiet for all the new detectors", arguments: [
        "Giá 1.250.000đ, còn 2.500.000 VNĐ",
        "Chuyển khoản 1.250.000đ cho shop nhé",
        "Ngày 12/05/2024 lúc 19:30, hạn 2024-05-12",
        "Mã đơn DH2024113012345",
        "Mã vận đơn 840123456789",
        "ISBN 978-604-1-12345-6 và 978-0-306-40615-7",
        "Mã SP 8935049501234",
        "Hóa đơn số 0000123456",
        "Số 4123 4567 8901 2345 không phải thẻ",
        "Tổng đài 1900 6868 hoặc 1800 1091",
        "Model XR12345678",
        "CK 15.000.000 tiền cọc",
        "Dân số 98.765.432 người",
        "IMEI 356938035643809",
        "Serial B1234567",
    ])
    func hardNegatives(_ text: String) {
        for d in Self.detectors {
            let found = Self.reported(d, text)
            #expect(found.isEmpty, "\(d.description.id) in: \(text): \(found)")
        }
    }

    @Test("NFC and NFD text give the same findings", arguments: triggering)
    func nfcNfd(_ c: Case) {
        let (text, _) = TestSupport.parseMarkedExample(c.example.text)
        let nfd = text.decomposedStringWithCanonicalMapping
        let nfc = text.precomposedStringWithCanonicalMapping
        func summary(_ s: String) -> [String] {
            let bytes = Array(s.utf8)
            return TestSupport.detect(c.detector, in: s).map {
                "\($0.ruleId) \($0.confidence) " + String(decoding: bytes[$0.start..<$0.end], as: UTF8.self)
                    .precomposedStringWithCanonicalMapping
            }
        }
        #expect(summary(nfd) == summary(nfc), "in: \(text)")
        // Without diacritics too, for examples that have any.
        let plain = nfc.folding(options: .diacriticInsensitive, locale: nil).replacingOccurrences(of: "đ", with: "d")
            .replacingOccurrences(of: "Đ", with: "D")
        #expect(Self.reported(c.detector, plain).count == Self.reported(c.detector, nfc).count, "in: \(plain)")
    }

    @Test("checksums: MST, Luhn, MRZ")
    func checksums() {
        func digits(_ s: String) -> ArraySlice<UInt8> { ArraySlice(s.compactMap { $0.wholeNumberValue.map(UInt8.init) }) }
        #expect(TaxCodeDetector.isValidMST(digits("0100233488")))
        #expect(!TaxCodeDetector.isValidMST(digits("0100233480")))
        #expect(TaxCodeDetector.isValidMST(digits("0314409058")))
        #expect(!TaxCodeDetector.isValidMST(digits("0100000003")), "digits 3–9 all zero")
        #expect(!TaxCodeDetector.isValidMST(digits("010023348")))
        // Σ mod 11 = 0 gives check 10, which no digit matches.
        for candidate in 0..<10 {
            let nine = digits("000000011")
            var sum = 0
            for (k, d) in nine.enumerated() { sum += TaxCodeDetector.weights[k] * Int(d) }
            if sum % 11 == 0 { #expect(!TaxCodeDetector.isValidMST(nine + [UInt8(candidate)])) }
        }
        #expect(NumberShapes.passesLuhn(digits("4123456789012349")))
        #expect(!NumberShapes.passesLuhn(digits("4123456789012345")))
        #expect(NumberShapes.passesLuhn(digits("371234567890120")))
        #expect(CardRanges.brand(of: digits("371234567890120")) == .amex)
        #expect(CardRanges.brand(of: digits("3712345678901200")) == nil)
        #expect(CardRanges.brand(of: digits("2720123456789012")) == .mastercard)
        #expect(CardRanges.brand(of: digits("2721123456789012")) == nil)
        #expect(CardRanges.brand(of: digits("9704361234567895")) == .napas)
        #expect(CardRanges.brand(of: digits("9705361234567895")) == nil)
        #expect(PassportNumberDetector.mrzCheckDigit(of: UInt8(ascii: "B"), digits("1234567")) == 3)
        #expect(PassportNumberDetector.mrzCheckDigit(of: UInt8(ascii: "C"), digits("7654321")) == 8)
    }

    @Test("bank names after a number, folded, on word edges")
    func bankNamesAfter() {
        func follows(_ s: String) -> Bool {
            Array(s.utf8).withUnsafeBufferPointer { BankNames.follows(0, in: $0) }
        }
        #expect(follows(" Vietcombank"))
        #expect(follows(" - Techcombank"))
        #expect(follows(" (VCB)"))
        #expect(follows(" – MB Bank"))
        #expect(follows(" ngân hàng Á Châu"))
        #expect(follows(" nga\u{0302}n ha\u{0300}ng"), "NFD")
        #expect(follows(" tại ACB"))
        #expect(follows(" ta\u{0323}i ACB"), "NFD connector")
        #expect(follows(" - NH Vietcombank"))
        #expect(!follows(" tại nhà"))
        #expect(follows("\nVietinbank"))
        #expect(!follows(" MBA"))
        #expect(!follows(" vcbx"))
        #expect(!follows(" nhé"))
        #expect(!follows("\n\nVietcombank"), "a blank line")
        #expect(!follows("                 Vietcombank"), "too far")
        #expect(!follows(""))
    }

    @Test("hostile input: random digits, letters, separators and broken UTF-8 never crash or leave bounds")
    func hostile() {
        /// SplitMix64: the same bytes on every run, so a failure can be replayed.
        struct Seeded: RandomNumberGenerator {
            var state: UInt64
            mutating func next() -> UInt64 {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
        }
        var rng = Seeded(state: 2026)
        let pieces: [[UInt8]] = [
            Array("0123456789".utf8), Array("HSDNB".utf8), [0x20], [0x2E], [0x2D], [0x28], [0x29], [0x2B], [0x3C],
            Array("VNM".utf8), Array("STK ".utf8), Array("MST ".utf8), Array("BHXH ".utf8), Array("GPLX ".utf8),
            Array("hộ chiếu ".utf8), Array("số thẻ ".utf8), [0xE2, 0x80], [0xC3], [0x80], [0xCC, 0x82], [0x0A],
            Array("Vietcombank".utf8), Array(" - ".utf8), Array("9704".utf8), Array("4123".utf8),
        ]
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...60, using: &rng) {
                bytes += pieces[Int.random(in: 0..<pieces.count, using: &rng)]
            }
            bytes.withUnsafeBufferPointer { buffer in
                for d in Self.detectors {
                    var matches: [TextMatch] = []
                    d.detect(in: buffer, into: &matches)
                    for m in matches {
                        #expect(m.start >= 0 && m.start < m.end && m.end <= buffer.count)
                        #expect(m.confidence > 0 && m.confidence <= 1)
                    }
                }
            }
        }
        // Edges of the buffer.
        for s in ["", "H", "HS", "HS4", "B", "B1234567", "B1234567<", "B1234567<3VN", "<3VNM", "0", "STK", "9704"] {
            for d in Self.detectors { _ = TestSupport.detect(d, in: s) }
        }
    }
}
