/// The numbers inserted into the synthetic posts: personal items that a detector must find
/// (mobiles, landlines, personal ID numbers) and decoys that it must leave alone.

/// Kinds of inserted personal items; the generator keeps their byte spans as ground truth.
enum TruthKind: Int, CaseIterable, Sendable {
    case mobile, landline, nationalID

    /// The report category (`Category.rawValue`) a detector should give this item.
    var category: String {
        switch self {
        case .mobile, .landline: return "phone_number"
        case .nationalID: return "national_id"
        }
    }

    var label: String {
        switch self {
        case .mobile: return "mobile"
        case .landline: return "landline"
        case .nationalID: return "id"
        }
    }
}

enum DecoyKind: Int, CaseIterable, Sendable {
    case money, date, time, orderCode, hotline, url, year, quantity
}

enum ItemGenerator {
    /// Written forms of a mobile number, with the weights used when picking one.
    static let mobileFormats: [(example: String, weight: Int)] = [
        ("0912.345.678", 15), ("0912 345 678", 15), ("0912345678", 30), ("+84 912 345 678", 8),
        ("(+84) 91 234 5678", 5), ("84912345678", 5), ("0912-345-678", 7), ("+84912345678", 7),
        ("091 234 5678", 8),
    ]

    static let landlineFormats: [(example: String, weight: Int)] = [
        ("028 3823 4567", 40), ("028.3823.4567", 15), ("(028) 3823 4567", 15), ("02838234567", 20),
        ("+84 28 3823 4567", 10),
    ]

    /// A valid VN mobile national significant number (9 digits), per libphonenumber's VN pattern.
    static func mobileNSN(_ rng: inout SplitMix64) -> [UInt8] {
        let prefix = rng.pick(Vocabulary.mobilePrefixes)
        var d = Array(prefix.utf8)
        switch prefix {
        case "52": d.append(UInt8(ascii: rng.pick(["2", "3", "8"])))  // 5(?:2[238]…)
        case "89": d.append(rng.digit(6...9))                          // 8(?:9[6-9]…)
        default: d.append(rng.digit())
        }
        while d.count < 9 { d.append(rng.digit()) }
        return d
    }

    static func mobile(_ rng: inout SplitMix64) -> (text: String, format: Int) {
        let n = mobileNSN(&rng)
        let f = rng.weighted(mobileFormats.map(\.weight))
        func s(_ r: Range<Int>) -> String { String(decoding: n[r], as: UTF8.self) }
        let text: String
        switch f {
        case 0: text = "0" + s(0..<3) + "." + s(3..<6) + "." + s(6..<9)
        case 1: text = "0" + s(0..<3) + " " + s(3..<6) + " " + s(6..<9)
        case 2: text = "0" + s(0..<9)
        case 3: text = "+84 " + s(0..<3) + " " + s(3..<6) + " " + s(6..<9)
        case 4: text = "(+84) " + s(0..<2) + " " + s(2..<5) + " " + s(5..<9)
        case 5: text = "84" + s(0..<9)
        case 6: text = "0" + s(0..<3) + "-" + s(3..<6) + "-" + s(6..<9)
        case 7: text = "+84" + s(0..<9)
        default: text = "0" + s(0..<2) + " " + s(2..<5) + " " + s(5..<9)
        }
        return (text, f)
    }

    /// A fixed line: 0 + area code + subscriber, 11 digits (libphonenumber VN fixedLine).
    static func landline(_ rng: inout SplitMix64) -> (text: String, format: Int) {
        let area = rng.pick(Vocabulary.areaCodes)
        var sub: [UInt8] = [rng.pick([UInt8(ascii: "3"), UInt8(ascii: "3"), UInt8(ascii: "6"), UInt8(ascii: "2"), UInt8(ascii: "8")])]
        while sub.count < 10 - area.utf8.count { sub.append(rng.digit()) }
        let split = sub.count == 8 ? 4 : 3
        let a = String(decoding: sub[0..<split], as: UTF8.self)
        let b = String(decoding: sub[split...], as: UTF8.self)
        let f = rng.weighted(landlineFormats.map(\.weight))
        let text: String
        switch f {
        case 0: text = "0" + area + " " + a + " " + b
        case 1: text = "0" + area + "." + a + "." + b
        case 2: text = "(0" + area + ") " + a + " " + b
        case 3: text = "0" + area + a + b
        default: text = "+84 " + area + " " + a + " " + b
        }
        return (text, f)
    }

    /// A 12-digit personal ID number: province code, century/sex digit, birth year, 6 random digits.
    static func nationalID(_ rng: inout SplitMix64) -> String {
        var d = Array(rng.pick(Vocabulary.provinceCodes).utf8)
        let g = rng.weighted([35, 35, 15, 15])  // 0/1: born 19xx, 2/3: born 20xx
        d.append(UInt8(ascii: "0") + UInt8(g))
        let yy = g < 2 ? rng.int(45...99) : rng.int(0...10)
        d.append(UInt8(ascii: "0") + UInt8(yy / 10))
        d.append(UInt8(ascii: "0") + UInt8(yy % 10))
        while d.count < 12 { d.append(rng.digit()) }
        return String(decoding: d, as: UTF8.self)
    }

    static func digits(_ rng: inout SplitMix64, _ count: Int, first: ClosedRange<Int> = 1...9) -> String {
        var d: [UInt8] = [rng.digit(first)]
        while d.count < count { d.append(rng.digit()) }
        return String(decoding: d, as: UTF8.self)
    }

    static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    /// A decoy: a number that is not personal data. The text contains no personal item.
    static func decoy(_ kind: DecoyKind, _ rng: inout SplitMix64) -> String {
        switch kind {
        case .money:
            let thousands = rng.pick([15, 25, 35, 49, 99, 120, 150, 199, 250, 350, 450, 599, 890, 1250, 2500, 4990, 15000])
            let v = thousands * 1000
            var groups: [String] = []
            var x = v
            while x >= 1000 { groups.insert(String(String(x % 1000 + 1000).dropFirst()), at: 0); x /= 1000 }
            groups.insert(String(x), at: 0)
            let dotted = groups.joined(separator: ".")
            switch rng.below(6) {
            case 0: return dotted + "đ"
            case 1: return dotted + " đồng"
            case 2: return dotted + " VNĐ"
            case 3: return "\(thousands)k"
            case 4: return dotted + "₫"
            default: return "giá " + dotted
            }
        case .date:
            let d = rng.int(1...28), m = rng.int(1...12), y = rng.int(2019...2026)
            switch rng.below(4) {
            case 0: return two(d) + "/" + two(m) + "/" + String(y)
            case 1: return "\(d)/\(m)"
            case 2: return two(d) + "-" + two(m) + "-" + String(y)
            default: return "ngày \(d).\(m).\(y)"
            }
        case .time:
            let h = rng.int(6...22), mi = rng.pick([0, 15, 30, 45])
            switch rng.below(3) {
            case 0: return two(h) + ":" + two(mi)
            case 1: return "\(h)h" + (mi == 0 ? "" : two(mi))
            default: return "\(h)h-\(min(h + rng.int(2...8), 23))h"
            }
        case .orderCode:
            switch rng.below(3) {
            case 0: return "DH" + digits(&rng, 13, first: 2...2)
            case 1: return "#DH" + digits(&rng, 10)
            default: return "SPXVN0" + digits(&rng, 10)
            }
        case .hotline:
            switch rng.below(4) {
            case 0: return "1900 " + digits(&rng, 4)
            case 1: return "1900." + digits(&rng, 3) + "." + digits(&rng, 3)
            case 2: return "1800 " + digits(&rng, 4)
            default: return "1800" + digits(&rng, 4)
            }
        case .url:
            switch rng.below(4) {
            case 0: return "https://shopee.vn/product/" + digits(&rng, 8) + "/" + digits(&rng, 11, first: 1...2)
            case 1: return "https://www.facebook.com/groups/" + digits(&rng, 15) + "/posts/" + digits(&rng, 15)
            case 2: return "https://www.tiktok.com/@review.an.ngon/video/" + digits(&rng, 19, first: 7...7)
            default: return "https://youtu.be/x" + digits(&rng, 4) + "abQ?t=" + String(rng.int(10...999))
            }
        case .year:
            let lead = rng.pick(["năm ", "từ ", "mùa hè ", "Tết ", "(", "đời "])
            return lead + String(rng.int(1995...2026)) + (lead == "(" ? ")" : "")
        case .quantity:
            switch rng.below(5) {
            case 0: return "size \(rng.int(35...44))"
            case 1: return "\(rng.pick([100, 250, 500, 750]))ml"
            case 2: return "\(rng.int(40...90))kg"
            case 3: return "giảm \(rng.pick([10, 15, 20, 30, 50]))%"
            default: return "\(rng.int(12...45))m²"
            }
        }
    }
}
