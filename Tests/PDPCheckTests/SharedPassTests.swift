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

    @Test("person mentions: a given name alone refers back to the full name read before")
    func shortReferences() {
        #expect(mentions("Nhân viên cũ Võ Thành Đạt vẫn đăng nhập, mật khẩu mà Đạt tự đặt")
                == ["fullName:Võ Thành Đạt", "addressedName:Đạt"])
        #expect(mentions("Chúc mừng Quách Thảo Nhi! Nhớ ngày Thảo Nhi come out") == ["fullName:Quách Thảo Nhi", "addressedName:Thảo Nhi"])
        #expect(mentions("nhan vien cu Nguyen Thanh Dat, mat khau ma Dat tu dat") == ["addressedName:Nguyen Thanh Dat", "addressedName:Dat"],
                "typed without marks")
        #expect(mentions("Anh Phạm Văn Nam quê miền Nam") == ["addressedName:Phạm Văn Nam"], "a direction")
        #expect(mentions("Gửi Lê Thị Mai. Mai mình gửi tiếp") == ["fullName:Lê Thị Mai"], "a sentence's first word")
        #expect(mentions("Trần Minh Trí, pháp danh Quảng Trí") == ["fullName:Trần Minh Trí"], "inside another name")
        #expect(mentions("Võ Thành Đạt đổi mật khẩu Dat@shop2024") == ["fullName:Võ Thành Đạt"], "inside a password")
        #expect(mentions("Hỏi Đạt đi") == ["addressedName:Đạt"] || mentions("Hỏi Đạt đi").isEmpty,
                "without a full name before, only the usual cues decide")
    }

    // MARK: tables

    /// Each cell of `column` as "role:text", read through the shared table context.
    func columnCells(_ s: String, _ role: ColumnRole) -> [String] {
        let bytes = Array(s.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            TextScanContext(buffer).tables.cells(role, in: buffer).map { String(decoding: bytes[$0.range], as: UTF8.self) }
        }
    }

    /// The role of the cell holding `needle`, or nil outside a table row.
    func role(of needle: String, in s: String) -> ColumnRole? {
        let bytes = Array(s.utf8)
        guard let r = s.range(of: needle) else { return nil }
        let offset = s.utf8.distance(from: s.startIndex, to: r.lowerBound)
        return bytes.withUnsafeBufferPointer { TextScanContext($0).tableCell(at: offset)?.role }
    }

    @Test("tables: a header line names the columns of the rows under it, whatever separates the cells")
    func tableColumns() {
        let pipe = "STT | Họ tên | Ngày sinh | SĐT\n|---|---|---|---|\n1 | Lê Minh Anh | 03/02/2017 | 0972 856 722\n2 | Phạm Gia Bảo | 17/11/2016 | 0355 594 312"
        #expect(columnCells(pipe, .birth) == ["03/02/2017", "17/11/2016"])
        #expect(columnCells(pipe, .name) == ["Lê Minh Anh", "Phạm Gia Bảo"])
        #expect(role(of: "0355", in: pipe) == .phone)
        #expect(role(of: "Ngày sinh", in: pipe) == nil, "the header is no row")
        let tab = "Phòng\tHọ tên\tNăm sinh\tCCCD\n101\tTrần Quốc Nam\t2003\t083203145276\n102\t\t2004\t087304562018"
        #expect(columnCells(tab, .birth) == ["2003", "2004"], "an empty cell keeps the columns in place")
        #expect(role(of: "087304562018", in: tab) == .identity)
        let semicolon = "Ho ten;Nam sinh;SDT;Que quan\nLe Van Duoc;1993;0787150211;xom 4, xa Quang Thuan"
        #expect(columnCells(semicolon, .address) == ["xom 4, xa Quang Thuan"])
        let aligned = "STT   Họ tên          NS           SĐT            Chỗ ở\n01    Đỗ Bảo Ngọc     14/05/2021   0917 608 650   số 7 ngõ 15 Nguyễn Khang\n02    Lại Minh Quân                0794 591 727"
        #expect(columnCells(aligned, .birth) == ["14/05/2021"], "aligned columns: cells by position, an empty one skipped")
        #expect(role(of: "0794", in: aligned) == .phone)
        #expect(columnCells(aligned.decomposedStringWithCanonicalMapping, .birth) == ["14/05/2021"], "NFD")
    }

    @Test("tables: forms, prose and one-column lines are no tables")
    func notTables() {
        #expect(columnCells("Họ tên: Nguyễn Văn An  Ngày sinh: 12/05/1990\nSĐT: 0905 123 456", .birth).isEmpty,
                "labels with colons are a form")
        #expect(columnCells("Ngày sinh của bé là 12/05/2016; bé học lớp 3A\nSĐT mẹ bé; 0905 123 456", .birth).isEmpty)
        #expect(columnCells("Họ tên | Ngày sinh", .birth).isEmpty, "a header without rows")
        #expect(role(of: "0905", in: "Liên hệ chị Lan | SĐT 0905 123 456") == nil)
    }
}

/// The keyword automaton against a plain word-by-word matcher on random text: mixed case,
/// NFC and NFD letters, emoji, punctuation runs and malformed bytes.
@Suite("Keyword matcher, differential")
struct KeywordMatcherDifferentialTests {
    struct Hit: Hashable { var entry: Int; var start: Int; var end: Int }

    /// Decodes like the matcher: valid 2- and 3-byte sequences, anything else one break byte.
    static func symbols(_ t: [UInt8]) -> [(symbol: UInt8, at: Int)] {
        var out: [(UInt8, Int)] = []
        var i = 0
        while i < t.count {
            let b = t[i]
            var cp = -1
            var len = 1
            if b < 0x80 { cp = Int(b) }
            else if (0xC2...0xDF).contains(b), i + 1 < t.count, t[i + 1] & 0xC0 == 0x80 {
                cp = Int(b & 0x1F) << 6 | Int(t[i + 1] & 0x3F); len = 2
            } else if (0xE0...0xEF).contains(b), i + 2 < t.count, t[i + 1] & 0xC0 == 0x80, t[i + 2] & 0xC0 == 0x80 {
                cp = Int(b & 0x0F) << 12 | Int(t[i + 1] & 0x3F) << 6 | Int(t[i + 2] & 0x3F); len = 3
            }
            let symbol = cp >= 0 ? FoldedSymbolTable.bmp[cp] : FoldedSymbolTable.breakSymbol
            if symbol != FoldedSymbolTable.mark { out.append((symbol, i)) }
            i += len
        }
        return out
    }

    static func reference(_ keywords: [String], _ text: [UInt8]) -> Set<Hit> {
        let syms = symbols(text) + [(FoldedSymbolTable.breakSymbol, text.count)]
        // Words of the text: symbols between breaks, with their start and the break that ends them.
        var words: [(symbols: [UInt8], start: Int, end: Int)] = []
        var current: [UInt8] = []
        var start = 0
        for (s, at) in syms {
            if s == FoldedSymbolTable.breakSymbol {
                if !current.isEmpty { words.append((current, start, at)); current = [] }
            } else {
                if current.isEmpty { start = at }
                current.append(s)
            }
        }
        var hits: Set<Hit> = []
        for (entry, keyword) in keywords.enumerated() {
            let kw = keyword.split(separator: " ").map { Array($0.utf8).map { FoldedSymbolTable.symbol(ofFolded: $0) } }
            guard !kw.isEmpty, kw.count <= words.count else { continue }
            for w in 0...(words.count - kw.count) where (0..<kw.count).allSatisfy({ words[w + $0].symbols == kw[$0] }) {
                hits.insert(Hit(entry: entry, start: words[w].start, end: words[w + kw.count - 1].end))
            }
        }
        return hits
    }

    @Test func agreesWithPlainMatcher() {
        let keywords = ["ung thu", "thu", "benh vien", "hiv", "anh", "con", "con gai", "ngay sinh", "sinh",
                        "a", "an", "tp", "dia chi nha", "chi", "o", "123", "so 5"]
        let matcher = FoldedKeywordMatcher(keywords: keywords)
        let pieces: [[UInt8]] = ["Ung", "Thư", "thu", "bệnh", "Viện", "HIV", "anh", "Anh", "con", "gái", "gai",
                                 "ngày", "sinh", "a", "ấn", "TP", "địa", "chỉ", "nhà", "ô", "123", "số", "5",
                                 " ", " ", "  ", ", ", ".", "\n", "!!", "🎉", "0️⃣", "-"].map { Array($0.utf8) }
            + ["Thư", "Bệnh", "Nhà", "Chị"].map { Array($0.decomposedStringWithCanonicalMapping.utf8) }
            + [[0xC3], [0xE1, 0xBA], [0x80], [0xFF], [0xF0, 0x9F]]
        var rng = SplitMix64(seed: 7)
        for round in 0..<400 {
            var text: [UInt8] = []
            for _ in 0..<(1 + rng.next() % 40) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let got = text.withUnsafeBufferPointer { matcher.hits(in: $0) }
            let gotSet = Set(got.map { Hit(entry: $0.entry, start: $0.start, end: $0.end) })
            let expected = Self.reference(keywords, text)
            #expect(gotSet == expected, "round \(round): \(String(decoding: text, as: UTF8.self).debugDescription)")
            #expect(got.count == gotSet.count, "no duplicate hits")
            #expect(zip(got, got.dropFirst()).allSatisfy { $0.end <= $1.end }, "hits in order of their ends")
            if gotSet != expected { break }
        }
    }

}
