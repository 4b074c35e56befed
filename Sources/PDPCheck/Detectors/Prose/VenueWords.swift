/// Words that name shops, offices, public places, events and property listings. An address
/// near them is most likely not someone's home. Looked up only around an address once one is
/// found, so they cost nothing on the rest of the text (they are not in the shared lexicon).
enum VenueWords {
    /// Folded phrases.
    static let phrases: [String] = [
        "shop", "cua hang", "van phong", "vp", "cong ty", "cty", "chi nhanh", "showroom", "dia diem", "su kien",
        "to chuc tai", "to chuc o", "dien ra tai", "dien ra o", "benh vien", "bv", "phong kham", "nha thuoc",
        "nha hang", "khach san", "homestay", "resort", "cafe", "ca phe", "coffee", "spa", "salon", "studio",
        "dai ly", "sieu thi", "ubnd", "uy ban", "tru so", "hoi truong", "nha van hoa", "san van dong", "cong vien",
        "khai truong", "hoi cho", "trien lam", "gian hang", "kho hang", "tuyen dung", "tuyen gap", "ban nha",
        "can ban", "cho thue", "sang nhuong", "mat tien", "bds", "bat dong san", "dat nen", "nha dat", "truong hoc",
        "co so", "trung tam", "buu dien", "phong giao dich", "store", "cong an", "toa an", "nha sach", "tiem vang",
        "kcn", "khu cong nghiep", "nhan hang tai", "hop tai", "hop o", "trao giai", "toa nha",
        // A workplace and its front desk: "Nơi làm việc: tầng 4, 58 Bạch Đằng", "nhận ở lễ tân tầng 1".
        "noi lam viec", "le tan", "cay xang",
        // Places of worship, burial, detention, transport and dormitories.
        "nha tho", "tu vien", "thanh that", "thien vien", "tinh xa", "nghia trang", "nghia dia", "trai giam",
        "nha tu", "ky tuc xa", "ktx", "ben xe", "san bay", "nha ga", "tram y te", "benh xa",
        // Property for sale.
        "so hong", "thuong luong", "can ban gap", "mua ban", "gia ban", "ban can ho",
    ]

    /// Words that name a venue only when spelled so: "quán" (not "quận"), "tiệm" (not "tiêm"),
    /// "xưởng" (not "xuống"), "trường" (not the surname Trương), "kho" (not "khó").
    static let spelled: [(String, [String])] = [
        ("quan", ["quán"]), ("tiem", ["tiệm", "tiem"]), ("xuong", ["xưởng"]), ("truong", ["trường"]), ("kho", ["kho"]),
        ("chua", ["chùa"]), ("cho", ["chợ"]), ("den", ["đền"]), ("mieu", ["miếu"]),
    ]

    /// Spelled words that are venues only in lowercase: capitalised, they open a place's name
    /// ("Chợ Đồn", "Chùa Bộc" are a district and a street).
    static let lowercaseOnly: Set<FoldedKey> = FoldedKey.set(["chua", "cho", "den", "mieu"])

    /// Capitalised "Trường" opens a school's name only before a school word or a surname
    /// ("Trường THCS Lê Lợi", "Trường Nguyễn Du"); before another capitalised word it is part of
    /// a name: a street, a person, a place ("Trường Chinh", "Trường Sơn", "Trường Sa").
    static let schoolWords: Set<FoldedKey> = FoldedKey.set([
        "th", "thcs", "thpt", "pt", "ptcs", "ptth", "ptdtnt", "ptdtbt", "mn", "mg", "dh", "cd", "tc", "tieu", "trung",
        "dai", "cao", "mam", "mau", "pho", "quoc", "chuyen", "dan", "nang", "su", "ky", "nghe", "thuc", "tu", "song",
        "lien", "cap", "ban", "hoc", "truong",
    ])
    static let truong = FoldedKey("truong")

    /// "Trường" at `start` (ending at `end`), capitalised, followed by a capitalised word that is
    /// neither a school word nor a surname: a name, not a school.
    static func opensNonSchoolName(_ start: Int, _ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard ProseText.isUppercase(at: start, in: text) else { return false }
        let next = ProseText.skipSpaces(from: end, in: text)
        guard next > end, next < text.count, ProseText.isUppercase(at: next, in: text) else { return false }
        let e = ProseText.wordEnd(from: next, in: text, limit: 24)
        guard e > next, let key = FoldedKey(text, next..<e), !schoolWords.contains(key) else { return false }
        return !PersonNameLexicon.surnames.contains(NameKey.of(text, next, e))
    }

    /// Words of a listing of property for sale or rent, looked for in the sentence of an
    /// address: a price in billions, a land title, "thương lượng".
    static let listingPhrases: [String] = [
        "so hong", "thuong luong", "can ban", "can ban gap", "mua ban", "gia ban", "cho thue", "sang nhuong", "mat tien",
        "bds", "bat dong san", "dat nen", "nha dat", "chinh chu ban", "ban nha", "gui ban", "ban gap",
        "dang phong",
    ]

    /// Folded phrase → spellings of its first word (empty: any spelling).
    static let table: [FoldedKey: [SpelledWord]] = build(phrases, spelled)
    static let listingTable: [FoldedKey: [SpelledWord]] = build(listingPhrases, [("ty", ["tỷ", "tỉ"])])

    static func build(_ phrases: [String], _ spelled: [(String, [String])]) -> [FoldedKey: [SpelledWord]] {
        var t: [FoldedKey: [SpelledWord]] = [:]
        for p in phrases { if let k = FoldedKey(p) { t[k] = [] } }
        for (p, forms) in spelled { if let k = FoldedKey(p) { t[k] = forms.map(SpelledWord.init) } }
        return t
    }

    /// Whether a listing word (sale price, land title) starts in `range`.
    static func anyListing(in range: Range<Int>, text: UnsafeBufferPointer<UInt8>) -> Bool {
        any(in: range, text: text, table: listingTable)
    }

    static let maxWords = 3

    /// Whether a venue word starts in `range` and does not overlap `excluded`.
    static func any(in range: Range<Int>, excluding excluded: Range<Int>? = nil, text: UnsafeBufferPointer<UInt8>,
                    table: [FoldedKey: [SpelledWord]] = Self.table) -> Bool {
        var i = max(0, range.lowerBound)
        let hi = min(text.count, range.upperBound)
        while i < hi {
            guard ProseText.isLetter(at: i, in: text), !UTF8Classes.isWordCharacter(endingBefore: i, in: text) else {
                i += ProseText.length(at: i, in: text)
                continue
            }
            let firstEnd = ProseText.wordEnd(from: i, in: text, limit: 24)
            guard firstEnd > i else { i += 1; continue }
            var end = firstEnd
            var words = 0
            while words < maxWords {
                words += 1
                if let key = FoldedKey(text, i..<end), let forms = table[key],
                   forms.isEmpty || forms.contains(where: { $0.matches(text, i..<firstEnd) }),
                   forms.isEmpty || !lowercaseOnly.contains(key) || !ProseText.isUppercase(at: i, in: text),
                   key != truong || !opensNonSchoolName(i, firstEnd, in: text),
                   !(excluded.map { i < $0.upperBound && $0.lowerBound < end } ?? false) {
                    return true
                }
                let next = ProseText.skipSpaces(from: end, in: text)
                guard next > end, ProseText.isLetter(at: next, in: text) else { break }
                let e = ProseText.wordEnd(from: next, in: text, limit: 24)
                guard e > next else { break }
                end = e
            }
            i = firstEnd
        }
        return false
    }
}
