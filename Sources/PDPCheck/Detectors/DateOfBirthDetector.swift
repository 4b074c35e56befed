import Foundation

/// Dates of birth written in prose: a date or a year right after a birth word ("sinh ngày
/// 12/05/1990", "SN 1995", "năm sinh: 1987", "DOB 12.05.1990"), a year in brackets right after
/// a name ("Trần Thu Hà (1988)"), a "Ngày sinh" column of a table, and an adult's age next to
/// their name ("anh Tuấn, 35 tuổi"), which gives the birth year away. Children's ages are
/// left to the child-data detector. "sinh viên", "vệ sinh", "phát sinh", "sinh hoạt" are not
/// births; event dates, deadlines, prices and times have no birth word before them.
public struct DateOfBirthDetector: TextDetector {
    let parser: BirthValueParser

    public init(currentYear: Int = CalendarYear.current) {
        parser = BirthValueParser(currentYear: currentYear)
    }

    public var description: DetectorDescription { Self.about }

    static let about = DetectorDescription(
        id: "vn.dob",
        category: .dateOfBirth,
        ruleIds: ["vn.dob.date", "vn.dob.year", "vn.dob.age"],
        summary: "Dates and years of birth after a birth word (sinh, ngày sinh, NS, SN, năm sinh, DOB…), a year in brackets after a name, a \"Ngày sinh\" table column, and an adult's age next to their name.",
        triggeringExamples: [
            "Ngày sinh: ⟦12/05/1990⟧",
            "Họ tên: Lại Văn Trọng, sinh năm ⟦1991⟧, quê Nam Định",
            "Tôi là Bùi Văn Thắng, sinh năm ⟦1962⟧, ở tổ 7 phường Quang Trung.",
            DetectorExample("Chị Lan sinh ⟦ngày 12 tháng 5 năm 1990⟧ tại Huế", note: "a date in words with its \"ngày\""),
            "NS ⟦12-05-1990⟧, quê Nghệ An",
            "DOB: ⟦12.05.1990⟧",
            "Nguyễn Văn Tuấn (SN ⟦1995⟧) đang bị truy tìm",
            "anh Phạm Minh Khôi, sinh ⟦12/5/90⟧",
            "Ngày sinh của bé là ⟦3 tháng 8, 2016⟧ nha",
            "sinh năm ⟦95⟧, quê Thanh Hóa",
            "Chị Trần Thu Hà (⟦1988⟧) đang tìm việc làm",
            "anh Hoàng Văn Tâm, ⟦35 tuổi⟧, ngụ tại xã Hòa Phú",
            DetectorExample("Ong Tran Van Duc (⟦74 tuoi⟧), nha o thon 3", note: "typed without diacritics"),
            "Chị Đoàn Thị Kim Oanh năm nay ⟦31 tuổi⟧.",
            "sinh tháng ⟦5/1990⟧ ở Vinh",
            DetectorExample("Năm sinh:\n⟦1987⟧", note: "a label on its own line names the value below"),
            DetectorExample("ngay sinh ⟦12/05/1990⟧, sdt 0905123456", note: "no diacritics"),
            DetectorExample("Ngày sinh: ⟦20/10⟧", note: "day and month only, after a strong label"),
            DetectorExample("sinh vào ngày ⟦07/11/2001⟧", note: "connector words between cue and date"),
            DetectorExample("STT | Họ tên | Ngày sinh | Số CCCD\n1 | Hà Thị Mỹ Duyên | ⟦14/03/2008⟧ | 048308572914\n2 | Phan Quốc Bảo | ⟦02/09/2008⟧ | 048208113657",
                            note: "the Ngày sinh column of a table"),
            DetectorExample("Date of birth: ⟦05/23/1991⟧", note: "month-first order"),
            "Mừng sinh nhật bạn Lan, sinh nhật: ⟦12/05/1999⟧",
            DetectorExample("Ông đã an nghỉ lúc 14h20 ngày 08/12/2025, hưởng thọ ⟦77 tuổi⟧.", note: "an obituary's age"),
            DetectorExample("ba mẹ tôi (⟦70 tuổi⟧) đi khám về", note: "the poster's parents"),
            DetectorExample("Bà ngoại tôi năm nay ⟦82 tuổi⟧", note: "\"ngoại\" (grandmother) is no \"ngoài\""),
            DetectorExample("1. Trần Hữu Nghĩa (⟦1996⟧) – GPLX hạng B2", note: "a year in brackets after a full name"),
            DetectorExample("STT  Họ tên          NS           SĐT\n01   Đỗ Bảo Ngọc     ⟦14/05/2021⟧   0917 608 650\n02   Lại Minh Quân   ⟦02/09/2020⟧   0794 591 727",
                            note: "columns aligned with spaces, the short header NS"),
            DetectorExample("Ho ten;Nam sinh;SDT\nLe Van Duoc;⟦1993⟧;0787150211\nPham Van Sang;⟦1990⟧;0926520836",
                            note: "semicolon-separated rows"),
            DetectorExample("Phòng\tHọ tên\tNăm sinh\tCCCD\n101\tTrần Quốc Nam\t⟦2003⟧\t083203145276",
                            note: "a tab-separated row: the next cell's number is no part of the year"),
            DetectorExample("1. Nguyễn Hoàng Phúc – ⟦12/03/2015⟧ – lớp 5A\n2. Trần Bảo Ngọc – ⟦05/09/2015⟧ – lớp 5A",
                            note: "a numbered list: the date right after a full name"),
            DetectorExample("Mừng sinh nhật ⟦30 tuổi⟧ của chị Vũ Thanh Mai", note: "the name follows the age"),
            DetectorExample("Bé Thảo team mình tuổi Dần ⟦1998⟧ nên được chọn bánh", note: "the year a zodiac sign names"),
            DetectorExample("Chồng mình tuổi Canh Tuất (⟦1970⟧), cưới năm 1998", note: "a stem and a branch, the year in brackets"),
            DetectorExample("Cụ bà Nguyễn Thị Tý (⟦1940⟧ – 2025) đã về với tổ tiên", note: "a lifespan: the first year is the birth"),
            DetectorExample("Con trai tôi Lê Minh Khoa sinh ⟦2001⟧", note: "\"Khoa\" ends a name here, not \"khoa sinh\""),
            DetectorExample("anh Y Blin (⟦35 tuổi⟧) ở buôn Ko Tam", note: "a name the tables do not know, after an honorific"),
            DetectorExample("Gia đình đang tìm anh trai em là Đỗ Văn Lực, ⟦27 tuổi⟧", note: "\"là\" introduces the name"),
            DetectorExample("Năm sinh: ⟦1953⟧ (năm nay ⟦72 tuổi⟧)", note: "the age on a form's birth line"),
            DetectorExample("Ông nội tôi năm nay ⟦85 tuổi⟧ rồi", note: "the poster's grandfather"),
            DetectorExample("Con trai tôi năm nay ⟦20 tuổi⟧, đang học đại học", note: "the poster's grown-up son"),
            DetectorExample("Anh mình ⟦32 tuổi⟧ vẫn chưa lấy vợ", note: "the poster's brother"),
            DetectorExample("Ngày sinh (dd/mm/yyyy): ⟦12/05/1990⟧", note: "a format hint between the label and the date"),
            DetectorExample("Ông vẫn ra đồng mỗi sáng. Ông sinh năm ⟦1940⟧", note: "\"mỗi\" in the sentence before is no rule"),
            DetectorExample("Anh Minh ⟦1992⟧ tìm bạn gái hiền lành", note: "a year right after an addressed name"),
            DetectorExample("Chị Nguyễn Thị Hoa, quê Thanh Hóa, làm công nhân may, mẹ đơn thân, năm nay ⟦45 tuổi⟧",
                            note: "\"năm nay\" reaches back to the sentence's subject"),
            DetectorExample("Anh Lê Văn Hòa SN⟦1990⟧ quê Hà Tĩnh", note: "the label glued to the year"),
            DetectorExample("1. Lê Văn Tám – ⟦1962⟧ – tổ 3 khu phố 6", note: "a year between dashes after a name"),
            DetectorExample("Anh Nguyễn Văn Khánh (⟦12/05/1990⟧) bị mất ví", note: "a date in brackets after a name"),
            DetectorExample("⟦35 tuổi⟧, anh Trần Quốc Bảo vẫn chưa có việc làm", note: "the name opens the clause after the age"),
            DetectorExample("Ông Phan Văn Tư, ⟦1948⟧, ở thôn 3 xã Hòa Phú", note: "a year as the appositive of a full name"),
            DetectorExample("Người này tên là Lê Thị Thu Hà ⟦1993⟧ (tuổi Quý Dậu), làm nail tự do",
                            note: "the zodiac year in brackets after the year"),
            DetectorExample("HPBD ông xã Lê Hoàng Phúc ⟦1989⟧, làm kỹ sư", note: "\"ông xã\" is a husband, not a commune"),
            DetectorExample("Mẹ mổ xong phải hóa trị 8 đợt.\nMẹ năm nay ⟦57 tuổi⟧ rồi.",
                            note: "a family word opening its sentence, \"năm nay\" and the age"),
            DetectorExample("2️⃣ HPBD ông xã Lê Hoàng Phúc ⟦1989⟧ – ⟦37 tuổi⟧ rồi mà vẫn như con nít 😂",
                            note: "a birth year and the age it makes, not a range"),
            DetectorExample("Nó tên Thạch Ngọc Diễm, tuổi con gà ⟦1993⟧, lớn hơn em 2 tuổi", note: "the zodiac animal's everyday name; an age gap"),
            DetectorExample("ten that: Do Van Quyet, sn ⟦1993⟧ tuoi con ga, que Thai Binh", note: "a year before \"tuổi\" is no age"),
            DetectorExample("Tai xe: Phan Dinh Loc doi ⟦1984⟧, chay tuyen tu 2011", note: "a person's \"đời\""),
            DetectorExample("T sinh ⟦5/3/1990⟧, nam nay ⟦36 tuoi⟧, 1 nach 1 con", note: "the age the birth date just given makes"),
            DetectorExample("Má chồng tui, bà Lâm Thị Hai. Bả sanh ⟦ngày 15 tháng 10 năm 1946⟧", note: "\"sanh\", the Southern \"sinh\""),
            DetectorExample("Di voi me e, me e ⟦72 tuoi⟧ ra DN", note: "\"e\" is the poster's \"em\""),
        ],
        nonTriggeringExamples: [
            DetectorExample("Chị sinh khoảng năm 1972, năm 1989 chị theo người quen vào Nam", note: "an estimated birth year"),
            "Sự kiện diễn ra ngày 12/05/2025 tại Nhà văn hóa phường.",
            "Hạn nộp hồ sơ: 15/12/2025, phỏng vấn lúc 8:30",
            "Ưu tiên sinh viên năm 2, làm ca 18:30 – 22:00",
            "Chi phí sinh hoạt 1.500.000đ/tháng, cọc 2 tháng",
            "Vệ sinh máy lạnh 250k, hẹn 12/5 qua làm",
            "Chi phí phát sinh năm 2025 gồm 3 khoản",
            "Giá chỉ 1990k, năm 2025 doanh thu tăng 20%",
            "Mừng sinh nhật shop 5 năm, giảm 20% từ 12/5 đến 20/5",
            "Mừng sinh nhật ngày 12/05/2025 tại nhà hàng",
            "Học sinh năm nay đạt 92%, tăng so với năm 2024",
            "Gia đình sinh sống tại Đà Nẵng từ năm 2010",
            "Ứng viên sinh năm 1990-1995 được ưu tiên",
            "Tuyển nam/nữ 18 – 40 tuổi, lương 8 triệu",
            "Anh Tuấn làm nghề đã 20 năm",
            DetectorExample("Bé Na năm nay 9 tuổi", note: "a child's age belongs to child_data"),
            DetectorExample("SN 12 ngõ 34 phố Huế", note: "SN = số nhà, a house number"),
            "Ngày sinh và số CCCD xem trong ảnh",
            "41% người được hỏi dùng ngày sinh làm mật khẩu, 23% dùng số điện thoại.",
            "Lễ Giáng sinh năm 2025 tổ chức ở nhà thờ",
            "Phim Mắt Biếc (2019) rất hay",
            "Happy SN 25 tuổi nha",
            "Trẻ em từ đủ 7 tuổi, người từ 18 tuổi trở lên",
            "Sinh viên khóa 2021 đến nhận bằng ngày 12/05/2025",
            "Giấy khai sinh năm 2015 bị mất",
            "Sinh nhật bé vào thứ 7, 20h tại nhà",
            "nam sinh 16 tuổi đạt giải nhất",
            "Số nhà 1990 đường Lê Lợi",
            "Tổ chức sinh nhật lần thứ 10 vào 12/05",
            DetectorExample("SN: 25 Lý Thường Kiệt, Hoàn Kiếm", note: "SN = số nhà before a street"),
            "Hội sinh viên tổ chức ngày 20/11/2025 tại hội trường",
            "Cắt tóc gội đầu dưỡng sinh ngày 17.3.2019, giá 80k",
            DetectorExample("Ngày 27/11/2025, Công an huyện Diên Khánh cho biết đã tạm giữ hình sự Đỗ Văn Lực (SN 1996, trú xã Diên Phú).",
                            note: "a news report"),
            DetectorExample("Đối tượng: trẻ 6 tuổi (sinh năm 2020) có nơi thường trú trên địa bàn phường.", note: "a rule for anyone"),
            DetectorExample("Quán ngon ở Hà Nội (2019) vẫn đông khách", note: "two capitalised words are often a place"),
            "Hotline dưỡng sinh: 1900 4014",
            DetectorExample("STT | Họ tên | Ngày nộp | Số tiền\n1 | Lê Văn An | 12/03/2025 | 500.000đ",
                            note: "a date column that is no birth"),
            DetectorExample("1. Nguyễn Văn An – 15/12/2025 – đã nộp hồ sơ", note: "a recent date after a name in a list"),
            DetectorExample("Họ tên | Ngày sinh\nNguyễn Văn An | (chưa cập nhật)", note: "a birth column without a date"),
            "Người tuổi Dần năm nay gặp nhiều may mắn",
            DetectorExample("Kỷ niệm 50 năm thành lập trường (1975 – 2025)", note: "a lifespan of no person"),
            "Độ tuổi: 25 – 35, ưu tiên có kinh nghiệm",
            DetectorExample("Mừng sinh nhật 5 tuổi của shop, giảm 20%", note: "no person follows the age"),
            "Lễ Giáng sinh năm 2025 ở nhà thờ Lớn",
            DetectorExample("ba mẹ tôi (ngoài 70 tuổi) đi khám về", note: "an estimate is no age"),
            DetectorExample("Chị Nguyễn Thị Hoa hơn 40 tuổi, bán rau ở chợ", note: "an estimate is no age"),
            DetectorExample("Anh Phạm Quốc Huy khoảng 25 tuổi, mặc áo xanh", note: "an estimate is no age"),
            DetectorExample("Ông Lê Văn Tám gần 50 tuổi mới có con", note: "an estimate is no age"),
            DetectorExample("Anh Minh 2019 chuyển vào Sài Gòn làm việc", note: "a year of an event"),
            DetectorExample("Chị Lan năm 1998 đã đi Nhật", note: "a year after a word"),
            DetectorExample("Chị Trần Thu Hà (15/11/2025) đã nộp hồ sơ", note: "a recent date in brackets is an event's"),
            DetectorExample("Mình 30 tuổi, anh Minh hơn mình mấy tuổi", note: "the unnamed poster's age, then another person"),
            DetectorExample("Chị Nguyễn Thị Hoa bán hàng ở chợ. Con gái lớn năm nay 19 tuổi, đi làm xa", note: "another sentence's subject"),
            DetectorExample("Sách của Nguyễn Nhật Ánh, 2019, tái bản lần 3", note: "a recent year after a name"),
            DetectorExample("Mã đơn SN2024 giao ngày mai, ISBN1990 là mã sách", note: "a code, not a label"),
            DetectorExample("Trùng sinh nhật ông ca sĩ bolero bà nội mê nhất, ổng sinh năm 1950 😆", note: "a star nobody names"),
            DetectorExample("Tuyển nam 18 – 40 tuổi, ưu tiên có bằng lái", note: "an age range"),
            DetectorExample("Xe Innova 7 chỗ, đời 2021, cốp rộng", note: "a car's model year"),
            DetectorExample("So sánh năm 2024 với năm 2023 thì giá tăng", note: "\"so sánh\" is no \"sinh\""),
            DetectorExample("a Duc 0706 075 189 dat banh sn cho me, hen ngay 30/11", note: "\"bánh sn\" is a birthday cake"),
            DetectorExample("Riêng phụ xe yêu cầu nam sinh năm 1988 trở về sau", note: "a cut-off year"),
            DetectorExample("Bống mê ca sĩ Hoàng Thùy Lam lắm, năm nay chị ấy cũng 30 tuổi", note: "a titled public figure's age"),
            DetectorExample("a Hai ngoai tinh voi 1 co dong nghiep tam 25 tuoi", note: "\"tam\" without marks is \"tầm\""),
        ])

    private enum Cue: UInt8 {
        case none
        /// "sinh": the value must follow at once ("sinh 1990", "sinh năm 1990", "sinh ngày …").
        case bare
        /// "sinh vào", "sinh ra", "chào đời", "born".
        case strict
        /// "ngày sinh", "sinh ngày", "DOB": a date may come a few words later.
        case dateLabel
        /// "năm sinh", "sinh năm", "SN", "NS": a year (2-digit too) or a date.
        case yearLabel
        /// "sinh nhật": a full date, or a day and month (weak).
        case birthday
        /// "tuổi".
        case age
        /// Wording of news reports.
        case news
    }

    /// The role of each lexicon entry for this detector, by entry index.
    private static let cues: [Cue] = TopicLexicon.shared.entries.map { entry in
        switch entry.topic {
        case .birthCue:
            switch entry.keyword {
            // "sanh" is how the South says "sinh" ("Bả sanh ngày 15 tháng 10 năm 1946").
            case "sinh", "sanh": return .bare
            case "sinh vao", "sinh ra", "chao doi", "born", "sanh ra": return .strict
            case "sinh nam", "nam sinh", "sn", "ns", "sanh nam", "nam sanh": return .yearLabel
            case "sinh nhat", "birthday": return .birthday
            default: return .dateLabel
            }
        case .ageCue:
            return entry.keyword == "tuoi" ? .age : .none
        case .newsCue:
            return .news
        default:
            return .none
        }
    }

    /// Words before "sinh" that make another word of it: "học sinh", "vệ sinh", "phát sinh"…
    static let falseFriendsBeforeSinh: Set<FoldedKey> = FoldedKey.set([
        "so", "hoc", "ve", "phat", "hy", "thi", "giang", "khai", "tai", "hoi", "ky", "san", "nay", "cuu", "vi", "an",
        "dan", "chung", "phuc", "muu", "sieu", "tu", "sinh", "thuc", "ho", "truong", "cong", "dau", "duong", "giao",
        "hau", "nhan", "khoa",
    ])

    /// False friends that are also given names: "Khoa", "Tú", "An", "Hậu", "Nhân", "Công".
    static let givenNamesBeforeSinh: Set<FoldedKey> = FoldedKey.set(["khoa", "tu", "an", "hau", "nhan", "cong", "ky", "phuc", "thuc"])

    /// Words that may stand between a birth word and its value: "sinh vào ngày 12/5", "sinh năm 1990".
    static let connectors: Set<FoldedKey> = FoldedKey.set([
        "ngay", "nam", "thang", "vao", "ra", "la", "on", "in", "of", "luc", "thi", "cua",
    ])

    public func detect(in context: TextScanContext, into matches: inout [TextMatch]) {
        let text = context.text
        var reported = Set<Int>()
        let hits = context.keywordHits
        let cues = Self.cues
        let startsWithSinh = Self.startsWithSinh
        var found: [TextMatch] = []
        let tables = context.tables
        // The cells of a birth column ("Ngày sinh", "NS", "Năm sinh") of a table.
        for cell in tables.cells(.birth, in: text) {
            if let m = tableValue(cell.range, in: text), reported.insert(m.start).inserted { found.append(m) }
        }
        var newsWords = Set<Int>()
        for hit in hits {
            guard hit.entry < cues.count else { continue }
            let cue = cues[hit.entry]
            if cue == .none { continue }
            if cue == .news {
                newsWords.insert(hit.entry)
                continue
            }
            if cue == .age {
                if let m = age(endingAt: hit, hits: hits, after: found.last, in: text), reported.insert(m.start).inserted {
                    found.append(m)
                }
                if let m = zodiacYear(after: hit, in: text), reported.insert(m.start).inserted { found.append(m) }
                continue
            }
            if startsWithSinh[hit.entry] && isFalseFriend(hit, in: text) { continue }
            // "đặt bánh sn cho mẹ", "tiệc sn": the shorthand of "sinh nhật", a birthday.
            if cue == .yearLabel, let w = ProseText.previousWordKey(before: hit.start, in: text), Self.birthdayThings.contains(w) {
                continue
            }
            // A table's header names a column, read above; it is followed by other names, not a value.
            if !tables.blocks.isEmpty && tables.isHeader(hit.start) { continue }
            guard let m = valueAfter(hit, cue: cue, in: text) else { continue }
            if reported.insert(m.start).inserted { found.append(m) }
        }
        gluedLabelYears(in: text, reported: &reported, into: &found)
        bracketedYears(in: text, reported: &reported, into: &found)
        yearsAfterNames(in: context, reported: &reported, into: &found)
        listDates(in: context, reported: &reported, into: &found)
        // A news report or a court statement republishes what is already public.
        if newsWords.count >= NewsStyle.minimumWords {
            for k in found.indices { found[k].confidence = min(found[k].confidence, 0.45) }
        }
        matches.append(contentsOf: found.sorted { $0.start < $1.start })
    }

    // MARK: values after a birth word

    private func valueAfter(_ hit: KeywordHit, cue: Cue, in text: UnsafeBufferPointer<UInt8>) -> TextMatch? {
        // "ngày sinh nhật" is a birthday: the "sinh nhật" hit reads it.
        if cue == .dateLabel, nextWord(after: hit.end, in: text, is: "nhat") { return nil }
        let loose = cue == .dateLabel || cue == .yearLabel
        guard let p = valueStart(after: hit.end, loose: loose, in: text) else { return nil }
        guard let v = parser.parse(at: p, in: text, allowTwoDigitYear: cue == .yearLabel) else { return nil }
        // "SN 12 ngõ 34": SN is a house number there; "SN 25 tuổi" is an age.
        if v.kind == .twoDigitYear || v.kind == .year, followedByMeasureOrPlace(v.range.upperBound, in: text) { return nil }
        // "SN 25 Lý Thường Kiệt": a house number and its street.
        if v.kind == .twoDigitYear,
           ProseText.isUppercase(at: ProseText.skipSpaces(from: v.range.upperBound, in: text), in: text) { return nil }
        var confidence: Double
        switch (v.kind, cue) {
        case (.date, .birthday):
            // A party date this year or last is not a birth date.
            if let y = v.year, y >= parser.currentYear - 1 { return nil }
            confidence = 0.85
        case (.date, .dateLabel): confidence = 0.95
        case (.date, _): confidence = 0.9
        case (.monthYear, .birthday): confidence = 0.6
        case (.monthYear, _): confidence = 0.85
        case (.dayMonth, .birthday): confidence = 0.4
        case (.dayMonth, .bare), (.dayMonth, .strict): confidence = 0.6
        case (.dayMonth, _): confidence = 0.65
        case (.year, .birthday): return nil
        case (.year, .yearLabel): confidence = 0.9
        case (.year, _): confidence = 0.85
        case (.twoDigitYear, .yearLabel): confidence = 0.75
        case (.twoDigitYear, _): return nil
        }
        if LinkContext.isInsideLinkOrEmail(v.range.lowerBound, v.range.upperBound, in: text) { return nil }
        // "nam sinh năm 1988 trở về sau": a cut-off year, for anyone.
        if v.kind == .year || v.kind == .twoDigitYear, isCutOff(after: v.range.upperBound, in: text) { return nil }
        // "trẻ 6 tuổi (sinh năm 2020)", "ứng viên sinh năm 1995": a rule for anyone, not a person.
        if v.kind == .year || v.kind == .twoDigitYear || v.kind == .monthYear, isGeneric(before: hit.start, in: text) {
            return nil
        }
        // "ông ca sĩ bolero bà nội mê nhất, ổng sinh năm 1950": a star nobody names.
        let sentence = RelationalText.sentence(around: hit.start, in: text)
        if PublicFigures.unnamed(before: hit.start, sentence: sentence,
                                 opening: RelationalText.KeyedWords(text, sentence.lowerBound..<max(sentence.lowerBound, hit.start)),
                                 mentions: ProseText.mentions(in: text, window: sentence)) {
            return nil
        }
        let rule = v.kind == .year || v.kind == .twoDigitYear ? "vn.dob.year" : "vn.dob.date"
        return TextMatch(ruleId: rule, category: .dateOfBirth, start: dayWordStart(before: v, in: text),
                         end: v.range.upperBound, confidence: confidence)
    }

    /// A date written in words is one phrase with its "ngày": "sinh ⟦ngày 12 tháng 5 năm 1990⟧"
    /// (the corpus labels it so). Digits with separators (`12/05/1990`) stand alone.
    private func dayWordStart(before v: BirthValueParser.Value, in text: UnsafeBufferPointer<UInt8>) -> Int {
        guard v.kind == .date || v.kind == .dayMonth else { return v.range.lowerBound }
        let d = ProseText.digitsEnd(from: v.range.lowerBound, in: text)
        guard d < text.count, ProseText.spaceLength(at: d, in: text) > 0 else { return v.range.lowerBound }
        let e = ProseText.skipSpacesBackward(from: v.range.lowerBound, in: text)
        guard e < v.range.lowerBound else { return v.range.lowerBound }
        let ws = ProseText.wordStart(endingAt: e, in: text, limit: 12)
        guard ws < e, ProseText.folds(text, ws..<e, to: "ngay"),
              ProseText.spelled(text, ws..<e, as: Self.ngaySpelling) else { return v.range.lowerBound }
        return ws
    }

    static let ngaySpelling = [SpelledWord("ngày")]

    /// Where the value after a birth word starts. Strict cues allow only connectors
    /// ("vào", "ngày", "năm", ":"); loose labels allow a few words ("Ngày sinh của bé là …").
    /// A label that ends its line names the value at the start of the next line.
    private func valueStart(after end: Int, loose: Bool, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = end
        var steps = 0
        var crossedLine = false
        let limit = ProseText.ahead(end, characters: loose ? 48 : 32, in: text)
        while i < limit && steps < 8 {
            let b = text[i]
            if UTF8Classes.isDigit(b) { return i }
            if b == 0x0A {
                // Only a label alone on its line continues on the next one.
                guard !crossedLine, steps <= 2 else { return nil }
                crossedLine = true
                i += 1
                continue
            }
            let sp = ProseText.spaceLength(at: i, in: text)
            if sp > 0 { i += sp; continue }
            // A format hint after a label: "Ngày sinh (dd/mm/yyyy): …", "Ngày sinh (dương lịch): …".
            if b == UInt8(ascii: "("), loose, let close = formatHintEnd(from: i, in: text) { i = close; steps += 1; continue }
            if b == UInt8(ascii: ":") || b == UInt8(ascii: "-") || b == UInt8(ascii: "=") || b == UInt8(ascii: "(")
                || b == UInt8(ascii: ",") && loose {
                i += 1
                steps += 1
                continue
            }
            // An en dash.
            if b == 0xE2 && i + 2 < text.count && text[i + 1] == 0x80 && text[i + 2] == 0x93 { i += 3; steps += 1; continue }
            if ProseText.isLetter(at: i, in: text) {
                let wordEnd = ProseText.wordEnd(from: i, in: text, limit: 16)
                guard wordEnd > i else { return nil }
                if crossedLine { return nil }
                if !loose {
                    guard let word = FoldedKey(text, i..<wordEnd), Self.connectors.contains(word) else { return nil }
                }
                i = wordEnd
                steps += 1
                continue
            }
            return nil
        }
        return nil
    }

    /// The end of a bracketed hint of letters and `/`, `-`, `.`, spaces (no digit) closed
    /// within 24 bytes on the line, followed by a colon.
    private func formatHintEnd(from open: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var k = open + 1
        while k < text.count && k - open < 24 {
            let b = text[k]
            if b == UInt8(ascii: ")") {
                let c = ProseText.skipSpaces(from: k + 1, in: text)
                return k > open + 1 && c < text.count && text[c] == UInt8(ascii: ":") ? k + 1 : nil
            }
            if b == 0x0A || UTF8Classes.isDigit(b) || b == UInt8(ascii: "(") { return nil }
            k += 1
        }
        return nil
    }

    private func nextWord(after end: Int, in text: UnsafeBufferPointer<UInt8>, is word: StaticString) -> Bool {
        let k = ProseText.skipSpaces(from: end, in: text)
        let e = ProseText.wordEnd(from: k, in: text, limit: 16)
        return e > k && ProseText.folds(text, k..<e, to: word)
    }

    /// "trở về sau", "trở về trước", "trở lên", "về sau": the year bounds a rule.
    private func isCutOff(after end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let w = ProseText.skipSpaces(from: end, in: text)
        let we = ProseText.wordEnd(from: w, in: text, limit: 12)
        guard w > end, we > w else { return false }
        if ProseText.folds(text, w..<we, to: "tro") { return true }
        guard ProseText.folds(text, w..<we, to: "ve") else { return false }
        let x = ProseText.skipSpaces(from: we, in: text)
        let xe = ProseText.wordEnd(from: x, in: text, limit: 12)
        return xe > x && (ProseText.folds(text, x..<xe, to: "sau") || ProseText.folds(text, x..<xe, to: "truoc"))
    }

    /// Units, measures and places after a number: it is not a year then.
    static let measureWords: Set<FoldedKey> = FoldedKey.set([
        "tuoi", "ngo", "ngach", "hem", "kiet", "duong", "pho", "to", "thon", "xom", "ap", "p", "q", "phuong", "xa",
        "quan", "huyen", "tang", "phong", "toa", "lo", "can", "k", "nghin", "ngan", "trieu", "tr", "ty", "nguoi",
        "lan", "ngay", "thang", "nam", "h", "gio", "phut", "km", "m", "cm", "kg", "d", "dong", "vnd", "usd",
        "chiec", "cai", "bo", "doi", "sp", "don", "ban", "cuon", "ve", "suat", "hoc", "khoa",
    ])

    /// (A four-digit year before "tuổi" is no age: "sn 1993 tuổi con gà" names the year's animal.)
    private func followedByMeasureOrPlace(_ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let k = ProseText.skipSpaces(from: end, in: text)
        guard ProseText.isLetter(at: k, in: text) else { return false }
        let e = ProseText.wordEnd(from: k, in: text, limit: 16)
        guard let word = FoldedKey(text, k..<e), Self.measureWords.contains(word) else { return false }
        var s = end
        while s > 0 && UTF8Classes.isDigit(text[s - 1]) && end - s < 5 { s -= 1 }
        return !(end - s == 4 && word == Self.ageWord)
    }

    static let ageWord = FoldedKey("tuoi")

    /// Birth words that begin with "sinh", by lexicon entry.
    private static let startsWithSinh: [Bool] = TopicLexicon.shared.entries.map {
        $0.topic == .birthCue && ($0.keyword == "sinh" || $0.keyword.hasPrefix("sinh ")
                                  || $0.keyword == "sanh" || $0.keyword.hasPrefix("sanh "))
    }

    /// "học sinh năm 2", "vệ sinh 2 lần", "phát sinh năm 2025": "sinh" ends another word.
    private func isFalseFriend(_ hit: KeywordHit, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let e = ProseText.skipSpacesBackward(from: hit.start, in: text)
        guard e < hit.start else { return false }
        let s = ProseText.wordStart(endingAt: e, in: text, limit: 16)
        guard s < e else { return false }
        guard FoldedKey(text, s..<e).map({ Self.falseFriendsBeforeSinh.contains($0) }) ?? false else { return false }
        // "Lê Minh Khoa sinh 2001", "anh Tú sinh năm 1990": the word is the end of a name,
        // and "sinh" written in lower case after it is a birth.
        if ProseText.isUppercase(at: s, in: text) && !ProseText.isUppercase(at: hit.start, in: text) {
            let lo = ProseText.lineStart(s, in: text, limit: 60)
            if ProseText.mentions(in: text, window: lo..<e).contains(where: { $0.start <= s && $0.end > s }) {
                return false
            }
            // The last word of a full name ("Con trai tôi Lê Minh Khoa sinh 2001"): a given name
            // after another capitalised word.
            if let w = FoldedKey(text, s..<e), Self.givenNamesBeforeSinh.contains(w) {
                let pe = ProseText.skipSpacesBackward(from: s, in: text)
                let ps = ProseText.wordStart(endingAt: pe, in: text, limit: 16)
                if ps < pe && pe < s && ProseText.isUppercase(at: ps, in: text) { return false }
            }
        }
        return true
    }

    // MARK: tables

    /// The value of a birth column's cell: the whole cell is a date, a month and year, or a year.
    private func tableValue(_ cell: Range<Int>, in whole: UnsafeBufferPointer<UInt8>) -> TextMatch? {
        // Read the cell as if the text ended with it: the next cell's number is no part of it.
        let text = UnsafeBufferPointer(rebasing: whole[0..<cell.upperBound])
        guard !cell.isEmpty, UTF8Classes.isDigit(text[cell.lowerBound]),
              let v = parser.parse(at: cell.lowerBound, in: text, allowTwoDigitYear: false),
              v.range.upperBound == cell.upperBound, v.kind != .dayMonth else { return nil }
        return TextMatch(ruleId: v.kind == .year ? "vn.dob.year" : "vn.dob.date", category: .dateOfBirth,
                         start: v.range.lowerBound, end: v.range.upperBound, confidence: 0.9)
    }

    // MARK: ages and bracketed years next to a name

    /// "anh Tuấn, 35 tuổi": an adult's age right after their name. Ages under 16 are children's.
    private func age(endingAt hit: KeywordHit, hits: [KeywordHit], after birth: TextMatch?,
                     in text: UnsafeBufferPointer<UInt8>) -> TextMatch? {
        let e = ProseText.skipSpacesBackward(from: hit.start, in: text)
        guard e > 0, UTF8Classes.isDigit(text[e - 1]) else { return nil }
        var s = e
        while s > 0 && UTF8Classes.isDigit(text[s - 1]) && e - s < 4 { s -= 1 }
        guard e - s <= 3, !ProseText.gluedBefore(s, in: text), let n = ProseText.value(text, s..<e),
              (16...120).contains(n) else { return nil }
        guard !isRangeOrBound(before: s, in: text) else { return nil }
        // "hưởng thọ 77 tuổi": the age of the person an obituary is about.
        if afterLifespanWord(s, in: text) {
            return TextMatch(ruleId: "vn.dob.age", category: .dateOfBirth, start: s, end: hit.end, confidence: 0.6)
        }
        if namedPerson(endingNear: s, within: 40, in: text) {
            return TextMatch(ruleId: "vn.dob.age", category: .dateOfBirth, start: s, end: hit.end, confidence: 0.6)
        }
        // "Chị Nguyễn Thị Hoa, quê Thanh Hóa, mẹ đơn thân, năm nay 45 tuổi": "năm nay" carries
        // the sentence's subject to the age across a longer gap.
        if followsWord("nay", before: s, in: text), followsWord("nam", before: wordStartBefore(s, in: text), in: text),
           namedPerson(endingNear: s, within: 110, in: text) {
            return TextMatch(ruleId: "vn.dob.age", category: .dateOfBirth, start: s, end: hit.end, confidence: 0.55)
        }
        // "T sinh 5/3/1990, năm nay 36 tuổi": the age the birth date just given makes.
        if let b = birth, b.end <= s, s - b.end <= 24, followsWord("nay", before: s, in: text),
           followsWord("nam", before: wordStartBefore(s, in: text), in: text),
           ProseText.sentence(around: b.end, in: text).contains(s) {
            return TextMatch(ruleId: "vn.dob.age", category: .dateOfBirth, start: s, end: hit.end, confidence: 0.6)
        }
        // "chi Soc Kha (29 tuoi)": an honorific and capitalised words the name tables do not know.
        if addressedWords(endingBefore: s, in: text) {
            return TextMatch(ruleId: "vn.dob.age", category: .dateOfBirth, start: s, end: hit.end, confidence: 0.6)
        }
        // "Năm sinh: 1953 (năm nay 72 tuổi)": the line of a form that gives a birth.
        if birthLabel(onLineBefore: s, hits: hits, in: text) {
            return TextMatch(ruleId: "vn.dob.age", category: .dateOfBirth, start: s, end: hit.end, confidence: 0.6)
        }
        // "Mừng sinh nhật 30 tuổi của chị Vũ Thanh Mai", "cô gái 22 tuổi tên Ngọc Anh": the name follows.
        if namedPerson(startingAfter: hit.end, opensClause: opensClause(s, in: text), in: text) {
            return TextMatch(ruleId: "vn.dob.age", category: .dateOfBirth, start: s, end: hit.end, confidence: 0.6)
        }
        // "ba mẹ tôi (70 tuổi)", "vợ mình năm nay 35 tuổi": the poster's family.
        if ownFamily(before: s, hits: hits, in: text) {
            return TextMatch(ruleId: "vn.dob.age", category: .dateOfBirth, start: s, end: hit.end, confidence: 0.55)
        }
        return nil
    }

    /// Honorifics that address an adult.
    static let adultHonorifics: Set<FoldedKey> = FoldedKey.set(["anh", "chi", "ong", "ba", "co", "chu", "bac", "cu", "di", "thim", "mo"])

    /// "chi Soc Kha (29 tuoi)", "anh Y Blin, 35 tuổi": one to three capitalised words right
    /// before the age (past a bracket or a comma), after an adult's honorific in lower case.
    private func addressedWords(endingBefore s: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var e = ProseText.skipSpacesBackward(from: s, in: text)
        guard e > 0, text[e - 1] == UInt8(ascii: "(") || text[e - 1] == UInt8(ascii: ",") else { return false }
        e = ProseText.skipSpacesBackward(from: e - 1, in: text)
        var words = 0
        while words < 4 {
            let ws = ProseText.wordStart(endingAt: e, in: text, limit: 16)
            guard ws < e else { return false }
            if ProseText.isUppercase(at: ws, in: text) {
                words += 1
                let n = ProseText.skipSpacesBackward(from: ws, in: text)
                guard n < ws, n > 0 else { return false }
                e = n
                continue
            }
            guard words >= 1 && words <= 3, let w = FoldedKey(text, ws..<e) else { return false }
            // "anh trai em là Đỗ Văn Lực, 27 tuổi": "là" and "tên" introduce a name of two words or more.
            if words >= 2 && Self.nameIntroducers.contains(w) { return true }
            return Self.adultHonorifics.contains(w)
        }
        return false
    }

    static let nameIntroducers: Set<FoldedKey> = FoldedKey.set(["la", "ten"])

    /// A birth label ("Năm sinh", "SN", "Ngày sinh") earlier on the line of the age.
    private func birthLabel(onLineBefore s: Int, hits: [KeywordHit], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = ProseText.lineStart(s, in: text, limit: 60)
        let cues = Self.cues
        return hits.contains { h in
            h.start >= lo && h.end <= s && h.entry < cues.count && (cues[h.entry] == .yearLabel || cues[h.entry] == .dateLabel)
                && ProseText.skipSpaces(from: lo, in: text) == h.start && labelsValue(h.end, in: text)
        }
    }

    /// A label followed by its value: `: 1953`, ` 12/05/1990` ("nam sinh 16 tuổi" is a schoolboy).
    private func labelsValue(_ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = ProseText.skipSpaces(from: end, in: text)
        if k < text.count && text[k] == UInt8(ascii: ":") { k = ProseText.skipSpaces(from: k + 1, in: text) }
        guard let v = parser.parse(at: k, in: text, allowTwoDigitYear: false) else { return false }
        return v.kind == .year || v.kind == .date
    }

    /// Words between an age and the name it belongs to: "30 tuổi của chị Mai", "22 tuổi tên Ngọc Anh".
    static let nameLinks: Set<FoldedKey> = FoldedKey.set(["cua", "ten", "la"])

    /// A person mention right after an age (past "của", "tên", "là"), on the same line.
    private func namedPerson(startingAfter end: Int, opensClause: Bool, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = ProseText.skipSpaces(from: end, in: text)
        // "35 tuổi, anh Trần Quốc Bảo vẫn …": an age that opens its sentence, then the name
        // opens the next clause ("Mình 30 tuổi, anh Minh …" is the poster's age).
        if opensClause && k < text.count && text[k] == UInt8(ascii: ",") { k = ProseText.skipSpaces(from: k + 1, in: text) }
        let e = ProseText.wordEnd(from: k, in: text, limit: 8)
        if e > k, let w = FoldedKey(text, k..<e), Self.nameLinks.contains(w) { k = ProseText.skipSpaces(from: e, in: text) }
        guard k < text.count, ProseText.isLetter(at: k, in: text) else { return false }
        let hi = ProseText.lineEnd(k, in: text, limit: 80)
        guard let first = ProseText.mentions(in: text, window: k..<hi).first else { return false }
        return (first.cueStart ?? first.start) == k && (first.isFullName || first.cueStart != nil)
    }

    /// Whether nothing but spaces stands between the start of the line or sentence and `s`.
    private func opensClause(_ s: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let e = ProseText.skipSpacesBackward(from: s, in: text)
        guard e > 0 else { return true }
        let b = text[e - 1]
        return b == 0x0A || b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
    }

    /// The twelve animals of the Vietnamese zodiac and the ten heavenly stems, folded.
    static let zodiacWords: Set<FoldedKey> = FoldedKey.set([
        "ty", "suu", "dan", "mao", "meo", "thin", "ti", "ngo", "mui", "than", "dau", "tuat", "hoi",
        "giap", "at", "binh", "dinh", "mau", "ky", "canh", "tan", "nham", "quy",
    ])

    /// The twelve animals by their everyday names, after "tuổi con".
    static let zodiacAnimals: Set<FoldedKey> = FoldedKey.set([
        "chuot", "trau", "cop", "ho", "meo", "rong", "ran", "ngua", "de", "khi", "ga", "cho", "heo", "lon",
    ])

    /// "tuổi Dần 1998", "tuổi Giáp Tuất (1994)": the year a zodiac sign is named for.
    private func zodiacYear(after hit: KeywordHit, in text: UnsafeBufferPointer<UInt8>) -> TextMatch? {
        // "hợp tuổi Canh Ngọ 1990": a house or a date that suits a sign, no one's birth.
        if followsWord("hop", before: hit.start, in: text) { return nil }
        var k = ProseText.skipSpaces(from: hit.end, in: text)
        var signs = 0
        // "tuổi con gà 1993", "tuổi con Rồng": the animals by their everyday names.
        let c = ProseText.wordEnd(from: k, in: text, limit: 8)
        if c > k, ProseText.folds(text, k..<c, to: "con") {
            let a = ProseText.skipSpaces(from: c, in: text)
            let ae = ProseText.wordEnd(from: a, in: text, limit: 12)
            guard ae > a, let w = FoldedKey(text, a..<ae), Self.zodiacAnimals.contains(w) else { return nil }
            signs = 1
            k = ProseText.skipSpaces(from: ae, in: text)
        }
        while signs < 2, ProseText.isUppercase(at: k, in: text) {
            let e = ProseText.wordEnd(from: k, in: text, limit: 12)
            guard e > k, let w = FoldedKey(text, k..<e), Self.zodiacWords.contains(w) else { break }
            signs += 1
            k = ProseText.skipSpaces(from: e, in: text)
        }
        guard signs > 0 else { return nil }
        if k < text.count && (text[k] == UInt8(ascii: "(") || text[k] == UInt8(ascii: ",") || text[k] == UInt8(ascii: "-")) {
            k = ProseText.skipSpaces(from: k + 1, in: text)
        }
        guard ProseText.isDigit(at: k, in: text), let v = parser.parse(at: k, in: text, allowTwoDigitYear: false),
              v.kind == .year else { return nil }
        return TextMatch(ruleId: "vn.dob.year", category: .dateOfBirth, start: v.range.lowerBound, end: v.range.upperBound,
                         confidence: 0.75)
    }

    /// "hưởng thọ", "hưởng dương", "thọ" right before the age.
    private func afterLifespanWord(_ s: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let e = ProseText.skipSpacesBackward(from: s, in: text)
        let ws = ProseText.wordStart(endingAt: e, in: text, limit: 16)
        guard ws < e else { return false }
        let r = ws..<e
        return (ProseText.folds(text, r, to: "tho") && ProseText.spelled(text, r, as: Spelling.tho))
            || (ProseText.folds(text, r, to: "duong") && ProseText.spelled(text, r, as: Spelling.duong)
                && followsWord("huong", before: ws, in: text))
    }

    private func wordStartBefore(_ s: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        let e = ProseText.skipSpacesBackward(from: s, in: text)
        return ProseText.wordStart(endingAt: e, in: text, limit: 16)
    }

    private func followsWord(_ word: StaticString, before s: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let e = ProseText.skipSpacesBackward(from: s, in: text)
        let ws = ProseText.wordStart(endingAt: e, in: text, limit: 16)
        return ws < e && ProseText.folds(text, ws..<e, to: word)
    }

    static let possessives: Set<FoldedKey> = FoldedKey.set(["toi", "minh", "em", "tui", "tao", "to", "e"])

    /// A family word of the poster's ("mẹ tôi", "ba mẹ mình", "vợ em") shortly before the age.
    private func ownFamily(before s: Int, hits: [KeywordHit], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = ProseText.lineStart(s, in: text, limit: 40)
        var low = 0, high = hits.count
        while low < high {
            let mid = (low + high) / 2
            if hits[mid].end < lo { low = mid + 1 } else { high = mid }
        }
        var i = low
        while i < hits.count && hits[i].end <= s {
            let h = hits[i]
            i += 1
            guard h.start >= lo, TopicLexicon.shared.entries[h.entry].topic == .familyCue else { continue }
            let k = ProseText.skipSpaces(from: h.end, in: text)
            let e = ProseText.wordEnd(from: k, in: text, limit: 12)
            if e > k, let key = FoldedKey(text, k..<e), Self.possessives.contains(key) { return true }
            // "…ung thư vú giai đoạn 2. Mẹ năm nay 57 tuổi rồi": a family word opening its
            // sentence, "năm nay" and the age, told in the first person without "mình".
            if e > k, ProseText.folds(text, k..<e, to: "nam"), opensClause(h.start, in: text) {
                let k2 = ProseText.skipSpaces(from: e, in: text)
                let e2 = ProseText.wordEnd(from: k2, in: text, limit: 12)
                if e2 > k2, ProseText.folds(text, k2..<e2, to: "nay"), ProseText.skipSpaces(from: e2, in: text) == s { return true }
            }
        }
        return false
    }

    /// Things of a birthday before "sn" ("bánh sn", "tiệc sn", "quà sn").
    static let birthdayThings: Set<FoldedKey> = FoldedKey.set(["banh", "tiec", "qua", "mung", "chuc", "hpbd", "le"])

    /// Words that make a birth year a rule for anyone: "trẻ", "các", "ứng viên", "đối tượng".
    static let genericWords: Set<String> = [
        "tre", "cac", "nhung", "doi tuong", "ung vien", "thi sinh", "moi", "tat ca", "cong dan", "ai", "lao dong", "nao",
    ]

    private func isGeneric(before cue: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var lo = ProseText.lineStart(cue, in: text, limit: 40)
        // Only the cue's sentence: "… mỗi sáng. Ông sinh năm 1940" is no rule.
        var k = cue
        while k > lo {
            let b = text[k - 1]
            if (b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")) && k < text.count && text[k] == 0x20 {
                lo = k
                break
            }
            k -= 1
        }
        guard lo < cue else { return false }
        let words = ProseText.folded(text, lo..<cue).split(separator: " ").map(String.init)
        let generic = words.indices.contains { i in
            Self.genericWords.contains(words[i]) || (i + 1 < words.count && Self.genericWords.contains(words[i] + " " + words[i + 1]))
        }
        guard generic else { return false }
        // A name between the generic word and the cue ties the year to a person.
        return ProseText.mentions(in: text, window: lo..<cue).isEmpty
    }

    /// "18 – 40 tuổi", "từ 18 tuổi", "dưới 16 tuổi", "đủ 18 tuổi": a range or a rule, not someone's age.
    static let boundWords: Set<FoldedKey> = FoldedKey.set(["den", "toi", "tu", "duoi", "tren", "du", "qua"])

    private func isRangeOrBound(before s: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let k = ProseText.skipSpacesBackward(from: s, in: text)
        guard k > 0 else { return false }
        if let range = BirthValueParser.isAgeRange(dashBefore: k, in: text) { return range }
        if BirthValueParser.isAgeDifference(before: s, in: text) { return true }
        let ws = ProseText.wordStart(endingAt: k, in: text, limit: 16)
        guard ws < k else { return false }
        if FoldedKey(text, ws..<k).map({ Self.boundWords.contains($0) }) ?? false { return true }
        return isApproximate(ws..<k, in: text)
    }

    /// "ngoài 40 tuổi", "hơn 30 tuổi", "gần 50 tuổi", "khoảng 25 tuổi", "tầm 30 tuổi": an
    /// estimate, not someone's age (Corpus README: an age is "N tuổi" without "ngoài"/"hơn").
    static let approximateWords = FoldedKey.spellings(["ngoài", "hơn", "gần", "khoảng", "chừng", "tầm", "cỡ", "ngót", "xỉ", "sắp"])

    private func isApproximate(_ word: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let key = FoldedKey(text, word), let forms = Self.approximateWords[key] else { return false }
        if ProseText.isASCII(text, word) {
            // "ba ngoai 70 tuoi", "ong ngoai 80 tuoi": the grandparent, not "ngoài".
            if ProseText.folds(text, word, to: "ngoai") {
                let e = ProseText.skipSpacesBackward(from: word.lowerBound, in: text)
                let s = ProseText.wordStart(endingAt: e, in: text, limit: 8)
                if s < e, ProseText.folds(text, s..<e, to: "ba") || ProseText.folds(text, s..<e, to: "ong") { return false }
            }
            // Typed without marks, "co" is "cô" (a teacher, an aunt) as often as "cỡ".
            // Lowercase "tam" is "tầm"; capitalised, it is the name Tâm.
            return !ProseText.folds(text, word, to: "co")
                && !(ProseText.folds(text, word, to: "tam") && ProseText.isUppercase(at: word.lowerBound, in: text))
        }
        return forms.contains { $0.matches(text, word) }
    }

    /// Whether a person mention ends within `distance` bytes before `offset`, in the same
    /// sentence: "anh Tuấn, 35 tuổi", "Trần Văn Đức (74 tuổi)", "chị Oanh năm nay 31 tuổi".
    private func namedPerson(endingNear offset: Int, within distance: Int, in text: UnsafeBufferPointer<UInt8>,
                             minimumFullNameWords: Int = 2) -> Bool {
        let lo = ProseText.lineStart(offset, in: text, limit: distance + 60)
        let mentions = ProseText.mentions(in: text, window: lo..<offset)
        // A name beside a title ("ca sĩ Hoàng Thùy Lam … năm nay chị ấy 30 tuổi") is a public figure's.
        guard let last = mentions.last(where: { $0.end <= offset }), !last.hasTitle,
              ProseText.within(from: last.end, to: offset, distance, in: text) else { return false }
        if last.kind == .fullName {
            var words = 1
            for j in last.start..<last.end where text[j] == 0x20 && j + 1 < last.end && text[j + 1] != 0x20 { words += 1 }
            if words < minimumFullNameWords { return false }
        }
        // No sentence end between the name and the value.
        var i = last.end
        while i < offset {
            let b = text[i]
            if (b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == UInt8(ascii: ";"))
                && i + 1 < text.count && (text[i + 1] == 0x20 || text[i + 1] == 0x0A) { return false }
            i += 1
        }
        return true
    }

    /// "1. Nguyễn Hoàng Phúc – 12/03/2015 – lớp 5A", "Trần Văn Bảo, 1989, Hà Nội": in a list
    /// of people, a date (or a year) standing right after a full name as the next item of the
    /// line is that person's birth date. Only on lines that read as list items or rows: a
    /// marker at the start, or two separators.
    private func listDates(in context: TextScanContext, reported: inout Set<Int>, into found: inout [TextMatch]) {
        let text = context.text
        var lastLine = -1
        var lastLineIsList = false
        for m in context.personMentions where m.isFullName && !m.hasTitle {
            var k = ProseText.skipSpaces(from: m.end, in: text)
            guard k < text.count else { continue }
            let b = text[k]
            if b == UInt8(ascii: "-") || b == UInt8(ascii: ",") || b == UInt8(ascii: "|") || b == UInt8(ascii: ";")
                || b == UInt8(ascii: ":") || b == 0x09 {
                k += 1
            } else if b == 0xE2 && k + 2 < text.count && text[k + 1] == 0x80 && (text[k + 2] == 0x93 || text[k + 2] == 0x94) {
                k += 3
            } else {
                continue
            }
            k = ProseText.skipSpaces(from: k, in: text)
            guard ProseText.isDigit(at: k, in: text), !reported.contains(k),
                  let v = parser.parse(at: k, in: text, allowTwoDigitYear: false), let year = v.year else { continue }
            switch v.kind {
            case .date: guard year <= parser.currentYear - 2 else { continue }
            case .year: guard year >= 1920 && year <= parser.currentYear - 3 else { continue }
            default: continue
            }
            // The value is the whole item: the line, a separator or a bracket follows.
            let after = ProseText.skipSpaces(from: v.range.upperBound, in: text)
            guard after >= text.count || [0x0A, 0x09, UInt8(ascii: "-"), UInt8(ascii: ","), UInt8(ascii: "|"),
                                          UInt8(ascii: ";"), UInt8(ascii: ")"), 0xE2].contains(text[after]) else { continue }
            let ls = ProseText.lineStart(m.start, in: text, limit: 300)
            if ls != lastLine {
                lastLine = ls
                lastLineIsList = ProseText.isListLine(ls, in: text)
            }
            guard lastLineIsList, LinkContext.isInsideLinkOrEmail(v.range.lowerBound, v.range.upperBound, in: text) == false
            else { continue }
            if reported.insert(v.range.lowerBound).inserted {
                found.append(TextMatch(ruleId: v.kind == .year ? "vn.dob.year" : "vn.dob.date", category: .dateOfBirth,
                                       start: v.range.lowerBound, end: v.range.upperBound,
                                       confidence: v.kind == .year ? 0.7 : 0.75))
            }
        }
    }

    /// "Trần Thu Hà (1988)": a year in brackets right after a name. In an obituary's
    /// "Cụ bà Nguyễn Thị Tý (1940 – 2025)" the first year of the lifespan is the birth.
    private func bracketedYears(in text: UnsafeBufferPointer<UInt8>, reported: inout Set<Int>, into matches: inout [TextMatch]) {
        guard let base = text.baseAddress, text.count >= 6 else { return }
        var i = 0
        while i + 5 < text.count {
            guard let found = memchr(base + i, Int32(UInt8(ascii: "(")), text.count - i) else { break }
            let p = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            i = p + 1
            if let m = bracketedDate(at: p + 1, in: text), !reported.contains(m.start) {
                reported.insert(m.start)
                matches.append(m)
                continue
            }
            guard p + 5 < text.count, text[p + 5] == UInt8(ascii: ")") || closesLifespan(after: p + 5, in: text),
                  ProseText.digitsEnd(from: p + 1, in: text) == p + 5,
                  let v = ProseText.value(text, p + 1..<p + 5), parser.fullYear(v, digits: 4) != nil else { continue }
            let e = ProseText.skipSpacesBackward(from: p, in: text)
            guard e > 0, ProseText.isLetter(at: ProseText.wordStart(endingAt: e, in: text, limit: 16), in: text) else { continue }
            // A full name of three words or more ("Trần Thu Hà"), or an addressed one
            // ("chị Lan"): two capitalised words are as often a place ("Hà Nội (2019)").
            guard namedPerson(endingNear: e, within: 0, in: text, minimumFullNameWords: 3) else { continue }
            if reported.insert(p + 1).inserted {
                matches.append(TextMatch(ruleId: "vn.dob.year", category: .dateOfBirth, start: p + 1, end: p + 5,
                                         confidence: 0.7))
            }
        }
    }

    /// "SN1990", "NS1987": the label glued to the year (the shared keyword pass sees one token).
    /// Recent years glued to letters are codes ("SN2024"), not births.
    private func gluedLabelYears(in text: UnsafeBufferPointer<UInt8>, reported: inout Set<Int>, into found: inout [TextMatch]) {
        guard let base = text.baseAddress, text.count >= 6 else { return }
        var i = 0
        while i + 5 < text.count {
            guard let hit = memchr(base + i, Int32(UInt8(ascii: "N")), text.count - i) else { break }
            let n = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            i = n + 1
            // "SN" or "NS" in capitals, opening a word, digits right after.
            let start: Int
            if n > 0 && text[n - 1] == UInt8(ascii: "S") && ProseText.isDigit(at: n + 1, in: text) {
                start = n - 1
            } else if n + 2 < text.count && text[n + 1] == UInt8(ascii: "S") && ProseText.isDigit(at: n + 2, in: text) {
                start = n
            } else {
                continue
            }
            if start > 0 && (UTF8Classes.isASCIIAlnum(text[start - 1]) || text[start - 1] >= 0x80) { continue }
            let d = start + 2
            let e = ProseText.digitsEnd(from: d, in: text)
            guard e - d == 4, !reported.contains(d), let y = ProseText.value(text, d..<e),
                  let year = parser.fullYear(y, digits: 4), year >= 1920, year <= parser.currentYear - 10,
                  parser.isCleanEnd(e, kind: .year, in: text) else { continue }
            if reported.insert(d).inserted {
                found.append(TextMatch(ruleId: "vn.dob.year", category: .dateOfBirth, start: d, end: e, confidence: 0.8))
            }
        }
    }

    static let generationSpelling = [SpelledWord("đời")]

    /// Words after "anh Minh 1992" that go on about the person, not about an event of that year.
    static let afterBirthYearWords: Set<FoldedKey> = FoldedKey.set([
        "tim", "can", "muon", "o", "que", "cao", "nang", "doc", "hien", "nha", "song",
    ])

    /// "anh Minh 1992 tìm bạn gái", "Ông Phan Văn Tư, 1948, ở thôn 3": a year standing right
    /// after an addressed or full name, as its appositive (followed by a comma, a bracket, the
    /// end of the line, or a word about the person) is the person's birth year. A year of an
    /// event needs a word before it ("năm 2019", "từ 2019").
    private func yearsAfterNames(in context: TextScanContext, reported: inout Set<Int>, into found: inout [TextMatch]) {
        let text = context.text
        for m in context.personMentions where !m.hasTitle && (m.cueStart != nil || m.isFullName) {
            var k = ProseText.skipSpaces(from: m.end, in: text)
            guard k < text.count else { continue }
            var comma = false
            // "Phan Đình Lộc đời 1984": a person's "đời" is their birth year (a car's is its model's).
            var generation = false
            let we = ProseText.wordEnd(from: k, in: text, limit: 8)
            if k > m.end, we > k, ProseText.folds(text, k..<we, to: "doi"), ProseText.spelled(text, k..<we, as: Self.generationSpelling) {
                generation = true
                k = ProseText.skipSpaces(from: we, in: text)
            }
            if text[k] == UInt8(ascii: ",") {
                comma = true
                k = ProseText.skipSpaces(from: k + 1, in: text)
            } else if k > m.end, text[k] == UInt8(ascii: "-") || (text[k] == 0xE2 && k + 2 < text.count && text[k + 1] == 0x80
                                                              && text[k + 2] == 0x93) {
                // "Lê Văn Tám – 1962 – tổ 3": a dash works as the comma does.
                comma = true
                k = ProseText.skipSpaces(from: k + (text[k] == 0xE2 ? 3 : 1), in: text)
                guard k > m.end + 2 else { continue }
            } else if k == m.end {
                continue
            }
            guard ProseText.isDigit(at: k, in: text), !reported.contains(k),
                  ProseText.digitsEnd(from: k, in: text) - k == 4,
                  let v = parser.parse(at: k, in: text, allowTwoDigitYear: false), v.kind == .year,
                  // Recent years after a name are more often a citation or an event's ("Nguyễn Nhật Ánh, 2019").
                  let year = v.year, year >= 1920, year <= parser.currentYear - 10 else { continue }
            let after = ProseText.skipSpaces(from: v.range.upperBound, in: text)
            var tied = after >= text.count || text[after] == 0x0A || text[after] == UInt8(ascii: ",")
                || text[after] == UInt8(ascii: ")") || text[after] == UInt8(ascii: ";")
                || (comma && after > v.range.upperBound && (text[after] == UInt8(ascii: "-") || text[after] == 0xE2))
                || (text[after] == UInt8(ascii: ".") && !ProseText.isDigit(at: after + 1, in: text))
            if generation { tied = true }
            if !tied && !comma && ProseText.isLetter(at: after, in: text) {
                let we = ProseText.wordEnd(from: after, in: text, limit: 12)
                tied = FoldedKey(text, after..<we).map { Self.afterBirthYearWords.contains($0) } ?? false
            }
            // "Lê Hoàng Phúc 1989 – 37 tuổi": the age after a dash says it is a birth year.
            if !tied && after > v.range.upperBound && after < text.count && (text[after] == UInt8(ascii: "-") || text[after] == 0xE2) {
                let d = ProseText.skipSpaces(from: after + (text[after] == 0xE2 ? 3 : 1), in: text)
                tied = ProseText.isDigit(at: d, in: text) && BirthValueParser.isAge(at: d, in: text)
            }
            // "Lê Thị Thu Hà 1993 (tuổi Quý Dậu)": the zodiac year in brackets says it is a birth year.
            if !tied && after < text.count && text[after] == UInt8(ascii: "(") {
                let w = ProseText.skipSpaces(from: after + 1, in: text)
                let we = ProseText.wordEnd(from: w, in: text, limit: 12)
                tied = we > w && ProseText.folds(text, w..<we, to: "tuoi")
            }
            guard tied, !followedByMeasureOrPlace(v.range.upperBound, in: text),
                  !LinkContext.isInsideLinkOrEmail(v.range.lowerBound, v.range.upperBound, in: text) else { continue }
            if reported.insert(k).inserted {
                found.append(TextMatch(ruleId: "vn.dob.year", category: .dateOfBirth, start: v.range.lowerBound,
                                       end: v.range.upperBound, confidence: 0.65))
            }
        }
    }

    /// "Anh Nguyễn Văn Khánh (12/05/1990)": a full date in brackets right after a name, at least
    /// two years old (a recent date is an event's).
    private func bracketedDate(at k: Int, in text: UnsafeBufferPointer<UInt8>) -> TextMatch? {
        guard ProseText.isDigit(at: k, in: text), let v = parser.parse(at: k, in: text, allowTwoDigitYear: false),
              v.kind == .date, let year = v.year, year <= parser.currentYear - 10 else { return nil }
        let after = ProseText.skipSpaces(from: v.range.upperBound, in: text)
        guard after < text.count, text[after] == UInt8(ascii: ")") || text[after] == UInt8(ascii: ",") else { return nil }
        let e = ProseText.skipSpacesBackward(from: k - 1, in: text)
        guard e > 0, ProseText.isLetter(at: ProseText.wordStart(endingAt: e, in: text, limit: 16), in: text),
              namedPerson(endingNear: e, within: 0, in: text, minimumFullNameWords: 3) else { return nil }
        return TextMatch(ruleId: "vn.dob.date", category: .dateOfBirth, start: v.range.lowerBound, end: v.range.upperBound,
                         confidence: 0.7)
    }

    /// ` – 2025)`, `-2025)`: the rest of a lifespan after its first year.
    private func closesLifespan(after end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = ProseText.skipSpaces(from: end, in: text)
        guard k < text.count else { return false }
        if text[k] == UInt8(ascii: "-") {
            k += 1
        } else if text[k] == 0xE2 && k + 2 < text.count && text[k + 1] == 0x80 && (text[k + 2] == 0x93 || text[k + 2] == 0x94) {
            k += 3
        } else {
            return false
        }
        k = ProseText.skipSpaces(from: k, in: text)
        let e = ProseText.digitsEnd(from: k, in: text)
        guard e - k == 4, let y = ProseText.value(text, k..<e), parser.fullYear(y, digits: 4) != nil else { return false }
        return e < text.count && text[e] == UInt8(ascii: ")")
    }
}
