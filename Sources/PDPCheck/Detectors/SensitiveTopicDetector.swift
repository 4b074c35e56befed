import Foundation

/// Sensitive personal data (Decree 356/2025 Art. 4; reference/vn-personal-data.md §1.3, §4.4) about
/// an identifiable person: health, crimes and violations, religion, political views, ethnicity,
/// sexual orientation and sex life, private life and secrets. One instance per topic, so each
/// reports one category (`SensitiveTopicDetector.all` holds the seven).
///
/// A topic word alone is not personal data: news, health campaigns and church notices use them
/// all the time. A keyword (from the shared folded lexicon, `context.keywordHits`, its marks
/// checked where the text has them: "từ từ" is not "tự tử") is reported only when the text ties
/// it to a person:
/// - a person mention ("chị Lan", "Nguyễn Văn A", "H'Hen Niê") or an identifier found in the
///   first phase (phone, ID, account…) in the same sentence (strongest in the same clause), or
///   within ~80 characters without a paragraph break;
/// - a pronoun or kinship word ("anh ấy", "bé", "ông", "chồng") in the sentence, with a person
///   named or identified shortly before;
/// - a first-person disclosure ("mẹ em bị ung thư", "mình ăn chay trường") only when the post also
///   carries an identifier nearby (its author is then identifiable, as in a charity appeal with
///   an account number); without one it stays quiet, since the text alone names no one;
/// - the same story going on: a finding of the topic just reported in the same or the previous
///   paragraph ("…chẩn đoán bạch cầu cấp…\n\nChi phí đợt hóa trị…").
/// A form's field label ("Tôn giáo:") is not reported, its value is. Names beside an office or
/// profession ("Chủ tịch Nguyễn Văn A", "BS. Trần Thị B") are public roles and tie only weakly;
/// negation ("không bị"), general statements ("phòng chống ung thư", "các bệnh nhân", "HIV không
/// lây qua…", "Ưu tiên đảng viên"), quoted terms ("tài khoản tạm giữ"), people who asked not to
/// be named, news reports (court and police wording) and history ("năm 1930") stay below reporting.
public struct SensitiveTopicDetector: RelationalTextDetector {
    public let topic: Topic

    /// - Parameter topic: one of the sensitive topics (`Topic.sensitiveCategory != nil`);
    ///   any other topic yields a detector that reports nothing.
    public init(topic: Topic) {
        self.topic = topic
    }

    /// The seven sensitive topics, in the order of Decree 356 Art. 4 as DESIGN.md lists them.
    public static let all: [SensitiveTopicDetector] =
        [Topic.health, .criminal, .religion, .politics, .ethnicity, .sexuality, .privateLife].map { SensitiveTopicDetector(topic: $0) }

    public var ruleId: String { Self.ruleId(topic) }

    static func ruleId(_ topic: Topic) -> String {
        switch topic {
        case .privateLife: return "topic.private_life"
        default: return "topic." + topic.rawValue
        }
    }

    public var description: DetectorDescription {
        let examples = Self.examples(topic)
        return DetectorDescription(
            id: ruleId, category: topic.sensitiveCategory ?? .sensitivePrivateLife, ruleIds: [ruleId],
            summary: Self.summaries(topic), triggeringExamples: examples.triggering,
            nonTriggeringExamples: examples.nonTriggering)
    }

    // MARK: - Detection

    struct Candidate {
        var start: Int
        var end: Int
        var weight: Double
        /// Counts only when it carries on a finding just reported (`SensitiveTopicKeywords.continuing`).
        var continuing = false
    }

    public func detect(in context: TextScanContext, given primary: [TextMatch], into matches: inout [TextMatch]) {
        guard let category = topic.sensitiveCategory else { return }
        let tables = TopicTables.shared
        let text = context.text
        var candidates: [Candidate] = []
        var fieldValueFrom = -1
        for hit in context.keywordHits(of: topic) {
            // The automaton reads punctuation as a word break: "ghép. Tìm" is not "ghép tim".
            guard RelationalText.isOnePhrase(hit.start, hit.end, in: text) else { continue }
            // "#comeout", "#ly_hon": a hashtag files the post under a topic, it tells nothing of anyone.
            if RelationalText.inHashtag(hit.start, in: text) { continue }
            var weight = tables.weight[hit.entry]
            if let spelling = tables.spelling[hit.entry] {
                guard let checked = spelling.weight(of: hit, in: text, base: weight) else { continue }
                weight = checked
            }
            // A field label ("Tôn giáo:", "Đảng viên:") names the field; its value is the data,
            // whatever keyword it holds ("Đảng viên: đã kết nạp năm 2022").
            if RelationalText.isFieldLabel(hit.end, in: text) { fieldValueFrom = hit.end; continue }
            if fieldValueFrom >= 0 && hit.start > fieldValueFrom && hit.start - fieldValueFrom <= 16
                && RelationalText.KeyedWords(text, fieldValueFrom..<hit.start).keys.count <= 2 {
                weight = 1
            }
            var start = hit.start
            var end = hit.end
            switch TopicLexicon.shared.entries[hit.entry].keyword {
            case "no" where topic == .privateLife:
                // A debt with its amount: "nợ 4.860.000đ", "no toi 35 trieu", "nợ lô đề hơn 700 triệu".
                let plain = !RelationalText.hasMarks(hit.start..<hit.end, in: text)
                if let amount = Self.sumOwed(after: hit.end, anyWords: !plain, in: text) {
                    end = amount
                    weight = max(weight, 1)
                } else {
                    let e = ProseText.skipSpacesBackward(from: hit.start, in: text)
                    let ws = ProseText.wordStart(endingAt: e, in: text, limit: 16)
                    if ws < e, let w = FoldedKey(text, ws..<e), Self.debtCompounds.contains(w) { continue }
                }
            case "ra khoi nha" where topic == .privateLife:
                // "đuổi ba mẹ con ra khỏi nhà": thrown out by one's family.
                guard let from = Self.evictionStart(before: hit.start, in: text) else { continue }
                start = from
                weight = 0.9
            case "chia tay" where topic == .privateLife:
                // A break-up, not a farewell ("tiệc chia tay", "chia tay đồng nghiệp về hưu").
                guard Self.loveStory(around: hit.start, hit.end, in: text) else { continue }
            case "tan tinh" where topic == .privateLife:
                // Flirting is private life inside a relationship ("tán tỉnh vợ anh Tâm", "…sau lưng
                // chồng"); a scammer flirting with strangers online is the scam's method.
                guard Self.relationshipAround(hit.start, hit.end, in: text) else { continue }
            case "vay muon khap" where topic == .privateLife, "vay tien khap" where topic == .privateLife,
                 "muon tien khap" where topic == .privateLife:
                // Borrowing for a patient's treatment is an appeal's reason, not a disclosure.
                if Self.appealAround(hit.start, hit.end, in: text) { continue }
            case "qua lai voi" where topic == .privateLife:
                // "qua lại với nhau", "qua lại với Dương": seeing someone; not traffic.
                guard Self.partnerFollows(hit.end, in: text) else { continue }
            case "cuop" where topic == .criminal:
                // "cướp ny", "cướp chồng": taking someone's partner is no robbery.
                if Self.partnerFollows(hit.end, in: text, words: Self.stolenPartners, names: false) { continue }
            case "co bac" where topic == .criminal:
                // "nợ cờ bạc" is a debt (private life), not a record; nor is a habit ("nghiện cờ
                // bạc", "mê cờ bạc") or advice ("tránh xa cờ bạc").
                if let w = Self.previousWord(before: hit.start, in: text), w == Self.debtWord || Self.gamblingHabit.contains(w) {
                    continue
                }
            case "vay nang lai" where topic == .privateLife:
                // "cho vay nặng lãi" is the lender's trade, not a debt.
                if Self.previousWord(before: hit.start, in: text) == Self.lendWord { continue }
            case "co bau" where topic == .health, "mang bau" where topic == .health, "bau" where topic == .health,
                 "co thai" where topic == .health, "mang thai" where topic == .health:
                // "co bau dc 11 tuan", "vợ em bầu 7 tháng": how far along makes it a pregnancy.
                if let term = Self.pregnancyTerm(after: hit.end, in: text) {
                    end = term
                    weight = 1
                }
            case "dan toc" where topic == .ethnicity:
                // "dân tộc" and a people's name the lexicon lacks: "dân tộc Pa Dí".
                if let people = RelationalText.capitalisedName(after: hit.end, in: text) { end = people; weight = 1 }
            case let keyword where topic == .privateLife && keyword.hasPrefix("no "):
                // "trả nợ thẻ tín dụng", "đòi nợ quá hạn": paying or collecting, not owing; "nói nợ
                // tiền điện": a caller's claim, not a debt. (Typed without marks, "no no tin dung
                // den" is "nó nợ…": the debtor, no compound.)
                if let w = Self.previousWord(before: hit.start, in: text),
                   (Self.debtCompounds.contains(w) && !(w == Self.debtWord && !RelationalText.hasMarks(hit.start..<hit.end, in: text)))
                    || Self.claims.contains(w) { continue }
            default:
                break
            }
            candidates.append(Candidate(start: start, end: end, weight: weight, continuing: tables.continuing[hit.entry]))
        }
        // The values of a table's "Dân tộc" column ("| Lò Thị Xuân | 01.11.2001 | Thái |"): each row's person's.
        if topic == .ethnicity { candidates += Self.ethnicityCells(in: context) }
        guard !candidates.isEmpty else { return }
        // Words below 0.5 ("bệnh viện", "dân tộc") are never reported alone; a few carry on a story
        // already told ("…là người đồng tính. Mình và anh Huy yêu nhau 5 năm").
        let groups = Self.merge(candidates, in: text, joinFollowers: topic == .health).filter { $0.weight >= 0.5 || $0.continuing }
        guard !groups.isEmpty else { return }
        let evidence = primary.filter { $0.confidence >= TextDetectionEngine.evidenceConfidence && !$0.category.isSensitiveTopic }
            .sorted { $0.start < $1.start }
        var mentions = context.personMentions
        // "Chị T. (42 tuổi)": an initial is how a report hides who someone is.
        if mentions.contains(where: { $0.isInitial(in: text) }) {
            mentions.removeAll { $0.isInitial(in: text) }
        }
        let news = NewsContext(context)
        var lastReported = -1
        for g in groups {
            let end = topic == .health ? Self.extendHealthPhrase(g.end, in: text) : g.end
            // The same story goes on: a finding of this topic shortly before, in the same or the
            // previous paragraph ("…chẩn đoán bạch cầu cấp…\n\nChi phí đợt hóa trị…").
            let continues = lastReported >= 0 && RelationalText.within(lastReported, g.start, 500, in: text)
                && !RelationalText.paragraphBreak(lastReported, g.start, in: text, allowed: 1)
            guard g.weight >= 0.5 || continues else { continue }
            let weight = g.weight >= 0.5 ? g.weight : 0.8
            guard var confidence = Self.confidence(g.start, end, weight: weight, text: text, mentions: mentions,
                                                   evidence: evidence, continues: continues,
                                                   organisationsTell: topic == .privateLife,
                                                   posterVoice: context.speaksAsEm) else { continue }
            if g.weight < 0.5 && confidence < 0.5 { continue }
            // A news report republishes what courts, police and the press made public.
            if news.isNews(around: g.start, end) { confidence *= 0.5 }
            confidence = min(0.97, max(0.05, confidence))
            guard confidence >= 0.2 else { continue }
            if confidence >= 0.5 { lastReported = end }
            matches.append(TextMatch(ruleId: ruleId, category: category, start: g.start, end: end, confidence: confidence))
        }
    }

    /// The cells of a "Dân tộc" column of a table of people: a capitalised people's name.
    static func ethnicityCells(in context: TextScanContext) -> [Candidate] {
        let text = context.text
        let tables = context.tables
        guard !tables.blocks.isEmpty else { return [] }
        return tables.cells(.ethnicity, in: text).compactMap { cell in
            let r = cell.range
            guard !r.isEmpty, r.count <= 24, ProseText.isUppercase(at: r.lowerBound, in: text),
                  !(r.lowerBound..<r.upperBound).contains(where: { UTF8Classes.isDigit(text[$0]) }) else { return nil }
            return Candidate(start: r.lowerBound, end: r.upperBound, weight: 1, continuing: false)
        }
    }

    /// Overlapping hits ("ung thư" inside "ung thư máu"), and strong hits side by side
    /// ("chẩn đoán bạch cầu", "nhập viện cấp cứu"), make one phrase; "lao phổi và nhiễm HIV"
    /// stays two.
    /// `joinFollowers`: a generic word a word or two after a strong one belongs to its phrase
    /// ("ung thư vú đang điều trị" is one statement, not an illness and a treatment).
    static func merge(_ candidates: [Candidate], in text: UnsafeBufferPointer<UInt8>, joinFollowers: Bool = false) -> [Candidate] {
        let sorted = candidates.sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
        var groups: [Candidate] = []
        for c in sorted {
            // A weak keyword joins only what it overlaps ("nhập viện Bệnh viện K" is not one phrase).
            let strong = min(groups.last?.weight ?? 0, c.weight) >= 0.5
            let follower = joinFollowers && (groups.last?.weight ?? 0) >= 0.8 && c.weight >= 0.5 && c.weight < 0.8
            if var last = groups.last,
               c.start <= last.end || (strong && RelationalText.wordsBetween(last.end, c.start, in: text) == 0)
                || (follower && RelationalText.wordsBetween(last.end, c.start, in: text) <= 2) {
                last.end = max(last.end, c.end)
                last.weight = max(last.weight, c.weight)
                last.continuing = last.continuing && c.continuing
                groups[groups.count - 1] = last
            } else {
                groups.append(c)
            }
        }
        return groups
    }

    /// Extends a health phrase over the words that qualify it: "ung thư máu giai đoạn 3",
    /// "bạch cầu cấp", "ung thư gan di căn".
    static func extendHealthPhrase(_ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var end = end
        for _ in 0..<2 {
            let words = RelationalText.foldedWords(after: end, count: 3, in: text)
            guard let first = words.first else { break }
            if first.folded == "giai", words.count >= 3, words[1].folded == "doan",
               ["1", "2", "3", "4", "i", "ii", "iii", "iv", "cuoi", "dau", "muon", "som"].contains(words[2].folded) {
                end = words[2].end
            } else if first.folded == "di", words.count >= 2, words[1].folded == "can" {
                end = words[1].end
            } else if ["cap", "man", "ac"].contains(first.folded), words.count >= 2, words[1].folded == "tinh" {
                end = words[1].end
            } else if first.folded == "cap" || first.folded == "man" {
                end = first.end
            } else if first.folded == "trong" || first.folded == "o", words.count >= 2,
                      ["nao", "gan", "phoi", "tuy", "than", "vu", "xuong", "mau", "bung", "nguc", "co"].contains(words[1].folded) {
                // "khối u trong não", "u ở gan".
                end = words[1].end
            } else {
                break
            }
        }
        return end
    }

    /// How sure the phrase `start..<end` is sensitive data about an identifiable person;
    /// nil when nothing ties it to a person.
    /// `organisationsTell`: a business as the subject makes the phrase the business's ("shop còn nợ
    /// 18 triệu", "doanh nghiệp ôm nợ"): debts and bankruptcies of companies are no one's private life.
    /// (Private life also takes no identifier from a later line, see below.)
    static func confidence(_ start: Int, _ end: Int, weight: Double, text: UnsafeBufferPointer<UInt8>,
                           mentions: [PersonMention], evidence: [TextMatch], continues: Bool = false,
                           organisationsTell: Bool = false, posterVoice: @autoclosure () -> Bool = false) -> Double? {
        var evidence = evidence, mentions = mentions, continues = continues
        // In a thread of comments each line is another speaker ("– Mình 38t …, từng đi tù"): only
        // what the comment's own line gives ties it to someone, and no story above goes on there.
        if let comment = RelationalText.threadComment(around: start, in: text) {
            continues = false
            evidence.removeAll { !comment.contains($0.start) }
            // "– Hoàng Yến: chị ơi ly hôn đơn phương thì…": the name before the colon is who speaks.
            mentions.removeAll { !comment.contains($0.start) || ($0.end < text.count && text[$0.end] == UInt8(ascii: ":")) }
        }
        let sentence = RelationalText.sentence(around: start, in: text)
        var tie = 0.0
        // Identifiers of the first phase.
        for m in RelationalText.near(evidence, start, end) {
            let t = RelationalText.tie(m.start, m.end, to: start, end, sentence: sentence, in: text,
                                       sameClause: 0.95, sameSentence: 0.88, window: 0.62)
            // A number on a later line is as often a service's or a helpline's ("…bằng chứng ly
            // hôn.\n…\nGọi ngay 0902…"): for private life only its own sentence ties it forward.
            if organisationsTell && t > 0 && t <= 0.62 && m.start >= end
                && m.start >= RelationalText.lineEnd(after: end, in: text) { continue }
            // Beyond the sentence, a number someone else gives out ("…gọi anh Khoa 0935…") is
            // theirs: it ties the phrase to no one (their name ties on its own).
            if t > 0 && t <= 0.62 && Self.ownedByOther(m, mentions, in: text) { continue }
            tie = max(tie, t)
        }
        // Person mentions.
        for m in RelationalText.near(mentions, start, end) where m.end <= start || m.start >= end {
            var t = m.isFullName
                ? RelationalText.tie(m.start, m.end, to: start, end, sentence: sentence, in: text,
                                     sameClause: 0.92, sameSentence: 0.85, window: 0.7)
                : RelationalText.tie(m.cueStart ?? m.start, m.end, to: start, end, sentence: sentence, in: text,
                                     sameClause: 0.85, sameSentence: 0.78, window: 0.62)
            if m.hasTitle { t *= 0.5 }
            tie = max(tie, t)
        }
        // "Năm 2021 mình vỡ nợ. … gọi anh Khoa 0935…": a phrase whose subject is the poster belongs
        // to no one named in the next sentence; only the first-person rule below may tie it.
        if tie > 0 && tie <= 0.7 && Self.posterIsSubject(before: start, sentence: sentence, in: text) { tie = 0 }
        let direct = tie > 0
        // The words of the sentence before the phrase, spelled once when a check needs them.
        var spelledOpening: RelationalText.KeyedWords?
        func opening() -> RelationalText.KeyedWords {
            if let spelledOpening { return spelledOpening }
            let w = RelationalText.KeyedWords(text, sentence.lowerBound..<max(sentence.lowerBound, start))
            spelledOpening = w
            return w
        }
        // The words of the sentence near the phrase, spelled only when a check needs them.
        var spelled: RelationalText.KeyedWords?
        func words() -> RelationalText.KeyedWords {
            if let spelled { return spelled }
            let lo = max(sentence.lowerBound, RelationalText.back(start, 120, in: text))
            let hi = max(lo, min(sentence.upperBound, RelationalText.ahead(end, 120, in: text)))
            let w = RelationalText.KeyedWords(text, lo..<hi)
            spelled = w
            return w
        }
        // A pronoun or kinship word pointing back at someone named or identified shortly before.
        if tie < 0.62 {
            let named = RelationalText.near(mentions, start, end).contains { m in
                !m.hasTitle && m.end <= start && RelationalText.within(m.end, start, 400, in: text)
                    && !RelationalText.paragraphBreak(m.end, start, in: text, allowed: 1)
            }
            // An identifier after the phrase counts on its line only: the next line's number is
            // as often a helpline's ("…bị chồng đánh.\nNgười cần hỗ trợ gọi 0216…").
            let identified = named || RelationalText.near(evidence, start, end).contains { m in
                if m.start >= end { return m.start < RelationalText.lineEnd(after: end, in: text) }
                return RelationalText.within(m.end, start, 400, in: text)
                    && !RelationalText.paragraphBreak(m.end, start, in: text, allowed: 1)
            }
            // (The pronoun may open the phrase itself: "Chồng bỏ đi".) "Hai người", "cả hai", "2 vc"
            // point back at a couple just named ("…Thịnh và Bích. Hai người qua lại với nhau…").
            if identified && (words().hasPronoun(before: end, posterVoice: posterVoice())
                              || opening().contains(Self.couples)) {
                tie = 0.64
            }
        }
        // First person, as the subject of the phrase ("mẹ em bị …", "mình ăn chay trường"): the
        // author is identified by an identifier in the post that may be theirs.
        if tie < 0.6 && Self.posterMayBeIdentified(evidence, mentions, around: start, in: text) {
            // The clause, or the sentence when the clause has no subject of its own ("mình ăn chay
            // trường, theo đạo Phật").
            let limit = max(sentence.lowerBound, RelationalText.back(start, 60, in: text))
            var words = RelationalText.KeyedWords(text, RelationalText.clauseStart(before: start, limit: limit, in: text)..<start)
            if words.keys.count <= 2 { words = RelationalText.KeyedWords(text, limit..<start) }
            if words.contains(Self.firstPerson, inLast: 6) { tie = 0.6 }
        }
        // The same story goes on, unless the poster now speaks of themselves ("Em không biết có nên
        // ly hôn không", after the lover's divorce), with no spouse of theirs named ("Chồng em là
        // Đàm Quang Huy": her divorce is his too) and nothing in the post that may be theirs.
        if tie < 0.62 && continues {
            let own = tie < 0.6 && posterVoice() && RelationalText.KeyedWords(
                text, max(sentence.lowerBound, RelationalText.back(start, 60, in: text))..<start).contains(Self.firstPerson, inLast: 6)
            if !own || Self.spouseNamed(before: start, mentions: mentions, in: text)
                || Self.posterMayBeIdentified(evidence, mentions, around: start, in: text) {
                tie = 0.62
            }
        }
        guard tie > 0 else { return nil }
        // A star the sentence does not name ("chị ca sĩ mình thần tượng công khai song tính"):
        // only a name or a number in the sentence itself ties the phrase to someone then.
        if tie <= 0.7 && PublicFigures.unnamed(before: start, sentence: sentence, opening: opening(), mentions: mentions) {
            tie = min(tie, 0.35)
        }
        // A clause that opens with the topic talks about the topic itself ("HIV không lây qua
        // ăn uống", "Trầm cảm là bệnh", "…hiểu giúp: tự kỷ không phải bệnh"), whoever the post
        // is about, unless someone is named in the sentence or it fills a form ("Bệnh: …").
        // (After a comma the clause shares its sentence's subject: "bắt mình bỏ đạo, quy y Phật giáo".)
        var clauseStart = start
        while clauseStart > sentence.lowerBound && text[clauseStart - 1] != UInt8(ascii: ":") { clauseStart -= 1 }
        if RelationalText.KeyedWords(text, clauseStart..<start).keys.isEmpty {
            if RelationalText.KeyedWords(text, end..<RelationalText.ahead(end, 30, in: text)).startsWith(Self.genericAfter) {
                tie = min(tie, 0.35)
            }
            // No one named or identified earlier in the paragraph: a statement about the topic.
            let paragraph = RelationalText.paragraphStart(before: start, in: text)
            let named = RelationalText.near(evidence, start, end).contains { $0.start >= paragraph && $0.end <= sentence.upperBound }
                || RelationalText.near(mentions, start, end).contains {
                    $0.start >= paragraph && $0.end <= sentence.upperBound && !$0.hasTitle
                }
            let label = RelationalText.KeyedWords(text, sentence.lowerBound..<clauseStart).keys.count
            let formField = clauseStart > sentence.lowerBound && text[clauseStart - 1] == UInt8(ascii: ":") && label <= 3
            if !named && !formField && !RelationalText.isListItem(sentence, in: text) { tie = min(tie, 0.4) }
        }
        // "…ảnh nhạy cảm đang rất phổ biến": a trend, whoever was named before; "giải quyết ly hôn
        // nhanh, trọn gói": a service's advertisement.
        // (The sentence is found around the phrase's start; a phrase stretched to its amount can end past it.)
        let after = RelationalText.KeyedWords(text, end..<max(end, min(sentence.upperBound, RelationalText.ahead(end, 40, in: text))))
        if after.contains(Self.trends) || after.contains(Self.advertised) {
            tie = min(tie, 0.35)
        }
        // "70% vụ ly hôn", "hơn 200 ca nhiễm HIV": counted cases; "Theo thống kê, mỗi năm … trẻ mắc
        // ung thư", "Đọc báo thấy bảo cứ 3 cặp kết hôn thì 1 cặp ly hôn": a statistic.
        if Self.countedCases(before: start, in: text)
            || opening().contains(Self.statistics) {
            tie = min(tie, 0.35)
        }
        // "Người gọi xưng là cán bộ điều tra, nói con trai bà đang bị tạm giam": an impostor's story.
        if Self.impostorClaim(opening()) { tie = min(tie, 0.35) }
        // A term in quotes ("tài khoản tạm giữ", "bác sĩ") names a thing, it tells nothing of anyone.
        if RelationalText.isQuotedTerm(start, end, within: sentence, in: text) { tie = min(tie, 0.35) }
        // Someone who asked not to be named ("nhờ mình đăng giấu tên"), and no name given.
        if !direct && RelationalText.KeyedWords(text, RelationalText.back(start, 300, in: text)..<start).contains(Self.anonymous) {
            tie = min(tie, 0.4)
        }

        var confidence = tie - (1 - weight) * 0.5
        if weight < 0.5 { confidence = min(confidence, 0.45) }
        guard confidence >= 0.5 else { return confidence }
        // What only lowers the confidence: negation in the clause, a general statement, history;
        // read in the words between the nearest name before and the phrase ("chị Lan chăm sóc các
        // bệnh nhân ung thư"), so a name ("anh Khoa") is never read as a cue ("khoa").
        var from = max(sentence.lowerBound, RelationalText.back(start, 60, in: text))
        for m in RelationalText.near(mentions, start, end) where m.end <= start && m.end > from { from = m.end }
        let clause = RelationalText.clauseStart(before: start, limit: from, in: text)
        let clauseWords = RelationalText.KeyedWords(text, max(clause, RelationalText.back(start, 45, in: text))..<start)
        // "không biết My có con riêng": not knowing is no denial.
        if clauseWords.contains(Self.negations, inLast: 3) && !clauseWords.contains(Self.notDenying, inLast: 4) {
            confidence *= 0.55
        }
        let before = RelationalText.KeyedWords(text, from..<start)
        let opensAbout = clauseWords.keys.count <= 2 && clauseWords.startsWith(Self.aboutTopic)
            && !clauseWords.contains(Self.firstPerson)
        if opensAbout || before.contains(Self.generic, inLast: 6) || before.contains(Self.genericPlain, inLast: 6)
            || (before.contains(Self.genericNear, inLast: 2) && !before.contains(Self.durations, inLast: 2))
            || before.contains(Self.others, inLast: 4) {
            confidence = min(confidence, 0.35)
        }
        if words().contains(Self.history) || RelationalText.hasOldYear(in: sentence, text: text) { confidence *= 0.5 }
        if organisationsTell && Self.organisationSubject(before: start, sentence: sentence, mentions: mentions, in: text) {
            confidence = min(confidence, 0.35)
        }
        return confidence
    }

    /// The end of "2 tháng", "dc 11 tuần", "tháng thứ 9" after a pregnancy word, or nil.
    static func pregnancyTerm(after end: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        func word(at p: Int) -> (FoldedKey?, Int) {
            let we = ProseText.wordEnd(from: p, in: text, limit: 12)
            return (we > p ? FoldedKey(text, p..<we) : nil, we)
        }
        var p = ProseText.skipSpaces(from: end, in: text)
        var (w, we) = word(at: p)
        if let along = w, Self.alongWords.contains(along) {
            p = ProseText.skipSpaces(from: we, in: text)
            (w, we) = word(at: p)
        }
        // "tháng thứ 9"
        if w != nil && w == Self.monthWord {
            let t = ProseText.skipSpaces(from: we, in: text)
            let (ordinal, oe) = word(at: t)
            guard ordinal == Self.ordinalWord else { return nil }
            let d = ProseText.skipSpaces(from: oe, in: text)
            let de = ProseText.digitsEnd(from: d, in: text)
            return de > d && de - d <= 2 ? de : nil
        }
        let de = ProseText.digitsEnd(from: p, in: text)
        guard de > p, de - p <= 2 else { return nil }
        let u = ProseText.skipSpaces(from: de, in: text)
        let (unit, ue) = word(at: u)
        guard let unit, Self.termUnits.contains(unit) else { return nil }
        return ue
    }

    /// An impostor, then what they say: "xưng là cán bộ điều tra, nói con trai bà …". Not a
    /// pretence alone ("tự xưng \"bác sĩ\" nhưng … đã bị phạt"): the story after it may be true.
    static func impostorClaim(_ words: RelationalText.KeyedWords) -> Bool {
        guard let k = words.keys.indices.first(where: { words.contains(words: Self.impostors, at: $0) }) else { return false }
        return words.keys[(k + 2)...].contains { Self.sayingWords.contains($0) }
    }

    /// "70% vụ ly hôn", "200 ca nhiễm HIV", "hàng nghìn vụ": the phrase counts cases. The word
    /// before it is "vụ", "ca" or "trường hợp", after a number, a percentage or a quantity word.
    static func countedCases(before start: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let words = RelationalText.KeyedWords(text, RelationalText.back(start, 40, in: text)..<start)
        var k = words.keys.count - 1
        if k >= 1, Self.caseWords.contains(words.keys[k - 1], words.keys[k]) { k -= 1 }
        else if k < 0 || !Self.caseWord.contains(words.keys[k]) { return false }
        if k >= 1 && Self.quantityWords.contains(words.keys[k - 1]) { return true }
        var i = ProseText.skipSpacesBackward(from: words.starts[k], in: text)
        guard i > 0 else { return false }
        if text[i - 1] == UInt8(ascii: "%") { i -= 1 }
        return i > 0 && UTF8Classes.isDigit(text[i - 1])
    }

    /// Whether a business is the subject of the words before `start` in its sentence: the last
    /// business word after the last person named ("đến giờ shop còn nợ", "Công ty CP … vừa công bố
    /// mất khả năng trả nợ"), not where the business is a place or a partner ("làm ở công ty",
    /// "may cho shop") or has an owner ("chủ shop").
    static func organisationSubject(before start: Int, sentence: Range<Int>, mentions: [PersonMention],
                                    in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = max(sentence.lowerBound, RelationalText.back(start, 120, in: text))
        for m in RelationalText.near(mentions, start, start) where m.end <= start && m.end > from && !m.hasTitle {
            // "chuỗi cà phê Mộc Sơn", "shop Mộc An": the business's name, not a person.
            if RelationalText.KeyedWords(text, RelationalText.back(m.start, 30, in: text)..<m.start)
                .contains(organisations, inLast: 3) { continue }
            from = m.end
        }
        let words = RelationalText.KeyedWords(text, from..<start)
        var k = words.keys.count - 1
        while k >= 0 {
            // "ngân hàng gọi điện nhắc và em đã dính nợ xấu": a person after the business is the subject.
            if let w = words.keys[k], personSubjects.contains(w) { return false }
            if organisations.occurs(in: words.keys, from: k, onlyAt: true) {
                return k == 0 || !organisationRoles.contains(words.keys[k - 1])
            }
            k -= 1
        }
        return false
    }

}

extension Category {
    /// The categories the sensitive-topic detector reports (they are never evidence of a person).
    var isSensitiveTopic: Bool {
        switch self {
        case .sensitiveHealth, .sensitiveCriminal, .sensitiveReligion, .sensitivePolitics, .sensitiveEthnicity,
             .sensitiveSexuality, .sensitivePrivateLife, .personName:
            return true
        default:
            return false
        }
    }
}
