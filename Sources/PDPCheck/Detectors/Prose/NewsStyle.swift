/// Whether a text reads as a news report or a court or police statement: at least two
/// different news words ("cho biết", "bị cáo", "tạm giữ hình sự", "phóng viên"…). Ages, birth
/// years and addresses there republish what is already public; the prose detectors report
/// them below the default threshold.
enum NewsStyle {
    static let minimumWords = 2

    private static let isNewsWord: [Bool] = TopicLexicon.shared.entries.map { $0.topic == .newsCue }

    static func isNews(_ hits: [KeywordHit]) -> Bool {
        let table = isNewsWord
        var first = -1
        for h in hits where h.entry < table.count && table[h.entry] {
            if first < 0 { first = h.entry } else if h.entry != first { return true }
        }
        return false
    }
}
