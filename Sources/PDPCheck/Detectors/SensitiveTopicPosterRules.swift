/// Who the first person of a post is, and whose data lies near a topic: the poster speaking of
/// themselves ("mình đã từng vỡ nợ"), an identifier that may be theirs, and data that belongs to
/// someone the poster names ("Nó tên …, sinh năm 1997", "Số nó nè: 0869…") or to a spouse they
/// name ("Chồng em là Đàm Quang Huy").
extension SensitiveTopicDetector {
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
            // A child's age or someone's birth year was tied to a person to be found at all: it
            // tells nothing of who the poster is.
            let category = evidence[i].category
            if category != .childData && category != .dateOfBirth && !ownedByOther(evidence[i], mentions, in: text) { return true }
            i += 1
            looked += 1
        }
        return false
    }

    /// "Chồng em là Đàm Quang Huy", "ck mình tên Tuấn": the poster's spouse or partner named
    /// before `start`.
    static func spouseNamed(before start: Int, mentions: [PersonMention], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        mentions.contains { m in
            guard m.start < start else { return false }
            // The words of the mention's own clause ("Chồng em là …"), not a sentence before it
            // ("…cặp bồ với chồng em rồi. Nó tên …").
            let cue = m.cueStart ?? m.start
            let lo = max(RelationalText.clauseStart(before: cue, limit: RelationalText.back(cue, 20, in: text), in: text),
                         RelationalText.sentence(around: cue, in: text).lowerBound)
            return RelationalText.KeyedWords(text, lo..<m.start).keys.contains { spouseWords.contains($0) }
        }
    }

    static let spouseWords = NameTable(["chồng", "vợ", "ck", "vk", "ny", "bồ"])

    /// "Em là", "mình tên", "tôi": the poster introduces themselves right before `start`.
    static func selfIntroduction(before start: Int, from lineStart: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let words = RelationalText.KeyedWords(text, max(lineStart, RelationalText.back(start, 24, in: text))..<start)
        guard let last = words.keys.indices.last else { return false }
        if firstPersonSubjects.contains(words.keys[last]) || personSubjects.contains(words.keys[last]) { return true }
        return last > 0 && introductions.contains(words.keys[last])
            && (firstPersonSubjects.contains(words.keys[last - 1]) || personSubjects.contains(words.keys[last - 1]))
    }

    static let introductions = NameTable(["là", "tên"])
    /// Third persons a number belongs to ("số nó", "zalo bả", "sđt của hắn").
    static let thirdPersonOwners = NameTable(["nó", "hắn", "ổng", "bả", "thằng"])

    static func ownedByOther(_ e: TextMatch, _ mentions: [PersonMention], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let lineStart = RelationalText.line(around: e.start, in: text).lowerBound
        for m in RelationalText.near(mentions, e.start, e.end) where m.end <= e.start && m.start >= lineStart {
            // "em Lan 0905…" may be the poster speaking of herself; "anh Khoa 0935…" is not.
            if let cue = m.cueStart, RelationalText.within(m.end, e.start, 30, in: text) {
                if !RelationalText.KeyedWords(text, cue..<m.start).contains(firstPerson) { return true }
                continue
            }
            // "Nó tên Đinh Thị Mỹ Duyên, sinh năm 1997, đang ở trọ phòng 204…": the line is about
            // someone the poster names, not the poster introducing themselves ("Em là …", "mình tên …").
            if m.isFullName && RelationalText.within(m.end, e.start, 80, in: text)
                && !selfIntroduction(before: m.start, from: lineStart, in: text) {
                return true
            }
        }
        let before = RelationalText.KeyedWords(text, max(lineStart, RelationalText.back(e.start, 40, in: text))..<e.start)
        // "Số nó nè: 0869…", "số bả nè mấy chị:": the number of someone the poster talks about.
        if before.keys.suffix(4).contains(where: { thirdPersonOwners.contains($0) }) { return true }
        return before.contains(businessLines, inLast: 4)
    }
}
