/// Stars a post talks about without naming them: "ông ca sĩ bolero bà nội mê nhất, ổng sinh năm
/// 1950", "chị ca sĩ mình thần tượng, chị công khai song tính trên talkshow". The text identifies
/// no one, and what a star said in public is not the poster's disclosure.
enum PublicFigures {
    /// Occupations of people known to the public by their work.
    static let words = RelationalText.PhraseTable([
        "ca sĩ", "diễn viên", "người mẫu", "siêu mẫu", "hoa hậu", "á hậu", "cầu thủ", "vận động viên", "nghệ sĩ",
        "danh hài", "rapper", "idol", "thần tượng", "người nổi tiếng", "ngôi sao", "diva", "mc", "nhạc sĩ",
        "streamer", "youtuber", "tiktoker",
    ], foldSingleWords: false)
    /// "làm ca sĩ", "là diễn viên": the occupation of someone else in the sentence.
    static let predicates = NameTable(["là", "làm", "nghề"])

    /// Whether the sentence before `start` is about a star it does not name: an occupation of
    /// `words` as its subject (not after "là", "làm"), and no person named in the sentence before
    /// `start` except beside such a title. `opening`: the words of `sentence.lowerBound..<start`.
    static func unnamed(before start: Int, sentence: Range<Int>, opening words: RelationalText.KeyedWords,
                        mentions: @autoclosure () -> [PersonMention]) -> Bool {
        let lo = sentence.lowerBound
        guard lo < start else { return false }
        let figure = words.keys.indices.contains { k in
            words.contains(words: Self.words, at: k) && (k == 0 || !Self.predicates.contains(words.keys[k - 1]))
        }
        guard figure else { return false }
        return !mentions().contains { m in !m.hasTitle && m.start >= lo && m.end <= start }
    }
}
