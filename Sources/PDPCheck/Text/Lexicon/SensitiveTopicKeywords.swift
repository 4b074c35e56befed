/// Keywords of the sensitive categories of Decree 356 Art. 4 (reference/vn-personal-data.md
/// §4.4), folded. A keyword alone is never a finding: the sensitive-topic detector reports
/// it only when the text ties it to an identifiable person.
enum SensitiveTopicKeywords {
    static let entries: [LexiconEntry] = health + criminal + religion + politics + ethnicity + sexuality + privateLife

    static let health: [LexiconEntry] = [
        "benh an", "ho so benh an", "chan doan", "nhap vien", "cap cuu", "dieu tri", "xet nghiem",
        "duong tinh", "nhiem hiv", "hiv", "hiv aids", "aids", "ung thu", "ung thu mau", "hoa tri", "xa tri",
        "tram cam", "roi loan lo au", "tam than", "benh tam than", "tu ky", "mang thai", "co bau", "pha thai",
        "say thai", "vo sinh", "hiem muon", "giang mai", "benh lau", "viem gan b", "tieu duong", "tien su benh",
        "khuyet tat", "tu tu", "dot quy", "suy than", "chay than", "chay than nhan tao", "ghep tang", "ghep than",
        "u nao", "bach cau", "benh tim", "mo tim", "phau thuat", "liet nua nguoi", "tai bien", "benh hiem ngheo",
        "lao phoi", "dong kinh", "benh nhan",
    ].map { LexiconEntry($0, .health) } + [
        LexiconEntry("benh vien", .health, weight: 0.4), LexiconEntry("benh", .health, weight: 0.3),
        LexiconEntry("om", .health, weight: 0.3), LexiconEntry("thuoc", .health, weight: 0.2),
    ]

    static let criminal: [LexiconEntry] = [
        "tien an", "tien su", "ly lich tu phap", "bi can", "bi cao", "pham nhan", "can pham", "an tu", "tu giam",
        "di tu", "ra tu", "trai giam", "tam giam", "khoi to", "bi bat", "truy na", "ket an", "ban an",
        "phat hanh chinh", "bien ban vi pham", "cai nghien", "nghien ma tuy", "ma tuy", "lua dao chiem doat",
        "tam giu", "di cai", "an treo",
    ].map { LexiconEntry($0, .criminal) }

    static let religion: [LexiconEntry] = [
        "ton giao", "tin nguong", "theo dao", "dao phat", "phat giao", "phat tu", "quy y", "xuat gia", "cong giao",
        "thien chua giao", "tin lanh", "hoi giao", "cao dai", "hoa hao", "ba la mon", "di le", "giao xu",
        "linh muc", "vo than", "bo dao", "theo dao thien chua", "con chien",
    ].map { LexiconEntry($0, .religion) } + [LexiconEntry("nha tho", .religion, weight: 0.4),
                                            LexiconEntry("chua", .religion, weight: 0.2)]

    static let politics: [LexiconEntry] = [
        "quan diem chinh tri", "chinh kien", "bat dong chinh kien", "dang vien", "ket nap dang", "vao dang",
        "dang phai", "phan dong", "bieu tinh", "ung cu", "to chuc chinh tri", "khuynh huong chinh tri",
        "ung ho dang", "nha hoat dong dan chu",
    ].map { LexiconEntry($0, .politics) }

    static let ethnicity: [LexiconEntry] = [
        "dan toc thieu so", "sac toc", "chung toc", "nguoi kinh", "nguoi hoa", "nguoi tay", "nguoi thai",
        "nguoi muong", "nguoi khmer", "nguoi mong", "nguoi h mong", "nguoi hmong", "nguoi nung", "nguoi dao",
        "nguoi gia rai", "nguoi jrai", "nguoi e de", "nguoi ba na", "nguoi cham", "nguoi xo dang", "con lai",
        "goc hoa", "dan toc",
    ].map { LexiconEntry($0, .ethnicity) }

    static let sexuality: [LexiconEntry] = [
        "xu huong tinh duc", "xu huong tinh duc", "dong tinh", "dong tinh nam", "dong tinh nu", "gay", "les",
        "lesbian", "song tinh", "bisexual", "chuyen gioi", "nguoi chuyen gioi", "lgbt", "lgbtq", "ban dang gioi",
        "cong khai gioi tinh", "come out", "doi song tinh duc", "quan he tinh duc", "be de",
    ].map { LexiconEntry($0, .sexuality) }

    static let privateLife: [LexiconEntry] = [
        "bi mat", "doi tu", "chuyen rieng", "boc phot", "phot", "lo clip", "clip nong", "anh nong",
        "tin nhan rieng", "chup man hinh tin nhan", "ngoai tinh", "no nan", "vo no", "ly hon", "ly di",
        "con rieng", "cam sung", "giat chong", "tieu tam", "no xau",
    ].map { LexiconEntry($0, .privateLife) }
}
