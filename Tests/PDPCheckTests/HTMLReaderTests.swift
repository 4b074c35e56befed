import Foundation
import Testing
@testable import PDPCheck

@Suite("HTMLReader: corpus")
struct HTMLReaderCorpusTests {
    static let entries: [MailHTMLManifest.Entry] = (try? MailHTMLManifest.load().files.filter { $0.format == "html" }) ?? []

    @Test func manifestListsThePages() {
        #expect(Self.entries.count >= 4)
    }

    /// Manifest keys only the HTML tests read: "once" (values found exactly once in the whole
    /// page) and "notExifTool" (fields from `<meta property>`, which ExifTool does not read).
    static func extra(_ path: String, _ key: String) -> [String] {
        let url = TestSupport.corpus.appendingPathComponent("documents/mail-html-manifest.json")
        guard let data = try? Data(contentsOf: url),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let files = root["files"] as? [[String: Any]],
              let entry = files.first(where: { $0["path"] as? String == path }) else { return [] }
        return entry[key] as? [String] ?? []
    }

    /// Every expected finding is found in its part, and its reported offsets are exactly the
    /// source bytes it came from: `file[start..<end]` is the marked source text.
    @Test(arguments: entries.map(\.path))
    func findingsMapBackToTheSource(_ path: String) throws {
        let entry = try #require(Self.entries.first { $0.path == path })
        let bytes = try MailHTMLManifest.bytes(path)
        let content = HTMLTextReader.read(bytes)
        #expect(content.textParts.first?.part == nil)
        #expect(content.textParts.map(\.part) == (entry.parts ?? [nil]))
        for part in content.textParts { ReaderTestSupport.checkMap(part, sourceCount: bytes.count, "\(path) \(part.part ?? "main")") }
        for expected in entry.findings {
            let part = try #require(content.textParts.first { $0.part == expected.part })
            let found = ReaderTestSupport.matches(in: part).filter {
                $0.match.category.rawValue == expected.category && $0.text == expected.value
            }
            let match = try #require(found.first, "\(path): \(expected.category) \(expected.value ?? "") not found in \(expected.part ?? "main")")
            let start = part.sourceOffset(match.match.start), end = part.sourceOffset(match.match.end)
            #expect(start == expected.start && end == expected.end,
                    "\(path): \(expected.value ?? "") at \(start)..<\(end), expected \(expected.start ?? -1)..<\(expected.end ?? -1)")
            if let s = expected.start, let e = expected.end, entry.charset == nil {
                #expect(String(decoding: bytes[s..<e], as: UTF8.self) == expected.source)
            }
        }
        let everything = content.textParts.flatMap { ReaderTestSupport.matches(in: $0).map(\.text) }
        // A number counts in any spelling ("+84916274835" is "0916 274 835").
        func key(_ text: String) -> String {
            if text.contains("@") { return text.lowercased() }
            return String(decoding: HTMLContactLink.national(Array(text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 })), as: UTF8.self)
        }
        for value in Self.extra(path, "once") {
            let count = everything.filter { key($0) == key(value) }.count
            #expect(count == 1, "\(path): \(value) found \(count) times in \(content.textParts.map { $0.part ?? "main" })")
        }
        for decoy in entry.absent ?? [] {
            #expect(!everything.contains { $0.contains(decoy) || decoy.contains($0) && $0.count > 6 }, "\(path): \(decoy) must not be read")
        }
        for field in entry.fields ?? [] {
            #expect(content.fields.contains { $0.group == field.group && $0.name == field.name && $0.value == field.value.metadata },
                    "\(path): field \(field.group):\(field.name) missing; have \(content.fields.map { "\($0.group):\($0.name)=\($0.value)" })")
        }
        #expect(Set(content.hidden.map(\.part)) == Set(entry.hidden ?? []))
    }

    /// ExifTool reads HTML `<title>`, `<meta>` and Word's Office properties: the same fields
    /// with the same names (values compared where ExifTool decodes them: it reads Windows-1258
    /// pages as Latin-1, so only their ASCII values can agree).
    @Test(arguments: entries.map(\.path))
    func fieldsAgreeWithExifTool(_ path: String) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/exiftool") else { return }
        let url = TestSupport.corpus.appendingPathComponent(path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/exiftool")
        process.arguments = ["-j", "-G1", "-a", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]]).first ?? [:]
        let content = HTMLTextReader.read(try MailHTMLManifest.bytes(path))
        let ours = Dictionary(content.fields.map { ("\($0.group):\($0.name)", $0.value.texts.first ?? "") }, uniquingKeysWith: { a, _ in a })
        var compared = 0
        let onlyOurs = Set(Self.extra(path, "notExifTool"))
        for key in onlyOurs { #expect(ours[key] != nil && json[key] == nil, "\(path): \(key) is listed as read by us only") }
        for (key, value) in json where key.hasPrefix("HTML") || key.hasPrefix("HTTP-equiv") {
            #expect(ours[key] != nil, "\(path): ExifTool has \(key), we do not")
            guard let mine = ours[key], let theirs = (value as? String) ?? (value as? NSNumber).map({ "\($0)" }) else { continue }
            // ExifTool reformats dates; everything else must agree where it decoded the text.
            let legacyPage = Self.entries.first { $0.path == path }?.charset != nil
            if key.hasSuffix("Date") || (legacyPage && !theirs.unicodeScalars.allSatisfy { $0.isASCII && $0 != "?" }) { continue }
            #expect(mine == theirs, "\(path): \(key) = \(mine), ExifTool \(theirs)")
            compared += 1
        }
        for key in ours.keys where !onlyOurs.contains(key) { #expect(json[key] != nil, "\(path): we have \(key), ExifTool does not") }
        if !content.fields.isEmpty { #expect(compared > 0) }
    }
}

@Suite("HTMLReader: text and references")
struct HTMLReaderTextTests {
    func visible(_ html: String) -> String {
        String(decoding: HTMLTextReader.read(Array(html.utf8)).textParts[0].utf8, as: UTF8.self)
    }

    func part(_ html: String, _ name: String) -> String? {
        HTMLTextReader.read(Array(html.utf8)).textParts.first { $0.part == name }.map { String(decoding: $0.utf8, as: UTF8.self) }
    }

    @Test func namedReferences() {
        #expect(visible("&agrave;&aacute;&acirc;&atilde;&ecirc;&ocirc;&ucirc;&abreve;&dstrok;&Dstrok;&itilde;&utilde;")
                == "àáâãêôûăđĐĩũ")
        #expect(visible("a&nbsp;b &amp; &lt;p&gt; &quot;x&quot; &apos;y&apos;") == "a\u{A0}b & <p> \"x\" 'y'")
        #expect(visible("&amp;amp; &unknown; &AMP; &hellip;") == "&amp; &unknown; & …")
    }

    @Test func legacyReferencesWithoutSemicolon() {
        #expect(visible("a&nbspb &copy 2026 &notit;") == "a\u{A0}b © 2026 ¬it;")
        // In attribute values a legacy reference before a letter or "=" stays literal.
        #expect(part("<img alt=\"x&copy=1 &copy;2 &notit\">", "alt text") == "x&copy=1 ©2 &notit")
    }

    @Test func numericReferences() {
        #expect(visible("&#7877;&#x1EC5;&#X1ec5;") == "ễễễ")
        #expect(visible("&#x1F600;&#128512") == "😀😀")
        #expect(visible("&#0;|&#x110000;|&#xD800;|&#99999999999999999999;") == "\u{FFFD}|\u{FFFD}|\u{FFFD}|\u{FFFD}")
        #expect(visible("&#150;&#x80;") == "\u{2013}\u{20AC}")
        #expect(visible("&#; &#x; &#xZ; & &") == "&#; &#x; &#xZ; & &")
        #expect(visible("end&") == "end&")
        #expect(visible("&#64;") == "@")
    }

    @Test func tagsBlocksAndWhitespace() {
        #expect(visible("<p>a</p><p>b</p>") == "a\nb\n")
        #expect(visible("a<br>b<br/>c</br>d") == "a\nb\nc\nd")
        #expect(visible("x  \n\t y") == "x y")
        #expect(visible("<div>  <span>a</span>   <span>b</span>  </div>") == "a b\n")
        #expect(visible("<pre>a\n  b</pre>c") == "a\n  b\nc")
        #expect(visible("a < b, c<3, d <= e") == "a < b, c<3, d <= e")
        #expect(visible("<TABLE><TR><TD>1</TD><TD>2</TD></TR><TR><TD>3</TD></TR></TABLE>") == "1\t2\n3\n")
        #expect(visible("<P CLASS=MsoNormal>Hoa</P>") == "Hoa\n")
        #expect(visible("<a href='x' title=\"y>z\">link</a>") == "link")
        #expect(visible("a</>b</ x>c") == "abc")
    }

    @Test func invisibleContentIsSkipped() {
        #expect(visible("<script>var p = '0912 345 678';</script>x") == "x")
        #expect(visible("<SCRIPT type=x>if (a</b) {}</SCRIPT >y") == "y")
        #expect(visible("<style>p { x: '</p>' }</style>z") == "z")
        #expect(visible("<template><p>0904 883 172</p></template>t") == "t")
        #expect(visible("<!DOCTYPE html><?xml version='1.0'?><![CDATA[x]]>y") == "y")
        #expect(visible("<title>T</title><body>b</body>") == "b\n")
        #expect(visible("<script>unterminated 0912") == "")
    }

    @Test func textareaKeepsTextAndDecodesReferences() {
        #expect(visible("<textarea>&lt;b&gt; 0912\n345</textarea>") == "<b> 0912\n345")
    }

    @Test func commentsArePartsAndHiddenItems() throws {
        let content = HTMLTextReader.read(Array("a<!-- số cũ 0868 301 954 -->b<!---->c<!-->d<!-- <b>x</b> -->".utf8))
        #expect(String(decoding: content.textParts[0].utf8, as: UTF8.self) == "abcd")
        let comments = try #require(content.textParts.first { $0.part == "HTML comments" })
        #expect(String(decoding: comments.utf8, as: UTF8.self) == "số cũ 0868 301 954\nx ")
        #expect(content.hidden.count == 2)
        #expect(content.hidden.allSatisfy { $0.kind == .hiddenText && $0.part == "HTML comments" })
        // Word's conditional-comment markers alone are no hidden content.
        let word = HTMLTextReader.read(Array("<!--[if !supportLists]--><span>1.</span><!--[endif]-->".utf8))
        #expect(word.hidden.isEmpty)
    }

    @Test func hiddenElements() throws {
        let html = """
        <p>shown</p><div style="color:red; DISPLAY : none">a<div>b</div>c</div><span hidden>d</span>\
        <p style='visibility:hidden'>e</p><input type=hidden name=id value="001195372816"><br/>end
        """
        let content = HTMLTextReader.read(Array(html.utf8))
        #expect(String(decoding: content.textParts[0].utf8, as: UTF8.self) == "shown\nend")
        let hidden = try #require(content.textParts.first { $0.part == "hidden text" })
        #expect(String(decoding: hidden.utf8, as: UTF8.self) == "a\nb\nc\nd\ne\n001195372816")
        #expect(content.hidden.count == 4)
    }

    @Test func attributeTextsAndLinks() throws {
        let html = """
        <img src=a.jpg alt="Nhà số 12" title='Ảnh &amp; chú thích'><input placeholder="SĐT của bạn">\
        <a href="tel:%2B84%20935%20618%20247">gọi</a><a href="https://example.com/0912345678">web</a>\
        <a href="mailto:an&#64;example.com">mail</a><a href="sms:0913527846">sms</a>\
        <a href="https://maps.google.com/?q=10.7769,106.7009">bản đồ</a>
        """
        #expect(part(html, "alt text") == "Nhà số 12\nẢnh & chú thích\nSĐT của bạn")
        #expect(part(html, "links") == "tel:+84 935 618 247\nmailto:an@example.com\nsms:0913527846\nhttps://maps.google.com/?q=10.7769,106.7009")
    }

    @Test func metaFieldsAndTitle() {
        let html = """
        <head><title> Tiêu  đề &amp; x </title><meta name="Author" content="Nguyễn Thị Minh Thư">\
        <meta name="dc.creator" content="Lê Văn Khoa"><meta name="revisit-after" content="7 days">\
        <meta http-equiv="Reply-To" content="a@example.com"><meta name="x"></head>
        """
        let fields = HTMLTextReader.read(Array(html.utf8)).fields.map { "\($0.group):\($0.name)=\($0.value.texts.first ?? "")" }
        #expect(fields == ["HTML:Title=Tiêu đề & x", "HTML:Author=Nguyễn Thị Minh Thư", "HTML-dc:Creator=Lê Văn Khoa",
                           "HTML:RevisitAfter=7 days", "HTTP-equiv:ReplyTo=a@example.com"])
    }

    @Test func linksWhoseTextShowsTheTargetAreNotRepeated() {
        let html = """
        <a href="tel:%2B84%20916%20274%20835">0916 274 835</a> <a href="tel:0916274835">gọi</a>\
        <a href="sms:+84916274835"><b>+84</b> 916 274 835</a> <a href="callto:0916274835">0916 274 836</a>\
        <a href="mailto:Hanh.Le@example.net">hanh.le@example.net</a>\
        <a href="mailto:a@example.net,b@example.net?subject=Hẹn">a@example.net</a>\
        <a href="mailto:c@example.net?subject=G%E1%BB%8Di 0987213546">c@example.net</a>\
        <a href="tel:0916274835"><span hidden>0916 274 835</span></a><a href=tel:0987213546/>0987 213 546
        """
        // Kept: a link whose text is something else ("gọi"), another number (…836), only one of
        // two addresses, the query of a mailto whose address is shown, and a link whose text
        // is hidden (the hidden text is reported as such, the target as a link). Dropped: the
        // rest, including `href=tel:…/` (unquoted, the slash is part of the value: not void).
        #expect(part(html, "links") == """
            tel:0916274835
            callto:0916274835
            mailto:a@example.net,b@example.net?subject=Hẹn
            ?subject=G%E1%BB%8Di 0987213546
            tel:0916274835
            """)
        #expect(visible(html).hasPrefix("0916 274 835 gọi+84 916 274 835 0916 274 836hanh.le@example.net"))
    }

    @Test func linkTargets() {
        #expect(HTMLContactLink.decode("tel:+84 (916) 274-835").target == .phone(Array("0916274835".utf8)))
        #expect(HTMLContactLink.decode("TEL:0084916274835;ext=2").target == .phone(Array("0916274835".utf8)))
        #expect(HTMLContactLink.decode("tel:113").target == .other)
        #expect(HTMLContactLink.decode("mailto:?subject=x").target == .other)
        #expect(HTMLContactLink.decode("https://example.com").target == .other)
        let mail = HTMLContactLink.decode("mailto:An@Example.com%2Cb@example.com")
        #expect(mail.target == .mail([Array("an@example.com".utf8), Array("b@example.com".utf8)]))
        #expect(!mail.isShown(in: ArraySlice("an@example.com".utf8)))
        #expect(mail.isShown(in: ArraySlice("AN@example.com, b@example.com".utf8)))
        #expect(HTMLContactLink.decode("tel:0916274835").isShown(in: ArraySlice("(+84) 916.274.835".utf8)))
    }

    @Test func metaPropertiesAndUnknownPrefixes() {
        let html = """
        <head><meta property="article:author" content="Vương Quốc Bảo"><meta name="twitter:creator" content="@bao">\
        <meta property="og:title" content="T"><meta name="DC.Creator" content="Lê Thị Hạnh">\
        <meta name="a:" content="x"><meta name="(x):y" content="z"></head>
        """
        let fields = HTMLTextReader.read(Array(html.utf8)).fields.map { "\($0.group):\($0.name)=\($0.value.texts.first ?? "")" }
        #expect(fields == ["HTML-article:ArticleAuthor=Vương Quốc Bảo", "HTML-twitter:TwitterCreator=@bao", "HTML-og:OgTitle=T",
                           "HTML-dc:Creator=Lê Thị Hạnh", "HTML:A=x", "HTML:XY=z"])
    }

    @Test func emailBodyPartsAreNamedBelowTheBody() {
        let content = HTMLTextReader.read(Array("<title>t</title><p>x</p><img alt=y><!--z-->".utf8), charset: nil, part: "body.html")
        #expect(content.textParts.map(\.part) == ["body.html", "body.html/alt text", "body.html/HTML comments"])
        #expect(content.hidden.map(\.part) == ["body.html/HTML comments"])
        #expect(content.fields.map(\.container) == ["body.html"])
        #expect(HTMLTextReader.read(Array("<title>t</title>".utf8)).fields.map(\.container) == [""])
    }
}

@Suite("HTMLReader: offsets")
struct HTMLReaderOffsetTests {
    /// The source bytes the engine's matches map to, per match.
    func sources(_ bytes: [UInt8], part name: String? = nil) -> [String] {
        let content = HTMLTextReader.read(bytes)
        guard let part = content.textParts.first(where: { $0.part == name }) else { return [] }
        return TextDetectionEngine.standard.detect(in: part.utf8).filter { $0.category != .personName }.map {
            String(decoding: bytes[part.sourceOffset($0.start)..<part.sourceOffset($0.end)], as: UTF8.self)
        }
    }

    @Test func spansAreTheSourceWithoutSurroundingTags() {
        let html = "<p>Gọi <b>0913&nbsp;527&nbsp;846</b> nhé</p><p><i>0386 492 157</i></p>\n<td>001195372816</td>"
        #expect(sources(Array(html.utf8)) == ["0913&nbsp;527&nbsp;846", "0386 492 157", "001195372816"])
    }

    @Test func spansIncludeTagsInsideTheValue() {
        let html = "<p>SĐT: 0386<span>492</span>157, email lan&#46;pham&#64;example.net.</p>"
        #expect(sources(Array(html.utf8)) == ["0386<span>492</span>157", "lan&#46;pham&#64;example.net"])
    }

    @Test func everyByteMapsToWhereItCameFrom() {
        let html = "a&amp;b<!--c--><b>đ</b>&#7877;\n  e"
        let bytes = Array(html.utf8)
        let part = HTMLTextReader.read(bytes).textParts[0]
        #expect(String(decoding: part.utf8, as: UTF8.self) == "a&bđễ e")
        let map = part.sourceOffsets ?? []
        // a → 0, & → 1 (its "&amp;"), b → 6, đ (2 bytes) → 18, ễ (3 bytes) → 24 (its "&#7877;"),
        // the collapsed "\n  " → 31, e → 34, end → 35.
        #expect(map == [0, 1, 6, 18, 18, 24, 24, 24, 31, 34, 35])
    }

    @Test func windows1258PagesMapToTheirBytes() throws {
        // "Gọi chị Hà 0868.301.954" in Windows-1258: ọ = o + 0xF2 (dot below), ị = i + 0xF2, à = 0xE0.
        let head = Array("<meta charset=\"windows-1258\"><p>G".utf8)
        let body: [UInt8] = [0x6F, 0xF2, 0x69, 0x20, 0x63, 0x68, 0x69, 0xF2, 0x20, 0x48, 0xE0, 0x20]
        let phone = Array("0868.301.954".utf8)
        let bytes = head + body + phone + Array("</p>".utf8)
        let content = HTMLTextReader.read(bytes)
        #expect(String(decoding: content.textParts[0].utf8, as: UTF8.self) == "Gọi chị Hà 0868.301.954\n")
        let part = content.textParts[0]
        let match = try #require(TextDetectionEngine.standard.detect(in: part.utf8).first { $0.category == .phoneNumber })
        let start = part.sourceOffset(match.start), end = part.sourceOffset(match.end)
        #expect(Array(bytes[start..<end]) == phone)
        ReaderTestSupport.checkMap(part, sourceCount: bytes.count, "windows-1258")
    }

    @Test func charsetFromTransportAndByteOrderMark() {
        let latin = Array("<p>Caf".utf8) + [0xE9] + Array("</p>".utf8)
        #expect(String(decoding: HTMLTextReader.read(latin, charset: "iso-8859-1", part: nil).textParts[0].utf8, as: UTF8.self) == "Café\n")
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<p>x</p>".utf8)
        let content = HTMLTextReader.read(bom)
        #expect(String(decoding: content.textParts[0].utf8, as: UTF8.self) == "x\n")
        #expect(content.textParts[0].sourceOffset(0) == 6)
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("<b>y</b>".utf8).flatMap { [$0, 0] }
        #expect(String(decoding: HTMLTextReader.read(utf16).textParts[0].utf8, as: UTF8.self) == "y")
        let unknown = HTMLTextReader.read(Array("<meta charset=klingon>x".utf8))
        #expect(unknown.notes.count == 1)
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        let bytes: [UInt8] = Array("<p>a".utf8) + [0xFF, 0xC3] + Array("b</p>".utf8)
        let part = HTMLTextReader.read(bytes).textParts[0]
        #expect(TextSniffer.isValidUTF8(part.utf8, allowTruncatedTail: false))
        ReaderTestSupport.checkMap(part, sourceCount: bytes.count, "invalid")
    }
}

@Suite("HTMLReader: hostile input")
struct HTMLReaderHostileTests {
    func timed(_ label: String, limit: Double = 20, _ body: () -> Void) {
        let seconds = TestSupport.cpuSeconds(body)
        #expect(seconds < limit, "\(label) took \(seconds) s of CPU")
    }

    @Test func unterminatedConstructs() {
        #expect(String(decoding: HTMLTextReader.read(Array("a<!-- 0913 527 846".utf8)).textParts[0].utf8, as: UTF8.self) == "a")
        let comment = HTMLTextReader.read(Array("a<!-- 0913 527 846".utf8)).textParts.first { $0.part == "HTML comments" }
        #expect(comment.map { String(decoding: $0.utf8, as: UTF8.self) } == "0913 527 846")
        #expect(String(decoding: HTMLTextReader.read(Array("a<b title='x".utf8)).textParts[0].utf8, as: UTF8.self) == "a")
        #expect(String(decoding: HTMLTextReader.read(Array("a<b".utf8)).textParts[0].utf8, as: UTF8.self) == "a")
        #expect(String(decoding: HTMLTextReader.read(Array("a<".utf8)).textParts[0].utf8, as: UTF8.self) == "a<")
        #expect(String(decoding: HTMLTextReader.read(Array("<div hidden>never closed".utf8)).textParts[0].utf8, as: UTF8.self) == "")
        #expect(HTMLTextReader.read([]).textParts.count == 1)
    }

    @Test func deepNestingIsLinear() {
        timed("100k nested tags") {
            let html = String(repeating: "<div><span style='display:none'>", count: 100_000) + "0913 527 846" +
                String(repeating: "</span></div>", count: 100_000)
            let content = HTMLTextReader.read(Array(html.utf8))
            #expect(content.textParts.first { $0.part == "hidden text" }.map { String(decoding: $0.utf8, as: UTF8.self) } == "0913 527 846\n")
            #expect(content.hidden.count == 1)
        }
        timed("100k unclosed hidden elements") {
            let html = String(repeating: "<p hidden>x", count: 100_000)
            _ = HTMLTextReader.read(Array(html.utf8))
        }
    }

    @Test func hugeAttributesAndRuns() {
        timed("huge attribute") {
            let html = "<img alt=\"" + String(repeating: "a", count: 4_000_000) + "\" style=\"" + String(repeating: "x;", count: 1_000_000) + "\">b"
            let content = HTMLTextReader.read(Array(html.utf8))
            #expect(String(decoding: content.textParts[0].utf8, as: UTF8.self) == "b")
        }
        timed("runs of markup characters") {
            for unit in ["<", "&", "&#", "&#x", "<!", "</", "<a ", "<!--", "-->", "=", "\"", "<a b='", "&amp", "<script>", "</script"] {
                _ = HTMLTextReader.read(Array(String(repeating: unit, count: 300_000).utf8))
            }
            _ = HTMLTextReader.read(Array(("&#" + String(repeating: "9", count: 1_000_000)).utf8))
            _ = HTMLTextReader.read(Array(String(repeating: "<a " + String(repeating: "x=1 ", count: 100), count: 5000).utf8))
        }
    }

    @Test func manyCommentsAreCapped() {
        let html = String(repeating: "<!-- 1 -->", count: 1000)
        let content = HTMLTextReader.read(Array(html.utf8))
        #expect(content.hidden.count == HTMLTextExtractor.maxHiddenItems + 1)
    }

    @Test func randomInputsKeepTheInvariants() {
        var rng = MailTestRandom(seed: 0xB10C_0006)
        let pieces = ["<", ">", "</", "<!--", "-->", "&", ";", "#", "x", "&#x1EC5;", "&nbsp", "<p>", "</p>", "<b>", "<script>",
                      "</script>", "<div hidden>", "</div>", "<img alt='", "'", "\"", "=", " ", "\n", "0913 527 846",
                      "<a href=tel:", "ễ", "<pre>", "<textarea>", "<meta charset=windows-1258>", "\u{0}"]
        for _ in 0..<1500 {
            var text = ""
            for _ in 0..<Int(rng.next() % 40) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            var bytes = Array(text.utf8)
            for _ in 0..<Int(rng.next() % 3) where !bytes.isEmpty { bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next()) }
            let content = HTMLTextReader.read(bytes)
            for part in content.textParts {
                ReaderTestSupport.checkMap(part, sourceCount: bytes.count, "random")
                #expect(TextSniffer.isValidUTF8(part.utf8, allowTruncatedTail: false))
                for m in TextDetectionEngine.standard.detect(in: part.utf8) {
                    #expect(part.sourceOffset(m.start) <= part.sourceOffset(m.end))
                }
            }
        }
    }
}

/// Subtitles are read as plain text: the engine must not take their timestamps for numbers.
@Suite("HTMLReader: subtitles as text")
struct HTMLReaderSubtitleTests {
    static let entries: [MailHTMLManifest.Entry] = (try? MailHTMLManifest.load().files.filter { $0.format == "text" }) ?? []

    @Test func manifestListsTheSubtitles() {
        #expect(Self.entries.count >= 2)
    }

    @Test(arguments: entries.map(\.path))
    func captionsAreFoundAndTimestampsAreNot(_ path: String) throws {
        let entry = try #require(Self.entries.first { $0.path == path })
        let bytes = try MailHTMLManifest.bytes(path)
        let found = TextDetectionEngine.standard.detect(in: bytes).filter { $0.category.isIdentifierValue }
        let expected = entry.findings.map { "\($0.category) \($0.start ?? -1)..<\($0.end ?? -1)" }
        #expect(found.map { "\($0.category.rawValue) \($0.start)..<\($0.end)" } == expected)
    }

    @Test func scannerReportsOnlyTheCaptions() throws {
        let scanner = Scanner(options: ScanOptions(jobs: 1, showValues: true))
        for entry in Self.entries {
            let bytes = try MailHTMLManifest.bytes(entry.path)
            let report = scanner.scanItem(InputItem(displayPath: entry.path, source: .bytes(bytes)))
            let identifiers = report.findings.filter { $0.category.isIdentifierValue }
            #expect(identifiers.map(\.evidence) == entry.findings.compactMap(\.value), "\(entry.path)")
        }
    }

    @Test func thousandsOfTimestampsStaySilent() {
        var srt = ""
        var vtt = "WEBVTT\n\n"
        for i in 0..<3000 {
            let start = i * 3_217 + (i % 7) * 1000, end = start + 2_000 + (i % 13) * 97
            func stamp(_ ms: Int, _ sep: String) -> String {
                let h = ms / 3_600_000, m = ms / 60_000 % 60, s = ms / 1000 % 60, f = ms % 1000
                return String(format: "%02d:%02d:%02d%@%03d", h, m, s, sep, f)
            }
            srt += "\(i + 1)\n\(stamp(start, ",")) --> \(stamp(end, ","))\nCâu thoại số \(i + 1)\n\n"
            vtt += "\(stamp(start, ".")) --> \(stamp(end, ".")) line:\(i % 100)%\n<\(stamp(start + 500, "."))>lời \(i)\n\n"
        }
        for text in [srt, vtt] {
            let found = TextDetectionEngine.standard.detect(in: Array(text.utf8)).filter { $0.category.isIdentifierValue }
            #expect(found.isEmpty, "\(found.prefix(5))")
        }
    }
}

@Suite("HTMLReader: through the scanner")
struct HTMLScannerTests {
    static func findings(_ path: String) async -> [Finding] {
        let url = TestSupport.corpus.appendingPathComponent(path)
        let report = await Scanner(options: ScanOptions(showValues: true)).scan([InputItem(displayPath: path, source: .file(path: url.path))])
        return report.files.first?.findings ?? []
    }

    /// `<meta name="author">`, Dublin Core, Open Graph's `article:author` and Word's Office
    /// properties name people: each is an `author_identity` finding.
    @Test func metaAuthorsAreAuthorFindings() async {
        let profile = await Self.findings("documents/html/profile-meta.html")
        let authors = Set(profile.filter { $0.category == .authorIdentity }.map { "\($0.location.group ?? ""):\($0.location.field ?? "")=\($0.evidence)" })
        #expect(authors == ["HTML:Author=Lê Thị Hạnh", "HTML-dc:Creator=Lê Thị Hạnh", "HTML-dc:Contributor=Vương Quốc Bảo",
                            "HTML-article:ArticleAuthor=Vương Quốc Bảo"])
        let word = await Self.findings("documents/html/word-export.htm")
        let wordAuthors = Set(word.filter { $0.category == .authorIdentity }.map { "\($0.location.field ?? "")=\($0.evidence)" })
        #expect(wordAuthors == ["Author=Trần Hoàng Long", "LastAuthor=Đỗ Thu Hà", "Company=Công ty TNHH Mẫu Thử"])
    }

    /// A number or address shown as a link's text and written in its `tel:` / `mailto:` target
    /// is one finding, at the text.
    @Test func linkAndItsTextAreOneFinding() async throws {
        let findings = await Self.findings("documents/html/profile-meta.html")
        let phones = findings.filter { $0.category == .phoneNumber }
        #expect(phones.filter { $0.evidence.filter(\.isNumber).hasSuffix("916274835") }.count == 1, "\(phones.map(\.evidence))")
        let shown = try #require(phones.first { $0.evidence == "0916 274 835" })
        #expect(shown.location.part == nil)
        #expect(findings.filter { $0.category == .emailAddress && $0.evidence == "hanh.le@example.net" }.count == 1)
        // A link whose text does not show its number still reports the target.
        #expect(phones.contains { $0.location.part == "links" && $0.evidence == "0987213546" })
    }
}
