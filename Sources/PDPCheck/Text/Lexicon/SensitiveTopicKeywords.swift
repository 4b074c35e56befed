/// Keywords of the sensitive categories of Decree 356 Art. 4 (reference/vn-personal-data.md
/// §1.3, §4.4), written with their diacritics. The shared automaton matches them folded
/// (`entries`: lowercase ASCII, no diacritics), so "ung thư", "Ung Thư" and "ung thu" all hit;
/// the sensitive-topic detector then checks the spelling where the text has marks, because
/// folded Vietnamese collides all the time: "từ từ" is not "tự tử", "bị mất" is not "bí mật",
/// "sản phẩm nhân viên" is not "phạm nhân", "gây" is not "gay".
///
/// A keyword alone is never a finding: the detector reports it only when the text ties it to an
/// identifiable person. `weight` says how strongly the word alone signals the topic: 1 for
/// "nhiễm HIV", less for words that neutral news and ads use all the time ("bệnh viện",
/// "dân tộc", "bầu cử"); below 0.5 a keyword is never reported on its own. `plainWeight` is the
/// weight where the text has no marks and the folded word is ambiguous ("tu tu", "dong tinh").
enum SensitiveTopicKeywords {
    struct Keyword: Sendable {
        var spelled: String
        var topic: Topic
        var weight: Double
        var plainWeight: Double
    }

    /// One entry per folded keyword and topic ("hóa trị" and "hoá trị" are one entry).
    static let entries: [LexiconEntry] = {
        var seen: Set<String> = []
        var out: [LexiconEntry] = []
        for k in keywords {
            let f = folded(k.spelled)
            guard seen.insert(k.topic.rawValue + ":" + f).inserted else { continue }
            out.append(LexiconEntry(f, k.topic, weight: k.weight))
        }
        return out
    }()

    static let keywords: [Keyword] = health + criminal + religion + politics + ethnicity + sexuality + privateLife

    /// The folded form the automaton matches: lowercase ASCII words, single spaces.
    static func folded(_ spelled: String) -> String {
        var spelled = spelled
        let bytes = spelled.withUTF8 { VietnameseFolding.foldedASCII($0, 0..<$0.count) }
        var words: [UInt8] = []
        words.reserveCapacity(bytes.count)
        for b in bytes where b != 0x20 || (words.last.map { $0 != 0x20 } ?? false) { words.append(b) }
        if words.last == 0x20 { words.removeLast() }
        return String(decoding: words, as: UTF8.self)
    }

    /// Keywords of one topic and weight; `ambiguous` ones count `plainWeight` when typed without marks.
    static func group(_ topic: Topic, _ weight: Double, _ words: [String],
                      ambiguous: [String: Double] = [:]) -> [Keyword] {
        words.map { Keyword(spelled: $0, topic: topic, weight: weight, plainWeight: min(weight, ambiguous[$0] ?? weight)) }
    }

    /// Art. 4(d): health.
    static let health: [Keyword] =
        group(.health, 1, [
            "bệnh án", "hồ sơ bệnh án", "dương tính", "nhiễm HIV",
            "HIV", "AIDS", "HIV/AIDS", "ung thư", "ung thư máu", "ung thư gan", "ung thư phổi", "ung thư vú",
            "ung thư dạ dày", "ung thư cổ tử cung", "ung thư vòm họng", "ung thư tuyến giáp", "ung thư xương",
            "ung thư đại tràng", "ung thư tụy", "ung thư tuỵ", "hóa trị", "hoá trị", "xạ trị", "trầm cảm",
            "trầm cảm sau sinh", "rối loạn lo âu", "rối loạn lưỡng cực", "tâm thần", "bệnh tâm thần",
            "tâm thần phân liệt", "tự kỷ", "tự kỉ", "mang thai", "có thai", "có bầu", "mang bầu", "phá thai",
            "phá bỏ thai", "sảy thai", "vô sinh", "hiếm muộn", "giang mai", "bệnh lậu", "sùi mào gà", "bệnh xã hội",
            "viêm gan B", "viêm gan C", "tiểu đường", "đái tháo đường", "tiền sử bệnh", "khuyết tật", "tự tử",
            "tự sát", "đột quỵ", "đột quỵ não", "suy thận", "chạy thận", "chạy thận nhân tạo", "ghép tạng",
            "ghép thận", "ghép gan", "ghép tim", "u não", "bạch cầu", "bệnh tim", "tim bẩm sinh", "mổ tim",
            "phẫu thuật", "liệt nửa người", "bại liệt", "bại não", "tai biến", "bệnh hiểm nghèo", "lao phổi",
            "động kinh", "xơ gan", "suy tim", "di căn", "u ác", "u ác tính", "khối u", "u bướu", "bệnh ung bướu",
            "thalassemia", "tan máu bẩm sinh", "hội chứng Down", "Alzheimer", "Parkinson", "chấn thương sọ não",
            "hôn mê", "nguy kịch", "sống thực vật", "suy giảm miễn dịch", "bị bệnh", "mắc bệnh", "ốm nặng",
            "bệnh nặng", "tự hại", "nghiện rượu", "rối loạn tâm thần", "nhiễm Covid", "mắc Covid", "tiểu phẫu",
            "mổ ruột thừa", "sinh mổ", "sinh non", "truyền hóa chất", "truyền hoá chất", "ARV", "thuốc ARV",
            "khoa tâm thần", "u lympho", "lymphoma", "Hodgkin", "ghép tủy", "ghép tuỷ", "tiền sản giật",
            "u nguyên bào", "hen phế quản", "sa sút trí tuệ", "rối loạn phổ tự kỷ", "rạn xương", "bị gãy",
            "nhồi máu cơ tim", "suy hô hấp", "chấn thương sọ não", "bệnh phổi", "tràn dịch", "xuất huyết não",
            "bệnh Lao", "nhiễm trùng", "đái dầm",
            // Everyday words for illnesses, treatments and disabilities.
            "bệnh máu trắng", "lọc máu", "tăng động", "tăng động giảm chú ý", "rối loạn tăng động",
            "tự làm đau bản thân", "tự làm hại bản thân", "tự hại bản thân", "tự rạch tay", "mù một mắt",
            "mù hai mắt", "bị mù", "mù lòa", "mù loà", "khiếm thị", "khiếm thính", "bị điếc", "câm điếc", "lãng tai",
            "nghễnh ngãng", "teo cơ", "u xơ", "u nang", "suy thận mạn", "thiểu năng", "chậm phát triển",
            "huyết áp cao", "viêm gan", "thoát vị đĩa đệm", "sỏi thận", "bệnh thận", "bướu cổ", "thoái hóa cột sống",
            "thoái hoá cột sống", "ung thư tiền liệt tuyến", "ung thư buồng trứng", "ung thư thực quản",
        ], ambiguous: [
            "bệnh máu trắng": 0.8, "lọc máu": 0.6, "tăng động": 0.5, "bị mù": 0.6, "bị điếc": 0.6, "lãng tai": 0.4,
            "teo cơ": 0.6, "u xơ": 0.5, "u nang": 0.6, "chậm phát triển": 0.5, "thiểu năng": 0.6,
            "bị gãy": 0.8, "rạn xương": 0.6, "tràn dịch": 0.6,
            "tự tử": 0.4, "tự sát": 0.6, "vô sinh": 0.5, "tâm thần": 0.6, "tự kỷ": 0.5, "tự kỉ": 0.5, "u não": 0.6,
            "động kinh": 0.4, "ốm nặng": 0.5, "tự hại": 0.4, "di căn": 0.6, "hôn mê": 0.4, "dương tính": 0.5,
            "tiền sử bệnh": 0.6, "sinh non": 0.5, "có thai": 0.6, "u ác": 0.5, "ghép tim": 0.5,
            "ghép gan": 0.5, "bạch cầu": 0.7, "khối u": 0.6, "có bầu": 0.6, "bệnh tim": 0.6, "mổ tim": 0.5,
        ])
        + group(.health, 0.8, [
            "chẩn đoán", "nhập viện", "nằm viện", "Covid", "F0", "sốt xuất huyết", "hen suyễn", "thấp khớp", "gút", "gout", "ADHD", "PTSD",
            "bipolar", "hồi sức", "đơn thuốc", "gãy chân", "gãy tay",
            "gãy xương", "bỏng nặng", "tăng huyết áp", "cao huyết áp", "mổ mắt", "bệnh trĩ", "viêm phổi",
            "nhiễm trùng máu", "thở máy", "hoại tử", "chấn thương", "gãy", "truyền máu", "máu trắng", "rạch tay",
        ], ambiguous: [
            "máu trắng": 0.2, "rạch tay": 0.5,
            "gãy": 0.3, "chấn thương": 0.6,
            "gút": 0.4, "gãy chân": 0.8, "gãy tay": 0.8, "gãy xương": 0.8, "bỏng nặng": 0.5, "mổ mắt": 0.4,
            "thở máy": 0.3, "bệnh trĩ": 0.6, "hồi sức": 0.6, "nằm viện": 0.6,
        ])
        + group(.health, 0.75, ["âm tính"], ambiguous: ["âm tính": 0.4])
        + group(.health, 0.7, ["dị ứng"])
        + group(.health, 0.6, ["xét nghiệm", "khám bệnh", "tái khám", "bị ốm", "ốm đau", "siêu âm", "điều trị", "cấp cứu",
                               "bệnh nhân", "vào viện", "xuất viện", "ICU"],
                ambiguous: ["bị ốm": 0.4, "ốm đau": 0.5])
        + group(.health, 0.3, ["bệnh viện", "viện phí"])
        // "bầu 7 tháng": a pregnancy only with how far along it is (`SensitiveTopicDetector`).
        + group(.health, 0.3, ["bầu"])

    /// Art. 4(g): crimes and violations of the law.
    static let criminal: [Keyword] =
        group(.criminal, 1, [
            "tiền án", "tiền sự", "tiền án tiền sự", "án tích", "có án tích",
            "bị can", "bị cáo", "phạm nhân", "can phạm", "án tù", "tù giam", "án treo", "tù treo", "đi tù", "ra tù",
            "vào tù", "ngồi tù", "ở tù", "phạt tù", "bị phạt tù", "tạm giam", "bị tạm giữ", "tạm giữ hình sự",
            "khởi tố",
            "bị khởi tố", "bị bắt", "bắt giam", "bị bắt giam", "truy nã", "lệnh truy nã", "đang bị truy nã",
            "kết án", "bản án", "nghiện ma túy", "nghiện ma tuý", "sử dụng ma túy", "chơi ma túy", "buôn bán ma túy",
            "lừa đảo chiếm đoạt", "vượt ngục", "có án", "hiếp dâm", "mại dâm", "bán dâm", "mua dâm",
            "xâm hại tình dục", "giết người", "đâm chết người", "cai nghiện", "trại cai nghiện", "án tù treo",
            "đang chấp hành án",
        ], ambiguous: [
            "tiền án": 0.4, "tiền sự": 0.4, "bị can": 0.6, "bị cáo": 0.5, "phạm nhân": 0.5, "án tù": 0.5,
            "tù giam": 0.6, "tù treo": 0.6, "đi tù": 0.4, "ra tù": 0.5, "vào tù": 0.5, "ngồi tù": 0.6, "ở tù": 0.4,
            "phạt tù": 0.5, "bị phạt tù": 0.6, "bản án": 0.4, "có án": 0.4, "bán dâm": 0.5,
            "mua dâm": 0.3, "bị bắt": 0.6, "bị tạm giữ": 0.6, "can phạm": 0.5, "kết án": 0.6,
        ])
        // The certificate itself: job ads ask every applicant for it; only what it says ("có án
        // tích") is someone's record.
        + group(.criminal, 0.4, ["lý lịch tư pháp", "lí lịch tư pháp", "phiếu lý lịch tư pháp"])
        + group(.criminal, 0.8, [
            "tạm giữ", "tàng trữ", "trộm cắp", "ăn trộm", "ăn cắp", "cướp giật", "cướp", "đánh bạc", "cờ bạc", "gái gọi",
            "dâm ô", "vi phạm pháp luật",
        ], ambiguous: ["ăn cắp": 0.6, "cướp": 0.5, "cờ bạc": 0.5, "dâm ô": 0.5])
        + group(.criminal, 0.45, ["trại giam"])
        + group(.criminal, 0.6, ["phạt hành chính", "biên bản vi phạm", "ma túy", "ma tuý", "tội phạm", "tệ nạn",
                                 "bị xử phạt", "hình sự"])

    /// Art. 4(b): religion and belief.
    static let religion: [Keyword] =
        group(.religion, 1, [
            "theo đạo", "theo đạo Phật", "theo đạo Thiên Chúa", "theo đạo Tin Lành", "theo đạo Hồi", "Phật tử",
            "quy y", "xuất gia", "đi tu", "Thiên Chúa giáo", "đạo Thiên Chúa", "đạo Công giáo", "Hồi giáo", "đạo Hồi",
            "đạo Cao Đài", "Phật giáo Hòa Hảo", "đạo Hòa Hảo", "Bà La Môn", "Bà-la-môn", "đạo Bà La Môn", "vô thần",
            "bỏ đạo", "con chiên", "tín đồ", "người Công giáo", "đạo Tin Lành", "đạo Mẫu", "rửa tội", "tên thánh",
            "Nhân Chứng Giê-hô-va", "Mặc Môn", "cải đạo", "đổi đạo", "pháp danh", "an nghỉ trong Chúa",
            "về nhà Cha", "Bí tích Rửa tội", "Bí tích", "rước lễ lần đầu", "thêm sức", "lễ quy y",
        ], ambiguous: [
            "Phật tử": 0.5, "đi tu": 0.4, "Hồi giáo": 0.5, "đạo Hồi": 0.5, "vô thần": 0.5, "bỏ đạo": 0.5,
            "con chiên": 0.5, "tín đồ": 0.6, "tên thánh": 0.4, "cải đạo": 0.4, "đổi đạo": 0.3, "quy y": 0.6,
        ])
        + group(.religion, 0.8, ["đạo Phật", "Phật giáo", "Công giáo", "Cao Đài", "Hòa Hảo", "tụng kinh",
                                 "ăn chay trường"],
                ambiguous: ["Cao Đài": 0.5, "Hòa Hảo": 0.5])
        + group(.religion, 0.7, ["tôn giáo", "tín ngưỡng", "Tin Lành", "đi lễ", "đi chùa", "lễ Phật", "ni cô"],
                ambiguous: ["đi lễ": 0.5, "đi chùa": 0.5, "ni cô": 0.5])
        + group(.religion, 0.6, ["giáo dân"])
        + group(.religion, 0.4, ["giáo xứ", "linh mục", "nhà thờ", "sư thầy", "nhà chùa"])

    /// Art. 4(b): political views.
    static let politics: [Keyword] =
        group(.politics, 1, [
            "quan điểm chính trị", "chính kiến", "bất đồng chính kiến", "kết nạp Đảng", "khuynh hướng chính trị",
            "nhà hoạt động dân chủ", "Việt Tân", "chống phá nhà nước", "chống Đảng", "tuyên truyền chống phá",
            "tù nhân lương tâm", "đảng viên Đảng Cộng sản", "khai trừ khỏi Đảng", "khai trừ Đảng", "tuổi Đảng",
            "huy hiệu Đảng", "ra khỏi Đảng", "phê phán chính quyền", "chỉ trích chính quyền", "thẻ đảng viên",
        ], ambiguous: ["chống Đảng": 0.3, "tuổi Đảng": 0.5, "ra khỏi Đảng": 0.5])
        + group(.politics, 0.9, ["đảng viên", "vào Đảng", "phản động", "ủng hộ Đảng", "sinh hoạt Đảng", "người của Đảng"],
                ambiguous: ["đảng viên": 0.6, "vào Đảng": 0.6, "phản động": 0.6, "ủng hộ Đảng": 0.5])
        + group(.politics, 0.7, ["đảng phái", "tổ chức chính trị", "biểu tình"],
                ambiguous: ["đảng phái": 0.3, "biểu tình": 0.6])
        + group(.politics, 0.7, ["kết nạp"])
        + group(.politics, 0.5, ["ứng cử", "đoàn viên"])
        + group(.politics, 0.3, ["chính trị", "bầu cử", "dân chủ", "nhân quyền", "Đảng Cộng sản"])

    /// Art. 4(a): racial or ethnic origin. Ethnic groups of Vietnam, as "người …" and "dân tộc …".
    static let peoples: [String] = [
        "Kinh", "Hoa", "Tày", "Thái", "Mường", "Khmer", "Khơ-me", "Mông", "H'Mông", "Hmông", "Nùng", "Dao",
        "Gia Rai", "Jrai", "Jarai", "Ê Đê", "Êđê", "Ba Na", "Bahnar", "Chăm", "Xơ Đăng", "Cơ Ho", "K'Ho", "M'Nông",
        "Mnông", "Sán Dìu", "Sán Chay", "Giẻ Triêng", "Ra Glai", "Raglai", "Chu Ru", "Tà Ôi", "Vân Kiều", "Pa Cô",
        "Cơ Tu", "Hà Nhì", "Xinh Mun", "Brâu", "Rơ Măm", "Hrê", "Xtiêng", "Chơ Ro", "Pà Thẻn", "Pa Dí", "Giáy",
        "Lô Lô", "La Chí", "Cống", "Si La", "Bố Y", "Lào", "Lự", "Ngái", "Ơ Đu", "Mạ", "Chứt", "Kháng", "Mảng",
    ]
    static let ethnicity: [Keyword] =
        group(.ethnicity, 1, peoples.map { "người " + $0 } + peoples.map { "dân tộc " + $0 }
              + ["gốc Hoa", "đồng bào dân tộc thiểu số", "người dân tộc thiểu số", "người dân tộc"],
              ambiguous: ["người Lào": 0.3, "người Tày": 0.3, "người Dao": 0.5, "người Chăm": 0.4, "người Mông": 0.4, "người Thái": 0.5,
                          "người Hoa": 0.6, "người Kinh": 0.5, "dân tộc Tày": 0.5, "người Nùng": 0.6,
                          "người Mường": 0.6, "người Hrê": 0.5])
        + group(.ethnicity, 0.8, ["dân tộc thiểu số", "sắc tộc", "chủng tộc", "con lai", "lai Tây"],
                ambiguous: ["con lai": 0.3, "lai Tây": 0.4])
        + group(.ethnicity, 0.35, ["dân tộc"])

    /// Art. 4(e): sex life and sexual orientation.
    static let sexuality: [Keyword] =
        group(.sexuality, 1, [
            "xu hướng tính dục", "xu hướng tình dục", "xu hướng tính dục đồng giới", "đồng tính", "đồng tính nam",
            "đồng tính nữ", "đồng tính luyến ái", "lesbian", "song tính", "bisexual", "chuyển giới",
            "người chuyển giới", "chuyển đổi giới tính", "phẫu thuật chuyển giới", "xác định lại giới tính",
            "công khai giới tính", "đời sống tình dục", "bê đê", "pê đê", "bóng lộ", "bóng kín", "transgender",
            "yêu người cùng giới", "yêu đồng giới", "quan hệ đồng giới", "đồng giới", "kết hôn đồng giới",
            "thích người cùng giới", "ái nam ái nữ", "giới tính thứ ba", "người yêu cùng giới",
        ], ambiguous: [
            "đồng tính": 0.4, "đồng tính nam": 0.5, "đồng tính nữ": 0.5, "song tính": 0.5, "bê đê": 0.5,
            "pê đê": 0.5, "bóng lộ": 0.4, "bóng kín": 0.4,
        ])
        + group(.sexuality, 0.9, ["gay", "quan hệ tình dục", "les", "queer", "come out", "comeout"],
                ambiguous: ["gay": 0.25, "les": 0.5])
        + group(.sexuality, 0.7, ["LGBT", "LGBTQ", "bản dạng giới", "tomboy", "tom boy"])
        + group(.sexuality, 0.8, ["người cùng giới"])
        + group(.sexuality, 0.45, continuing)

    /// Keywords that count only where a finding of their topic was just reported about someone:
    /// "…mình là người đồng tính. Mình và anh Huy đã yêu nhau 5 năm".
    /// (A bare "nợ" does not carry a debt story on: "số nợ", "món nợ", "nợ lương" refer back to a
    /// debt already told or to someone else's, and the debt's statement is the label.)
    static let continuing = ["yêu nhau", "bạn đời", "hẹn hò"]

    /// Art. 4(c): private life, personal and family secrets. Posts type "vợ", "chồng" and
    /// "người yêu" as "vk", "ck" and "ny" ("bỏ vk con", "cướp ny"): `teencode` adds those spellings.
    static let privateLife: [Keyword] = teencode(privateLifeWords)

    /// Each keyword again with "vk", "ck", "ny" for "vợ", "chồng", "người yêu" (same weights).
    static func teencode(_ keywords: [Keyword]) -> [Keyword] {
        let swaps = [("người yêu", "ny"), ("vợ", "vk"), ("chồng", "ck")]
        var out = keywords
        for k in keywords {
            let words = k.spelled.split(separator: " ").map(String.init)
            var variant = words
            for (long, short) in swaps {
                let parts = long.split(separator: " ").map(String.init)
                var i = 0
                var next: [String] = []
                while i < variant.count {
                    if i + parts.count <= variant.count && Array(variant[i..<i + parts.count]) == parts {
                        next.append(short)
                        i += parts.count
                    } else {
                        next.append(variant[i])
                        i += 1
                    }
                }
                variant = next
            }
            if variant != words { out.append(Keyword(spelled: variant.joined(separator: " "), topic: k.topic, weight: k.weight, plainWeight: k.plainWeight)) }
        }
        return out
    }

    static let privateLifeWords: [Keyword] =
        group(.privateLife, 1, [
            "bí mật cá nhân", "bí mật gia đình", "lộ clip", "clip nóng", "ảnh nóng", "clip sex", "ảnh nude",
            "ảnh khỏa thân", "ảnh khoả thân", "ngoại tình", "cắm sừng", "giật chồng", "giật vợ", "tiểu tam",
            "con ngoài giá thú", "ngoài giá thú", "bồ nhí", "bạo lực gia đình", "sugar baby", "sugar daddy",
            "sống thử", "có con riêng", "đánh vợ", "bị chồng đánh", "đánh đập vợ", "trốn nợ", "nợ nặng lãi",
            "nợ cờ bạc", "vỡ hụi", "sống chung như vợ chồng",
            // Affairs as posts tell them: the other woman or man, wrecking a family, two-timing.
            "người thứ ba", "người thứ 3", "kẻ thứ ba", "kẻ thứ 3", "phá hoại hạnh phúc", "phá hoại gia đình",
            "phá hạnh phúc gia đình", "bắt cá hai tay", "bắt cá 2 tay", "dan díu", "bắt gian", "cướp chồng",
            "cướp vợ", "cướp người yêu", "giật người yêu", "theo trai", "bỏ theo trai", "theo con bồ",
            // Intimate images and chats.
            "clip riêng tư", "video riêng tư", "ảnh riêng tư", "clip nhạy cảm", "ảnh nhạy cảm", "video nhạy cảm",
            "chat sex",
            // Debts as posts tell them, and what they cost a family.
            "nợ ngập đầu", "nợ như chúa chổm", "nợ chồng chất", "nợ đầm đìa", "nợ tín dụng đen", "vay tín dụng đen",
            "bùng nợ", "xù nợ", "bán nhà trả nợ", "bán nhà để trả nợ", "bán đất trả nợ", "bán đất để trả nợ",
            "gán nhà trả nợ", "nợ lô đề", "nợ cá độ", "thua cá độ", "nghiện cờ bạc", "bể hụi", "ôm hụi",
            "ôm tiền bỏ trốn",
            // A broken marriage, a violent husband, custody.
            "vũ phu", "hôn nhân đổ vỡ", "đổ vỡ hôn nhân", "hôn nhân tan vỡ", "tan vỡ hôn nhân", "giành quyền nuôi con",
            "tranh quyền nuôi con", "tranh chấp quyền nuôi con", "đuổi ra khỏi nhà",
            // Kept women and lovers in slang; gambling losses; a child left behind.
            "con giáp thứ 13", "con giáp thứ mười ba", "nhắn tin yêu đương", "nhắn tin tình cảm", "thua bạc",
            "đánh bài thua", "thua bài", "thua lô đề", "thua độ", "cầm sổ đỏ", "cắm sổ đỏ", "cầm cố sổ đỏ",
            "bỏ con lại", "bỏ lại con", "ly hôn vắng mặt",
            "bị chồng phản bội", "bị vợ phản bội", "phản bội vợ", "phản bội chồng", "lừa dối vợ", "lừa dối chồng",
            "vụng trộm", "mèo mả gà đồng", "chửa hoang", "cưới chạy bầu", "không phải con ruột", "ảnh thân mật",
            "clip thân mật", "video thân mật", "video nóng", "lộ tin nhắn", "đọc trộm tin nhắn", "tin nhắn riêng tư",
            "mâu thuẫn gia đình", "mâu thuẫn vợ chồng", "vợ chồng mâu thuẫn", "tranh chấp thừa kế", "khất nợ",
        ], ambiguous: ["lộ clip": 0.7, "ảnh nóng": 0.5, "giật vợ": 0.6, "bồ nhí": 0.6, "sống thử": 0.8,
                       "có con riêng": 0.8, "đánh vợ": 0.6, "vỡ hụi": 0.6, "theo trai": 0.6, "cướp vợ": 0.6,
                       "ôm hụi": 0.6, "bể hụi": 0.6, "vũ phu": 0.6])
        // ("đời tư" itself names the category, "soi đời tư", "bóc đời tư": it discloses nothing.)
        + group(.privateLife, 0.9, ["vỡ nợ", "nợ xấu", "quỵt nợ"],
                ambiguous: ["vỡ nợ": 0.4, "nợ xấu": 0.4, "quỵt nợ": 0.6])
        + group(.privateLife, 0.8, [
            "nợ nần", "ly hôn", "ly dị", "li hôn", "li dị", "ly thân", "con riêng", "chuyện riêng tư",
            "tin nhắn riêng", "có bồ", "làm lẽ", "vợ bé", "phá sản", "bị bỏ rơi", "chồng bỏ đi", "vợ bỏ đi",
            "mẹ bỏ đi", "bố bỏ đi", "ba bỏ đi", "bỏ nhà đi", "nợ chây ì", "quỵt tiền",
            // Violence at home, not violence anywhere ("bảo mẫu bạo hành trẻ" is a crime in the news).
            "bị chồng bạo hành", "chồng bạo hành", "bạo hành vợ", "vợ bạo hành", "bạo hành chồng",
            "vay nặng lãi", "ôm nợ", "cặp bồ",
            "lăng nhăng", "bỏ vợ con", "bỏ chồng con", "bị chồng bỏ", "bị vợ bỏ",
            // (Photos alone are not intimate ones: "tung ảnh CCCD", "phát tán ảnh gia đình"; "ảnh nóng" is.)
            "mất khả năng trả nợ", "siết nợ", "quan hệ bất chính",
            "cặp kè", "léng phéng", "bồ bịch", "con bồ", "theo bồ", "người phụ nữ khác", "người đàn bà khác",
            "người đàn ông khác", "người con gái khác", "vào nhà nghỉ", "đi nhà nghỉ", "quyền nuôi con", "không cấp dưỡng", "trốn cấp dưỡng",
            "không chu cấp", "bỏ đi biệt tích", "bỏ đi biền biệt", "bỏ nhà ra đi", "bỏ rơi", "từ mặt", "đi bước nữa",
            "hủy hôn", "huỷ hôn", "bị từ hôn", "bỏ nhau", "làm mẹ đơn thân", "nợ quá hạn", "mắc nợ", "gánh nợ",
            "bị cầm cố", "bị siết nhà", "bị xiết nhà", "nhắn tin tán tỉnh", "đi khách sạn",
            "bao nuôi", "làm bồ", "người tình", "tình nhân", "nhân tình", "vợ hai", "yêu đương", "bỏ vợ", "bỏ chồng",
            "bị bỏ lại", "nợ thẻ tín dụng", "nợ tiền", "gia đình thứ hai", "gia đình thứ 2", "cùng cha khác mẹ",
            "cùng mẹ khác cha", "lấy chồng khác", "lấy vợ khác", "hẹn hò sau lưng", "sau lưng vợ", "sau lưng chồng", "con rơi", "quay lén", "tung tin nhắn", "xích mích gia đình",
            "mê cờ bạc", "ham cờ bạc", "dính cờ bạc", "mượn tiền khắp", "vay mượn khắp",
            "vay tiền khắp", "nợ khắp", "nợ cả xóm", "nợ cả làng", "nợ mỗi người",
            // Gambling habits as posts tell them; custody fights; support not paid; a second family.
            "nghiện cá độ", "nghiện lô đề", "nghiện số đề", "nghiện đề", "mê cá độ", "mê lô đề", "dính cá độ",
            "dính lô đề", "dính vô số đề", "dính vào số đề", "chơi lô đề", "chơi số đề", "cá độ bóng đá",
            "ghiền cá độ", "đòi nuôi con", "giành nuôi con", "tranh nuôi con", "không được chu cấp",
            "không gửi tiền nuôi con", "có gia đình riêng", "đã có vợ con", "cầm cho chủ nợ", "gán cho chủ nợ",
            "không đăng ký kết hôn", "ko đăng ký kết hôn", "cưới vợ khác", "cưới chồng khác", "không lo tiền nuôi con",
            "cặp với ông chồng", "cặp với chồng người ta", "cặp với vợ người ta", "đánh bài ăn tiền", "mang sổ đỏ",
            "sổ đỏ đi cắm", "mang đi cắm", "không gửi tiền cấp dưỡng", "ko gửi tiền cấp dưỡng",
        ], ambiguous: ["chơi lô đề": 0.6, "chơi số đề": 0.6, "đã có vợ con": 0.6, "có gia đình riêng": 0.6,"ôm nợ": 0.6, "cặp bồ": 0.6, "lăng nhăng": 0.5,
                       "ly dị": 0.6, "con riêng": 0.5, "có bồ": 0.4, "làm lẽ": 0.3, "vợ bé": 0.4, "ly thân": 0.6,
                       "cặp kè": 0.6, "con bồ": 0.4, "theo bồ": 0.4, "bỏ rơi": 0.3, "từ mặt": 0.4, "bỏ nhau": 0.5,
                       "mắc nợ": 0.6, "gánh nợ": 0.6, "léng phéng": 0.6, "nợ khắp": 0.6,
                       "làm bồ": 0.3, "bao nuôi": 0.6, "vợ hai": 0.5, "bỏ vợ": 0.6, "bỏ chồng": 0.6, "bị bỏ lại": 0.5,
                       "yêu đương": 0.6, "con rơi": 0.3])
        + group(.privateLife, 0.6, ["trắng tay", "bất hòa", "bất hoà"], ambiguous: ["bất hòa": 0.4, "bất hoà": 0.4])
        // Need a partner named or a love story around them (`SensitiveTopicDetector`): "chia tay" is
        // also a farewell, "qua lại" also traffic.
        + group(.privateLife, 0.8, ["chia tay", "qua lại với"])
        + group(.privateLife, 0.6, ["tin nhắn giữa", "tái hôn", "tán tỉnh"],
                ambiguous: ["tái hôn": 0.4])
        + group(.privateLife, 0.6, ["chuyện riêng", "đời sống riêng tư", "chụp màn hình tin nhắn", "con nợ", "xiết nợ"],
                ambiguous: ["chuyện riêng": 0.4, "con nợ": 0.4])
        + group(.privateLife, 0.45, ["bóc phốt", "bí mật", "phốt", "nợ", "ra khỏi nhà"])
}
