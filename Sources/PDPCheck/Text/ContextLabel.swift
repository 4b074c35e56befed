/// What a context keyword says the number after it is. Detectors compare the label of the
/// nearest keyword with their own: "SĐT" before a number raises a phone's confidence,
/// "STK" before it says the number is a bank account instead.
public enum ContextLabel: String, Sendable, CaseIterable {
    case phone, identity, oldIdentity, bank, tax, driverLicense, passport, insurance, order, plate

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
            return ["stk", "so tai khoan", "so tk", "tai khoan", "tk", "chu tai khoan", "chu tk", "ctk",
                    "ngan hang", "chuyen khoan", "ck", "nhan tien", "vietcombank", "vcb", "techcombank", "tcb",
                    "mbbank", "mb bank", "mb", "bidv", "vietinbank", "ctg", "agribank", "acb", "vpbank", "tpbank",
                    "sacombank", "stb", "vib", "hdbank", "shb", "ocb", "msb", "momo", "zalopay", "viettelpay",
                    "account", "bank", "so the", "the atm"]
        case .tax:
            return ["mst", "ma so thue", "ma so doanh nghiep", "msdn", "thue tncn", "ma so thue ca nhan"]
        case .driverLicense:
            return ["gplx", "giay phep lai xe", "bang lai", "bang lai xe"]
        case .passport:
            return ["ho chieu", "passport", "so hc", "so ho chieu"]
        case .insurance:
            return ["bhxh", "bhyt", "the bhyt", "so bhxh", "ma so bhxh", "ma the bhyt", "so the bhyt", "vssid",
                    "bao hiem xa hoi", "bao hiem y te", "so so bhxh"]
        case .order:
            return ["ma don", "ma don hang", "don hang", "van don", "ma van don", "hoa don", "so hoa don", "ma sp",
                    "ma hang", "order", "tracking", "ma giao dich", "ma gd", "hd", "hd so", "ma tra cuu",
                    "ma bill", "bill", "isbn", "ma vach", "serial", "imei", "sku", "ma khach hang", "ma kh"]
        case .plate:
            return ["bien so", "bien so xe", "bks", "bien kiem soat", "xe bien"]
        }
    }
}

/// All keywords of all labels, longest first so "so dien thoai" wins over "dien thoai".
struct ContextKeywordTable: Sendable {
    struct Entry: Sendable {
        let bytes: [UInt8]
        let label: ContextLabel
    }
    let entries: [Entry]

    static let shared = ContextKeywordTable()

    init() {
        var all: [Entry] = []
        for label in ContextLabel.allCases {
            for keyword in label.keywords { all.append(Entry(bytes: Array(keyword.utf8), label: label)) }
        }
        entries = all.sorted { $0.bytes.count > $1.bytes.count }
    }

    /// The label of the keyword that ends nearest the end of `folded` (ties: the longer keyword).
    func nearestLabel(in folded: [UInt8]) -> ContextLabel? {
        var bestEnd = -1
        var bestLength = 0
        var best: ContextLabel?
        let n = folded.count
        for entry in entries {
            let k = entry.bytes
            let m = k.count
            guard m <= n else { continue }
            var start = n - m
            // Search from the right: the nearest occurrence of this keyword.
            while start >= 0 {
                let end = start + m
                if end < bestEnd || (end == bestEnd && m <= bestLength) { break }
                if folded[start] == k[0] && matches(k, in: folded, at: start)
                    && (start == 0 || folded[start - 1] == 0x20)
                    && (end == n || folded[end] == 0x20) {
                    bestEnd = end
                    bestLength = m
                    best = entry.label
                    break
                }
                start -= 1
            }
        }
        return best
    }

    @inline(__always) private func matches(_ k: [UInt8], in folded: [UInt8], at start: Int) -> Bool {
        for j in 0..<k.count where folded[start + j] != k[j] { return false }
        return true
    }
}
