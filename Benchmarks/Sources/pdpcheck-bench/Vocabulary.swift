/// Word material for the synthetic Vietnamese posts. All literals are NFC (precomposed).
/// The mix of topics (selling, food reviews, renting, lost-and-found, daily life) follows what
/// group admins actually screen; none of it contains digits, so every number in the generated
/// text comes from the item generators and is counted.
enum Vocabulary {
    /// Sentence openers, already capitalised.
    static let openers: [String] = [
        "Hôm nay", "Mình", "Shop", "Các bạn", "Em", "Chị", "Anh", "Mọi người", "Sáng nay", "Tối qua",
        "Cả nhà", "Quán", "Ai", "Bên mình", "Nhà em", "Tuần này", "Cuối tuần", "Thật sự", "Nói chung",
        "Ad", "Bạn nào", "Trời ơi", "Chiều nay", "Hôm qua", "Cho mình hỏi", "Cần", "Tìm", "Pass lại",
        "Xin phép admin", "Chúc mọi người", "Tháng này", "Năm nay", "Đợt này", "Lần đầu", "Riêng",
        "Khách", "Mấy chị em", "Nhóm mình", "Sau khi", "Trước đây",
    ]

    /// Short phrases joined into sentences.
    static let phrases: [String] = [
        "đi ăn phở ở quán quen", "vị nước dùng đậm đà", "giá cả rất hợp lý", "nhân viên phục vụ nhiệt tình",
        "không gian thoáng mát sạch sẽ", "mình sẽ quay lại lần nữa", "hàng về đủ màu đủ size",
        "chất vải mềm mịn mặc rất mát", "giao hàng toàn quốc", "được kiểm tra hàng trước khi nhận",
        "bao đổi trả trong bảy ngày", "số lượng có hạn", "ai cần thì nhắn tin cho mình",
        "phòng trọ mới xây gần trường đại học", "có chỗ để xe rộng rãi", "giờ giấc tự do không chung chủ",
        "điện nước tính theo giá nhà nước", "cần tìm bạn nữ ở ghép", "mình bị mất ví trên đường về nhà",
        "trong ví có giấy tờ tùy thân", "ai nhặt được xin liên hệ giúp", "mình xin hậu tạ",
        "thời tiết hôm nay đẹp quá", "cả nhà cùng đi dã ngoại", "con gái mình rất thích",
        "bánh mì nóng giòn vừa ra lò", "cà phê sữa đá đúng vị Sài Gòn", "trà sữa trân châu đường đen",
        "bún chả Hà Nội chuẩn vị", "cơm tấm sườn bì chả", "lẩu thái chua cay", "bánh xèo miền Tây",
        "tuyển nhân viên bán hàng", "lương thưởng hấp dẫn", "làm việc theo ca linh hoạt",
        "ưu tiên sinh viên", "không cần kinh nghiệm", "được đào tạo từ đầu", "môi trường trẻ trung năng động",
        "xe máy chính chủ đi giữ gìn", "máy móc nguyên bản chưa bung", "giấy tờ đầy đủ", "bao sang tên",
        "nhà mình ở gần chợ Bến Thành", "đường vào hẻm xe hơi", "khu dân cư an ninh", "gần bệnh viện và trường học",
        "ship tận nơi trong nội thành", "miễn phí vận chuyển cho đơn lớn", "hàng chính hãng có bảo hành",
        "mọi người ủng hộ mình nhé", "cảm ơn cả nhà đã đọc bài", "chúc mọi người một ngày vui vẻ",
        "tâm sự một chút", "chuyện là thế này", "mình thấy rất bức xúc", "không biết có ai giống mình không",
        "đi du lịch Đà Lạt", "săn mây ở Tà Xùa", "biển Nha Trang xanh ngắt", "phố cổ Hội An về đêm",
        "khách sạn sạch sẽ view đẹp", "đặt phòng trước cho chắc", "đồ ăn ngon mà rẻ",
        "mỹ phẩm xách tay từ Hàn Quốc", "son môi màu đỏ cam", "kem chống nắng dùng hằng ngày",
        "sữa rửa mặt dịu nhẹ", "da mình hợp lắm", "cho bé ăn dặm", "bỉm sữa giá tốt",
        "đồ chơi an toàn cho trẻ nhỏ", "học tiếng Anh online", "lớp học nhỏ tối đa mười bạn",
        "giáo viên bản ngữ", "học thử miễn phí", "đăng ký sớm được giảm giá", "nhận sửa điện nước tại nhà",
        "thợ có tay nghề lâu năm", "có mặt nhanh chóng", "báo giá trước khi làm",
        "cho thuê căn hộ đầy đủ nội thất", "có ban công thoáng", "thang máy bảo vệ hai bốn trên bảy",
        "mình đang cần gấp", "giá thương lượng", "ưu tiên người thiện chí", "miễn trung gian",
        "nhận order hàng Nhật", "hàng có sẵn giao ngay", "đặt cọc trước một nửa", "thanh toán khi nhận hàng",
        "mình vừa chuyển nhà", "đồ dùng còn mới", "thanh lý giá rẻ", "tủ lạnh máy giặt bàn ghế",
        "cún con đáng yêu cần tìm chủ mới", "đã tiêm phòng đầy đủ", "ngoan và quấn người",
        "tìm người thân thất lạc", "nhà mình mong tin từng ngày", "ai biết thông tin xin báo giúp",
        "review thật không quảng cáo", "đánh giá năm sao", "sẽ giới thiệu cho bạn bè",
        "nhân dịp khai trương", "giảm giá toàn bộ sản phẩm", "tặng kèm quà xinh", "chương trình áp dụng đến hết tháng",
        "xin cảm ơn", "rất mong được hợp tác", "mọi thắc mắc vui lòng inbox", "trả lời nhanh trong ngày",
        "đặt lịch trước để không phải chờ", "spa chăm sóc da mặt", "cắt tóc gội đầu dưỡng sinh",
        "gym gần nhà có huấn luyện viên", "tập yoga buổi sáng", "chạy bộ quanh hồ Tây",
        "quê mình ở Nghệ An", "về quê ăn Tết", "bà ngoại nấu ăn ngon nhất", "mùa lúa chín vàng",
        "mưa to ngập hết đường", "kẹt xe cả tiếng đồng hồ", "đi làm về mệt nhưng vui",
        "sinh nhật con trai", "tổ chức tiệc nhỏ ở nhà", "bánh kem tự làm",
        "hàng ship COD", "ok nha", "check inbox nhé", "size từ S đến XL", "freeship nội thành",
        "deal hời cho khách quen", "live stream tối nay", "sale sập sàn", "feedback của khách",
    ]

    static let connectors: [String] = [" ", ", ", ", ", " và ", " nhưng ", " nên ", ", mà ", " rồi "]

    static let sentenceEnds: [String] = [". ", ". ", ". ", "! ", "!! ", "... ", "? ", " nha. ", " nhé! ", " ạ. "]

    static let emoji: [String] = [
        "😍", "🔥", "👉", "📞", "✨", "❤️", "🥰", "😂", "🙏", "💯", "🎉", "👍", "🌸", "☕", "🍜",
        "🛵", "🏠", "📦", "💥", "⭐", "😭", "🤣", "👩‍👧", "🇻🇳", "💬", "📍", "⏰", "🛒", "🎁", "😊",
    ]

    static let hashtags: [String] = [
        "#review", "#hanoi", "#saigon", "#sale", "#freeship", "#phongtro", "#tuyendung", "#anngon",
        "#dulich", "#dalat", "#muasam", "#thanhly", "#timdo", "#camon", "#reviewanuong", "#xuhuong",
        "#mỹphẩm", "#ănvặt", "#giảmgiá", "#cầnbán", "#tìmngười", "#đồcũ", "#trọtốt", "#fyp",
    ]

    static let names: [String] = [
        "Nguyễn Văn An", "Trần Thị Bích", "Lê Hoàng Nam", "Phạm Thu Hà", "Hoàng Minh Tuấn", "Vũ Thị Lan",
        "Đặng Quốc Bảo", "Bùi Ngọc Ánh", "Đỗ Thanh Tùng", "Hồ Thị Mai", "Ngô Đức Thắng", "Dương Thị Hằng",
    ]

    /// List markers at the start of a line (keycap emoji carry an ASCII digit, so they are not used).
    static let bullets: [String] = ["👉 ", "✅ ", "- ", "• ", "🔸 ", "📌 ", "➡️ "]

    /// Personal ID province codes (Circular 07/2016/TT-BCA, Appendix 1).
    static let provinceCodes: [String] = [
        "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022",
        "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042",
        "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066",
        "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087",
        "089", "091", "092", "093", "094", "095", "096",
    ]

    /// Fixed-line area codes without the trunk 0 (libphonenumber geocoding/vi/84.txt).
    static let areaCodes: [String] = [
        "24", "28", "24", "28", "24", "28",  // the two big cities, weighted up
        "203", "204", "205", "206", "207", "208", "209", "210", "211", "212", "213", "214", "215", "216",
        "218", "219", "220", "221", "222", "225", "226", "227", "228", "229", "232", "233", "234", "235",
        "236", "237", "238", "239", "251", "252", "254", "255", "256", "257", "258", "259", "260", "261",
        "262", "263", "269", "270", "271", "272", "273", "274", "275", "276", "277", "290", "291", "292",
        "293", "294", "296", "297", "299",
    ]

    /// Two-digit mobile prefixes of the national significant number (libphonenumber VN mobile).
    /// "52" and "89" are narrowed by the third digit in `ItemGenerator`.
    static let mobilePrefixes: [String] = [
        "32", "33", "34", "35", "36", "37", "38", "39",
        "70", "76", "77", "78", "79",
        "81", "82", "83", "84", "85", "86", "87", "88", "89",
        "90", "91", "92", "93", "94", "96", "97", "98",
        "52", "56", "58", "59",
        // the busiest prefixes again, so the mix looks like real posts
        "90", "91", "93", "96", "97", "98", "98", "86", "88", "39", "35", "77",
    ]
}
