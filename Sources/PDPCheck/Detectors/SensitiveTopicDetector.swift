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
            case "dan toc" where topic == .ethnicity:
                // "dân tộc" and a people's name the lexicon lacks: "dân tộc Pa Dí".
                if let people = RelationalText.capitalisedName(after: hit.end, in: text) { end = people; weight = 1 }
            case let keyword where topic == .privateLife && keyword.hasPrefix("no "):
                // "trả nợ thẻ tín dụng", "đòi nợ quá hạn": paying or collecting, not owing; "nói nợ
                // tiền điện": a caller's claim, not a debt.
                if let w = Self.previousWord(before: hit.start, in: text),
                   Self.debtCompounds.contains(w) || Self.claims.contains(w) { continue }
            default:
                break
            }
            candidates.append(Candidate(start: start, end: end, weight: weight, continuing: tables.continuing[hit.entry]))
        }
        guard !candidates.isEmpty else { return }
        // Words below 0.5 ("bệnh viện", "dân tộc") are never reported alone; a few carry on a story
        // already told ("…là người đồng tính. Mình và anh Huy yêu nhau 5 năm").
        let groups = Self.merge(candidates, in: text, joinFollowers: topic == .health).filter { $0.weight >= 0.5 || $0.continuing }
        guard !groups.isEmpty else { return }
        let evidence = primary.filter { $0.confidence >= TextDetectionEngine.evidenceConfidence && !$0.category.isSensitiveTopic }
            .sorted { $0.start < $1.start }
        var mentions = context.personMentions
        // "Chị T. (42 tuổi)": an initial is how a report hides who someone is.
        if mentions.contains(where: { Self.isInitial($0, in: text) }) {
            mentions.removeAll { Self.isInitial($0, in: text) }
        }
        let news = NewsContext(context)
        var lastReported = -1
        for g in groups {
            let end = topic == .health ? Self.extendHealthPhrase(g.end, in: text) : g.end
            // The same story goes on: a finding of this topic shortly before, in the same or the
            // previous paragraph ("…chẩn đoán bạch cầu cấp…\n\nChi phí đợt hóa trị…").
            let continues = lastReported >= 0 && RelationalText.characters(lastReported, g.start, in: text) <= 500
                && !RelationalText.paragraphBreak(lastReported, g.start, in: text, allowed: 1)
            guard g.weight >= 0.5 || continues else { continue }
            let weight = g.weight >= 0.5 ? g.weight : 0.8
            guard var confidence = Self.confidence(g.start, end, weight: weight, text: text, mentions: mentions,
                                                   evidence: evidence, continues: continues,
                                                   organisationsTell: topic == .privateLife) else { continue }
            if g.weight < 0.5 && confidence < 0.5 { continue }
            // A news report republishes what courts, police and the press made public.
            if news.isNews(around: g.start, end) { confidence *= 0.5 }
            confidence = min(0.97, max(0.05, confidence))
            guard confidence >= 0.2 else { continue }
            if confidence >= 0.5 { lastReported = end }
            matches.append(TextMatch(ruleId: ruleId, category: category, start: g.start, end: end, confidence: confidence))
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
                           organisationsTell: Bool = false) -> Double? {
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
                !m.hasTitle && m.end <= start && RelationalText.characters(m.end, start, in: text) <= 400
                    && !RelationalText.paragraphBreak(m.end, start, in: text, allowed: 1)
            }
            // An identifier after the phrase counts on its line only: the next line's number is
            // as often a helpline's ("…bị chồng đánh.\nNgười cần hỗ trợ gọi 0216…").
            let identified = named || RelationalText.near(evidence, start, end).contains { m in
                if m.start >= end { return m.start < RelationalText.lineEnd(after: end, in: text) }
                return RelationalText.characters(m.end, start, in: text) <= 400
                    && !RelationalText.paragraphBreak(m.end, start, in: text, allowed: 1)
            }
            // (The pronoun may open the phrase itself: "Chồng bỏ đi".) "Hai người", "cả hai", "2 vc"
            // point back at a couple just named ("…Thịnh và Bích. Hai người qua lại với nhau…").
            if identified && (words().hasPronoun(before: end)
                              || RelationalText.KeyedWords(text, sentence.lowerBound..<start).contains(Self.couples)) {
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
        if tie < 0.62 && continues { tie = 0.62 }
        guard tie > 0 else { return nil }
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
        // "…ảnh nhạy cảm đang rất phổ biến": a trend, whoever was named before.
        if RelationalText.KeyedWords(text, end..<min(sentence.upperBound, RelationalText.ahead(end, 40, in: text)))
            .contains(Self.trends) {
            tie = min(tie, 0.35)
        }
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
        if opensAbout || before.contains(Self.generic, inLast: 6)
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

    /// Whether the clause before `start` has the poster as its subject: "mình", "tôi" right before
    /// the phrase, past auxiliaries ("mình đã từng vỡ nợ"), and not someone of theirs ("mẹ tôi").
    static func posterIsSubject(before start: Int, sentence: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let limit = max(sentence.lowerBound, RelationalText.back(start, 60, in: text))
        let words = RelationalText.KeyedWords(text, RelationalText.clauseStart(before: start, limit: limit, in: text)..<start)
        var k = words.keys.count - 1
        while k >= 0 && auxiliaries.contains(words.keys[k]) { k -= 1 }
        guard k >= 0, firstPersonSubjects.contains(words.keys[k]) else { return false }
        return k == 0 || !RelationalText.pronouns.contains(words.keys[k - 1])
    }

    static let firstPersonSubjects = NameTable(["tôi", "mình", "tớ", "tui", "tao"])
    /// People who, after a business word, become the subject ("ngân hàng gọi và em đã dính nợ xấu").
    static let personSubjects = NameTable(["tôi", "mình", "tớ", "tui", "tao", "em"])
    static let auxiliaries = NameTable(["đã", "từng", "bị", "cũng", "đang", "mới", "vừa", "lại", "còn", "thì", "là",
                                        "chưa", "sắp", "cứ", "vẫn"])

    /// Whether an identifier within reach may be the poster's own. One that a third person
    /// introduces ("gọi anh Khoa 0935…") or that a business lists ("Hotline shop: …") is someone
    /// else's, and tells nothing of who "mình" is.
    static func posterMayBeIdentified(_ evidence: [TextMatch], _ mentions: [PersonMention], around start: Int,
                                      in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = RelationalText.lowerBound(evidence.count) { evidence[$0].start < start - 2000 }
        var looked = 0
        while i < evidence.count && evidence[i].start <= start + 2000 && looked < 24 {
            if !ownedByOther(evidence[i], mentions, in: text) { return true }
            i += 1
            looked += 1
        }
        return false
    }

    static func ownedByOther(_ e: TextMatch, _ mentions: [PersonMention], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let lineStart = RelationalText.line(around: e.start, in: text).lowerBound
        for m in RelationalText.near(mentions, e.start, e.end) where m.end <= e.start && m.start >= lineStart {
            guard let cue = m.cueStart, RelationalText.characters(m.end, e.start, in: text) <= 30 else { continue }
            // "em Lan 0905…" may be the poster speaking of herself; "anh Khoa 0935…" is not.
            let cueWords = RelationalText.KeyedWords(text, cue..<m.start)
            if !cueWords.contains(firstPerson) { return true }
        }
        let before = RelationalText.KeyedWords(text, max(lineStart, RelationalText.back(e.start, 40, in: text))..<e.start)
        return before.contains(businessLines, inLast: 4)
    }

    /// The word after which "nợ" is a compound of another topic: "nợ cờ bạc".
    static let debtWord = FoldedKey("no")
    static let lendWord = FoldedKey("cho")

    static func previousWord(before start: Int, in text: UnsafeBufferPointer<UInt8>) -> FoldedKey? {
        let e = ProseText.skipSpacesBackward(from: start, in: text)
        let ws = ProseText.wordStart(endingAt: e, in: text, limit: 16)
        return ws < e ? FoldedKey(text, ws..<e) : nil
    }

    /// Words before a debt that make it someone's claim ("nói nợ tiền điện", "báo nợ cước").
    static let claims: Set<FoldedKey> = FoldedKey.set(["noi", "bao", "xung", "rang", "tuong", "doa"])
    /// Words before "cờ bạc" that make it a habit or advice, not a record.
    static let gamblingHabit: Set<FoldedKey> = FoldedKey.set(["nghien", "me", "ham", "dinh", "vao", "xa", "vi"])
    /// Words that may stand between "nợ" and the amount in text typed without marks, where
    /// "no" is also "nó" ("nó làm được 8 triệu"): who is owed, how much about, what for.
    static let owedWords: Set<FoldedKey> = FoldedKey.set([
        "cua", "tien", "app", "online", "ngan", "hang", "nong", "them", "hon", "gan", "khoang", "tam", "co", "len",
        "toi", "den", "ca", "tong", "minh", "em", "anh", "chi", "tao", "t", "e", "ban", "ong", "ba", "chu", "bac",
        "nguoi", "lo", "de", "the", "tin", "dung", "cac", "nhieu", "lai", "qua", "han", "moi", "la", "so", "tre",
        "mk", "mik", "a", "c", "be", "do", "bong", "cuoc", "no",
    ])

    /// The end of the amount owed after "nợ", a few words away ("nợ lô đề hơn 700 triệu", "còn
    /// nợ bà con trong xã hơn 3 tỷ"): up to five words of any kind where the text has marks
    /// ("nợ" cannot be "nó"), otherwise three of `owedWords` or capitalised names. (A loan alone, "vay mình 65
    /// triệu", is the lender's story of a sum, not a statement of debt: the drafts leave it.)
    static func sumOwed(after offset: Int, anyWords: Bool, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        if let amount = RelationalText.amount(after: offset, in: text) ?? spelledSum(after: offset, in: text) { return amount }
        var i = offset
        for _ in 0..<(anyWords ? 5 : 3) {
            guard i < text.count, text[i] == 0x20 else { return nil }
            while i < text.count && text[i] == 0x20 { i += 1 }
            guard let r = RelationalText.wordRanges(i, min(text.count, i + 40), max: 1, in: text).first, r.lowerBound == i,
                  !UTF8Classes.isDigit(text[i]) else { return nil }
            if !anyWords && !PersonMentionScanner.isCapital(at: i, in: text) {
                guard let w = FoldedKey(text, r), owedWords.contains(w) else { return nil }
            }
            i = r.upperBound
            if let amount = RelationalText.amount(after: i, in: text) ?? spelledSum(after: i, in: text) { return amount }
        }
        return nil
    }

    /// The end of a sum in words right after `offset`: "vài chục triệu", "mấy trăm triệu", "hàng
    /// tỷ", "cả trăm triệu".
    static func spelledSum(after offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        let words = RelationalText.foldedWords(after: offset, count: 3, in: text)
        guard let first = words.first, ["vai", "may", "hang", "ca", "chuc", "tram", "tien"].contains(first.folded) else { return nil }
        for w in words.dropFirst() {
            if ["trieu", "ty", "nghin", "ngan"].contains(w.folded) { return w.end }
            guard ["chuc", "tram", "muoi"].contains(w.folded) else { return nil }
        }
        return nil
    }

    /// Where "đuổi" opens a clause ending in "ra khỏi nhà", up to five words before it ("mẹ
    /// chồng đuổi em ra khỏi nhà", "đuổi ba mẹ con ra khỏi nhà").
    static func evictionStart(before start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        let limit = RelationalText.back(start, 40, in: text)
        let words = RelationalText.KeyedWords(text, RelationalText.clauseStart(before: start, limit: limit, in: text)..<start)
        var k = words.keys.count - 1
        while k >= 0 && k >= words.keys.count - 6 {
            if let w = words.keys[k], w.key == (w.plain ? evictPlain : evict) { return words.starts[k] }
            k -= 1
        }
        return nil
    }
    static let evict = NameKey.of("đuổi")?.key ?? NameKey()
    static let evictPlain = NameKey.of("duoi")?.key ?? NameKey()

    /// Whether a love story surrounds "chia tay": a partner, dating or an affair within the
    /// sentence before or just after, in the same paragraph; not a party ("tiệc chia tay").
    static func loveStory(around start: Int, _ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        if let w = previousWord(before: start, in: text), farewells.contains(w) { return false }
        // "chia tay chồng", "chia tay ny": the partner right after.
        if partnerFollows(end, in: text, words: stolenPartners, names: false) { return true }
        let from = max(RelationalText.paragraphStart(before: start, in: text), RelationalText.back(start, 200, in: text))
        var to = RelationalText.ahead(end, 80, in: text)
        if RelationalText.paragraphBreak(end, to, in: text) { to = RelationalText.lineEnd(after: end, in: text) }
        return RelationalText.KeyedWords(text, from..<max(from, to)).contains(loveWords)
    }
    static let farewells: Set<FoldedKey> = FoldedKey.set(["tiec", "buoi", "le", "hoan", "loi", "phut", "qua"])
    static let loveWords = RelationalText.PhraseTable([
        "người yêu", "ny", "bạn trai", "bạn gái", "yêu nhau", "hẹn hò", "tán tỉnh", "bắt cá", "ngoại tình", "ảnh nóng",
        "clip nóng", "tình yêu", "tình cảm", "đám cưới", "người thứ ba", "cắm sừng", "bồ", "người yêu cũ", "crush",
    ], foldSingleWords: false)

    /// Whether a partner follows `end`: a name or one of `words` ("qua lại với nhau", "qua lại
    /// với Dương", "cướp ny").
    static func partnerFollows(_ end: Int, in text: UnsafeBufferPointer<UInt8>, words table: RelationalText.PhraseTable = partners,
                               names: Bool = true) -> Bool {
        var i = end
        guard i < text.count, text[i] == 0x20 else { return false }
        while i < text.count && text[i] == 0x20 { i += 1 }
        if names && i < text.count && PersonMentionScanner.isCapital(at: i, in: text) { return true }
        let words = RelationalText.KeyedWords(text, i..<RelationalText.ahead(i, 24, in: text))
        return table.occurs(in: Array(words.keys.prefix(3)), from: 0, onlyAt: true)
    }
    static let partners = RelationalText.PhraseTable([
        "nhau", "chồng", "vợ", "ck", "vk", "ny", "bồ", "người yêu", "bạn trai", "bạn gái", "gái", "trai", "anh",
        "chị", "em", "cô", "thằng", "con", "người đàn ông", "người phụ nữ", "người đàn bà",
    ], foldSingleWords: false)
    /// After "cướp" or "chia tay", a partner rather than loot or a colleague ("cướp ny", not "cướp
    /// tài sản" or "cướp người đi đường"; "chia tay chồng", not "chia tay đồng nghiệp").
    static let stolenPartners = RelationalText.PhraseTable([
        "chồng", "vợ", "ck", "vk", "ny", "bồ", "người yêu", "bạn trai", "bạn gái",
    ], foldSingleWords: false)

    /// Said of oneself or one's family.
    static let firstPerson = RelationalText.PhraseTable([
        "tôi", "mình", "em", "tớ", "tui", "tao", "chúng tôi", "chúng em", "bọn mình", "tụi mình", "gia đình tôi",
        "nhà mình", "nhà em", "nhà tôi", "e", "mik",
    ])
    /// Words that point back at a couple named before.
    static let couples = RelationalText.PhraseTable([
        "hai người", "2 người", "cả hai", "hai đứa", "2 đứa", "hai vợ chồng", "2 vợ chồng", "2 vc", "hai vc", "vợ chồng",
        "vc", "hai bên",
    ], foldSingleWords: false)
    /// What makes a topic a trend rather than someone's story.
    static let trends = RelationalText.PhraseTable([
        "phổ biến", "gia tăng", "vấn nạn", "tràn lan", "ngày càng nhiều", "đang tăng",
    ], foldSingleWords: false)
    /// What a general statement says of a topic that opens it ("HIV không lây qua…").
    static let genericAfter = RelationalText.PhraseTable([
        "không lây", "lây qua", "lây truyền", "là bệnh", "là một", "không phải", "có thể", "là gì", "nguy hiểm",
        "gây ra", "ảnh hưởng", "phổ biến", "chữa được", "điều trị được", "không đáng sợ", "là căn bệnh", "hoàn toàn",
        "của người khác", "của người ta", "của mỗi người", "là quyền",
        "khong lay", "la benh", "khong phai",
    ])
    static let anonymous = RelationalText.PhraseTable(["giấu tên", "ẩn danh", "xin giấu", "không nêu tên", "dấu tên"])
    static let negations = RelationalText.PhraseTable([
        "không", "ko", "k", "khg", "kh", "hông", "hổng", "chưa", "chẳng", "chả", "đéo", "hok", "hem", "chưa từng",
        "không hề", "chẳng hề",
    ])
    static let notDenying = RelationalText.PhraseTable([
        "không biết", "không hề biết", "chẳng biết", "ko biết", "không ngờ", "không hay", "chưa biết", "không ai biết",
    ])
    /// A name that is one capital letter before a full stop ("chị T.", "anh H."): a person hidden.
    static func isInitial(_ m: PersonMention, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard m.end - m.start == 1, m.start < text.count, text[m.start] >= 0x41, text[m.start] <= 0x5A else { return false }
        return m.end < text.count && text[m.end] == 0x2E
    }

    /// Businesses as the subject of a sentence (`organisationSubject`).
    static let organisations = RelationalText.PhraseTable([
        "công ty", "cty", "doanh nghiệp", "tập đoàn", "shop", "cửa hàng", "chủ đầu tư", "ngân hàng", "hợp tác xã",
        "htx", "nhà máy", "xưởng", "nhà xe", "đại lý", "nhà thầu", "thương hiệu", "tiệm", "hãng", "fanpage", "page",
        "chuỗi", "nhà hàng",
    ], foldSingleWords: false)
    /// Words before a business word that make it no subject: a place, a partner, an owner.
    static let organisationRoles = NameTable(["ở", "tại", "cho", "với", "của", "vào", "chủ", "từ", "làm"])
    /// Words that put an identifier in a business's name ("Hotline shop: …", "số tổng đài").
    static let businessLines = RelationalText.PhraseTable([
        "shop", "hotline", "tổng đài", "công ty", "cửa hàng", "quán", "page", "fanpage", "xưởng", "đường dây nóng",
    ], foldSingleWords: false)
    /// Words before a bare "nợ" that make it about debts in general or a creditor's side:
    /// "chủ nợ", "đòi nợ", "trả nợ", "đảo nợ".
    static let debtCompounds: Set<FoldedKey> = FoldedKey.set(["chu", "doi", "tra", "dao", "khoan", "vay", "xiet", "thu",
                                                              "cong", "no", "ghi", "mac"])

    /// Words before a topic that make it a general statement, a campaign or a job ad (one word
    /// compared with its marks: "giam" is "tạm giam" as well as "giảm").
    static let generic = RelationalText.PhraseTable([
        "phòng chống", "phòng ngừa", "chống", "tầm soát", "chiến dịch", "tuyên truyền", "nhận thức", "thế giới",
        "hội thảo", "chương trình", "dự án", "bất kỳ", "bất kì", "chuyên khoa", "chuyên gia", "nghiên cứu",
        "người bệnh", "ưu tiên", "yêu cầu", "cần tuyển", "tuyển", "không nhận", "không phân biệt", "cộng đồng",
        "kiến thức", "thông tin", "tìm hiểu", "dấu hiệu",
        "triệu chứng", "nguyên nhân", "phương pháp", "quỹ", "hội", "tuần lễ",
        "chống lại", "xóa bỏ", "xoá bỏ", "kỳ thị", "phân biệt", "bình đẳng", "tôn trọng", "quyền", "luật",
        "giảm", "phát hiện sớm", "hỗ trợ", "tư vấn", "điều trị cho", "sàng lọc", "vắc xin", "vaccine", "tiêm",
        "số ca", "ca", "số", "tỷ lệ", "tỉ lệ", "trường hợp", "người dân", "chuyên đề", "khóa học", "lớp học",
        "kinh nghiệm", "xử lý", "cách xử lý", "làm sao", "làm thế nào", "nạn nhân", "thống kê",
        "quy định", "theo quy định", "được phép", "điều kiện", "tiêu chuẩn",
        "khảo sát", "tránh xa", "về vấn đề", "về việc", "ai chứng kiến", "ai thấy", "ai gặp", "ai đang",
        "nghĩa vụ", "đừng bao giờ", "không bao giờ", "không nên", "đừng nên",
        // Sayings about men and women in general: "đàn ông có tiền là có bồ".
        "đàn ông", "đàn bà", "hay nói", "nếu", "giả sử", "trường hợp", "người ta nói", "câu nói", "thường nói", "dịch vụ",
        "thám tử",
    ], foldSingleWords: false)
    /// Short words that make a general statement only right before the topic (compared with
    /// their marks: typed without, "moi", "nao", "cac" are other words too) ("các bệnh nhân
    /// ung thư", "ai bị trầm cảm"), not further away ("ai cũng biết ông ấy từng đi tù", "những bài
    /// viết phê phán chính quyền").
    static let genericNear = RelationalText.PhraseTable([
        "các", "những", "mọi", "nhiều", "ai", "nào", "hễ", "cách", "bệnh viện", "viện", "trung tâm", "khoa",
        "phòng khám", "bọn", "học sinh", "đồng bào", "trẻ em", "bà con", "người nhiễm", "người mắc", "người bị",
        "chữ", "khi có", "khi bị",
    ], foldSingleWords: false)
    /// A clause that opens "Về …" or "Thủ tục …" right before the topic is about the topic itself
    /// ("Về quyền nuôi con, …", "thủ tục ly hôn đơn phương gồm …"); not "đang làm thủ tục ly hôn".
    static let aboutTopic = RelationalText.PhraseTable(["về", "thủ tục", "hồ sơ", "về việc", "về vấn đề"],
                                                       foldSingleWords: false)
    /// "nhiều năm bị chồng bạo hành": how long, not how many people.
    static let durations = RelationalText.PhraseTable([
        "nhiều năm", "nhiều tháng", "nhiều ngày", "nhiều lần", "nhiều đêm", "những năm", "những ngày", "những lần",
    ], foldSingleWords: false)
    /// "chửi người khác là phản động": said of people in general.
    static let others = RelationalText.PhraseTable(["người khác là", "người ta là", "ai đó là", "thiên hạ là"])
    static let history = RelationalText.PhraseTable([
        "lịch sử", "khởi nghĩa", "kháng chiến", "triều đại", "nhà vua", "phong kiến", "thế kỷ", "thế kỉ",
        "danh nhân", "anh hùng dân tộc", "cách mạng tháng tám", "pháp thuộc", "thực dân", "côn đảo", "hỏa lò",
        "truyền thuyết", "cổ tích", "tiểu thuyết", "nhân vật", "bộ phim", "phim", "truyện",
        // Lyrics sung or quoted: "…chia tay rồi thì thôi…" – bài hát.
        "bài hát", "lời bài hát", "câu hát", "ca khúc", "lời hát",
    ], foldSingleWords: false)
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

/// Per lexicon entry: its topic, weight and spelling check, looked up by entry index.
struct TopicTables: Sendable {
    let topicCode: [UInt8]
    let weight: [Double]
    let spelling: [SpellingCheck?]
    let continuing: [Bool]

    static let shared = TopicTables(lexicon: TopicLexicon.shared)

    func code(_ topic: Topic) -> UInt8 { UInt8(Topic.allCases.firstIndex(of: topic) ?? 255) }

    init(lexicon: TopicLexicon) {
        var spelled: [String: [SensitiveTopicKeywords.Keyword]] = [:]
        for k in SensitiveTopicKeywords.keywords {
            spelled[k.topic.rawValue + ":" + SensitiveTopicKeywords.folded(k.spelled), default: []].append(k)
        }
        var codes: [UInt8] = []
        var weights: [Double] = []
        var spellings: [SpellingCheck?] = []
        var continuing: [Bool] = []
        let continuingKeywords = Set(SensitiveTopicKeywords.continuing.map(SensitiveTopicKeywords.folded))
        for entry in lexicon.entries {
            continuing.append(entry.topic.sensitiveCategory != nil && entry.weight < 0.5
                              && continuingKeywords.contains(entry.keyword))
            codes.append(UInt8(Topic.allCases.firstIndex(of: entry.topic) ?? 255))
            weights.append(entry.weight)
            let forms = spelled[entry.topic.rawValue + ":" + entry.keyword] ?? []
            spellings.append(forms.isEmpty ? nil : SpellingCheck(forms))
        }
        topicCode = codes
        weight = weights
        spelling = spellings
        self.continuing = continuing
    }
}

/// Checks a hit against the keyword's spellings where the text has marks: the automaton
/// matched it folded, and folded Vietnamese words collide ("phẩm nhân" / "phạm nhân").
struct SpellingCheck: Sendable {
    /// Per spelling, the key of each word (with marks).
    let forms: [[NameKey]]
    let plainWeight: Double
    /// A spelling is plain ASCII ("gay", "HIV"): typed so inside accented text, it is meant.
    let asciiForm: Bool

    init(_ keywords: [SensitiveTopicKeywords.Keyword]) {
        forms = keywords.map { k in
            let bytes = Array(k.spelled.utf8)
            return bytes.withUnsafeBufferPointer { b in
                RelationalText.wordRanges(0, b.count, max: 12, in: b).compactMap { NameKey.of(b, $0.lowerBound, $0.upperBound)?.key }
            }
        }
        plainWeight = keywords.map(\.plainWeight).min() ?? 0
        asciiForm = keywords.contains { $0.spelled.utf8.allSatisfy { $0 < 0x80 } }
    }

    /// The weight of the hit, or nil when its marks spell other words.
    func weight(of hit: KeywordHit, in text: UnsafeBufferPointer<UInt8>, base: Double) -> Double? {
        let ranges = RelationalText.wordRanges(hit.start, hit.end, max: 12, in: text)
        var keys: [(key: NameKey, plain: Bool)] = []
        for r in ranges {
            guard let k = NameKey.of(text, r.lowerBound, r.upperBound) else { return nil }
            keys.append(k)
        }
        // Words typed without marks match their folded form (the automaton saw to that);
        // words with marks must be spelled as the keyword is.
        guard let form = forms.first(where: { form in
            form.count == keys.count && zip(form, keys).allSatisfy { $0.1.plain || $0.0 == $0.1.key }
        }) else { return nil }
        // Ambiguous only where a word that takes marks was typed without them ("tu tu"), not
        // where the word has none ("tim" in "mổ tim").
        if asciiForm && keys.allSatisfy({ $0.plain }) {
            // "gay" in a text with marks is the English word; in a text without any it may be "gây".
            let around = RelationalText.sentence(around: hit.start, in: text)
            return RelationalText.hasMarks(around, in: text) ? base : min(base, plainWeight)
        }
        let plain = zip(form, keys).contains { $0.1.plain && $0.0 != $0.1.key }
        return plain ? min(base, plainWeight) : base
    }
}

/// Byte-level helpers the relational detectors share: bounded sentences, clause and paragraph
/// breaks, distances in characters (the same for NFC and NFD), folded words around a place.
enum RelationalText {
    /// Farthest a sentence reaches on each side, in characters, so a text without punctuation
    /// cannot make every lookup linear in the text.
    static let sentenceRadius = 360

    /// The sentence (or line) around `offset`, bounded like `TextScanContext.sentence(around:)`
    /// but never more than `sentenceRadius` characters each way.
    static func sentence(around offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let n = text.count
        let o = min(max(0, offset), n)
        var lo = o
        let loLimit = back(o, sentenceRadius, in: text)
        while lo > loLimit {
            let b = text[lo - 1]
            if b == 0x0A { break }
            if (b == 0x2E || b == 0x21 || b == 0x3F) && lo < n && (text[lo] == 0x20 || text[lo] == 0x0A) { break }
            // An emoji before a space ends a sentence too ("…em ấy 🙏 Trầm cảm là bệnh").
            if b == 0x20 && lo >= 5 && text[lo - 5] >= 0xF0 && text[lo - 5] <= 0xF4 { break }
            lo -= 1
        }
        while lo < n && UTF8Classes.isContinuation(text[lo]) { lo += 1 }
        var hi = o
        let hiLimit = ahead(o, sentenceRadius, in: text)
        while hi < hiLimit {
            let b = text[hi]
            if b == 0x0A { break }
            if (b == 0x2E || b == 0x21 || b == 0x3F) && (hi + 1 == n || text[hi + 1] == 0x20 || text[hi + 1] == 0x0A) {
                hi += 1
                break
            }
            if b >= 0xF0 && b <= 0xF4 && hi + 4 < n && text[hi + 4] == 0x20 { hi += 4; break }
            hi += 1
        }
        while hi < n && hi > lo && UTF8Classes.isContinuation(text[hi]) { hi += 1 }
        return lo..<max(lo, hi)
    }

    /// The end of the line holding `offset` (its line break, or the text's end).
    static func lineEnd(after offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        let o = min(max(0, offset), text.count)
        guard o < text.count, let base = text.baseAddress,
              let found = memchr(base + o, 0x0A, text.count - o) else { return text.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The line around `offset` (at most `sentenceRadius` characters each way).
    static func line(around offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let n = text.count
        let o = min(max(0, offset), n)
        var lo = o
        let loLimit = back(o, sentenceRadius, in: text), hiLimit = ahead(o, sentenceRadius, in: text)
        while lo > loLimit && text[lo - 1] != 0x0A { lo -= 1 }
        while lo < n && UTF8Classes.isContinuation(text[lo]) { lo += 1 }
        var hi = o
        while hi < hiLimit && text[hi] != 0x0A { hi += 1 }
        while hi < n && hi > lo && UTF8Classes.isContinuation(text[hi]) { hi += 1 }
        return lo..<max(lo, hi)
    }

    /// Whether only spaces lie in `a..<b`.
    static func onlySpaces(_ a: Int, _ b: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = max(0, a)
        while i < min(b, text.count) {
            guard text[i] == 0x20 else { return false }
            i += 1
        }
        return true
    }

    /// The offset `count` characters before `offset` (combining marks go with their letter, so
    /// NFC and NFD reach the same place), or the text's start.
    static func back(_ offset: Int, _ count: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var i = min(max(0, offset), text.count)
        var left = count
        while i > 0 {
            let c = text[i - 1]
            if c & 0xC0 != 0x80 && c != 0xCC && c != 0xCD {
                if left == 0 { break }
                left -= 1
            }
            i -= 1
        }
        return i
    }

    /// The offset `count` characters after `offset`, or the text's end.
    static func ahead(_ offset: Int, _ count: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        let n = text.count
        var i = min(max(0, offset), n)
        var left = count
        while i < n {
            let c = text[i]
            if c & 0xC0 != 0x80 && c != 0xCC && c != 0xCD {
                if left == 0 { break }
                left -= 1
            }
            i += 1
        }
        return i
    }

    /// Characters (not bytes, not combining marks) in `a..<b`: the same for NFC and NFD.
    static func characters(_ a: Int, _ b: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        let lo = max(0, min(a, b)), hi = min(text.count, max(a, b))
        var count = 0
        var i = lo
        while i < hi {
            let c = text[i]
            if c & 0xC0 != 0x80 && c != 0xCC && c != 0xCD { count += 1 }
            i += 1
        }
        return count
    }

    /// Whether `a..<b` holds a clause break: `,` `;` `:` `(` `)` `|`, a spaced dash, an en or
    /// em dash, or a line break.
    static func clauseBreak(_ a: Int, _ b: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = max(0, min(a, b)), hi = min(text.count, max(a, b))
        var i = lo
        while i < hi {
            switch text[i] {
            case 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x7C, 0x0A, 0x2E, 0x21, 0x3F: return true
            case 0x2D: if i > lo && text[i - 1] == 0x20 { return true }
            case 0xE2: if i + 2 < text.count && text[i + 1] == 0x80 && (text[i + 2] == 0x93 || text[i + 2] == 0x94) { return true }
            default: break
            }
            i += 1
        }
        return false
    }

    /// The start of the clause that `offset` is in, not before `limit`.
    static func clauseStart(before offset: Int, limit: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var i = min(offset, text.count)
        while i > limit {
            switch text[i - 1] {
            case 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x7C, 0x0A: return i
            default: i -= 1
            }
        }
        return max(0, limit)
    }

    /// More than `allowed` blank lines (paragraph breaks) in `a..<b`.
    static func paragraphBreak(_ a: Int, _ b: Int, in text: UnsafeBufferPointer<UInt8>, allowed: Int = 0) -> Bool {
        let lo = max(0, min(a, b)), hi = min(text.count, max(a, b))
        var breaks = 0
        var lastNewline = -1
        var i = lo
        while i < hi {
            let c = text[i]
            if c == 0x0A {
                if lastNewline >= 0 {
                    breaks += 1
                    if breaks > allowed { return true }
                    lastNewline = -1
                } else {
                    lastNewline = i
                }
            } else if c != 0x20 && c != 0x0D && c != 0x09 {
                lastNewline = -1
            }
            i += 1
        }
        return false
    }

    /// Words (letter runs) between `a` and `b`; `Int.max` when anything else than spaces and
    /// letters lies between (punctuation, digits, a line break).
    static func wordsBetween(_ a: Int, _ b: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        guard a <= b else { return 0 }
        let hi = min(b, text.count)
        var words = 0
        var inWord = false
        var i = max(0, a)
        while i < hi {
            let c = text[i]
            if c == 0x20 || c == 0x09 {
                inWord = false
                i += 1
                continue
            }
            if c < 0x80 {
                guard UTF8Classes.isASCIILetter(c) else { return Int.max }
                if !inWord { words += 1; inWord = true }
                i += 1
                continue
            }
            let (kind, length) = PersonMentionScanner.nonASCII(at: i, in: text)
            guard kind == .letter else { return Int.max }
            if !inWord { words += 1; inWord = true }
            i += length
        }
        return words
    }

    /// The ranges of up to `max` words inside `a..<b`.
    static func wordRanges(_ a: Int, _ b: Int, max: Int, in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = Swift.max(0, a)
        let hi = Swift.min(b, text.count)
        while i < hi && out.count < max {
            let c = text[i]
            let isLetter: Bool
            var length = 1
            if c < 0x80 {
                isLetter = UTF8Classes.isASCIILetter(c) || UTF8Classes.isDigit(c)
            } else {
                let (kind, l) = PersonMentionScanner.nonASCII(at: i, in: text)
                isLetter = kind == .letter
                length = l
            }
            guard isLetter else { i += length; continue }
            let start = i
            while i < hi {
                let d = text[i]
                if d < 0x80 {
                    guard UTF8Classes.isASCIILetter(d) || UTF8Classes.isDigit(d) else { break }
                    i += 1
                } else {
                    let (kind, l) = PersonMentionScanner.nonASCII(at: i, in: text)
                    guard kind == .letter else { break }
                    i += l
                }
            }
            out.append(start..<i)
        }
        return out
    }

    /// Up to `count` words after `offset`, separated only by spaces, folded to ASCII.
    static func foldedWords(after offset: Int, count: Int, in text: UnsafeBufferPointer<UInt8>) -> [(folded: String, end: Int)] {
        var out: [(folded: String, end: Int)] = []
        var i = offset
        let n = text.count
        while out.count < count && i < n {
            guard text[i] == 0x20 else { break }
            while i < n && text[i] == 0x20 { i += 1 }
            guard let r = wordRanges(i, min(n, i + 40), max: 1, in: text).first, r.lowerBound == i else { break }
            out.append((String(decoding: VietnameseFolding.foldedASCII(text, r), as: UTF8.self), r.upperBound))
            i = r.upperBound
        }
        return out
    }

    /// Whether `a..<b` holds only letters, digits, spaces and the joiners `-` `/` `'` (one
    /// phrase, not words on both sides of a comma, a full stop or a line break).
    static func isOnePhrase(_ a: Int, _ b: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = max(0, a)
        let hi = min(b, text.count)
        while i < hi {
            let c = text[i]
            if c < 0x80 {
                guard UTF8Classes.isASCIIAlnum(c) || c == 0x20 || c == 0x2D || c == 0x2F || c == 0x27 || c == 0x3A
                else { return false }
                i += 1
            } else {
                let (kind, length) = PersonMentionScanner.nonASCII(at: i, in: text)
                guard kind != .other else { return false }
                i += length
            }
        }
        return true
    }

    /// Where the paragraph around `offset` starts: after the last blank line (within 1,500 bytes).
    static func paragraphStart(before offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var i = min(offset, text.count)
        let limit = max(0, offset - 1500)
        var sawNewline = false
        while i > limit {
            let c = text[i - 1]
            if c == 0x0A {
                if sawNewline { return i }
                sawNewline = true
            } else if c != 0x20 && c != 0x0D && c != 0x09 {
                sawNewline = false
            }
            i -= 1
        }
        return i
    }

    /// Whether the line of `sentence` opens with a bullet, a number or an emoji before its first
    /// word ("+ Thẻ đảng viên…", "2. …", "👉 …"): an item of a list, not a statement.
    static func isListItem(_ sentence: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let line = self.line(around: sentence.lowerBound, in: text)
        var i = line.lowerBound
        while i < line.upperBound && (text[i] == 0x20 || text[i] == 0x09) { i += 1 }
        guard i < line.upperBound else { return false }
        let b = text[i]
        if b < 0x80 { return !UTF8Classes.isASCIILetter(b) && b != UInt8(ascii: "(") && b != UInt8(ascii: "\"") }
        return PersonMentionScanner.nonASCII(at: i, in: text).0 == .other
    }

    /// Whether `start..<end` sits inside quotes of at most five words in the sentence.
    static func isQuotedTerm(_ start: Int, _ end: Int, within sentence: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        func quote(at i: Int) -> Bool {
            text[i] == 0x22 || (text[i] == 0xE2 && i + 2 < text.count && text[i + 1] == 0x80 && (text[i + 2] == 0x9C || text[i + 2] == 0x9D))
        }
        var open = -1
        var i = sentence.lowerBound
        var inside = false
        while i < min(start, text.count) {
            if quote(at: i) { inside.toggle(); if inside { open = i } }
            i += 1
        }
        guard inside, open >= 0 else { return false }
        var close = end
        while close < min(sentence.upperBound, text.count) && !quote(at: close) { close += 1 }
        guard close < min(sentence.upperBound, text.count) else { return false }
        return KeyedWords(text, open..<close).keys.count <= 5
    }

    /// Whether a colon follows `end` (after spaces) and ends the line or precedes a value:
    /// the keyword before it is a form field's label ("Tôn giáo: Phật giáo").
    static func isFieldLabel(_ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = end
        while i < text.count && text[i] == 0x20 { i += 1 }
        return i < text.count && text[i] == UInt8(ascii: ":")
    }

    /// The end of an amount of money right after `offset`: "4.860.000đ", "35 trieu", "2tr5", "500k".
    static func amount(after offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = offset
        let n = text.count
        // "nợ tôi 35 triệu": one short word may come between.
        let words = foldedWords(after: i, count: 1, in: text)
        if let w = words.first, ["toi", "minh", "em", "anh", "chi", "shop", "ben", "cua"].contains(w.folded) { i = w.end }
        while i < n && text[i] == 0x20 { i += 1 }
        guard i < n, UTF8Classes.isDigit(text[i]) else { return nil }
        while i < n && (UTF8Classes.isDigit(text[i]) || ((text[i] == 0x2E || text[i] == 0x2C) && i + 1 < n && UTF8Classes.isDigit(text[i + 1]))) {
            i += 1
        }
        let unit = foldedWords(after: i, count: 1, in: text).first
        if i < n, text[i] != 0x20, let glued = wordRanges(i, min(n, i + 12), max: 1, in: text).first, glued.lowerBound == i {
            let f = String(decoding: VietnameseFolding.foldedASCII(text, glued), as: UTF8.self)
            if ["d", "dong", "k", "tr", "trieu", "ty", "vnd"].contains(f) || f.hasPrefix("tr") { return glued.upperBound }
        }
        if let unit, ["d", "dong", "k", "tr", "trieu", "ty", "nghin", "ngan", "vnd", "cu", "lit"].contains(unit.folded) {
            return unit.end
        }
        if i < n, text[i] == 0xC4 || text[i] == 0xE2 { return min(n, i + (text[i] == 0xC4 ? 2 : 3)) }  // "đ", "₫"
        return nil
    }

    /// The end of one or two capitalised words right after `offset` ("Pa Dí", "Tày"), not
    /// "Việt Nam".
    static func capitalisedName(after offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = text.count
        var i = offset
        var end: Int?
        for _ in 0..<2 {
            guard i < n, text[i] == 0x20 else { break }
            while i < n && text[i] == 0x20 { i += 1 }
            guard i < n, PersonMentionScanner.isCapital(at: i, in: text),
                  let w = wordRanges(i, min(n, i + 24), max: 1, in: text).first, w.lowerBound == i else { break }
            let f = String(decoding: VietnameseFolding.foldedASCII(text, w), as: UTF8.self)
            if ["viet", "nam", "anh", "em", "ta", "toi", "thieu"].contains(f) { break }
            end = w.upperBound
            i = w.upperBound
        }
        return end
    }

    /// Whether `range` holds a letter with diacritics.
    static func hasMarks(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = max(0, range.lowerBound)
        let hi = min(text.count, range.upperBound)
        while i < hi {
            let c = text[i]
            if c >= 0xC3 && c <= 0xCD || c == 0xE1 { return true }
            i += 1
        }
        return false
    }

    /// A year from 1000 to 1954 in the sentence, after "năm" ("Năm 1930, …", "vào năm 1911") or
    /// in a span of years ("(1890–1969)"), and not a birth year ("sinh năm 1948"): history.
    static func hasOldYear(in range: Range<Int>, text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = max(0, range.lowerBound)
        let hi = min(text.count, range.upperBound)
        while i < hi {
            guard UTF8Classes.isDigit(text[i]) else { i += 1; continue }
            let start = i
            var value = 0
            while i < hi && UTF8Classes.isDigit(text[i]) && i - start < 6 {
                value = value * 10 + Int(text[i] - 0x30)
                i += 1
            }
            if i - start == 4 && value >= 1000 && value <= 1954 && (start == 0 || !UTF8Classes.isDigit(text[start - 1])) {
                let words = KeyedWords(text, max(range.lowerBound, back(start, 18, in: text))..<start)
                let afterYearWord = words.contains(yearWords, inLast: 1)
                var k = i
                if k < hi && (text[k] == 0x2D || text[k] == 0xE2) { k += text[k] == 0x2D ? 1 : 3 }
                let span = k > i && k + 4 <= hi && (k..<k + 4).allSatisfy { UTF8Classes.isDigit(text[$0]) }
                if (afterYearWord || span) && !words.contains(birthWords, inLast: 2) { return true }
            }
            while i < hi && UTF8Classes.isDigit(text[i]) { i += 1 }
        }
        return false
    }

    static let birthWords = PhraseTable(["sinh", "sn", "ns", "năm sinh", "sinh năm"])
    static let yearWords = PhraseTable(["năm", "thế kỷ", "thời"])

    /// How strongly an anchor at `a0..<a1` ties to the phrase at `start..<end`.
    static func tie(_ a0: Int, _ a1: Int, to start: Int, _ end: Int, sentence: Range<Int>,
                    in text: UnsafeBufferPointer<UInt8>, sameClause: Double, sameSentence: Double, window: Double) -> Double {
        let (lo, hi) = a1 <= start ? (a1, start) : (end, a0)
        guard lo <= hi else { return sameClause }
        if a0 >= sentence.lowerBound && a1 <= sentence.upperBound {
            return clauseBreak(lo, hi, in: text) ? sameSentence : sameClause
        }
        if hi - lo > 600 { return 0 }
        if characters(lo, hi, in: text) <= 80 && !paragraphBreak(lo, hi, in: text) { return window }
        return 0
    }

    /// The items (sorted by start) that may lie within reach of `start..<end`.
    /// The items (sorted by start) within 700 bytes of `start..<end`, at most the four nearest on
    /// each side: the nearest decide every tie, and text dense with names and numbers must not
    /// make each lookup long.
    static func near(_ items: [TextMatch], _ start: Int, _ end: Int) -> ArraySlice<TextMatch> {
        let center = lowerBound(items.count) { items[$0].start < start }
        let lo = max(lowerBound(items.count) { items[$0].start < start - 700 }, center - 4)
        let hi = min(lowerBound(items.count) { items[$0].start < end + 700 }, center + 4)
        return items[lo..<max(lo, hi)]
    }

    static func near(_ items: [PersonMention], _ start: Int, _ end: Int) -> ArraySlice<PersonMention> {
        let center = lowerBound(items.count) { items[$0].start < start }
        let lo = max(lowerBound(items.count) { items[$0].start < start - 700 }, center - 4)
        let hi = min(lowerBound(items.count) { items[$0].start < end + 700 }, center + 4)
        return items[lo..<max(lo, hi)]
    }

    /// Whether an item (sorted by start) starts within `radius` bytes of `offset`.
    static func anyWithin(_ items: [TextMatch], _ offset: Int, _ radius: Int) -> Bool {
        let i = lowerBound(items.count) { items[$0].start < offset - radius }
        return i < items.count && items[i].start <= offset + radius
    }

    /// The first index in `0..<count` where `before` turns false (it must be monotone).
    static func lowerBound(_ count: Int, _ before: (Int) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if before(mid) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The words of a span, spelled as `NameKey`s (at most 240 words).
    struct KeyedWords {
        var keys: [(key: NameKey, plain: Bool)?] = []
        var starts: [Int] = []

        init(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            for r in RelationalText.wordRanges(range.lowerBound, range.upperBound, max: 240, in: text) {
                keys.append(NameKey.of(text, r.lowerBound, r.upperBound))
                starts.append(r.lowerBound)
            }
        }

        func contains(_ table: PhraseTable, inLast n: Int = Int.max) -> Bool {
            let from = n == Int.max ? 0 : max(0, keys.count - n)
            return table.occurs(in: keys, from: from)
        }

        /// Whether the span opens with one of the phrases.
        func startsWith(_ table: PhraseTable) -> Bool {
            table.occurs(in: Array(keys.prefix(3)), from: 0, onlyAt: true)
        }

        /// A word that refers back to a person ("anh ấy", "nó", "bé", "ông"), before `offset`.
        func hasPronoun(before offset: Int) -> Bool {
            let P = RelationalText.self
            for k in keys.indices where starts[k] < offset {
                guard let w = keys[k] else { continue }
                if w.plain ? P.plainPronouns.contains(w) : P.pronouns.contains(w) { return true }
                if k > 0, P.demonstratives.contains(w), PersonNameLexicon.honorifics.contains(keys[k - 1]) { return true }
            }
            return false
        }
    }

    /// Words that point back at a person already named; with marks only (typed without them,
    /// "no", "ba", "co" are everyday words), apart from `plainPronouns`.
    static let pronouns = NameTable(["nó", "hắn", "ổng", "bả", "bé", "cháu", "ông", "bà", "cụ", "chú", "bác", "cô",
                                     "thằng", "anh", "chị", "em", "chồng", "vợ", "mẹ", "bố", "con"])
    static let plainPronouns = NameTable(["ông", "cháu", "ổng", "bà", "bé", "anh", "em", "nó", "ck", "vk", "ny"])
    /// "ấy", "ta", "này" after an honorific: "anh ấy", "chị ta", "bà này".
    static let demonstratives = NameTable(["ấy", "ta", "này", "kia", "đó"])

    /// Phrases of one to three words, compared as `NameKey`s like `NameTable`.
    struct PhraseTable: Sendable {
        struct Phrase: Hashable, Sendable {
            var a = NameKey()
            var b = NameKey()
            var c = NameKey()
        }

        private var exact: Set<Phrase> = []
        private var folded: Set<Phrase> = []
        /// First words of every phrase, with and without marks: a cheap test before `Set`'s hashing.
        private var firstWords = KeySet([])
        private(set) var longest = 1

        /// - Parameter foldSingleWords: whether a one-word phrase also matches a word typed without
        ///   marks ("truyện" would match "truyen" in "truyen hoa chat" otherwise).
        init(_ phrases: [String], foldSingleWords: Bool = true) {
            var firsts: [NameKey] = []
            for phrase in phrases {
                let words = phrase.split(separator: " ").map(String.init)
                guard (1...3).contains(words.count) else { continue }
                let keys = words.compactMap { NameKey.of($0)?.key }
                let plain = words.compactMap { word -> NameKey? in
                    let ascii = Array(word.utf8).withUnsafeBufferPointer { VietnameseFolding.foldedASCII($0, 0..<$0.count) }
                    return NameKey.of(String(decoding: ascii, as: UTF8.self))?.key
                }
                guard keys.count == words.count, plain.count == words.count else { continue }
                exact.insert(Self.phrase(keys[...]))
                if foldSingleWords || words.count > 1 { folded.insert(Self.phrase(plain[...])) }
                longest = max(longest, words.count)
                firsts += [keys[0], plain[0]]
            }
            firstWords = KeySet(firsts)
        }

        static func phrase(_ keys: ArraySlice<NameKey>) -> Phrase {
            var p = Phrase()
            for (i, k) in keys.enumerated() {
                switch i {
                case 0: p.a = k
                case 1: p.b = k
                default: p.c = k
                }
            }
            return p
        }

        func occurs(in words: [(key: NameKey, plain: Bool)?], from: Int, onlyAt: Bool = false) -> Bool {
            guard from < words.count else { return false }
            for k in from..<(onlyAt ? from + 1 : words.count) {
                guard let first = words[k], firstWords.contains(first.key) else { continue }
                var p = Phrase()
                var plain = 0
                for length in 1...longest where k + length <= words.count {
                    guard let w = words[k + length - 1] else { break }
                    switch length {
                    case 1: p.a = w.key
                    case 2: p.b = w.key
                    default: p.c = w.key
                    }
                    if w.plain { plain += 1 }
                    if plain == length {
                        if folded.contains(p) || exact.contains(p) { return true }
                    } else if plain == 0 {
                        if exact.contains(p) { return true }
                    } else if exact.contains(p) || folded.contains(p) {
                        return true
                    }
                }
            }
            return false
        }
    }
}

// MARK: - Descriptions and examples

extension SensitiveTopicDetector {
    static func summaries(_ topic: Topic) -> String {
        let what: String
        switch topic {
        case .health: what = "Health (Decree 356 Art. 4(d)): illness, diagnosis, treatment, pregnancy, disability"
        case .criminal: what = "Crimes and violations (Art. 4(g)): records, prison, prosecution, arrest, drug use"
        case .religion: what = "Religion and belief (Art. 4(b)): faith, conversion, ordination"
        case .politics: what = "Political views (Art. 4(b)): party membership, dissent, protest"
        case .ethnicity: what = "Racial or ethnic origin (Art. 4(a)): ethnic group, mixed origin"
        case .sexuality: what = "Sex life and sexual orientation (Art. 4(e)): orientation, gender identity, sex life"
        case .privateLife: what = "Private life and secrets (Art. 4(c); Civil Code Art. 38): affairs, debts, divorce, intimate images"
        default: what = "Not a sensitive topic"
        }
        return what + ", reported only when tied to an identifiable person (a name, an honorific and name, "
            + "or an identifier in the same sentence or nearby; a first-person disclosure when the post carries an identifier)."
    }

    static func examples(_ topic: Topic) -> (triggering: [DetectorExample], nonTriggering: [DetectorExample]) {
        switch topic {
        case .health:
            return ([
                "Chị Lan 35 tuổi bị ⟦ung thư máu giai đoạn 3⟧, mọi người giúp chị với",
                "Bé Lê Gia Hân, 6 tuổi, vừa được ⟦chẩn đoán bạch cầu cấp⟧ 😢",
                "Anh Nguyễn Văn Tuấn (SĐT 0905 123 456) ⟦nhiễm HIV⟧ từ năm 2019",
                "Ông Trần Văn Đức (74 tuổi) ⟦nhập viện cấp cứu⟧ chiều qua",
                DetectorExample("chi Hoa bi ⟦tram cam⟧ 2 nam nay", note: "typed without diacritics"),
                DetectorExample("Chị Hương bán rau ở chợ Hòa Bình. Tháng trước chị ấy bị ⟦tai biến⟧, giờ nằm một chỗ.",
                                note: "a pronoun points back at the person named before"),
                DetectorExample("Mẹ em bị ⟦ung thư giai đoạn cuối⟧.\nAi giúp được xin gọi 0912 345 678 ạ",
                                note: "a first-person appeal that carries a phone number"),
                DetectorExample("Mình nhặt được ví có CCCD 001094012345 tên Phạm Văn Hùng và sổ khám ⟦tiểu đường⟧",
                                note: "a lost-ID post naming the owner's illness"),
                "Chị H'Hen Niê đang ⟦mang thai⟧ tháng thứ 7, SĐT 0905 111 222",
                DetectorExample("Bé Na ⟦bị bệnh máu trắng⟧, tháng nào cũng phải ⟦truyền máu⟧", note: "everyday words"),
                "Bố bé là anh Tú, ⟦suy thận mạn⟧ 3 năm nay, tuần 2 buổi ⟦lọc máu⟧",
                "Bạn Trần Minh Nhật ⟦tăng động giảm chú ý⟧, đang uống thuốc",
                DetectorExample("Mẹ bé Vi Thị Mỹ ⟦ung thư vú đang điều trị⟧", note: "the treatment belongs to the illness's phrase"),
                "Chị Thạch Thị Soc Kha phát hiện ⟦khối u trong não⟧, phải mổ gấp",
            ], [
                "Bệnh viện Chợ Rẫy tiếp nhận 50 ca sốt xuất huyết trong tuần qua.",
                "Tháng 10 là tháng phòng chống ung thư vú, chị em nên đi tầm soát sớm.",
                "Không ai trong đoàn bị nhiễm HIV, Bộ Y tế cho biết.",
                "Chủ tịch Nguyễn Văn An thăm hỏi các bệnh nhân ung thư tại Bệnh viện K.",
                "BS. Trần Thị Hoa, Trưởng khoa Ung bướu, cho biết tỷ lệ ung thư gan đang tăng.",
                "Mình bị trầm cảm 2 năm nay, giờ đã ổn hơn rồi.",
                "Anh Tuấn không bị ung thư như tin đồn.",
                "Từ từ rồi tính, anh Tuấn ơi",
                "Phòng cho thuê gần bệnh viện và trường học, chị Lan 0905 123 456",
                "Bệnh viện Nguyễn Trãi tiếp nhận bệnh nhân ung thư từ các tỉnh.",
                "Ung thư là nguyên nhân tử vong hàng đầu, theo Tổ chức Y tế Thế giới.",
                DetectorExample("Ba đang điều trị tại BV Ung bướu Nghệ An", note: "a hospital's name"),
                "Tóc trắng là do di truyền, anh Tuấn ạ",
            ])
        case .criminal:
            return ([
                "Lại Văn Trọng, sinh năm 1991, từng ⟦đi tù⟧ vì trộm xe",
                "anh Hùng ở xóm mình vừa ⟦ra tù⟧, sđt 0912345678",
                "Chị Mai ⟦nghiện ma túy⟧ đã 3 năm",
                "Cảnh báo: Đỗ Văn Sang, CCCD 036091528407, ⟦đang bị truy nã⟧",
            ], [
                "Công an huyện khởi tố 3 đối tượng trộm cắp tài sản.",
                "Thời Pháp thuộc, nhà tù Côn Đảo giam giữ nhiều chiến sĩ cách mạng.",
                "Tiền ăn mỗi tháng của anh Tuấn khoảng 3 triệu",
                "Bạn ăn gì chưa?",
                "Năm 1930, Nguyễn Văn Cừ bị bắt và bị kết án tù.",
            ])
        case .religion:
            return ([
                "Chị Ngọc Trâm ⟦theo đạo Thiên Chúa⟧ nên không ăn thịt ngày thứ Sáu",
                "Anh Khoa là ⟦Phật tử⟧, SĐT 0905123456",
                "Ông Y Moan Niê ⟦bỏ đạo⟧ từ năm ngoái",
            ], [
                "Giáo xứ Tân Định tổ chức thánh lễ Giáng sinh lúc 20h, mời bà con đến dự.",
                "Linh mục Giuse Nguyễn Văn Bình chủ sự thánh lễ tại nhà thờ Đức Bà.",
                "Bạn có đi chùa không?",
                "Chùa Một Cột là di tích nổi tiếng của Hà Nội.",
            ])
        case .politics:
            return ([
                "Anh Nguyễn Văn Hải, ⟦đảng viên⟧ chi bộ thôn 3, SĐT 0905 123 456",
                "Chị Thu từng ⟦biểu tình⟧ ở cổng nhà máy",
            ], [
                "Chủ tịch Nguyễn Văn An phát biểu tại lễ kết nạp đảng viên mới.",
                "Toàn bộ đảng viên trong chi bộ đã tham gia học tập nghị quyết.",
                "Cử tri phường Bến Nghé đi bầu cử đại biểu Quốc hội sáng nay.",
                "Chồng đang đi làm, tối mới về",
            ])
        case .ethnicity:
            return ([
                "Chị H'Hen Niê là ⟦người Ê Đê⟧, SĐT 0905 123 456",
                "Bé Ksor H'Ni, ⟦dân tộc Gia Rai⟧, 7 tuổi",
            ], [
                "Lễ hội đua voi là nét văn hóa đặc sắc của người Ê Đê ở Buôn Đôn.",
                "Việt Nam có 54 dân tộc anh em.",
                "Còn lại 3 suất, anh Tuấn nhanh tay nhé",
                "Anh Tuấn có nhiều bạn người Tây",
            ])
        case .sexuality:
            return ([
                "Bóc phốt anh Tuấn là ⟦gay⟧ mà còn lừa tình con gái nhà người ta",
                "Nghe nói chị Lan là ⟦đồng tính nữ⟧",
                "Chị Đoàn Mỹ Hạnh đã công khai ⟦thích người cùng giới⟧ từ năm cấp 3",
                DetectorExample("Mình là Trương Thị Hải Yến, số 0904 726 118. Con thấy mình là con gái, muốn được ⟦chuyển giới⟧.",
                                note: "a clause without a subject of its own shares its sentence's"),
            ], [
                "Tôi đồng tình với ý kiến của anh Tuấn.",
                "Anh Tuấn gây tai nạn rồi bỏ chạy",
                "Lễ diễu hành ủng hộ cộng đồng LGBT diễn ra tại Hà Nội",
                "Lễ hội Viet Pride kêu gọi tôn trọng người cùng giới, chị Lan tham gia",
            ])
        case .privateLife:
            return ([
                "Bóc phốt chị Hoa ⟦ngoại tình⟧ với chồng bạn thân",
                "Anh Phúc ⟦vỡ nợ⟧ rồi bỏ trốn, ai biết liên hệ 0905123456",
                "Trần Thị Mai đã ⟦ly hôn⟧ năm ngoái, giờ ở một mình",
                DetectorExample("em gai minh ⟦song thu⟧ voi Luong Van Quyet duoc 2 nam", note: "typed without diacritics"),
                DetectorExample("Chị Vàng Thị Dua (SĐT 0868 245 197) nhiều năm ⟦bị chồng bạo hành⟧",
                                note: "\"nhiều năm\" is how long, not how many people"),
                DetectorExample("Anh Kiều Văn Thắng ⟦nợ cờ bạc hơn 200 triệu⟧ rồi ⟦trốn nợ⟧", note: "the amount belongs to the debt"),
                DetectorExample("Cả xóm biết chị Kim Xuyến còn ⟦nợ bà con trong xã hơn 3 tỷ⟧", note: "words between the debt and its amount"),
                DetectorExample("ck e la Trinh Van Hieu, 3 thang nay ⟦cap ke⟧ voi ⟦nguoi thu ba⟧", note: "teencode without marks"),
                "Anh Lưu Quang Vinh dọa sẽ ⟦giành quyền nuôi con⟧ nếu chị ra tòa",
                DetectorExample("Anh Thạch Văn Lực nhậu về ⟦đuổi ba mẹ con ra khỏi nhà⟧ lúc 11h đêm", note: "an eviction with words between"),
                DetectorExample("Mình và anh Phạm Đức Long ⟦chia tay⟧ vì anh ta ⟦bắt cá hai tay⟧", note: "a break-up in a love story"),
                DetectorExample("Vợ anh Nam là chị Yến, vậy mà anh ấy ⟦bỏ vk con⟧ đi ⟦theo con bồ⟧", note: "\"vk\" for \"vợ\""),
                DetectorExample("Hồ Thị Diễm My vay tiền rồi bỏ trốn. Chồng chị ta còn không biết My ⟦có con riêng⟧.",
                                note: "not knowing is no denial"),
                DetectorExample("Anh Huy ⟦vỡ nợ⟧, giờ còn ⟦nợ cả xóm⟧", note: "owing the whole neighbourhood (a bare \"nợ\" is left alone)"),
            ], [
                "Mình bị mất ví ở chợ, ai nhặt được liên hệ 0905123456",
                "Bí mật làm đẹp của chị em công sở",
                "Vợ nó đi chợ rồi",
                "Bóc phốt shop Mộc An ăn cọc không giao hàng",
                DetectorExample("anh chi nao co kinh nghiem xu ly bao luc gia dinh chi em voi", note: "a general question"),
                DetectorExample("Anh Huy đi làm về thì chủ nợ đã đứng chờ", note: "a creditor, no one's debt"),
                DetectorExample("Chị My bị đuổi việc ở siêu thị vì thiếu tiền quỹ", note: "losing a job is not private life"),
                DetectorExample("Đến giờ shop còn nợ 18.600.000đ tiền hàng. Hotline shop: 0916 273 548",
                                note: "a business's debt"),
                DetectorExample("Công ty CP Địa ốc Nam Phong Xanh (MST 0401397521) vừa công bố mất khả năng trả nợ trái phiếu",
                                note: "a company's debt"),
                DetectorExample("Năm 2021 mình vỡ nợ vì chơi hụi. Ai cần đóng tủ bếp thì gọi anh Khoa 0935 182 476 nhé",
                                note: "the number is a third person's: the poster stays anonymous"),
                DetectorExample("Chị T. (42 tuổi) kể suốt 6 năm bị chồng đánh mỗi lần anh ta say rượu.",
                                note: "an initial hides who she is"),
                DetectorExample("Bị can nhiều lần bạo hành các cháu từ 18 đến 30 tháng tuổi", note: "abuse outside the family"),
                DetectorExample("Kẻ gọi điện là người của anh Mạc Văn Tài, người cho vay nặng lãi ở chợ, số 0865 219 734",
                                note: "the lender, not a debt"),
                DetectorExample("Tối thứ Bảy có tiệc chia tay anh Tuấn về hưu, ai đi báo 0905 123 456", note: "a farewell"),
                DetectorExample("Anh Tuấn đứng đầu ngõ, xe cộ qua lại với tốc độ cao", note: "traffic"),
                DetectorExample("Cùng tuần, chuỗi cà phê Mộc Sơn tuyên bố phá sản, đóng cửa 17 cửa hàng", note: "a business's name"),
                DetectorExample("Ai hay nói \"đàn ông có tiền là có bồ\" thì cứ nói, chị Hạnh chỉ cười", note: "a saying"),
                DetectorExample("✔️ Điều tra ngoại tình, thu thập bằng chứng ly hôn.\n✔️ Tìm người thân thất lạc.\nGọi ngay 0902 715 364",
                                note: "a service's number on a later line"),
                DetectorExample("Về quyền nuôi con, con dưới 36 tháng tuổi được giao cho mẹ, anh Tuấn ạ", note: "a clause about the topic"),
            ])
        default:
            return ([], [])
        }
    }
}
