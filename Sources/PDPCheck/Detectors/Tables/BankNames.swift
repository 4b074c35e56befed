/// Names and abbreviations of banks and e-wallets operating in Vietnam, folded (lowercase
/// ASCII, no diacritics). Before a number they are `.bank` context keywords ("Vietcombank
/// 0011…"); right after one they say the number is an account ("0011… Vietcombank").
/// Sources: reference/vn-personal-data.md §4.1 and §4.3, plus the banks' own brand names.
enum BankNames {
    static let names: [String] = [
        "vietcombank", "vcb", "techcombank", "tcb", "mbbank", "mb bank", "mb", "bidv",
        "vietinbank", "viettinbank", "ctg", "agribank", "acb", "vpbank", "vp bank", "tpbank", "tp bank", "tpb",
        "sacombank", "stb", "vib", "hdbank", "hd bank", "shb", "ocb", "msb", "maritime bank", "seabank",
        "scb", "lpbank", "lienvietpostbank", "lien viet post bank", "eximbank", "abbank", "bac a bank",
        "bacabank", "nam a bank", "namabank", "pvcombank", "kienlongbank", "vietabank", "viet a bank",
        "baovietbank", "ncb", "pgbank", "gpbank", "oceanbank", "vietbank", "vietcapitalbank", "bvbank",
        "saigonbank", "dongabank", "dong a bank", "shinhan bank", "shinhanbank", "hsbc", "uob", "woori bank",
        "cbbank", "vikki bank", "cake by vpbank", "ubank", "vietqr", "napas",
        "momo", "vi momo", "zalopay", "viettelpay", "viettel money", "vnpay", "shopeepay",
    ]

    /// What may follow an account number to name its bank: a name, or "ngân hàng …".
    static let trailing = FoldedPhraseTrie(names + ["ngan hang"])
    /// Words that may stand before the name: "tại Vietcombank", "NH ACB".
    static let connectors = FoldedPhraseTrie(["tai", "nh", "qua"])

    private static let mb = FoldedPhraseTrie(["mb"])
    private static let bank = FoldedPhraseTrie(["bank"])

    /// "MB" alone after a short number is more often megabytes than MB Bank.
    static func followsBareMB(_ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let next = mb.phraseEnd(in: text, after: end, gap: .punctuation) else { return false }
        return !bank.matchesPhrase(in: text, after: next, gap: .spaces, maxGap: 1)
    }

    /// Whether a bank name follows the number ending at `end`.
    static func follows(_ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        if trailing.matchesPhrase(in: text, after: end, gap: .punctuation) { return true }
        guard let next = connectors.phraseEnd(in: text, after: end, gap: .punctuation) else { return false }
        return trailing.matchesPhrase(in: text, after: next, gap: .spaces, maxGap: 2)
    }
}
