/// Deterministic generator of Vietnamese social-media posts with personal numbers and decoys.
/// The same seed always yields the same bytes; the text is streamed post by post, so a shorter
/// target yields a prefix of a longer one.

/// One inserted personal item: its byte span in the text and what it is.
struct TruthSpan: Sendable {
    var start: Int
    var end: Int
    var kind: TruthKind
    var format: Int
}

struct GeneratedText: Sendable {
    var bytes: [UInt8]
    /// Inserted personal items, in text order.
    var truth: [TruthSpan]
    /// Inserted decoys, indexed by `DecoyKind.rawValue`.
    var decoys: [Int]

    func count(_ kind: TruthKind) -> Int { truth.reduce(0) { $0 + ($1.kind == kind ? 1 : 0) } }
    func count(category: String) -> Int { truth.reduce(0) { $0 + ($1.kind.category == category ? 1 : 0) } }
}

struct PostGenerator {
    private var rng: SplitMix64
    private var out: [UInt8] = []
    private var truth: [TruthSpan] = []
    private var decoys = [Int](repeating: 0, count: DecoyKind.allCases.count)

    // Densities, per sentence or per post. With these, 20 MB holds about 1.4 phones per KB,
    // 1 ID per 2.7 KB and 3 decoys per KB (roughly the mix of a buy-and-sell group).
    private let phonePerSentence = 0.075
    private let landlinePerSentence = 0.012
    private let idPerSentence = 0.045
    private let decoyPerSentence = 0.32
    private let contactLinePerPost = 0.45

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    static func generate(seed: UInt64, targetBytes: Int) -> GeneratedText {
        var g = PostGenerator(seed: seed)
        g.out.reserveCapacity(targetBytes + 4096)
        while g.out.count < targetBytes { g.post() }
        return GeneratedText(bytes: g.out, truth: g.truth, decoys: g.decoys)
    }

    // MARK: writing

    private mutating func put(_ s: String) { out.append(contentsOf: s.utf8) }

    private mutating func endLine() {
        while out.last == UInt8(ascii: " ") { out.removeLast() }
        out.append(UInt8(ascii: "\n"))
    }

    private mutating func item(_ kind: TruthKind) {
        let text: String, format: Int
        switch kind {
        case .mobile: (text, format) = ItemGenerator.mobile(&rng)
        case .landline: (text, format) = ItemGenerator.landline(&rng)
        case .nationalID: (text, format) = (ItemGenerator.nationalID(&rng), 0)
        }
        let start = out.count
        put(text)
        truth.append(TruthSpan(start: start, end: out.count, kind: kind, format: format))
    }

    private mutating func decoy() {
        let kind = DecoyKind(rawValue: rng.weighted([30, 18, 14, 8, 6, 6, 12, 12]))!
        decoys[kind.rawValue] += 1
        put(ItemGenerator.decoy(kind, &rng))
    }

    // MARK: structure

    private mutating func post() {
        // Title line.
        if rng.chance(0.6) { put(rng.pick(Vocabulary.emoji)); put(" ") }
        put(rng.pick(Vocabulary.openers)); put(" "); put(rng.pick(Vocabulary.phrases))
        put(rng.pick(["!", "!!!", "", " ạ", "..."]))
        if rng.chance(0.5) { put(" "); put(rng.pick(Vocabulary.emoji)) }
        endLine()

        for _ in 0..<rng.int(1...3) {
            paragraph()
            if rng.chance(0.3) { out.append(UInt8(ascii: "\n")) }
        }
        if rng.chance(0.35) { bulletList() }
        if rng.chance(contactLinePerPost) { contactLine() }
        if rng.chance(0.6) {
            for i in 0..<rng.int(1...5) {
                if i > 0 { put(" ") }
                put(rng.pick(Vocabulary.hashtags))
            }
            endLine()
        }
        out.append(UInt8(ascii: "\n"))
    }

    private mutating func paragraph() {
        for _ in 0..<rng.int(2...6) { sentence() }
        endLine()
    }

    private mutating func sentence() {
        put(rng.pick(Vocabulary.openers)); put(" ")
        let parts = rng.int(1...4)
        let decoyAt = rng.chance(decoyPerSentence) ? rng.below(parts) : -1
        for i in 0..<parts {
            if i > 0 { put(rng.pick(Vocabulary.connectors)) }
            put(rng.pick(Vocabulary.phrases))
            if i == decoyAt { put(" "); decoy() }
        }
        put(rng.pick(Vocabulary.sentenceEnds))
        if rng.chance(0.25) { put(rng.pick(Vocabulary.emoji)); put(" ") }

        if rng.chance(phonePerSentence) { phoneSentence(.mobile) }
        if rng.chance(landlinePerSentence) { phoneSentence(.landline) }
        if rng.chance(idPerSentence) { idSentence() }
    }

    private mutating func phoneSentence(_ kind: TruthKind) {
        let templates: [(String, String)] = kind == .landline
            ? [("Điện thoại bàn: ", ". "), ("ĐT cố định ", " "), ("Văn phòng: ", ". "), ("tel ", " "),
               ("Gọi số nhà ", " giờ hành chính. ")]
            : [("Liên hệ ", ". "), ("Gọi ngay ", " nhé! "), ("Zalo: ", " "), ("SĐT: ", ". "),
               ("Ib hoặc gọi ", " (chị Lan). "), ("📞 ", " "), ("Số của em là ", " ạ. "),
               ("Alo ", " gặp anh Tuấn. "), ("lh ", " "), ("Điện thoại/Zalo ", ". "),
               ("Mọi người gọi giúp mình số ", " với. "), ("sdt ", " ship tận nơi. ")]
        let (before, after) = rng.pick(templates)
        put(before); item(kind); put(after)
    }

    private mutating func idSentence() {
        let name = rng.pick(Vocabulary.names)
        switch rng.below(7) {
        case 0: put("CCCD: "); item(.nationalID); put(". ")
        case 1: put("Số CCCD "); item(.nationalID); put(" nhé. ")
        case 2: put("Mình nhặt được thẻ căn cước mang tên " + name + ", số "); item(.nationalID)
                put(", ai quen báo giúp. ")
        case 3: put("Số định danh cá nhân: "); item(.nationalID); put(" ")
        case 4: put("Họ tên: " + name + ", CMND/CCCD "); item(.nationalID); put(". ")
        case 5: endLine(); item(.nationalID); put(" là số căn cước của mình. ")  // at a line start
        default: put("Căn cước công dân số "); item(.nationalID); put(", cấp ngày ")
                 decoyDate(); put(". ")
        }
    }

    private mutating func decoyDate() {
        decoys[DecoyKind.date.rawValue] += 1
        put(ItemGenerator.decoy(.date, &rng))
    }

    private mutating func bulletList() {
        let bullet = rng.pick(Vocabulary.bullets)
        for _ in 0..<rng.int(2...4) {
            put(bullet); put(rng.pick(Vocabulary.phrases))
            if rng.chance(0.4) { put(": "); decoy() }
            endLine()
        }
    }

    private mutating func contactLine() {
        put(rng.pick(["📞 ", "☎️ ", "Liên hệ: ", "Hotline/Zalo: ", "👉 Inbox hoặc gọi "]))
        item(.mobile)
        if rng.chance(0.3) { put(rng.pick([" | Zalo ", " - ", " hoặc "])); item(.mobile) }
        if rng.chance(0.1) { put(" | Tổng đài "); decoys[DecoyKind.hotline.rawValue] += 1; put(ItemGenerator.decoy(.hotline, &rng)) }
        endLine()
    }
}
