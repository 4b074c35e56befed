import Foundation
import Testing
@testable import PDPCheck

/// Fixtures: the same sentence encoded by Python's `cp1258` codec (Windows style: precomposed
/// letter when the code page has it, else base letter + tone-mark byte) and by glibc
/// `iconv -t TCVN5712-1` (independent of the table under test).
@Suite struct LegacyVietnameseTextTests {
    static let sentence = "Liên hệ anh Nguyễn Văn Tuấn, số điện thoại 0905.123.456, địa chỉ 12 đường Trần Phú, phường Lộc Thọ"

    static let windows1258: [UInt8] = [
        0x4C, 0x69, 0xEA, 0x6E, 0x20, 0x68, 0xEA, 0xF2, 0x20, 0x61, 0x6E, 0x68, 0x20, 0x4E,
        0x67, 0x75, 0x79, 0xEA, 0xDE, 0x6E, 0x20, 0x56, 0xE3, 0x6E, 0x20, 0x54, 0x75, 0xE2,
        0xEC, 0x6E, 0x2C, 0x20, 0x73, 0xF4, 0xEC, 0x20, 0xF0, 0x69, 0xEA, 0xF2, 0x6E, 0x20,
        0x74, 0x68, 0x6F, 0x61, 0xF2, 0x69, 0x20, 0x30, 0x39, 0x30, 0x35, 0x2E, 0x31, 0x32,
        0x33, 0x2E, 0x34, 0x35, 0x36, 0x2C, 0x20, 0xF0, 0x69, 0xF2, 0x61, 0x20, 0x63, 0x68,
        0x69, 0xD2, 0x20, 0x31, 0x32, 0x20, 0xF0, 0xFD, 0xF5, 0xCC, 0x6E, 0x67, 0x20, 0x54,
        0x72, 0xE2, 0xCC, 0x6E, 0x20, 0x50, 0x68, 0xFA, 0x2C, 0x20, 0x70, 0x68, 0xFD, 0xF5,
        0xCC, 0x6E, 0x67, 0x20, 0x4C, 0xF4, 0xF2, 0x63, 0x20, 0x54, 0x68, 0x6F, 0xF2,
    ]

    static let tcvn3: [UInt8] = [
        0x4C, 0x69, 0xAA, 0x6E, 0x20, 0x68, 0xD6, 0x20, 0x61, 0x6E, 0x68, 0x20, 0x4E, 0x67,
        0x75, 0x79, 0xD4, 0x6E, 0x20, 0x56, 0xA8, 0x6E, 0x20, 0x54, 0x75, 0xCA, 0x6E, 0x2C,
        0x20, 0x73, 0xE8, 0x20, 0xAE, 0x69, 0xD6, 0x6E, 0x20, 0x74, 0x68, 0x6F, 0xB9, 0x69,
        0x20, 0x30, 0x39, 0x30, 0x35, 0x2E, 0x31, 0x32, 0x33, 0x2E, 0x34, 0x35, 0x36, 0x2C,
        0x20, 0xAE, 0xDE, 0x61, 0x20, 0x63, 0x68, 0xD8, 0x20, 0x31, 0x32, 0x20, 0xAE, 0xAD,
        0xEA, 0x6E, 0x67, 0x20, 0x54, 0x72, 0xC7, 0x6E, 0x20, 0x50, 0x68, 0xF3, 0x2C, 0x20,
        0x70, 0x68, 0xAD, 0xEA, 0x6E, 0x67, 0x20, 0x4C, 0xE9, 0x63, 0x20, 0x54, 0x68, 0xE4,
    ]

    /// "Schöne Grüße aus München! Die Bäckerei in der Hauptstraße 5 öffnet um 8 Uhr, Frühstück
    /// für Jürgen und Käthe." in ISO-8859-1.
    static let germanLatin1 = Array("Schöne Grüße aus München! Die Bäckerei in der Hauptstraße 5 öffnet um 8 Uhr, Frühstück für Jürgen und Käthe."
        .unicodeScalars.map { UInt8($0.value) })

    /// "Le café est très élégant à côté de l'hôtel; où est la fenêtre? Déjà vu, ça va, à bientôt!"
    /// in ISO-8859-1.
    static let frenchLatin1 = Array("Le café est très élégant à côté de l'hôtel; où est la fenêtre? Déjà vu, ça va, à bientôt!"
        .unicodeScalars.map { UInt8($0.value) })

    /// NFC UTF-8 of the sentence, built from scalars so the test does not depend on how the
    /// source file itself is normalised.
    static var expectedUTF8: [UInt8] {
        Array(sentence.precomposedStringWithCanonicalMapping.utf8)
    }

    static func randomBytes(count: Int, seed: UInt64, range: ClosedRange<UInt8>) -> [UInt8] {
        var state = seed
        var result: [UInt8] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            let span = UInt64(range.upperBound - range.lowerBound) + 1
            result.append(range.lowerBound + UInt8(z % span))
        }
        return result
    }

    static func checkOffsets(_ part: TextPart, sourceCount: Int) {
        guard let map = part.sourceOffsets else {
            Issue.record("no sourceOffsets")
            return
        }
        #expect(map.count == part.utf8.count + 1)
        #expect(map.last == sourceCount)
        for k in map.indices.dropFirst() where map[k] < map[k - 1] {
            Issue.record("offsets go backwards at \(k): \(map[k - 1]) → \(map[k])")
            return
        }
        #expect(map.allSatisfy { $0 >= 0 && $0 <= sourceCount })
    }

    // MARK: - Decoding

    @Test func sourceTextIsNFC() {
        // Guards the fixture itself: precomposed ễ, not e + combining marks.
        #expect(Array(Self.sentence.utf8) == Self.expectedUTF8)
    }

    @Test func decodesWindows1258ToNFC() {
        let part = LegacyVietnameseText.decode(Self.windows1258, encoding: .windows1258)
        #expect(part.utf8 == Self.expectedUTF8)
        Self.checkOffsets(part, sourceCount: Self.windows1258.count)
    }

    @Test func decodesTCVN3ToNFC() {
        let part = LegacyVietnameseText.decode(Self.tcvn3, encoding: .tcvn3)
        #expect(part.utf8 == Self.expectedUTF8)
        Self.checkOffsets(part, sourceCount: Self.tcvn3.count)
    }

    @Test(arguments: [TextEncoding.windows1258, .tcvn3])
    func digitsMapBackToTheirSourceBytes(encoding: TextEncoding) throws {
        let source = encoding == .tcvn3 ? Self.tcvn3 : Self.windows1258
        let part = LegacyVietnameseText.decode(source, encoding: encoding)
        let digits = Array("0905.123.456".utf8)
        let inSource = try #require(source.firstRange(of: digits))
        let inOutput = try #require(part.utf8.firstRange(of: digits))
        let map = try #require(part.sourceOffsets)
        for (k, p) in inOutput.enumerated() {
            #expect(map[p] == inSource.lowerBound + k)
            #expect(source[map[p]] == part.utf8[p])
            #expect(part.sourceOffset(p) == inSource.lowerBound + k)
        }
    }

    @Test func composedLetterMapsToItsBaseByte() {
        // "xệ" in Windows-1258: x, ê, combining dot below.
        let part = LegacyVietnameseText.decode([0x78, 0xEA, 0xF2], encoding: .windows1258)
        #expect(part.utf8 == Array("xệ".utf8))
        #expect(part.sourceOffsets == [0, 1, 1, 1, 3])
    }

    @Test func vietnameseLettersThatNeedReorderingCompose() {
        // ê/â/ă/ô + dot below are not primary pairs in Unicode (ệ = ẹ + ̂), yet NFC composes them.
        let cases: [([UInt8], String)] = [
            ([0xEA, 0xF2], "ệ"), ([0xE2, 0xF2], "ậ"), ([0xE3, 0xF2], "ặ"), ([0xF4, 0xF2], "ộ"),
            ([0xF5, 0xF2], "ợ"), ([0xFD, 0xF2], "ự"), ([0xCA, 0xEC], "Ế"), ([0x79, 0xEC], "ý"),
            ([0xDD, 0xDE], "Ữ"), ([0xC3, 0xD2], "Ẳ"),
        ]
        for (bytes, expected) in cases {
            let part = LegacyVietnameseText.decode(bytes, encoding: .windows1258)
            #expect(part.utf8 == Array(expected.precomposedStringWithCanonicalMapping.utf8), "\(bytes)")
        }
    }

    /// Every byte followed by zero, one or two tone marks must come out exactly as Foundation's NFC
    /// of the same scalars (run here on tiny strings only).
    @Test(arguments: [TextEncoding.windows1258, .tcvn3])
    func outputIsNFCForEveryBaseAndToneMark(encoding: TextEncoding) {
        let toneBytes: [UInt8] = encoding == .windows1258 ? [0xCC, 0xEC, 0xDE, 0xD2, 0xF2] : [0xB0, 0xB1, 0xB2, 0xB3, 0xB4]
        let table = encoding == .windows1258 ? LegacyVietnameseText.windows1258Table : LegacyVietnameseText.tcvn3Table
        var failures = 0
        for base in UInt8(0x20)...0xFF {
            var sequences: [[UInt8]] = [[base]]
            for m1 in toneBytes {
                sequences.append([base, m1])
                for m2 in toneBytes { sequences.append([base, m1, m2]) }
            }
            for bytes in sequences {
                let part = LegacyVietnameseText.decode(bytes, encoding: encoding)
                var raw = String.UnicodeScalarView()
                for b in bytes { raw.append(Unicode.Scalar(table[Int(b)])!) }
                let nfc = Array(String(raw).precomposedStringWithCanonicalMapping.utf8)
                if part.utf8 != nfc {
                    failures += 1
                    if failures <= 5 { Issue.record("\(bytes): got \(part.utf8), NFC is \(nfc)") }
                }
                Self.checkOffsets(part, sourceCount: bytes.count)
            }
        }
        #expect(failures == 0)
    }

    @Test(arguments: [TextEncoding.windows1258, .tcvn3])
    func everyHighByteDecodes(encoding: TextEncoding) throws {
        for byte in UInt8(0x80)...0xFF {
            let part = LegacyVietnameseText.decode([0x61, byte, 0x62], encoding: encoding)
            let text = try #require(String(validating: part.utf8, as: UTF8.self), "byte \(byte)")
            #expect(text.unicodeScalars.count >= 2)
            Self.checkOffsets(part, sourceCount: 3)
            let alone = LegacyVietnameseText.decode([byte], encoding: encoding)
            #expect(String(validating: alone.utf8, as: UTF8.self) != nil)
            #expect(alone.sourceOffsets?.last == 1)
        }
    }

    @Test func windows1258TableMatchesReferencePoints() {
        func decoded(_ b: UInt8) -> String {
            String(decoding: LegacyVietnameseText.decode([b], encoding: .windows1258).utf8, as: UTF8.self)
        }
        #expect(decoded(0x80) == "€")
        #expect(decoded(0xFE) == "₫")
        #expect(decoded(0xC3) == "Ă")
        #expect(decoded(0xD0) == "Đ")
        #expect(decoded(0xFD) == "ư")
        #expect(decoded(0xF5) == "ơ")
        #expect(decoded(0xCC).unicodeScalars.first?.value == 0x0300)
        #expect(decoded(0xEC).unicodeScalars.first?.value == 0x0301)
        #expect(decoded(0xDE).unicodeScalars.first?.value == 0x0303)
        #expect(decoded(0xD2).unicodeScalars.first?.value == 0x0309)
        #expect(decoded(0xF2).unicodeScalars.first?.value == 0x0323)
        for undefined: UInt8 in [0x81, 0x8A, 0x8D, 0x8E, 0x8F, 0x90, 0x9A, 0x9D, 0x9E] {
            #expect(decoded(undefined) == "\u{FFFD}")
        }
    }

    @Test func tcvn3TableMatchesReferencePoints() {
        func decoded(_ b: [UInt8]) -> String {
            String(decoding: LegacyVietnameseText.decode(b, encoding: .tcvn3).utf8, as: UTF8.self)
        }
        // VN3 ("ABC") positions, as in libiconv tcvn.h, bogoengine charset.hpp, XuatThuy Unicode2TCVN3.cs.
        let vn3: [(UInt8, String)] = [
            (0xA1, "Ă"), (0xA2, "Â"), (0xA3, "Ê"), (0xA4, "Ô"), (0xA5, "Ơ"), (0xA6, "Ư"), (0xA7, "Đ"),
            (0xA8, "ă"), (0xA9, "â"), (0xAA, "ê"), (0xAB, "ô"), (0xAC, "ơ"), (0xAD, "ư"), (0xAE, "đ"),
            (0xB5, "à"), (0xB6, "ả"), (0xB7, "ã"), (0xB8, "á"), (0xB9, "ạ"), (0xBB, "ằ"), (0xBE, "ắ"),
            (0xC6, "ặ"), (0xCA, "ấ"), (0xD4, "ễ"), (0xD6, "ệ"), (0xE9, "ộ"), (0xF5, "ừ"), (0xF8, "ứ"),
            (0xFD, "ý"), (0xFE, "ỵ"),
        ]
        for (byte, expected) in vn3 {
            #expect(decoded([byte]) == expected, "byte \(byte)")
            #expect(LegacyVietnameseText.tcvn3VN3Bytes.contains(byte))
        }
        #expect(LegacyVietnameseText.tcvn3VN3Bytes.count == 74)
        // VN1-only positions: capitals and combining tone marks (composed).
        #expect(decoded([0x80]) == "À")
        #expect(decoded([0xFF]) == "Ố")
        #expect(decoded([0x01]) == "Ú")
        #expect(Array(decoded([0x61, 0xB3]).utf8) == Array("á".utf8))
        // Whitespace is never reused.
        #expect(decoded([0x09, 0x0A, 0x0D]) == "\t\n\r")
    }

    @Test func pathologicalRunOfToneMarksIsLinear() {
        var bytes: [UInt8] = [0x61]
        bytes += [UInt8](repeating: 0xF2, count: 100_000)
        bytes += [UInt8](repeating: 0xCC, count: 100_000)
        let part = LegacyVietnameseText.decode(bytes, encoding: .windows1258)
        // ạ then 99,999 dots below and 100,000 graves, each 2 bytes.
        #expect(part.utf8.count == 3 + 2 * 199_999)
        Self.checkOffsets(part, sourceCount: bytes.count)
    }

    // MARK: - Guessing

    @Test func guessesWindows1258() {
        #expect(LegacyVietnameseText.guessEncoding(Self.windows1258) == .windows1258)
    }

    @Test func guessesTCVN3() {
        #expect(LegacyVietnameseText.guessEncoding(Self.tcvn3) == .tcvn3)
    }

    @Test func latin1GermanIsNotVietnamese() {
        #expect(LegacyVietnameseText.guessEncoding(Self.germanLatin1) == nil)
    }

    @Test func latin1FrenchIsNotVietnamese() {
        #expect(LegacyVietnameseText.guessEncoding(Self.frenchLatin1) == nil)
    }

    @Test(arguments: [UInt64(1), 2, 3, 42, 1_000_003])
    func randomBytesAreNotVietnamese(seed: UInt64) {
        let any = Self.randomBytes(count: 4096, seed: seed, range: 1...255)
        #expect(LegacyVietnameseText.guessEncoding(any) == nil)
        // Without control characters too, so only the syllable check can reject it.
        let printable = Self.randomBytes(count: 4096, seed: seed, range: 0x20...0xFF)
        #expect(LegacyVietnameseText.guessEncoding(printable) == nil)
    }

    @Test func longerDocumentsInBothEncodings() {
        // The sentence repeated with line breaks, as a real draft would be.
        let w = Array([[UInt8]](repeating: Self.windows1258 + [0x0D, 0x0A], count: 50).joined())
        let t = Array([[UInt8]](repeating: Self.tcvn3 + [0x0A], count: 50).joined())
        #expect(LegacyVietnameseText.guessEncoding(w) == .windows1258)
        #expect(LegacyVietnameseText.guessEncoding(t) == .tcvn3)
        #expect(LegacyVietnameseText.decode(t, encoding: .tcvn3).utf8.count == 50 * (Self.expectedUTF8.count + 1))
    }

    @Test func emptyInputs() {
        #expect(LegacyVietnameseText.guessEncoding([]) == nil)
        let part = LegacyVietnameseText.decode([], encoding: .tcvn3)
        #expect(part.utf8.isEmpty)
        #expect(part.sourceOffsets == [0])
    }
}
