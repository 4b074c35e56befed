import Foundation
import Testing
@testable import PDPCheck

@Suite("Text redaction")
struct TextRedactionTests {
    static let options = RedactionOptions(policy: .builtinDefault, language: .en)

    static func masked(_ text: String, _ category: Category, language: Language = .en, action: RedactionAction = .mask) -> String {
        let bytes = Array(text.utf8)
        let match = TextMatch(ruleId: "test", category: category, start: 0, end: bytes.count, confidence: 1)
        let options = RedactionOptions(policy: .builtinDefault, language: language, actions: [category: action])
        return String(decoding: TextRedactor.apply([match], to: bytes, options: options).bytes, as: UTF8.self)
    }

    @Test("masks keep the shape: separators stay, a few characters stay visible")
    func maskShapes() {
        #expect(Self.masked("0912 345 678", .phoneNumber) == "09•• ••• 678")
        #expect(Self.masked("0905.123.456", .phoneNumber) == "09••.•••.456")
        #expect(Self.masked("079203004567", .nationalID) == "•••••••••567")
        #expect(Self.masked("4111 1111 1111 1111", .paymentCard) == "•••• •••• •••• 1111")
        #expect(Self.masked("19035678901234", .bankAccount) == "••••••••••1234")
        #expect(Self.masked("thu.nguyen@gmail.com", .emailAddress) == "t•••@gmail.com")
        #expect(Self.masked("51F-123.45", .licensePlate) == "51•-•••.••")
        #expect(Self.masked("12/03/1990", .dateOfBirth) == "••/••/••••")
        #expect(Self.masked("Nguyễn Thị Minh Thư", .personName) == "N••••• T•• M••• T••")
    }

    @Test("replace writes a label in the report language; remove deletes")
    func replaceAndRemove() {
        #expect(Self.masked("0912 345 678", .phoneNumber, language: .vi, action: .replace) == "[số điện thoại đã ẩn]")
        #expect(Self.masked("0912 345 678", .phoneNumber, language: .en, action: .replace) == "[phone number removed]")
        #expect(Self.masked("0912 345 678", .phoneNumber, action: .remove) == "")
        #expect(Self.masked("0912 345 678", .phoneNumber, action: .leave) == "0912 345 678")
    }

    @Test("a draft keeps every byte outside the findings")
    func plainDraft() throws {
        let draft = Array("Liên hệ chị Thư: 0912 345 678 hoặc thu.nguyen@gmail.com, cảm ơn!\n".utf8)
        let result = try TextRedactor.redact(draft, fileName: "post.txt", options: Self.options)
        let text = String(decoding: result.bytes, as: UTF8.self)
        #expect(text == "Liên hệ chị Thư: 09•• ••• 678 hoặc t•••@gmail.com, cảm ơn!\n")
        #expect(result.remaining.isEmpty)
        #expect(Set(result.redactions.map(\.category)) == [.phoneNumber, .emailAddress])
    }

    /// Drafts of Corpus/drafts (manifest.json).
    static func draftPaths() throws -> [String] {
        let data = try Data(contentsOf: TestSupport.corpus.appendingPathComponent("manifest.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let files = json?["files"] as? [[String: Any]] ?? []
        return files.compactMap { $0["path"] as? String }.filter { $0.hasPrefix("drafts/") }
    }

    @Test("every corpus draft: nothing mask-able left, every byte outside a finding unchanged")
    func corpusDrafts() throws {
        let paths = try Self.draftPaths()
        try #require(paths.count >= 50)
        let scanner = Scanner(policy: .builtinDefault, options: ScanOptions(jobs: 1))
        var redacted = 0
        for path in paths {
            let bytes = [UInt8](try Data(contentsOf: TestSupport.corpus.appendingPathComponent(path)))
            let result = try TextRedactor.redact(bytes, fileName: path, options: Self.options)
            #expect(result.remaining.isEmpty, "\(path): \(result.remaining.map { "\($0.category.rawValue) \($0.evidence)" })")
            // The first pass edits only bytes inside findings of the input.
            let findings = scanner.scanItem(InputItem(displayPath: path, source: .bytes(bytes))).findings
            let spans = findings.compactMap { f -> Range<Int>? in
                guard f.location.kind == .text, let s = f.location.start, let e = f.location.end else { return nil }
                return s..<e
            }
            for edit in result.edits {
                #expect(spans.contains { $0.lowerBound <= edit.range.lowerBound && edit.range.upperBound <= $0.upperBound },
                        "\(path): edit at \(edit.range) outside every finding")
            }
            if result.passes == 1 {
                #expect(RedactionEdits.apply(result.edits, to: bytes) == result.bytes, "\(path): output is not the input plus its edits")
            }
            if result.changed { redacted += 1 }
        }
        print("text redaction: \(redacted) of \(paths.count) drafts redacted, none with a mask-able finding left")
        #expect(redacted > paths.count / 2)
    }

    @Test("HTML: values split by tags and references are masked at their source, markup untouched")
    func htmlSourceEdits() throws {
        let page = Array("""
        <html><body><p>Gọi <b>0912</b> 345 678 hoặc &#48;903 123 456.</p>
        <p><a href="tel:+84987654321">0987 654 321</a> · <a href="mailto:thu.nguyen@gmail.com">viết thư</a></p>
        <img src="a.jpg" alt="CCCD 079203004567"></body></html>
        """.utf8)
        let result = try TextRedactor.redact(page, fileName: "page.html", options: Self.options)
        let html = String(decoding: result.bytes, as: UTF8.self)
        #expect(html.contains("<b>09••</b> ••• 678"))
        #expect(html.contains("&#48;9•• ••• 456"), "a reference is one character: \(html)")
        #expect(!html.contains("0903 123 456") && !html.contains("&#48;903"))
        #expect(!html.contains("84987654321"), "the tel: link still dials the number")
        #expect(!html.contains("thu.nguyen@gmail.com"))
        #expect(!html.contains("079203004567"))
        #expect(result.remaining.isEmpty, "\(result.remaining.map { "\($0.category.rawValue) \($0.evidence) \($0.location.part ?? "")" })")
        // Still one paragraph each, same tags.
        #expect(html.components(separatedBy: "<").count == String(decoding: page, as: UTF8.self).components(separatedBy: "<").count)
    }

    @Test("HTML corpus pages stay parseable, visible text changed only where values were")
    func htmlCorpus() throws {
        let folder = TestSupport.corpus.appendingPathComponent("documents/html")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }.sorted()
        try #require(!names.isEmpty)
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            let result = try TextRedactor.redact(bytes, fileName: name, options: Self.options)
            #expect(result.remaining.isEmpty, "\(name): \(result.remaining.map { "\($0.category.rawValue) \($0.evidence) \($0.location.part ?? "") \($0.location.field ?? "")" })")
            let before = Self.visibleWords(bytes)
            let after = Self.visibleWords(result.bytes)
            let removed = result.redactions.filter { $0.action == .remove }.count
            #expect(after.count + removed * 8 >= before.count, "\(name): visible text lost words")
            let known = Set(before)
            for word in after where !known.contains(word) {
                #expect(word.contains("•") || word.hasPrefix("["), "\(name): “\(word)” is new in the visible text")
            }
        }
    }

    static func visibleWords(_ bytes: [UInt8]) -> [String] {
        let content = HTMLTextReader.read(bytes)
        guard let main = content.textParts.first else { return [] }
        return String(decoding: main.utf8, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
    }

    @Test("subtitles: timings untouched, text redacted")
    func subtitles() throws {
        for name in ["vlog-review.srt", "livestream.vtt"] {
            let bytes = [UInt8](try Data(contentsOf: TestSupport.corpus.appendingPathComponent("documents/subtitles/" + name)))
            let result = try TextRedactor.redact(bytes, fileName: name, options: Self.options)
            #expect(result.remaining.isEmpty, "\(name)")
            let lines = { (b: [UInt8]) in String(decoding: b, as: UTF8.self).split(whereSeparator: \.isNewline).filter { $0.contains("-->") } }
            #expect(lines(bytes) == lines(result.bytes), "\(name): cue timings changed")
        }
    }

    @Test("UTF-16 and legacy encodings are written back in their own encoding")
    func otherEncodings() throws {
        let text = "Số của mình 0912 345 678 nhé\n"
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let result = try TextRedactor.redact(utf16, fileName: "draft.txt", format: .text(.utf16LE), options: Self.options)
        let decoded = String(decoding: stride(from: 2, to: result.bytes.count - 1, by: 2).map { UInt16(result.bytes[$0]) | UInt16(result.bytes[$0 + 1]) << 8 },
                             as: UTF16.self)
        #expect(decoded == "Số của mình 09•• ••• 678 nhé\n")
        #expect(result.remaining.isEmpty)
    }

    @Test("a policy allowlist and inline ignores are honoured")
    func ignoresAreHonoured() throws {
        let draft = Array("Hotline 0912 345 678 // pdpcheck:ignore phone_number\nCCCD 079203004567\n".utf8)
        let result = try TextRedactor.redact(draft, fileName: "post.txt", options: Self.options)
        let text = String(decoding: result.bytes, as: UTF8.self)
        #expect(text.contains("0912 345 678"))
        #expect(!text.contains("079203004567"))
    }

    @Test("not text: refused with a reason")
    func refusesOtherFormats() {
        #expect(throws: ScanError.self) { try TextRedactor.redact([0xFF, 0xD8, 0xFF, 0xE0, 0, 16], fileName: "a.jpg") }
    }
}
