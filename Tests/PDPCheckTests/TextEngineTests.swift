import Foundation
import Testing
@testable import PDPCheck

@Suite("Text engine")
struct TextEngineTests {
    @Test("the mobile and fixed-line checks agree with libphonenumber's VN patterns on every 4-digit prefix")
    func numberingPlanMatchesLibphonenumber() throws {
        let mobile = try NSRegularExpression(pattern:
            "^(?:121[0-3]\\d{5}|(?:160|(?:3\\d|7[06-9])\\d|5(?:[1689]\\d|2[238]|59)|8(?:[1-8]\\d|9[6-9])|9(?:[0-8]\\d|9[013-9]))\\d{6})$")
        let fixed = try NSRegularExpression(pattern:
            "^2(?:0[3-9]|1[0-689]|2[0-25-9]|[38][2-9]|4[2-8]|5[124-9]|6[0-39]|7[0-7]|9[0-4679])\\d{7}$")
        func matches(_ re: NSRegularExpression, _ s: String) -> Bool {
            re.firstMatch(in: s, range: NSRange(location: 0, length: s.utf16.count)) != nil
        }
        for prefix in 0..<10_000 {
            let p = String(format: "%04d", prefix)
            let nine = p + "12345"
            let ten = p + "123456"
            let d9 = nine.compactMap { $0.wholeNumberValue.map(UInt8.init) }
            let d10 = ten.compactMap { $0.wholeNumberValue.map(UInt8.init) }
            #expect(VNNumberingPlan.isMobile(d9[...]) == matches(mobile, nine), "mobile \(nine)")
            #expect(VNNumberingPlan.isFixedLine(d10[...]) == matches(fixed, ten), "fixed \(ten)")
        }
    }

    @Test("evidence masking keeps the shape and hides the middle")
    func masking() {
        #expect(EvidenceMask.mask("0905.123.456", category: .phoneNumber) == "09••.•••.456")
        #expect(EvidenceMask.mask("+84 905 123 456", category: .phoneNumber) == "+84 ••• ••• 456")
        #expect(EvidenceMask.mask("079203004567", category: .nationalID) == "0792••••••67")
        #expect(EvidenceMask.mask("025123456", category: .nationalID) == "0251•••56")
        #expect(EvidenceMask.mask("", category: .phoneNumber) == "")
        let short = EvidenceMask.mask("1234", category: .nationalID)
        #expect(short.filter { $0 == "•" }.count >= 2, "short values reveal at most a third at each end")
    }

    @Test("folding makes NFC, NFD and unaccented text the same keywords")
    func folding() {
        let nfc = "Số Điện Thoại"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(Array(nfc.utf8) != Array(nfd.utf8))
        for s in [nfc, nfd, "so dien thoai", "SO DIEN THOAI"] {
            let folded = Array(s.utf8).withUnsafeBufferPointer { VietnameseFolding.foldedASCII($0, 0..<$0.count) }
            #expect(String(decoding: folded, as: UTF8.self) == "so dien thoai", "\(s)")
        }
    }

    @Test("context: the nearest keyword names the number, and a sentence or another number ends the window")
    func contextLabels() {
        func label(_ s: String) -> ContextLabel? {
            let bytes = Array(s.utf8)
            return bytes.withUnsafeBufferPointer { ContextWindow.nearestLabel(before: $0.count, in: $0) }
        }
        #expect(label("SĐT: ") == .phone)
        #expect(label("Số CCCD:\n") == .identity)
        #expect(label("STK Vietcombank ") == .bank)
        #expect(label("CCCD 079203004567, SĐT ") == .phone)
        #expect(label("Chuyển khoản giúp em. Gọi ") == .phone)
        #expect(label("Chuyển khoản giúp em. ") == nil)
        #expect(label("STK 0011001234567 ") == nil)
        #expect(label("số điện thoại\n\n") == nil, "a blank line separates the label from the number")
        #expect(label("so dien thoai ") == .phone)
    }

    @Test("line and column count lines and Unicode scalars")
    func lineColumn() {
        let text = Array("a\nNguyễn 0905\n".utf8)
        text.withUnsafeBufferPointer { buffer in
            var cursor = LineColumnCursor(buffer)
            #expect(cursor.position(of: 0) == (1, 1))
            let offset = Array("a\nNguyễn ".utf8).count
            #expect(cursor.position(of: offset) == (2, 8))
            #expect(cursor.position(of: 2) == (2, 1), "going back restarts the count")
        }
    }

    /// Drafts whose NFC and NFD findings still differ (tracked in issue #3's note).
    static let knownNormalizationGaps: Set<String> = ["drafts/sales-11.txt"]

    @Test("the same text in NFC and NFD gives the same findings (mapped by digits)")
    func nfcNfdSameFindings() throws {
        let manifest = try CorpusManifest.load()
        for file in manifest.files where file.kind == "text" {
            let text = try String(contentsOf: TestSupport.corpus.appendingPathComponent(file.path), encoding: .utf8)
            let nfd = text.decomposedStringWithCanonicalMapping
            func summary(_ s: String) -> [String] {
                let bytes = Array(s.utf8)
                return TextDetectionEngine.standard.detect(in: bytes).filter { $0.confidence >= 0.5 }.map {
                    "\($0.ruleId):" + String(decoding: bytes[$0.start..<$0.end], as: UTF8.self)
                }
            }
            if Self.knownNormalizationGaps.contains(file.path) {
                withKnownIssue("person_name: a bare contact name after the same person's full name differs between NFC and NFD", isIntermittent: true) {
                    #expect(summary(text) == summary(nfd), "\(file.path)")
                }
            } else {
                #expect(summary(text) == summary(nfd), "\(file.path)")
            }
        }
    }

    @Test("hostile text: long digit runs, separators and truncated UTF-8 never crash and stay bounded")
    func hostileText() {
        var samples: [[UInt8]] = [
            Array(repeating: UInt8(ascii: "9"), count: 100_000),
            Array(String(repeating: "0905 ", count: 20_000).utf8),
            Array(String(repeating: "(+", count: 10_000).utf8),
            Array(String(repeating: "1.", count: 50_000).utf8),
            [0xE1, 0xBB], [0xCC], [0x28], [0x2B], [0x28, 0x2B],
        ]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            samples.append((0..<Int.random(in: 0..<300, using: &rng)).map { _ in
                [UInt8(ascii: "0"), UInt8(ascii: "9"), 0x20, 0x2E, 0x2D, 0x28, 0x29, 0x2B, 0xE1, 0xBB, 0x85, 0x0A]
                    .randomElement(using: &rng)!
            })
        }
        for sample in samples {
            let matches = TextDetectionEngine.standard.detect(in: sample)
            #expect(matches.allSatisfy { $0.start >= 0 && $0.start < $0.end && $0.end <= sample.count })
        }
    }
}
