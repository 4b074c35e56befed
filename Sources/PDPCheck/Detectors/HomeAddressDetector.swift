import Foundation

/// Addresses of people's homes: after an address word ("địa chỉ", "đ/c", "nhà ở", "thường trú",
/// "ship đến"…) or shaped like a street address (`số 12 ngõ 34 phố Hoàng Hoa Thám`,
/// `123/45/6 đường Lê Văn Sỹ`, `K45/12 Hoàng Diệu`, `thôn 3, xã Ea Kao`, `tổ 5, phường Tân Lập`,
/// `chung cư X, tòa B, phòng 1203`). The span runs from the first element to the last; a line
/// break, a sentence end or a clause that is no address ends it. A province, a ward or a
/// street alone is too coarse to find a home and is not reported. Shops, offices, public places,
/// event venues and property listings near the address lower the confidence below the
/// default threshold, unless a word says it is a home ("nhà riêng", "nhà mình ở", "thường trú").
public struct HomeAddressDetector: TextDetector {
    public init() {}

    public var description: DetectorDescription { Self.about }

    static let about = DetectorDescription(
        id: "vn.address",
        category: .homeAddress,
        ruleIds: ["vn.address"],
        summary: "Home addresses after an address word or shaped like a street address (house number, alley, village, building), precise enough to find a home; shop, office and venue addresses are left out.",
        triggeringExamples: [
            "Địa chỉ: ⟦số 12 ngõ 34 phố Hoàng Hoa Thám, Ba Đình, Hà Nội⟧",
            "Nhà mình ở ⟦12/3 Nguyễn Trãi, Q.5⟧ nha",
            "đ/c: ⟦123/45/6 đường Lê Văn Sỹ, P.14, Q.3⟧",
            "Nhà riêng: ⟦K45/12 Hoàng Diệu, Đà Nẵng⟧",
            "Tôi là Bùi Văn Thắng, sinh năm 1962, ở ⟦tổ 7 phường Quang Trung, Hà Đông⟧.",
            DetectorExample("Ong Tran Van Duc (74 tuoi), nha o ⟦thon 3 xa Hoa Phu⟧, bi xe tai tong", note: "no diacritics"),
            "Thường trú: ⟦ấp Phú Hòa, xã Tân Phú, huyện Châu Thành⟧",
            "Ship đến ⟦chung cư Hoàng Anh, tòa B, phòng 1203⟧ giúp em",
            "Mình thuê ⟦phòng 402 nhà số 17 ngõ 165 Xuân Thủy⟧, giá 4tr2/tháng.",
            "Bé Na nhà ở ⟦xóm 2⟧, gia đình rất khó khăn",
            "Nơi ở hiện tại: ⟦tổ 5, phường Tân Lập, TP. Buôn Ma Thuột⟧\nSĐT: 0905123456",
            "DANH SÁCH TẠM TRÚ – NHÀ TRỌ CÔ BA (⟦hẻm 88 Lê Văn Việt⟧)",
            "Quê quán: ⟦thôn Đông Yên, xã Hòa Tiến, huyện Hòa Vang⟧",
            DetectorExample("gửi về ⟦số 5 ngách 12/8 ngõ 45 Trần Duy Hưng⟧ liên hệ 0912345678", note: "a phone number ends the address"),
            "Nhà em ở ⟦thôn 3, xã Ea Kao⟧ ạ",
            "ĐC: ⟦Số 8, Ngõ 2, Phố Huế, Hai Bà Trưng⟧",
            "Chị Lan trú tại ⟦số 25 kiệt 14 Lê Duẩn, Đà Nẵng⟧",
            DetectorExample("Cô ta ở ⟦số 14 ngõ 180 Nguyễn Lương Bằng, Đống Đa⟧, làm kế toán ở một công ty gần đó",
                            note: "a venue later in the sentence is someone else's"),
            DetectorExample("Shop ơi giao giúp em về nhà mới nhé:\n⟦Số 3 ngách 17/42 ngõ 190 Lê Trọng Tấn, Khương Mai, Thanh Xuân⟧",
                            note: "the home word is on the line before"),
            "Ông đi khỏi nhà ở ⟦số 21 ngõ 4 Kim Giang, Thanh Xuân⟧ từ 6h sáng nay",
            "Nhà em ở ⟦tập thể Kim Liên, nhà B7, phòng 305⟧ nha",
            DetectorExample("Địa chỉ: ⟦số 14 kiệt 72 Ông Ích Khiêm, Hải Châu, Đà Nẵng⟧ (nhà mình ở tầng 1, phòng cho thuê tầng 2)",
                            note: "a room let in the poster's own home"),
            "Nhận hàng: ⟦số 35 hẻm 12 Bàu Cát 2, phường 14, Tân Bình⟧",
            DetectorExample("Ship chiều nay, lấy bánh ở tiệm nhé:\nTên KH | SĐT | Địa chỉ\nThảo Vy | 0912 604 218 | ⟦ngõ 35 ngách 12 Khương Hạ, Thanh Xuân⟧\nMinh Đức | 0866 204 119 | ⟦P.504 nhà B3 tập thể Thành Công⟧",
                            note: "the address column of a table of customers; the shop in the title is not their home"),
            DetectorExample("STT   Họ tên        Chỗ ở hiện nay\n01    Đỗ Bảo Ngọc   ⟦số 7 ngõ 15 Nguyễn Khang⟧", note: "aligned columns"),
            DetectorExample("lay hang o kho nha ban\n1) Ngoc Han - 0903 512 648 - dc ⟦98/14/3 Le Van Sy, P.13, Q.3⟧",
                            note: "a delivery line with a phone: the warehouse in the title is not the customer's"),
            "Bà ở ⟦đội 5, thôn An Lạc, xã Trực Đại⟧ một mình",
            "Quê quán: ⟦khóm 2, phường An Thạnh, TP. Hồng Ngự⟧",
            DetectorExample("HKTT: ⟦thôn Đông, xã Yên Phụ, huyện Yên Phong⟧", note: "hộ khẩu thường trú, abbreviated"),
            DetectorExample("Ship tới ⟦P.1204 tòa A2 chung cư Hòa Bình Green⟧ giúp em", note: "P. with a room number"),
            DetectorExample("tra khach o ⟦xom 2 xa Nam Hong, Nam Truc⟧ (nha chi Loan), con lai tra o ben xe",
                            note: "whose home the line says"),
            DetectorExample("Người nhận: Lan - 0905 123 456 - ⟦12 Lê Lợi, phường Phú Hội, Huế⟧",
                            note: "a bare house number and street before the ward"),
            DetectorExample("HKTT tại: ⟦Khu vực 5, phường Nhơn Phú, Quy Nhơn⟧", note: "khu vực, a ward's subdivision"),
            DetectorExample("[TÌM ĐỒ] Rơi ví ở quán cà phê Gió\nHiện mình ngụ tại ⟦phòng 305, số 18 hẻm 12 Lê Văn Sỹ⟧",
                            note: "\"ngụ tại\" says it is a home, whatever the title says"),
            "Gia đình cư ngụ tại ⟦ấp Bình Hòa, xã Tân Phú⟧",
            DetectorExample("Bệnh nhân Nguyễn Văn Tài, 45 tuổi, trú tại ⟦khu 3, thị trấn Hạ Hòa⟧", note: "khu with its number"),
            DetectorExample("Nhà riêng: ⟦Lô 12, khu dân cư Hòa Xuân, Cẩm Lệ⟧", note: "a plot in a residential area"),
            DetectorExample("XIN GIÚP ĐỠ BÉ AN ĐANG ĐIỀU TRỊ TẠI BỆNH VIỆN NHI\nBé Nguyễn Văn An, 5 tuổi\nĐịa chỉ: ⟦thôn 3, xã Hòa Phú, huyện Hòa Vang⟧",
                            note: "a hospital in the title is where the child is, not whose address this is"),
            DetectorExample("Bé Minh đang nằm viện ở BV Nhi Đồng 2. Nhà bé ở ⟦ấp 4, xã Tân Thạnh, huyện Thạnh Phú⟧.",
                            note: "the hospital is in the sentence before"),
            DetectorExample("Cảm ơn shop đã gửi hàng!\nĐịa chỉ nhận: ⟦số 18 ngõ 2 Hoàng Quốc Việt, Cầu Giấy⟧", note: "a receiving address"),
            DetectorExample("SHOP BỐNG KIDS\nĐơn hôm qua: chị Quỳnh đặt 2 váy, giao về ⟦số 17 hẻm 284 Lê Văn Sỹ, phường 14⟧",
                            note: "\"giao về\" sends to a home, whatever the shop's title"),
            DetectorExample("don ship toi nay, lay hang o shop so 9 Tran Phu\n1) chi Hien 0985 362 170\n⟦so 33 kiet 41 Nguyen Van Thoai, phuong Bac My An⟧",
                            note: "the line above holds the customer's name and phone"),
            DetectorExample("Lễ tang tổ chức tại tư gia ⟦số 9 kiệt 112 Hoàng Diệu, phường Phước Ninh⟧", note: "the family house of a wake"),
            DetectorExample("Nhà chị ở ⟦25 Phan Chu Trinh, phường Hải Châu 1⟧", note: "a bare house number and street after \"ở\""),
            DetectorExample("e ten Hoai, o ⟦ban Na Tong, xa Pac Nam⟧", note: "\"ban\" without marks, before a commune"),
            DetectorExample("Địa chỉ nhận hàng của anh Tùng (0357 802 416):\n⟦số 14 ngách 22/5 ngõ 88 Võ Chí Công, Xuân La⟧",
                            note: "a label line ending in a colon, the address below"),
            DetectorExample("Cháu học lớp 6A trường THCS Nguyễn Trãi, nhà ở ⟦số 22 hẻm 45 Lê Văn Sỹ, phường 13⟧",
                            note: "the school is in the clause before the home word"),
            DetectorExample("Lễ viếng tổ chức tại nhà riêng, ⟦số 15 đường Trần Phú, thị trấn Hương Khê⟧",
                            note: "\"nhà riêng\" is the family's home, whatever event is held there; a comma may follow it"),
            DetectorExample("Nhà bác ở ⟦ngõ 102 Trường Chinh⟧, cổng xanh", note: "\"Trường Chinh\" is a street, not a school"),
            DetectorExample("Nhà em ở ⟦căn 12A08 tòa S2⟧ Vinhomes Grand Park, anh chị ghé chơi", note: "an apartment's code"),
            DetectorExample("SHOP NHÀ MÂY\nCô Tạ Thị Lài – +84 846 503 095\n⟦Số 9, ngách 41/18, ngõ 250 Kim Giang⟧",
                            note: "a +84 number on the line above"),
            DetectorExample("SHOP NHÀ MÂY\nAnh Tôn Thất Bảo – 0845 234 703\nĐ/c: ⟦kiệt 82 Âu Cơ, tổ 14, phường Hải Vân⟧",
                            note: "the line opens with its address label"),
            DetectorExample("ĐC: ⟦số 56 hẻm 3 Trần Phú⟧\n⟦phường Vĩnh Thông, tỉnh An Giang⟧", note: "the ward and province on the next line"),
            DetectorExample("Địa chỉ: ⟦D5-12 khu dân cư Việt Sing, phường An Phú⟧", note: "a plot's code"),
            DetectorExample("Cụ Lan, 0912 345 678.\nAi muốn ghé thăm: từ chợ Hòa Phước chạy vô ⟦đường bê tông cạnh trạm y tế xã chừng 200m, nhà thứ 3 bên trái, cổng sắt xanh⟧.",
                            note: "directions to a house"),
            DetectorExample("Đi qua cổng làng Lạc Chính rẽ trái, ⟦nhà thứ 3 có cổng sắt xanh, sát ao làng⟧", note: "directions after a turn"),
            DetectorExample("Thạch Thị Sa Ry – CCCD 094190007315\n   Quê: ⟦ấp Tà Niên, xã Vĩnh Hải, thị xã Vĩnh Châu, Sóc Trăng⟧", note: "a hometown below the ward"),
        ],
        nonTriggeringExamples: [
            DetectorExample("+ ho chieu so C4829163 ten NGO THI PHUONG LINH, ns 14-05-2002", note: "the surname Ngô typed without marks"),
            DetectorExample("cac co o chua Phuoc Lam (duong Tinh lo 941) moi tuan co dem gao", note: "\"Tinh lo\" is a road, not plot 941"),
            DetectorExample("– Tháng 3/2025 Hà vay em 85.000.000đ", note: "a month and its year, not house 3/2025"),
            DetectorExample("Anh ấy mua căn nhà thứ hai của mình năm 2020", note: "a second house, not directions"),
            DetectorExample("Anh Tuấn quê ở xã Vũ Thư, tỉnh Thái Bình, về quê ăn Tết", note: "a hometown at the commune"),
            DetectorExample("tìm người thân thất lạc, quê mình ở Nghệ An 350.000 VNĐ", note: "a province and a price after \"quê\""),
            DetectorExample("🔥 CHÍNH CHỦ BÁN NHÀ NGỌC HÀ – KHÔNG TIẾP MÔI GIỚI 🔥\n\n🏠 Nhà 4 tầng ngõ 158 Ngọc Hà, phường Ngọc Hà, Hà Nội",
                            note: "a house under a title that sells it"),
            DetectorExample("B2-031   Quan Văn Thịnh", note: "a table's columns, not a plot code before a district"),
            DetectorExample("Nhà mình ở Đà Nẵng, ai gần thì qua chơi", note: "a city is too coarse"),
            DetectorExample("Bé Lê Gia Hân, 6 tuổi, ở xã Ea Tiêu (Đắk Lắk)", note: "a commune alone"),
            DetectorExample("TIỆM CÀ PHÊ GÓC PHỐ TUYỂN GẤP\n📍 Địa chỉ: số 42 Nguyễn Thị Minh Khai, P. Đa Kao\nGhé quán phỏng vấn nha", note: "a shop's address"),
            DetectorExample("Sự kiện diễn ra tại số 12 ngõ 34 phố Hoàng Hoa Thám từ 8h", note: "an event venue"),
            DetectorExample("Đêm qua cả đoàn ngủ ở 35 Hàng Bạc, sáng nay đi Hạ Long", note: "ngủ ở: slept at, not ngụ ở"),
            DetectorExample("Tối qua tụi mình ngủ tại số 12 Trần Phú rồi sáng đi tiếp", note: "ngủ tại, slept at"),
            DetectorExample("Địa điểm tổ chức: Nhà văn hóa tổ 5, phường Tân Lập", note: "an event venue"),
            DetectorExample("Shop ở 45/12 Nguyễn Trãi, Q.5 nhé cả nhà", note: "a shop"),
            DetectorExample("Bé đang điều trị tại BV Nhi Trung ương, phòng 305 giường số 12", note: "a hospital room"),
            "Đề nghị các em mang căn cước đến phòng 204 để đối chiếu",
            "Phường Tân Lập tổ chức ngày hội đại đoàn kết",
            "Đi ăn phở ở phố cổ Hội An rất ngon",
            "Tổ chức sinh nhật cho bạn Lan ở nhà hàng",
            "Em làm rơi ví trên đường Võ Văn Ngân, Thủ Đức",
            "Hạn chót ngày 12/3 Nguyễn Văn A phải nộp",
            "CHO THUÊ CĂN HỘ CHUNG CƯ\n- Tầng 15, căn B-15.08, view sông",
            "Ưu tiên sinh viên, phòng 25m2 ở Hoàng Mai, gần Times City",
            "Quận 3 mưa to ngập đường",
            "BAN NHA HEM XE HOI DUONG PHAN DANG LUU, BINH THANH",
            "Gọi số nhà 024 3942 1234 giờ hành chính",
            "Tổ 5 thắng giải nhất hội thi",
            "Giá 350k, size 42, đổi trả 7 ngày",
            "Công an phường Quang Trung, quận Hà Đông đã tiếp nhận",
            "Văn phòng công ty: tầng 5, tòa nhà Sông Hàn, số 12 Bạch Đằng",
            "https://example.vn/12/3/nguyen-trai",
            DetectorExample("Nhận hàng tại: kho số 7 đường Lê Trung Đình, TP Quảng Ngãi", note: "a warehouse"),
            DetectorExample("Trường Nguyễn Du ở số 5 Lê Lợi, phường 2 tuyển sinh lớp 10", note: "a school named after a person"),
            DetectorExample("Trường Tiểu học Kim Đồng, số 8 ngõ 12 Trần Phú, phường 3", note: "a school's address"),
            "Lễ trao giải tổ chức ở phòng 204 nhà A vào thứ 6",
            DetectorExample("Vụ cháy xảy ra tại nhà số 12 ngõ 34 phố Hàng Bạc. Công an quận cho biết đang điều tra nguyên nhân.",
                            note: "a news report"),
            "Văn phòng: tầng 8, tòa nhà số 36 Hoàng Cầu, Đống Đa",
            "Kiệt sức vì tổ chức 2 ngày liền ở phòng 5",
            "Quê quán: Hoằng Hóa, Thanh Hóa",
            DetectorExample("1️⃣ Nhà ngõ 67 Phùng Khoang, Trung Văn – 38m2 x 4 tầng, giá 6,2 tỷ", note: "a house for sale"),
            DetectorExample("Em bị bỏ rơi trước cổng chùa Từ Hiếu, kiệt 11 Lê Ngô Cát", note: "a pagoda"),
            DetectorExample("Phòng\tHọ tên\tQuê quán\n101\tTrần Quốc Nam\tHuế", note: "a room number and a name are no address"),
            DetectorExample("🎉 CÔNG BỐ 5 BẠN TRÚNG GIẢI MINIGAME", note: "\"BẠN\" is no \"bản\""),
            DetectorExample("6\tNgô Quang Minh\t12/12/2016", note: "\"Ngô\" is no \"ngõ\""),
            DetectorExample("Khai trương chi nhánh mới - 12 Lê Lợi, phường 5, TP Đông Hà", note: "a shop's branch"),
            DetectorExample("Top 10 Hà Nội, quận Hoàn Kiếm có nhiều quán ngon", note: "no separator before the number"),
            DetectorExample("Tuyển nhân viên khu vực Hà Nội, Đà Nẵng", note: "\"khu vực\" without a number is a region"),
            DetectorExample("Khu 2 có 30 hộ dân tham gia ngày hội", note: "\"khu 2\" alone"),
            DetectorExample("BỆNH VIỆN ĐA KHOA TÂM AN THÔNG BÁO LỊCH KHÁM\nĐịa chỉ: số 12 ngõ 5 Lê Lợi, phường Phú Hội", note: "the hospital's own notice"),
            DetectorExample("XIN GIÚP ĐỠ BÉ ĐANG ĐIỀU TRỊ TẠI BỆNH VIỆN NHI\nBé đang nằm ở khoa Thận, số 18/879 La Thành", note: "a hospital ward"),
            DetectorExample("Hội nghị tổ chức tại: 25 Lý Thường Kiệt, phường Cửa Nam", note: "a venue"),
            DetectorExample("Hội thảo diễn ra ở 25 Lý Thường Kiệt, phường Cửa Nam", note: "an event venue after \"ở\""),
            DetectorExample("TIỆM BÁNH MƠ\nHotline đặt bánh: 0905 123 456\nsố 12 ngõ 5 Lê Lợi, phường Phú Hội", note: "a business's contact line above its address"),
            DetectorExample("Cam on ban Lan, xa qua nen chua ghe duoc", note: "\"ban\" is bạn here"),
        ])

    fileprivate enum Role: UInt8 {
        case none
        /// "nhà riêng", "nhà mình ở", "thường trú", "ship đến": a person's home.
        case homeCue
        /// "địa chỉ", "đ/c", "ĐC", "ở tại": an address of anything.
        case neutralCue
        /// "số nhà", "nhà số": the prefix of a house number.
        case housePrefix
        /// An address unit that may open a chain.
        case unit
    }

    fileprivate static let roles: [Role] = TopicLexicon.shared.entries.map { entry in
        switch entry.topic {
        case .addressCue:
            switch entry.keyword {
            // "quê bản Phiêng Lanh, xã Chiềng Mai": a hometown is a home when it reaches below the
            // ward (the chain decides); "về quê", "quê Thái Bình" name none.
            case "dia chi", "d c", "dc", "o tai", "que": return .neutralCue
            case "so nha", "nha so": return .housePrefix
            default: return .homeCue
            }
        case .addressUnit:
            return .unit
        default:
            return .none
        }
    }

    /// "quê" alone, by lexicon entry.
    fileprivate static let hometownCues: Set<Int> = Set(TopicLexicon.shared.entries.indices.filter {
        TopicLexicon.shared.entries[$0].topic == .addressCue && TopicLexicon.shared.entries[$0].keyword == "que"
    })

    /// "ngụ ở", "ngụ tại", "cư ngụ" (to reside) as spelled: folded, they read as "ngủ ở" (slept
    /// at) too. The topics' spelling check rejects a hit whose marks spell other words; typed
    /// without marks, the cue stands.
    fileprivate static let residesSpellings: [Int: SpellingCheck] = {
        let spelled = ["ngu o": "ngụ ở", "ngu tai": "ngụ tại", "cu ngu": "cư ngụ"]
        var out: [Int: SpellingCheck] = [:]
        for (index, entry) in TopicLexicon.shared.entries.enumerated() where entry.topic == .addressCue {
            guard let form = spelled[entry.keyword] else { continue }
            out[index] = SpellingCheck([SensitiveTopicKeywords.Keyword(spelled: form, topic: .addressCue, weight: 1, plainWeight: 1)])
        }
        return out
    }()

    /// "tư gia", "nhà riêng": a family's private house (a wake's, a wedding's).
    fileprivate static let privateHouseCues: Set<Int> = Set(TopicLexicon.shared.entries.indices.filter {
        let entry = TopicLexicon.shared.entries[$0]
        return entry.topic == .addressCue && (entry.keyword == "tu gia" || entry.keyword == "nha rieng")
    })

    /// Words after an address word and before the address: "Địa chỉ nhà em là: …".
    static let leadWords: Set<FoldedKey> = FoldedKey.set([
        "la", "tai", "o", "cua", "minh", "em", "toi", "chi", "anh", "nha", "hien", "nay", "moi", "cu", "nhan",
        "hang", "chinh", "tro", "hien tai", "giup", "den", "ve", "toi", "con", "chau", "ba", "ong", "co", "chu", "bac",
    ])

    public func detect(in context: TextScanContext, into matches: inout [TextMatch]) {
        let text = context.text
        let hits = context.keywordHits
        let roles = Self.roles
        var covered = 0
        var found: [TextMatch] = []
        // The title line: its first 240 characters.
        let firstLineEnd = ProseText.lineEnd(0, in: text, limit: 240)
        let venues = Venues(text: text)
        // The cells of an address column ("Địa chỉ", "Quê quán", "Chỗ ở") of a table; words
        // inside them and in table headers are not read again below.
        let tables = context.tables
        let tableCells = tables.cells(.address, in: text)
        for cell in tableCells {
            if let m = tableAddress(cell, tables: tables, venues: venues, firstLineEnd: firstLineEnd, in: context) {
                found.append(m)
            }
        }
        var nextCell = 0
        // "Địa chỉ nhận: …": a home cue that starts where a neutral one does ("Địa chỉ") decides.
        var homeCueStarts = Set<Int>()
        for hit in hits where hit.entry < roles.count && roles[hit.entry] == .homeCue { homeCueStarts.insert(hit.start) }

        for hit in hits where hit.entry < roles.count && hit.start >= covered {
            let role = roles[hit.entry]
            if role == .none { continue }
            if !tables.blocks.isEmpty {
                while nextCell < tableCells.count && tableCells[nextCell].range.upperBound <= hit.start { nextCell += 1 }
                if nextCell < tableCells.count && tableCells[nextCell].range.lowerBound <= hit.start { continue }
                if tables.isHeader(hit.start) { continue }
            }
            var chain: AddressChain
            var lead: Lead
            switch role {
            case .homeCue, .neutralCue:
                if let spelling = Self.residesSpellings[hit.entry], spelling.weight(of: hit, in: text, base: 1) == nil { continue }
                guard let p = addressStart(after: hit.end, in: text) else { continue }
                // After "quê" only a unit opens the hometown ("quê bản Phiêng Lanh"): "quê mình ở Nghệ
                // An 350.000 VNĐ" holds a province and a price.
                let open = !Self.hometownCues.contains(hit.entry)
                chain = AddressChainParser.parse(from: p, in: text, allowBareNumber: open, allowLeadingName: open)
                // "Địa chỉ nhận hàng của anh Tùng (0357…):" then the address on the next line.
                if !chain.isComplete(cueLed: true), let q = nextLineAfterLabel(hit.end, in: text) {
                    let below = AddressChainParser.parse(from: q, in: text, allowBareNumber: true, allowLeadingName: true)
                    if below.isComplete(cueLed: true) { chain = below }
                }
                lead = role == .homeCue || homeCueStarts.contains(hit.start) ? .home : .neutral
            case .housePrefix:
                chain = AddressChainParser.parse(from: hit.start, in: text, allowBareNumber: false)
                lead = .housePrefix
            case .unit:
                // The folded hit must be the unit word as spelled: "Ngô" is no "ngõ", "BẠN" no "bản".
                guard canOpenChain(after: hit.end, in: text), AddressChainParser.unit(at: hit.start, in: text) != nil,
                      !surnameNotUnit(hit.start..<hit.end, in: text), !countsFloors(before: hit.start, in: text) else {
                    continue
                }
                var start = chainStart(beforeUnit: hit.start, in: text)
                if start == hit.start, let s = streetHouseStart(beforeArea: hit.start, in: text), s >= covered { start = s }
                start = max(covered, start)
                chain = AddressChainParser.parse(from: start, in: text, allowBareNumber: start < hit.start)
                lead = .shape
            default:
                continue
            }
            guard !chain.elements.isEmpty else { continue }
            covered = max(covered, chain.end)
            guard chain.isComplete(cueLed: lead != .shape) else { continue }
            if LinkContext.isInsideLinkOrEmail(chain.start, chain.end, in: text) { continue }
            var confidence = judge(chain, lead: lead, cueStart: hit.start, cueEnd: lead == .shape ? chain.start : hit.end,
                                   venues: venues, firstLineEnd: firstLineEnd, in: context)
            // "Tang lễ tổ chức tại tư gia số 9 kiệt 112 …", "Lễ viếng tổ chức tại nhà riêng, số 15 …":
            // the word says the place is the family's home, whatever event is held there.
            if Self.privateHouseCues.contains(hit.entry), !venues.any(in: hit.end..<chain.end) { confidence = max(confidence, 0.85) }
            covered = max(covered, report(chain, confidence: confidence, in: text, to: &found))
        }
        found.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        slashNumbers(in: context, venues: venues, firstLineEnd: firstLineEnd, found: &found)
        directions(in: context, firstLineEnd: firstLineEnd, found: &found)
        // A news report republishes what is already public ("vụ cháy tại số 12 ngõ 34…, Công an
        // quận cho biết"): two kinds of news wording lower every address below the threshold.
        if !found.isEmpty && NewsStyle.isNews(hits) {
            for k in found.indices { found[k].confidence = min(found[k].confidence, 0.45) }
        }
        found.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        matches.append(contentsOf: found)
    }

    /// "NGO THI PHUONG LINH", "Ngo Van Tai": typed without marks, the surname Ngô reads as "ngõ"
    /// (and Đào as "đảo"); a capitalised middle name right after it says it is a name.
    private func surnameNotUnit(_ word: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard ProseText.isUppercase(at: word.lowerBound, in: text), ProseText.isASCII(text, word) else { return false }
        let n = ProseText.skipSpaces(from: word.upperBound, in: text)
        let ne = ProseText.wordEnd(from: n, in: text, limit: 12)
        guard n > word.upperBound, ne > n, ProseText.isUppercase(at: n, in: text) else { return false }
        return PersonNameLexicon.middleNames.contains(NameKey.of(text, n, ne))
    }

    /// "4 tầng 1 tum", "nhà 3 tầng": a number before "tầng" counts the floors, it names none.
    private func countsFloors(before start: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let e = ProseText.skipSpacesBackward(from: start, in: text)
        guard e < start, e > 0, UTF8Classes.isDigit(text[e - 1]) else { return false }
        let we = ProseText.wordEnd(from: start, in: text, limit: 12)
        return ProseText.folds(text, start..<we, to: "tang")
    }

    /// Directions to a house ("chạy vô đường bê tông … chừng 200m, nhà thứ 3 bên trái, cổng sắt
    /// xanh"): one address, replacing what the chain reader found inside it ("ngõ 3" of "vào ngõ 3
    /// khoảng 50m, nhà thứ ba…"). A shop's directions (its post's title names it) stay low.
    private func directions(in context: TextScanContext, firstLineEnd: Int, found: inout [TextMatch]) {
        let text = context.text
        for hit in context.keywordHits(of: .directionCue) {
            guard let span = HouseDirections.span(at: hit.start..<hit.end, in: text) else { continue }
            func inside(_ m: TextMatch) -> Bool { span.lowerBound <= m.start && m.end <= span.upperBound }
            if found.contains(where: { $0.start < span.upperBound && span.lowerBound < $0.end && !inside($0) }) { continue }
            found.removeAll(where: inside)
            let confidence = span.lowerBound > firstLineEnd && titleNamesVenue(firstLineEnd, in: text) ? 0.35 : 0.75
            found.append(TextMatch(ruleId: "vn.address", category: .homeAddress, start: span.lowerBound,
                                   end: span.upperBound, confidence: confidence))
        }
    }

    /// Reports a home address, and the rest of it on the next line ("ĐC: số 56 hẻm 3 Trần
    /// Phú⏎phường Vĩnh Thông, tỉnh An Giang"); returns where the reported text ends.
    private func report(_ chain: AddressChain, confidence: Double, in text: UnsafeBufferPointer<UInt8>,
                        to found: inout [TextMatch]) -> Int {
        found.append(TextMatch(ruleId: "vn.address", category: .homeAddress, start: chain.start, end: chain.end,
                               confidence: confidence))
        guard let rest = continuation(after: chain, in: text) else { return chain.end }
        found.append(TextMatch(ruleId: "vn.address", category: .homeAddress, start: rest.start, end: rest.end,
                               confidence: confidence))
        return rest.end
    }

    /// The rest of an address on the next line: the chain ends its line, and the next line is
    /// only units of a ward, a commune, a district or a province (a line of anything else is
    /// not the address).
    private func continuation(after chain: AddressChain, in text: UnsafeBufferPointer<UInt8>) -> AddressChain? {
        func lineEndAfter(_ e: Int) -> Int? {
            var k = e
            while k < text.count && (text[k] == 0x20 || text[k] == 0x09 || text[k] == UInt8(ascii: ",") || text[k] == UInt8(ascii: ".")
                                    || text[k] == UInt8(ascii: ";") || text[k] == 0x0D) { k += 1 }
            return k == text.count || text[k] == 0x0A ? k : nil
        }
        guard let lineEnd = lineEndAfter(chain.end), lineEnd < text.count else { return nil }
        let q = ProseText.skipSpaces(from: lineEnd + 1, in: text)
        guard AddressChainParser.unit(at: q, in: text) != nil else { return nil }
        let rest = AddressChainParser.parse(from: q, in: text, allowBareNumber: false)
        guard rest.start == q, !rest.elements.isEmpty, rest.elements.count <= 4,
              rest.elements.allSatisfy({ $0.kind == .area || $0.kind == .name }),
              rest.elements[0].kind == .area, lineEndAfter(rest.end) != nil else { return nil }
        return rest
    }

    /// An address cell of a table: the chain in it (the cell ends it). A table that lists people
    /// (names, birth dates, phones) lists their homes; otherwise venues around decide, as in prose.
    private func tableAddress(_ cell: TableCell, tables: TableColumnContext, venues: Venues, firstLineEnd: Int,
                              in context: TextScanContext) -> TextMatch? {
        let whole = context.text
        let text = UnsafeBufferPointer(rebasing: whole[0..<cell.range.upperBound])
        let p = addressStart(after: cell.range.lowerBound, in: text) ?? cell.range.lowerBound
        let chain = AddressChainParser.parse(from: p, in: text, allowBareNumber: true, allowLeadingName: true)
        guard !chain.elements.isEmpty, chain.isComplete(cueLed: true),
              !LinkContext.isInsideLinkOrEmail(chain.start, chain.end, in: whole) else { return nil }
        let confidence: Double
        if venues.any(in: cell.range) {
            confidence = 0.35
        } else if tables.blocks[cell.block].listsPeople {
            confidence = 0.85
        } else {
            confidence = venueContext(for: chain, from: chain.start, venues: venues, firstLineEnd: firstLineEnd, in: context)
                ? 0.35 : 0.8
        }
        return TextMatch(ruleId: "vn.address", category: .homeAddress, start: chain.start, end: chain.end,
                         confidence: confidence)
    }

    /// The start of the address after an address word: past ":", "-", "là", "tại", "ở",
    /// "nhà em", and past one line break when the word is a label alone on its line.
    private func addressStart(after end: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = end
        var steps = 0
        var crossedLine = false
        while i < text.count && steps < 8 {
            let b = text[i]
            let sp = ProseText.spaceLength(at: i, in: text)
            if sp > 0 { i += sp; continue }
            if b == 0x0A {
                guard !crossedLine else { return nil }
                crossedLine = true
                i += 1
                continue
            }
            // "nhà riêng, số 15 đường …": a comma right after the word, before the address.
            if b == UInt8(ascii: ":") || b == UInt8(ascii: "-") || b == UInt8(ascii: "=") || (b == UInt8(ascii: ",") && steps == 0) {
                i += 1
                steps += 1
                continue
            }
            if b == 0xE2 && i + 2 < text.count && text[i + 1] == 0x80 && (text[i + 2] == 0x93 || text[i + 2] == 0x94) {
                i += 3
                steps += 1
                continue
            }
            if ProseText.isLetter(at: i, in: text) && !crossedLine {
                let e = ProseText.wordEnd(from: i, in: text, limit: 16)
                guard e > i else { return nil }
                // A lead word, unless it opens the address itself ("số 12", "Nhà văn hóa").
                if let w = FoldedKey(text, i..<e), Self.leadWords.contains(w) && AddressChainParser.isHousePrefix(at: i, in: text) == nil
                    && AddressChainParser.unit(at: i, in: text) == nil {
                    i = e
                    steps += 1
                    continue
                }
            }
            return i
        }
        return nil
    }

    /// An address word's line that ends with a colon, within 80 bytes: the start of the next line.
    private func nextLineAfterLabel(_ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        let le = ProseText.lineEnd(end, in: text, limit: 80)
        guard le < text.count, text[le] == 0x0A else { return nil }
        let c = ProseText.skipSpacesBackward(from: le, in: text)
        guard c > end, text[c - 1] == UInt8(ascii: ":") else { return nil }
        let q = ProseText.skipSpaces(from: le + 1, in: text)
        return q < text.count && text[q] != 0x0A ? q : nil
    }

    /// A unit word opens a chain only when a number or a capitalised name follows it.
    private func canOpenChain(after end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = end
        if k < text.count && text[k] == UInt8(ascii: ".") { k += 1 }
        if k < text.count && text[k] == UInt8(ascii: ":") { k += 1 }
        k = ProseText.skipSpaces(from: k, in: text)
        guard k < text.count else { return false }
        if UTF8Classes.isDigit(text[k]) { return true }
        if ProseText.isUppercase(at: k, in: text) { return true }
        // "đường số 7", "phòng số 5".
        guard k + 1 < text.count, text[k] | 0x20 == UInt8(ascii: "s") else { return false }
        let e = ProseText.wordEnd(from: k, in: text, limit: 8)
        return ProseText.folds(text, k..<e, to: "so") && ProseText.isDigit(at: ProseText.skipSpaces(from: e, in: text), in: text)
    }

    /// A house number before the unit word ("số 12 ngõ 34", "12 ngách 5"): the chain starts there.
    private func chainStart(beforeUnit u: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var e = ProseText.skipSpacesBackward(from: u, in: text)
        if e > 0 && text[e - 1] == UInt8(ascii: ",") { e = ProseText.skipSpacesBackward(from: e - 1, in: text) }
        guard e > 0, e < u, UTF8Classes.isDigit(text[e - 1]) || UTF8Classes.isASCIILetter(text[e - 1]) else { return u }
        // Back over the number token.
        var s = e
        while s > 0 && e - s < 14 {
            let b = text[s - 1]
            if UTF8Classes.isASCIIAlnum(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") { s -= 1; continue }
            break
        }
        guard s < e, AddressChainParser.houseNumber(at: s, in: text) == e else { return u }
        // And over its prefix: "số", "số nhà", "nhà số", "SN".
        let pe = ProseText.skipSpacesBackward(from: s, in: text)
        guard pe < s else { return s }
        var ps = ProseText.wordStart(endingAt: pe, in: text, limit: 12)
        if ps < pe, let prefixEnd = AddressChainParser.isHousePrefix(at: ps, in: text), prefixEnd == pe { return ps }
        // A unit word with its number: "căn 0812 tòa B", "ngách 5 ngõ 12".
        if ps < pe, let (_, unitEnd) = AddressChainParser.unit(at: ps, in: text), unitEnd == pe { return ps }
        // Two words: "nhà số", "số nhà".
        let pe2 = ProseText.skipSpacesBackward(from: ps, in: text)
        if pe2 < ps {
            ps = ProseText.wordStart(endingAt: pe2, in: text, limit: 12)
            if ps < pe2, let prefixEnd = AddressChainParser.isHousePrefix(at: ps, in: text), prefixEnd == pe { return ps }
        }
        return s
    }

    /// "Lan - 0905… - 12 Lê Lợi, phường Phú Hội": a bare house number and its street before a
    /// ward or district, opening an item of a list or a row (after a line start, a dash, a bar,
    /// a colon or a comma). Without the ward, "12 Lê Lợi" could be anything.
    private func streetHouseStart(beforeArea u: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let (unit, _) = AddressChainParser.unit(at: u, in: text), unit.kind == .area else { return nil }
        var e = ProseText.skipSpacesBackward(from: u, in: text)
        guard e > 0, text[e - 1] == UInt8(ascii: ",") else { return nil }
        e = ProseText.skipSpacesBackward(from: e - 1, in: text)
        var s = e
        var words = 0
        while words < 5 {
            let ws = ProseText.wordStart(endingAt: s, in: text, limit: 32)
            guard ws < s, ProseText.isUppercase(at: ws, in: text) else { return nil }
            words += 1
            let n = ProseText.skipSpacesBackward(from: ws, in: text)
            guard n < ws, n > 0 else { return nil }
            // The token before: a house number ends the walk.
            var t = n
            while t > 0 && n - t < 14 {
                let b = text[t - 1]
                if UTF8Classes.isASCIIAlnum(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") { t -= 1 } else { break }
            }
            if t < n && UTF8Classes.isDigit(text[t]) || (t < n && UTF8Classes.isASCIILetter(text[t]) && ProseText.isDigit(at: t + 1, in: text)) {
                guard AddressChainParser.houseNumber(at: t, in: text) == n,
                      AddressChainParser.name(at: ws, in: text) == e else { return nil }
                let before = ProseText.skipSpacesBackward(from: t, in: text)
                if before == 0 { return t }
                // "Nhà chị ở 25 Phan Chu Trinh, phường Hải Châu 1": a word that says where someone lives.
                let bw = ProseText.wordStart(endingAt: before, in: text, limit: 8)
                if bw < before, before < t, let w = FoldedKey(text, bw..<before), Self.residenceWords.contains(w),
                   ProseText.spelled(text, bw..<before, as: Self.residenceSpellings) {
                    return t
                }
                let b = text[before - 1]
                guard b == 0x0A || b == UInt8(ascii: "-") || b == UInt8(ascii: "|") || b == UInt8(ascii: ":") || b == UInt8(ascii: ",")
                        || b == UInt8(ascii: ";") || b == 0x09 || b == 0x93 || b == 0x94 else { return nil }
                return t
            }
            s = n
        }
        return nil
    }

    /// "ở", "tại", "về" right before a bare house number and street.
    static let residenceWords: Set<FoldedKey> = FoldedKey.set(["o", "tai", "ve"])
    static let residenceSpellings = [SpelledWord("ở"), SpelledWord("tại"), SpelledWord("về")]

    private enum Lead { case home, neutral, housePrefix, shape }

    /// How sure the chain is someone's home. A home word decides ("nhà riêng", "nhà mình ở",
    /// "Cô ta ở số 14…"); a venue named right before the address ("kho số 7", "Shop ở 45/12…",
    /// "Nhà văn hóa tổ 5") says it is not; otherwise a venue in the sentence, or in the title
    /// line of a post (a shop's, a company's, a listing's), lowers it below the threshold.
    private func judge(_ chain: AddressChain, lead: Lead, cueStart: Int, cueEnd: Int, venues: Venues, firstLineEnd: Int,
                       in context: TextScanContext) -> Double {
        let text = context.text
        let lineStart = ProseText.lineStart(chain.start, in: text)
        // Venue words right before the address or inside it, but not the address word itself
        // ("Quê quán" is no "quán").
        var adjacentStart = max(lineStart, ProseText.back(min(cueStart, chain.start), characters: 40, in: text))
        // "Bé Minh đang nằm viện ở BV Nhi Đồng 2. Nhà bé ở ấp 4, …": a venue in the sentence before is another place.
        adjacentStart = max(adjacentStart, sentenceStart(before: min(cueStart, chain.start), from: adjacentStart, in: text))
        if lead == .home {
            // "học lớp 6A trường THCS Nguyễn Trãi, nhà ở số 22 hẻm 45 …": a venue in the clause
            // before the home word is another place.
            adjacentStart = max(adjacentStart, clauseStart(before: cueStart, from: adjacentStart, in: text))
        }
        let adjacent = adjacentStart..<chain.end
        let adjacentVenue = venues.any(in: adjacent, excluding: lead == .shape ? nil : cueStart..<cueEnd)
        if lead == .home { return adjacentVenue ? 0.45 : 0.9 }
        var base: Double
        switch lead {
        case .neutral: base = 0.8
        case .housePrefix: base = 0.75
        default: base = 0.7
        }
        if adjacentVenue { return lead == .shape ? 0.3 : 0.35 }
        // The line says whose home it is ("nhà mình ở tầng 1, phòng cho thuê tầng 2").
        if homeContext(of: chain, in: text) { return max(base, 0.8) }
        // "Nhà ngõ 67 Phùng Khoang – 38m2, giá 6,2 tỷ": a house for sale, whatever "nhà" says; so
        // is every house under a title that sells it ("CHÍNH CHỦ BÁN NHÀ NGỌC HÀ"), unless someone
        // lives there ("mình đang ở nhờ nhà bố mẹ tại số 9 ngách 35/12").
        let sentence = ProseText.sentence(around: chain.start, in: text)
        if VenueWords.anyListing(in: max(sentence.lowerBound, lineStart)..<max(chain.end, sentence.upperBound), text: text) {
            return lead == .shape ? 0.3 : 0.35
        }
        let listed = chain.start > firstLineEnd && VenueWords.anyListing(in: 0..<firstLineEnd, text: text)
        if homeWordsBefore(chain.start, residenceOnly: listed, in: text) { return max(base, 0.8) }
        if listed { return lead == .shape ? 0.3 : 0.35 }
        // A line of a delivery or contact list: a phone number before the address, and no shop,
        // office or listing word on the line. The post's title (a shop's name) does not make
        // the customers' homes shops.
        if personalLine(before: chain, in: text) || personalLineAbove(chain, from: min(cueStart, chain.start), in: text)
            || personRow(before: chain, in: text) {
            return max(base, 0.8)
        }
        if venueContext(for: chain, from: cueStart, venues: venues, firstLineEnd: firstLineEnd, in: context) {
            return lead == .shape ? 0.3 : 0.35
        }
        return base
    }

    /// After the last sentence end (". ", "! ", "? ") between `lo` and `p`, or `lo`.
    private func sentenceStart(before p: Int, from lo: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var i = min(p, text.count)
        while i > lo + 1 {
            let b = text[i - 2]
            if (b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")) && text[i - 1] == 0x20
                && !(i >= 3 && UTF8Classes.isASCIILetter(text[i - 3]) && (i < 4 || !UTF8Classes.isASCIILetter(text[i - 4]))) {
                return i
            }
            i -= 1
        }
        return lo
    }

    /// After the last comma or semicolon between `lo` and `p`, or `lo`.
    private func clauseStart(before p: Int, from lo: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var i = min(p, text.count)
        while i > lo {
            if text[i - 1] == UInt8(ascii: ",") || text[i - 1] == UInt8(ascii: ";") { return i }
            i -= 1
        }
        return lo
    }

    /// "1) chi Hien 0985 362 170" then the address alone on the next line: the item of a
    /// delivery or contact list goes on below its name and phone.
    private func personalLineAbove(_ chain: AddressChain, from start: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let ls = ProseText.lineStart(chain.start, in: text, limit: 200)
        // The address, or its label ("Đ/c: kiệt 82 …"), opens its line.
        guard ls > 0, ProseText.skipSpaces(from: ls, in: text) == max(ls, start) else { return false }
        let previousEnd = ls - 1
        guard previousEnd > 0 else { return false }
        let ps = ProseText.lineStart(previousEnd, in: text, limit: 200)
        guard ps < previousEnd else { return false }
        // A business's contact line ("Hotline: 0905…") above its own address.
        let line = " " + ProseText.folded(text, ps..<previousEnd) + " "
        if [" hotline ", " tong dai ", " cskh ", " lien he ", " dat hang ", " dat ban "].contains(where: { line.contains($0) }) {
            return false
        }
        return holdsPhoneNumber(ps..<previousEnd, in: text) && !VenueWords.any(in: ps..<previousEnd, text: text)
    }

    /// Whether the chain's line holds a phone-shaped number (10 or 11 digits from a leading 0 or
    /// +84, in groups) before the chain, and no venue word anywhere on it.
    private func personalLine(before chain: AddressChain, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = ProseText.lineStart(chain.start, in: text, limit: 200)
        guard lo < chain.start, holdsPhoneNumber(lo..<chain.start, in: text) else { return false }
        let hi = ProseText.lineEnd(chain.end, in: text, limit: 200)
        return !VenueWords.any(in: lo..<hi, text: text)
    }

    /// "1. Trương Công Danh – 14/02/1996 – thôn An Điềm, xã Tịnh Sơn": an item of a list of people
    /// whose line opens with a full name, the address after it (no venue on the line).
    private func personRow(before chain: AddressChain, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = ProseText.lineStart(chain.start, in: text, limit: 200)
        guard lo < chain.start, ProseText.isListLine(lo, in: text),
              let first = ProseText.mentions(in: text, window: lo..<chain.start).first,
              first.isFullName, !first.hasTitle, (first.cueStart ?? first.start) - lo <= 12 else { return false }
        let hi = ProseText.lineEnd(chain.end, in: text, limit: 200)
        return !VenueWords.any(in: lo..<hi, text: text)
    }

    /// A VN phone number (10 or 11 digits from 0 or +, groups split by spaces, dots or dashes) in `range`.
    private func holdsPhoneNumber(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        var first: UInt8 = 0
        var plus = false
        var phone = false
        var i = range.lowerBound
        while i < range.upperBound {
            let b = text[i]
            if UTF8Classes.isDigit(b) {
                // "+84 846 503 095" starts with its plus sign, not with the 8.
                if digits == 0 { first = plus ? UInt8(ascii: "+") : b }
                plus = false
                digits += 1
            } else if digits > 0 && (b == 0x20 || b == UInt8(ascii: ".") || b == UInt8(ascii: "-"))
                        && i + 1 < range.upperBound && UTF8Classes.isDigit(text[i + 1]) {
                // A group separator inside the number.
            } else if b == UInt8(ascii: "+") && digits == 0 {
                plus = true
            } else {
                plus = false
                if (digits == 10 || digits == 11) && (first == UInt8(ascii: "0") || first == UInt8(ascii: "+")) { phone = true }
                digits = 0
            }
            i += 1
        }
        return phone || ((digits == 10 || digits == 11) && (first == UInt8(ascii: "0") || first == UInt8(ascii: "+")))
    }

    /// "nhà", "ở", "sống", "trú" among the few words before a chain ("Nhà bé ở thôn 6",
    /// "giao về nhà mới nhé:\nSố 3 ngách…", "hiện ở tổ 12").
    /// `residenceOnly`: only a word of living somewhere counts ("ở", "sống", "trú"), anywhere in
    /// the six words: under a sale's title "nhà" is the house for sale.
    private func homeWordsBefore(_ start: Int, residenceOnly: Bool, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var e = start
        var words = 0
        var crossedLine = false
        while words < 6 && e > 0 {
            // Spaces, a colon, and one line break.
            var k = ProseText.skipSpacesBackward(from: e, in: text)
            while k > 0 && (text[k - 1] == UInt8(ascii: ":") || (text[k - 1] == 0x0A && !crossedLine)) {
                if text[k - 1] == 0x0A { crossedLine = true }
                k = ProseText.skipSpacesBackward(from: k - 1, in: text)
            }
            let s = ProseText.wordStart(endingAt: k, in: text, limit: 16)
            guard s < k else { return false }
            let r = s..<k
            // "nhà số 17" is the address itself.
            let housePrefix = words == 0 && AddressChainParser.isHousePrefix(at: start, in: text) != nil
            if !residenceOnly && ProseText.folds(text, r, to: "nha") && ProseText.spelled(text, r, as: Spelling.nha) && !housePrefix {
                return true
            }
            if ProseText.folds(text, r, to: "o") && ProseText.spelled(text, r, as: Spelling.o) && (words < 3 || residenceOnly) {
                return true
            }
            if ProseText.folds(text, r, to: "song") && ProseText.spelled(text, r, as: Spelling.song) { return true }
            if ProseText.folds(text, r, to: "tru") && ProseText.spelled(text, r, as: Spelling.tru) { return true }
            words += 1
            e = s
        }
        return false
    }

    /// The address's line says whose home it is: "nhà mình", "nhà em", "chủ nhà".
    private func homeContext(of chain: AddressChain, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = ProseText.lineStart(chain.start, in: text, limit: 200)
        let hi = ProseText.lineEnd(chain.end, in: text, limit: 200)
        let line = " " + ProseText.folded(text, lo..<hi) + " "
        return [" nha minh ", " nha em ", " nha toi ", " nha rieng ", " chu nha ", " nha chau ", " nha tui ", " nha chi ",
                " nha anh ", " nha co ", " nha chu ", " nha bac ", " nha ong ", " nha ba "]
            .contains { line.contains($0) }
    }

    /// Venue words near an address, looked up only once an address is found.
    private struct Venues {
        let text: UnsafeBufferPointer<UInt8>

        func any(in range: Range<Int>, excluding excluded: Range<Int>? = nil) -> Bool {
            VenueWords.any(in: range, excluding: excluded, text: text)
                || VenueWords.any(in: range, excluding: excluded, text: text, table: HomeAddressDetector.careTable)
        }
    }

    /// Words of a hospital stay: an address near them is the ward's ("Bé đang nằm ở khoa Thận, số 18/879 La Thành").
    static let careTable: [FoldedKey: [SpelledWord]] = VenueWords.build(
        ["nam vien", "cap cuu", "giuong benh", "phong benh", "nam o khoa", "khoa nhi", "khoa noi", "khoa ngoai",
         "hoi suc", "dieu tri tai", "dieu tri o"], [])

    /// A shop, an office, a public place, an event or a listing in the sentence of the address
    /// (or just before it), or in the title line of a post whose address no home word announced.
    private func venueContext(for chain: AddressChain, from cueStart: Int, venues: Venues, firstLineEnd: Int,
                              in context: TextScanContext) -> Bool {
        let text = context.text
        let sentence = ProseText.sentence(around: min(cueStart, chain.start), in: text)
        let lo = max(min(sentence.lowerBound, ProseText.lineStart(chain.start, in: text, limit: 80)),
                     ProseText.back(chain.start, characters: 240, in: text))
        let hi = min(max(ProseText.ahead(chain.end, characters: 40, in: text), sentence.upperBound),
                     ProseText.lineEnd(chain.end, in: text, limit: 240))
        if venues.any(in: lo..<hi) { return true }
        // A venue word in the post's title line.
        if chain.start > firstLineEnd && titleNamesVenue(firstLineEnd, in: text) { return true }
        return false
    }

    /// Places a post is about rather than from: "XIN GIÚP ĐỠ BÉ AN ĐANG ĐIỀU TRỊ TẠI BỆNH VIỆN NHI",
    /// "TÌM NGƯỜI MẤT TÍCH – GIA ĐÌNH ĐÃ BÁO CÔNG AN". In a title they do not make the addresses
    /// below a venue's, unless the title opens with them (the hospital's own notice).
    static let placesPostsAreAbout: Set<FoldedKey> = FoldedKey.set([
        "benh vien", "bv", "tram y te", "benh xa", "cong an", "toa an", "ben xe", "san bay", "nha ga", "nghia trang",
        "nghia dia", "trai giam", "nha tu",
    ])
    static let titleVenueTable: [FoldedKey: [SpelledWord]] = VenueWords.table.filter { !placesPostsAreAbout.contains($0.key) }

    /// Whether the title line names a shop, an office, an event or a listing the post is from.
    private func titleNamesVenue(_ firstLineEnd: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard VenueWords.any(in: 0..<firstLineEnd, text: text) else { return false }
        if VenueWords.any(in: 0..<firstLineEnd, text: text, table: Self.titleVenueTable) { return true }
        // The title opens with the place: its own notice.
        var k = 0
        while k < firstLineEnd && !ProseText.isLetter(at: k, in: text) { k += ProseText.length(at: k, in: text) }
        return k < firstLineEnd && VenueWords.any(in: k..<(k + 1), text: text)
    }

    // MARK: house numbers with slashes

    /// Words before a number that make it a date: "ngày 12/3", "hạn 12/3".
    static let dateWords: Set<FoldedKey> = FoldedKey.set([
        "ngay", "hom", "tu", "den", "han", "sang", "chieu", "toi", "trua", "thu", "luc", "vao", "truoc", "sau",
        "dem", "mai", "nay", "qua", "tet", "le",
    ])

    /// `12/3 Nguyễn Trãi`, `123/45/6 Lê Văn Sỹ`, `K45/12 Hoàng Diệu` with no unit word or cue.
    /// Numbers written as a date (`12/3`) must be followed by more of the address.
    private func slashNumbers(in context: TextScanContext, venues: Venues, firstLineEnd: Int, found: inout [TextMatch]) {
        let foundByWords = found.count
        let text = context.text
        guard let base = text.baseAddress, text.count >= 3 else { return }
        var i = 1
        var lastEnd = 0
        while i + 1 < text.count {
            guard let hit = memchr(base + i, Int32(UInt8(ascii: "/")), text.count - i) else { break }
            let slash = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            i = slash + 1
            guard slash > 0, slash + 1 < text.count, UTF8Classes.isDigit(text[slash - 1]), UTF8Classes.isDigit(text[slash + 1]),
                  slash >= lastEnd else { continue }
            var s = slash
            while s > 0 && slash - s < 7 && (UTF8Classes.isDigit(text[s - 1])) { s -= 1 }
            if s > 0 && (text[s - 1] == UInt8(ascii: "K") || text[s - 1] == UInt8(ascii: "k")) { s -= 1 }
            guard !ProseText.gluedBefore(s, in: text), s > 0 ? text[s - 1] != UInt8(ascii: "/") : true,
                  let numberEnd = AddressChainParser.houseNumber(at: s, in: text) else { continue }
            lastEnd = numberEnd
            if covered(s, by: found[0..<foundByWords]) { continue }
            if LinkContext.isInsideLinkOrEmail(s, numberEnd, in: text) { continue }
            let chain = AddressChainParser.parse(from: s, in: text, allowBareNumber: true)
            guard let first = chain.elements.first, first.kind == .house, first.hasStreetName else { continue }
            lastEnd = chain.end
            let dateShaped = isDateShaped(s..<numberEnd, in: text)
            if dateShaped {
                if chain.elements.count < 2 || precededByDateWord(s, in: text) { continue }
            }
            guard chain.isComplete(cueLed: false) else { continue }
            var confidence = judge(chain, lead: .shape, cueStart: s, cueEnd: s, venues: venues, firstLineEnd: firstLineEnd,
                                   in: context)
            if dateShaped && confidence == 0.7 { confidence = 0.6 }
            lastEnd = max(lastEnd, report(chain, confidence: confidence, in: text, to: &found))
        }
    }

    /// Whether an address found by a word (sorted by start) holds `offset`.
    private func covered(_ offset: Int, by found: ArraySlice<TextMatch>) -> Bool {
        var low = found.startIndex, high = found.endIndex
        while low < high {
            let mid = (low + high) / 2
            if found[mid].start <= offset { low = mid + 1 } else { high = mid }
        }
        return low > found.startIndex && offset < found[low - 1].end
    }

    /// `12/3`, `12/3/2024`: what a day and month (and year) would look like.
    private func isDateShaped(_ r: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var parts: [Int] = []
        var i = r.lowerBound
        while i < r.upperBound {
            guard UTF8Classes.isDigit(text[i]) else { return false }
            let e = ProseText.digitsEnd(from: i, in: text)
            guard let v = ProseText.value(text, i..<e) else { return false }
            parts.append(v)
            i = e
            if i < r.upperBound {
                guard text[i] == UInt8(ascii: "/") else { return false }
                i += 1
            }
        }
        guard parts.count == 2 || parts.count == 3 else { return false }
        // "Tháng 3/2025": a month and its year.
        if parts.count == 2 && (1...12).contains(parts[0]) && (1900...2100).contains(parts[1]) { return true }
        return BirthValueParser.isValidDay(parts[0], month: parts[1], year: 2000)
    }

    private func precededByDateWord(_ s: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let e = ProseText.skipSpacesBackward(from: s, in: text)
        let ws = ProseText.wordStart(endingAt: e, in: text, limit: 16)
        guard ws < e else { return false }
        return FoldedKey(text, ws..<e).map { Self.dateWords.contains($0) } ?? false
    }
}
