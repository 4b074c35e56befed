/// Vietnamese surnames (reference/vn-personal-data.md §5), lowercase NFC with diacritics.
/// The person-mention scanner compares them as `NameKey`s, tone marks included, where the text
/// has diacritics ("Hỗ trợ" is not "Hồ"), and folded for text typed without them ("Nguyen").
enum VietnameseSurnames {
    /// The most frequent surnames (about 90 % of the population). After a place word a name
    /// starting with one of these may still begin a person ("xã Ea Tiêu Nguyễn Văn A").
    static let frequent: [String] = [
        "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
        "dương", "lý",
    ]

    /// The next ~70 by rank (toanluu/vietname sample, §5).
    static let others: [String] = [
        "trương", "đinh", "đoàn", "đào", "trịnh", "hà", "mai", "lương", "cao", "phùng", "lưu", "lâm", "tạ",
        "chu", "vương", "thái", "quách", "triệu", "tô", "kiều", "nông", "châu", "lại", "đàm", "la", "ma", "hứa",
        "tăng", "tống", "bạch", "khuất", "đồng", "giang", "nghiêm", "lữ", "lư", "từ", "vi", "diệp", "phí",
        "điêu", "cấn", "lò", "tôn", "lục", "hồng", "chung", "xa", "du", "kim", "phương", "thạch", "thân",
        "trang", "đậu", "liêu", "âu", "ninh", "quan", "sầm", "mạc", "tiêu", "khổng", "lăng", "khúc", "khương",
        "ung", "mẫn", "doãn", "hầu", "thiều", "quang", "viên", "danh", "yên", "hàn", "lã", "nhan", "giáp", "âu dương",
        "kha", "thào",
    ]

    /// Central Highlands and other minority family names (Ê Đê, Gia Rai, Ba Na, Thái, Mường…).
    /// Written before the given name ("Ksor H'Ni", "Rơ Châm Tuấn") or after it ("H'Hen Niê").
    static let highlands: [String] = [
        "ksor", "ksơr", "siu", "nay", "rmah", "rơ mah", "kpă", "kpa", "rơ", "rơ châm", "rcom", "rơ ô", "niê",
        "mlô", "êban", "ayun", "bya", "byă", "hđơk", "êñuôl", "ênuôl", "kbuôr", "adrơng", "hwing", "knul", "ktla",
        "mdrang", "êya", "rahlan", "puih", "kpuih", "rah lan", "alio", "hmok", "mlô duôn du",
        "bdap", "liêng", "cil", "kơ sa", "lường", "lò", "quàng", "cầm", "tòng", "hoàng", "bế",
        // Hmông family names ("Vàng Thị Dua", "Giàng A Páo", "Sùng Mí Vừ").
        "vàng", "giàng", "sùng", "lầu", "chảo", "vừ",
    ]

    /// Words that open a minority name without being a surname: "Y" (Ê Đê men: "Y Moan"),
    /// and the apostrophe prefixes "H'" (Ê Đê women: "H'Hen"), "K'" (Cơ Ho: "K'Brơi").
    static let givenNamePrefixes: [String] = ["y"]
}

/// Given and middle names, lowercase NFC. Only consulted where capitals say little: in Title
/// Case or ALL-CAPS headlines ("KÊU GỌI GIÚP ĐỠ BÉ GIA HÂN"), a name's words must be names.
enum VietnameseGivenNames {
    static let all: [String] = [
        "an", "anh", "ánh", "ân", "ẩn", "bá", "bách", "bạch", "bảo", "bằng", "bé", "bích", "biên", "bình", "bội",
        "ca", "cát", "cảnh", "cao", "châu", "chi", "chí", "chiến", "chinh", "chính", "chung", "công", "cúc",
        "cương", "cường", "dạ", "danh", "diễm", "diệp", "diệu", "doanh", "du", "dung", "dũng", "duy", "duyên",
        "dương", "đại", "đan", "đạo", "đạt", "điệp", "định", "đình", "đoan", "đông", "đồng", "đức", "gấm", "gia",
        "giang", "giao", "hà", "hạ", "hải", "hân", "hạnh", "hào", "hảo", "hậu", "hiền", "hiển", "hiếu", "hiệp",
        "hòa", "hoà", "hoa", "hoài", "hoan", "hoàn", "hoàng", "hồng", "huân", "huệ", "hùng", "hưng", "hương",
        "hường", "hữu", "huy", "huyền", "khải", "khang", "khánh", "khanh", "khiêm", "khoa", "khôi", "khuê",
        "kiên", "kiệt", "kiều", "kim", "kỳ", "lam", "lâm", "lan", "lành", "lệ", "liên", "liễu", "linh", "loan",
        "lộc", "lợi", "long", "luân", "lực", "ly", "lý", "mai", "mạnh", "mẫn", "minh", "mơ", "my", "mỹ", "nam",
        "nga", "ngà", "ngân", "nghĩa", "ngọc", "nguyên", "nguyệt", "nhã", "nhàn", "nhân", "nhật", "nhi", "nhiên",
        "như", "nhung", "ninh", "nữ", "oanh", "phát", "phong", "phú", "phúc", "phụng", "phước", "phương",
        "phượng", "quân", "quang", "quế", "quốc", "quý", "quyên", "quyết", "quỳnh", "sang", "sáng", "sơn", "sương",
        "tài", "tâm", "tân", "tấn", "thạch", "thái", "thắm", "thắng", "thanh", "thành", "thảo", "thị", "thiên",
        "thiện", "thịnh", "tho", "thoa", "thọ", "thông", "thu", "thư", "thuận", "thục", "thùy", "thúy", "thủy",
        "thụy", "thy", "tiên", "tiến", "tín", "tình", "toàn", "toản", "trà", "trâm", "trân", "trang", "trí",
        "triết", "triều", "trinh", "trọng", "trúc", "trung", "trường", "tú", "tuấn", "tuệ", "tùng", "tường",
        "tuyền", "tuyết", "uyên", "văn", "vân", "vi", "việt", "vinh", "vĩnh", "vũ", "vy", "xuân", "yên", "yến",
        "ý", "út", "tí", "tèo", "bin", "bông", "na", "su", "bo", "ti",
        "thương", "sen", "hằng", "thơ", "mến", "thoại", "quyền", "khuyên", "lụa", "xuyến", "vỹ", "vĩ", "hiên",
        "nhạn", "luyến", "đào", "lài", "nương",
    ]
}
