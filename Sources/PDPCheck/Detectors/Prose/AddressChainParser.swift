/// Reads a Vietnamese street address as a chain of elements: a house number (`số 12`,
/// `12/3`, `K45/12`, `nhà số 17`), an alley (`ngõ 34`, `hẻm 88`, `kiệt 5`), a village-level
/// unit (`thôn 3`, `xóm 2`, `ấp Phú Hòa`, `tổ 5`, `khu phố 4`), a street (`phố Hoàng Hoa Thám`,
/// `đường Lê Văn Sỹ`), an administrative area (`phường Tân Lập`, `xã Ea Kao`, `Q.3`, `TP. HCM`),
/// a building (`chung cư X`, `tòa B`, `phòng 1203`) and bare place names after a comma
/// (`…, Hà Đông`). Elements are joined by spaces, commas and dashes; anything else ends the chain.
struct AddressChain {
    enum Kind: Equatable {
        case house, alley, village, street, area, complex, room, name
    }

    struct Element {
        var kind: Kind
        var range: Range<Int>
        /// A number or code follows the unit word (`ngõ 34`, `tổ 5`), not only a name.
        var hasNumber: Bool
        /// A street name follows the number (`12/3 Nguyễn Trãi`, `ngõ 165 Xuân Thủy`).
        var hasStreetName: Bool
    }

    var elements: [Element] = []

    var start: Int { elements.first?.range.lowerBound ?? 0 }
    var end: Int { elements.last?.range.upperBound ?? 0 }

    /// Precise enough to find someone's home: a house, an alley or a village-level unit
    /// together with something else (or after an address word), or a flat in a building.
    /// A ward, a district, a province or a street alone is too coarse.
    func isComplete(cueLed: Bool) -> Bool {
        var fine = 0, parts = 0, rooms = 0, complexes = 0
        for e in elements {
            parts += e.hasStreetName ? 2 : 1
            switch e.kind {
            case .house, .alley: fine += 1
            case .village: fine += 1
            case .room: rooms += 1
            case .complex: complexes += 1
            default: break
            }
        }
        if fine >= 1 && (parts >= 2 || cueLed) { return true }
        if rooms >= 1 && complexes >= 1 { return true }
        if rooms >= 2 { return true }
        if complexes >= 1 && cueLed && parts >= 2 { return true }
        return false
    }
}

enum AddressChainParser {
    struct Unit {
        let kind: AddressChain.Kind
        /// Spellings with diacritics of each word; ASCII spellings always pass.
        let spellings: [[SpelledWord]]
        let value: Value
        /// Typed without diacritics, the word is too ambiguous ("ban" = bạn, bán, bàn).
        let rejectASCII: Bool
        /// An abbreviation that may be followed by a dot (`P.`, `TP.`, `KP.`).
        let abbreviation: Bool
        /// Capitalised, the word starts a place name instead ("Buôn Ma Thuột").
        let lowercaseOnly: Bool

        enum Value { case number, numberOrCode, code, any }

        init(kind: AddressChain.Kind, forms: [[String]], value: Value, rejectASCII: Bool = false,
             abbreviation: Bool = false, lowercaseOnly: Bool = false) {
            self.kind = kind
            spellings = forms.map { $0.map(SpelledWord.init) }
            self.value = value
            self.rejectASCII = rejectASCII
            self.abbreviation = abbreviation
            self.lowercaseOnly = lowercaseOnly
        }
    }

    static let units: [FoldedKey: Unit] = Dictionary(uniqueKeysWithValues: unitTable.compactMap { k, u in FoldedKey(k).map { ($0, u) } })

    private static let unitTable: [(String, Unit)] = [
        ("ngo", Unit(kind: .alley, forms: [["ngõ"]], value: .any)),
        ("ngach", Unit(kind: .alley, forms: [["ngách"]], value: .any)),
        ("hem", Unit(kind: .alley, forms: [["hẻm"]], value: .any)),
        ("kiet", Unit(kind: .alley, forms: [["kiệt"]], value: .any)),
        ("thon", Unit(kind: .village, forms: [["thôn"]], value: .any)),
        ("xom", Unit(kind: .village, forms: [["xóm"]], value: .any)),
        ("ap", Unit(kind: .village, forms: [["ấp"]], value: .any)),
        ("ban", Unit(kind: .village, forms: [["bản"]], value: .any, rejectASCII: true)),
        ("to", Unit(kind: .village, forms: [["tổ"]], value: .number)),
        ("to dan pho", Unit(kind: .village, forms: [["tổ"], ["dân"], ["phố"]], value: .any)),
        ("tdp", Unit(kind: .village, forms: [], value: .number, abbreviation: true)),
        ("khu pho", Unit(kind: .village, forms: [["khu"], ["phố"]], value: .any)),
        ("kp", Unit(kind: .village, forms: [], value: .number, abbreviation: true)),
        ("khoi", Unit(kind: .village, forms: [["khối"]], value: .number)),
        // "khu vực 5" (Cần Thơ, Quy Nhơn): a ward's subdivision, like "khu phố". Only with its
        // number: "khu vực Hà Nội" is a region.
        ("khu vuc", Unit(kind: .village, forms: [["khu"], ["vực"]], value: .number)),
        ("kv", Unit(kind: .village, forms: [], value: .number, abbreviation: true)),
        ("khom", Unit(kind: .village, forms: [["khóm"]], value: .any)),
        // "khu 3, thị trấn Hạ Hòa", "khu 5 phường Hà Khánh": a numbered subdivision in the north.
        ("khu", Unit(kind: .village, forms: [["khu"]], value: .number)),
        ("doi", Unit(kind: .village, forms: [["đội"]], value: .number, rejectASCII: true)),
        ("duong", Unit(kind: .street, forms: [["đường"]], value: .any)),
        ("pho", Unit(kind: .street, forms: [["phố"]], value: .any)),
        ("phuong", Unit(kind: .area, forms: [["phường"]], value: .any)),
        ("xa", Unit(kind: .area, forms: [["xã"]], value: .any)),
        ("quan", Unit(kind: .area, forms: [["quận"]], value: .any)),
        ("huyen", Unit(kind: .area, forms: [["huyện"]], value: .any)),
        ("thi xa", Unit(kind: .area, forms: [["thị"], ["xã"]], value: .any)),
        ("thi tran", Unit(kind: .area, forms: [["thị"], ["trấn"]], value: .any)),
        ("tinh", Unit(kind: .area, forms: [["tỉnh"]], value: .any)),
        ("thanh pho", Unit(kind: .area, forms: [["thành"], ["phố"]], value: .any)),
        ("tp", Unit(kind: .area, forms: [], value: .any, abbreviation: true)),
        ("p", Unit(kind: .area, forms: [], value: .any, abbreviation: true)),
        ("q", Unit(kind: .area, forms: [], value: .any, abbreviation: true)),
        ("tx", Unit(kind: .area, forms: [], value: .any, abbreviation: true)),
        ("dac khu", Unit(kind: .area, forms: [["đặc"], ["khu"]], value: .any)),
        ("chung cu", Unit(kind: .complex, forms: [["chung"], ["cư"]], value: .any)),
        ("khu do thi", Unit(kind: .complex, forms: [["khu"], ["đô"], ["thị"]], value: .any)),
        ("kdt", Unit(kind: .complex, forms: [["kđt"]], value: .any, abbreviation: true)),
        ("can ho", Unit(kind: .room, forms: [["căn"], ["hộ"]], value: .numberOrCode)),
        ("can", Unit(kind: .room, forms: [["căn"]], value: .numberOrCode)),
        ("toa", Unit(kind: .room, forms: [["tòa", "toà"]], value: .numberOrCode)),
        ("block", Unit(kind: .room, forms: [], value: .numberOrCode)),
        ("tang", Unit(kind: .room, forms: [["tầng"]], value: .number)),
        ("phong", Unit(kind: .room, forms: [["phòng"]], value: .number)),
        // "lô 12, khu dân cư Hòa Xuân", "lô B2 KĐT Văn Phú": a plot, where a house number would be.
        ("lo", Unit(kind: .house, forms: [["lô"]], value: .numberOrCode)),
        // "Quốc lộ 13", "tỉnh lộ 941": a road and its number, not plot 13 ("lo" typed without marks).
        ("quoc lo", Unit(kind: .street, forms: [["quốc"], ["lộ"]], value: .any)),
        ("tinh lo", Unit(kind: .street, forms: [["tỉnh"], ["lộ"]], value: .any)),
        ("huong lo", Unit(kind: .street, forms: [["hương"], ["lộ"]], value: .any)),
        ("nha", Unit(kind: .room, forms: [["nhà"]], value: .code)),
        ("tap the", Unit(kind: .complex, forms: [["tập"], ["thể"]], value: .any)),
        ("khu tap the", Unit(kind: .complex, forms: [["khu"], ["tập"], ["thể"]], value: .any)),
        ("ktt", Unit(kind: .complex, forms: [], value: .any, abbreviation: true)),
        ("khu dan cu", Unit(kind: .area, forms: [["khu"], ["dân"], ["cư"]], value: .any)),
        ("kdc", Unit(kind: .area, forms: [], value: .any, abbreviation: true)),
        ("buon", Unit(kind: .village, forms: [["buôn"]], value: .any, rejectASCII: true, lowercaseOnly: true)),
        ("lang", Unit(kind: .village, forms: [["làng"]], value: .any, rejectASCII: true)),
        ("plei", Unit(kind: .village, forms: [], value: .any)),
    ]

    /// Longest unit word(s) at `p`, checked against their spelling: "phố" is a unit, "phở" is not.
    static func unit(at p: Int, in text: UnsafeBufferPointer<UInt8>) -> (Unit, end: Int)? {
        guard ProseText.isLetter(at: p, in: text) else { return nil }
        // Up to three words on the line.
        var ends = (0, 0, 0)
        var count = 0
        var i = p
        while count < 3 {
            let e = ProseText.wordEnd(from: i, in: text, limit: 24)
            guard e > i else { break }
            count += 1
            switch count {
            case 1: ends.0 = e
            case 2: ends.1 = e
            default: ends.2 = e
            }
            let next = ProseText.skipSpaces(from: e, in: text)
            guard next > e, ProseText.isLetter(at: next, in: text) else { break }
            i = next
        }
        var n = count
        while n >= 1 {
            let end = n == 3 ? ends.2 : (n == 2 ? ends.1 : ends.0)
            defer { n -= 1 }
            guard let key = FoldedKey(text, p..<end), let unit = units[key] else { continue }
            // "Tinh lo 941", "quoc lo 13" typed without marks: a road's number, not plot 941.
            if key == plotKey && followsRoadWord(p, in: text) { continue }
            if unit.lowercaseOnly && ProseText.isUppercase(at: p, in: text) { continue }
            if spelledAsUnit(unit, from: p, to: end, in: text) { return (unit, end) }
            // "o ban Na Tong, xa Pac Nam": typed without marks, "ban" (bạn, bán, bàn) is a village
            // when a name and a commune follow it.
            if unit.rejectASCII && unit.kind == .village && unit.value == .any && n == 1 && ProseText.isASCII(text, p..<end)
                && villageConfirmed(after: end, in: text) {
                return (unit, end)
            }
        }
        return nil
    }

    static let plotKey = FoldedKey("lo")
    static let roadWords: Set<FoldedKey> = FoldedKey.set(["tinh", "quoc", "huong", "lien"])

    /// Whether the word before `p` makes "lộ" of "lo": "tỉnh lộ", "quốc lộ", "hương lộ", "liên lộ".
    static func followsRoadWord(_ p: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let e = ProseText.skipSpacesBackward(from: p, in: text)
        let s = ProseText.wordStart(endingAt: e, in: text, limit: 12)
        guard s < e, e < p, let key = FoldedKey(text, s..<e) else { return false }
        return roadWords.contains(key)
    }

    /// A capitalised name, a comma, and a ward or commune with its name: `Na Tong, xa Pac Nam`.
    static func villageConfirmed(after end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let k = ProseText.skipSpaces(from: end, in: text)
        guard k > end, ProseText.isUppercase(at: k, in: text), let ne = name(at: k, in: text) else { return false }
        var a = ProseText.skipSpaces(from: ne, in: text)
        guard a < text.count, text[a] == UInt8(ascii: ",") else { return false }
        a = ProseText.skipSpaces(from: a + 1, in: text)
        guard let (u, ue) = unit(at: a, in: text), u.kind == .area, ue - a >= 2 else { return false }
        let v = ProseText.skipSpaces(from: ue, in: text)
        return v > ue && ProseText.isUppercase(at: v, in: text)
    }

    static func spelledAsUnit(_ unit: Unit, from p: Int, to end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        var i = p
        while i < end {
            let e = ProseText.wordEnd(from: i, in: text, limit: 24)
            guard e > i else { return false }
            let w = i..<e
            if ProseText.isASCII(text, w) {
                if unit.rejectASCII { return false }
            } else {
                guard k < unit.spellings.count, unit.spellings[k].contains(where: { $0.matches(text, w) }) else { return false }
            }
            k += 1
            i = ProseText.skipSpaces(from: e, in: text)
        }
        return true
    }

    /// `P12`, `Q3`, `p.12` written as one word.
    static func gluedArea(at p: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard p + 1 < text.count else { return nil }
        let b = text[p] | 0x20
        guard b == UInt8(ascii: "p") || b == UInt8(ascii: "q") else { return nil }
        let dEnd = ProseText.digitsEnd(from: p + 1, in: text)
        guard dEnd - (p + 1) >= 1 && dEnd - (p + 1) <= 2 else { return nil }
        guard !ProseText.isLetter(at: dEnd, in: text) else { return nil }
        return dEnd
    }

    /// A house number: `12`, `12A`, `12/3`, `123/45/6`, `K45/12`, `B-15.08`, `12-14`.
    /// Groups of at most 5 digits, so phone numbers and amounts do not read as one.
    static func houseNumber(at p: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard p < text.count, !ProseText.gluedBefore(p, in: text) else { return nil }
        var i = p
        // A letter prefix: K45/12 (kiệt), A12, B-15.08.
        if i < text.count && UTF8Classes.isASCIILetter(text[i]) {
            var j = i
            while j < text.count && j - i < 2 && isCapitalASCII(text[j]) { j += 1 }
            guard j > i else { return nil }
            if j < text.count && text[j] == UInt8(ascii: "-") { j += 1 }
            guard ProseText.isDigit(at: j, in: text) else { return nil }
            i = j
        }
        var groups = 0
        while true {
            guard ProseText.isDigit(at: i, in: text) else { return nil }
            let dEnd = ProseText.digitsEnd(from: i, in: text)
            guard dEnd - i <= 5 else { return nil }
            i = dEnd
            groups += 1
            // A one-letter suffix: 12A, 12a (not 350k, 12h, 25m).
            if i < text.count && isHouseSuffix(text[i]) && !ProseText.isLetter(at: i + 1, in: text) && !ProseText.isDigit(at: i + 1, in: text) {
                i += 1
            }
            guard groups < 4, i + 1 < text.count else { break }
            let s = text[i]
            if (s == UInt8(ascii: "/") || s == UInt8(ascii: "-") || s == UInt8(ascii: "."))
                && (ProseText.isDigit(at: i + 1, in: text) || (UTF8Classes.isASCIILetter(text[i + 1]) && ProseText.isDigit(at: i + 2, in: text))) {
                i += 1
                if UTF8Classes.isASCIILetter(text[i]) { i += 1 }
                continue
            }
            break
        }
        guard !ProseText.isLetter(at: i, in: text), !ProseText.isDigit(at: i, in: text) else { return nil }
        if i < text.count && (text[i] == UInt8(ascii: "%") || text[i] == UInt8(ascii: "@")) { return nil }
        return i
    }

    static func isHouseSuffix(_ b: UInt8) -> Bool {
        let l = b | 0x20
        return l >= UInt8(ascii: "a") && l <= UInt8(ascii: "g")
    }

    /// A block code after a building word: `tòa B`, `block A2`, `căn B-15.08`, `căn 12A08`.
    static func code(at p: Int, in text: UnsafeBufferPointer<UInt8>, letterFirst: Bool = false) -> Int? {
        if letterFirst && !(p < text.count && isCapitalASCII(text[p])) { return nil }
        if let e = houseNumber(at: p, in: text) { return e }
        if let e = unitCode(at: p, in: text) { return e }
        var j = p
        while j < text.count && j - p < 3 && (isCapitalASCII(text[j]) || UTF8Classes.isDigit(text[j])) { j += 1 }
        guard j > p, !ProseText.isLetter(at: j, in: text), !ProseText.isDigit(at: j, in: text) else { return nil }
        guard isCapitalASCII(text[p]) else { return nil }
        return j
    }

    @inline(__always) static func isCapitalASCII(_ b: UInt8) -> Bool { b &- UInt8(ascii: "A") < 26 }

    /// An apartment's or a plot's code as developers print it: capitals and digits with at least
    /// one digit, dots or dashes only between them, at most 12 characters (`12A08`, `S2.05`,
    /// `T3-1505`, `D5-12`). Read only after a building word or an address word, where a house
    /// number would stand.
    static func unitCode(at p: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        func isCodeCharacter(_ b: UInt8) -> Bool { UTF8Classes.isDigit(b) || isCapitalASCII(b) }
        var j = p
        var digits = 0
        while j < text.count && j - p < 12 {
            let b = text[j]
            if isCodeCharacter(b) {
                if UTF8Classes.isDigit(b) { digits += 1 }
                j += 1
            } else if (b == UInt8(ascii: ".") || b == UInt8(ascii: "-")) && j > p && j + 1 < text.count
                        && isCodeCharacter(text[j - 1]) && isCodeCharacter(text[j + 1]) {
                j += 1
            } else {
                break
            }
        }
        guard j > p, digits > 0, j - p >= 2 else { return nil }
        guard !ProseText.isLetter(at: j, in: text), !ProseText.isDigit(at: j, in: text) else { return nil }
        if j < text.count && (text[j] == UInt8(ascii: "%") || text[j] == UInt8(ascii: "@")) { return nil }
        return j
    }

    /// A capitalised name of up to 6 words on one line (`Hoàng Hoa Thám`, `Ea H'leo`, `HCM`),
    /// stopping before a unit word (`… Quang Trung phường …`).
    static func name(at p: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = p
        var end: Int?
        var words = 0
        while words < 6 {
            if words > 0 && ProseText.isDigit(at: i, in: text) {
                // "Bàu Cát 2", "Linh Đàm 3": a short number closing the name.
                let dEnd = ProseText.digitsEnd(from: i, in: text)
                let closes = dEnd >= text.count || text[dEnd] == 0x0A || text[dEnd] == UInt8(ascii: ",")
                    || text[dEnd] == UInt8(ascii: ")") || ProseText.spaceLength(at: dEnd, in: text) > 0
                if dEnd - i <= 2 && closes {
                    let k = ProseText.skipSpaces(from: dEnd, in: text)
                    if k >= text.count || !ProseText.isLetter(at: k, in: text) || startsElement(at: k, in: text) {
                        end = dEnd
                    }
                }
                break
            }
            guard ProseText.isUppercase(at: i, in: text) else { break }
            if words > 0 && startsElement(at: i, in: text) { break }
            let e = ProseText.wordEnd(from: i, in: text, limit: 32)
            guard e > i else { break }
            end = e
            words += 1
            let next = ProseText.skipSpaces(from: e, in: text)
            guard next > e else { break }
            i = next
        }
        return end
    }

    /// A unit word followed by its value, or a house-number prefix: the next element begins
    /// here, not more of a name ("… Quang Trung Phường 5", but "Nghi Phong, huyện …").
    static func startsElement(at i: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        if let (u, e) = unit(at: i, in: text) {
            var k = e
            if k < text.count && text[k] == UInt8(ascii: ".") { k += 1 }
            k = ProseText.skipSpaces(from: k, in: text)
            // A unit that takes a number ("tổ 5", "đội 3") starts nothing before a name ("Đội Cấn").
            if k > e && (ProseText.isDigit(at: k, in: text) || (u.value != .number && ProseText.isUppercase(at: k, in: text))) {
                return true
            }
        }
        if let e = isHousePrefix(at: i, in: text) {
            let k = ProseText.skipSpaces(from: e, in: text)
            return ProseText.isDigit(at: k, in: text)
        }
        return false
    }

    /// "số", "số nhà", "nhà số", "SN" before a house number: the end of the prefix.
    static func isHousePrefix(at p: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        let e1 = ProseText.wordEnd(from: p, in: text, limit: 12)
        guard e1 > p else { return nil }
        let w1 = p..<e1
        let n2 = ProseText.skipSpaces(from: e1, in: text)
        let e2 = ProseText.wordEnd(from: n2, in: text, limit: 12)
        let hasSecond = n2 > e1 && e2 > n2
        if ProseText.folds(text, w1, to: "so") && ProseText.spelled(text, w1, as: Spelling.so) {
            if hasSecond && ProseText.folds(text, n2..<e2, to: "nha") && ProseText.spelled(text, n2..<e2, as: Spelling.nha) { return e2 }
            return e1
        }
        if ProseText.folds(text, w1, to: "nha") && ProseText.spelled(text, w1, as: Spelling.nha) && hasSecond
            && ProseText.folds(text, n2..<e2, to: "so") && ProseText.spelled(text, n2..<e2, as: Spelling.so) {
            return e2
        }
        if ProseText.folds(text, w1, to: "sn") { return e1 }
        return nil
    }

    /// Where the value after a unit or prefix begins: spaces, the dot of an abbreviation, a colon.
    static func valueStart(after e: Int, abbreviation: Bool, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var k = e
        if abbreviation && k < text.count && text[k] == UInt8(ascii: ".") { k += 1 }
        if k < text.count && text[k] == UInt8(ascii: ":") { k += 1 }
        return ProseText.skipSpaces(from: k, in: text)
    }

    /// One element at `p`.
    static func element(at p: Int, in text: UnsafeBufferPointer<UInt8>, first: Bool, afterComma: Bool,
                        allowBareNumber: Bool, allowLeadingName: Bool, establishedFine: Bool = false) -> AddressChain.Element? {
        guard p < text.count else { return nil }
        // House number with a prefix: "số 12", "nhà số 17", "SN 5".
        if ProseText.isLetter(at: p, in: text), let prefixEnd = isHousePrefix(at: p, in: text) {
            let v = valueStart(after: prefixEnd, abbreviation: false, in: text)
            if v > prefixEnd, let numberEnd = houseNumber(at: v, in: text) {
                // "nhà số 17": the address is "số 17".
                var start = p
                let w = ProseText.wordEnd(from: p, in: text, limit: 8)
                if ProseText.folds(text, p..<w, to: "nha") { start = ProseText.skipSpaces(from: w, in: text) }
                return house(from: start, numberEnd: numberEnd, in: text)
            }
        }
        if ProseText.isDigit(at: p, in: text) || (UTF8Classes.isASCIILetter(text[p]) && ProseText.isDigit(at: p + 1, in: text)) {
            if let e = gluedArea(at: p, in: text) {
                return AddressChain.Element(kind: .area, range: p..<e, hasNumber: true, hasStreetName: false)
            }
            if allowBareNumber || !first, ProseText.isDigit(at: p, in: text) || text[p] == UInt8(ascii: "K") || text[p] == UInt8(ascii: "k"),
               let numberEnd = houseNumber(at: p, in: text) {
                let element = house(from: p, numberEnd: numberEnd, in: text)
                // A bare number must lead to a street or a unit.
                if element.hasStreetName || unit(at: ProseText.skipSpaces(from: numberEnd, in: text), in: text) != nil {
                    return element
                }
            }
            // "Địa chỉ: D5-12 khu dân cư Việt Sing": a plot's code after an address word, before a unit.
            if allowBareNumber && first && isCapitalASCII(text[p]),
               let codeEnd = unitCode(at: p, in: text), codeEnd - p >= 3 {
                // One space or a comma between: wider gaps are a table's columns ("B2-031   Quan Văn Thịnh").
                var k = codeEnd
                if k < text.count && text[k] == UInt8(ascii: ",") { k += 1 }
                if k < text.count && text[k] == 0x20 { k += 1 }
                if k > codeEnd && unit(at: k, in: text) != nil {
                    return AddressChain.Element(kind: .house, range: p..<codeEnd, hasNumber: true, hasStreetName: false)
                }
            }
            return nil
        }
        if let (u, unitEnd) = unit(at: p, in: text) {
            // Single letters (P, Q) only as capitals or with their dot.
            let abbreviatedLetter = unitEnd - p == 1
            if abbreviatedLetter && !(ProseText.isUppercase(at: p, in: text) || (unitEnd < text.count && text[unitEnd] == UInt8(ascii: "."))) {
                return nil
            }
            var v = valueStart(after: unitEnd, abbreviation: u.abbreviation, in: text)
            guard v > unitEnd || (u.abbreviation && v == unitEnd && ProseText.isUppercase(at: v, in: text)) else { return nil }
            // "đường số 7", "phòng số 5".
            if ProseText.isLetter(at: v, in: text) {
                let we = ProseText.wordEnd(from: v, in: text, limit: 8)
                if ProseText.folds(text, v..<we, to: "so") && ProseText.spelled(text, v..<we, as: Spelling.so) {
                    let n = ProseText.skipSpaces(from: we, in: text)
                    if ProseText.isDigit(at: n, in: text) { v = n }
                }
            }
            var valueEnd: Int?
            var hasNumber = false
            switch u.value {
            case .number:
                valueEnd = ProseText.isDigit(at: v, in: text) ? houseNumber(at: v, in: text) : nil
                hasNumber = valueEnd != nil
            case .numberOrCode:
                valueEnd = code(at: v, in: text)
                hasNumber = valueEnd != nil
            case .code:
                valueEnd = code(at: v, in: text, letterFirst: true)
                hasNumber = valueEnd != nil
            case .any:
                if ProseText.isDigit(at: v, in: text) {
                    valueEnd = houseNumber(at: v, in: text)
                    hasNumber = valueEnd != nil
                } else {
                    valueEnd = name(at: v, in: text)
                }
            }
            guard var end = valueEnd else { return nil }
            var street = false
            if hasNumber && (u.kind == .alley || u.kind == .street || u.kind == .complex) {
                let n = ProseText.skipSpaces(from: end, in: text)
                if n > end, unit(at: n, in: text) == nil, let nameEnd = name(at: n, in: text) {
                    end = nameEnd
                    street = true
                }
            }
            // "P.1204", "P.504": a room number, not a ward (wards have one or two digits).
            var kind = u.kind
            if kind == .area && unitEnd - p == 1 && (text[p] | 0x20) == UInt8(ascii: "p") && hasNumber
                && ProseText.digitsEnd(from: v, in: text) - v >= 3 {
                kind = .room
            }
            return AddressChain.Element(kind: kind, range: p..<end, hasNumber: hasNumber, hasStreetName: street)
        }
        // A bare place name: after a comma, at the end of a clause (", Hà Đông."), or leading
        // right after an address word ("Địa chỉ: Vinhomes Central Park, tòa L3").
        if (afterComma && !first) || (first && allowLeadingName), ProseText.isUppercase(at: p, in: text),
           let e = name(at: p, in: text) {
            // A district of two or three words may go on into the sentence ("…, Thanh Xuân từ 6h
            // sáng"); a single word there may be someone's name (", Minh đang …").
            var words = 1
            for j in p..<e where text[j] == 0x20 && j + 1 < e && text[j + 1] != 0x20 { words += 1 }
            if first || endsClause(at: e, in: text) || (establishedFine && (2...3).contains(words)) {
                return AddressChain.Element(kind: .name, range: p..<e, hasNumber: false, hasStreetName: false)
            }
            return nil
        }
        // "(Đắk Lắk)".
        if !first && text[p] == UInt8(ascii: "("), ProseText.isUppercase(at: p + 1, in: text),
           let e = name(at: p + 1, in: text), e < text.count, text[e] == UInt8(ascii: ")") {
            return AddressChain.Element(kind: .name, range: p..<(e + 1), hasNumber: false, hasStreetName: false)
        }
        return nil
    }

    static func house(from p: Int, numberEnd: Int, in text: UnsafeBufferPointer<UInt8>) -> AddressChain.Element {
        let n = ProseText.skipSpaces(from: numberEnd, in: text)
        if n > numberEnd, unit(at: n, in: text) == nil, isHousePrefix(at: n, in: text) == nil, let nameEnd = name(at: n, in: text) {
            return AddressChain.Element(kind: .house, range: p..<nameEnd, hasNumber: true, hasStreetName: true)
        }
        return AddressChain.Element(kind: .house, range: p..<numberEnd, hasNumber: true, hasStreetName: false)
    }

    /// What may follow a bare place name: the end of the line or text, or punctuation.
    static func endsClause(at e: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let k = ProseText.skipSpaces(from: e, in: text)
        guard k < text.count else { return true }
        // Punctuation, an emoji, a line break: anything but more words.
        if !ProseText.isLetter(at: k, in: text) && !ProseText.isDigit(at: k, in: text) { return true }
        return startsElement(at: k, in: text)
    }

    /// The chain of elements starting at `p`.
    static func parse(from p: Int, in text: UnsafeBufferPointer<UInt8>, allowBareNumber: Bool,
                      allowLeadingName: Bool = false) -> AddressChain {
        var chain = AddressChain()
        var i = p
        var afterComma = false
        var coarse = false
        var fine = false
        while chain.elements.count < 12 {
            guard let e = element(at: i, in: text, first: chain.elements.isEmpty, afterComma: afterComma,
                                  allowBareNumber: allowBareNumber, allowLeadingName: allowLeadingName,
                                  establishedFine: fine) else { break }
            // Addresses go from the house to the province: after a ward or a district, a room
            // or a house number belongs to another clause ("…, Cầu Giấy, tầng 3 có phòng riêng").
            if coarse && e.kind != .area && e.kind != .name { break }
            if e.kind == .area || (e.kind == .name && !chain.elements.isEmpty) { coarse = true }
            if e.kind == .house || e.kind == .alley || e.kind == .village { fine = true }
            chain.elements.append(e)
            // Separators: spaces, one comma, a spaced dash.
            var k = e.range.upperBound
            afterComma = false
            k = ProseText.skipSpaces(from: k, in: text)
            if k < text.count && text[k] == UInt8(ascii: ",") {
                afterComma = true
                k = ProseText.skipSpaces(from: k + 1, in: text)
            } else if k > e.range.upperBound && k < text.count && text[k] == UInt8(ascii: "-")
                        && ProseText.spaceLength(at: k + 1, in: text) > 0 {
                // A spaced dash may join units ("tổ 5 - phường 3"), not a bare name: "– COD 85.000đ".
                k = ProseText.skipSpaces(from: k + 1, in: text)
            } else if k > e.range.upperBound && k + 2 < text.count && text[k] == 0xE2 && text[k + 1] == 0x80 && text[k + 2] == 0x93 {
                k = ProseText.skipSpaces(from: k + 3, in: text)
            }
            guard k < text.count, text[k] != 0x0A else { break }
            i = k
        }
        // A house number that leads nowhere ends nothing.
        while let last = chain.elements.last, last.kind == .house, !last.hasStreetName, chain.elements.count == 1 {
            chain.elements.removeLast()
        }
        return chain
    }
}
