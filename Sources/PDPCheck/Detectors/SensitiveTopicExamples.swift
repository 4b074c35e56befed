import Foundation

// MARK: - Descriptions and examples

extension SensitiveTopicDetector {
    static func summaries(_ topic: Topic) -> String {
        let what: String
        switch topic {
        case .health: what = "Health (Decree 356 Art. 4(d)): illness, diagnosis, treatment, pregnancy, disability"
        case .criminal: what = "Crimes and violations (Art. 4(g)): records, prison, prosecution, arrest, drug use"
        case .religion: what = "Religion and belief (Art. 4(b)): faith, conversion, ordination"
        case .politics: what = "Political views (Art. 4(b)): party membership, dissent, protest"
        case .ethnicity: what = "Racial or ethnic origin (Art. 4(a)): ethnic group, mixed origin"
        case .sexuality: what = "Sex life and sexual orientation (Art. 4(e)): orientation, gender identity, sex life"
        case .privateLife: what = "Private life and secrets (Art. 4(c); Civil Code Art. 38): affairs, debts, divorce, intimate images"
        default: what = "Not a sensitive topic"
        }
        return what + ", reported only when tied to an identifiable person (a name, an honorific and name, "
            + "or an identifier in the same sentence or nearby; a first-person disclosure when the post carries an identifier)."
    }

    static func examples(_ topic: Topic) -> (triggering: [DetectorExample], nonTriggering: [DetectorExample]) {
        switch topic {
        case .health:
            return ([
                "Chị Lan 35 tuổi bị ⟦ung thư máu giai đoạn 3⟧, mọi người giúp chị với",
                "Bé Lê Gia Hân, 6 tuổi, vừa được ⟦chẩn đoán bạch cầu cấp⟧ 😢",
                "Anh Nguyễn Văn Tuấn (SĐT 0905 123 456) ⟦nhiễm HIV⟧ từ năm 2019",
                "Ông Trần Văn Đức (74 tuổi) ⟦nhập viện cấp cứu⟧ chiều qua",
                DetectorExample("chi Hoa bi ⟦tram cam⟧ 2 nam nay", note: "typed without diacritics"),
                DetectorExample("Anh Nam 0905 123 456: vợ em ⟦bầu 7 tháng⟧ nên cần ghế trước", note: "a pregnancy by its term"),
                DetectorExample("Chị Hương bán rau ở chợ Hòa Bình. Tháng trước chị ấy bị ⟦tai biến⟧, giờ nằm một chỗ.",
                                note: "a pronoun points back at the person named before"),
                DetectorExample("Mẹ em bị ⟦ung thư giai đoạn cuối⟧.\nAi giúp được xin gọi 0912 345 678 ạ",
                                note: "a first-person appeal that carries a phone number"),
                DetectorExample("Mình nhặt được ví có CCCD 001094012345 tên Phạm Văn Hùng và sổ khám ⟦tiểu đường⟧",
                                note: "a lost-ID post naming the owner's illness"),
                "Chị H'Hen Niê đang ⟦mang thai tháng thứ 7⟧, SĐT 0905 111 222",
                DetectorExample("Bé Na ⟦bị bệnh máu trắng⟧, tháng nào cũng phải ⟦truyền máu⟧", note: "everyday words"),
                "Bố bé là anh Tú, ⟦suy thận mạn⟧ 3 năm nay, tuần 2 buổi ⟦lọc máu⟧",
                "Bạn Trần Minh Nhật ⟦tăng động giảm chú ý⟧, đang uống thuốc",
                DetectorExample("Mẹ bé Vi Thị Mỹ ⟦ung thư vú đang điều trị⟧", note: "the treatment belongs to the illness's phrase"),
                "Chị Thạch Thị Soc Kha phát hiện ⟦khối u trong não⟧, phải mổ gấp",
            ], [
                "Bệnh viện Chợ Rẫy tiếp nhận 50 ca sốt xuất huyết trong tuần qua.",
                "Tháng 10 là tháng phòng chống ung thư vú, chị em nên đi tầm soát sớm.",
                "Không ai trong đoàn bị nhiễm HIV, Bộ Y tế cho biết.",
                "Chủ tịch Nguyễn Văn An thăm hỏi các bệnh nhân ung thư tại Bệnh viện K.",
                "BS. Trần Thị Hoa, Trưởng khoa Ung bướu, cho biết tỷ lệ ung thư gan đang tăng.",
                "Mình bị trầm cảm 2 năm nay, giờ đã ổn hơn rồi.",
                "Anh Tuấn không bị ung thư như tin đồn.",
                "Từ từ rồi tính, anh Tuấn ơi",
                "Phòng cho thuê gần bệnh viện và trường học, chị Lan 0905 123 456",
                "Bệnh viện Nguyễn Trãi tiếp nhận bệnh nhân ung thư từ các tỉnh.",
                "Ung thư là nguyên nhân tử vong hàng đầu, theo Tổ chức Y tế Thế giới.",
                DetectorExample("Ba đang điều trị tại BV Ung bướu Nghệ An", note: "a hospital's name"),
                "Tóc trắng là do di truyền, anh Tuấn ạ",
                DetectorExample("Anh Nam 0905 123 456 đi bầu cử hôm qua", note: "an election, not a pregnancy"),
                DetectorExample("Chiều về còn 3 chỗ, ib sớm nha 0905 123 456\nLuu y: khach say xe nang hoac mang bau bao truoc",
                                note: "a notice to any passenger, typed without marks"),
                DetectorExample("Em là Đào Thị Kim Chi, 0905 123 456. Bác sĩ giải thích mẹ bầu nhiễm viêm gan B nếu tải lượng cao thì phải uống thuốc",
                                note: "advice for any pregnant woman"),
            ])
        case .criminal:
            return ([
                "Lại Văn Trọng, sinh năm 1991, từng ⟦đi tù⟧ vì trộm xe",
                "anh Hùng ở xóm mình vừa ⟦ra tù⟧, sđt 0912345678",
                "Chị Mai ⟦nghiện ma túy⟧ đã 3 năm",
                "Cảnh báo: Đỗ Văn Sang, CCCD 036091528407, ⟦đang bị truy nã⟧",
            ], [
                "Công an huyện khởi tố 3 đối tượng trộm cắp tài sản.",
                "Thời Pháp thuộc, nhà tù Côn Đảo giam giữ nhiều chiến sĩ cách mạng.",
                "Tiền ăn mỗi tháng của anh Tuấn khoảng 3 triệu",
                "Bạn ăn gì chưa?",
                "Năm 1930, Nguyễn Văn Cừ bị bắt và bị kết án tù.",
                DetectorExample("Bà Lê Thị Hoa 0905 123 456 nhận cuộc gọi. Người gọi xưng là cán bộ điều tra, nói con trai bà đang bị tạm giam",
                                note: "an impostor's story"),
                DetectorExample("Tuyển lái xe, HR 0931 703 179.\n💬 Bình luận:\n– Em Lường Văn Tới, zalo 0904.362.117 ạ\n↳ HR: ok em\n– Mình 38t có bằng C, từng đi tù 3 năm, cty có nhận ko ạ",
                                note: "another commenter, identified by nothing on their line"),
            ])
        case .religion:
            return ([
                "Chị Ngọc Trâm ⟦theo đạo Thiên Chúa⟧ nên không ăn thịt ngày thứ Sáu",
                "Anh Khoa là ⟦Phật tử⟧, SĐT 0905123456",
                "Ông Y Moan Niê ⟦bỏ đạo⟧ từ năm ngoái",
            ], [
                "Giáo xứ Tân Định tổ chức thánh lễ Giáng sinh lúc 20h, mời bà con đến dự.",
                "Linh mục Giuse Nguyễn Văn Bình chủ sự thánh lễ tại nhà thờ Đức Bà.",
                "Bạn có đi chùa không?",
                "Chùa Một Cột là di tích nổi tiếng của Hà Nội.",
            ])
        case .politics:
            return ([
                "Anh Nguyễn Văn Hải, ⟦đảng viên⟧ chi bộ thôn 3, SĐT 0905 123 456",
                "Chị Thu từng ⟦biểu tình⟧ ở cổng nhà máy",
            ], [
                "Chủ tịch Nguyễn Văn An phát biểu tại lễ kết nạp đảng viên mới.",
                "Toàn bộ đảng viên trong chi bộ đã tham gia học tập nghị quyết.",
                "Cử tri phường Bến Nghé đi bầu cử đại biểu Quốc hội sáng nay.",
                "Chồng đang đi làm, tối mới về",
            ])
        case .ethnicity:
            return ([
                "Chị H'Hen Niê là ⟦người Ê Đê⟧, SĐT 0905 123 456",
                "Bé Ksor H'Ni, ⟦dân tộc Gia Rai⟧, 7 tuổi",
                DetectorExample("| Phòng | Họ và tên | Ngày sinh | Dân tộc |\n|---|---|---|---|\n| 102 | Lò Thị Xuân | 01.11.2001 | ⟦Thái⟧ |",
                                note: "a table's ethnicity column"),
            ], [
                "Lễ hội đua voi là nét văn hóa đặc sắc của người Ê Đê ở Buôn Đôn.",
                "Việt Nam có 54 dân tộc anh em.",
                "Còn lại 3 suất, anh Tuấn nhanh tay nhé",
                "Anh Tuấn có nhiều bạn người Tây",
            ])
        case .sexuality:
            return ([
                "Bóc phốt anh Tuấn là ⟦gay⟧ mà còn lừa tình con gái nhà người ta",
                "Nghe nói chị Lan là ⟦đồng tính nữ⟧",
                "Chị Đoàn Mỹ Hạnh đã công khai ⟦thích người cùng giới⟧ từ năm cấp 3",
                DetectorExample("Mình là Trương Thị Hải Yến, số 0904 726 118. Con thấy mình là con gái, muốn được ⟦chuyển giới⟧.",
                                note: "a clause without a subject of its own shares its sentence's"),
            ], [
                "Tôi đồng tình với ý kiến của anh Tuấn.",
                "Anh Tuấn gây tai nạn rồi bỏ chạy",
                "Lễ diễu hành ủng hộ cộng đồng LGBT diễn ra tại Hà Nội",
                "Lễ hội Viet Pride kêu gọi tôn trọng người cùng giới, chị Lan tham gia",
                DetectorExample("Cảm ơn chị ca sĩ mình thần tượng, chị công khai song tính trên talkshow. Zalo mình 0904 362 117",
                                note: "a star the post does not name"),
                DetectorExample("Mình là Quân, 0904 362 117, cuối tuần đi Pride nè\n#comeout #lgbt", note: "hashtags"),
            ])
        case .privateLife:
            return ([
                "Bóc phốt chị Hoa ⟦ngoại tình⟧ với chồng bạn thân",
                DetectorExample("Ten that: Do Van Quyet 0979 879 978, thang nay ⟦nghien ca do bong da⟧", note: "a gambling habit"),
                DetectorExample("Con trai tôi là Phạm Văn Khải 0912 345 678, năm 2019 nó ⟦đánh bài ăn tiền⟧ ngoài quán", note: "gambling"),
                DetectorExample("Ten no la Dinh Thi Thu Ha 0334 718 265, ke no no ⟦no tin dung den⟧ hon 200tr",
                                note: "\"no no\" typed without marks is \"nó nợ\""),
                "Anh Phúc ⟦vỡ nợ⟧ rồi bỏ trốn, ai biết liên hệ 0905123456",
                "Trần Thị Mai đã ⟦ly hôn⟧ năm ngoái, giờ ở một mình",
                DetectorExample("Anh Hậu 0387 641 259 ⟦tán tỉnh⟧ vợ anh Tâm suốt mấy tháng", note: "flirting with someone's wife"),
                DetectorExample("em gai minh ⟦song thu⟧ voi Luong Van Quyet duoc 2 nam", note: "typed without diacritics"),
                DetectorExample("Chị Vàng Thị Dua (SĐT 0868 245 197) nhiều năm ⟦bị chồng bạo hành⟧",
                                note: "\"nhiều năm\" is how long, not how many people"),
                DetectorExample("Anh Kiều Văn Thắng ⟦nợ cờ bạc hơn 200 triệu⟧ rồi ⟦trốn nợ⟧", note: "the amount belongs to the debt"),
                DetectorExample("Cả xóm biết chị Kim Xuyến còn ⟦nợ bà con trong xã hơn 3 tỷ⟧", note: "words between the debt and its amount"),
                DetectorExample("ck e la Trinh Van Hieu, 3 thang nay ⟦cap ke⟧ voi ⟦nguoi thu ba⟧", note: "teencode without marks"),
                "Anh Lưu Quang Vinh dọa sẽ ⟦giành quyền nuôi con⟧ nếu chị ra tòa",
                DetectorExample("Anh Thạch Văn Lực nhậu về ⟦đuổi ba mẹ con ra khỏi nhà⟧ lúc 11h đêm", note: "an eviction with words between"),
                DetectorExample("Mình và anh Phạm Đức Long ⟦chia tay⟧ vì anh ta ⟦bắt cá hai tay⟧", note: "a break-up in a love story"),
                DetectorExample("Vợ anh Nam là chị Yến, vậy mà anh ấy ⟦bỏ vk con⟧ đi ⟦theo con bồ⟧", note: "\"vk\" for \"vợ\""),
                DetectorExample("Hồ Thị Diễm My vay tiền rồi bỏ trốn. Chồng chị ta còn không biết My ⟦có con riêng⟧.",
                                note: "not knowing is no denial"),
                DetectorExample("Anh Huy ⟦vỡ nợ⟧, giờ còn ⟦nợ cả xóm⟧", note: "owing the whole neighbourhood (a bare \"nợ\" is left alone)"),
            ], [
                "Mình bị mất ví ở chợ, ai nhặt được liên hệ 0905123456",
                "Bí mật làm đẹp của chị em công sở",
                "Vợ nó đi chợ rồi",
                "Bóc phốt shop Mộc An ăn cọc không giao hàng",
                DetectorExample("anh chi nao co kinh nghiem xu ly bao luc gia dinh chi em voi", note: "a general question"),
                DetectorExample("Anh Huy đi làm về thì chủ nợ đã đứng chờ", note: "a creditor, no one's debt"),
                DetectorExample("Chị My bị đuổi việc ở siêu thị vì thiếu tiền quỹ", note: "losing a job is not private life"),
                DetectorExample("Thằng Hậu sđt 0387 641 259 chuyên tán tỉnh các chị em trên mạng rồi mượn tiền không trả",
                                note: "flirting as a scam's method"),
                DetectorExample("Anh Hậu 0387 641 259 hay soi đời tư người khác rồi đăng lên nhóm", note: "the word for private life"),
                DetectorExample("Kêu gọi giúp đỡ anh Thuận (0916 582 043): để có tiền chạy chữa, vợ anh đã vay mượn khắp nơi",
                                note: "borrowing for treatment, an appeal's reason"),
                DetectorExample("Đến giờ shop còn nợ 18.600.000đ tiền hàng. Hotline shop: 0916 273 548",
                                note: "a business's debt"),
                DetectorExample("Công ty CP Địa ốc Nam Phong Xanh (MST 0401397521) vừa công bố mất khả năng trả nợ trái phiếu",
                                note: "a company's debt"),
                DetectorExample("Năm 2021 mình vỡ nợ vì chơi hụi. Ai cần đóng tủ bếp thì gọi anh Khoa 0935 182 476 nhé",
                                note: "the number is a third person's: the poster stays anonymous"),
                DetectorExample("Chị T. (42 tuổi) kể suốt 6 năm bị chồng đánh mỗi lần anh ta say rượu.",
                                note: "an initial hides who she is"),
                DetectorExample("Bị can nhiều lần bạo hành các cháu từ 18 đến 30 tháng tuổi", note: "abuse outside the family"),
                DetectorExample("Kẻ gọi điện là người của anh Mạc Văn Tài, người cho vay nặng lãi ở chợ, số 0865 219 734",
                                note: "the lender, not a debt"),
                DetectorExample("Tối thứ Bảy có tiệc chia tay anh Tuấn về hưu, ai đi báo 0905 123 456", note: "a farewell"),
                DetectorExample("Anh Tuấn đứng đầu ngõ, xe cộ qua lại với tốc độ cao", note: "traffic"),
                DetectorExample("Cùng tuần, chuỗi cà phê Mộc Sơn tuyên bố phá sản, đóng cửa 17 cửa hàng", note: "a business's name"),
                DetectorExample("Ai hay nói \"đàn ông có tiền là có bồ\" thì cứ nói, chị Hạnh chỉ cười", note: "a saying"),
                DetectorExample("✔️ Điều tra ngoại tình, thu thập bằng chứng ly hôn.\n✔️ Tìm người thân thất lạc.\nGọi ngay 0902 715 364",
                                note: "a service's number on a later line"),
                DetectorExample("Về quyền nuôi con, con dưới 36 tháng tuổi được giao cho mẹ, anh Tuấn ạ", note: "a clause about the topic"),
                DetectorExample("Anh Nguyễn Văn Long 0930 617 455 xem bóng đá ở quán cà phê", note: "football, no betting"),
                DetectorExample("Em Lê Thị Hoa, 0930 617 455. Em có đọc báo nói 70% vụ ly hôn do vợ đứng đơn", note: "a statistic"),
                DetectorExample("Chồng em quen Đinh Thị Mỹ Duyên, sinh năm 1997, đang ở trọ phòng 204, hẻm 48 Lê Văn Thọ.\nKinh tế em phụ thuộc chồng hết, em còn nợ thẻ tín dụng 40 triệu chưa trả xong.",
                                note: "the anonymous poster's own debt: the data nearby is the lover's"),
                DetectorExample("Chị Hạnh 0930 617 455 có thấy quảng cáo \"giải quyết ly hôn nhanh, trọn gói\" mà không dám tin",
                                note: "a service's advertisement"),
            ])
        default:
            return ([], [])
        }
    }
}
