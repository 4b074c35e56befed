/// Secrets written after a credential word: passwords ("mật khẩu: Abc@12345", "pass là hoa123",
/// "mk: …"), one-time codes and PINs ("OTP 482913", "mã OTP là 482913", "mã PIN 1234") and
/// login names ("tên đăng nhập: …", "user/pass: a/b"). The span is the value only.
/// Advice with no value ("quên mật khẩu", "không bao giờ cung cấp mã OTP"), the notorious
/// example passwords of news reports ("123456") and the sales slang "pass" ("pass lại",
/// "cần pass", "pass gấp", "pass 500k") are not credentials.
public struct CredentialsDetector: TextDetector {
    public init() {}

    public var description: DetectorDescription { Self.about }

    static let about = DetectorDescription(
        id: "cred",
        category: .credentials,
        ruleIds: ["cred.password", "cred.otp", "cred.username", "cred.cvv"],
        summary: "Passwords, API keys, one-time codes, PINs, card security codes (CVV) and login names written after a credential word; the value only.",
        triggeringExamples: [
            "mật khẩu: ⟦Abc@12345⟧",
            "pass là ⟦hoa123⟧ nha",
            "mk: ⟦Lan.2024⟧",
            "OTP ⟦482913⟧",
            "Em đọc giúp chị mã OTP là ⟦482913⟧ nhé",
            "tên đăng nhập: ⟦hoa.nguyen95⟧",
            "user/pass: ⟦admin01⟧/⟦Hoa@2024⟧",
            "Mã PIN ⟦2580⟧",
            "PIN: ⟦1379⟧",
            "Mật khẩu wifi: ⟦quanvui2024⟧",
            DetectorExample("mat khau la ⟦Tuan#1995⟧", note: "typed without diacritics"),
            DetectorExample("Password ⟦Tr@ng#2024⟧ nhé", note: "a password-like value right after a strong word"),
            DetectorExample("mật khẩu: \"⟦hoa mai 99⟧\"", note: "a quoted value may hold spaces"),
            "Mật khẩu Facebook của em là ⟦hoamai1999⟧.",
            DetectorExample("Mật khẩu: ⟦hoamaivang⟧", note: "letters only, after a label"),
            DetectorExample("tk/mk: ⟦phuong.le⟧/⟦Phuong@88⟧", note: "a login pair"),
            DetectorExample("API_KEY=⟦sk_live_7Hq2Lm9XvR4tPz8Kc1Nw⟧", note: "an API key"),
            DetectorExample("hạn 11/27, mã CVV ⟦418⟧", note: "a card security code"),
            DetectorExample("📶 Wifi tầng 2: NhaCoMeo_Study – pass ⟦hochanhchamchi⟧", note: "a wifi line makes \"pass\" a password"),
            DetectorExample("mk: ⟦Long@2024!⟧ de minh dang nhap thu", note: "a final ! belongs to a password with symbols"),
            "ma OTP gui ve sdt la ⟦739204⟧",
            "nhập mật khẩu cổng ⟦4716#⟧ rồi lên tầng 4",
            DetectorExample("bạn ấy đăng nhập email của mình bằng pass ⟦ngoclan1990⟧", note: "\"bằng pass\" names the secret used"),
        ],
        nonTriggeringExamples: [
            "Quên mật khẩu thì bấm vào đây",
            "Nên đổi mật khẩu thường xuyên, tối thiểu 12 ký tự",
            "Không bao giờ cung cấp mã OTP cho bất kỳ ai.",
            "Cơ quan chức năng khuyến cáo không cung cấp mã OTP, không chuyển tiền",
            "Pass lại iPhone 13 Pro Max, pin 87%",
            "Cần pass gấp cái váy, pass 150k",
            "pass đồ giá rẻ cho các mẹ",
            "Ai cần pass lại vé concert thì ib",
            "pass 500k bao ship",
            "can pass lai xe may gap",
            "Vẫn còn nhiều người dùng mật khẩu \"123456\"",
            "Mã OTP gồm 6 số, hết hạn sau 5 phút",
            "OTP 6 số sẽ được gửi qua SMS",
            "Bật xác thực 2 lớp và không dùng chung một mật khẩu cho nhiều tài khoản.",
            "Sạc pin 5000 mAh dùng 2 ngày",
            "Mật khẩu: ********",
            "Nhập tên đăng nhập và mật khẩu để tiếp tục",
            "mk đi chơi đây",
            "mật khẩu 8 ký tự trở lên",
            "Mật khẩu mạnh gồm chữ hoa, chữ thường, số và ký tự đặc biệt.",
            "Bấm vào https://example.vn/reset?pass=abc để đổi mật khẩu",
            DetectorExample("Password=your_password_here", note: "a placeholder"),
            "Lưu ý: không chia sẻ ảnh giấy tờ, mật khẩu VNeID hay mã OTP cho bất kỳ ai.",
            "ae nao thay ai \"pass acc\" gia re thi can than, pass acc la ban lai acc",
            "Thẻ có mã CVV ở mặt sau, không đưa cho ai",
            DetectorExample("Mk pass lại mấy món còn mới, ai lấy nhanh mk bớt thêm", note: "mk = mình, pass = resell"),
            DetectorExample("mk cần pass phòng trọ từ tháng sau, giá 3tr5/tháng", note: "pass = sublet"),
            "Pass thẻ tập gym California còn 5 tháng, 1tr2",
            "Ngân hàng KHÔNG BAO GIỜ gọi điện hỏi OTP, mật khẩu hay mã PIN.",
            DetectorExample("Mật khẩu mặc định của router: admin123, nhớ đổi ngay", note: "a vendor's default"),
            DetectorExample("☕ NHÀ CÓ MÈO COFFEE – KHAI TRƯƠNG\n📶 Wifi tầng 1: NhaCoMeo_1 – mật khẩu meomeo2025",
                            note: "a café's wifi for its customers"),
            "Default password: Tplink@2024",
            DetectorExample("Ví dụ mật khẩu mạnh: Hoa#Mai2024 – đừng dùng đúng mật khẩu này", note: "an illustration"),
        ])

    private enum Kind: UInt8 {
        case none
        case password
        case otp
        case pin
        case username
        case cvv
    }

    private struct Cue {
        var kind: Kind
        /// Strong words name a secret on their own; weak ones ("pass", "mk", "pin", "user")
        /// need a ":" / "là" / "=" before the value.
        var strong: Bool
    }

    private static let cues: [Cue] = TopicLexicon.shared.entries.map { entry in
        guard entry.topic == .credentialCue else { return Cue(kind: .none, strong: false) }
        switch entry.keyword {
        case "mat khau", "password", "passcode", "mat ma", "api key", "apikey", "secret key", "access token", "token":
            return Cue(kind: .password, strong: true)
        case "cvv", "cvc", "cvv2", "ma cvv": return Cue(kind: .cvv, strong: true)
        case "ma du phong": return Cue(kind: .otp, strong: true)
        case "pass", "mk": return Cue(kind: .password, strong: false)
        case "otp", "ma otp", "ma xac thuc", "ma bao mat": return Cue(kind: .otp, strong: true)
        case "ma pin": return Cue(kind: .pin, strong: true)
        case "pin": return Cue(kind: .pin, strong: false)
        case "ten dang nhap", "username", "user name", "tai khoan dang nhap", "id dang nhap":
            return Cue(kind: .username, strong: true)
        case "user", "login": return Cue(kind: .username, strong: false)
        default: return Cue(kind: .none, strong: false)
        }
    }

    /// Words between the credential word and its value: "mật khẩu wifi của em là …".
    static let qualifiers: Set<FoldedKey> = FoldedKey.set([
        "wifi", "cua", "minh", "em", "toi", "ban", "anh", "chi", "moi", "cu", "tam", "mac dinh", "dang nhap",
        "tai khoan", "fb", "facebook", "zalo", "gmail", "email", "mail", "icloud", "app", "ngan hang", "the", "atm",
        "vi", "wi", "fi", "he", "thong", "nick", "acc", "account", "cua ban", "hien", "tai", "nay", "mo", "khoa",
        "may", "dien", "thoai", "laptop", "router", "camera", "admin", "instagram", "tiktok", "shopee", "momo",
        "vneid", "cung", "cong", "gui", "ve", "sdt", "den", "tin", "nhan", "sms", "moi nhat", "dung", "so",
    ])

    static let loginWords: Set<FoldedKey> = FoldedKey.set([
        "user", "username", "tk", "acc", "account", "id", "email", "login", "tai khoan", "sdt", "nick",
    ])
    static let laKey = FoldedKey("la") ?? FoldedKey()

    /// Examples that news and advice quote; nobody's secret.
    static let examplePasswords: Set<String> = [
        "123456", "1234567", "12345678", "123456789", "1234567890", "0123456789", "111111", "000000", "123123",
        "654321", "666666", "888888", "password", "matkhau", "abc123", "qwerty", "iloveyou", "admin", "12345",
        "1234", "0000", "1111", "abcdef", "abc12345", "password1", "123321", "147258369", "qwerty123",
    ]

    /// Short words that follow a credential word in advice ("mật khẩu cho nhiều tài khoản").
    static let stopWords: Set<String> = [
        "thi", "roi", "nhe", "nha", "gi", "sai", "dung", "moi", "cu", "ok", "oke", "day", "nay", "kia", "va", "hoac",
        "cua", "cho", "voi", "de", "khong", "ko", "nhu", "the", "nao", "bao", "nhieu", "gom", "co", "la", "qua",
        "yeu", "manh", "dai", "ngan", "phai", "bang", "tu", "it", "nhat", "toi", "thieu", "ky", "so", "chu", "lai",
        "gap", "do", "hang", "xe", "ve", "gia", "ship", "cho", "nhanh", "re", "luon", "ngay", "di", "nhap", "vao",
        "sau", "truoc", "khi", "neu", "hay", "duoc", "bi", "se", "dang", "da", "cac", "nhung", "mot", "hai", "ba",
        "va", "hoa", "thuong", "ma", "trong", "ngoai", "len", "xuong", "het", "han", "moi", "cap", "doi", "reset",
        "here", "and", "or", "is", "the", "to", "for", "change", "expired", "please",
    ]

    public func detect(in context: TextScanContext, into matches: inout [TextMatch]) {
        let text = context.text
        let cues = Self.cues
        var lastValueEnd = -1
        for hit in context.keywordHits where hit.entry < cues.count {
            let cue = cues[hit.entry]
            if cue.kind == .none || hit.start < lastValueEnd { continue }
            // Part of an identifier: "your_password_here", "user_id".
            if hit.start > 0 && text[hit.start - 1] == UInt8(ascii: "_") { continue }
            if hit.end < text.count && text[hit.end] == UInt8(ascii: "_") { continue }
            // "user/pass": the pair is read at the password word.
            if cue.kind == .username, hit.end < text.count, text[hit.end] == UInt8(ascii: "/") { continue }
            let pair = cue.kind == .password && isPairedWithLogin(before: hit.start, in: text)
            guard let (valueRange, separatedByWord) = value(after: hit.end, in: text) else { continue }
            var separated = separatedByWord
            var strong = cue.strong
            // "đăng nhập bằng pass …", "nhập mk …": the word names the secret that follows.
            if !strong && cue.kind == .password, let word = previousWord(before: hit.start, in: text),
               Self.usingWords.contains(word) {
                strong = true
            }
            // On a wifi line, "pass" and "mk" name the password (looked at only when the value
            // would not do otherwise).
            if !strong && cue.kind == .password && !separated, valueRange.count >= 4,
               ProseText.isASCII(text, valueRange), onWifiLine(hit.start, in: text) {
                strong = true
                separated = true
            }
            if LinkContext.isInsideLinkOrEmail(hit.start, hit.end, in: text) { continue }
            var found: [TextMatch] = []
            if pair, let slash = firstSlash(in: valueRange, text: text) {
                let user = valueRange.lowerBound..<slash
                let secret = (slash + 1)..<valueRange.upperBound
                if let u = judge(user, kind: .username, strong: true, separated: true, hit: hit, in: text),
                   let p = judge(secret, kind: .password, strong: true, separated: true, hit: hit, in: text) {
                    found = [u, p]
                }
            } else if let m = judge(valueRange, kind: cue.kind, strong: strong, separated: separated, hit: hit, in: text) {
                found = [m]
            }
            guard !found.isEmpty else { continue }
            // A vendor's default ("mật khẩu mặc định: admin123", "default password") is printed on
            // every box: nobody's secret.
            if isDefault(ProseText.back(hit.start, characters: 24, in: text)..<valueRange.lowerBound, in: text) { continue }
            if isCustomerWifi(cueStart: hit.start, valueStart: valueRange.lowerBound, in: text) { continue }
            matches.append(contentsOf: found)
            lastValueEnd = valueRange.upperBound
        }
    }

    private func isDefault(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let folded = " " + ProseText.folded(text, range) + " "
        // And an illustration ("ví dụ mật khẩu: Abc@123", "mã OTP chẳng hạn 482913").
        return [" mac dinh ", " default ", " nha san xuat ", " vi du ", " vd ", " chang han ", " example ", " gia su "]
            .contains { folded.contains($0) }
    }

    /// A wifi password that a café, restaurant or hotel posts for its customers is handed to
    /// everyone who walks in: it guards no one's data (Corpus/README.md, credentials). Read only
    /// for wifi passwords, in the 400 characters before the value.
    private func isCustomerWifi(cueStart: Int, valueStart: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let lineStart = ProseText.lineStart(cueStart, in: text, limit: 120)
        let line = " " + ProseText.folded(text, lineStart..<valueStart) + " "
        guard line.contains(" wifi ") || line.contains(" wi fi ") else { return false }
        let before = " " + ProseText.folded(text, ProseText.back(cueStart, characters: 400, in: text)..<valueStart) + " "
        return Self.businessWords.contains { before.contains($0) }
    }

    /// Folded words of a business that serves customers on its premises.
    static let businessWords = [" cafe ", " coffee ", " ca phe ", " nha hang ", " khach san ", " homestay ", " tiem ",
                                " cua hang ", " khai truong ", " quan an ", " quan nuoc ", " dat ban ", " quy khach ",
                                " khach hang ", " co so "]

    /// Words before "pass" or "mk" that make it the secret used: "bằng pass", "dùng mk", "nhập pass".
    static let usingWords: Set<FoldedKey> = FoldedKey.set(["bang", "dung", "nhap", "go"])

    private func previousWord(before start: Int, in text: UnsafeBufferPointer<UInt8>) -> FoldedKey? {
        let e = ProseText.skipSpacesBackward(from: start, in: text)
        let s = ProseText.wordStart(endingAt: e, in: text, limit: 16)
        return s < e ? FoldedKey(text, s..<e) : nil
    }

    /// Whether the line of `offset` names a wifi network.
    private func onWifiLine(_ offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = ProseText.lineStart(offset, in: text, limit: 120)
        let folded = " " + ProseText.folded(text, lo..<offset) + " "
        return folded.contains(" wifi ") || folded.contains(" wi fi ")
    }

    /// "user/pass", "tk/mk", "acc/pass": a login word and a slash before the password word.
    private func isPairedWithLogin(before start: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard start > 1, text[start - 1] == UInt8(ascii: "/") else { return false }
        let e = start - 1
        let s = ProseText.wordStart(endingAt: e, in: text, limit: 16)
        guard s < e else { return false }
        return FoldedKey(text, s..<e).map { Self.loginWords.contains($0) } ?? false
    }

    private func firstSlash(in range: Range<Int>, text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = range.lowerBound
        while i < range.upperBound {
            if text[i] == UInt8(ascii: "/") { return i > range.lowerBound && i + 1 < range.upperBound ? i : nil }
            i += 1
        }
        return nil
    }

    /// The value after a credential word: past qualifiers ("wifi", "của em") and a separator
    /// (":", "=", "là"). Returns its range and whether a separator stood before it.
    private func value(after end: Int, in text: UnsafeBufferPointer<UInt8>) -> (Range<Int>, Bool)? {
        var i = end
        var separated = false
        var steps = 0
        while i < text.count && steps < 8 {
            let sp = ProseText.spaceLength(at: i, in: text)
            if sp > 0 { i += sp; continue }
            let b = text[i]
            if b == UInt8(ascii: ":") || b == UInt8(ascii: "=") {
                separated = true
                i += 1
                steps += 1
                continue
            }
            if b == UInt8(ascii: "-") && ProseText.spaceLength(at: i + 1, in: text) > 0 {
                separated = true
                i += 1
                steps += 1
                continue
            }
            if ProseText.isLetter(at: i, in: text) && !separated {
                let e = ProseText.wordEnd(from: i, in: text, limit: 24)
                guard e > i else { return nil }
                let range = i..<e
                let word = FoldedKey(text, range) ?? FoldedKey()
                if word == Self.laKey && ProseText.spelled(text, range, as: Spelling.la) {
                    separated = true
                    i = e
                    steps += 1
                    continue
                }
                if Self.qualifiers.contains(word) {
                    i = e
                    steps += 1
                    continue
                }
            }
            break
        }
        guard i < text.count, text[i] != 0x0A else { return nil }
        // A quoted value.
        if let close = closingQuote(for: i, in: text) {
            let (start, quoteEnd) = close
            let lineEnd = min(ProseText.lineEnd(start, in: text), start + 64)
            var k = start
            while k < lineEnd {
                if matchesQuote(at: k, quoteEnd, in: text) { return k > start ? (start..<k, true) : nil }
                k += 1
            }
            return nil
        }
        // A run of printable bytes.
        var k = i
        while k < text.count && k - i < 65 {
            let b = text[k]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { break }
            k += 1
        }
        // Trailing punctuation belongs to the sentence; a "!" stays with a password that has
        // other symbols ("Long@2024!").
        let hasSymbol = (i..<k).contains { j in
            let b = text[j]
            return b > 0x20 && b < 0x7F && !UTF8Classes.isASCIIAlnum(b) && b != UInt8(ascii: "!") && b != UInt8(ascii: ".")
                && b != UInt8(ascii: ",")
        }
        while k > i {
            let last = text[k - 1]
            let strip = last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: ";")
                || last == UInt8(ascii: "?") || last == UInt8(ascii: ")") || last == UInt8(ascii: "\"") || last == UInt8(ascii: "'")
                || (last == UInt8(ascii: "!") && !hasSymbol)
            guard strip else { break }
            k -= 1
        }
        guard k > i else { return nil }
        return (i..<k, separated)
    }

    /// An opening quote at `i`: where the value starts, and which closing quote ends it.
    private func closingQuote(for i: Int, in text: UnsafeBufferPointer<UInt8>) -> (Int, [UInt8])? {
        let b = text[i]
        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "`") { return (i + 1, [b]) }
        // “ ” and ‘ ’.
        if b == 0xE2 && i + 2 < text.count && text[i + 1] == 0x80 {
            if text[i + 2] == 0x9C { return (i + 3, [0xE2, 0x80, 0x9D]) }
            if text[i + 2] == 0x98 { return (i + 3, [0xE2, 0x80, 0x99]) }
        }
        return nil
    }

    private func matchesQuote(at k: Int, _ quote: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard k + quote.count <= text.count else { return false }
        for (j, q) in quote.enumerated() where text[k + j] != q { return false }
        return true
    }

    /// Whether the value looks like the secret the word names, and how sure that is.
    private func judge(_ range: Range<Int>, kind: Kind, strong: Bool, separated: Bool, hit: KeywordHit,
                       in text: UnsafeBufferPointer<UInt8>) -> TextMatch? {
        let length = range.count
        guard length >= 1 && length <= 64 else { return nil }
        var digits = 0, lower = 0, upper = 0, symbols = 0, spaces = 0
        for i in range {
            let b = text[i]
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"): lower += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): upper += 1
            case 0x20: spaces += 1
            case 0x21...0x7E: symbols += 1
            default: return nil  // letters with diacritics, emoji, masks (•): not a typed secret
            }
        }
        let raw = String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
        let folded = raw.lowercased()
        if Self.examplePasswords.contains(folded) { return nil }
        // Masked or placeholder values: "********", "xxxxxx".
        if let first = raw.first, raw.allSatisfy({ $0 == first }) && (first == "*" || first == "x" || first == "X" || first == "#") { return nil }
        if folded.hasPrefix("http") || folded.hasPrefix("www.") { return nil }
        // Placeholders: "your_password_here", "<password>", "xxxx".
        if folded.contains("password") || folded.contains("your_") || folded.contains("<") || folded.contains("xxxx")
            || folded.contains("example") || folded.contains("matkhau") { return nil }
        switch kind {
        case .cvv:
            guard digits == length, length == 3 || length == 4 else { return nil }
            return TextMatch(ruleId: "cred.cvv", category: .credentials, start: range.lowerBound, end: range.upperBound,
                             confidence: 0.85)
        case .otp, .pin:
            guard digits == length else { return nil }
            let bounds = kind == .otp ? 4...10 : 4...6
            guard bounds.contains(length) else { return nil }
            if followedByMeasure(range.upperBound, in: text) { return nil }
            if kind == .pin {
                let uppercasePIN = ProseText.isUppercase(at: hit.start, in: text) && ProseText.isUppercase(at: hit.start + 1, in: text)
                if !strong && !separated && !uppercasePIN { return nil }
                return TextMatch(ruleId: "cred.otp", category: .credentials, start: range.lowerBound, end: range.upperBound,
                                 confidence: strong ? 0.85 : (uppercasePIN ? 0.8 : 0.75))
            }
            return TextMatch(ruleId: "cred.otp", category: .credentials, start: range.lowerBound, end: range.upperBound,
                             confidence: 0.9)
        case .password:
            guard length >= 4 else { return nil }
            if !strong && !separated { return nil }
            if looksLikePrice(range, in: text) || looksLikeEmail(raw) { return nil }
            let letters = lower + upper
            // Mixed case alone is a password only after a label: "mật khẩu VNeID" names an app.
            let passwordLike = (digits > 0 && letters > 0) || symbols > 0 || (lower > 0 && upper > 0 && letters > 3 && separated)
                || (digits == length && length >= 6)
            var confidence: Double
            if passwordLike {
                confidence = strong ? (separated ? 0.92 : 0.85) : 0.8
            } else {
                // Letters only: a label must announce it, and it must not be a word of the sentence.
                guard strong, separated, letters == length, length >= 6, !Self.stopWords.contains(folded) else { return nil }
                confidence = 0.6
            }
            if spaces > 0 { confidence = min(confidence, 0.8) }
            if digits == length && !separated { confidence = 0.7 }
            return TextMatch(ruleId: "cred.password", category: .credentials, start: range.lowerBound, end: range.upperBound,
                             confidence: confidence)
        case .username:
            guard length >= 3, spaces == 0, strong || separated else { return nil }
            guard !Self.stopWords.contains(folded), lower + upper + digits > 0 else { return nil }
            return TextMatch(ruleId: "cred.username", category: .credentials, start: range.lowerBound, end: range.upperBound,
                             confidence: strong ? 0.75 : 0.65)
        case .none:
            return nil
        }
    }

    /// `150k`, `1.500.000`, `2tr5`: sales prices after the slang "pass".
    private func looksLikePrice(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = range.first, UTF8Classes.isDigit(text[first]) else { return false }
        var i = first
        var sawGroup = false
        while i < range.upperBound {
            let b = text[i]
            if UTF8Classes.isDigit(b) { i += 1; continue }
            if b == UInt8(ascii: ".") || b == UInt8(ascii: ",") { sawGroup = true; i += 1; continue }
            break
        }
        if i == range.upperBound { return sawGroup }
        let rest = String(decoding: UnsafeBufferPointer(rebasing: text[i..<range.upperBound]), as: UTF8.self).lowercased()
        return ["k", "tr", "d", "đ", "vnd", "m", "trieu", "cu", "usd", "$"].contains(rest)
            || (rest.hasPrefix("tr") && rest.dropFirst(2).allSatisfy(\.isNumber))
            || (rest.hasPrefix("k") && rest.dropFirst().allSatisfy(\.isNumber))
    }

    private func looksLikeEmail(_ s: String) -> Bool {
        guard let at = s.firstIndex(of: "@") else { return false }
        return s[at...].contains(".") && s[s.index(after: at)...].first?.isLetter == true
    }

    /// "pin 5000 mAh": a battery, not a PIN.
    private func followedByMeasure(_ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard end < text.count else { return false }
        if text[end] == UInt8(ascii: "%") { return true }
        let k = ProseText.skipSpaces(from: end, in: text)
        let e = ProseText.wordEnd(from: k, in: text, limit: 12)
        guard e > k else { return false }
        return ["mah", "h", "gio", "tieng", "ngay", "w", "v", "lan", "cell", "so", "ky", "chu", "phut", "giay"]
            .contains(ProseText.folded(text, k..<e))
    }
}
