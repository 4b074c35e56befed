/// What a context keyword says the number after it is. Detectors compare the label of the
/// nearest keyword with their own: "SĐT" before a number raises a phone's confidence,
/// "STK" before it says the number is a bank account instead.
public enum ContextLabel: String, Sendable, CaseIterable {
    case phone, identity, oldIdentity, bank, card, tax, driverLicense, passport, insurance, order, plate

    /// Folded (lowercase ASCII, no diacritics) keywords, matched on word edges.
    /// Sources: reference/vn-personal-data.md §4.3.
    var keywords: [String] {
        switch self {
        case .phone:
            return ["sdt", "so dien thoai", "dien thoai", "dt", "dd", "di dong", "so may", "hotline",
                    "lien he", "lh", "goi", "goi ngay", "alo", "zalo", "nhan zalo", "nhan tin", "ib", "inbox",
                    "call", "tel", "phone", "mobile", "sms", "whatsapp", "viber", "telegram", "so dt", "sdt zalo"]
        case .identity:
            return ["cccd", "can cuoc", "can cuoc cong dan", "the can cuoc", "so can cuoc", "dinh danh",
                    "so dinh danh", "ma dinh danh", "so dinh danh ca nhan", "vneid", "id card", "cccd cmnd",
                    "cmnd cccd"]
        case .oldIdentity:
            return ["cmnd", "cmt", "chung minh nhan dan", "chung minh thu", "so cm", "giay cmnd"]
        case .bank:
            // Bank and e-wallet names come from BankNames (also used after a number).
            return ["stk", "so tai khoan", "so tk", "tai khoan", "tk", "chu tai khoan", "chu tk", "ctk",
                    "ngan hang", "chuyen khoan", "ck", "nhan tien", "account", "bank", "bank account",
                    "account number", "tai khoan ngan hang", "tk ngan hang", "stk ngan hang",
                    "vi dien tu"] + BankNames.names
        case .card:
            // Brand words ("Visa", "Mastercard", "CVV") are left to the card detector's own look
            // around a candidate: "xin visa", "Master" name other things before a phone number.
            return ["so the", "the atm", "so the atm", "the tin dung", "so the tin dung", "the ghi no",
                    "the ngan hang", "so the ngan hang", "the visa", "the mastercard", "the master", "the jcb",
                    "the napas", "the noi dia", "the quoc te", "credit card", "debit card", "card number",
                    "so the visa", "so the mastercard"]
        case .tax:
            return ["mst", "ma so thue", "ma so doanh nghiep", "msdn", "thue tncn", "ma so thue ca nhan",
                    "mst ca nhan", "ma so dn", "ma so thue doanh nghiep", "tax code", "tax id", "masothue"]
        case .driverLicense:
            return ["gplx", "giay phep lai xe", "bang lai", "bang lai xe", "so gplx", "so bang lai",
                    "bang a1", "bang a2", "bang b1", "bang b2", "bang c", "hang a1", "hang a2", "hang b1",
                    "hang b2", "driver license", "driver licence", "driving license", "driving licence"]
        case .passport:
            return ["ho chieu", "passport", "hc", "so hc", "so ho chieu", "pp", "pp no", "passport no",
                    "passport number", "so passport"]
        case .insurance:
            return ["bhxh", "bhyt", "the bhyt", "so bhxh", "ma so bhxh", "ma the bhyt", "so the bhyt", "vssid",
                    "bao hiem xa hoi", "bao hiem y te", "so so bhxh", "ma bhxh", "ma the bhxh", "ma so bhyt",
                    "so bhyt", "the bao hiem y te", "so so bao hiem xa hoi"]
        case .order:
            return ["ma don", "ma don hang", "don hang", "van don", "ma van don", "hoa don", "so hoa don", "ma sp",
                    "ma hang", "order", "tracking", "ma giao dich", "ma gd", "hd", "hd so", "ma tra cuu",
                    "ma bill", "bill", "isbn", "ma vach", "serial", "imei", "sku", "ma khach hang", "ma kh"]
        case .plate:
            return ["bien so", "bien so xe", "bks", "bien kiem soat", "xe bien"]
        }
    }
}

/// All keywords of all labels in a trie of *reversed* keywords, so the lookup walks back
/// from each word end of the window toward its start and stops at the first (nearest) hit.
struct ContextKeywordTable: Sendable {
    /// Symbols: a–z, 0–9, space.
    private static let alphabet = 37
    private let children: [Int32]
    private let labels: [ContextLabel?]

    static let shared = ContextKeywordTable()

    @inline(__always) private static func symbol(_ b: UInt8) -> Int? {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(b - UInt8(ascii: "a"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return 26 + Int(b - UInt8(ascii: "0"))
        case 0x20: return 36
        default: return nil
        }
    }

    init() {
        var children = [Int32](repeating: -1, count: Self.alphabet)
        var labels: [ContextLabel?] = [nil]
        for label in ContextLabel.allCases {
            for keyword in label.keywords {
                var node = 0
                for b in keyword.utf8.reversed() {
                    guard let s = Self.symbol(b) else { continue }
                    let slot = node * Self.alphabet + s
                    if children[slot] < 0 {
                        children[slot] = Int32(labels.count)
                        labels.append(nil)
                        children.append(contentsOf: repeatElement(-1, count: Self.alphabet))
                    }
                    node = Int(children[slot])
                }
                if labels[node] == nil { labels[node] = label }
            }
        }
        self.children = children
        self.labels = labels
    }

    /// "ck em là Trần Đức Long 0563…", "ck mình": teencode for "chồng" (husband), not "chuyển
    /// khoản", when a person word follows.
    private static func isSpouse(_ folded: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard end - start == 2, folded[start] == UInt8(ascii: "c"), folded[start + 1] == UInt8(ascii: "k") else { return false }
        var e = end + 1
        while e < folded.count && folded[e] != 0x20 { e += 1 }
        guard end + 1 < e else { return false }
        return spouseFollowers.contains(String(decoding: folded[(end + 1)..<e], as: UTF8.self))
    }

    private static let spouseFollowers: Set<String> = ["em", "e", "minh", "toi", "tui", "chi", "c", "cua", "t", "tao", "to"]

    /// The label of the keyword that ends nearest the end of `folded`; at the same end,
    /// the longest keyword ("so dien thoai" over "dien thoai").
    func nearestLabel(in folded: [UInt8], lastWordOnly: Bool = false) -> ContextLabel? {
        var end = folded.count
        while end > 0 {
            if folded[end - 1] != 0x20 {
                var node = 0
                var j = end - 1
                var found: ContextLabel?
                var foundStart = end
                while j >= 0, let s = Self.symbol(folded[j]) {
                    let next = children[node * Self.alphabet + s]
                    if next < 0 { break }
                    node = Int(next)
                    if let label = labels[node], j == 0 || folded[j - 1] == 0x20 { found = label; foundStart = j }
                    j -= 1
                }
                if let found, !(found == .bank && Self.isSpouse(folded, foundStart, end)) { return found }
                if lastWordOnly { return nil }
                // Move to the previous word end.
                while end > 0 && folded[end - 1] != 0x20 { end -= 1 }
            }
            end -= 1
        }
        return nil
    }
}
