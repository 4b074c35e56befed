import Foundation

/// A place in the text that names a person: "anh Tuấn", "bé Na", "Nguyễn Văn Tuấn",
/// "NGUYỄN HOÀNG PHÚC". Relational detectors use mentions to decide whether a topic or a
/// child's details concern an identifiable person.
public struct PersonMention: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// A surname followed by given names, all capitalised.
        case fullName
        /// An honorific or kinship word followed by a capitalised given name.
        case addressedName
    }

    public var kind: Kind
    /// The name itself (without the honorific).
    public var start: Int
    public var end: Int
    /// Where the honorific starts, for `addressedName`.
    public var cueStart: Int?
    /// The name has a family name and a given name, whatever its kind: "Nguyễn Văn Tuấn",
    /// "Ksor H'Ni", and also the `addressedName` of "ông Nguyễn Văn Tuấn".
    public var isFullName: Bool = false
    /// A job or office title stands next to the name: "Chủ tịch UBND xã Nguyễn Văn A",
    /// "BS. Trần Thị B", "Nguyễn Văn C, Giám đốc Sở…". News names people in their public role.
    public var hasTitle: Bool = false

    /// The name is one capital letter before a full stop ("chị T.", "anh H."): how a report hides
    /// who someone is.
    func isInitial(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard end - start == 1, start < text.count, text[start] >= 0x41, text[start] <= 0x5A else { return false }
        return end < text.count && text[end] == 0x2E
    }
}

/// A word's spelling as a comparable key: lowercase ASCII in Telex style, modifiers after
/// their letter and the tone at the end ("Hồ" → `hoof`, "Hỗ" → `hoox`, "Nguyễn" → `nguyeenx`,
/// "Đức" → `dduwcs`). NFC and NFD spell the same key, so tables can be compared with tone marks
/// and without a normalized copy of the text. At most 16 symbols.
struct NameKey: Hashable, Sendable {
    fileprivate(set) var lo: UInt64 = 0
    fileprivate(set) var hi: UInt64 = 0
    private(set) var count = 0

    /// A cheap hash for the open-addressing tables below (keys are short ASCII).
    @inline(__always) var hashBits: UInt64 {
        (lo &* 0x9E37_79B9_7F4A_7C15) ^ ((hi &+ UInt64(count)) &* 0xC2B2_AE3D_27D4_EB4F)
    }

    @inline(__always) mutating func append(_ c: UInt8) -> Bool {
        guard count < 16 else { return false }
        if count < 8 { lo |= UInt64(c) << (8 * UInt64(count)) } else { hi |= UInt64(c) << (8 * UInt64(count - 8)) }
        count += 1
        return true
    }

    /// The key of `text[start..<end]` (one word), and whether the word is plain ASCII (typed
    /// without diacritics). Nil when the word is too long to be a table word.
    static func of(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (key: NameKey, plain: Bool)? {
        var key = NameKey()
        var tone: UInt8 = 0
        var plain = true
        var last: UInt8 = 0
        var i = max(0, start)
        let end = min(end, text.count)
        while i < end {
            let b = text[i]
            if b < 0x80 {
                if UTF8Classes.isASCIILetter(b) {
                    last = b | 0x20
                    guard key.append(last) else { return nil }
                } else if b == 0x27 {
                    guard key.append(0x27) else { return nil }
                }
                i += 1
                continue
            }
            plain = false
            let length = UTF8Classes.sequenceLength(b)
            guard let scalar = UTF8Classes.decodeScalar(at: i, in: text) else { i += 1; continue }
            let v = scalar.value
            i += length
            if v >= 0x300 && v <= 0x36F {
                switch v {
                case 0x302: if last != 0 { guard key.append(last) else { return nil } }
                case 0x306, 0x31B: guard key.append(UInt8(ascii: "w")) else { return nil }
                default: if let t = toneLetter(v) { tone = t }
                }
            } else if v == 0x2019 {
                guard key.append(0x27) else { return nil }
            } else {
                let entry = spelling(v)
                let base = UInt8(truncatingIfNeeded: entry)
                guard base != 0 else { guard key.append(UInt8(ascii: "?")) else { return nil }; continue }
                last = base
                guard key.append(base) else { return nil }
                let modifier = UInt8(truncatingIfNeeded: entry >> 8)
                if modifier != 0 { guard key.append(modifier) else { return nil } }
                let t = UInt8(truncatingIfNeeded: entry >> 16)
                if t != 0 { tone = t }
            }
        }
        if tone != 0 { guard key.append(tone) else { return nil } }
        return (key, plain)
    }

    /// The key of a table word (any normalization form).
    static func of(_ word: String) -> (key: NameKey, plain: Bool)? {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { of($0, 0, $0.count) }
    }

    @inline(__always) static func toneLetter(_ mark: UInt32) -> UInt8? {
        switch mark {
        case 0x300, 0x340: return UInt8(ascii: "f")
        case 0x301, 0x341: return UInt8(ascii: "s")
        case 0x303: return UInt8(ascii: "x")
        case 0x309: return UInt8(ascii: "r")
        case 0x323: return UInt8(ascii: "j")
        default: return nil
        }
    }

    /// Precomposed Latin letters → base | modifier << 8 | tone << 16 (0 = not a letter we spell).
    @inline(__always) static func spelling(_ v: UInt32) -> UInt32 {
        switch v {
        case 0xC0...0x1B0: return precomposed[Int(v - 0xC0)]
        case 0x1EA0...0x1EF9: return precomposed[Int(v - 0x1EA0) + 0x1B1 - 0xC0]
        default: return 0
        }
    }

    /// Built once from the canonical decompositions (a few hundred characters, never the text).
    private static let precomposed: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 0x1B1 - 0xC0 + 0x5A)
        func fill(_ v: UInt32, _ index: Int) {
            if v == 0x110 || v == 0x111 {
                table[index] = UInt32(UInt8(ascii: "d")) | UInt32(UInt8(ascii: "d")) << 8
                return
            }
            guard let scalar = Unicode.Scalar(v) else { return }
            let parts = Array(String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars)
            guard let first = parts.first, first.value < 0x80, UTF8Classes.isASCIILetter(UInt8(first.value)) else { return }
            let base = UInt8(first.value) | 0x20
            var modifier: UInt8 = 0
            var tone: UInt8 = 0
            for mark in parts.dropFirst() {
                switch mark.value {
                case 0x302: modifier = base
                case 0x306, 0x31B: modifier = UInt8(ascii: "w")
                default: if let t = toneLetter(mark.value) { tone = t }
                }
            }
            table[index] = UInt32(base) | UInt32(modifier) << 8 | UInt32(tone) << 16
        }
        for v in UInt32(0xC0)...0x1B0 { fill(v, Int(v - 0xC0)) }
        for v in UInt32(0x1EA0)...0x1EF9 { fill(v, Int(v - 0x1EA0) + 0x1B1 - 0xC0) }
        return table
    }()
}

/// A fixed set of keys (or pairs of keys) in an open-addressing table with a cheap hash:
/// the person-mention pass looks words up often, and `Set`'s seeded hashing costs more than
/// the rest of the lookup.
struct KeySet: Sendable {
    private var los: [UInt64]
    private var his: [UInt64]
    private var counts: [Int]
    private var seconds: [NameKey]
    private let mask: Int
    private let paired: Bool

    init(_ keys: [NameKey], pairedWith second: [NameKey]? = nil) {
        var size = 16
        while size < keys.count * 4 { size *= 2 }
        los = [UInt64](repeating: 0, count: size)
        his = [UInt64](repeating: 0, count: size)
        counts = [Int](repeating: 0, count: size)
        seconds = second == nil ? [] : [NameKey](repeating: NameKey(), count: size)
        mask = size - 1
        paired = second != nil
        for (index, key) in keys.enumerated() where key.count > 0 {
            let other = second?[index] ?? NameKey()
            guard !contains(key, other) else { continue }
            var slot = Self.slot(key, other, paired) & mask
            while counts[slot] != 0 { slot = (slot + 1) & mask }
            los[slot] = key.lo
            his[slot] = key.hi
            counts[slot] = key.count
            if paired { seconds[slot] = other }
        }
    }

    @inline(__always) static func slot(_ key: NameKey, _ other: NameKey, _ paired: Bool) -> Int {
        let h = paired ? key.hashBits ^ (other.hashBits >> 7 | other.hashBits << 57) : key.hashBits
        return Int(truncatingIfNeeded: h >> 32)
    }

    @inline(__always) func contains(_ key: NameKey, _ other: NameKey = NameKey()) -> Bool {
        guard key.count > 0 else { return false }
        var slot = Self.slot(key, other, paired) & mask
        while counts[slot] != 0 {
            if los[slot] == key.lo && his[slot] == key.hi && counts[slot] == key.count
                && (!paired || seconds[slot] == other) { return true }
            slot = (slot + 1) & mask
        }
        return false
    }
}

/// A set of table words compared as `NameKey`s: with tone marks where the text has them,
/// folded where it was typed without ("Nguyen" is "Nguyễn", "Hỗ" is not "Hồ").
struct NameTable: Sendable {
    private let exact: KeySet
    private let folded: KeySet

    init(_ words: [String]) {
        var exactKeys: [NameKey] = []
        var foldedKeys: [NameKey] = []
        for word in words {
            guard let (key, _) = NameKey.of(word) else { continue }
            exactKeys.append(key)
            let ascii = Array(word.utf8).withUnsafeBufferPointer { VietnameseFolding.foldedASCII($0, 0..<$0.count) }
            if let (plainKey, _) = NameKey.of(String(decoding: ascii, as: UTF8.self)) { foldedKeys.append(plainKey) }
        }
        exact = KeySet(exactKeys)
        folded = KeySet(foldedKeys)
    }

    @inline(__always) func contains(_ word: (key: NameKey, plain: Bool)?) -> Bool {
        guard let word else { return false }
        return word.plain ? folded.contains(word.key) : exact.contains(word.key)
    }
}

/// Pairs of table words ("chủ tịch", "bệnh viện", "hà nội"), compared like `NameTable`.
struct NamePairTable: Sendable {
    private let exact: KeySet
    private let folded: KeySet

    init(_ phrases: [String]) {
        var exactFirst: [NameKey] = [], exactSecond: [NameKey] = []
        var foldedFirst: [NameKey] = [], foldedSecond: [NameKey] = []
        for phrase in phrases {
            let words = phrase.split(separator: " ").map(String.init)
            guard words.count == 2 else { continue }
            let keys = words.compactMap { NameKey.of($0)?.key }
            let plain = words.compactMap { word -> NameKey? in
                let ascii = Array(word.utf8).withUnsafeBufferPointer { VietnameseFolding.foldedASCII($0, 0..<$0.count) }
                return NameKey.of(String(decoding: ascii, as: UTF8.self))?.key
            }
            if keys.count == 2 { exactFirst.append(keys[0]); exactSecond.append(keys[1]) }
            if plain.count == 2 { foldedFirst.append(plain[0]); foldedSecond.append(plain[1]) }
        }
        exact = KeySet(exactFirst, pairedWith: exactSecond)
        folded = KeySet(foldedFirst, pairedWith: foldedSecond)
    }

    func contains(_ a: (key: NameKey, plain: Bool)?, _ b: (key: NameKey, plain: Bool)?) -> Bool {
        guard let a, let b else { return false }
        if a.plain && b.plain { return folded.contains(a.key, b.key) }
        if !a.plain && !b.plain { return exact.contains(a.key, b.key) }
        // One word typed with marks, one without ("TP Hồ"): try both.
        return exact.contains(a.key, b.key) || folded.contains(a.key, b.key)
    }
}

/// The word lists of the person-mention scanner (reference/vn-personal-data.md §4.3, §5).
enum PersonNameLexicon {
    static let surnames = NameTable(
        (VietnameseSurnames.frequent + VietnameseSurnames.others + VietnameseSurnames.highlands)
            .compactMap { $0.split(separator: " ").first.map(String.init) })
    static let frequentSurnames = NameTable(VietnameseSurnames.frequent)
    /// Surnames whose name runs one word longer ("Tôn Thất Thuyết", "Nguyễn Phúc Bảo An").
    static let compoundSurnames = NamePairTable(["tôn thất", "tôn nữ", "nguyễn phúc", "công tằng", "âu dương",
                                                 "rơ châm", "rơ mah", "rah lan", "hoàng trọng", "phan huỳnh"])
    static let givenNamePrefixes = NameTable(VietnameseSurnames.givenNamePrefixes)
    static let givenNames = NameTable(VietnameseGivenNames.all + VietnameseSurnames.frequent + VietnameseSurnames.others)
    static let middleNames = NameTable(["văn", "thị"])

    /// Words that address a person by name: honorifics, kinship words, and the label "tên".
    static let honorifics = NameTable([
        "anh", "chị", "em", "cô", "chú", "bác", "ông", "bà", "bạn", "bé", "cháu", "cu", "ku", "cụ", "thầy", "mẹ",
        "bố", "ba", "má", "mạ", "mệ", "ôn", "cha", "vợ", "chồng", "con", "cậu", "mợ", "dì", "dượng", "thím",
        "mr", "ms", "mrs", "miss", "nhỏ", "chàng", "nàng", "thằng", "admin", "shipper", "thợ", "khách",
    ])
    /// Pairs whose second word looks like an honorific but is not one: "bà con" (folks),
    /// "anh em", "chị em", "cần bán" typed without marks ("can ban").
    static let notCues = NamePairTable(["bà con", "anh em", "chị em", "ông bà", "cô chú", "cô bác", "anh chị",
                                        "con cháu", "cần bán", "muốn bán", "đang bán", "sẽ bán", "mẹ con", "bố con",
                                        "vợ chồng", "ông cháu", "bà cháu"])
    /// Abbreviated cues written with a full stop: "Ms. Hòa", "Mr. Long", "BS. Trần Thị B".
    static let abbreviations = NameTable(["mr", "ms", "mrs", "dr", "bs", "ths", "ts", "pgs", "gs", "ls", "ks", "a", "c"])
    /// Abbreviations that address a private person, not a title: one given name after them is a
    /// name ("Mr. Quân", "a. Tuấn", "c. Lan").
    static let personalAbbreviations = NameTable(["mr", "ms", "mrs", "miss", "a", "c"])
    /// Words before a run that name a company or an institution ("Công ty TNHH Giải pháp Mai
    /// Phương", "trại giam Yên Hạ", "Di Động Hoàng Phát"). Not "trại" alone: typed without marks
    /// it is "trai" ("Con trai mình là Lê Minh Khoa").
    static let orgWords = NameTable(["tnhh", "jsc", "dntn", "htx", "ltd", "corp", "group", "company"])
    static let orgPairs = NamePairTable([
        "công ty", "cổ phần", "tập đoàn", "doanh nghiệp", "thương mại", "dịch vụ", "di động", "điện máy",
        "nội thất", "thời trang", "mỹ phẩm", "bất động", "động sản", "xây dựng", "du lịch", "vận tải", "công nghệ",
        "giải pháp", "trại giam", "nhà tù", "trung tâm", "sản xuất", "xuất nhập", "nhập khẩu", "kinh doanh",
    ])
    /// Institutions named after people, a few words before the name ("Bệnh viện Phụ sản Từ
    /// Dũ", "chùa cổ Phổ Minh"): with marks, or typed without them where the plain word is no
    /// everyday word ("cho" is not "chợ").
    static let institutionWords = NameTable(["đường", "phố", "trường", "chùa", "đền", "miếu", "đình", "lăng", "cầu",
                                             "chợ", "giải", "cúp", "quỹ", "viện", "bv", "bvđk", "thcs", "thpt"])
    static let plainInstitutionWords = NameTable(["duong", "truong", "thcs", "thpt", "bv", "bvdk"])
    /// "Hộ kinh doanh Nguyễn Thị Lan": a household business bears its owner's name.
    static let householdWords = NameTable(["hộ"])
    /// Labels before a name ("tên", "họ tên", "mang tên"): a full name after one is a `fullName`.
    static let nameLabels = NameTable(["tên"])
    static let locatives = NameTable(["ở", "tại"])
    /// Typed without marks, "ban" and "bo" are far more often "bạn", "bố" than "bản", "bộ".
    static let plainHonorificsFirst = NameTable(["bạn", "bố"])
    /// Lowercase abbreviations of honorifics ("a Tuấn", "c Lan", "e Phúc"); never capitalised.
    static let shortHonorifics = NameTable(["a", "c", "e"])
    /// Second words of kinship cues whose first word is an honorific ("em gái Lan", "người yêu Tuấn").
    static let kinshipTails = NameTable(["trai", "gái", "ruột", "họ", "dâu", "rể", "nuôi", "yêu", "cả", "út", "kế",
                                         "nội", "ngoại", "bé", "tên", "là", "xế", "nhà", "trọ", "shop", "xe", "tiệm",
                                         "quán", "hụi", "nhận", "gửi", "thuê", "mua", "bán", "xã"])
    static let kinshipHeads = NameTable(["anh", "chị", "em", "bạn", "con", "cháu", "người", "bố", "mẹ", "ông", "bà",
                                         "cô", "chú", "bác", "vợ", "chồng", "cậu", "dì", "tài", "chủ",
                                         "mình", "tôi", "tui", "tớ", "e", "tên"])

    /// Places people name after their owner: "dãy trọ cô Sáu", "quán chị Lan", "tiệm cô Ba".
    static let ownedPlaces = NameTable(["trọ", "quán", "tiệm", "shop", "sạp"])
    /// "ông xã", "bà xã": a husband, a wife ("xã" is no commune there).
    static let spousePairs = NamePairTable(["ông xã", "bà xã"])

    /// A word right before a capitalised run that makes the run a place or an institution.
    static let placeWords = NameTable([
        "đường", "phố", "quận", "phường", "xã", "huyện", "tỉnh", "tp", "tx", "ấp", "thôn", "xóm", "làng", "bản",
        "buôn", "plei", "ngõ", "ngách", "hẻm", "kiệt", "chợ", "cầu", "sông", "núi", "hồ", "đảo", "biển", "vịnh",
        "đèo", "trường", "viện", "bv", "bvđk", "cty", "chùa", "đền", "miếu", "đình", "lăng", "quán", "tiệm",
        "shop", "hotel", "resort", "cafe", "café", "coffee", "spa", "salon", "clb", "thcs", "thpt", "ptth",
        "khu", "kđt", "kdt", "cụm", "tòa", "tháp", "hãng", "nhãn", "giải", "cúp", "sân", "bến", "ga",
        "phòng", "khoa", "sở", "bộ", "cục", "ubnd", "hđnd", "ban", "hội", "đội", "nhóm", "tổ", "lớp", "hạng",
        "người", "tộc", "tiếng", "giống", "mẫu", "dòng", "kiểu", "món", "vùng", "miền", "tại", "ở", "gần",
        "quanh", "ngã", "vòng", "xuồng", "xăng", "tuổi", "năm", "đạo", "tàu", "chuyến", "app", "trang", "kênh", "web", "website",
        "group", "page", "fanpage", "hashtag", "khối", "trạm", "hàng", "cc", "p", "q", "kp", "tdp", "kdc", "quỹ",
    ])
    /// Words that open a place or an institution inside a capitalised run ("Trường THCS Nguyễn Du",
    /// "Bệnh Viện Chợ Rẫy"); none is a surname.
    static let placeWordsInRun = NameTable([
        "đường", "phố", "quận", "phường", "xã", "huyện", "tỉnh", "tp", "tx", "ấp", "thôn", "xóm", "làng", "ngõ",
        "ngách", "hẻm", "kiệt", "chợ", "cầu", "sông", "núi", "đảo", "vịnh", "đèo", "trường", "viện", "bv",
        "bvđk", "cty", "chùa", "đền", "miếu", "quán", "tiệm", "shop", "hotel", "resort", "cafe", "café", "coffee",
        "spa", "salon", "clb", "thcs", "thpt", "ptth", "kđt", "kdt", "tòa", "sở", "bộ", "cục", "ubnd", "hđnd",
        "mttq", "kcn", "kdc", "ccn", "bến", "ga", "sân", "phòng", "giải", "cúp", "hội", "đội", "nhóm", "lớp", "buôn", "plei",
        "người", "tiếng", "dân", "cc", "kp", "tdp", "ktx", ])
    /// Two-word places and institutions ("bệnh viện", "công ty", "tiểu học"), before or inside a run.
    static let placePairs = NamePairTable([
        "bệnh viện", "học viện", "viện nhi", "công ty", "tập đoàn", "ngân hàng", "nhà hàng", "khách sạn",
        "siêu thị", "cửa hàng", "nhà thờ", "giáo xứ", "giáo họ", "chung cư", "khu phố", "dân phố", "thành phố",
        "thị xã", "thị trấn", "đại học", "cao đẳng", "tiểu học", "trung học", "mầm non", "mẫu giáo", "trung tâm",
        "ủy ban", "uỷ ban", "văn phòng", "công an", "tòa án", "kiểm sát", "quảng trường", "công viên", "sân bay",
        "bến xe", "nhà văn", "văn hóa", "bảo tàng", "thư viện", "phòng khám", "nhà thuốc", "trạm y", "y tế",
        "đại lộ", "tỉnh lộ", "quốc lộ", "hương lộ", "khu vực", "dân tộc", "đồng bào", "nhà sách", "chi nhánh", "thương hiệu", "nhãn hiệu", "hợp tác", "hợp tác xã", "đoàn thể", "liên đoàn",
        "hiệp hội", "câu lạc", "lạc bộ", "nhà trọ", "tòa nhà", "dự án", "khu đô", "đô thị", "ký túc", "túc xá",
        "nghĩa trang", "tu viện", "thánh đường", "tịnh xá", "thiền viện", "niệm phật", "thánh thất", "ban quản",
        "thôn xóm", "bản làng", "cộng đồng", "trại giam", "trại tạm", "di động", "điện máy",
    ])
    /// Words that continue a place word before its proper name ("trường THPT chuyên Lê Quý Đôn").
    static let placeQualifiers = NameTable([
        "thpt", "thcs", "th", "mn", "ptth", "pthcs", "chuyên", "nhi", "quốc", "tế", "đa", "khoa", "tư", "thục",
        "dân", "lập", "tiểu", "học", "trung", "cao", "đẳng", "đại", "mầm", "non", "quân", "y", "phụ", "sản",
        "tỉnh", "huyện", "quận", "thành", "phố", "tp", "xã", "phường", "số", "hữu", "nghị", "việt", "đức", "cổ",
    ])
    /// Places whose names begin like a person's ("Hà Nội", "Thái Bình", "Bà Rịa", "Hồ Chí Minh").
    static let placeNames = NamePairTable([
        "dĩ an", "hà nội", "hà nam", "hà giang", "hà tĩnh", "hà đông", "hà tiên", "hà lan", "hà trung", "lâm đồng",
        "lâm hà", "cao bằng", "cao lãnh", "cao đẳng", "thái bình", "thái nguyên", "thái lan",
        "hồ chí", "hồ tây", "hồ gươm", "hồ tràm", "hoàng mai", "hoàng sa", "hoàng kiếm", "hoàn kiếm", "đồng nai",
        "đồng tháp", "đồng hới", "đồng xoài", "đồng đăng", "đồng văn", "đồng hỷ", "kim bảng", "kim sơn",
        "kim mã", "mai châu", "mai dịch", "mai sơn", "lê chân", "ngô quyền", "hồng bàng", "hồng kông",
        "hồng ngự", "hồng lĩnh", "châu á", "châu âu", "châu phi", "châu mỹ", "châu úc", "châu đốc", "châu thành",
        "quang trung", "ba đình", "ba vì", "ba na", "ba tri", "ba bể", "ba chẽ", "bà rịa", "bà điểm",
        "bà chiểu", "bà đen", "bà nà", "tô lịch", "tô hiệu", "ninh bình", "ninh thuận", "ninh kiều",
        "ninh hòa", "ninh giang", "lý sơn", "lý nhân", "thạch thất", "thạch hà",
        "thạch thành", "chu lai", "phan thiết", "phan rang", "phan rí", "triệu sơn", "triệu phong", "bạch mai", "bạch đằng", "bạch long", "hai bà", "tây nguyên", "việt nam", "trung quốc", "hàn quốc",
        "vũng tàu", "hội an", "phú quốc", "côn đảo", "cát bà", "hạ long", "sa pa", "đà lạt", "đà nẵng",
        "đông anh", "mê linh", "sơn tây", "tây hồ", "long biên", "gò vấp", "bình thạnh", "thủ đức", "tân bình",
        "hàng xanh", "bến thành", "chợ lớn", "cầu giấy", "đống đa", "thanh xuân", "hai bà", "gia lai", "gia lâm",
        "kon tum", "đắk lắk", "đắk nông", "điện biên", "lào cai", "lai châu", "sơn la", "yên bái", "tuyên quang",
        "văn miếu", "văn lâm", "văn giang", "văn quán", "cầu ngang", "quan hoa", "quan sơn", "kiều mai",
        "bác hồ", "ông già", "ông địa", "bà chúa", "bà mụ", "cô tô",
        // Provinces and cities, whose names are also given names ("Khánh Hòa", "Quảng Nam").
        "khánh hòa", "khánh hoà", "bình định", "phú yên", "quảng nam", "quảng ngãi", "quảng trị", "quảng bình",
        "nghệ an", "thanh hóa", "thanh hoá", "hải dương", "hưng yên", "bắc ninh", "vĩnh phúc", "bình dương",
        "long an", "tiền giang", "bến tre", "vĩnh long", "cần thơ", "sóc trăng", "bạc liêu", "cà mau", "an giang",
        "kiên giang", "hậu giang", "tây ninh", "bình phước", "bình thuận", "quảng ninh", "hải phòng", "bắc giang",
        "lạng sơn", "hòa bình", "hoà bình", "phú thọ", "bắc kạn", "nam định", "thừa thiên", "sài gòn", "nha trang",
        "quy nhơn", "biên hòa", "mỹ tho", "long xuyên", "rạch giá", "buôn ma", "móng cái", "sầm sơn", "tam kỳ",
        "đông hà", "đồng xoài", "tuy hòa", "phan rang", "bảo lộc", "cam ranh", "vị thanh", "sa đéc", "tân an",
        // Title Case words that open like a surname: "LƯU Ý", "Hồ Sơ", "Hoàng Hôn"…
        "lưu ý", "lưu trú", "lưu niệm", "hồ sơ", "hoàng hôn", "kim cương", "kim loại", "cao cấp", "cao điểm",
        "cao su", "mai táng", "đồng hồ", "đồng phục", "đồng ý", "đồng nghiệp", "đồng tiền", "đồng giá",
        "tô điểm", "từ thiện", "từ khóa", "phương pháp", "phương tiện", "phương án", "chu đáo", "lương thực",
        "lương tâm", "lương thưởng", "quan trọng", "quan tâm", "quan hệ", "giang sơn", "đào tạo", "thái độ",
        "triệu chứng", "vi phạm", "vi khuẩn", "thân mến", "thân thiện", "trang chủ", "trang phục", "trang trí",
        "tăng cường", "tăng ca", "la bàn", "hà khắc", "châu báu", "ninh tỏa", "chung cư", "chung kết", "chung tay",
        "thạch cao", "lâm sàng", "lâm nghiệp", "hồng ngoại", "hoàng gia", "kiều bào", "tống đạt", "lại gần",
        "khúc xạ", "ung dung", "âu yếm", "mạc định", "đặng cấp", "dự thi", "dự án", "dự kiến",
    ])
    /// Capitalised words that end a name or never start one in Title Case text.
    static let stopWords = NameTable([
        "bị", "được", "và", "của", "cho", "tại", "ở", "với", "là", "có", "không", "đã", "sẽ", "đang", "về", "từ",
        "trong", "ngoài", "ngày", "tháng", "các", "những", "một", "này", "đó", "khi", "nếu", "thì", "mà",
        "nhưng", "hay", "hoặc", "để", "vì", "theo", "trên", "dưới", "sau", "trước", "lúc", "bởi", "rằng", "như",
        "cùng", "bằng", "đến", "tới", "ra", "vào", "lên", "xuống", "đi", "làm", "nhận", "gửi", "tặng", "mừng",
        "chúc", "xin", "cảm", "ơn", "giúp", "tìm", "kêu", "gọi", "hỗ", "trợ", "chia", "sẻ", "báo", "tin",
        "tức", "mới", "nhất", "nóng", "sốc", "cực", "siêu", "giảm", "giá", "khuyến", "mãi", "sale", "hot",
        "review", "top", "tết", "noel", "covid", "quốc", "tế", "ủng", "hộ", "hỏi", "đáp", "cần", "bán", "mua",
        "thuê", "tuyển", "dụng", "lịch", "sử", "tổng", "kết", "trình", "động", "lễ", "hội", "việc", "vụ", "án", "đời", "sống", "sức", "khỏe", "học", "dạy", "hành", "trình",
        "điểm", "đẹp", "ngon", "rẻ", "tốt", "số", "mã", "sđt", "stk", "cccd", "cmnd", "zalo", "facebook",
        "tiktok", "shopee", "lazada", "ok", "oke", "hihi", "haha", "thanks", "thank", "cmt", "ib", "inbox",
        "admin", "ad", "mod", "hotline", "mình", "tôi", "tớ", "bọn", "chúng", "họ", "nó", "hắn", "ai", "gì",
        "nào", "đâu", "sao", "bao", "nhiêu", "mấy", "ạ", "nhé", "nha", "ơi", "à", "ừ", "vâng", "dạ", "rồi",
        "còn", "cũng", "đều", "vẫn", "nữa", "rất", "quá", "lắm", "hơn", "thật", "sự", "luôn", "chỉ",
        "ngay", "liền", "vừa", "mãi", "chưa", "chẳng", "đừng", "hãy", "phải", "nên", "muốn", "biết", "thấy",
        "nói", "kể", "nghe", "xem", "đọc", "viết", "hết", "tất", "cả", "mọi", "người", "nhà", "đình", "bệnh", "viện", "trường", "hè", "xuân", "thu", "đông",
    ])
    /// Stop words that are also common given names: they end a name only in Title Case headlines.
    static let nameLikeStopWords = NameTable(["đình", "xuân", "thu", "đông", "hè", "bằng", "như", "quốc", "mãi", "tâm",
                                              "tuyển"])
    /// Words before a house or alley number: the capitalised words after the number are a
    /// street ("số 14 ngõ 180 Nguyễn Lương Bằng", "hẻm 62 Bùi Đình Túy").
    static let numberPlaceWords = NameTable([
        "số", "hẻm", "ngõ", "ngách", "kiệt", "nhà", "lô", "km", "đường", "phố", "tổ", "căn", "phòng", "tầng",
        "block", "ấp", "thôn", "khu", "xóm", "hxh", "ngõ", "quốc lộ", "tỉnh lộ", "ql", "tl", "dt", "đt", "sn", "ở",
        "tại", "nr",
    ])
    /// Place words as typed without marks, where the plain word is no everyday word.
    static let plainPlaceWords = NameTable(["p", "q", "tp", "tx", "kp", "cc", "tdp", "duong", "pho", "phuong", "huyen",
                                            "tinh", "thon", "xom", "ngo", "hem", "kiet", "mien", "quan", "truong"])

    /// Given names that open a line as another word ("Mai mình gửi" – tomorrow, "An toàn");
    /// honorifics ("Anh mình…") are not read there either.
    static let notLineOpeners = NameTable(["mai", "an", "hà", "xuân", "thu", "đông", "chiều", "sáng"])
    /// Given names that are more often other words when they stand alone: directions, sexes,
    /// the country ("miền Nam", "giới tính Nữ", "Việt").
    static let notShortNames = NameTable(["nam", "nữ", "bắc", "trung", "tây", "đông", "việt"])

    /// Words that cannot follow the prefix "Y" in a name ("Y tế", "Y học", "Y sĩ").
    static let notAfterY = NameTable(["tế", "học", "khoa", "dược", "sĩ", "tá", "bạ", "án", "lệnh", "viện", "sinh",
                                      "đức", "nguyên", "như", "hệt", "chang", "nhiên", "phục", "tá"])

    /// Titles of an office or a profession that news puts next to a name. Not "đ/c" (a word
    /// never holds "/", and its key is "đc", teencode for "được").
    static let titleWords = NameTable([
        "bs", "ths", "ts", "pgs", "gs", "ls", "nsnd", "nsưt", "nsut", "hlv", "ctv", "pv",
        "tướng", "đồng chí", "mục sư", "linh mục", "hòa thượng", "thượng tọa", "đại đức", "ni sư",
        "sư", "cha", "vua", "chúa", "hoàng đế", "thủ tướng", "tổng thống", "ca sĩ", "rapper", "diễn viên", "mc",
        "kol", "tiktoker", "youtuber", "blogger", "streamer", "idol", "nghệ sĩ", "nhạc sĩ", "họa sĩ", "nhà văn",
        "nhà thơ", "cầu thủ", "võ sĩ", "vđv", "danh thủ", "tiền đạo", "thủ môn", "hậu vệ", "trung vệ", "đội trưởng",
    ])
    /// Titles spelled with "đ", only as written: without marks "gd" is teencode for "gia đình".
    static let markedTitleWords = NameTable(["gđ", "tgđ", "nđt"])
    /// Honorifics of everyday speech: a post says "chị Lan – Trưởng phòng" or "cô chủ nhiệm
    /// Thanh Tâm" to be reached, news says "ông", "bà" with the office.
    static let familiarHonorifics = NameTable(["anh", "chị", "cô", "chú", "em", "bạn", "mr", "ms", "mrs", "miss",
                                                "a", "c", "e"])
    /// First-person words: "mình là Quang", "e la Thu", "tôi tên Lợi", "liên hệ mình (Vy)".
    static let firstPerson = NameTable(["mình", "tôi", "tui", "tớ", "em", "e"])
    static let titlePairs = NamePairTable([
        "chủ tịch", "bí thư", "thủ tướng", "bộ trưởng", "thứ trưởng", "giám đốc", "đại biểu", "hiệu trưởng",
        "trưởng phòng", "trưởng khoa", "trưởng ban", "trưởng thôn", "trưởng ấp", "trưởng bản", "chủ nhiệm",
        "chánh án", "viện trưởng", "bác sĩ", "y sĩ", "dược sĩ", "luật sư", "nhà báo", "phóng viên", "ca sĩ",
        "diễn viên", "nghệ sĩ", "nhạc sĩ", "giáo sư", "tiến sĩ", "thạc sĩ", "đồng chí", "linh mục", "mục sư",
        "hòa thượng", "thượng tọa", "đại đức", "đại tá", "thượng tá", "trung tá", "thiếu tá", "đại úy", "thượng úy",
        "trung úy", "thiếu úy", "thiếu tướng", "trung tướng", "thượng tướng", "đại tướng", "tổng thống",
        "phát ngôn", "người phát", "trung phong", "cầu thủ", "danh thủ", "huấn luyện", "luyện viên", "tổng giám",
        "phó giám", "chủ tọa", "nhà văn", "nhà thơ", "họa sĩ", "kiến trúc", "kỹ sư", "chuyên gia", "điều dưỡng",
        "nữ hoàng", "hoa hậu", "á hậu", "người mẫu", "vận động", "động viên", "thí sinh", "đương kim", "cựu chủ",
        "trưởng công", "phó trưởng", "phó chủ", "thủ lĩnh", "lãnh đạo", "tổng bí", "ủy viên", "uỷ viên", "đại sứ",
        "lãnh sự", "thống đốc", "thị trưởng", "nghị sĩ", "tư lệnh", "chính ủy", "sư trưởng", "trung đoàn",
    ])
}

/// Finds person mentions with a word-level pass. Most words cost a table lookup on their
/// first byte and nothing more: only runs of capitalised words (and the few words before
/// them) are spelled into keys and compared with the surname, honorific and place tables.
enum PersonMentionScanner {
    struct Word {
        var start: Int
        var end: Int
        var capitalised: Bool
        /// Punctuation, a digit or a line break between this word and the previous one.
        var brokenBefore: Bool
    }

    static func mentions(in text: UnsafeBufferPointer<UInt8>) -> [PersonMention] {
        var scan = Scan(text: text)
        scan.scanAll()
        return scan.found
    }

    // MARK: - Byte classes

    @inline(__always) static func isUpperASCII(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLowerASCII(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isLetterASCII(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    enum CharKind { case letter, space, other }

    /// A non-ASCII character: a Latin letter or combining mark, a no-break space, or a break.
    @inline(__always) static func nonASCII(at i: Int, in text: UnsafeBufferPointer<UInt8>) -> (CharKind, Int) {
        let b = text[i]
        let length = UTF8Classes.sequenceLength(b)
        guard i + length <= text.count else { return (.other, 1) }
        switch b {
        case 0xC3:
            let c = text[i + 1]
            return (c == 0x97 || c == 0xB7 ? .other : .letter, 2)
        case 0xC4...0xC9, 0xCC, 0xCD:
            return (.letter, 2)
        case 0xC2:
            return (text[i + 1] == 0xA0 ? .space : .other, 2)
        case 0xE1:
            let c = text[i + 1]
            return (c >= 0xB8 && c <= 0xBB ? .letter : .other, 3)
        default:
            return (.other, length)
        }
    }

    /// The end of the word whose first letter starts at `i`. An apostrophe joins a one-letter
    /// prefix to a capitalised name ("H'Hen", "K'Brơi", "H’Ni").
    @inline(__always) static func wordEnd(from i: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        let n = text.count
        var j = i
        while j < n {
            let b = text[j]
            if b < 0x80 {
                if isLetterASCII(b) { j += 1; continue }
                if b == 0x27 && j == i + 1 && j + 1 < n && isUpperASCII(text[j + 1]) { j += 1; continue }
                return j
            }
            if b == 0xE2 && j == i + 1 && j + 3 < n && text[j + 1] == 0x80 && text[j + 2] == 0x99
                && isUpperASCII(text[j + 3]) {
                j += 3
                continue
            }
            let (kind, length) = nonASCII(at: j, in: text)
            if kind != .letter { return j }
            j += length
        }
        return j
    }

    @inline(__always) static func isCapital(at i: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let b = text[i]
        if b < 0x80 { return isUpperASCII(b) }
        guard let s = UTF8Classes.decodeScalar(at: i, in: text) else { return false }
        return isUppercase(s.value)
    }

    /// Every letter of the word is a capital ("NGUYỄN", "KSOR").
    static func isAllCaps(_ w: Word, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = w.start
        var letters = 0
        while i < w.end {
            let b = text[i]
            if b < 0x80 {
                if isLowerASCII(b) { return false }
                if isUpperASCII(b) { letters += 1 }
                i += 1
                continue
            }
            let length = UTF8Classes.sequenceLength(b)
            if b != 0xCC && b != 0xCD, let s = UTF8Classes.decodeScalar(at: i, in: text) {
                if !isUppercase(s.value) { return false }
                letters += 1
            }
            i += length
        }
        return letters > 1
    }

    /// Uppercase Latin letters used in Vietnamese, precomposed or as an ASCII base.
    static func isUppercase(_ v: UInt32) -> Bool {
        switch v {
        case 0x41...0x5A: return true
        case 0xC0...0xDE: return v != 0xD7
        case 0x100...0x17F: return v % 2 == 0
        case 0x1A0, 0x1AF: return true
        case 0x1EA0...0x1EF9: return v % 2 == 0
        default: return false
        }
    }

    typealias Key = (key: NameKey, plain: Bool)?

    // MARK: - The pass

    struct Scan {
        let text: UnsafeBufferPointer<UInt8>
        var found: [PersonMention] = []
        var run: [Word] = []
        var runOverflow = false
        var keys: [Key] = []
        /// The given names of the full names read so far ("Đạt" of "Võ Thành Đạt", "Thảo Nhi" of
        /// "Quách Thảo Nhi"): later on, the given name alone refers to the same person.
        /// Each name with its spelling key and its key typed without marks.
        var givenSingles: [(exact: NameKey, plain: NameKey)] = []
        var givenPairs: [(exact: (NameKey, NameKey), plain: (NameKey, NameKey))] = []
        static let maxGiven = 48
        /// A 256-bit filter over the remembered names' last words (both keys): most runs are no
        /// remembered name, and the filter says so without searching.
        var givenFilter: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        @inline(__always) static func filterBit(_ k: NameKey) -> Int { Int(truncatingIfNeeded: k.hashBits >> 56) }

        mutating func addToFilter(_ k: NameKey) {
            let b = Self.filterBit(k)
            let bit = UInt64(1) << UInt64(b & 63)
            switch b >> 6 {
            case 0: givenFilter.0 |= bit
            case 1: givenFilter.1 |= bit
            case 2: givenFilter.2 |= bit
            default: givenFilter.3 |= bit
            }
        }

        func mayBeGiven(_ k: NameKey) -> Bool {
            let b = Self.filterBit(k)
            let bit = UInt64(1) << UInt64(b & 63)
            switch b >> 6 {
            case 0: return givenFilter.0 & bit != 0
            case 1: return givenFilter.1 & bit != 0
            case 2: return givenFilter.2 & bit != 0
            default: return givenFilter.3 & bit != 0
            }
        }

        init(text: UnsafeBufferPointer<UInt8>) {
            self.text = text
            run.reserveCapacity(16)
            keys.reserveCapacity(16)
        }

        /// One pass over the bytes looking for capital letters that start a word; everything
        /// else costs a comparison or two. A capital opens a run of capitalised words, read word
        /// by word and processed when a lowercase word or punctuation ends it.
        mutating func scanAll() {
            let n = text.count
            guard n > 0, let base = text.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            var resume = 0
            if startsCapital(0) { resume = readRun(from: 0) }
            // Eight bytes at a time: flag the ASCII bytes that are not letters (spaces,
            // punctuation, digits, line breaks); only a capital right after one starts a run.
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            var i = 0
            while i + 8 <= n {
                let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let a = (x | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F
                let atLeastA = (a &+ (0x80 - 0x61) &* ones) & highs
                let pastZ = (a &+ (0x80 - 0x7B) &* ones) & highs
                var separators = ~x & highs & ~(atLeastA & ~pastZ)
                while separators != 0 {
                    let p = i + separators.trailingZeroBitCount >> 3 + 1
                    separators &= separators &- 1
                    if p >= resume && p < n && startsCapital(p) { resume = readRun(from: p) }
                }
                i = max(i + 8, resume - 1)
            }
            while i < n {
                let b = text[i]
                if b < 0x80 && !isLetterASCII(b) && i + 1 >= resume && i + 1 < n && startsCapital(i + 1) {
                    resume = readRun(from: i + 1)
                    i = max(i + 1, resume - 1)
                    continue
                }
                i += 1
            }
        }

        /// A capital letter at `p` (ASCII, or a precomposed Vietnamese capital).
        @inline(__always) func startsCapital(_ p: Int) -> Bool {
            let b = text[p]
            return isUpperASCII(b) || (b >= 0xC3 && isUpperLead(at: p))
        }

        /// Whether the non-ASCII character at `i` is a capital letter (precomposed).
        @inline(__always) func isUpperLead(at i: Int) -> Bool {
            let n = text.count
            guard i + 1 < n else { return false }
            let c = text[i + 1]
            let b = text[i]
            if b == 0xE1 {
                guard (c == 0xBA || c == 0xBB) && i + 2 < n else { return false }
                let v = 0x1E00 | UInt32(c & 0x3F) << 6 | UInt32(text[i + 2] & 0x3F)
                return v >= 0x1EA0 && v <= 0x1EF9 && v & 1 == 0
            }
            switch b {
            case 0xC3: return c >= 0x80 && c <= 0x9E && c != 0x97
            case 0xC4, 0xC5: return c & 0xC0 == 0x80 && c & 1 == 0
            case 0xC6: return c == 0xA0 || c == 0xAF
            default: return false
            }
        }

        /// Reads the capitalised words from `first` on, processes the run, and returns where the
        /// scan goes on.
        mutating func readRun(from first: Int) -> Int {
            let n = text.count
            var broken = !followsWordAcrossSpaces(first)
            var i = first
            while i < n {
                let end = wordEnd(from: i, in: text)
                guard end > i else { break }
                if run.count < 12 {
                    run.append(Word(start: i, end: end, capitalised: true, brokenBefore: broken))
                } else {
                    runOverflow = true
                }
                broken = false
                // Only spaces may lie between the words of a run.
                var j = end
                while j < n {
                    let c = text[j]
                    if c == 0x20 || c == 0x09 { j += 1; continue }
                    if c == 0xC2 && j + 1 < n && text[j + 1] == 0xA0 { j += 2; continue }
                    break
                }
                i = j
                guard j < n, j > end, isCapital(at: j, in: text) else { break }
            }
            if !run.isEmpty { flush() }
            return max(i, first + 1)
        }

        /// Whether only spaces separate `offset` from the letter before it.
        func followsWordAcrossSpaces(_ offset: Int) -> Bool {
            var j = offset
            while j > 0 {
                let (letter, space, s) = charBefore(j)
                if letter { return true }
                if !space { return false }
                j = s
            }
            return false
        }

        mutating func flush() {
            process()
            while !run.isEmpty { run.removeLast() }
            runOverflow = false
        }

        /// Up to `count` words before `offset` (oldest first), read backwards over at most 120
        /// bytes; each knows whether punctuation separates it from the word before it.
        func words(before offset: Int, count: Int) -> [Word] {
            var out: [Word] = []
            let limit = max(0, offset - 120)
            var i = min(offset, text.count)
            while out.count < count && i > limit {
                // Back over what separates words.
                var j = i
                var broken = false
                while j > limit {
                    let (letter, space, s) = charBefore(j)
                    if letter { break }
                    if !space { broken = true }
                    j = s
                }
                if !out.isEmpty { out[out.count - 1].brokenBefore = broken }
                guard j > limit else { break }
                var k = j
                while k > limit {
                    let (letter, _, s) = charBefore(k)
                    if !letter { break }
                    k = s
                }
                // A word cut by the limit is not a word we can read.
                if k == limit && k > 0 && charBefore(k).letter { break }
                out.append(Word(start: k, end: j, capitalised: isCapital(at: k, in: text), brokenBefore: true))
                i = k
            }
            return out.reversed()
        }

        /// "Ms. Hòa", "BS. Trần": the abbreviation right before the full stop at `offset`.
        func abbreviation(before offset: Int) -> Word? {
            var j = offset
            while j > 0 && text[j - 1] == 0x20 { j -= 1 }
            guard j > 1, text[j - 1] == 0x2E, let (w, broken) = previousWord(before: j - 1), !broken,
                  w.end == j - 1, let k = key(w), PersonNameLexicon.abbreviations.contains(k) else { return nil }
            // "a. Tuấn", "c. Lan"; but "cam on a. Em ten…" ends a sentence with "ạ": after a
            // one-letter abbreviation only a given name that is no honorific.
            if k.key.count == 1 {
                let next = NameKey.of(text, offset, PersonMentionScanner.wordEnd(from: offset, in: text))
                guard PersonNameLexicon.givenNames.contains(next), !PersonNameLexicon.honorifics.contains(next) else { return nil }
            }
            return w
        }

        /// Whether `offset` follows "P.", "Q.", "TP." and the like (a place word and a full stop).
        func afterPlaceAbbreviation(_ offset: Int) -> Bool {
            var j = offset
            while j > 0 && text[j - 1] == 0x20 { j -= 1 }
            guard j > 1, text[j - 1] == 0x2E, let (w, broken) = previousWord(before: j - 1), !broken, w.end == j - 1
            else { return false }
            return PersonNameLexicon.placeWords.contains(key(w))
        }

        /// A company or institution marker among the five words before `offset`, with no
        /// punctuation between ("Công ty TNHH Giải pháp ⟨Mai Phương⟩").
        func inOrganisationName(_ offset: Int) -> Bool {
            let L = PersonNameLexicon.self
            var words: [Key] = []
            var at = offset
            for _ in 0..<5 {
                guard let (w, broken) = previousWord(before: at) else { break }
                words.append(key(w))
                if broken { break }
                at = w.start
            }
            for (i, k) in words.enumerated() {
                if L.orgWords.contains(k) { return true }
                if i + 1 < words.count && L.orgPairs.contains(words[i + 1], k) {
                    return !(i + 2 < words.count && L.householdWords.contains(words[i + 2]))
                }
            }
            return false
        }

        /// An institution word a few words before `offset`, with qualifiers or capitalised words
        /// between ("Bệnh viện Phụ sản ⟨Từ Dũ⟩", "chùa cổ ⟨Phổ Minh⟩"): a place named after
        /// someone. (An institution word right before the name is a `placeWords` case.)
        func afterInstitution(_ offset: Int) -> Bool {
            let L = PersonNameLexicon.self
            var at = offset
            for step in 0..<4 {
                guard let (w, broken) = previousWord(before: at), !broken else { return false }
                let k = key(w)
                let before = previousWord(before: w.start)
                let pk: Key = before.map { $0.broken ? nil : key($0.word) } ?? nil
                if step > 0 {
                    if let k, k.plain ? L.plainInstitutionWords.contains(k) : L.institutionWords.contains(k) { return true }
                    if pk != nil && L.placePairs.contains(pk, k) { return true }
                }
                guard w.capitalised || L.placeQualifiers.contains(k) else { return false }
                at = w.start
            }
            return false
        }

        /// Whether `offset` follows a house or alley number that follows an address word:
        /// "số 70 ⟨Trần Đại Nghĩa⟩", "ngõ 110 ⟨Kim Ngưu⟩", "số 244/19 hẻm 195 ⟨Nguyễn Văn Trỗi⟩".
        func followsHouseNumber(_ offset: Int) -> Bool {
            var j = offset
            while j > 0 && (text[j - 1] == 0x20 || text[j - 1] == 0x09) { j -= 1 }
            guard j > 0, UTF8Classes.isDigit(text[j - 1]) || (j > 1 && UTF8Classes.isASCIILetter(text[j - 1])
                                                                && UTF8Classes.isDigit(text[j - 2])) else { return false }
            // The number token: digits, letters glued to them ("12A"), "/" and "-".
            var k = j
            while k > 0 && j - k < 16 {
                let c = text[k - 1]
                guard UTF8Classes.isASCIIAlnum(c) || c == 0x2F || c == 0x2D else { break }
                k -= 1
            }
            guard k < j else { return false }
            // "… - 0912 483 075 - 88 Ha Huy Tap, Thanh Khe": a short number opening a list's
            // field is a house number.
            var s = k
            while s > 0 && text[s - 1] == 0x20 { s -= 1 }
            // "(16 Lê Lợi, TP Huế)": a house number opening a bracket, after a place it locates.
            if j - k <= 5 && s == k && s > 0 && text[s - 1] == UInt8(ascii: "(") { return true }
            if j - k <= 4 && s < k && s > 0 && (text[s - 1] == UInt8(ascii: "-") || text[s - 1] == UInt8(ascii: ",")
                || (s > 2 && text[s - 3] == 0xE2 && text[s - 2] == 0x80 && text[s - 1] == 0x93)) {
                return true
            }
            guard let (word, broken) = previousWord(before: k), !broken else { return false }
            return PersonNameLexicon.numberPlaceWords.contains(key(word))
        }

        /// The word that ends nearest before `offset` (within 60 bytes), and whether anything
        /// but spaces lies between.
        func previousWord(before offset: Int) -> (word: Word, broken: Bool)? {
            let limit = max(0, offset - 60)
            var j = min(offset, text.count)
            var broken = false
            while j > limit {
                let (letter, space, s) = charBefore(j)
                if letter { break }
                if !space { broken = true }
                j = s
            }
            guard j > limit else { return nil }
            var k = j
            while k > limit {
                let (letter, _, s) = charBefore(k)
                if !letter { break }
                k = s
            }
            if k == limit && k > 0 && charBefore(k).letter { return nil }
            return (Word(start: k, end: j, capitalised: isCapital(at: k, in: text), brokenBefore: true), broken)
        }

        /// The character that ends at `j`: a letter, a space, and where it starts.
        func charBefore(_ j: Int) -> (letter: Bool, space: Bool, start: Int) {
            var s = j - 1
            while s > 0 && UTF8Classes.isContinuation(text[s]) && j - s < 4 { s -= 1 }
            let b = text[s]
            if b < 0x80 { return (isLetterASCII(b), b == 0x20 || b == 0x09, s) }
            let (kind, _) = nonASCII(at: s, in: text)
            return (kind == .letter, kind == .space, s)
        }

        func key(_ w: Word) -> Key { NameKey.of(text, w.start, w.end) }

        // MARK: Reading a run of capitalised words

        mutating func process() {
            let before = found.count
            processRun()
            if found.count == before && (!givenSingles.isEmpty || !givenPairs.isEmpty) { shortReference() }
        }

        /// "Nhớ ngày Thảo Nhi rụt rè…", "…bằng mật khẩu mà Đạt tự đặt": the given name of a person
        /// named in full earlier, standing alone. Not a sentence's first word ("Mai mình gửi"),
        /// not after a place word ("miền Nam"), and not the words that are mostly something else.
        mutating func shortReference() {
            let count = run.count
            guard count <= 3 else { return }
            // One word after punctuation is a sentence's first word; at a line's start it may be
            // the person the post named in full ("…Triệu Thị Phương Thảo (22 tuổi)…\nThảo có thai…").
            let opensLine = run[0].brokenBefore && count == 1 && startsLine(run[0].start)
            if run[0].brokenBefore && count == 1 && !opensLine { return }
            if run[0].brokenBefore && (followsHouseNumber(run[0].start) || abbreviation(before: run[0].start) != nil) { return }
            // A pair of given names ("Thảo Nhi") may open the run; one given name stands alone, or
            // after a sentence's first word; not inside a longer name ("pháp danh Quảng Trí").
            let broken = run[0].brokenBefore
            guard count <= 2 || (count == 3 && broken) else { return }
            // Every reference ends with a remembered last word.
            guard let lastKey = key(run[count - 1]), mayBeGiven(lastKey.key) else { return }
            if !run[0].brokenBefore, let p = previousWord(before: run[0].start)?.word, let pk = key(p) {
                // Typed without marks, "cho" is more often "give" than "chợ": only plain place words count.
                if pk.plain ? PersonNameLexicon.plainPlaceWords.contains(pk) : PersonNameLexicon.placeWords.contains(pk) { return }
            }
            // "VAN TAI 68": capitals are a sign or a heading, not the person named before.
            if isAllCaps(run[count - 1], in: text) { return }
            keys.removeAll(keepingCapacity: true)
            for w in run { keys.append(key(w)) }
            guard run.allSatisfy({ standsAlone($0) }) else { return }
            func pair(_ pos: Int) -> Bool {
                guard pos + 1 < count, let k = keys[pos], let k2 = keys[pos + 1] else { return false }
                // Each word as typed: with marks it must match their spelling, without any its letters.
                for p in givenPairs where (k.plain ? p.plain.0 : p.exact.0) == k.key && (k2.plain ? p.plain.1 : p.exact.1) == k2.key {
                    return true
                }
                return false
            }
            func single(_ pos: Int) -> Bool {
                guard let k = keys[pos], !PersonNameLexicon.notShortNames.contains(k) else { return false }
                return givenSingles.contains { k.plain ? $0.plain == k.key : $0.exact == k.key }
            }
            if count >= 2 && pair(count - 2) && (count == 2 || broken) {
                found.append(PersonMention(kind: .addressedName, start: run[count - 2].start, end: run[count - 1].end, cueStart: nil))
            } else if (count == 1 && (!broken || opensLine)) || (count == 2 && broken), single(count - 1),
                      !opensLine || !(PersonNameLexicon.notLineOpeners.contains(keys[0])
                                      || PersonNameLexicon.honorifics.contains(keys[0])) {
                found.append(PersonMention(kind: .addressedName, start: run[count - 1].start, end: run[count - 1].end, cueStart: nil))
            }
        }

        /// A word on its own, not part of a handle, an address or a password ("Dat@shop2024", "datvo.shop").
        func standsAlone(_ w: Word) -> Bool {
            if w.start > 0 {
                let b = text[w.start - 1]
                if b == UInt8(ascii: "@") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: "/")
                    || UTF8Classes.isDigit(b) { return false }
            }
            if w.end < text.count {
                let b = text[w.end]
                if b == UInt8(ascii: "@") || b == UInt8(ascii: "_") || UTF8Classes.isDigit(b) { return false }
                if (b == UInt8(ascii: ".") || b == UInt8(ascii: "/")) && w.end + 1 < text.count
                    && UTF8Classes.isASCIIAlnum(text[w.end + 1]) { return false }
            }
            return true
        }

        /// The key of run word `i` typed without marks ("Đạt" → "dat").
        func plainKey(_ i: Int) -> NameKey? {
            let w = run[i]
            let folded = VietnameseFolding.foldedASCII(text, w.start..<w.end)
            return folded.withUnsafeBufferPointer { NameKey.of($0, 0, $0.count)?.key }
        }

        /// Remembers the given names of a full name just found; the oldest are forgotten first.
        mutating func rememberGivenNames(from: Int, to: Int) {
            guard to - from >= 2, let last = keys[to - 1], let lastPlain = plainKey(to - 1) else { return }
            if !givenSingles.contains(where: { $0.exact == last.key }) {
                if givenSingles.count == Self.maxGiven {
                    givenSingles.removeFirst()
                    givenFilter = (0, 0, 0, 0)
                    for g in givenSingles { addToFilter(g.exact); addToFilter(g.plain) }
                }
                givenSingles.append((last.key, lastPlain))
                addToFilter(last.key)
                addToFilter(lastPlain)
            }
            if to - from >= 3, let first = keys[to - 2], let firstPlain = plainKey(to - 2),
               !PersonNameLexicon.middleNames.contains(keys[to - 2]) {
                if givenPairs.count == Self.maxGiven { givenPairs.removeFirst() }
                givenPairs.append(((first.key, last.key), (firstPlain, lastPlain)))
            }
        }

        mutating func processRun() {
            let count = run.count
            let L = PersonNameLexicon.self
            // One word after punctuation (a sentence's first word): nothing to read, unless
            // "Mr." / "Ms." stands before it.
            if run[0].brokenBefore && count <= 2 && selfNamedInParentheses() { return }
            if count == 1 && run[0].brokenBefore && !afterPersonalAbbreviation(run[0].start) { return }
            if run[0].brokenBefore && followsHouseNumber(run[0].start) { return }
            // "P. Bình Trị Đông B", "TP. Thủ Đức": a place after an abbreviated place word.
            if run[0].brokenBefore && afterPlaceAbbreviation(run[0].start) { return }
            var before: Word? = run[0].brokenBefore ? abbreviation(before: run[0].start) : previousWord(before: run[0].start)?.word
            // Cheap exit: one capitalised word can only be a name after an honorific or a label.
            if count == 1 {
                guard let p = before else { return }
                let pk = key(p)
                guard L.honorifics.contains(pk) || L.shortHonorifics.contains(pk) || L.nameLabels.contains(pk)
                        || L.kinshipTails.contains(pk) else { return }
            }
            var p2: Word?
            if run[0].brokenBefore && before != nil {
                // "Ms. Hòa": the abbreviation is the cue, whatever precedes it.
            } else if let p = before, let (q, broken) = previousWord(before: p.start) {
                before?.brokenBefore = broken
                if !broken { p2 = q }
            }
            keys.removeAll(keepingCapacity: true)
            for w in run { keys.append(key(w)) }
            // Title Case or ALL CAPS headlines: names there must be made of name syllables.
            let allCaps = count >= 4 && run.allSatisfy { isAllCaps($0, in: text) }
            func titleLike(_ from: Int) -> Bool { runOverflow || allCaps || count - from >= 5 }
            var pos = 0
            // Whether the run follows a word that is no cue (checked for a company name on demand).
            var uncued = false

            if let p = before {
                let pk = key(p)
                let p2k = p2.map { key($0) } ?? nil
                uncued = addressCue(p, pk, p2, p2k) == nil
                // "o ban Na Tong" (ở bản…): after "ở", "tại" a plain "ban" is a village.
                let honorificFirst = pk?.plain == true && L.plainHonorificsFirst.contains(pk) && !L.locatives.contains(p2k)
                // "ông xã Lê Hoàng Phúc", "bà xã Thảo": a husband, a wife, not a commune.
                let spouse = L.spousePairs.contains(p2k, pk)
                if (L.placeWords.contains(pk) && !honorificFirst && !spouse) || L.placePairs.contains(p2k, pk) {
                    // A place name follows; a person may only start further on, with a frequent
                    // surname and a full name ("xã Ea Tiêu Nguyễn Văn A").
                    var q = 0
                    while q < count && L.placeQualifiers.contains(keys[q]) { q += 1 }
                    var r = q + 1
                    pos = count
                    while r + 1 < count {
                        if L.frequentSurnames.contains(keys[r])
                            && (L.middleNames.contains(keys[r + 1]) || count - r >= 3) {
                            pos = r
                            break
                        }
                        r += 1
                    }
                } else if L.nameLabels.contains(pk) && count >= 2 && startsFullName(0) {
                    pos = 0  // "tên NGUYỄN HOÀNG PHÚC": the name is read below
                } else if let cue = addressCue(p, pk, p2, p2k) {
                    let e = takeName(from: 0, titleLike: titleLike(0))
                    // "mình là Quang", "e la Thu": after a first-person word, only a name from the lexicon.
                    let selfIntroduced = cue == p2?.start && L.firstPerson.contains(p2k)
                    if e > 0 && !isPlaceName(0, e) && !isAcronym(0, e) && (!selfIntroduced || isLexiconName(0, e)) {
                        emit(.addressedName, from: 0, to: e, cueStart: cue)
                    }
                    pos = max(e, 1)
                }
            }

            while pos < count {
                let k = keys[pos]
                let next: Key = pos + 1 < count ? keys[pos + 1] : nil
                // Typed without marks, "NGO VAN TAI", "Do Thi Kieu Oanh" are names, not "ngõ", "đô thị".
                if (L.placeWordsInRun.contains(k) || L.placePairs.contains(k, next)) && !plainSurname(pos) { return }
                if isPlaceName(pos, count) { return }
                guard pos + 1 < count else { break }
                if startsFullName(pos) {
                    // Inside a company or institution name ("Công ty TNHH Giải pháp Mai Phương"): no person.
                    if uncued && pos == 0 && (inOrganisationName(run[0].start) || afterInstitution(run[0].start)) { return }
                    let e = takeName(from: pos + 1, titleLike: titleLike(pos), limit: compound(pos) ? 4 : 3)
                    // In an unaccented headline two words say little ("GIUP DO BA CU").
                    let weak = titleLike(pos) && e - pos == 2 && keys[pos]?.plain == true && !L.middleNames.contains(keys[pos + 1])
                    if e - pos >= 2 && !weak {
                        emit(.fullName, from: pos, to: e, cueStart: nil)
                        pos = e
                        continue
                    }
                }
                if L.honorifics.contains(k)
                    && !isStop(next, titleLike: false) {
                    let e = takeName(from: pos + 1, titleLike: titleLike(pos))
                    if e > pos + 1 && !isPlaceName(pos + 1, e)
                        && !isAcronym(pos + 1, e) {
                        emit(.addressedName, from: pos + 1, to: e, cueStart: run[pos].start)
                        pos = e
                        continue
                    }
                }
                pos += 1
            }
        }

        /// Whether the words from `pos` (before `end`) open with a place's name ("Hà Nội", "Đồng
        /// Văn"); not when a middle name and a given name follow ("Đồng Văn Khôi" is a person).
        func isPlaceName(_ pos: Int, _ end: Int) -> Bool {
            let L = PersonNameLexicon.self
            let next: Key = pos + 1 < end ? keys[pos + 1] : nil
            guard L.placeNames.contains(keys[pos], next) else { return false }
            return !(pos + 2 < end && L.middleNames.contains(next) && L.givenNames.contains(keys[pos + 2]))
        }

        /// A word of the name is a known given name or surname, or a Central Highlands name
        /// ("Maria Nguyễn Thị Hồng", "H'Bia Niê").
        func isLexiconName(_ from: Int, _ to: Int) -> Bool {
            let L = PersonNameLexicon.self
            for i in from..<to where L.givenNames.contains(keys[i]) || L.surnames.contains(keys[i]) || isApostropheName(i) {
                return true
            }
            return false
        }

        /// Only spaces between the line's start (or the text's) and `offset`.
        func startsLine(_ offset: Int) -> Bool {
            var j = offset
            while j > 0 && (text[j - 1] == 0x20 || text[j - 1] == 0x09) { j -= 1 }
            return j == 0 || text[j - 1] == 0x0A
        }

        /// "Mr. Quân", "Ms. Hòa": a private person's abbreviated honorific before `offset`.
        func afterPersonalAbbreviation(_ offset: Int) -> Bool {
            guard let w = abbreviation(before: offset) else { return false }
            return PersonNameLexicon.personalAbbreviations.contains(key(w))
        }

        /// "liên hệ mình (Hiếu) số 0869…", "hoặc mình (Vy, admin nhóm): 0762…": the writer gives
        /// their given name in parentheses after a first-person word.
        mutating func selfNamedInParentheses() -> Bool {
            let L = PersonNameLexicon.self
            var j = run[0].start
            while j > 0 && text[j - 1] == 0x20 { j -= 1 }
            guard j > 0, text[j - 1] == UInt8(ascii: "(") else { return false }
            var k = run[run.count - 1].end
            while k < text.count && text[k] == 0x20 { k += 1 }
            guard k < text.count, text[k] == UInt8(ascii: ")") || text[k] == UInt8(ascii: ",") else { return false }
            guard let (p, _) = previousWord(before: j - 1), p.end >= j - 3, L.firstPerson.contains(key(p)) else { return false }
            for w in run {
                guard let wk = key(w), L.givenNames.contains(wk), !L.notShortNames.contains(wk), !isAllCaps(w, in: text)
                else { return false }
            }
            keys.removeAll(keepingCapacity: true)
            for w in run { keys.append(key(w)) }
            if isPlaceName(0, run.count) { return false }
            found.append(PersonMention(kind: .addressedName, start: run[0].start, end: run[run.count - 1].end, cueStart: p.start))
            return true
        }

        /// The start of the honorific or kinship cue that `p` ends, if it is one.
        func addressCue(_ p: Word, _ pk: Key, _ p2: Word?, _ p2k: Key) -> Int? {
            let L = PersonNameLexicon.self
            if p2 != nil && L.notCues.contains(p2k, pk) { return nil }
            if L.honorifics.contains(pk) {
                // "dãy trọ cô Hường", "quán chị Lan": a place named after its owner.
                if p2 != nil && L.ownedPlaces.contains(p2k) { return nil }
                // "Trực ban Công an": a writer who types marks ("Trực") means "ban" as spelled, not "bạn".
                if pk?.plain == true && p2k?.plain == false && L.plainHonorificsFirst.contains(pk) { return nil }
                if let p2, L.kinshipHeads.contains(p2k) { return p2.start }
                return p.start
            }
            if !p.capitalised && (L.shortHonorifics.contains(pk) || L.nameLabels.contains(pk)) { return p.start }
            if L.kinshipTails.contains(pk), let p2, L.kinshipHeads.contains(p2k) { return p2.start }
            return nil
        }

        /// Typed without marks, "TRUONG CONG DAT", "DAO MINH NAM", "NGO VAN PHUC" open with a
        /// surname ("Trương", "Đào", "Ngô"), not a place ("trường", "đảo", "ngõ").
        func plainSurname(_ pos: Int) -> Bool {
            let L = PersonNameLexicon.self
            guard pos + 1 < run.count, keys[pos]?.plain == true, L.surnames.contains(keys[pos]) else { return false }
            let next = keys[pos + 1]
            // "Ngo Van Tai", "NGO THI BICH": a middle name settles it.
            if L.middleNames.contains(next) { return true }
            guard L.givenNames.contains(next) else { return false }
            if !L.placeQualifiers.contains(next) { return true }
            // "NGO THANH HUNG" ("thanh" may be "thành phố"): a third name syllable settles it.
            return pos + 2 < run.count && L.givenNames.contains(keys[pos + 2]) && !L.placeQualifiers.contains(keys[pos + 2])
        }

        func compound(_ pos: Int) -> Bool {
            pos + 1 < run.count && PersonNameLexicon.compoundSurnames.contains(keys[pos], keys[pos + 1])
        }

        /// Whether a full name starts at `pos` (a next word exists).
        func startsFullName(_ pos: Int) -> Bool {
            let L = PersonNameLexicon.self
            let k = keys[pos], next = keys[pos + 1]
            if isStop(next, titleLike: false) { return false }
            if L.surnames.contains(k) {
                // "Ông Nguyễn Văn A": the honorific reading wins before a surname;
                // "Chu Van An" (typed without marks, "chu" may be "chú"): the surname wins before Văn/Thị.
                if L.honorifics.contains(k) {
                    if L.surnames.contains(next) { return false }
                    if k?.plain == true && !L.middleNames.contains(next) { return false }
                }
                return true
            }
            if L.givenNamePrefixes.contains(k) { return !L.notAfterY.contains(next) }
            if isApostropheName(pos) { return true }
            // A rare surname before Văn / Thị ("Ka Văn Tuấn"), not an honorific ("Anh Văn" is English).
            return pos + 2 < run.count && L.middleNames.contains(next) && !L.honorifics.contains(k)
                && !isStop(k, titleLike: false)
        }

        /// One short ALL-CAPS word ("OTP", "BTC", "CEO") is an acronym, not a given name, unless
        /// the cue before it is capitals too ("BÉ NA").
        func isAcronym(_ from: Int, _ to: Int) -> Bool {
            guard to - from == 1 else { return false }
            let w = run[from]
            guard w.end - w.start <= 4, isAllCaps(w, in: text) else { return false }
            return from == 0 || !isAllCaps(run[from - 1], in: text)
        }

        func isApostropheName(_ pos: Int) -> Bool {
            let w = run[pos]
            guard w.end - w.start >= 3, w.start + 1 < text.count else { return false }
            return text[w.start + 1] == 0x27 || text[w.start + 1] == 0xE2
        }

        /// A word that ends a name. Typed without marks, a word that may be a name syllable
        /// ("Van" is "Văn" as well as "vẫn", "Thi" is "Thị" as well as "thì") or a single letter
        /// ("Nguyễn Văn A") is not one.
        func isStop(_ k: Key, titleLike: Bool) -> Bool {
            let L = PersonNameLexicon.self
            guard let k, L.stopWords.contains(k) else { return false }
            if k.plain && (k.key.count == 1 || L.givenNames.contains(k) || L.middleNames.contains(k)) { return false }
            return titleLike || !L.nameLikeStopWords.contains(k)
        }

        /// The end (exclusive run index) of the given names starting at `from`.
        func takeName(from: Int, titleLike: Bool, limit: Int = 4) -> Int {
            let L = PersonNameLexicon.self
            var j = from
            let first = from
            while j < run.count && j - first < limit {
                let k = keys[j]
                if isStop(k, titleLike: titleLike) { break }
                if L.placeWordsInRun.contains(k) && !L.givenNames.contains(k) { break }
                if titleLike && !L.givenNames.contains(k) && !isApostropheName(j) && (k?.key.count ?? 0) > 1 { break }
                j += 1
            }
            return j
        }

        mutating func emit(_ kind: PersonMention.Kind, from: Int, to: Int, cueStart: Int?) {
            let L = PersonNameLexicon.self
            let full = to - from >= 2 && (L.surnames.contains(keys[from]) || L.givenNamePrefixes.contains(keys[from])
                                          || isApostropheName(from) || L.middleNames.contains(keys[from + 1]))
            // "khu Hào Nam – Tôn Đức Thắng", "trường Lê Quý Đôn": a figure streets and schools are named after.
            if full && cueStart == nil && HistoricalFigures.contains(text, run[from].start..<run[to - 1].end) { return }
            var m = PersonMention(kind: kind, start: run[from].start, end: run[to - 1].end, cueStart: cueStart)
            m.isFullName = full
            if full { rememberGivenNames(from: from, to: to) }
            // "Chị Ngọc Lan – Trưởng phòng Nhân sự – 0274…", "Trưởng phòng kinh doanh – chị Vy: 09…":
            // someone to be reached, not an office in the news.
            let familiar = cueStart.map { L.familiarHonorifics.contains(NameKey.of(text, $0, wordEnd(from: $0, in: text))) } ?? false
            m.hasTitle = !familiar && (titled(before: cueStart == nil ? from : from - 1) || titled(after: m.end))
            found.append(m)
        }

        /// A title among the few words before run index `pos` (the run's own words, then history),
        /// in the name's own line and clause: "Chủ tịch UBND tỉnh Nguyễn Văn An", "Giám đốc Sở Y
        /// tế, ông Nguyễn Văn B" (only the honorific between the comma and the name), but not
        /// "Kính gửi luật sư, tôi là Phùng Văn Lợi" nor a heading on the line above. A familiar
        /// honorific before the title makes it a role, not an office: "cô chủ nhiệm Thanh Tâm".
        func titled(before pos: Int) -> Bool {
            let L = PersonNameLexicon.self
            let upto = max(0, pos)
            var words = Array(run[max(0, upto - 7)..<upto])
            if words.count < 7 { words = self.words(before: (words.first ?? run[upto]).start, count: 7 - words.count) + words }
            // What lies between each word and the next one read (the name first).
            var laterStart = run[upto].start
            var laterBroken = run[upto].brokenBefore
            var onlyCues = true
            var index = words.count - 1
            while index >= 0 {
                let w = words[index]
                if lineBreak(w.end, laterStart) { return false }
                let k = key(w)
                if laterBroken && !onlyCues {
                    // "ThS. tâm lý Trần Bảo Ngọc": an abbreviated title's full stop is no clause break.
                    return w.end < text.count && text[w.end] == 0x2E && L.abbreviations.contains(k) && L.titleWords.contains(k)
                }
                if L.titleWords.contains(k) || (k?.plain == false && L.markedTitleWords.contains(k)) { return true }
                if index > 0 && !w.brokenBefore && L.titlePairs.contains(key(words[index - 1]), k) {
                    if index > 1 && !words[index - 1].brokenBefore && L.familiarHonorifics.contains(key(words[index - 2])) {
                        return false
                    }
                    return true
                }
                if !L.honorifics.contains(k) { onlyCues = false }
                laterStart = w.start
                laterBroken = w.brokenBefore
                index -= 1
            }
            return false
        }

        func lineBreak(_ from: Int, _ to: Int) -> Bool {
            var i = max(0, from)
            while i < min(to, text.count) {
                if text[i] == 0x0A { return true }
                i += 1
            }
            return false
        }

        /// ", Chủ tịch UBND…", " – Giám đốc…", " (bác sĩ…)" right after the name.
        func titled(after end: Int) -> Bool {
            var i = end
            let n = text.count
            while i < n && text[i] == 0x20 { i += 1 }
            guard i < n else { return false }
            if text[i] == UInt8(ascii: ",") || text[i] == UInt8(ascii: "(") || text[i] == UInt8(ascii: "-") {
                i += 1
            } else if text[i] == 0xE2 && i + 2 < n && text[i + 1] == 0x80 && (text[i + 2] == 0x93 || text[i + 2] == 0x94) {
                i += 3
            } else {
                return false
            }
            var words: [Key] = []
            while words.count < 2 && i < n {
                while i < n && text[i] == 0x20 { i += 1 }
                guard i < n else { break }
                let b = text[i]
                let startsLetter: Bool
                if b < 0x80 { startsLetter = isLetterASCII(b) } else {
                    startsLetter = nonASCII(at: i, in: text).0 == .letter
                }
                guard startsLetter else { break }
                let e = wordEnd(from: i, in: text)
                guard e > i else { break }
                words.append(NameKey.of(text, i, e))
                i = e
            }
            let L = PersonNameLexicon.self
            guard let first = words.first else { return false }
            if L.titleWords.contains(first) { return true }
            return words.count == 2 && L.titlePairs.contains(first, words[1])
        }
    }
}
