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
/// - a bare name beside a phone number: "0372 059 814 (Thanh)", "liên hệ Quân: 0936 510 827".
///
/// A name alone is not reported: news and school reports name people all the time. Names beside
/// an office or a profession ("Chủ tịch UBND xã Nguyễn Văn A", "BS. Trần Thị B") are public
/// roles and stay quiet even next to a number (an official's hotline); names in a news report
/// (court, police and press wording around them) are halved below reporting. Streets, schools,
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
            DetectorExample("Cần hỏi thêm thì nhắn Ms. ⟦Hòa⟧ 0794 759 821 nhé", note: "an abbreviated cue"),
            DetectorExample("Tài xế ⟦Khải⟧ 0915 207 638", note: "a role as cue"),
            DetectorExample("3 | ⟦Lê Thu Hà⟧ | 0905 123 456\n4 | Trần Văn Bảo | 0912 xxx 678",
                            note: "a table row with a masked phone is not tied to the row above"),
        ],
        nonTriggeringExamples: [
            "Chủ tịch UBND tỉnh Nguyễn Văn An phát biểu khai mạc hội nghị.",
            "Chủ tịch UBND xã Nguyễn Văn Bình, đường dây nóng 0905 123 456",
            "Nhà mình ở đường Trần Phú, gọi 0905 123 456",
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
        // Bare names beside a phone number.
        for e in evidence where e.category == .phoneNumber {
            for span in Self.bareNames(beside: e, in: text)
            where !RelationalText.near(mentions, span.lowerBound, span.upperBound).contains(where: {
                $0.start < span.upperBound && span.lowerBound < $0.end
            }) {
                var confidence = 0.8
                if news.isNews(around: span.lowerBound, span.upperBound) { confidence *= 0.5 }
                found.append(TextMatch(ruleId: "vn.person.name", category: .personName, start: span.lowerBound,
                                       end: span.upperBound, confidence: confidence))
            }
        }
        matches += found
    }

    /// How strongly the mention is tied to someone's data; nil when it is not.
    static func confidence(_ m: PersonMention, text: UnsafeBufferPointer<UInt8>, evidence: [TextMatch],
                           details: () -> [TextMatch]) -> Double? {
        let nearEvidence = RelationalText.near(evidence, m.start, m.end)
        if nearEvidence.isEmpty && RelationalText.near(details(), m.start, m.end).isEmpty { return nil }
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
            guard hi - lo <= 600, RelationalText.characters(lo, hi, in: text) <= 80,
                  !RelationalText.paragraphBreak(lo, hi, in: text) else { continue }
            let crossesLine = !(e.start >= line.lowerBound && e.end <= line.upperBound)
            if crossesLine && !nameStandsAlone(m, line: line, in: text) { continue }
            tie = max(tie, 0.8)
        }
        if tie < 1 {
            for d in RelationalText.near(details(), m.start, m.end)
            where (d.end <= m.start || d.start >= m.end) && d.start >= sentence.lowerBound && d.end <= sentence.upperBound {
                tie = max(tie, 0.9)
            }
        }
        guard tie > 0 else { return nil }
        // A full name identifies more than "anh Tuấn" does.
        return (m.isFullName ? 0.9 : 0.78) * tie
    }

    /// The name's line holds little else: a label before it, a short note after it
    /// ("Họ tên: Lại Văn Trọng", "Chủ TK: NGUYEN VAN A (bố bé)"), and no table cells.
    static func nameStandsAlone(_ m: PersonMention, line: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = line.lowerBound
        while i < line.upperBound {
            if text[i] == UInt8(ascii: "|") || text[i] == 0x09 { return false }
            i += 1
        }
        return RelationalText.characters(m.end, line.upperBound, in: text) <= 14
            && RelationalText.characters(line.lowerBound, m.cueStart ?? m.start, in: text) <= 28
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
    ])

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
            let words = RelationalText.wordRanges(i + 1, RelationalText.ahead(i + 1, 30, in: text), max: 3, in: text)
            var names: [Range<Int>] = []
            var at = i + 1
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
                let cue = RelationalText.KeyedWords(text, lookback[max(0, k - 1)].lowerBound..<names[0].lowerBound)
                if cue.contains(contactCues, inLast: 2) { out.append(names[0].lowerBound..<last.upperBound) }
            }
        }
        return out
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
/// itself) make a news report.
struct NewsContext {
    private let positions: [Int]

    init(_ context: TextScanContext) {
        positions = context.keywordHits(of: .newsCue).map(\.start)
    }

    func isNews(around start: Int, _ end: Int) -> Bool {
        guard positions.count >= 2 else { return false }
        let lo = RelationalText.lowerBound(positions.count) { positions[$0] < start - 1200 }
        var count = 0
        var i = lo
        while i < positions.count && positions[i] < end + 1200 {
            if positions[i] < start || positions[i] >= end { count += 1 }
            i += 1
        }
        return count >= 2
    }
}
