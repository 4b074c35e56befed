import Foundation

/// A place in the text that names a person: "anh Tuấn", "bé Na", "Nguyễn Văn Tuấn",
/// "NGUYỄN HOÀNG PHÚC". Relational detectors use mentions to decide whether a topic or a
/// child's details concern an identifiable person.
public struct PersonMention: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// A surname followed by given names, all capitalised.
        case fullName
        /// An honorific or kinship word followed by a capitalised given name.
        case addressedName
    }

    public var kind: Kind
    /// The name itself (without the honorific).
    public var start: Int
    public var end: Int
    /// Where the honorific starts, for `addressedName`.
    public var cueStart: Int?
}

/// Finds person mentions with a word-level pass: capitalised words, honorifics before them,
/// surnames opening them, place words ("đường Trần Phú") ruling them out.
enum PersonMentionScanner {
    struct Word {
        let start: Int
        let end: Int
        let capitalised: Bool
        /// Lowercase, diacritics kept (NFC).
        let lower: String
        /// Lowercase ASCII, diacritics removed.
        let folded: String
        /// Punctuation or a line break between this word and the previous one.
        let brokenBefore: Bool
    }

    static let honorifics: Set<String> = [
        "anh", "chị", "em", "cô", "chú", "bác", "ông", "bà", "bạn", "bé", "cháu", "cu", "thầy", "mẹ", "bố", "ba",
        "má", "vợ", "chồng", "con", "cậu", "mợ", "dì", "dượng", "thím", "mr", "ms", "mrs", "bs", "nhỏ", "chàng",
        "nàng", "em gái", "bạn gái", "bạn trai", "người yêu",
    ]
    static let foldedHonorifics: Set<String> = [
        "anh", "chi", "em", "co", "chu", "bac", "ong", "ba", "ban", "be", "chau", "cu", "thay", "me", "bo", "ma",
        "vo", "chong", "con", "cau", "mo", "di", "duong", "thim", "mr", "ms", "mrs", "bs", "nho",
    ]
    /// Words after which a capitalised name is a place or an institution, not a person.
    static let placeWords: Set<String> = [
        "duong", "pho", "quan", "phuong", "xa", "huyen", "tinh", "tp", "thanh", "truong", "benh", "vien", "cau",
        "cho", "ngo", "hem", "kiet", "khu", "cong", "vien", "chua", "den", "lang", "thon", "ap", "to", "nha",
        "toa", "song", "nui", "ho", "dao", "bien", "quang", "truong", "hang", "cty", "ty", "shop", "tiem", "quan",
    ]

    static func mentions(in text: UnsafeBufferPointer<UInt8>) -> [PersonMention] {
        let words = Self.words(in: text)
        var found: [PersonMention] = []
        var i = 0
        while i < words.count {
            let w = words[i]
            // Honorific + capitalised given name(s).
            do {
                let isHonorific = honorifics.contains(w.lower) || (w.lower == w.folded && foldedHonorifics.contains(w.folded))
                if isHonorific, i + 1 < words.count, words[i + 1].capitalised, !words[i + 1].brokenBefore {
                    var j = i + 1
                    while j + 1 < words.count && j - i < 4 && words[j + 1].capitalised && !words[j + 1].brokenBefore { j += 1 }
                    found.append(PersonMention(kind: .addressedName, start: words[i + 1].start, end: words[j].end,
                                               cueStart: w.start))
                    i = j + 1
                    continue
                }
            }
            // Surname + given names, all capitalised, not after a place word.
            if w.capitalised && isSurname(w), i + 1 < words.count, words[i + 1].capitalised, !words[i + 1].brokenBefore {
                let afterPlaceWord = i > 0 && !w.brokenBefore && placeWords.contains(words[i - 1].folded)
                var j = i + 1
                while j + 1 < words.count && j - i < 4 && words[j + 1].capitalised && !words[j + 1].brokenBefore { j += 1 }
                if !afterPlaceWord {
                    found.append(PersonMention(kind: .fullName, start: w.start, end: words[j].end, cueStart: nil))
                }
                i = j + 1
                continue
            }
            i += 1
        }
        return found
    }

    static func isSurname(_ w: Word) -> Bool {
        if VietnameseSurnames.withDiacritics.contains(w.lower) { return true }
        // Typed without diacritics: only then may the folded form decide.
        return w.lower == w.folded && VietnameseSurnames.folded.contains(w.folded)
    }

    /// Letters (with combining marks) make words; anything else separates them.
    static func words(in text: UnsafeBufferPointer<UInt8>) -> [Word] {
        var words: [Word] = []
        var i = 0
        let n = text.count
        var broken = true
        while i < n {
            let b = text[i]
            if UTF8Classes.isWordCharacter(startingAt: i, in: text) && !UTF8Classes.isDigit(b) && b != UInt8(ascii: "_") {
                let start = i
                var capitalised = false
                if b < 0x80 {
                    capitalised = b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")
                } else if let s = UTF8Classes.decodeScalar(at: i, in: text) {
                    capitalised = isUppercase(s.value)
                }
                while i < n && UTF8Classes.isWordCharacter(startingAt: i, in: text) && !UTF8Classes.isDigit(text[i]) {
                    i += text[i] < 0x80 ? 1 : UTF8Classes.sequenceLength(text[i])
                }
                let raw = String(decoding: text[start..<i], as: UTF8.self)
                let lower = raw.lowercased().precomposedStringWithCanonicalMapping
                let folded = String(decoding: VietnameseFolding.foldedASCII(text, start..<i), as: UTF8.self)
                words.append(Word(start: start, end: i, capitalised: capitalised, lower: lower, folded: folded,
                                  brokenBefore: broken))
                broken = false
                continue
            }
            if b != 0x20 && b != 0x09 { broken = true }
            i += b < 0x80 ? 1 : UTF8Classes.sequenceLength(b)
        }
        return words
    }

    /// Uppercase Latin letters used in Vietnamese, precomposed or as an ASCII base.
    static func isUppercase(_ v: UInt32) -> Bool {
        switch v {
        case 0x41...0x5A: return true
        case 0xC0...0xDE: return v != 0xD7
        case 0x100...0x17F: return v % 2 == 0
        case 0x1A0, 0x1AF: return true
        case 0x1EA0...0x1EF9: return v % 2 == 0
        default: return false
        }
    }
}
