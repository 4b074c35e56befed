import Foundation
import Testing
@testable import PDPCheck

/// The sensitive-topic and person-name detectors, and the person-mention pass they build on.
@Suite("Sensitive topics and person names")
struct SensitiveDetectorTests {
    static let minimumConfidence = 0.5

    static var detectors: [any TextDetector] { SensitiveTopicDetector.all + [PersonNameDetector()] }

    struct Case: CustomTestStringConvertible, Sendable {
        let detector: any TextDetector
        let example: DetectorExample
        var testDescription: String { "\(detector.description.id): \(example.text)" }
    }

    static var triggering: [Case] {
        detectors.flatMap { d in d.description.triggeringExamples.map { Case(detector: d, example: $0) } }
    }

    static var nonTriggering: [Case] {
        detectors.flatMap { d in d.description.nonTriggeringExamples.map { Case(detector: d, example: $0) } }
    }

    func found(_ detector: any TextDetector, _ text: String) -> [TextMatch] {
        TestSupport.detect(detector, in: text).filter { $0.confidence >= Self.minimumConfidence }
    }

    func spans(_ matches: [TextMatch], in text: String) -> [String] {
        let bytes = Array(text.utf8)
        return matches.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    }

    @Test("NFC and NFD give the same findings", arguments: triggering + nonTriggering)
    func normalizationForms(_ c: Case) {
        let (text, _) = TestSupport.parseMarkedExample(c.example.text)
        let nfc = text.precomposedStringWithCanonicalMapping
        let nfd = text.decomposedStringWithCanonicalMapping
        let a = spans(found(c.detector, nfc), in: nfc).map { $0.precomposedStringWithCanonicalMapping }
        let b = spans(found(c.detector, nfd), in: nfd).map { $0.precomposedStringWithCanonicalMapping }
        #expect(a == b, "NFC \(a) vs NFD \(b) in: \(text)")
    }

    @Test("the detectors' ids, rule ids and categories are distinct and match the topics")
    func descriptions() {
        let all = SensitiveTopicDetector.all
        #expect(Set(all.map(\.description.id)).count == 7)
        #expect(Set(all.map(\.description.category)).count == 7)
        for d in all {
            #expect(d.description.category == d.topic.sensitiveCategory)
            #expect(d.description.ruleIds == [d.ruleId])
            #expect(!d.description.triggeringExamples.isEmpty && !d.description.nonTriggeringExamples.isEmpty)
        }
        #expect(SensitiveTopicDetector(topic: .honorific).description.triggeringExamples.isEmpty)
        #expect(TestSupport.detect(SensitiveTopicDetector(topic: .honorific), in: "anh Tuấn bị ung thư 0905123456").isEmpty)
    }

    // MARK: Person mentions

    func mentions(_ s: String) -> [String] {
        let bytes = Array(s.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            TextScanContext(buffer).personMentions.map {
                "\($0.kind.rawValue):" + String(decoding: bytes[$0.start..<$0.end], as: UTF8.self)
            }
        }
    }

    func mention(_ s: String) -> PersonMention? {
        Array(s.utf8).withUnsafeBufferPointer { TextScanContext($0).personMentions.first }
    }

    @Test("person mentions: honorifics, full names, minority names, capitals")
    func personMentionsFound() {
        #expect(mentions("Liên hệ anh Tuấn nhé") == ["addressedName:Tuấn"])
        #expect(mentions("Bé Na năm nay 9 tuổi") == ["addressedName:Na"])
        #expect(mentions("Chủ shop là Nguyễn Văn Tuấn, ở Đà Nẵng") == ["fullName:Nguyễn Văn Tuấn"])
        #expect(mentions("tên NGUYỄN HOÀNG PHÚC, số") == ["fullName:NGUYỄN HOÀNG PHÚC"])
        #expect(mentions("Nguyen Van Tuan 0905").first == "fullName:Nguyen Van Tuan")
        #expect(mentions("STK 123 - LE VAN TOAN (bố bé)") == ["fullName:LE VAN TOAN"])
        #expect(mentions("Chị Lan bị bệnh".decomposedStringWithCanonicalMapping) == ["addressedName:Lan"])
        #expect(mentions("Ông Nguyễn Văn A phát biểu") == ["addressedName:Nguyễn Văn A"])
        #expect(mention("Ông Nguyễn Văn A phát biểu")?.isFullName == true)
        #expect(mention("anh Tuấn")?.isFullName == false)
        #expect(mentions("Ksor H'Ni và Rơ Châm Tuấn") == ["fullName:Ksor H'Ni", "fullName:Rơ Châm Tuấn"])
        #expect(mentions("chị H'Hen Niê, anh Y Moan") == ["addressedName:H'Hen Niê", "addressedName:Y Moan"])
        #expect(mentions("Siu Thanh gọi Nay Blin") == ["fullName:Siu Thanh", "fullName:Nay Blin"])
        #expect(mentions("gửi chị Ngọc Trâm") == ["addressedName:Ngọc Trâm"])
        #expect(mentions("em gái Lan") == ["addressedName:Lan"])
        #expect(mention("em gái Lan")?.cueStart == 0)
        #expect(mentions("chi Mai cham soc ong") == ["addressedName:Mai"], "unaccented honorific")
        #expect(mentions("Ong Tran Van Duc (74 tuoi)") == ["addressedName:Tran Van Duc"])
        #expect(mentions("Chu Van Binh") == ["fullName:Chu Van Binh"], "the surname Chu, not \"chú\"")
        #expect(mentions("trường Chu Văn An") == [], "a school named after a historical figure")
        #expect(mentions("quanh khu Hào Nam – Tôn Đức Thắng") == [], "a street named after a historical figure")
        #expect(mentions("liên hệ a Tuấn") == ["addressedName:Tuấn"])
        #expect(mentions("khach ten Huong o Bien Hoa") == ["addressedName:Huong"])
        #expect(mentions("🙏 KÊU GỌI GIÚP ĐỠ BÉ GIA HÂN 🙏") == ["addressedName:GIA HÂN"])
        #expect(mentions("Trần Văn Tuấn Bị Bắt Vì Trộm Xe") == ["fullName:Trần Văn Tuấn"])
        #expect(mentions("xã Ea Tiêu Nguyễn Văn A") == ["fullName:Nguyễn Văn A"])
        #expect(mentions("LH 0905123456 Anh Tuấn") == ["addressedName:Tuấn"])
        #expect(mentions("Nguyễn Tuấn Kiệt và Mai Xuan Truong") == ["fullName:Nguyễn Tuấn Kiệt", "fullName:Mai Xuan Truong"])
    }

    @Test("person mentions: not places, institutions, headlines or common words")
    func personMentionsRejected() {
        #expect(mentions("nhà ở đường Trần Phú, Nha Trang").isEmpty)
        #expect(mentions("Đường Trần Phú và Phường Nguyễn Trãi").isEmpty)
        #expect(mentions("Hỗ Trợ Gia Đình Khó Khăn").isEmpty)
        #expect(mentions("nguyen van tuan").isEmpty)
        #expect(mentions("học trường Nguyễn Du, Trường THPT Lê Quý Đôn").isEmpty)
        #expect(mentions("Bệnh viện Chợ Rẫy, bệnh viện Bạch Mai, BV Nhi Trung ương").isEmpty)
        #expect(mentions("Hà Nội, Hồ Chí Minh, Đà Nẵng, Thái Bình, Cao Bằng").isEmpty)
        #expect(mentions("ở TP Hồ Chí Minh và Lâm Đồng").isEmpty)
        #expect(mentions("Mai mình đi chợ. Hồ sơ đã nộp.").isEmpty)
        #expect(mentions("🎉 CHÚC MỪNG CÁC EM HỌC SINH TRƯỜNG THCS NGUYỄN DU 🎉").isEmpty)
        #expect(mentions("Mai Vàng Khoe Sắc Ngày Tết Ở Phố Cổ").isEmpty)
        #expect(mentions("Công Ty TNHH Nguyễn Kim, Tập Đoàn Hòa Phát").isEmpty)
        #expect(mentions("người Ba Na, người Ê Đê").isEmpty)
        #expect(mentions("bún chả Hà Nội, mỹ phẩm Hàn Quốc, học tiếng Anh").isEmpty)
        #expect(mentions("Bộ Y Tế và Sở Y tế").isEmpty)
        #expect(mentions("ở Lê Văn Sỹ").isEmpty)
        #expect(mentions("số 14 ngõ 180 Nguyễn Lương Bằng, số 70 Trần Đại Nghĩa").isEmpty)
        #expect(mentions("giao cho chị Lan, số 27 hẻm 102/4 Trần Xuân Soạn") == ["addressedName:Lan"])
        #expect(mentions("mã OTP gửi về sđt, ma OTP la 1234").isEmpty)
        #expect(mentions("").isEmpty)
    }

    @Test("titles beside a name mark a public role")
    func titles() {
        #expect(mention("Chủ tịch UBND xã Ea Tiêu Nguyễn Văn A phát biểu")?.hasTitle == true)
        #expect(mention("BS. Trần Thị Hoa cho biết")?.hasTitle == true)
        #expect(mention("Nguyễn Văn C, Giám đốc Sở Y tế")?.hasTitle == true)
        #expect(mention("Trần Thị D (Trưởng khoa Nội)")?.hasTitle == true)
        #expect(mention("Nguyễn Văn E, 35 tuổi")?.hasTitle == false)
        #expect(mention("Liên hệ chị Lan")?.hasTitle == false)
    }

    @Test("name keys compare with tone marks, NFC and NFD alike")
    func nameKeys() {
        func key(_ s: String) -> NameKey? { NameKey.of(s)?.key }
        #expect(key("Hồ") == key("hồ"))
        #expect(key("Hồ") != key("Hỗ"))
        #expect(key("Nguyễn") == key("Nguyễn".decomposedStringWithCanonicalMapping))
        #expect(key("hòa") == key("hoà"))
        #expect(key("Đức") == key("đức"))
        #expect(NameKey.of("Nguyen")?.plain == true)
        #expect(NameKey.of("Nguyễn")?.plain == false)
        #expect(NameKey.of("Abcdefghijklmnopq") == nil)
    }

    // MARK: Topics in context

    func topics(_ s: String) -> [String] {
        let bytes = Array(s.utf8)
        return SensitiveTopicDetector.all.flatMap { d in
            TestSupport.detect(d, in: s).filter { $0.confidence >= Self.minimumConfidence }
                .map { "\($0.category.rawValue):" + String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        }
    }

    @Test("charity appeals, call-outs and lost-ID posts are reported")
    func positives() {
        #expect(topics("Chị Lan 35 tuổi bị ung thư máu, STK 0071000912345 Vietcombank")
                == ["sensitive_health:ung thư máu"])
        #expect(topics("Bóc phốt chị Hoa ngoại tình với chồng bạn thân") == ["sensitive_private_life:ngoại tình"])
        #expect(topics("Ong Tran Van Duc (74 tuoi) bi tai bien, nam vien 2 thang") == ["sensitive_health:tai bien",
                                                                                      "sensitive_health:nam vien"])
        #expect(topics("Anh Tuấn (0905 123 456) theo đạo Tin Lành, là người Mường")
                == ["sensitive_religion:theo đạo Tin Lành", "sensitive_ethnicity:người Mường"])
    }

    @Test("folded collisions, punctuation, quotes and news do not make topics")
    func collisions() {
        let quiet = [
            "Cho mình hỏi giáo viên bản ngữ, chị Lan 0905 123 456",
            "Giảm giá toàn bộ sản phẩm nhân viên phục vụ, anh Tuấn 0905 123 456",
            "Sinh nhật con trai giảm 30%, chị Lan 0905123456",
            "Cần tìm bạn nữ ở ghép. Tìm chị Lan 0905 123 456",
            "Mình bị mất ví, anh Tuấn nhặt được gọi 0905 123 456",
            "Mẹ mình bị lừa chuyển tiền vào \"tài khoản tạm giữ\", số gọi đến 0905 123 456",
            "Ngày 27/11, Công an huyện cho biết đã tạm giữ hình sự Đỗ Văn Lực (SN 1996) để điều tra hành vi trộm cắp.",
            "Anh Tuấn gây tai nạn, gọi 0905 123 456",
            "Tôi đồng tình với anh Tuấn 0905 123 456",
        ]
        for text in quiet { #expect(topics(text).isEmpty, "in: \(text)") }
    }

    @Test("forms, debts, unlisted peoples and a story that goes on")
    func contextRules() {
        #expect(topics("Họ tên: Trần Văn Bình – SĐT 0905 123 456\nTôn giáo: Phật giáo") == ["sensitive_religion:Phật giáo"])
        #expect(topics("• Căn 0712 – ông Lê Văn Hậu – 0912 338 465 – nợ 4.860.000đ")
                == ["sensitive_private_life:nợ 4.860.000đ"])
        #expect(topics("Em Hoàng Văn Páo, dân tộc Cơ Lao, 12 tuổi") == ["sensitive_ethnicity:dân tộc Cơ Lao"])
        #expect(topics("Bé Lê Gia Hân vừa được chẩn đoán bạch cầu cấp.\n\nChi phí đợt hóa trị đầu tiên đã hết 85 triệu.")
                == ["sensitive_health:chẩn đoán bạch cầu cấp", "sensitive_health:hóa trị"])
        #expect(topics("Mình là Đặng Văn Bảo, và mình là người đồng tính.\nMình và anh Huy đã yêu nhau 5 năm")
                == ["sensitive_sexuality:đồng tính", "sensitive_sexuality:yêu nhau"])
        #expect(topics("Yêu nhau 5 năm rồi, anh Huy 0905 123 456").isEmpty, "a story word alone")
    }

    @Test("person names tied to details: ages, classes, topics, bare names beside a phone")
    func nameTies() {
        func names(_ s: String) -> [String] {
            let bytes = Array(s.utf8)
            return TestSupport.detect(PersonNameDetector(), in: s).filter { $0.confidence >= Self.minimumConfidence }
                .map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        }
        #expect(names("Trong ảnh: bé Na (4 tuổi), bé Bin (5 tuổi)") == ["Na", "Bin"])
        #expect(names("Đặc biệt em Lê Minh Khoa lớp 9A2 đạt giải Nhất") == ["Lê Minh Khoa"])
        #expect(names("Chồng mình là Hà Quốc Trung, ngoại tình với đồng nghiệp") == ["Hà Quốc Trung"])
        #expect(names("Ai nhặt được gọi 0372 059 814 (Thanh) hoặc 0931 504 277 (Lan Anh)") == ["Thanh", "Lan Anh"])
        #expect(names("lh Ngân: 0708 194 236") == ["Ngân"])
        #expect(names("Gọi 0905 123 456 (Khánh Hòa), 0912 345 678 (BTC)").isEmpty)
        #expect(names("Em Lê Minh Khoa đạt giải Nhất").isEmpty)
        #expect(names("Chủ tịch UBND xã Ea Tiêu Nguyễn Văn A, đường dây nóng 0905 123 456").isEmpty)
    }

    @Test("news, campaigns, church notices, elections and history stay quiet")
    func negatives() {
        let quiet = [
            "Bệnh viện Chợ Rẫy tiếp nhận 50 ca sốt xuất huyết.",
            "Hưởng ứng ngày thế giới phòng chống HIV/AIDS 1/12, phường tổ chức mít tinh.",
            "Giáo xứ Thái Hà mời cộng đoàn tham dự thánh lễ lúc 18h, linh mục Phêrô Trần Văn Hòa chủ tế.",
            "Chủ tịch Nguyễn Văn An phát biểu tại hội nghị tổng kết công tác đảng viên.",
            "Năm 1911, Nguyễn Tất Thành ra đi tìm đường cứu nước; năm 1931 ông bị bắt ở Hồng Kông.",
            "Nhà chị Lan ở đường Trần Phú, gần nhà thờ lớn.",
            "Đảng viên phải gương mẫu chấp hành đường lối của Đảng.",
            "Tuyển nhân viên, không phân biệt dân tộc, tôn giáo. Liên hệ chị Hằng 0905 123 456.",
        ]
        for text in quiet { #expect(topics(text).isEmpty, "in: \(text)") }
    }

    @Test("hostile input: empty, huge lines without punctuation, broken UTF-8")
    func hostile() {
        for d in Self.detectors {
            #expect(TestSupport.detect(d, in: "").isEmpty)
        }
        let long = String(repeating: "anh Tuấn bị ung thư nhiễm HIV đi tù ", count: 3000)
        let seconds = TestSupport.cpuSeconds { for d in Self.detectors { _ = TestSupport.detect(d, in: long) } }
        #expect(seconds < 20, "\(seconds) s of CPU for 114 KB (debug build)")
        var bytes = Array("Chị Lan bị ung thư 0905123456 ".utf8)
        bytes += [0xE1, 0xBB, 0xC3, 0xFF, 0xCC, 0x27, 0x48, 0x27, 0xE2, 0x80]
        bytes.withUnsafeBufferPointer { buffer in
            for d in Self.detectors {
                var out: [TextMatch] = []
                d.detect(in: buffer, into: &out)
                #expect(out.allSatisfy { $0.start >= 0 && $0.end <= buffer.count && $0.start < $0.end })
            }
            _ = PersonMentionScanner.mentions(in: buffer)
        }
        // Every suffix and prefix of a tricky text, so no index runs past either end.
        let tricky = Array("H'Hen Niê – Y Moan, bé Gia Hân bị ung thư máu giai đoạn 3 di căn, 0905 123 456".utf8)
        for cut in 0...tricky.count {
            for part in [Array(tricky[..<cut]), Array(tricky[cut...])] {
                part.withUnsafeBufferPointer { buffer in
                    for d in Self.detectors {
                        var out: [TextMatch] = []
                        d.detect(in: buffer, into: &out)
                        #expect(out.allSatisfy { $0.start >= 0 && $0.end <= buffer.count })
                    }
                }
            }
        }
    }
}
