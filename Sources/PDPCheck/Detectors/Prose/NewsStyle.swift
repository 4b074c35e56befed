/// Whether a text reads as a news report or a court or police statement: at least two
/// different news words ("cho biết", "bị cáo", "tạm giữ hình sự", "phóng viên"…). Ages, birth
/// years and addresses there republish what is already public; the prose detectors report
/// them below the default threshold.
enum NewsStyle {
    static let minimumWords = 2

    private static let isNewsWord: [Bool] = TopicLexicon.shared.entries.map { $0.topic == .newsCue }

    /// News words only the press and the courts use: a dateline's agency, the reporter, the
    /// court. Police words ("đối tượng", "công an quận", "điều tra") are not among them: a
    /// private person's call-out quotes them too.
    static let pressWords: Set<String> = [
        "cho biet", "theo cao trang", "bi cao", "tand", "vksnd", "phong vien", "pv", "ttxvn", "tuyen phat", "xet xu",
        "phien toa", "so tham", "phuc tham", "theo thong tin tu", "nghe nhan", "le hoi", "truy to",
    ]
    private static let isPressWord: [Bool] = TopicLexicon.shared.entries.map {
        $0.topic == .newsCue && pressWords.contains($0.keyword)
    }

    private static let isCallOutWord: [Bool] = TopicLexicon.shared.entries.map { $0.topic == .callOutCue }

    /// `hits`: all keyword hits of the text. A private call-out is no news report
    /// (`isCallOut`), however many police words it quotes.
    static func isNews(_ hits: [KeywordHit]) -> Bool {
        let table = isNewsWord, press = isPressWord, callOut = isCallOutWord
        var first = -1
        var news = false
        var pressed = false
        var callOuts = 0
        for h in hits where h.entry < table.count {
            if callOut[h.entry] { callOuts += 1; continue }
            guard table[h.entry] else { continue }
            if press[h.entry] { pressed = true }
            if first < 0 { first = h.entry } else if h.entry != first { news = true }
        }
        return news && (pressed || callOuts < minimumWords)
    }

    /// A private person's call-out or plea ("em gái mình bị…", "mọi người cẩn thận", "ai biết
    /// thì share giúp"): two first-person or appeal phrases and no press or court word. Its
    /// police words ("đối tượng", "công an quận") do not make it news.
    static func isCallOut(newsHits: [KeywordHit], callOutHits: [KeywordHit]) -> Bool {
        guard callOutHits.count >= minimumWords else { return false }
        let press = isPressWord
        return !newsHits.contains { $0.entry < press.count && press[$0.entry] }
    }
}
