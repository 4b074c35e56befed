import Foundation
import Testing
@testable import PDPCheck

/// The shared passes that relational detectors build on: keyword hits and person mentions.
@Suite("Shared text passes")
struct SharedPassTests {
    func hits(_ keywords: [String], in s: String) -> [String] {
        let matcher = FoldedKeywordMatcher(keywords: keywords)
        let bytes = Array(s.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            matcher.hits(in: buffer).map { "\(keywords[$0.entry])=" + String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        }
    }

    @Test("keywords match whole words, ignoring case and diacritics, NFC and NFD alike")
    func keywordMatching() {
        let keywords = ["ung thu", "thu", "benh vien", "hiv"]
        #expect(hits(keywords, in: "Chị Lan bị Ung Thư giai đoạn 3") == ["ung thu=Ung Thư", "thu=Thư"])
        #expect(hits(keywords, in: "Chị Lan bị Ung Thư".decomposedStringWithCanonicalMapping).count == 2)
        #expect(hits(keywords, in: "chi lan bi ung thu, vao benh vien") == ["ung thu=ung thu", "thu=thu", "benh vien=benh vien"])
        #expect(hits(keywords, in: "nhiễm HIV.") == ["hiv=HIV"])
        #expect(hits(keywords, in: "thuốc, thuong, HIVE").isEmpty, "no partial words")
        #expect(hits(keywords, in: "").isEmpty)
        #expect(hits(keywords, in: "ung   thư") == ["ung thu=ung   thư", "thu=thư"], "runs of spaces are one break")
    }

    @Test("the shared lexicon folds the whole text once and finds every topic")
    func lexicon() {
        let text = Array("Bé Na 9 tuổi, học lớp 3A trường Tiểu học Kim Đồng, mẹ đang điều trị ung thư.".utf8)
        let topics = text.withUnsafeBufferPointer { buffer in
            Set(TextScanContext(buffer).keywordHits.map { TopicLexicon.shared.entry($0).topic })
        }
        #expect(topics.isSuperset(of: [.childCue, .ageCue, .schoolCue, .health, .familyCue]))
    }

    func mentions(_ s: String) -> [String] {
        let bytes = Array(s.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            TextScanContext(buffer).personMentions.map {
                "\($0.kind.rawValue):" + String(decoding: bytes[$0.start..<$0.end], as: UTF8.self)
            }
        }
    }

    @Test("person mentions: honorific + name, full names, all-caps, and not streets")
    func personMentions() {
        #expect(mentions("Liên hệ anh Tuấn nhé") == ["addressedName:Tuấn"])
        #expect(mentions("Bé Na năm nay 9 tuổi") == ["addressedName:Na"])
        #expect(mentions("Chủ shop là Nguyễn Văn Tuấn, ở Đà Nẵng") == ["fullName:Nguyễn Văn Tuấn"])
        #expect(mentions("tên NGUYỄN HOÀNG PHÚC, số") == ["fullName:NGUYỄN HOÀNG PHÚC"])
        #expect(mentions("nhà ở đường Trần Phú, Nha Trang").isEmpty)
        #expect(mentions("Hỗ Trợ Gia Đình Khó Khăn").isEmpty, "Hỗ is not the surname Hồ")
        #expect(mentions("nguyen van tuan").isEmpty, "names need capitals")
        #expect(mentions("Nguyen Van Tuan 0905").first == "fullName:Nguyen Van Tuan")
        #expect(mentions("Chị Lan bị bệnh".decomposedStringWithCanonicalMapping) == ["addressedName:Lan"])
    }
}
