import Foundation
import Testing
@testable import PDPCheck

/// Corpus/documents/mail-html-manifest.json, written by Corpus/tools/build_documents_mail.py.
struct MailHTMLManifest: Decodable {
    struct Expected: Decodable {
        var category: String
        var part: String?
        var value: String?
        var start: Int?
        var end: Int?
        var source: String?
    }
    struct Field: Decodable {
        var group: String
        var name: String
        var value: FieldValue
        var container: String?
    }
    enum FieldValue: Decodable, Equatable {
        case text(String), list([String])
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { self = .text(s) } else { self = .list(try c.decode([String].self)) }
        }
        var metadata: MetadataValue {
            switch self {
            case .text(let s): return .text(s)
            case .list(let l): return .list(l)
            }
        }
    }
    struct Attachment: Decodable {
        var name: String
        var bytes: Int
        var source: String?
        var findings: [Expected]
    }
    struct Entry: Decodable {
        var path: String
        var format: String
        var findings: [Expected]
        var fields: [Field]?
        var attachments: [Attachment]?
        var absent: [String]?
        var hidden: [String]?
        var parts: [String?]?
        var only: Bool?
        var charset: String?
    }
    var files: [Entry]

    static func load() throws -> MailHTMLManifest {
        let url = TestSupport.corpus.appendingPathComponent("documents/mail-html-manifest.json")
        return try JSONDecoder().decode(MailHTMLManifest.self, from: Data(contentsOf: url))
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: TestSupport.corpus.appendingPathComponent(path)))
    }
}

/// Collects what a reader hands on, as the scanner would receive it.
struct MailCollectingHandler: EmbeddedFileHandler {
    var embedded: [(name: String, bytes: [UInt8])] = []
    var skipped: [(name: String, reason: ScanError)] = []
    mutating func embedded(name: String, bytes: [UInt8]) { embedded.append((name, bytes)) }
    mutating func skipped(name: String, reason: ScanError) { skipped.append((name, reason)) }
}

enum ReaderTestSupport {
    /// The engine's matches in `part`, with their text.
    static func matches(in part: TextPart) -> [(match: TextMatch, text: String)] {
        TextDetectionEngine.standard.detect(in: part.utf8).map { ($0, String(decoding: part.utf8[$0.start..<$0.end], as: UTF8.self)) }
    }

    /// Checks an offset map: one entry per byte plus the end, never decreasing, inside the source.
    static func checkMap(_ part: TextPart, sourceCount: Int, _ label: String) {
        guard let map = part.sourceOffsets else { return }
        #expect(map.count == part.utf8.count + 1, "\(label): map has \(map.count) entries for \(part.utf8.count) bytes")
        #expect(zip(map, map.dropFirst()).allSatisfy { $0 <= $1 }, "\(label): map decreases")
        #expect(map.allSatisfy { $0 >= 0 && $0 <= sourceCount }, "\(label): map leaves the source")
    }
}

@Suite("EmailReader: corpus")
struct EmailReaderCorpusTests {
    static let entries: [MailHTMLManifest.Entry] = (try? MailHTMLManifest.load().files.filter { $0.format == "email" }) ?? []

    @Test func manifestListsTheMessages() {
        #expect(Self.entries.count >= 5)
    }

    @Test(arguments: entries.map(\.path))
    func expectedFindingsFieldsAndAttachments(_ path: String) throws {
        let entry = try #require(Self.entries.first { $0.path == path })
        let bytes = try MailHTMLManifest.bytes(path)
        var handler = MailCollectingHandler()
        let content = try EmailMessageReader.read(bytes, limits: .default, handler: &handler)
        let names = content.textParts.map { $0.part ?? "" }
        for part in entry.parts ?? [] {
            #expect(names.contains(part ?? ""), "\(path): no text part \(part ?? "nil") in \(names)")
        }
        for expected in entry.findings {
            let part = try #require(content.textParts.first { $0.part == expected.part }, "\(path): no part \(expected.part ?? "nil")")
            let found = ReaderTestSupport.matches(in: part)
            #expect(found.contains { $0.match.category.rawValue == expected.category && $0.text == expected.value },
                    "\(path): \(expected.category) \(expected.value ?? "") not found in \(expected.part ?? "nil"): \(found.map(\.text))")
        }
        for field in entry.fields ?? [] {
            let container = field.container ?? "headers"
            #expect(content.fields.contains { $0.group == field.group && $0.name == field.name && $0.value == field.value.metadata
                                              && ($0.container == container || field.group != "Email") },
                    "\(path): field \(field.group):\(field.name) = \(field.value) missing; have \(content.fields)")
        }
        let attachments = entry.attachments ?? []
        #expect(handler.embedded.count == attachments.count, "\(path): \(handler.embedded.map(\.name))")
        for attachment in attachments {
            let got = try #require(handler.embedded.first { $0.name == attachment.name },
                                   "\(path): attachment \(attachment.name) not handed on; got \(handler.embedded.map(\.name))")
            #expect(got.bytes.count == attachment.bytes)
            if let source = attachment.source {
                #expect(got.bytes == (try MailHTMLManifest.bytes(source)), "\(path): \(attachment.name) differs from \(source)")
            }
            for expected in attachment.findings where expected.category == "gps_location" {
                // What the scanner will find in it: the GPS block of the attached JPEG.
                let metadata = try MediaContainerReader.read(.jpeg, from: MemoryByteSource(got.bytes))
                let fields = MetadataDecoder.decodeWithDetails(metadata.blocks).fields
                #expect(fields.contains { $0.group == "GPS" && $0.name == "GPSLatitude" }, "\(attachment.name): no GPS")
            }
            for expected in attachment.findings where expected.category != "gps_location" {
                let found = ReaderTestSupport.matches(in: TextPart(utf8: got.bytes))
                #expect(found.contains { $0.match.category.rawValue == expected.category && $0.text == expected.value })
            }
        }
        #expect(handler.skipped.isEmpty, "\(path): skipped \(handler.skipped)")
    }

    @Test func hiddenHTMLContentOfABodyIsListed() throws {
        let bytes = try MailHTMLManifest.bytes("documents/email/alternative-qp-base64.eml")
        var handler = MailCollectingHandler()
        let content = try EmailMessageReader.read(bytes, limits: .default, handler: &handler)
        #expect(Set(content.hidden.map(\.part)) == ["body.html/HTML comments", "body.html/hidden text"])
        #expect(content.hidden.allSatisfy { $0.kind == .hiddenText })
    }

    @Test func malformedMessageIsReadWithNotes() throws {
        let bytes = try MailHTMLManifest.bytes("documents/email/malformed.eml")
        var handler = MailCollectingHandler()
        let content = try EmailMessageReader.read(bytes, limits: .default, handler: &handler)
        #expect(content.notes.contains { $0.contains("no closing boundary") })
        #expect(content.notes.contains { $0.contains("x-made-up") })
        #expect(content.notes.contains { $0.contains("damaged header") })
        // A "B" word that is not Base64 stays as written instead of turning into noise.
        let to = try #require(content.fields.first { $0.name == "To" })
        #expect(to.value == .text("=?utf-8?B?@@@not-base64?= <thu.ha.do@example.org>"))
    }

    @Test func forwardedMessageNamesItsParts() throws {
        let bytes = try MailHTMLManifest.bytes("documents/email/forwarded-rfc822.eml")
        var handler = MailCollectingHandler()
        let content = try EmailMessageReader.read(bytes, limits: .default, handler: &handler)
        let inner = try #require(content.textParts.first { $0.part == "part 2/body" })
        // Windows-1258 quoted-printable, decoded to NFC UTF-8.
        #expect(String(decoding: inner.utf8, as: UTF8.self).hasPrefix("Anh Khoa ơi, số điện thoại mới của em là 0977.214.683."))
        let subject = try #require(content.textParts.first { $0.part == "part 2/Subject" })
        #expect(String(decoding: subject.utf8, as: UTF8.self) == "Số điện thoại mới")
        #expect(!content.fields.contains { $0.name == "Subject" })
    }
}

@Suite("EmailReader: header decoding")
struct EmailReaderHeaderTests {
    func decode(_ s: String) -> String { EncodedWordDecoder.decode(Array(s.utf8)) }

    @Test func encodedWordsBAndQ() {
        #expect(decode("=?UTF-8?B?Tmd1eeG7hW4gVGjhu4sgTWluaCBUaMawIA==?=") == "Nguyễn Thị Minh Thư ")
        #expect(decode("=?utf-8?q?Nguy=E1=BB=85n_Th=E1=BB=8B?=") == "Nguyễn Thị")
        #expect(decode("=?iso-8859-1?Q?Caf=E9?= au lait") == "Café au lait")
        #expect(decode("=?us-ascii?Q?Hello_world?=") == "Hello world")
        // Windows-1258: "Phạm" is P h a + combining dot below (0xF2) m.
        #expect(decode("=?windows-1258?Q?Ph=61=F2m?=") == "Phạm")
    }

    @Test func adjacentWordsJoinAndSplitCharactersSurvive() {
        // "ễ" = E1 BB 85 split across two words; the blank between words is dropped.
        #expect(decode("=?UTF-8?Q?Nguy=E1=BB?= =?UTF-8?Q?=85n?=") == "Nguyễn")
        #expect(decode("=?UTF-8?B?VGg=?=\r\n =?UTF-8?B?w7Q=?=") == "Thô")
        // Blanks between a word and plain text stay.
        #expect(decode("Re: =?UTF-8?Q?Ch=C3=A0o?= anh") == "Re: Chào anh")
    }

    @Test func malformedWordsStayLiteral() {
        #expect(decode("=?utf-8?B?@@@?=") == "=?utf-8?B?@@@?=")
        #expect(decode("=?utf-8?X?abc?=") == "=?utf-8?X?abc?=")
        #expect(decode("=?utf-8?q?unterminated") == "=?utf-8?q?unterminated")
        #expect(decode("=?") == "=?")
        #expect(decode("=?unknown-cs?Q?Ch=C3=A0o?=") == "Chào")
    }

    @Test func rawUTF8AndLegacyBytesInHeaders() {
        #expect(EncodedWordDecoder.decode(Array("Trần Thị Mai".utf8)) == "Trần Thị Mai")
        // Invalid UTF-8 never escapes as invalid text.
        let odd = EncodedWordDecoder.decode([0x41, 0xFF, 0x42])
        #expect(odd.unicodeScalars.allSatisfy { $0 != "\u{0}" })
    }

    @Test func addressLists() {
        func parse(_ s: String) -> [String] { EmailAddressList.parse(Array(s.utf8)).map(\.formatted) }
        #expect(parse("\"Trần, Thị Mai\" <mai.tran@example.com>, b@example.org")
                == ["Trần, Thị Mai <mai.tran@example.com>", "b@example.org"])
        #expect(parse("=?UTF-8?Q?L=C3=AA_V=C4=83n?= <le@example.com>") == ["Lê Văn <le@example.com>"])
        #expect(parse("\"=?UTF-8?B?xJDhu5cgVGh1IEjDoA==?=\" <ha@example.org>") == ["Đỗ Thu Hà <ha@example.org>"])
        #expect(parse("an@example.com (Vo Thi An)") == ["Vo Thi An <an@example.com>"])
        #expect(parse("Lớp 10A: a@example.com, b@example.com;, c@example.com")
                == ["a@example.com", "b@example.com", "c@example.com"])
        #expect(parse("undisclosed-recipients:;") == [])
        #expect(parse("<@relay.example.net:route@example.com>") == ["route@example.com"])
        #expect(parse("'Thư' <thu@example.com>") == ["Thư <thu@example.com>"])
        #expect(parse("\"Lê Văn Khoa <khoa@example.com>") == ["Lê Văn Khoa <khoa@example.com>"])
        #expect(parse("\"a\\\"b\" <q@example.com>") == ["a\"b <q@example.com>"])
        #expect(parse("") == [])
    }

    @Test func headerUnfoldingAndMbox() {
        let raw = "From MAILER-DAEMON Mon Jan 12 09:30:00 2026\nSubject: one\n  two\tthree\nX-Empty:\nTo : a@example.com\n\nbody"
        let bytes = Array(raw.utf8)
        let block = bytes.withUnsafeBufferPointer { MIMEHeaderBlock.parse($0, 0..<$0.count) }
        #expect(block.first("subject").map { String(decoding: $0, as: UTF8.self) } == "one  two\tthree")
        #expect(block.first("to").map { String(decoding: $0, as: UTF8.self) } == "a@example.com")
        #expect(block.first("x-empty") == [])
        #expect(String(decoding: bytes[block.bodyStart...], as: UTF8.self) == "body")
    }

    @Test func headerSectionWithoutBlankLine() {
        let bytes = Array("Subject: hi\r\nthis is body text\r\nmore".utf8)
        let block = bytes.withUnsafeBufferPointer { MIMEHeaderBlock.parse($0, 0..<$0.count) }
        #expect(block.headers.count == 1)
        #expect(String(decoding: bytes[block.bodyStart...], as: UTF8.self) == "this is body text\r\nmore")
    }

    @Test func contentTypeParameters() {
        func parse(_ s: String) -> MIMEContentField { MIMEParameters.parse(Array(s.utf8)) }
        let a = parse("Text/HTML; Charset=\"UTF-8\"; format=flowed")
        #expect(a.value == "text/html" && a["charset"] == "UTF-8" && a["format"] == "flowed")
        let b = parse("attachment; filename*0*=UTF-8''%E1%BA%A3nh%20; filename*1*=nh%C3%A0.jpg")
        #expect(b.value == "attachment" && b["filename"] == "ảnh nhà.jpg")
        let c = parse("attachment; filename*=windows-1258'vi'Ph%61%F2m.txt")
        #expect(c["filename"] == "Phạm.txt")
        let d = parse("image/jpeg; name=\"=?UTF-8?B?4bqjbmguanBn?=\"")
        #expect(d["name"] == "ảnh.jpg")
        let e = parse("multipart/mixed; boundary=\"a\\\"b\"; x=unquoted value ")
        #expect(e["boundary"] == "a\"b" && e["x"] == "unquoted value")
        let f = parse("attachment; filename*1=\"b.txt\"; filename*0=\"a\"")
        #expect(f["filename"] == "ab.txt")
        #expect(parse("").value == "")
        #expect(parse(";;;=;a=").parameters["a"] == "")
    }
}

@Suite("EmailReader: transfer decoding")
struct EmailReaderTransferTests {
    @Test func base64IsLenient() {
        let clean = Base64Decoder.decode(Array("U+G7kSAwOTEz".utf8))
        #expect(String(decoding: clean, as: UTF8.self) == "Số 0913")
        let noisy = Base64Decoder.decode(Array("U+G7\r\n kSA!!w~OTEz".utf8))
        #expect(noisy == clean)
        // Missing padding, a dangling partial group, and padding in the middle.
        #expect(Base64Decoder.decode(Array("QUJD".utf8)) == Array("ABC".utf8))
        #expect(Base64Decoder.decode(Array("QUI".utf8)) == Array("AB".utf8))
        #expect(Base64Decoder.decode(Array("Q".utf8)) == [])
        #expect(Base64Decoder.decode(Array("QUJD".utf8), maxOutput: 2) == Array("AB".utf8))
        #expect(Base64Decoder.decode([]) == [])
    }

    @Test func quotedPrintable() {
        func qp(_ s: String) -> String { String(decoding: QuotedPrintableDecoder.decode(Array(s.utf8)), as: UTF8.self) }
        #expect(qp("Nguy=E1=BB=85n") == "Nguyễn")
        #expect(qp("Nguy=e1=bb=85n") == "Nguyễn")
        #expect(qp("soft=\r\nbreak") == "softbreak")
        #expect(qp("soft=  \nbreak") == "softbreak")
        #expect(qp("trailing   \r\nline") == "trailing\r\nline")
        #expect(qp("a = b =ZZ =4") == "a = b =ZZ =4")
        #expect(qp("end=") == "end")
        #expect(qp("tab\there") == "tab\there")
        #expect(QuotedPrintableDecoder.decode(Array("=41=42=43".utf8), maxOutput: 2) == Array("AB".utf8))
    }

    @Test func charsets() {
        #expect(MIMECharset(label: "UTF-8") == .utf8)
        #expect(MIMECharset(label: "\"iso-8859-1\"") == .windows1252)
        #expect(MIMECharset(label: "CP1258") == .windows1258)
        #expect(MIMECharset(label: "utf-8*vi") == .utf8)
        #expect(MIMECharset(label: "x-klingon") == nil)
        #expect(MIMECharset.windows1252.string([0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94]) == "Café \u{201C}q\u{201D}")
        #expect(MIMECharset.windows1258.string([0x50, 0x68, 0x61, 0xF2, 0x6D]) == "Phạm")
        // Invalid UTF-8 labelled UTF-8: a mislabelled Windows-1258 message is recognised.
        let legacy = Array("Nguy".utf8) + [0xEA, 0xDE, 0x6E, 0x20, 0x56, 0xE3, 0x6E]
        #expect(MIMECharset.utf8.string(legacy) == "Nguyễn Văn")
        let broken = MIMECharset.decodeUTF8Lenient([0x61, 0xE1, 0xBB, 0x62])
        #expect(String(decoding: broken.utf8, as: UTF8.self) == "a\u{FFFD}\u{FFFD}b")
        #expect(broken.sourceOffsets?.count == broken.utf8.count + 1)
    }
}

@Suite("EmailReader: structure and limits")
struct EmailReaderStructureTests {
    func read(_ text: String, limits: ArchiveLimits = .default) throws -> (DocumentContent, MailCollectingHandler) {
        var handler = MailCollectingHandler()
        let content = try EmailMessageReader.read(Array(text.utf8), limits: limits, handler: &handler)
        return (content, handler)
    }

    func text(_ content: DocumentContent, _ part: String) -> String? {
        content.textParts.first { $0.part == part }.map { String(decoding: $0.utf8, as: UTF8.self) }
    }

    @Test func singlePartWithoutMIMEHeaders() throws {
        let (content, _) = try read("From: a@example.com\nSubject: Chào\n\nGọi 0913 527 846\n")
        #expect(text(content, "body") == "Gọi 0913 527 846\n")
        #expect(text(content, "Subject") == "Chào")
        #expect(text(content, "headers") == "From: a@example.com")
    }

    @Test func flowedTextIsUnwrapped() throws {
        let body = "Số của chị Lan là 0913 527 \r\n846, gọi sau \r\n 8 giờ.\r\n-- \r\nLan\r\n"
        let (content, _) = try read("Content-Type: text/plain; charset=utf-8; format=flowed\n\n" + body)
        #expect(text(content, "body") == "Số của chị Lan là 0913 527 846, gọi sau 8 giờ.\r\n-- \r\nLan\r\n")
        let (delsp, _) = try read("Content-Type: text/plain; format=flowed; delsp=yes\n\nabc \ndef\n")
        #expect(text(delsp, "body") == "abcdef\n")
    }

    @Test func htmlOnlyMessage() throws {
        let (content, _) = try read("Content-Type: text/html; charset=utf-8\n\n<p>Gọi <b>0913&nbsp;527&nbsp;846</b></p><!-- x 1 -->")
        #expect(text(content, "body.html") == "Gọi 0913\u{A0}527\u{A0}846\n")
        #expect(text(content, "body.html/HTML comments") == "x 1 ")
    }

    @Test func secondTextPartsAreNumbered() throws {
        let message = """
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: text/plain

        first
        --b
        Content-Type: text/plain

        second
        --b
        Content-Type: multipart/alternative; boundary=c

        --c
        Content-Type: text/plain

        third
        --c--
        --b--
        """
        let (content, _) = try read(message)
        #expect(text(content, "body") == "first")
        #expect(text(content, "part 2/body") == "second")
        #expect(text(content, "part 3.1/body") == "third")
    }

    @Test func boundaryPrefixOfAnotherDoesNotSplit() throws {
        let message = "Content-Type: multipart/mixed; boundary=b1\n\n--b1\nContent-Type: text/plain\n\nx\n--b1_alt\ny\n--b1--\n"
        let (content, _) = try read(message)
        #expect(text(content, "body") == "x\n--b1_alt\ny")
    }

    @Test func multipartWithoutBoundaryIsText() throws {
        let (content, _) = try read("Content-Type: multipart/mixed\n\nGọi 0913 527 846")
        #expect(text(content, "body") == "Gọi 0913 527 846")
        #expect(content.notes.contains { $0.contains("without a usable boundary") })
    }

    @Test func attachmentNamesAndExtensions() throws {
        let message = """
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: image/png

        PNGDATA
        --b
        Content-Type: application/octet-stream
        Content-Disposition: attachment; filename="../../etc/passwd"

        x
        --b
        Content-Type: text/csv; name=list.csv

        a,b
        --b--
        """
        let (_, handler) = try read(message)
        #expect(handler.embedded.map(\.name) == ["part 1.png", "../../etc/passwd", "list.csv"])
        #expect(handler.embedded.first.map { String(decoding: $0.bytes, as: UTF8.self) } == "PNGDATA")
    }

    @Test func tooDeepNestingIsSkipped() throws {
        var message = ""
        for level in 0..<40 { message += "Content-Type: multipart/mixed; boundary=l\(level)\n\n--l\(level)\n" }
        message += "Content-Type: text/plain\n\ndeep 0913 527 846\n"
        let (content, handler) = try read(message)
        #expect(handler.skipped.contains { $0.reason.code == "depth-limit" })
        #expect(!content.textParts.contains { $0.part?.hasSuffix("body") == true })
    }

    @Test func nestedForwardsAreDepthLimited() throws {
        var message = "Subject: 0\nContent-Type: text/plain\n\ninnermost\n"
        for level in 1...30 { message = "Subject: \(level)\nContent-Type: message/rfc822\n\n" + message }
        let (content, handler) = try read(message)
        #expect(handler.skipped.count == 1)
        #expect(handler.skipped.first?.reason.code == "depth-limit")
        #expect(content.textParts.filter { $0.part?.hasSuffix("Subject") == true }.count == EmailMessageReader.maxDepth + 1)
    }

    @Test func partCountIsLimited() throws {
        var message = "Content-Type: multipart/mixed; boundary=b\n\n"
        for i in 0..<3000 { message += "--b\nContent-Type: application/octet-stream\n\n\(i)\n" }
        message += "--b--\n"
        var limits = ArchiveLimits()
        limits.maxMembers = 100
        let (content, handler) = try read(message, limits: limits)
        #expect(handler.embedded.count == 100)
        #expect(handler.skipped.count == EmailMessageReader.maxParts - 1 - 100)
        #expect(content.notes.contains { $0.contains("MIME parts") })
    }

    @Test func oversizedPartsAreSkipped() throws {
        let payload = String(repeating: "QUJD", count: 4000)  // 12,000 bytes decoded
        let message = "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: image/jpeg\nContent-Transfer-Encoding: base64\n\n\(payload)\n--b\nContent-Type: image/jpeg\nContent-Transfer-Encoding: base64\n\nQUJD\n--b--\n"
        var limits = ArchiveLimits()
        limits.maxMemberBytes = 10_000
        let (_, handler) = try read(message, limits: limits)
        #expect(handler.skipped.map(\.name) == ["part 1.jpg"])
        #expect(handler.skipped.first?.reason.code == "limit-exceeded")
        #expect(handler.embedded.map(\.name) == ["part 2.jpg"])

        var tight = ArchiveLimits()
        tight.maxTotalExpandedBytes = 5
        let (_, second) = try read(message, limits: tight)
        #expect(second.skipped.map(\.name) == ["part 1.jpg"] && second.skipped.first?.reason.code == "limit-exceeded")
        #expect(second.embedded.map(\.name) == ["part 2.jpg"])
    }

    @Test func binaryWithoutHeadersIsAnError() {
        var handler = MailCollectingHandler()
        #expect(throws: ScanError.self) {
            try EmailMessageReader.read([0x00, 0x01, 0xFF, 0x00, 0x20], limits: .default, handler: &handler)
        }
    }

    @Test func textWithoutHeadersIsReadAsBody() throws {
        let (content, _) = try read("Chào anh, số em là 0913 527 846")
        #expect(text(content, "body") == "Chào anh, số em là 0913 527 846")
        #expect(content.notes.contains { $0.contains("no e-mail header") })
    }

    @Test func hostileInputsStayBounded() throws {
        let seconds = try TestSupport.cpuSeconds {
            // 2 MB of one folded header line, a body of "=" and garbage Base64.
            let huge = "Subject: " + String(repeating: "=?utf-8?q?a?= ", count: 150_000) + "\n" + "X: " +
                String(repeating: "a\n ", count: 100_000) + "\n"
            _ = try read(huge + "Content-Transfer-Encoding: quoted-printable\n\n" + String(repeating: "=", count: 1_000_000))
            _ = try read("Content-Transfer-Encoding: base64\n\n" + String(repeating: "!@#$%^&*", count: 200_000))
            _ = try read("To: " + String(repeating: "(", count: 500_000) + "\n\n")
            _ = try read("To: " + String(repeating: "\"a\" <b@c.d>, ", count: 100_000) + "\n\n")
            _ = try read("Content-Type: multipart/mixed; boundary=b\n\n" + String(repeating: "--b\n", count: 200_000))
        }
        #expect(seconds < 30, "hostile messages took \(seconds) s of CPU")
    }

    @Test func randomBytesNeverCrash() {
        var rng = MailTestRandom(seed: 0x5EED_0005)
        let pieces = ["From: ", "To: ", "Subject: ", "Content-Type: multipart/mixed; boundary=b\n", "--b\n", "--b--\n",
                      "\n", "\r\n", "=?utf-8?B?", "?=", "=?utf-8?q?", "Content-Transfer-Encoding: base64\n",
                      "Content-Transfer-Encoding: quoted-printable\n", "message/rfc822\n", "Content-Type: ", "text/html\n",
                      "<p>", "&amp;", "=E1=BB", "\"", "<", ">", "(", ")", ",", ":", ";", "\u{0}", "ễ",
                      "Content-Type: text/plain; format=flowed; delsp=yes\n", " \r\n", "filename*0*=utf-8''%E1", "; name*1=\""]
        for _ in 0..<600 {
            var text = ""
            for _ in 0..<Int(rng.next() % 60) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            var bytes = Array(text.utf8)
            for _ in 0..<Int(rng.next() % 4) where !bytes.isEmpty { bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next()) }
            var handler = MailCollectingHandler()
            if let content = try? EmailMessageReader.read(bytes, limits: .default, handler: &handler) {
                for part in content.textParts { _ = TextDetectionEngine.standard.detect(in: part.utf8) }
            }
        }
    }
}

/// Deterministic generator for the random-input tests (SplitMix64).
struct MailTestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
