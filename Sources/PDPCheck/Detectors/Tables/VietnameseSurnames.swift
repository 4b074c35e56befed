/// Vietnamese surnames (reference/vn-personal-data.md §5), lowercase with diacritics, plus
/// Central Highlands family names. Compared with diacritics where the text has them, so
/// "Hỗ trợ" is not "Hồ", and folded for text typed without them.
enum VietnameseSurnames {
    static let withDiacritics: Set<String> = [
        "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
        "dương", "lý", "trương", "đinh", "đoàn", "đào", "trịnh", "hà", "mai", "lương", "cao", "phùng", "lưu",
        "lâm", "tạ", "chu", "vương", "thái", "quách", "triệu", "tô", "kiều", "nông", "châu", "lại", "đàm", "la",
        "ma", "hứa", "tăng", "tống", "bạch", "khuất", "đồng", "giang", "nghiêm", "lữ", "lư", "từ", "vi", "diệp",
        "phí", "điêu", "cấn", "lò", "tôn", "lục", "hồng", "chung", "xa", "du", "kim", "phương", "thạch", "thân",
        "trang", "đậu", "liêu", "âu", "ninh", "quan", "sầm", "mạc", "tiêu", "khổng", "lăng", "khúc", "khương",
        "ung", "ông", "văn", "lưu", "mẫn", "doãn", "hầu", "quang", "thiều", "tôn thất", "nguyễn phúc",
        // Central Highlands and other minority family names.
        "ksor", "siu", "nay", "rmah", "kpă", "rơ", "rcom", "niê", "mlô", "êban", "h'", "y", "đinh", "hoàng thị",
    ]

    /// Folded forms, for text typed without diacritics. Short forms that are also common
    /// words ("le", "do", "ho", "ma") still need the capitalised-name rule around them.
    static let folded: Set<String> = Set(withDiacritics.map { word in
        String(decoding: Array(word.utf8).withUnsafeBufferPointer {
            VietnameseFolding.foldedASCII($0, 0..<$0.count)
        }, as: UTF8.self)
    })
}
