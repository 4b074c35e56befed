import Foundation

/// Children identified together with a detail about them (Law 91/2025 Art. 24; Children Law:
/// a child is under 16): a named child ("bé Na", "cháu Minh", "con gái tôi là Nguyễn Ngọc Anh",
/// "em Lê Minh Khoa") and, in the same sentence or within about 120 bytes after the name, an
/// age under 16 ("9 tuổi", "18 tháng tuổi"), a class or a school ("lớp 3A trường Tiểu học Kim
/// Đồng", "mầm non Hoa Sen"), a birth year that makes them under 16, or a photo of them ("ảnh
/// bé", "hình của con"). One finding per detail; the span is the detail. News and school
/// announcements that name no child ("học sinh lớp 5 được nghỉ") stay quiet.
public struct ChildDataDetector: RelationalTextDetector {
    let currentYear: Int

    public init(currentYear: Int = CalendarYear.current) {
        self.currentYear = currentYear
    }

    public var description: DetectorDescription { Self.about }

    static let about = DetectorDescription(
        id: "vn.child",
        category: .childData,
        ruleIds: ["vn.child"],
        summary: "A named child together with an age under 16, a class or school, a birth year that makes them under 16, or a photo of them (Law 91/2025 Art. 24).",
        triggeringExamples: [
            "Bé Lê Gia Hân, ⟦6 tuổi⟧, ở xã Ea Tiêu",
            "Bé Na năm nay ⟦9 tuổi⟧, học ⟦lớp 3A trường Tiểu học Kim Đồng⟧",
            "Cháu Minh ⟦18 tháng tuổi⟧ bị sốt cao",
            "Đặc biệt em Lê Minh Khoa ⟦lớp 9A2⟧ đạt 19,75/20 điểm môn Toán",
            "Con gái tôi là Nguyễn Ngọc Anh, học ⟦mầm non Hoa Sen⟧",
            "Bé Bơ học ⟦Trường Mầm non Sao Mai⟧ nè",
            DetectorExample("be Na nam nay ⟦7 tuoi⟧", note: "typed without diacritics"),
            DetectorExample("Bé Na sinh năm ⟦2018⟧, học ⟦lớp 2B⟧", note: "a birth year that makes her under 16"),
            DetectorExample("Chia sẻ ⟦ảnh bé⟧ Su hôm khai giảng", note: "a photo of a named child"),
            "Cu Tí nhà mình ⟦ba tuổi⟧ rồi mà chưa biết nói",
            "Em Trần Văn Hậu, ⟦12 tuổi⟧, mất tích từ chiều qua",
            DetectorExample("Nguyễn Thị Mai (⟦10 tuổi⟧) đạt giải nhì", note: "an age under 16 next to a full name"),
            DetectorExample("Chị Đoàn Thị Kim Oanh một mình nuôi con gái ⟦7 tuổi⟧", note: "the child of a named adult"),
            "em Đặng Minh Thư, ⟦15 tuổi⟧, học sinh ⟦lớp 10A3 trường THPT Phan Châu Trinh⟧",
            "Nhà anh Tuấn có 2 bé nhỏ (⟦3 tuổi⟧ và ⟦6 tuổi⟧) nên mình chọn lều gần khu vui chơi.",
            DetectorExample("Hội khỏe cấp trường: em Thu Hà (⟦7A4⟧) về nhất chạy 100m", note: "a class in brackets after a pupil"),
            "Bé nhà mình là bé Su (⟦14 tháng tuổi⟧), ngoan lắm",
            "1. be An (⟦lop 1B⟧) – so 12 ngo 5 Tran Khat Chan",
            DetectorExample("| Họ tên | Năm sinh | Lớp |\n| Lang Văn Tú | ⟦2011⟧ | ⟦9A⟧ |", note: "the class column of a table"),
            DetectorExample("DANH SÁCH TRẺ ⟦LỚP CHỒI 2⟧\nHọ tên | Ngày sinh\nĐỗ Bảo Ngọc | ⟦14/05/2021⟧\nLại Minh Quân | ⟦02/09/2020⟧",
                            note: "the class in the heading of a list of its children"),
            DetectorExample("XIN CỨU GIÚP BÉ NGUYỄN ĐĂNG KHOA – ⟦8 TUỔI⟧", note: "a dash after a name is no range"),
            DetectorExample("Chị Hoàng Thị Thơm (38 tuổi) ở thôn Đông Hà.\nChủ nợ đến đòi, ba đứa nhỏ ⟦12 tuổi⟧, ⟦9 tuổi⟧ và ⟦4 tuổi⟧ phải nghỉ học",
                            note: "ages listed after a child's age"),
            DetectorExample("Con trai ⟦5 tuổi⟧ của chị Nguyễn Thị Ngọc bị sốt cao", note: "the parent named after the age"),
            DetectorExample("Bé Bin nhà chị tròn ⟦18 tháng⟧ rồi mà chưa biết đi", note: "an age in months without \"tuổi\""),
            DetectorExample("e ten Nong Thi Hoai, sdt 0329718540\ne co nen bo ck ko? con e moi ⟦2 tuoi⟧", note: "\"moi\" without marks is \"mới\""),
            DetectorExample("Chồng em là Đàm Quang Huy, anh ta ngoại tình.\nTuần trước em đã nộp đơn ra tòa, con gái em mới ⟦4 tuổi⟧ cứ hỏi bố đâu",
                            note: "\"mới\" is no \"mọi\""),
            DetectorExample("Chị gái em là Cao Thị Thanh Tâm, 0930 617 455.\n2 cháu nhà chị: cháu lớn ⟦11 tuổi⟧ học ⟦lớp 6A trường THCS Phù Cừ⟧, cháu nhỏ mới ⟦4 tuổi⟧.",
                            note: "the class right after a child's age"),
            DetectorExample("Em là Nguyễn Thị Thanh Vân, 0905 123 456.\n- bạn lớn là Minh Khuê, sinh ngày ⟦15/8/2017⟧, học ⟦lớp 3A5 trường Tiểu học Nghĩa Tân⟧",
                            note: "a child's reported birth date, and the class after it"),
        ],
        nonTriggeringExamples: [
            DetectorExample("Nó tên Thạch Ngọc Diễm, 0869 417 235, lớn hơn em 2 tuổi", note: "an age gap"),
            DetectorExample("cựu học sinh của trường là em Trương Khánh Linh, hiện học lớp 11 Toán trường THPT Chuyên Bình Long",
                            note: "grade 11: 16 or older"),
            "Học sinh lớp 5 được nghỉ học ngày mai",
            "Trường Tiểu học Phước Hải kính mời quý phụ huynh học sinh lớp 4/3 đến dự họp",
            "Kéo co: lớp 9A1 vô địch năm thứ 2 liên tiếp",
            "Dạy lớp thiếu nhi 6 – 11 tuổi, tối thứ 2-4-6",
            "Trẻ em dưới 6 tuổi được miễn phí vé",
            "Một mình nuôi con gái 7 tuổi",
            "Đồ chơi an toàn cho bé từ 3 tuổi",
            "Anh Tuấn 35 tuổi, làm kỹ sư",
            DetectorExample("Em Đặng Minh Thư bị trầm cảm từ năm lớp 8", note: "a grade once, not a class"),
            "Chúc mừng các em học sinh trường THCS Nguyễn Du",
            "Lớp học nhỏ tối đa mười bạn, học thử miễn phí",
            "Anh Minh học lớp 12A1 trường THPT Lê Quý Đôn",
            "Thay lốp xe 350k",
            "Cho bé ăn dặm, bỉm sữa giá tốt",
            "Chị Lan đang học lớp tiếng Anh buổi tối",
            "Chị Lan bán đồ cho con 3 tuổi trở lên",
            "Shop chị Hà có váy cho bé 2 tuổi",
            "Cần tuyển giáo viên dạy lớp 1, lớp 2 tại trung tâm",
            "Môi trường trẻ trung, ưu tiên sinh viên trường Đại học Bách Khoa",
            DetectorExample("Thầy Nguyễn Văn Bình dạy lớp 5A trường Tiểu học Kim Đồng", note: "a teacher, not a pupil"),
            DetectorExample("Họ tên | Lớp\nNguyễn Văn An | 11A2", note: "grade 11 is no child's"),
            DetectorExample("Nhắc phụ huynh lớp 4A3 nộp tiền quỹ trước thứ 6", note: "a class alone, no list of children"),
            DetectorExample("Shop chị Hà có váy cho bé 2 tuổi, 3 tuổi và 4 tuổi", note: "sizes for any child, listed"),
            "Quần áo cho con 5 tuổi của shop Bống giảm 20%",
            DetectorExample("Anh Tuấn được 3 tháng lương thưởng Tết", note: "months of pay"),
            DetectorExample("Chị Lan đi công tác tròn 2 tháng.", note: "a duration of an adult's"),
            DetectorExample("Chúc mừng em Trần Ngọc Hân! Tuyển sinh lớp 1 năm học 2026 – 2027 bắt đầu từ tháng 6",
                            note: "admissions name no pupil"),
        ])

    // MARK: details

    enum DetailKind {
        case age, school, birthYear, photo
    }

    struct Detail {
        var kind: DetailKind
        var range: Range<Int>
        /// Whether the detail itself says the person is under 16 (an age, a primary-school
        /// class); nil when it says nothing either way (a school by name).
        var impliesMinor: Bool?
        /// A class of grade 11 or 12: its pupil is 16 or older, whatever else is said.
        var olderGrade = false
        /// The confidence of the birth date a `.birthYear` detail was reported with: the birth
        /// detector found its person already ("bạn lớn là Minh Khuê, sinh ngày 15/8/2017").
        var reportedAs: Double?
    }

    private enum Role: UInt8 {
        case none, age, monthsAge, classWord, schoolWord, schoolType, photo, maybePhoto, childCue
    }

    private static let roles: [Role] = TopicLexicon.shared.entries.map { entry in
        switch (entry.topic, entry.keyword) {
        case (.ageCue, "tuoi"): return .age
        case (.ageCue, "thang tuoi"): return .monthsAge
        case (.schoolCue, "lop"): return .classWord
        case (.schoolCue, "truong"): return .schoolWord
        case (.schoolCue, "mam non"), (.schoolCue, "mau giao"), (.schoolCue, "tieu hoc"), (.schoolCue, "thcs"),
             (.schoolCue, "thpt"), (.schoolCue, "nha tre"):
            return .schoolType
        case (.photoCue, _): return .photo
        case (.honorific, "anh"): return .maybePhoto
        case (.childCue, _): return .childCue
        default: return .none
        }
    }

    public func detect(in context: TextScanContext, given primary: [TextMatch], into matches: inout [TextMatch]) {
        let text = context.text
        let hits = context.keywordHits
        var details: [Detail] = []
        var covered = 0
        var hasSchoolWord = false
        let roles = Self.roles
        for hit in hits where hit.entry < roles.count {
            let role = roles[hit.entry]
            switch role {
            case .none, .childCue: continue
            case .age, .monthsAge:
                if let d = age(at: hit, months: role == .monthsAge, in: text) { details.append(d) }
            case .classWord, .schoolWord, .schoolType:
                hasSchoolWord = true
                guard hit.start >= covered, let d = school(at: hit, role: role, in: text) else { continue }
                details.append(d)
                covered = d.range.upperBound
            case .photo, .maybePhoto:
                if let d = photo(at: hit, spelledCheck: role == .maybePhoto, in: text) { details.append(d) }
            }
        }
        details += monthAges(in: text)
        // The cells of a class column ("Lớp") of a table: "9A", "4/3".
        for cell in context.tables.cells(.schoolClass, in: text) where ProseText.isDigit(at: cell.range.lowerBound, in: text) {
            let cellText = UnsafeBufferPointer(rebasing: text[0..<cell.range.upperBound])
            guard let (end, minor) = classCode(after: cell.range.lowerBound, in: cellText), end == cell.range.upperBound,
                  minor != false else { continue }
            hasSchoolWord = true
            details.append(Detail(kind: .school, range: cell.range, impliesMinor: minor))
        }
        let parser = BirthValueParser(currentYear: currentYear)
        for m in primary where m.category == .dateOfBirth && m.ruleId != "vn.dob.age" {
            guard let year = parser.year(of: m.start..<m.end, in: text), currentYear - year < 16 else { continue }
            details.append(Detail(kind: .birthYear, range: m.start..<m.end, impliesMinor: true, reportedAs: m.confidence))
        }
        // "em Thu Hà (7A4)": a class in brackets, in a text about a school.
        let bracketed = hasSchoolWord && hasBracketedClass(in: text)
        // Names are looked for only when there is a detail to tie them to.
        guard !details.isEmpty || bracketed else { return }
        let mentions = context.personMentions
        guard !mentions.isEmpty else { return }
        if bracketed { details += bracketedClasses(after: mentions, in: text) }
        guard !details.isEmpty else { return }
        let schools = details.filter { $0.kind == .school }.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
        // A name inside a school's name ("THCS Nguyễn Du") is no child. Both lists are in text
        // order: one walk.
        var people: [PersonMention] = []
        people.reserveCapacity(mentions.count)
        var si = 0
        for m in mentions {
            // "chị T. (42 tuổi) và con trai (9 tuổi)": an initial is how a report hides who someone is.
            if m.isInitial(in: text) { continue }
            while si < schools.count && schools[si].upperBound <= m.start { si += 1 }
            var inside = false
            var sj = si
            while sj < schools.count && schools[sj].lowerBound <= m.start {
                if m.end <= schools[sj].upperBound { inside = true; break }
                sj += 1
            }
            if !inside { people.append(m) }
        }
        guard !people.isEmpty else { return }
        let strengths = people.map { strength(of: $0, hits: hits, in: text) }
        var knownChildren = Set<Int>()
        var results: [(Detail, Double)] = []
        // Ages and birth years first: they tell which names are children.
        let ordered = details.sorted { ($0.kind == .age || $0.kind == .birthYear ? 0 : 1, $0.range.lowerBound)
            < ($1.kind == .age || $1.kind == .birthYear ? 0 : 1, $1.range.lowerBound) }
        // A class of grade 11 or 12, a university: the pupil is 16 or older, whoever names them.
        // "lớp 11 Toán trường THPT Chuyên …": the school named right after such a class is theirs too.
        let olderClassEnds = details.filter(\.olderGrade).map(\.range.upperBound)
        func afterOlderClass(_ d: Detail) -> Bool {
            olderClassEnds.contains { $0 <= d.range.lowerBound && d.range.lowerBound - $0 <= 16
                && !containsLineBreak($0..<d.range.lowerBound, in: text) }
        }
        for d in ordered where !d.olderGrade && !(d.kind == .school && (afterOlderClass(d) || teaches(before: d.range.lowerBound, in: text))) {
            // A child's birth date reported as someone's is that child's data, named nearby or not.
            guard let (confidence, anchor) = judge(d, people: people, strengths: strengths, knownChildren: knownChildren,
                                                   hits: hits, in: context)
                    ?? d.reportedAs.flatMap({ $0 >= 0.5 ? (min($0, 0.7), nil) : nil }) else { continue }
            if d.impliesMinor == true && (d.kind == .age || d.kind == .birthYear) && confidence >= 0.7, let a = anchor {
                knownChildren.insert(a)
            }
            results.append((d, confidence))
        }
        results += agesListedAfter(results, details: details, in: text)
        results += classesAfterAges(results, details: details, in: text)
        results += listHeadings(details, results: results, people: people, in: text)
        var reported = Set<Range<Int>>()
        for (d, confidence) in results.sorted(by: { $0.0.range.lowerBound < $1.0.range.lowerBound })
        where reported.insert(d.range).inserted {
            matches.append(TextMatch(ruleId: "vn.child", category: .childData, start: d.range.lowerBound,
                                     end: d.range.upperBound, confidence: confidence))
        }
    }

    /// "DANH SÁCH HỌC SINH LỚP 5A", "DS trẻ lớp Chồi 2": the class in the heading of a list of
    /// children is theirs, once at least two children below it are identified. So is the class a
    /// notice at the top of a post is addressed to ("Gửi phụ huynh lớp 1C,") when two or more
    /// pupils are listed below it ("• Bạn Lê Gia Bách …", "1. Nguyễn Bảo Anh …").
    private func listHeadings(_ details: [Detail], results: [(Detail, Double)], people: [PersonMention],
                              in text: UnsafeBufferPointer<UInt8>) -> [(Detail, Double)] {
        var out: [(Detail, Double)] = []
        for d in details where d.kind == .school && d.impliesMinor == true {
            guard !results.contains(where: { $0.0.range == d.range }) else { continue }
            // A class ("lớp 5A"), not a school: the school of a list is everyone's, and no one's detail.
            let w = ProseText.wordEnd(from: d.range.lowerBound, in: text, limit: 8)
            guard ProseText.folds(text, d.range.lowerBound..<w, to: "lop") else { continue }
            let ls = ProseText.lineStart(d.range.lowerBound, in: text, limit: 200)
            let le = ProseText.lineEnd(d.range.upperBound, in: text, limit: 200)
            let words = " " + ProseText.folded(text, ls..<le) + " "
            let list = words.contains(" danh sach ") || words.contains(" ds ")
            if !list && ls < 240 && words.contains(" phu huynh ") {
                if listedPupils(below: le, people: people, in: text) >= 2 { out.append((d, 0.7)) }
                continue
            }
            guard list else { continue }
            let horizon = d.range.upperBound + 4000
            let below = results.filter {
                $0.1 >= 0.7 && $0.0.range.lowerBound > d.range.upperBound && $0.0.range.lowerBound < horizon
            }.count
            if below >= 2 { out.append((d, 0.7)) }
        }
        return out
    }

    /// "ba đứa nhỏ 12 tuổi, 9 tuổi và 4 tuổi": ages listed right after a child's age are the
    /// ages of the same family's children.
    private func agesListedAfter(_ results: [(Detail, Double)], details: [Detail],
                                 in text: UnsafeBufferPointer<UInt8>) -> [(Detail, Double)] {
        var tied: [Int: Double] = [:]
        for (d, c) in results where d.kind == .age && c >= 0.5 { tied[d.range.lowerBound] = c }
        guard !tied.isEmpty else { return [] }
        var out: [(Detail, Double)] = []
        let ages = details.filter { $0.kind == .age }.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var previous: (end: Int, confidence: Double)?
        for d in ages {
            if let c = tied[d.range.lowerBound] {
                previous = (d.range.upperBound, c)
                continue
            }
            guard let p = previous, d.range.lowerBound > p.end, d.range.lowerBound - p.end <= 12,
                  onlyListSeparators(p.end..<d.range.lowerBound, in: text) else {
                previous = nil
                continue
            }
            out.append((d, p.confidence))
            previous = (d.range.upperBound, p.confidence)
        }
        return out
    }

    /// "cháu lớn 11 tuổi học lớp 6A trường THCS Phù Cừ", "sinh ngày 15/8/2017, học lớp 3A5": the
    /// class or school right after a child's age or birth date, joined by "học" or "đang học", is
    /// the same child's.
    private func classesAfterAges(_ results: [(Detail, Double)], details: [Detail],
                                  in text: UnsafeBufferPointer<UInt8>) -> [(Detail, Double)] {
        let ages = results.filter {
            ($0.0.kind == .age || $0.0.kind == .birthYear) && $0.0.impliesMinor == true && $0.1 >= 0.5
        }
        guard !ages.isEmpty else { return [] }
        var out: [(Detail, Double)] = []
        for d in details where d.kind == .school && d.impliesMinor != false && !d.olderGrade {
            guard !results.contains(where: { $0.0.range.overlaps(d.range) }),
                  let (age, confidence) = ages.last(where: { $0.0.range.upperBound <= d.range.lowerBound }),
                  d.range.lowerBound - age.range.upperBound <= 16,
                  onlyStudyWords(age.range.upperBound..<d.range.lowerBound, in: text) else { continue }
            out.append((d, confidence))
        }
        return out
    }

    /// "giáo viên trường THCS Triệu Phước", "dạy ở trường …": a teacher's school, no pupil's.
    private func teaches(before start: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let words = RelationalText.KeyedWords(text, RelationalText.back(start, 24, in: text)..<start)
        return words.contains(Self.teacherWords, inLast: 3)
    }

    static let teacherWords = RelationalText.PhraseTable(["giáo viên", "gv", "cô giáo", "thầy giáo", "hiệu trưởng",
                                                          "dạy", "dạy ở", "dạy tại", "công tác tại"])

    /// Spaces, a comma and "học", "đang học": the joint between an age and the class.
    private func onlyStudyWords(_ r: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = r.lowerBound
        var words = 0
        while i < r.upperBound {
            let b = text[i]
            if b == 0x20 || b == UInt8(ascii: ",") { i += 1; continue }
            let e = ProseText.wordEnd(from: i, in: text, limit: 8)
            guard e > i, e <= r.upperBound, ProseText.folds(text, i..<e, to: "hoc") || ProseText.folds(text, i..<e, to: "dang")
            else { return false }
            words += 1
            i = e
        }
        return words >= 1
    }

    /// Spaces, commas, "và", "va", "&", a dash or a slash: nothing but the joints of a list.
    private func onlyListSeparators(_ r: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound {
            let b = text[i]
            if b == 0x20 || b == UInt8(ascii: ",") || b == UInt8(ascii: "&") || b == UInt8(ascii: "-") || b == UInt8(ascii: "/") {
                i += 1
                continue
            }
            let e = ProseText.wordEnd(from: i, in: text, limit: 8)
            guard e > i, e <= r.upperBound, ProseText.folds(text, i..<e, to: "va"),
                  ProseText.spelled(text, i..<e, as: Self.vaSpelling) else { return false }
            i = e
        }
        return true
    }

    static let vaSpelling = [SpelledWord("và")]

    /// Names that open a list item in the 1500 bytes after `offset`: "1. Nguyễn Bảo Anh", "• Bạn Lê
    /// Gia Bách" (the name, or its honorific, within the line's first 12 bytes).
    private func listedPupils(below offset: Int, people: [PersonMention], in text: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var lastLine = -1
        for m in people where m.start > offset && m.start < offset + 1500 {
            let ls = ProseText.lineStart(m.start, in: text, limit: 40)
            let opening = m.cueStart ?? m.start
            guard ls != lastLine, opening > ls, opening - ls <= 12 else { continue }
            let marker = ls < text.count ? text[ls] : 0
            // A bullet or a number opens the item (not a sentence that starts with a name).
            guard marker >= 0x80 || marker == UInt8(ascii: "-") || marker == UInt8(ascii: "*")
                    || ProseText.isDigit(at: ls, in: text) else { continue }
            lastLine = ls
            count += 1
        }
        return count
    }

    /// Words before a bare grade that make it a time: "từ năm lớp 8", "hồi lớp 3", "khi lên lớp 6".
    static let pastGradeWords: Set<FoldedKey> = FoldedKey.set(["nam", "tu", "hoi", "khi", "luc", "den", "len", "tuoi", "tu hoi"])

    private func admissionOrTeaching(before p: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let e = ProseText.skipSpacesBackward(from: p, in: text)
        let s = ProseText.wordStart(endingAt: e, in: text, limit: 16)
        guard s < e else { return false }
        if ProseText.folds(text, s..<e, to: "day") { return true }
        guard ProseText.folds(text, s..<e, to: "sinh") else { return false }
        let e2 = ProseText.skipSpacesBackward(from: s, in: text)
        let s2 = ProseText.wordStart(endingAt: e2, in: text, limit: 16)
        return s2 < e2 && e2 < s && ProseText.folds(text, s2..<e2, to: "tuyen")
    }

    private func previousWordKey(before p: Int, in text: UnsafeBufferPointer<UInt8>) -> FoldedKey? {
        let e = ProseText.skipSpacesBackward(from: p, in: text)
        let s = ProseText.wordStart(endingAt: e, in: text, limit: 16)
        return s < e ? FoldedKey(text, s..<e) : nil
    }

    /// Whether the text holds a class code in brackets: `(7A4)`, `(5/1)`.
    private func hasBracketedClass(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        var i = 0
        while i + 3 < text.count {
            guard let found = memchr(base + i, Int32(UInt8(ascii: "(")), text.count - i) else { return false }
            let p = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            i = p + 1
            if ProseText.isDigit(at: p + 1, in: text), let (end, _) = classCode(after: p + 1, in: text),
               end < text.count, text[end] == UInt8(ascii: ")") { return true }
        }
        return false
    }

    /// `(7A4)` right after a name.
    private func bracketedClasses(after mentions: [PersonMention], in text: UnsafeBufferPointer<UInt8>) -> [Detail] {
        var found: [Detail] = []
        for m in mentions {
            let k = ProseText.skipSpaces(from: m.end, in: text)
            guard k < text.count, text[k] == UInt8(ascii: "("), ProseText.isDigit(at: k + 1, in: text) else { continue }
            guard let (end, minor) = classCode(after: k + 1, in: text), end < text.count, text[end] == UInt8(ascii: ")") else { continue }
            // A class has a letter (`7A4`), not only a number (`(1995)`, `(12)`).
            guard (k + 1..<end).contains(where: { UTF8Classes.isASCIILetter(text[$0]) }) else { continue }
            found.append(Detail(kind: .school, range: (k + 1)..<end, impliesMinor: minor))
        }
        return found
    }

    /// Spelled ages: "ba tuổi", "mười hai tuổi".
    static let spelledNumbers: [(word: SpelledWord, value: Int)] = [
        ("một", 1), ("hai", 2), ("ba", 3), ("bốn", 4), ("năm", 5), ("sáu", 6), ("bảy", 7), ("tám", 8), ("chín", 9),
        ("mười", 10),
    ].map { (SpelledWord($0.0), $0.1) }
    static let foldedNumbers = FoldedKey.table([
        "mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
    ])

    /// The number a spelled word names, spelled with its diacritics or without any.
    private func spelledNumber(_ text: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        guard r.count <= 12, let key = FoldedKey(text, r), let v = Self.foldedNumbers[key] else { return nil }
        if ProseText.isASCII(text, r) { return v }
        return Self.spelledNumbers.first { $0.word.matches(text, r) }?.value
    }

    /// "9 tuổi", "ba tuổi", "18 tháng tuổi": an age under 16.
    private func age(at hit: KeywordHit, months: Bool, in text: UnsafeBufferPointer<UInt8>) -> Detail? {
        let e = ProseText.skipSpacesBackward(from: hit.start, in: text)
        guard e > 0 else { return nil }
        var s = e
        var value: Int?
        if UTF8Classes.isDigit(text[e - 1]) {
            while s > 0 && UTF8Classes.isDigit(text[s - 1]) && e - s < 3 { s -= 1 }
            guard !ProseText.gluedBefore(s, in: text) else { return nil }
            value = ProseText.value(text, s..<e)
        } else {
            s = ProseText.wordStart(endingAt: e, in: text, limit: 16)
            guard s < e else { return nil }
            guard let v = spelledNumber(text, s..<e) else { return nil }
            value = v
            // "mười hai tuổi".
            let pe = ProseText.skipSpacesBackward(from: s, in: text)
            let ps = ProseText.wordStart(endingAt: pe, in: text, limit: 16)
            if v < 10, ps < pe, spelledNumber(text, ps..<pe) == 10 {
                value = 10 + v
                s = ps
            }
        }
        guard let n = value else { return nil }
        if !months && n >= 16 { return nil }
        if months && n > 36 { return nil }
        if isRangeOrBound(before: s, in: text) { return nil }
        // "3 tuổi trở lên": a rule for any child.
        let k = ProseText.skipSpaces(from: hit.end, in: text)
        let e2 = ProseText.wordEnd(from: k, in: text, limit: 8)
        if e2 > k && ProseText.folds(text, k..<e2, to: "tro") { return nil }
        return Detail(kind: .age, range: s..<hit.end, impliesMinor: true)
    }

    /// Words before "18 tháng" that make it a baby's age: "tròn 18 tháng", "được 8 tháng".
    static let monthAgeLeads = FoldedKey.spellings(["tròn", "được", "mới"])
    static let thangSpelling = [SpelledWord("tháng")]
    static let roiSpelling = [SpelledWord("rồi")]

    /// "bé Bin tròn 18 tháng rồi", "cháu mới được 8 tháng.": a baby's age in months without
    /// "tuổi", after "tròn", "được" or "mới" and ending the clause. Not "được 3 tháng lương".
    private func monthAges(in text: UnsafeBufferPointer<UInt8>) -> [Detail] {
        var out: [Detail] = []
        var i = 0
        while i < text.count && out.count < 64 {
            // Eight bytes at a time to the next digit: the test has no false negatives (a byte
            // below 10 after the xor is a digit), only false positives, read byte by byte.
            if i + 8 <= text.count, let base = text.baseAddress {
                let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ 0x3030_3030_3030_3030
                if (x &- 0x0A0A_0A0A_0A0A_0A0A) & ~x & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            guard UTF8Classes.isDigit(text[i]) else { i += 1; continue }
            let s = i
            let e = ProseText.digitsEnd(from: s, in: text)
            i = e
            guard e - s <= 2, !ProseText.gluedBefore(s, in: text), let n = ProseText.value(text, s..<e), (1...36).contains(n) else { continue }
            let w = ProseText.skipSpaces(from: e, in: text)
            guard w > e else { continue }
            let we = ProseText.wordEnd(from: w, in: text, limit: 12)
            guard we > w, ProseText.folds(text, w..<we, to: "thang"), ProseText.spelled(text, w..<we, as: Self.thangSpelling) else { continue }
            // The clause ends here, or "rồi" follows.
            let k = ProseText.skipSpaces(from: we, in: text)
            if ProseText.isLetter(at: k, in: text) {
                let ke = ProseText.wordEnd(from: k, in: text, limit: 12)
                guard ProseText.folds(text, k..<ke, to: "roi"), ProseText.spelled(text, k..<ke, as: Self.roiSpelling) else { continue }
            } else if ProseText.isDigit(at: k, in: text) {
                continue
            }
            let pe = ProseText.skipSpacesBackward(from: s, in: text)
            let ps = ProseText.wordStart(endingAt: pe, in: text, limit: 12)
            guard ps < pe, pe < s, let key = FoldedKey(text, ps..<pe), let forms = Self.monthAgeLeads[key],
                  ProseText.isASCII(text, ps..<pe) || forms.contains(where: { $0.matches(text, ps..<pe) }) else { continue }
            out.append(Detail(kind: .age, range: s..<we, impliesMinor: true))
        }
        return out
    }

    static let boundWords: Set<FoldedKey> = FoldedKey.set(["den", "toi", "tu", "duoi", "tren", "du", "qua", "hon", "cac", "nhung", "moi"])

    private func isRangeOrBound(before s: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let k = ProseText.skipSpacesBackward(from: s, in: text)
        guard k > 0 else { return false }
        if let range = BirthValueParser.isAgeRange(dashBefore: k, in: text) { return range }
        if BirthValueParser.isAgeDifference(before: s, in: text) { return true }
        let ws = ProseText.wordStart(endingAt: k, in: text, limit: 16)
        guard ws < k else { return false }
        guard let key = FoldedKey(text, ws..<k), Self.boundWords.contains(key) else { return false }
        if ProseText.isASCII(text, ws..<k) {
            // Typed without marks, "moi" before an age is "mới" (just: "con e moi 2 tuoi"), never
            // "mọi"; "toi" is "tới" only after a number ("tu 3 toi 5 tuoi"), else "tôi".
            if ProseText.folds(text, ws..<k, to: "moi") { return false }
            if ProseText.folds(text, ws..<k, to: "toi") {
                let d = ProseText.skipSpacesBackward(from: ws, in: text)
                return d > 0 && UTF8Classes.isDigit(text[d - 1])
            }
            return true
        }
        // Spelled with marks, "mới" (just) is not "mọi" (every), nor "tôi" "tới".
        return ProseText.spelled(text, ws..<k, as: Self.spelledBoundWords)
    }

    static let spelledBoundWords = ["đến", "tới", "từ", "dưới", "trên", "đủ", "qua", "hơn", "các", "những", "mọi"]
        .map(SpelledWord.init)

    /// Kinds of school by the words after "trường": whether they teach children under 16.
    static let schoolTypes: [(key: FoldedKey, words: Int, minor: Bool?, adult: Bool)] = [
        ("mam non", true), ("mau giao", true), ("nha tre", true), ("tieu hoc", true), ("thcs", true),
        ("trung hoc co so", true), ("th", true), ("ptdtbt", true), ("ptcs", true), ("thpt", false),
        ("trung hoc pho thong", false), ("pt", nil), ("chuyen", nil), ("quoc te", nil), ("lien cap", nil),
        ("dai hoc", nil), ("cao dang", nil), ("trung cap", nil), ("dh", nil), ("cd", nil),
    ].compactMap { type, minor in
        FoldedKey(type).map { ($0, type.split(separator: " ").count, minor, adultSchools.contains(type)) }
    }

    /// First words of the kinds of school ("mầm" non, "tiểu" học…).
    static let schoolTypeFirstWords: Set<FoldedKey> = FoldedKey.set([
        "mam", "mau", "nha", "tieu", "thcs", "trung", "th", "ptdtbt", "ptcs", "thpt", "pt", "chuyen", "quoc", "lien",
        "dai", "cao", "dh", "cd",
    ])

    static let schoolTypeByKey: [FoldedKey: (minor: Bool?, adult: Bool)] =
        schoolTypes.reduce(into: [:]) { d, t in d[t.key] = (t.minor, t.adult) }

    /// Higher education: not a child's school.
    static let adultSchools: Set<String> = ["dai hoc", "cao dang", "trung cap", "dh", "cd"]

    /// "lớp 3A", "lớp 3A trường Tiểu học Kim Đồng", "trường THCS Nguyễn Du", "mầm non Hoa Sen".
    private func school(at hit: KeywordHit, role: Role, in text: UnsafeBufferPointer<UInt8>) -> Detail? {
        switch role {
        case .classWord:
            // The hit is the word itself ("lớp", not "lốp").
            guard ProseText.spelled(text, hit.start..<hit.end, as: Spelling.lop) else { return nil }
            guard let (codeEnd, minor) = classCode(after: hit.end, in: text) else { return nil }
            // A school right after the class belongs to the same phrase.
            var k = ProseText.skipSpaces(from: codeEnd, in: text)
            if k < text.count && (text[k] == UInt8(ascii: ",") || text[k] == UInt8(ascii: "-")) { k = ProseText.skipSpaces(from: k + 1, in: text) }
            if let (schoolEnd, schoolMinor) = schoolName(at: k, in: text) {
                return Detail(kind: .school, range: hit.start..<schoolEnd, impliesMinor: minor ?? schoolMinor,
                              olderGrade: minor == false)
            }
            // "từ năm lớp 8", "hồi lớp 3": a grade the person was in once, not their class.
            let gradeOnly = (hit.end..<codeEnd).allSatisfy { !UTF8Classes.isASCIILetter(text[$0]) && text[$0] != UInt8(ascii: "/") }
            if gradeOnly, let key = previousWordKey(before: hit.start, in: text), Self.pastGradeWords.contains(key) { return nil }
            // "tuyển sinh lớp 1", "dạy lớp 2": admissions and teaching name no pupil.
            if gradeOnly, admissionOrTeaching(before: hit.start, in: text) { return nil }
            return Detail(kind: .school, range: hit.start..<codeEnd, impliesMinor: minor, olderGrade: minor == false)
        case .schoolWord, .schoolType:
            guard let (end, minor) = schoolName(at: hit.start, in: text) else { return nil }
            return Detail(kind: .school, range: hit.start..<end, impliesMinor: minor)
        default:
            return nil
        }
    }

    /// `5A`, `9A2`, `4/3`, `10A1`, `12C`, `Lá`, `Chồi`, `Mầm`: the class after "lớp", and
    /// whether its grade is one of children under 16 (grades 1–9 and preschool groups).
    private func classCode(after end: Int, in text: UnsafeBufferPointer<UInt8>) -> (Int, Bool?)? {
        let k = ProseText.skipSpaces(from: end, in: text)
        guard k < text.count else { return nil }
        if UTF8Classes.isDigit(text[k]) {
            let dEnd = ProseText.digitsEnd(from: k, in: text)
            guard dEnd - k <= 2, let grade = ProseText.value(text, k..<dEnd), (1...12).contains(grade) else { return nil }
            var i = dEnd
            while i < text.count && i - dEnd < 4 && (UTF8Classes.isASCIIAlnum(text[i])
                    || ((text[i] == UInt8(ascii: "/") || text[i] == UInt8(ascii: ".")) && ProseText.isDigit(at: i + 1, in: text))) {
                i += 1
            }
            guard !ProseText.isLetter(at: i, in: text) else { return nil }
            // Grades 1–9 are children under 16; grade 10 may be 15 or 16; 11 and 12 are older.
            return (i, grade <= 9 ? true : (grade == 10 ? nil : false))
        }
        let e = ProseText.wordEnd(from: k, in: text, limit: 16)
        guard e > k else { return nil }
        let group = FoldedKey(text, k..<e).map { Self.kindergartenGroups.contains($0) } ?? false
        if group && ProseText.isUppercase(at: k, in: text) && ProseText.spelled(text, k..<e, as: Spelling.kindergartenGroups) {
            // "lớp Mầm 2", "lớp Lá 3".
            let n = ProseText.skipSpaces(from: e, in: text)
            if n > e, ProseText.isDigit(at: n, in: text) {
                let dEnd = ProseText.digitsEnd(from: n, in: text)
                if dEnd - n <= 2 && !ProseText.isLetter(at: dEnd, in: text) { return (dEnd, true) }
            }
            return (e, true)
        }
        return nil
    }

    /// "trường Tiểu học Kim Đồng", "THCS Nguyễn Du", "mầm non Hoa Sen": the end of the school's
    /// name and whether it teaches children under 16.
    private func schoolName(at p: Int, in text: UnsafeBufferPointer<UInt8>) -> (Int, Bool?)? {
        guard ProseText.isLetter(at: p, in: text) else { return nil }
        var i = p
        var end = p
        // "trường" itself.
        let w0 = ProseText.wordEnd(from: i, in: text, limit: 16)
        if ProseText.folds(text, i..<w0, to: "truong") {
            guard ProseText.spelled(text, i..<w0, as: Spelling.truong) else { return nil }
            end = w0
            i = ProseText.skipSpaces(from: w0, in: text)
            // Most "trường" are no school's name: "môi trường trẻ trung", "trường học", "trường hợp".
            guard i < text.count else { return nil }
            if !ProseText.isUppercase(at: i, in: text) {
                let e = ProseText.wordEnd(from: i, in: text, limit: 16)
                guard e > i, let key = FoldedKey(text, i..<e), Self.schoolTypeFirstWords.contains(key) else { return nil }
            }
        }
        // The kind of school.
        var minor: Bool?
        // Ends of the next four words.
        var ends: [Int] = []
        ends.reserveCapacity(4)
        var j = i
        while ends.count < 4 {
            let e = ProseText.wordEnd(from: j, in: text, limit: 16)
            guard e > j, ProseText.isLetter(at: j, in: text) else { break }
            ends.append(e)
            let n = ProseText.skipSpaces(from: e, in: text)
            guard n > e else { break }
            j = n
        }
        // The longest kind of school the next words spell.
        var n = ends.count
        while n >= 1 {
            if let key = FoldedKey(text, i..<ends[n - 1]), let type = Self.schoolTypeByKey[key] {
                if type.adult { return nil }
                minor = type.minor
                end = ends[n - 1]
                i = ProseText.skipSpaces(from: end, in: text)
                break
            }
            n -= 1
        }
        // The name: capitalised words.
        var named = false
        var k = i
        var count = 0
        while count < 5 && ProseText.isUppercase(at: k, in: text) {
            let e = ProseText.wordEnd(from: k, in: text, limit: 24)
            guard e > k else { break }
            end = e
            named = true
            count += 1
            let n = ProseText.skipSpaces(from: e, in: text)
            guard n > e else { break }
            k = n
        }
        guard named else { return nil }
        return (end, minor)
    }

    /// "ảnh bé", "hình của con", "clip cháu": a photo or video of a child.
    private func photo(at hit: KeywordHit, spelledCheck: Bool, in text: UnsafeBufferPointer<UInt8>) -> Detail? {
        // "ảnh" is 5 bytes in NFC and NFD; "anh" (typed plain, or the honorific) is 3.
        if spelledCheck {
            guard hit.end - hit.start == 5, Spelling.anh.matches(text, hit.start..<hit.end) else { return nil }
        }
        var k = ProseText.skipSpaces(from: hit.end, in: text)
        var e = ProseText.wordEnd(from: k, in: text, limit: 16)
        guard e > k else { return nil }
        if ProseText.folds(text, k..<e, to: "cua") {
            k = ProseText.skipSpaces(from: e, in: text)
            e = ProseText.wordEnd(from: k, in: text, limit: 16)
            guard e > k else { return nil }
        }
        guard let word = FoldedKey(text, k..<e), Self.photoSubjects.contains(word) else { return nil }
        guard ProseText.spelled(text, k..<e, as: Spelling.childWords) else { return nil }
        return Detail(kind: .photo, range: hit.start..<e, impliesMinor: nil)
    }

    // MARK: tying details to a named child

    enum Strength { case child, neutral, adult }

    static let photoSubjects: Set<FoldedKey> = FoldedKey.set(["be", "chau", "con", "cu", "nhoc"])
    static let kindergartenGroups: Set<FoldedKey> = FoldedKey.set(["la", "choi", "mam"])
    static let childHonorifics: Set<FoldedKey> = FoldedKey.set(["be", "chau", "cu", "con", "nhoc", "nho"])
    static let adultHonorifics: Set<FoldedKey> = FoldedKey.set([
        "anh", "chi", "co", "chu", "bac", "ong", "ba", "thay", "me", "bo", "ma", "vo", "chong", "cau", "mo", "di",
        "duong", "thim", "mr", "ms", "mrs", "bs",
    ])

    private func strength(of m: PersonMention, hits: [KeywordHit], in text: UnsafeBufferPointer<UInt8>) -> Strength {
        if let cue = m.cueStart {
            let e = ProseText.wordEnd(from: cue, in: text, limit: 16)
            let word = FoldedKey(text, cue..<e) ?? FoldedKey()
            if Self.childHonorifics.contains(word) { return .child }
            if Self.adultHonorifics.contains(word) {
                return childCue(in: ProseText.back(cue, characters: 24, in: text)..<cue, hits: hits) ? .child : .adult
            }
            return childCue(in: ProseText.back(cue, characters: 24, in: text)..<cue, hits: hits) ? .child : .neutral
        }
        // "con gái tôi là Nguyễn Ngọc Anh", "học sinh Trần Văn Hậu".
        return childCue(in: ProseText.back(m.start, characters: 32, in: text)..<m.start, hits: hits) ? .child : .neutral
    }

    /// Whether a child word ("bé", "con gái", "học sinh") ends in the range.
    private func childCue(in range: Range<Int>, hits: [KeywordHit]) -> Bool {
        var lo = 0, hi = hits.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if hits[mid].end < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < hits.count && hits[i].end <= range.upperBound {
            if hits[i].entry < Self.roles.count && Self.roles[hits[i].entry] == .childCue { return true }
            i += 1
        }
        return false
    }

    /// Kinship words that make a child someone's: "con gái", "con trai", "con", "cháu".
    private static let kinship: [Bool] = TopicLexicon.shared.entries.map {
        $0.topic == .childCue && ["con gai", "con trai", "con", "chau", "con toi", "con minh", "con em", "chau noi",
                                  "chau ngoai", "be nha minh", "be nha em", "be", "dua nho", "dua con", "con nho"]
            .contains($0.keyword)
    }
    /// Words before a kinship word that make it anyone's: "đồ cho con 3 tuổi", "các cháu 5 tuổi".
    private static let genericBeforeKin: Set<FoldedKey> = FoldedKey.set(["cho", "cac", "nhung", "danh", "moi", "tre", "voi", "nhu"])

    /// "nuôi con gái 7 tuổi", "có 2 bé nhỏ (3 tuổi và 6 tuổi)": a kinship word shortly before
    /// the age, not "đồ cho con 3 tuổi".
    private func kinshipBefore(_ s: Int, hits: [KeywordHit], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = ProseText.lineStart(s, in: text, limit: 24)
        var low = 0, high = hits.count
        while low < high {
            let mid = (low + high) / 2
            if hits[mid].end < lo { low = mid + 1 } else { high = mid }
        }
        let kinship = Self.kinship
        var i = low
        while i < hits.count && hits[i].end <= s {
            let h = hits[i]
            i += 1
            guard h.entry < kinship.count, kinship[h.entry] else { continue }
            let e = ProseText.skipSpacesBackward(from: h.start, in: text)
            let ws = ProseText.wordStart(endingAt: e, in: text, limit: 16)
            if ws < e, let key = FoldedKey(text, ws..<e), Self.genericBeforeKin.contains(key) { continue }
            return true
        }
        return false
    }

    /// Words between a child's age and the parent it belongs to: "của", "nhà".
    static let parentLinks: Set<FoldedKey> = FoldedKey.set(["cua", "nha"])

    /// "… 5 tuổi của chị Ngọc": "của" or "nhà", then an adult's name.
    private func parentNamed(after end: Int, people: [PersonMention], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let k = ProseText.skipSpaces(from: end, in: text)
        let e = ProseText.wordEnd(from: k, in: text, limit: 8)
        guard e > k, let w = FoldedKey(text, k..<e), Self.parentLinks.contains(w) else { return false }
        let n = ProseText.skipSpaces(from: e, in: text)
        return people.contains { ($0.cueStart ?? $0.start) == n }
    }

    private func containsLineBreak(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        range.contains { $0 < text.count && text[$0] == 0x0A }
    }

    /// The confidence that the detail belongs to a named child, and which name it belongs to.
    private func judge(_ d: Detail, people: [PersonMention], strengths: [Strength], knownChildren: Set<Int>,
                       hits: [KeywordHit], in context: TextScanContext) -> (Double, Int?)? {
        let text = context.text
        let window = 120
        // The nearest names before the detail (a photo word may come right before the name).
        let limit = d.kind == .photo ? d.range.upperBound + 2 : d.range.lowerBound
        var best: (Double, Int?)?
        func consider(_ c: Double?, _ anchor: Int?) {
            guard let c else { return }
            if best == nil || c > best!.0 { best = (c, anchor) }
        }
        // The last name starting at or before `limit` (names are in text order).
        var low = 0, high = people.count
        while low < high {
            let mid = (low + high) / 2
            if people[mid].start <= limit { low = mid + 1 } else { high = mid }
        }
        if low > 0 {
            let index = low - 1
            var rank = 0
            var j = index
            while j >= 0 && rank < 3 {
                let m = people[j]
                let gap = d.range.lowerBound - m.end
                let sentence = ProseText.sentence(around: m.end, in: text)
                let sameSentence = d.range.lowerBound < sentence.upperBound
                guard sameSentence || ProseText.within(from: m.end, to: d.range.lowerBound, window, in: text) else { break }
                if ProseText.paragraphBreak(between: m.end, and: d.range.lowerBound, in: text) { break }
                var s = strengths[j]
                if knownChildren.contains(j) { s = .child }
                // A name on another line ties a detail only when it is a child's ("bé Na\nLớp: 3A").
                if s != .child && gap > 0 && containsLineBreak(m.end..<d.range.lowerBound, in: text) {
                    rank += 1
                    j -= 1
                    continue
                }
                let attached = gap >= -2 && ProseText.within(from: m.end, to: d.range.lowerBound, 16, in: text)
                // "Chị Oanh … nuôi con gái 7 tuổi": the named adult's child.
                let cueBetween = gap > 0 && childCue(in: m.end..<d.range.lowerBound, hits: hits)
                    && (d.kind != .age || kinshipBefore(d.range.lowerBound, hits: hits, in: text))
                var c: Double?
                switch (d.kind, s) {
                case (.age, .child), (.birthYear, .child): c = 0.9
                case (.age, .neutral): c = attached ? 0.85 : 0.7
                case (.birthYear, .neutral): c = 0.75
                case (.age, .adult), (.birthYear, .adult): c = cueBetween ? 0.6 : nil
                case (.school, .child):
                    c = d.impliesMinor == false ? 0.55 : (d.impliesMinor == true ? 0.85 : 0.75)
                case (.school, .neutral):
                    c = d.impliesMinor == true ? 0.7 : (d.impliesMinor == nil ? 0.45 : nil)
                case (.school, .adult):
                    c = cueBetween && d.impliesMinor == true ? 0.55 : nil
                case (.photo, .child): c = 0.75
                case (.photo, .neutral): c = 0.45
                case (.photo, .adult): c = nil
                }
                // Farther names count less.
                if let v = c, rank > 0 { c = v - 0.05 * Double(rank) }
                consider(c, j)
                if s == .child { break }
                rank += 1
                j -= 1
            }
        }
        if best == nil || best!.0 < 0.5 {
            // "con trai 5 tuổi của chị Ngọc", "bé 3 tuổi nhà anh Tuấn": the parent is named after the age.
            if d.kind == .age, kinshipBefore(d.range.lowerBound, hits: hits, in: text),
               parentNamed(after: d.range.upperBound, people: people, in: text) {
                consider(0.7, nil)
            }
        }
        if best == nil || best!.0 < 0.5 {
            // "một mình nuôi con gái 7 tuổi" in a post about a named mother: her child.
            if d.kind == .age, kinshipBefore(d.range.lowerBound, hits: hits, in: text),
               let m = people.last(where: { $0.end <= d.range.lowerBound }),
               !ProseText.paragraphBreak(between: m.end, and: d.range.lowerBound, in: text) {
                consider(0.55, nil)
            }
        }
        return best
    }
}
