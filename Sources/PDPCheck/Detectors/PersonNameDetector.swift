/// A person's name (Decree 356 Art. 3(1)) tied to other personal data: a full name or an
/// honorific and name ("anh Tuấn", "Nguyễn Văn Tuấn", "NGUYỄN HOÀNG PHÚC", "Ksor H'Ni").
///
/// What ties a name to a person's data:
/// - an identifier of the first phase (phone, ID, account, address, plate, date of birth…) in the
///   same sentence or line, or within ~80 characters without a paragraph break, when the name
///   stands alone on its line ("Họ tên: …\nCCCD: …"); a table row or list item only counts
///   its own line, since the next line is someone else;
/// - a sensitive topic about the person (`SensitiveTopicDetector`), an age ("(4 tuổi)") or a
///   school class ("lớp 9A2") in the same sentence: the name makes those details identifiable;
/// - a bare name beside a phone number: "0372 059 814 (Thanh)", "liên hệ Quân: 0936 510 827",
///   "liên hệ mình Ngọc Hân 0703…", "(xưng là Quỳnh)", "quản lý Thảo 0903…"; a name opening its
///   sentence with its phone or ID in parentheses ("Sen (CCCD 0141…) hay khoe…").
///
/// A name alone is not reported: news and school reports name people all the time. Names beside
/// an office or a profession ("Chủ tịch UBND xã Nguyễn Văn A", "BS. Trần Thị B") are public
/// roles and stay quiet even next to a number (an official's hotline), unless a familiar
/// honorific shows someone to be reached ("chị Ngọc Lan – Trưởng phòng Nhân sự – 0274…", "cô chủ
/// nhiệm Thanh Vân 0914…"); names in a news report (court, police and press wording around them)
/// are halved below reporting, but a private call-out quoting police words ("đối tượng", "công an
/// quận") in the first person ("mình bị", "share giúp") is no news report (`NewsStyle.isCallOut`). Streets, schools,
/// hospitals and places named after people ("đường Trần Phú", "trường Nguyễn Du",
/// "Hồ Chí Minh") are not mentions at all (`PersonMentionScanner`).
public struct PersonNameDetector: RelationalTextDetector {
    public init() {}

    public var description: DetectorDescription { Self.about }

    static let about = DetectorDescription(
        id: "vn.person",
        category: .personName,
        ruleIds: ["vn.person.name"],
        summary: "Vietnamese full names and honorific + name mentions, reported only when tied to an identifier, "
            + "a sensitive detail, an age or a class in the same sentence or line, or close by.",
        triggeringExamples: [
            "Liên hệ anh ⟦Tuấn⟧ 0905 123 456",
            "Căn cước công dân tên ⟦NGUYỄN HOÀNG PHÚC⟧, số 001094012345",
            "Chủ xe: ⟦Trần Thị Mai⟧ - 0912 345 678",
            DetectorExample("Họ tên: ⟦Lại Văn Trọng⟧\nCCCD: 036091528407", note: "a form: the number on the next line"),
            "Ai nhặt được liên hệ em ⟦Phúc⟧ 0906 320 442 ạ",
            DetectorExample("chau ong (chi ⟦Mai⟧) sdt 0347 720 153", note: "typed without diacritics"),
            "Mẹ bé (chị ⟦Hiền⟧): 0978.371.352",
            DetectorExample("⟦Ksor H'Ni⟧ ở buôn Ea Sup, SĐT 0905 111 222", note: "a Central Highlands name"),
            DetectorExample("Gọi ⟦Y Moan Niê⟧ 0905 111 222", note: "the Ê Đê prefix Y"),
            "Bé ⟦Lê Gia Hân⟧, mã định danh 079320012345",
            "Số ổng: 0084 859 640 213 (tên ⟦Tài⟧)",
            DetectorExample("Ai nhặt được gọi 0372 059 814 (⟦Thanh⟧) nhé", note: "a bare name beside a phone"),
            DetectorExample("Xem xe tại Phú Nhuận, liên hệ ⟦Quân⟧: 0936 510 827", note: "a contact name before a phone"),
            DetectorExample("Chồng mình là ⟦Hà Quốc Trung⟧, ngoại tình với đồng nghiệp", note: "tied to a sensitive topic"),
            DetectorExample("Đặc biệt em ⟦Lê Minh Khoa⟧ lớp 9A2 đạt giải Nhất", note: "a child with a class"),
            DetectorExample("Trong ảnh: bé ⟦Na⟧ (4 tuổi) và bé ⟦Bin⟧ (5 tuổi)", note: "children with ages"),
            DetectorExample("Chạy 100m nữ: em ⟦Thu Hà⟧ (7A4) về nhất", note: "a class in parentheses"),
            DetectorExample("Cần hỏi thêm thì nhắn Ms. ⟦Hòa⟧ 0794 759 821 nhé", note: "an abbreviated cue"),
            DetectorExample("Tài xế ⟦Khải⟧ 0915 207 638", note: "a role as cue"),
            DetectorExample("3 | ⟦Lê Thu Hà⟧ | 0905 123 456\n4 | Trần Văn Bảo | 0912 xxx 678",
                            note: "a table row with a masked phone is not tied to the row above"),
            DetectorExample("Tên KH | SĐT\n⟦Thảo Vy⟧ | 0912 604 218\nAnh ⟦Khoa⟧ | 0358 120 447", note: "a table's name column"),
            DetectorExample("1) ⟦Ngoc Han⟧ - 0903 512 648 - dc 98/14/3 Le Van Sy", note: "the name opening a list item"),
            DetectorExample("- ⟦Hieu⟧ 0983 117 402: so 6 ngach 29 ngo 190 Nguyen Trai", note: "a name right before the phone"),
            DetectorExample("Nhân viên cũ tên ⟦Võ Thành Đạt⟧ (0899 412 073) vẫn đăng nhập bằng mật khẩu Dat@shop2024 mà ⟦Đạt⟧ tự đặt",
                            note: "the given name alone refers to the person named in full before"),
            DetectorExample("Chị ⟦My⟧ vay của mình 45 triệu. Hỏi ra mới biết chị ta vỡ nợ từ đầu năm.",
                            note: "a later sentence of the line points back at her"),
            DetectorExample("Ai biết thì liên hệ mình ⟦Ngọc Hân⟧ 0703 295 418 nhé", note: "the writer's own word before the name"),
            DetectorExample("Liên hệ Mr. ⟦Quân⟧ 0339 571 264 (Zalo)", note: "one given name after Mr."),
            DetectorExample("Cần hỏi thêm thì nhắn Ms. ⟦Hòa⟧ (giáo vụ) 0794 759 821", note: "a note between the name and the phone"),
            DetectorExample("HDV đoàn 1: a. ⟦Tuấn⟧ 0908 613 274", note: "\"a.\" for anh"),
            DetectorExample("ai biet thi ib e. E la ⟦Thu⟧ 0378 264 159, e cam on a.", note: "a teencode self-introduction"),
            DetectorExample("Mình là ⟦Quang⟧, zalo 0792 518 360, có gì gọi mình.", note: "a self-introduction"),
            DetectorExample("Gọi chị ⟦Hạnh⟧: 0938 214 506 – hoặc mình (⟦Vy⟧, admin nhóm): 0762 418 935",
                            note: "the writer's name in parentheses"),
            DetectorExample("sdt/zalo: 0337 862 590 (xưng là ⟦Quỳnh⟧)", note: "a label inside the parentheses"),
            DetectorExample("Liên hệ quản lý ⟦Thảo⟧ 0903 516 472 nếu cần hỏi ca làm.", note: "a role as contact cue"),
            DetectorExample("⟦Sen⟧ (CCCD 014188006273) hay khoe làm ăn lớn.", note: "the ID in parentheses after a sentence's first word"),
            DetectorExample("1️⃣ ⟦Ngọc Trâm⟧ – ngoctram.lee97@gmail.com – bánh kem size 20", note: "a keycap list item with an e-mail"),
            DetectorExample("Em ten ⟦Do Thi Kieu Oanh⟧, sinh ngay 5/3/1997", note: "\"Thi\" typed without marks is Thị, not thì"),
            DetectorExample("2. STK 19037715243 Techcombank – ⟦NGO THANH HUNG⟧ – SĐT 0336 802 417",
                            note: "capitals without marks: Ngô, not ngõ"),
            DetectorExample("Em trai toi la ⟦Ngo Van Tai⟧ (24 tuoi) chay xe bien 61-K1 327.84", note: "Ngô before Văn, not ngõ"),
            DetectorExample("2. ⟦Đồng Văn Khôi⟧, sn 1961 – Phó chủ nhiệm", note: "a surname and middle name that also name a district"),
            DetectorExample("Con trai mình là ⟦Lê Minh Khoa⟧ sinh 2001", note: "\"trai\" is not \"trại\""),
            DetectorExample("Hộ kinh doanh ⟦Nguyễn Thị Lan⟧ – MST 8599528906", note: "a household business bears its owner's name"),
            DetectorExample("Phụ huynh liên hệ cô chủ nhiệm ⟦Hoàng Thị Thanh Vân⟧ 0914 807 263 để xin phép.",
                            note: "a familiar honorific makes the title a role"),
            DetectorExample("Chị ⟦Trịnh Thị Ngọc Lan⟧ – Trưởng phòng Nhân sự – 0283 8456 217", note: "a contact with her job title"),
            DetectorExample("Kính gửi luật sư, tôi là ⟦Phùng Văn Lợi⟧, 40 tuổi, SĐT 0858 302 716.",
                            note: "a title in the clause before is not the name's"),
            DetectorExample("Ai nhat dc the ten ⟦Vo Thanh Tam⟧ so 052049700394 thi lh e", note: "\"dc\" (được) is no title"),
            DetectorExample("Mình bị đối tượng ⟦Tạ Quang Vinh⟧ lừa, SĐT 0971 482 615. Mình đã báo công an quận, ai biết thì share giúp.",
                            note: "a private call-out, not a news report"),
        ],
        nonTriggeringExamples: [
            DetectorExample("Nó đi con SH trắng biển 29-H1 457.28, ai thấy quanh khu Hào Nam – Tôn Đức Thắng thì ib e với nhé.",
                            note: "a street named after a historical figure"),
            DetectorExample("- Trực ban Công an phường: 028 3773 5126", note: "\"ban\" as spelled by a writer who types marks"),
            "Chủ tịch UBND tỉnh Nguyễn Văn An phát biểu khai mạc hội nghị.",
            "Chủ tịch UBND xã Nguyễn Văn Bình, đường dây nóng 0905 123 456",
            "Nhà mình ở đường Trần Phú, gọi 0905 123 456",
            DetectorExample("Người nhận: 0905 123 456 - 12 Lê Lợi, phường Phú Hội, Huế", note: "a street named after someone, inside an address"),
            "Học sinh trường Nguyễn Du liên hệ 0905 123 456",
            "Bệnh viện Bạch Mai: 024 3869 3731",
            "Em Lê Minh Khoa đạt giải Nhất môn Toán năm nay",
            "Hà Nội, ngày 05/12: gọi 0905 123 456",
            "Đi Hồ Chí Minh liên hệ 0905 123 456",
            "Hỗ Trợ Gia Đình Khó Khăn: 0905 123 456",
            "Anh Tuấn ơi, đọc bài này nhé.\n\nShop mới về hàng, gọi 0905 123 456",
            "Giá 1.250.000đ, liên hệ shop 0905 123 456",
            "Văn phòng: số 70 Trần Đại Nghĩa, ĐT 0905 123 456",
            "Giao tới ngõ 110 Kim Ngưu, gọi 0905 123 456",
            "Công ty TNHH Giải pháp Mai Phương – hotline 0905 123 456",
            "Gọi 0905 123 456 (Khánh Hòa)",
            DetectorExample("Ngày 27/11, Công an huyện cho biết đã tạm giữ hình sự Đỗ Văn Lực (SN 1996) để điều tra, "
                            + "vụ án được khởi tố theo Điều 173.", note: "a news report"),
            DetectorExample("CC Hà Đô, tầng 17, phòng 1708, gọi 0358 120 447", note: "a building"),
            DetectorExample("giao P. Binh Tri Dong B, Q. Binh Tan - goi 0869 477 015", note: "a ward after \"P.\""),
            DetectorExample("Tên cửa hàng | SĐT\nShop Hoa Mai | 0905 123 456", note: "a shop in a name column"),
            DetectorExample("Sinh con tại Bệnh viện Phụ sản Từ Dũ, gọi 0905 123 456", note: "a hospital named after a person"),
            DetectorExample("Học tại trường THPT chuyên Lê Quý Đôn, gọi 0905 123 456", note: "a school named after a person"),
            DetectorExample("6. Tiem toc Mai - 0912 483 075 - 88 Ha Huy Tap, Thanh Khe", note: "a house number opening a list field"),
            DetectorExample("e o ban Na Tong, xa Pac Nam, sdt 0329 718 540", note: "\"ban\" after \"o\" is a village"),
            DetectorExample("Cho em hoi chut a. Em ten la gi cung duoc, sdt 0398 524 106", note: "\"a.\" ending a sentence (ạ)"),
            DetectorExample("Giám đốc Sở Y tế, ông Nguyễn Văn Bình, đường dây nóng 0905 123 456", note: "an official's title before the comma"),
            DetectorExample("Ngày 27/11, PV ghi nhận tại công an quận: đối tượng Đỗ Văn Lực (SN 1996) cho biết mình bị lừa trước.",
                            note: "a news report quoting first person"),
        ])

    public func detect(in context: TextScanContext, given primary: [TextMatch], into matches: inout [TextMatch]) {
        let text = context.text
        let evidence = primary.filter { $0.confidence >= TextDetectionEngine.evidenceConfidence && !$0.category.isSensitiveTopic }
            .sorted { $0.start < $1.start }
        let mentions = context.personMentions
        guard !mentions.isEmpty || !evidence.isEmpty else { return }
        let news = NewsContext(context)
        var found: [TextMatch] = []
        if !mentions.isEmpty {
            // Details that make a name identifying when they share its sentence: found only
            // once a name is not already tied to an identifier.
            var computed: [TextMatch]?
            func details() -> [TextMatch] {
                if let computed { return computed }
                var found: [TextMatch] = []
                for d in SensitiveTopicDetector.all { d.detect(in: context, given: primary, into: &found) }
                found = found.filter { $0.confidence >= TextDetectionEngine.evidenceConfidence }
                found += Self.agesAndClasses(in: context)
                found.sort { $0.start < $1.start }
                computed = found
                return found
            }
            for m in mentions where !m.hasTitle {
                guard var confidence = Self.confidence(m, text: text, evidence: evidence, details: details) else { continue }
                if Self.hasNameLabel(before: m.cueStart ?? m.start, in: text) { confidence += 0.07 }
                if news.isNews(around: m.start, m.end) { confidence *= 0.5 }
                found.append(TextMatch(ruleId: "vn.person.name", category: .personName, start: m.start, end: m.end,
                                       confidence: min(0.97, confidence)))
            }
        }
        // Names in a table's name column, and names opening a list item, on a row with data.
        let rows = Self.rowNames(in: context, evidence: evidence)
        // Spans already read as mentions (both lists in text order).
        let named = rows.isEmpty ? [] : (found.map { $0.start..<$0.end } + mentions.map { $0.start..<$0.end })
            .sorted { $0.lowerBound < $1.lowerBound }
        for span in rows where !Self.overlapsAny(span, named) {
            var confidence = 0.82
            if news.isNews(around: span.lowerBound, span.upperBound) { confidence *= 0.5 }
            found.append(TextMatch(ruleId: "vn.person.name", category: .personName, start: span.lowerBound,
                                   end: span.upperBound, confidence: confidence))
        }
        // Bare names beside a phone number, and a name opening its sentence with its phone or
        // ID in parentheses ("Sen (CCCD 0141…) hay khoe…").
        for e in evidence where e.category == .phoneNumber || e.category == .nationalID {
            var spans = e.category == .phoneNumber ? Self.bareNames(beside: e, in: text) : []
            if let span = Self.nameBeforeParenthesis(of: e, in: text) { spans.append(span) }
            for span in spans
            where !RelationalText.near(mentions, span.lowerBound, span.upperBound).contains(where: {
                $0.start < span.upperBound && span.lowerBound < $0.end
            }) {
                var confidence = 0.8
                if news.isNews(around: span.lowerBound, span.upperBound) { confidence *= 0.5 }
                found.append(TextMatch(ruleId: "vn.person.name", category: .personName, start: span.lowerBound,
                                       end: span.upperBound, confidence: confidence))
            }
        }
        // A name inside an address is a street, ward or school named after someone ("12 Lê Lợi,
        // phường Phú Hội"), not a person of the post.
        let addresses = evidence.filter { $0.category == .homeAddress }
        if !addresses.isEmpty {
            found.removeAll { name in addresses.contains { $0.start <= name.start && name.end <= $0.end } }
        }
        matches += found.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// How strongly the mention is tied to someone's data; nil when it is not.
    static func confidence(_ m: PersonMention, text: UnsafeBufferPointer<UInt8>, evidence: [TextMatch],
                           details: () -> [TextMatch]) -> Double? {
        let nearEvidence = RelationalText.near(evidence, m.start, m.end)
        let classCode = classInParentheses(after: m.end, in: text)
        if nearEvidence.isEmpty && !classCode && RelationalText.near(details(), m.start, m.end).isEmpty { return nil }
        let sentence = RelationalText.sentence(around: m.start, in: text)
        let line = RelationalText.line(around: m.start, in: text)
        var tie = 0.0
        for e in nearEvidence where e.end <= m.start || e.start >= m.end {
            if e.start >= sentence.lowerBound && e.end <= sentence.upperBound
                || e.start >= line.lowerBound && e.end <= line.upperBound {
                tie = 1
                break
            }
            // Across a line break only from a line that holds the name alone ("Họ tên: …").
            let (lo, hi) = e.end <= m.start ? (e.end, m.start) : (m.end, e.start)
            guard hi - lo <= 600, RelationalText.within(lo, hi, 80, in: text),
                  !RelationalText.paragraphBreak(lo, hi, in: text) else { continue }
            let crossesLine = !(e.start >= line.lowerBound && e.end <= line.upperBound)
            if crossesLine && !nameStandsAlone(m, line: line, in: text) { continue }
            tie = max(tie, 0.8)
        }
        if tie < 1 {
            for d in RelationalText.near(details(), m.start, m.end) where d.end <= m.start || d.start >= m.end {
                if d.start >= sentence.lowerBound && d.end <= sentence.upperBound {
                    tie = max(tie, 0.9)
                } else if tie < 0.85 && d.start >= m.end && d.end <= line.upperBound && d.start - m.end <= 600
                            && RelationalText.within(m.end, d.start, 240, in: text) {
                    // "Chị My vay… Hỏi ra mới biết chị ta vỡ nợ": a later sentence of the line
                    // that points back at the person ("chị ta", "anh ấy", "nó") shortly before the topic.
                    let dSentence = RelationalText.sentence(around: d.start, in: text)
                    let from = max(dSentence.lowerBound, RelationalText.back(d.start, 60, in: text))
                    if RelationalText.KeyedWords(text, from..<d.start).hasPronoun(before: d.start) { tie = 0.85 }
                }
            }
        }
        if classCode { tie = max(tie, 0.9) }
        guard tie > 0 else { return nil }
        // A full name identifies more than "anh Tuấn" does.
        return (m.isFullName ? 0.9 : 0.78) * tie
    }

    /// "em Thu Hà (7A4)": a school class right after the name, in parentheses.
    static func classInParentheses(after end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = end
        let n = text.count
        while i < n && text[i] == 0x20 { i += 1 }
        guard i < n, text[i] == UInt8(ascii: "(") else { return false }
        i += 1
        let d = ProseText.digitsEnd(from: i, in: text)
        guard d > i, d - i <= 2, d < n, PersonMentionScanner.isUpperASCII(text[d]) else { return false }
        let e = ProseText.digitsEnd(from: d + 1, in: text)
        return e - (d + 1) <= 2 && e < n && text[e] == UInt8(ascii: ")")
    }

    /// The name's line holds little else: a label before it, a short note after it
    /// ("Họ tên: Lại Văn Trọng", "Chủ TK: NGUYEN VAN A (bố bé)"), and no table cells.
    static func nameStandsAlone(_ m: PersonMention, line: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = line.lowerBound
        while i < line.upperBound {
            if text[i] == UInt8(ascii: "|") || text[i] == 0x09 { return false }
            i += 1
        }
        return RelationalText.within(m.end, line.upperBound, 14, in: text)
            && RelationalText.within(line.lowerBound, m.cueStart ?? m.start, 28, in: text)
    }

    static let nameLabels = RelationalText.PhraseTable([
        "tên", "họ tên", "họ và tên", "mang tên", "tên là", "chủ tài khoản", "chủ tk", "ctk", "người nhận",
        "tên tk", "tên chủ", "chủ xe", "chủ shop", "người bán", "khách", "người gửi", "hvt",
    ])

    /// "Họ tên:", "mang tên", "CTK" right before the name.
    static func hasNameLabel(before offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let words = RelationalText.KeyedWords(text, RelationalText.back(offset, 24, in: text)..<offset)
        return words.contains(nameLabels, inLast: 3)
    }

    // MARK: Rows of tables and lists

    /// Names in a row that holds other data: the cell of a name column ("Họ tên", "Tên KH"), or
    /// the words opening a list item ("1) Ngoc Han - 0903…", "- Hieu 0983…: số 6 ngách 29").
    static func rowNames(in context: TextScanContext, evidence: [TextMatch]) -> [Range<Int>] {
        let text = context.text
        var out: [Range<Int>] = []
        func hasEvidence(in row: Range<Int>, besides name: Range<Int>) -> Bool {
            let i = RelationalText.lowerBound(evidence.count) { evidence[$0].end <= row.lowerBound }
            var j = i
            while j < evidence.count && evidence[j].start < row.upperBound {
                if !evidence[j].category.isSensitiveTopic && !name.overlaps(evidence[j].start..<evidence[j].end) { return true }
                j += 1
            }
            return false
        }
        for cell in context.tables.cells(.name, in: text) {
            guard let span = nameWords(in: cell.range, in: text), hasEvidence(in: cell.row, besides: span) else { continue }
            out.append(span)
        }
        // List items: only lines with a phone, an ID or an account on them, near the line's
        // start (an item opens with its name; a long line is prose).
        var examinedUpTo = -1
        for e in evidence where e.start > examinedUpTo
            && (e.category == .phoneNumber || e.category == .nationalID || e.category == .bankAccount
                || e.category == .emailAddress || e.category == .taxCode || e.category == .insuranceNumber) {
            // Each line once: the next evidence on it is skipped.
            examinedUpTo = RelationalText.lineEnd(after: e.end, in: text)
            var ls = e.start
            let floor = max(0, e.start - 160)
            while ls > floor && text[ls - 1] != 0x0A { ls -= 1 }
            guard ls == 0 || text[ls - 1] == 0x0A, let start = listItemStart(ls, in: text),
                  context.tableCell(at: e.start) == nil else { continue }
            // One to four capitalised given names, then a separator or the number itself.
            var words: [Range<Int>] = []
            var i = start
            while words.count < 4 {
                let e2 = PersonMentionScanner.wordEnd(from: i, in: text)
                guard e2 > i, PersonMentionScanner.isCapital(at: i, in: text) else { break }
                words.append(i..<e2)
                var k = e2
                while k < text.count && text[k] == 0x20 { k += 1 }
                guard k > e2, k < text.count, PersonMentionScanner.isCapital(at: k, in: text) else { i = k; break }
                i = k
            }
            guard let first = words.first, let last = words.last, i < text.count else { continue }
            let b = text[i]
            let separated = b == UInt8(ascii: "-") || b == UInt8(ascii: ":") || b == UInt8(ascii: ",") || b == UInt8(ascii: "|")
                || b == UInt8(ascii: "(") || UTF8Classes.isDigit(b) || b == UInt8(ascii: "+")
                || (b == 0xE2 && i + 2 < text.count && text[i + 1] == 0x80 && (text[i + 2] == 0x93 || text[i + 2] == 0x94))
            guard separated, words.allSatisfy({ isNameWord($0, in: text) }), !isPlaceOrWord(words, in: text) else { continue }
            // An honorific opens the item ("chị Loan"): the mention scanner has the name.
            let span = first.lowerBound..<last.upperBound
            if hasEvidence(in: ls..<ProseText.lineEnd(ls, in: text, limit: 300), besides: span) { out.append(span) }
        }
        return out.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Whether `span` overlaps one of `sorted` (ranges sorted by start).
    static func overlapsAny(_ span: Range<Int>, _ sorted: [Range<Int>]) -> Bool {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid].lowerBound < span.upperBound { lo = mid + 1 } else { hi = mid }
        }
        // Ranges starting before the span's end; a long one may start well before it.
        var i = lo - 1
        while i >= 0 && i >= lo - 8 {
            if sorted[i].upperBound > span.lowerBound { return true }
            i -= 1
        }
        return false
    }

    /// After a list marker ("1.", "2)", "-", "+", "•", an emoji) and spaces: where the item's words start.
    static func listItemStart(_ ls: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var k = ProseText.skipSpaces(from: ls, in: text)
        guard k < text.count else { return nil }
        let b = text[k]
        if UTF8Classes.isDigit(b) {
            let e = ProseText.digitsEnd(from: k, in: text)
            guard e - k <= 3, e < text.count else { return nil }
            if text[e] == UInt8(ascii: ".") || text[e] == UInt8(ascii: ")") {
                k = e + 1
            } else if let after = keycapEnd(e, in: text) {
                // "1️⃣ Ngọc Trâm – …": a keycap emoji.
                return ProseText.skipSpaces(from: after, in: text)
            } else {
                return nil
            }
        } else if b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: "*") {
            k += 1
        } else if b >= 0xE2 && !ProseText.isLetter(at: k, in: text) {
            // A bullet or an emoji (with its variation selectors).
            while k < text.count && text[k] >= 0x80 && !ProseText.isLetter(at: k, in: text) { k += 1 }
        } else {
            return nil
        }
        let s = ProseText.skipSpaces(from: k, in: text)
        return s > k || b >= 0xE2 ? s : nil
    }

    /// The end of a keycap's marks after its digit (U+FE0F then U+20E3, or U+20E3 alone).
    static func keycapEnd(_ i: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var k = i
        if k + 2 < text.count && text[k] == 0xEF && text[k + 1] == 0xB8 && text[k + 2] == 0x8F { k += 3 }
        guard k + 2 < text.count, text[k] == 0xE2, text[k + 1] == 0x83, text[k + 2] == 0xA3 else { return nil }
        return k + 3
    }

    /// A capitalised given name or surname, with or without marks.
    static func isNameWord(_ w: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let key = NameKey.of(text, w.lowerBound, w.upperBound)
        return PersonNameLexicon.givenNames.contains(key) || PersonNameLexicon.surnames.contains(key)
    }

    static func isPlaceOrWord(_ words: [Range<Int>], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        if words.count >= 2 && PersonNameLexicon.placeNames.contains(NameKey.of(text, words[0].lowerBound, words[0].upperBound),
                                                                     NameKey.of(text, words[1].lowerBound, words[1].upperBound)) {
            return true
        }
        let first = NameKey.of(text, words[0].lowerBound, words[0].upperBound)
        // Typed without marks, a stop word may be a name ("Minh" / "mình", "Bao" / "bao").
        return PersonNameLexicon.placeWords.contains(first)
            || (first?.plain == false && PersonNameLexicon.stopWords.contains(first))
    }

    /// The name in a name column's cell: its capitalised words, after an honorific ("Anh Khoa").
    static func nameWords(in cell: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var words: [Range<Int>] = []
        var i = cell.lowerBound
        while i < cell.upperBound && words.count < 7 {
            let e = PersonMentionScanner.wordEnd(from: i, in: text)
            guard e > i, e <= cell.upperBound, PersonMentionScanner.isCapital(at: i, in: text) else { return nil }
            words.append(i..<e)
            i = e
            while i < cell.upperBound && text[i] == 0x20 { i += 1 }
        }
        guard i >= cell.upperBound, !words.isEmpty else { return nil }
        if words.count > 1, PersonNameLexicon.honorifics.contains(NameKey.of(text, words[0].lowerBound, words[0].upperBound)) {
            words.removeFirst()
        }
        guard words.count <= 5, !isPlaceOrWord(words, in: text) else { return nil }
        return words[0].lowerBound..<words[words.count - 1].upperBound
    }

    // MARK: Ages and classes

    /// "4 tuổi", "(3 tháng tuổi)", "lớp 9A2", "lớp 5/1": details that identify a child or an
    /// adult together with a name in the same sentence.
    static func agesAndClasses(in context: TextScanContext) -> [TextMatch] {
        let tables = TopicTables.shared
        let age = tables.code(.ageCue), school = tables.code(.schoolCue)
        let classWord = Self.classEntry
        let text = context.text
        var out: [TextMatch] = []
        for hit in context.keywordHits {
            let code = tables.topicCode[hit.entry]
            if code == age {
                // A number right before: "4 tuổi", "74 tuoi".
                var j = hit.start
                while j > 0 && text[j - 1] == 0x20 { j -= 1 }
                guard j > 0, UTF8Classes.isDigit(text[j - 1]) else { continue }
                out.append(TextMatch(ruleId: "age", category: .childData, start: j - 1, end: hit.end, confidence: 1))
            } else if code == school && hit.entry == classWord {
                // A class code right after: "lớp 9A2", "lop 5/1", "lớp 12".
                var j = hit.end
                while j < text.count && text[j] == 0x20 { j += 1 }
                guard j < text.count, UTF8Classes.isDigit(text[j]) else { continue }
                out.append(TextMatch(ruleId: "class", category: .childData, start: hit.start, end: j + 1, confidence: 1))
            }
        }
        return out
    }

    /// The lexicon entry of "lớp" (class).
    static let classEntry: Int = TopicLexicon.shared.entries.firstIndex { $0.topic == .schoolCue && $0.keyword == "lop" } ?? -1

    // MARK: Bare names beside a phone

    static let contactCues = RelationalText.PhraseTable([
        "liên hệ", "lh", "gọi", "call", "nhắn", "ib", "inbox", "zalo", "gặp", "hỏi", "alo", "sđt", "sdt", "đt",
        // A role to be reached by: "liên hệ quản lý Thảo 0903…".
        "quản lý", "kế toán", "lễ tân", "thủ quỹ", "chuyên viên", "nhân viên", "phụ trách",
    ])
    /// Words between a phone's "(" and a name: "0337 862 590 (xưng là Quỳnh)", "(tên Tài)".
    static let parenthesisLabels = RelationalText.PhraseTable(["tên", "xưng", "là", "tự", "tên là", "xưng là", "tự xưng"])

    /// "0372 059 814 (Thanh)", "(Lan Anh)", "liên hệ Quân: 0936…", "gọi Linh 0966…": one or two
    /// capitalised given names right after a phone in parentheses, or right before it after a
    /// contact word.
    static func bareNames(beside phone: TextMatch, in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        let n = text.count
        // After: " (Name)" or " (Name, …)".
        var i = phone.end
        while i < n && text[i] == 0x20 { i += 1 }
        if i < n && text[i] == UInt8(ascii: "(") {
            var words = RelationalText.wordRanges(i + 1, RelationalText.ahead(i + 1, 40, in: text), max: 5, in: text)
            var at = i + 1
            // "(xưng là Quỳnh)": up to two label words first.
            var labels = 0
            while labels < 2 && labels < words.count && !PersonMentionScanner.isCapital(at: words[labels].lowerBound, in: text)
                && RelationalText.onlySpaces(labels == 0 ? at : words[labels - 1].upperBound, words[labels].lowerBound, in: text) {
                labels += 1
            }
            if labels > 0 && RelationalText.KeyedWords(text, words[0].lowerBound..<words[labels - 1].upperBound)
                .startsWith(parenthesisLabels) {
                at = words[labels - 1].upperBound
                words.removeFirst(labels)
            }
            var names: [Range<Int>] = []
            for w in words {
                guard RelationalText.onlySpaces(at, w.lowerBound, in: text), isGivenName(w, in: text) else { break }
                names.append(w)
                at = w.upperBound
                if names.count == 2 { break }
            }
            if let first = names.first, let last = names.last, at < n,
               text[at] == UInt8(ascii: ")") || text[at] == UInt8(ascii: ","),
               !isPlace(names, in: text) {
                out.append(first.lowerBound..<last.upperBound)
            }
        }
        // Before: "liên hệ Name: 0936…", "gọi Name 0966…".
        var j = phone.start
        while j > 0 && (text[j - 1] == 0x20 || text[j - 1] == UInt8(ascii: ":")) { j -= 1 }
        // Cheap test first: a capitalised given name must end right there.
        var s = j
        while s > 0 && j - s < 40 && (UTF8Classes.isASCIILetter(text[s - 1]) || text[s - 1] >= 0x80) { s -= 1 }
        while s < j && UTF8Classes.isContinuation(text[s]) { s += 1 }
        guard s < j, PersonMentionScanner.isCapital(at: s, in: text), isGivenName(s..<j, in: text) else { return out }
        let lookback = Array(RelationalText.wordRanges(RelationalText.back(j, 36, in: text), j, max: 32, in: text).suffix(6))
        if let last = lookback.last, last.upperBound == j {
            var names: [Range<Int>] = [last]
            var k = lookback.count - 2
            if k >= 0 && RelationalText.onlySpaces(lookback[k].upperBound, last.lowerBound, in: text)
                && isGivenName(lookback[k], in: text) {
                names.insert(lookback[k], at: 0)
                k -= 1
            }
            if names.allSatisfy({ isGivenName($0, in: text) }) && !isPlace(names, in: text), k >= 0 {
                // "liên hệ mình Ngọc Hân 0703…": the writer's own word between the cue and the name.
                var cueEnd = names[0].lowerBound
                if k >= 1, RelationalText.onlySpaces(lookback[k].upperBound, names[0].lowerBound, in: text),
                   PersonNameLexicon.firstPerson.contains(NameKey.of(text, lookback[k].lowerBound, lookback[k].upperBound)) {
                    cueEnd = lookback[k].lowerBound
                    k -= 1
                }
                let cue = RelationalText.KeyedWords(text, lookback[max(0, k - 1)].lowerBound..<cueEnd)
                if cue.contains(contactCues, inLast: 2) { out.append(names[0].lowerBound..<last.upperBound) }
            }
        }
        return out
    }

    static let parenthesisIDLabels = RelationalText.PhraseTable(["cccd", "cmnd", "cmt", "sđt", "sdt", "đt", "zalo", "số"])

    /// "Sen (CCCD 014188006273) hay khoe…", "Hậu (0905 111 222) nợ…": one to three given names
    /// opening a line or a sentence, the identifier in parentheses right after them (a label
    /// word or two may come first).
    static func nameBeforeParenthesis(of e: TextMatch, in text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var j = e.start
        let floor = max(0, e.start - 16)
        while j > floor && text[j - 1] != UInt8(ascii: "(") {
            let c = text[j - 1]
            guard c == 0x20 || c == UInt8(ascii: ":") || UTF8Classes.isASCIILetter(c) || c >= 0x80 else { return nil }
            j -= 1
        }
        guard j > floor, text[j - 1] == UInt8(ascii: "(") else { return nil }
        if !RelationalText.onlySpaces(j, e.start, in: text) {
            let labels = RelationalText.KeyedWords(text, j..<e.start)
            guard labels.keys.count <= 2, labels.startsWith(parenthesisIDLabels) else { return nil }
        }
        var end = j - 1
        while end > 0 && text[end - 1] == 0x20 { end -= 1 }
        guard end > 0, end < j - 1 || text[end - 1] != UInt8(ascii: "(") else { return nil }
        let words = RelationalText.wordRanges(RelationalText.back(end, 40, in: text), end, max: 12, in: text)
        guard let last = words.last, last.upperBound == end else { return nil }
        var names: [Range<Int>] = [last]
        var k = words.count - 2
        while k >= 0 && names.count < 3 && RelationalText.onlySpaces(words[k].upperBound, names[0].lowerBound, in: text)
            && PersonMentionScanner.isCapital(at: words[k].lowerBound, in: text) {
            names.insert(words[k], at: 0)
            k -= 1
        }
        // Every word a name; the first opens its line or sentence.
        guard names.allSatisfy({ isNameWord($0, in: text) && PersonMentionScanner.isCapital(at: $0.lowerBound, in: text) }),
              names.count > 1 || isGivenName(names[0], in: text), !isPlaceOrWord(names, in: text) else { return nil }
        var b = names[0].lowerBound
        while b > 0 && text[b - 1] == 0x20 { b -= 1 }
        if b > 0 {
            let c = text[b - 1]
            // A line break, a sentence's end, a bullet or a dash, an emoji.
            let opens = c >= 0x80 ? !endsWithLetter(b, in: text)
                : c == 0x0A || c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?")
                    || c == UInt8(ascii: ":") || c == UInt8(ascii: "-") || c == UInt8(ascii: "*")
            guard opens else { return nil }
        }
        return names[0].lowerBound..<names[names.count - 1].upperBound
    }

    /// Whether the character ending at `offset` is a letter (combining marks go with their
    /// letter, so NFC and NFD agree).
    static func endsWithLetter(_ offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = offset
        while end > 0 {
            var s = end - 1
            while s > 0 && UTF8Classes.isContinuation(text[s]) && end - s < 4 { s -= 1 }
            // A combining mark (U+0300–U+036F): look at the letter it belongs to.
            if (text[s] == 0xCC || text[s] == 0xCD) && end - s == 2 { end = s; continue }
            return ProseText.isLetter(at: s, in: text)
        }
        return false
    }

    /// A capitalised word that is a common given name ("Thanh", "Lan", "Quân").
    static func isGivenName(_ w: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard w.lowerBound < text.count, PersonMentionScanner.isCapital(at: w.lowerBound, in: text) else { return false }
        let word = PersonMentionScanner.Word(start: w.lowerBound, end: w.upperBound, capitalised: true, brokenBefore: false)
        if PersonMentionScanner.isAllCaps(word, in: text) && w.count <= 4 { return false }
        return PersonNameLexicon.givenNames.contains(NameKey.of(text, w.lowerBound, w.upperBound))
    }

    static func isPlace(_ names: [Range<Int>], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard names.count == 2 else { return false }
        return PersonNameLexicon.placeNames.contains(NameKey.of(text, names[0].lowerBound, names[0].upperBound),
                                                    NameKey.of(text, names[1].lowerBound, names[1].upperBound))
    }
}

/// The wording of news reports around a place: court, police and press words ("cho biết",
/// "bị cáo", "khởi tố"…, the lexicon's `newsCue`). Two or more nearby (besides the finding
/// itself) make a news report. A private person's call-out (`NewsStyle.isCallOut`) is no
/// news report for its police words: only press and court words count there.
struct NewsContext {
    private let positions: [Int]
    private let text: UnsafeBufferPointer<UInt8>

    init(_ context: TextScanContext) {
        text = context.text
        let hits = context.keywordHits(of: .newsCue)
        if !hits.isEmpty && NewsStyle.isCallOut(newsHits: hits, callOutHits: context.keywordHits(of: .callOutCue)) {
            positions = []
        } else {
            positions = hits.map(\.start)
        }
    }

    func isNews(around start: Int, _ end: Int) -> Bool {
        // 1,200 characters each way, counted as characters so NFC and NFD reach the same words;
        // first in bytes wide enough for any form (a character is at most 4 bytes here), which
        // settles most calls without walking.
        guard count(from: start - 4800, to: end + 4800, besides: start..<end) >= 2 else { return false }
        let from = RelationalText.back(start, 1200, in: text), to = RelationalText.ahead(end, 1200, in: text)
        return count(from: from, to: to, besides: start..<end) >= 2
    }

    private func count(from: Int, to: Int, besides span: Range<Int>) -> Int {
        var count = 0
        var i = RelationalText.lowerBound(positions.count) { positions[$0] < from }
        while i < positions.count && positions[i] < to {
            if positions[i] < span.lowerBound || positions[i] >= span.upperBound { count += 1 }
            i += 1
        }
        return count
    }
}
