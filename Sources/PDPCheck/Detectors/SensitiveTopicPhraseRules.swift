/// The word lists and phrase rules of SensitiveTopicDetector: which compounds, habits,
/// partners, businesses and general statements change what a topic word says about a person.
extension SensitiveTopicDetector {
    /// The word after which "nợ" is a compound of another topic: "nợ cờ bạc".
    static let debtWord = FoldedKey("no")
    static let lendWord = FoldedKey("cho")

    static func previousWord(before start: Int, in text: UnsafeBufferPointer<UInt8>) -> FoldedKey? {
        ProseText.previousWordKey(before: start, in: text)
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
    /// A partner or a relationship in the sentence, besides the flirting itself.
    static func relationshipAround(_ start: Int, _ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let sentence = RelationalText.sentence(around: start, in: text)
        return RelationalText.KeyedWords(text, sentence.lowerBound..<start).contains(relationships)
            || RelationalText.KeyedWords(text, end..<max(end, sentence.upperBound)).contains(relationships)
    }
    static let relationships = RelationalText.PhraseTable([
        "vợ", "chồng", "ck", "vk", "ny", "người yêu", "bồ", "bạn trai", "bạn gái", "có gia đình", "ngoại tình",
        "sau lưng", "cắm sừng", "người thứ ba", "vợ người", "chồng người",
    ], foldSingleWords: false)

    /// A charity appeal around a debt phrase ("KÊU GỌI GIÚP ĐỠ … vay mượn khắp nơi để chạy chữa"). A
    /// patient's costs alone do not tell: "mượn tiền khắp xóm, nói để lo viện phí" is a debtor's pretext.
    static func appealAround(_ start: Int, _ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let from = RelationalText.back(start, 400, in: text), to = RelationalText.ahead(end, 400, in: text)
        return RelationalText.KeyedWords(text, from..<to).contains(appeals)
    }
    static let appeals = RelationalText.PhraseTable([
        "kêu gọi", "quyên góp", "ủng hộ", "hảo tâm", "tấm lòng", "cứu giúp", "chung tay", "giúp đỡ", "mạnh thường quân",
    ], foldSingleWords: false)

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
    /// What a service's advertisement says after its trade ("giải quyết ly hôn nhanh, trọn gói").
    static let advertised = RelationalText.PhraseTable([
        "trọn gói", "uy tín", "giá rẻ", "nhanh gọn", "bảo mật tuyệt đối", "cam kết", "chi phí thấp",
    ], foldSingleWords: false)
    /// Who tells an impostor's story: the caller is no police officer, the son was never detained.
    static let impostors = RelationalText.PhraseTable([
        "xưng là", "tự xưng", "giả danh", "mạo danh", "giả làm", "đóng giả",
    ], foldSingleWords: false)
    /// "được", "gần", "hơn" between a pregnancy word and its term ("có bầu được 11 tuần").
    static let alongWords: Set<FoldedKey> = FoldedKey.set(["duoc", "dc", "gan", "hon", "khoang", "tam"])
    static let termUnits: Set<FoldedKey> = FoldedKey.set(["thang", "tuan", "th"])
    static let monthWord = FoldedKey("thang")
    static let ordinalWord = FoldedKey("thu")
    /// What a sentence quoting figures says before the topic ("Theo thống kê", "đọc báo thấy bảo").
    static let statistics = RelationalText.PhraseTable([
        "thống kê", "số liệu", "tỷ lệ", "tỉ lệ", "đọc báo", "báo chí", "theo báo", "khảo sát", "trung bình",
    ], foldSingleWords: false)
    /// What an impostor does next: "nói", "báo", "bảo", "rằng", "dọa", "thông báo" (the last word).
    static let sayingWords = NameTable(["nói", "báo", "bảo", "rằng", "dọa", "doạ"])
    /// Words that count cases: "vụ", "ca" and "trường hợp" ("70% vụ ly hôn", "12 trường hợp nhiễm").
    static let caseWord = NameTable(["vụ", "ca"])
    static let caseWords = NamePairTable(["trường hợp"])
    static let quantityWords = NameTable(["nghìn", "ngàn", "trăm", "chục", "triệu", "vạn", "nhiêu", "số"])
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
        // Sayings about men and women in general: "đàn ông có tiền là có bồ"; advice for any
        // pregnant woman: "mẹ bầu nhiễm viêm gan B nếu…", "phụ nữ trên 35 tuổi mang thai".
        "đàn ông", "đàn bà", "mẹ bầu", "bà bầu", "phụ nữ", "thai phụ", "sản phụ",
        // A notice to any customer: "Lưu ý: khách say xe nặng hoặc mang bầu báo trước".
        "quý khách", "hành khách", "lưu ý", "hay nói", "nếu", "giả sử", "trường hợp", "người ta nói", "câu nói", "thường nói", "dịch vụ",
        "thám tử",
    ], foldSingleWords: false)
    /// Words of `generic` whose spelling without marks is no other word: "khach" is "khách".
    static let genericPlain = RelationalText.PhraseTable(["khách"])
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
