/// A precise location written as coordinates: a decimal pair (`10.7769, 106.7009`,
/// `21.0285 N 105.8542 E`, `21.0285°N, 105.8542°E`), degrees-minutes-seconds
/// (`10°46'37"N 106°42'03"E`), or an Open Location Code (`7P28QPG4+QR`). The span is the pair
/// or the code. Links to a map are `MapLinkDetector`'s (same category).
///
/// Fed by the shared digit-run pass (no scan of its own): a run with a `.` group is where a
/// decimal pair may begin, a run followed by `°` a DMS pair, a run followed by code letters
/// and `+` a plus code.
///
/// Decimal pairs need 3+ decimals on both numbers and values in range (|lat| ≤ 90,
/// |lng| ≤ 180; `lng, lat` order is read when the first value exceeds 90; both below 1 is a
/// figure, not a place). Exactly 3 decimals is also how prices are written
/// (`10.000, 106.000`), so such a pair counts only with a degree sign, hemisphere letters or
/// a location word ("tọa độ", "vị trí", "GPS"). A pair inside a link belongs to the link.
public struct PreciseLocationDetector: NumberRunDetector {
    public init() {}

    public var description: DetectorDescription { Self.about }

    static let about = DetectorDescription(
        id: "geo.coordinates",
        category: .preciseLocation,
        ruleIds: ["geo.coordinates"],
        summary: "Coordinate pairs (decimal degrees or degrees-minutes-seconds) and plus codes.",
        triggeringExamples: [
            "Nhà mình ở ⟦10.7769, 106.7009⟧ nha",
            "⟦10.7769,106.7009⟧",
            "GPS: ⟦21.0285 N 105.8542 E⟧",
            "⟦21.0285°N, 105.8542°E⟧",
            "⟦10°46'37\"N 106°42'03\"E⟧",
            "⟦10°46′37.5″N, 106°42′3″E⟧",
            "tọa độ ⟦16.054, 108.202⟧",
            "⟦-33.8688, 151.2093⟧",
            "⟦106.7009, 10.7769⟧",
            "⟦10.7769 106.7009⟧",
            "vị trí (⟦21.0285; 105.8542⟧)",
            "Plus code ⟦7P28QPG4+QR⟧",
            "⟦7P28QPG4+QRX⟧ gần chợ",
        ],
        nonTriggeringExamples: [
            "Giá 1.250.000đ, còn 2.500.000 VNĐ",
            "Áo 10.000, quần 106.000",
            "Điểm 8.5, 9.0 và 7.25, 6.75",
            "phiên bản 1.2.3, 10.4.1",
            "p = 0.0123, 0.0456",
            "10.7769",
            "Nhiệt độ 30°C, độ ẩm 80%",
            "góc 45° và 90°",
            "95.1234, 200.5678",
            "https://shop.vn/p/10.7769,106.7009.html",
            "https://www.google.com/maps/@10.7769,106.7009,15z",
            "+84 905 123 456",
            "C++ và ABCD+EF",
            "1.2345.6789, 106.7009",
            "22222222+22",
            "ma7P28QPG4+QR",
        ])

    public func inspect(_ run: NumberRun, in context: TextScanContext, into matches: inout [TextMatch]) {
        guard run.folding.isEmpty, run.groupCount > 0 else { return }
        let text = context.text
        let n = text.count
        // Decimal pairs: a group followed by `.` and a group of 3+ digits.
        var g = 0
        while g + 1 < run.groupCount {
            defer { g += 1 }
            guard run.separator[g + 1] == UInt8(ascii: "."), run.groupEnd(g + 1) - run.groupStart[g + 1] >= 3,
                  run.groupEnd(g) - run.groupStart[g] <= 3 else { continue }
            if g == 0 {
                guard !run.gluedBefore, !run.hasPlus else { continue }
            } else if !NumberRun.isLoose(run.separator[g]) {
                continue
            }
            var s = run.digitStart[run.groupStart[g]]
            if s > 0 && text[s - 1] == UInt8(ascii: "-") { s -= 1 }
            if s > 0 && (UTF8Classes.isWordCharacter(endingBefore: s, in: text) || text[s - 1] == UInt8(ascii: ".")) { continue }
            if followsCoordinate(s, in: text) { continue }
            if let m = pair(text, from: s, context: context) {
                if !LinkContext.isInsideLinkOrEmail(m.start, m.end, in: text) { matches.append(m) }
                return
            }
        }
        // Degrees-minutes-seconds: the last group followed by `°`.
        let last = run.groupCount - 1
        let end = run.end
        if end + 1 < n && text[end] == 0xC2 && (text[end + 1] == 0xB0 || text[end + 1] == 0xBA)
            && run.groupEnd(last) - run.groupStart[last] <= 3 {
            let s = run.digitStart[run.groupStart[last]]
            let starts = last == 0 ? !run.gluedBefore : NumberRun.isLoose(run.separator[last])
            if starts && (s == 0 || text[s - 1] != UInt8(ascii: ".")) && !followsCoordinate(s, in: text),
               let m = dmsPair(text, from: s, context: context) {
                matches.append(m)
                return
            }
        }
        // Plus codes: a run that opens an 8-character code followed by `+`.
        if run.gluedAfter && !run.gluedBefore && run.groupCount == 1, let m = plusCode(text, from: run.start) {
            matches.append(m)
        }
    }

    /// Whether the number at `s` is the second (or later) of a pair or list: `…, 106.7009`.
    func followsCoordinate(_ s: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = s
        var sawSeparator = false
        while k > 0 && s - k < 3 {
            let b = text[k - 1]
            guard b == 0x20 || b == UInt8(ascii: ",") || b == UInt8(ascii: ";") else { break }
            sawSeparator = true
            k -= 1
        }
        guard sawSeparator, k > 0 else { return false }
        // A hemisphere letter, a degree or seconds mark, or the decimals of a number before it.
        var j = k - 1
        let b = text[j]
        if b == UInt8(ascii: "\"") || b == 0xB0 || b == 0xBA || b == 0xB3 || b == 0x9D { return true }
        if UTF8Classes.isASCIILetter(b) {
            guard j > 0 else { return false }
            j -= 1
            if text[j] == 0x20 && j > 0 { j -= 1 }
        }
        var digits = 0
        while j >= 0 && UTF8Classes.isDigit(text[j]) && digits < 13 { digits += 1; j -= 1 }
        return digits >= 3 && j >= 0 && text[j] == UInt8(ascii: ".")
    }

    // MARK: decimal degrees

    struct Number {
        var value: Double
        var start: Int
        var end: Int
        var decimals: Int
    }

    /// `-?d{1,3}.d{3,}` starting at `i` (a digit or `-`), not part of a longer figure.
    func decimal(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Number? {
        let n = text.count
        var j = i
        var negative = false
        if j < n && text[j] == UInt8(ascii: "-") { negative = true; j += 1 }
        var whole = 0.0
        let intStart = j
        while j < n && j - intStart < 4 && UTF8Classes.isDigit(text[j]) {
            whole = whole * 10 + Double(text[j] - 0x30)
            j += 1
        }
        guard j > intStart, j - intStart <= 3, j < n, text[j] == UInt8(ascii: ".") else { return nil }
        j += 1
        var fraction = 0.0
        var scale = 1.0
        let fracStart = j
        while j < n && j - fracStart < 12 && UTF8Classes.isDigit(text[j]) {
            fraction = fraction * 10 + Double(text[j] - 0x30)
            scale *= 10
            j += 1
        }
        let decimals = j - fracStart
        guard decimals >= 3, j >= n || !UTF8Classes.isDigit(text[j]) else { return nil }
        // `1.2345.6789`: a longer dotted figure.
        if j + 1 < n && (text[j] == UInt8(ascii: ".")) && UTF8Classes.isDigit(text[j + 1]) { return nil }
        let value = (whole + fraction / scale) * (negative ? -1 : 1)
        return Number(value: value, start: i, end: j, decimals: decimals)
    }

    /// After a number: optional `°`/`º`, optional space, a hemisphere letter from `letters`
    /// that is not the start of a word. Returns the letter (uppercased, 0 if none), whether
    /// a degree sign was seen, and the end.
    func hemisphere(_ text: UnsafeBufferPointer<UInt8>, after end: Int, _ letters: [UInt8]) -> (UInt8, Bool, Int) {
        let n = text.count
        var j = end
        var degree = false
        if j + 1 < n && text[j] == 0xC2 && (text[j + 1] == 0xB0 || text[j + 1] == 0xBA) { j += 2; degree = true }
        var k = j
        if k < n && text[k] == 0x20 { k += 1 }
        if k < n {
            let upper = text[k] & ~0x20
            if UTF8Classes.isASCIILetter(text[k]) && letters.contains(upper)
                && !UTF8Classes.isWordCharacter(startingAt: k + 1, in: text) {
                return (upper, degree, k + 1)
            }
        }
        return (0, degree, j)
    }

    /// Between the two numbers: `,`, `;`, `, `, ` , `, or one space.
    func pairSeparator(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let n = text.count
        var j = i
        if j < n && text[j] == 0x20 { j += 1 }
        if j < n && (text[j] == UInt8(ascii: ",") || text[j] == UInt8(ascii: ";")) { j += 1 }
        if j < n && text[j] == 0x20 { j += 1 }
        return j > i ? j : nil
    }


    func pair(_ text: UnsafeBufferPointer<UInt8>, from s: Int, context: TextScanContext) -> TextMatch? {
        guard let first = decimal(text, at: s) else { return nil }
        let (h1, degree1, end1) = hemisphere(text, after: first.end, [UInt8(ascii: "N"), UInt8(ascii: "S"), UInt8(ascii: "E"), UInt8(ascii: "W")])
        guard let next = pairSeparator(text, at: end1), let second = decimal(text, at: next) else { return nil }
        let (h2, degree2, end2) = hemisphere(text, after: second.end, [UInt8(ascii: "N"), UInt8(ascii: "S"), UInt8(ascii: "E"), UInt8(ascii: "W")])
        if end2 < text.count {
            if UTF8Classes.isWordCharacter(startingAt: end2, in: text) { return nil }
            // `106.7009.5` or `106.7009.html`: a longer figure or a file name.
            if end2 + 1 < text.count && text[end2] == UInt8(ascii: ".") && UTF8Classes.isASCIIAlnum(text[end2 + 1]) { return nil }
        }
        guard let (lat, lng) = orient(first.value, h1, second.value, h2) else { return nil }
        guard abs(lat) >= 1 || abs(lng) >= 1 else { return nil }  // 0.0123, 0.0456: figures, not a place
        let marked = h1 != 0 || h2 != 0 || degree1 || degree2
        let named = ContextWords.contains(ContextWindow.before(s, in: text), anyOf: ContextWords.location)
        var c: Double
        if min(first.decimals, second.decimals) == 3 {
            c = marked || named ? 0.8 : 0.4  // `10.000, 106.000` is how prices are written
        } else {
            c = 0.85
            if marked { c += 0.05 }
            if named { c += 0.05 }
        }
        if lat >= 8 && lat <= 24 && lng >= 102 && lng <= 110 { c += 0.03 }  // Vietnam
        return TextMatch(ruleId: "geo.coordinates", category: .preciseLocation, start: s, end: end2,
                         confidence: min(0.97, c))
    }

    /// Latitude and longitude from two values and their hemisphere letters (0 = none).
    func orient(_ a: Double, _ ha: UInt8, _ b: Double, _ hb: UInt8) -> (Double, Double)? {
        let N = UInt8(ascii: "N"), S = UInt8(ascii: "S"), E = UInt8(ascii: "E"), W = UInt8(ascii: "W")
        func signed(_ v: Double, _ h: UInt8) -> Double { (h == S || h == W) ? -abs(v) : v }
        let aIsLat = ha == N || ha == S, aIsLng = ha == E || ha == W
        let bIsLat = hb == N || hb == S, bIsLng = hb == E || hb == W
        var lat: Double, lng: Double
        if aIsLat || bIsLng {
            guard !aIsLng && !bIsLat else { return nil }
            (lat, lng) = (signed(a, ha), signed(b, hb))
        } else if aIsLng || bIsLat {
            (lat, lng) = (signed(b, hb), signed(a, ha))
        } else if abs(a) > 90 {
            (lat, lng) = (b, a)  // `lng, lat` (GeoJSON order)
        } else {
            (lat, lng) = (a, b)
        }
        guard abs(lat) <= 90, abs(lng) <= 180 else { return nil }
        return (lat, lng)
    }

    // MARK: degrees, minutes, seconds

    /// A DMS pair whose first degrees start at `s`.
    func dmsPair(_ text: UnsafeBufferPointer<UInt8>, from s: Int, context: TextScanContext) -> TextMatch? {
        guard let (v1, h1, end1) = dms(text, at: s),
              let next = pairSeparator(text, at: end1),
              let (v2, h2, end2) = dms(text, at: next) else { return nil }
        if UTF8Classes.isWordCharacter(startingAt: end2, in: text) { return nil }
        guard orient(v1, h1, v2, h2) != nil else { return nil }
        var confidence = h1 != 0 && h2 != 0 ? 0.9 : 0.8
        if ContextWords.contains(ContextWindow.before(s, in: text), anyOf: ContextWords.location) { confidence += 0.05 }
        return TextMatch(ruleId: "geo.coordinates", category: .preciseLocation, start: s, end: end2, confidence: confidence)
    }

    /// `10°46'37"N`, `10°46′37.5″ N`, `10°46.622'N`: degrees, minutes, optional seconds,
    /// optional hemisphere. Returns the value in degrees, the hemisphere (0 if none) and the end.
    func dms(_ text: UnsafeBufferPointer<UInt8>, at s: Int) -> (Double, UInt8, Int)? {
        let n = text.count
        var j = s
        var degrees = 0.0
        while j < n && j - s < 3 && UTF8Classes.isDigit(text[j]) { degrees = degrees * 10 + Double(text[j] - 0x30); j += 1 }
        guard j > s, j + 1 < n, text[j] == 0xC2, text[j + 1] == 0xB0 || text[j + 1] == 0xBA else { return nil }
        j += 2
        if j < n && text[j] == 0x20 { j += 1 }
        guard let (minutes, afterMinutes) = sexagesimal(text, at: j), minutes < 60,
              let minuteEnd = mark(text, at: afterMinutes, seconds: false) else { return nil }
        j = minuteEnd
        var seconds = 0.0
        var k = j
        if k < n && text[k] == 0x20 { k += 1 }
        if let (value, afterSeconds) = sexagesimal(text, at: k), value < 60, let secondEnd = mark(text, at: afterSeconds, seconds: true) {
            seconds = value
            j = secondEnd
        }
        let value = degrees + minutes / 60 + seconds / 3600
        let (h, _, end) = hemisphere(text, after: j, [UInt8(ascii: "N"), UInt8(ascii: "S"), UInt8(ascii: "E"), UInt8(ascii: "W")])
        return (value, h, end)
    }

    /// 1–2 digits with optional decimals.
    func sexagesimal(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> (Double, Int)? {
        let n = text.count
        var j = i
        var v = 0.0
        while j < n && j - i < 2 && UTF8Classes.isDigit(text[j]) { v = v * 10 + Double(text[j] - 0x30); j += 1 }
        guard j > i, j >= n || !UTF8Classes.isDigit(text[j]) else { return nil }
        if j + 1 < n && text[j] == UInt8(ascii: ".") && UTF8Classes.isDigit(text[j + 1]) {
            j += 1
            var scale = 0.1
            while j < n && UTF8Classes.isDigit(text[j]) { v += Double(text[j] - 0x30) * scale; scale /= 10; j += 1 }
        }
        return (v, j)
    }

    /// A minute mark (`'`, `′` U+2032, `’` U+2019) or a second mark (`"`, `″` U+2033,
    /// `”` U+201D, `''`); returns where it ends.
    func mark(_ text: UnsafeBufferPointer<UInt8>, at i: Int, seconds: Bool) -> Int? {
        let n = text.count
        guard i < n else { return nil }
        if seconds {
            if text[i] == UInt8(ascii: "\"") { return i + 1 }
            if i + 1 < n && text[i] == UInt8(ascii: "'") && text[i + 1] == UInt8(ascii: "'") { return i + 2 }
            if i + 2 < n && text[i] == 0xE2 && text[i + 1] == 0x80 && (text[i + 2] == 0xB3 || text[i + 2] == 0x9D) { return i + 3 }
        } else {
            if text[i] == UInt8(ascii: "'") && !(i + 1 < n && text[i + 1] == UInt8(ascii: "'")) { return i + 1 }
            if i + 2 < n && text[i] == 0xE2 && text[i + 1] == 0x80 && (text[i + 2] == 0xB2 || text[i + 2] == 0x99) { return i + 3 }
        }
        return nil
    }

    // MARK: plus codes

    /// Open Location Code digits.
    static let plusCodeAlphabet: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for c in "23456789CFGHJMPQRVWX".utf8 { t[Int(c)] = true }
        return t
    }()

    /// Full codes only (`7P28QPG4+QR`: 8 digits, `+`, 2–3 digits) starting at `s`: a short
    /// code (`QPG4+QR`) needs a locality to mean a place and looks like other codes.
    func plusCode(_ text: UnsafeBufferPointer<UInt8>, from s: Int) -> TextMatch? {
        let n = text.count
        let plus = s + 8
        guard plus + 2 < n, text[plus] == UInt8(ascii: "+") else { return nil }
        for k in s..<plus where !Self.plusCodeAlphabet[Int(text[k])] { return nil }
        guard !UTF8Classes.isWordCharacter(endingBefore: s, in: text) else { return nil }
        // First pair: latitude below 90° ("2"…"C"), longitude below 180° ("2"…"V").
        guard "23456789C".utf8.contains(text[s]), "23456789CFGHJMPQRV".utf8.contains(text[s + 1]) else { return nil }
        var e = plus + 1
        while e < n && e - plus <= 3 && Self.plusCodeAlphabet[Int(text[e])] { e += 1 }
        let tail = e - plus - 1
        guard tail == 2 || tail == 3, !UTF8Classes.isWordCharacter(startingAt: e, in: text) else { return nil }
        // Mixed letters and digits, as every real code is; `22222222+22` is not one.
        var letters = 0
        for k in s..<e where UTF8Classes.isASCIILetter(text[k]) { letters += 1 }
        guard letters > 0 && letters < e - s - 1 else { return nil }
        return TextMatch(ruleId: "geo.coordinates", category: .preciseLocation, start: s, end: e, confidence: 0.85)
    }
}
