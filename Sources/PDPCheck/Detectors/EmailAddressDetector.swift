/// E-mail addresses: `ten.ho@gmail.com`, `Lan_88@company.com.vn`, and the forms posts use to
/// dodge filters: `ten [at] gmail [dot] com`, `ten(at)gmail.com`, `ten(a)gmail.com`,
/// `ten [@] gmail.com`, `ten @ gmail.com`.
///
/// A byte scanner anchored on `@` (found with memchr), and for the bracketed forms on `)`,
/// `]` and `}`: from the anchor it expands left over the local part and right over the
/// domain, which needs two or more labels and a top-level domain of 2+ letters (no IDN).
///
/// Decisions:
/// - `https://user@host` and `ftp://user:pass@host` are URL credentials, not mailboxes: not
///   reported here (a password in a URL is the credentials detector's). An address inside a
///   link's query (`…?email=ten@gmail.com`) and after `mailto:` is reported.
/// - `@handles` without a dotted domain, `icon@2x.png` (file extensions), `pkg@1.2.3` and
///   addresses glued to a letter (`nguyễn@…`) are not addresses.
/// - Role mailboxes (`info@`, `lienhe@`, `cskh@`, `hr@`…) are reported, at a lower confidence
///   (0.7): someone reads them, the law has no business-address exemption, and the corpus
///   labels them (recruitment and customer-care posts).
public struct EmailAddressDetector: TextDetector {
    public init() {}

    public var description: DetectorDescription { Self.about }

    static let about = DetectorDescription(
        id: "email",
        category: .emailAddress,
        ruleIds: ["email.address"],
        summary: "E-mail addresses, including the obfuscated forms \"ten [at] gmail [dot] com\" and \"ten(a)gmail.com\".",
        triggeringExamples: [
            "Email: ⟦lan.nguyen88@gmail.com⟧",
            "Gửi CV về ⟦tuan_tran@congty-abc.com.vn⟧ trước 30/6",
            "liên hệ ⟦Minh.Le+shop@yahoo.com⟧.",
            "(⟦hoa.pham@outlook.com⟧)",
            "mail ⟦0905123456@gmail.com⟧ nhé",
            "mailto:⟦an.vo@example.vn⟧",
            "Link: https://form.example.vn/dang-ky?email=⟦thao.dang@gmail.com⟧&ok=1",
            DetectorExample("mail ⟦ten.ho [at] gmail [dot] com⟧", note: "bracketed at and dot"),
            DetectorExample("⟦lanpham(at)gmail.com⟧", note: "(at)"),
            DetectorExample("⟦lanpham(a)gmail.com⟧", note: "(a)"),
            DetectorExample("⟦lan.pham [@] yahoo.com⟧"),
            DetectorExample("⟦ngoc.anh (AT) hotmail (DOT) com⟧"),
            DetectorExample("⟦baotran{at}gmail{dot}com⟧"),
            DetectorExample("mail ⟦hoang.vu @ gmail.com⟧ nha", note: "spaces around @"),
            DetectorExample("⟦ten [at] gmail dot com⟧"),
            "Hai mail: ⟦a.b@gmail.com⟧, ⟦c.d@yahoo.com.vn⟧",
            DetectorExample("CV gửi ⟦tuyendung@congty-abc.com.vn⟧", note: "role mailbox: lower confidence, still reported"),
            "Liên hệ ⟦lienhe@shop.vn⟧ hoặc ⟦cskh@shop.vn⟧",
        ],
        nonTriggeringExamples: [
            "Follow @lan.nguyen88 trên TikTok",
            "tag @hoa_pham vào nhé",
            "ten@localhost",
            "icon@2x.png và logo@3x.jpg",
            "cài pkg@1.2.3",
            "https://user@example.com/path",
            "ftp://admin:matkhau@files.example.vn/",
            "https://www.tiktok.com/@review.an.ngon/video/7234567890123456789",
            "Gặp nhau @ quán cà phê",
            "giá 50k @ shop",
            "nguyễn@gmail.com",
            "ten@gmail.c",
            "ten@gmail.123",
            "a@b",
            "@@@",
            "email: [at] gmail [dot] com",
            "Lan (at) Hà Nội",
        ])

    public func detect(in context: TextScanContext, into matches: inout [TextMatch]) {
        let text = context.text
        let firstOwn = matches.count
        var i = 0
        var lastEnd = 0
        while let at = LinkContext.find(UInt8(ascii: "@"), in: text, from: i) {
            if at >= lastEnd, let m = address(around: atSign(at, in: text), in: text) {
                matches.append(m)
                lastEnd = m.end
                i = m.end
            } else {
                i = at + 1
            }
        }
        for closer in [UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}")] {
            i = 0
            while let c = LinkContext.find(closer, in: text, from: i) {
                i = c + 1
                guard let sign = bracketedAt(closing: c, in: text),
                      let m = address(around: sign, in: text) else { continue }
                if !matches[firstOwn...].contains(where: { $0.start < m.end && m.start < $0.end }) { matches.append(m) }
                i = max(i, m.end)
            }
        }
    }

    /// Where the at-sign is written, and whether it is disguised.
    struct AtSign {
        var start: Int
        var end: Int
        var disguised: Bool
    }

    /// `@`, `[@]`, or ` @ ` (spaces both sides).
    func atSign(_ at: Int, in text: UnsafeBufferPointer<UInt8>) -> AtSign {
        let n = text.count
        if at > 0 && at + 1 < n, let close = Self.closer(text[at - 1]), text[at + 1] == close {
            return AtSign(start: at - 1, end: at + 2, disguised: true)
        }
        if at > 0 && at + 1 < n && text[at - 1] == 0x20 && text[at + 1] == 0x20 {
            return AtSign(start: at, end: at + 1, disguised: true)
        }
        return AtSign(start: at, end: at + 1, disguised: false)
    }

    /// `(at)`, `[at]`, `{at}`, `(a)`, `[ at ]`… ending at the closing bracket `c`.
    func bracketedAt(closing c: Int, in text: UnsafeBufferPointer<UInt8>) -> AtSign? {
        var k = c - 1
        if k >= 0 && text[k] == 0x20 { k -= 1 }
        guard k >= 1 else { return nil }
        var wordStart = k
        if (text[k] | 0x20) == UInt8(ascii: "t") && (text[k - 1] | 0x20) == UInt8(ascii: "a") {
            wordStart = k - 1
        } else if (text[k] | 0x20) != UInt8(ascii: "a") {
            return nil
        }
        var o = wordStart - 1
        if o >= 0 && text[o] == 0x20 { o -= 1 }
        guard o >= 0, Self.closer(text[o]) == text[c] else { return nil }
        return AtSign(start: o, end: c + 1, disguised: true)
    }

    @inline(__always) static func closer(_ open: UInt8) -> UInt8? {
        switch open {
        case UInt8(ascii: "("): return UInt8(ascii: ")")
        case UInt8(ascii: "["): return UInt8(ascii: "]")
        case UInt8(ascii: "{"): return UInt8(ascii: "}")
        default: return nil
        }
    }

    @inline(__always) static func isLocalCharacter(_ b: UInt8) -> Bool {
        UTF8Classes.isASCIIAlnum(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "%")
            || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
    }

    @inline(__always) static func isLabelCharacter(_ b: UInt8) -> Bool {
        UTF8Classes.isASCIIAlnum(b) || b == UInt8(ascii: "-")
    }

    func address(around sign: AtSign, in text: UnsafeBufferPointer<UInt8>) -> TextMatch? {
        let n = text.count
        // Local part.
        var localEnd = sign.start
        if sign.disguised && localEnd > 0 && text[localEnd - 1] == 0x20 && text[sign.start] != 0x20 { localEnd -= 1 }
        var localStart = localEnd
        while localStart > 0 && localEnd - localStart < 64 && Self.isLocalCharacter(text[localStart - 1]) { localStart -= 1 }
        if localStart > 0 && Self.isLocalCharacter(text[localStart - 1]) { return nil }  // longer than 64
        // Leading dots and dashes are punctuation before the address.
        while localStart < localEnd && (text[localStart] == UInt8(ascii: ".") || text[localStart] == UInt8(ascii: "-")) {
            localStart += 1
        }
        guard localStart < localEnd, text[localEnd - 1] != UInt8(ascii: ".") else { return nil }
        // Glued to a letter the scan cannot read (`nguyễn@`), or to `@`/`/` (handles, paths).
        if localStart > 0 {
            let b = text[localStart - 1]
            if b == UInt8(ascii: "@") || b == UInt8(ascii: "/") { return nil }
            if b >= 0x80 && UTF8Classes.isWordCharacter(endingBefore: localStart, in: text) { return nil }
        }
        // Domain.
        var d = sign.end
        if sign.disguised && d < n && text[d] == 0x20 && text[sign.end - 1] != 0x20 { d += 1 }
        guard let (domainEnd, tld) = domain(from: d, disguised: sign.disguised, in: text) else { return nil }
        if domainEnd < n && (UTF8Classes.isWordCharacter(startingAt: domainEnd, in: text) || text[domainEnd] == UInt8(ascii: "@")) {
            return nil
        }
        if Self.fileExtensions.contains(tld) { return nil }
        if isURLCredential(localStart, sign.start, in: text) { return nil }
        var confidence = sign.disguised ? 0.85 : 0.95
        if isRoleMailbox(localStart, localEnd, in: text) { confidence = 0.7 }
        return TextMatch(ruleId: "email.address", category: .emailAddress, start: localStart, end: domainEnd,
                         confidence: confidence)
    }

    /// Labels joined by dots (or, when disguised, `[dot]`, `(dot)`, `(.)`, ` dot `); returns the
    /// end of the last label and the top-level domain, folded to lowercase.
    func domain(from start: Int, disguised: Bool, in text: UnsafeBufferPointer<UInt8>) -> (Int, String)? {
        let n = text.count
        var labels = 0
        var i = start
        var end = start
        var lastLabel = start..<start
        while i < n {
            var j = i
            while j < n && j - i <= 63 && Self.isLabelCharacter(text[j]) { j += 1 }
            guard j > i, j - i <= 63, text[i] != UInt8(ascii: "-"), text[j - 1] != UInt8(ascii: "-") else { break }
            labels += 1
            end = j
            lastLabel = i..<j
            guard let next = dot(at: j, disguised: disguised, in: text), next < n, Self.isLabelCharacter(text[next]) else { break }
            i = next
        }
        guard labels >= 2, lastLabel.count >= 2, lastLabel.count <= 24 else { return nil }
        var tld = ""
        for k in lastLabel {
            guard UTF8Classes.isASCIILetter(text[k]) else { return nil }
            tld.unicodeScalars.append(Unicode.Scalar(text[k] | 0x20))
        }
        return (end, tld)
    }

    /// Where the label after a dot at `j` begins.
    func dot(at j: Int, disguised: Bool, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = text.count
        guard j < n else { return nil }
        if text[j] == UInt8(ascii: ".") { return j + 1 }
        guard disguised else { return nil }
        var k = j
        if text[k] == 0x20 { k += 1 }
        guard k < n else { return nil }
        if let close = Self.closer(text[k]) {
            var m = k + 1
            if m < n && text[m] == 0x20 { m += 1 }
            if m < n && text[m] == UInt8(ascii: ".") {
                m += 1
            } else if m + 2 < n && (text[m] | 0x20) == UInt8(ascii: "d") && (text[m + 1] | 0x20) == UInt8(ascii: "o")
                        && (text[m + 2] | 0x20) == UInt8(ascii: "t") {
                m += 3
            } else {
                return nil
            }
            if m < n && text[m] == 0x20 { m += 1 }
            guard m < n, text[m] == close else { return nil }
            m += 1
            if m < n && text[m] == 0x20 { m += 1 }
            return m
        }
        // " dot " with a space on both sides.
        if k == j + 1, k + 3 < n, (text[k] | 0x20) == UInt8(ascii: "d"), (text[k + 1] | 0x20) == UInt8(ascii: "o"),
           (text[k + 2] | 0x20) == UInt8(ascii: "t"), text[k + 3] == 0x20 {
            return k + 4
        }
        return nil
    }

    /// `scheme://user@host` or `scheme://user:pass@host`: the at-sign is in the authority.
    func isURLCredential(_ localStart: Int, _ at: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = localStart
        while k > 0 && localStart - k < 256 && !LinkContext.isSpace(text[k - 1]) {
            k -= 1
            if text[k] == UInt8(ascii: "/") {
                // `://` right here, with no other slash between it and the at-sign.
                return k >= 2 && text[k - 1] == UInt8(ascii: "/") && text[k - 2] == UInt8(ascii: ":")
            }
        }
        // `user:pass@host` after `://` is caught above; a bare `user:pass@` is not a URL.
        return false
    }

    static let roleMailboxes: Set<String> = [
        "info", "contact", "support", "admin", "sales", "hotro", "lienhe", "cskh", "noreply", "no-reply",
        "marketing", "hr", "tuyendung", "press", "billing", "hello", "office", "webmaster", "postmaster",
        "booking", "order", "donhang", "help", "service",
    ]

    func isRoleMailbox(_ from: Int, _ to: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard to - from <= 12 else { return false }
        var s = ""
        for k in from..<to { s.unicodeScalars.append(Unicode.Scalar(text[k] | (UTF8Classes.isASCIILetter(text[k]) ? 0x20 : 0))) }
        return Self.roleMailboxes.contains(s)
    }

    /// File extensions that look like top-level domains after `name@2x.`.
    static let fileExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "webp", "svg", "heic", "avif", "bmp", "tif", "tiff", "ico", "pdf", "mp4",
        "mov", "mp3", "js", "css", "html", "htm", "json", "xml", "txt", "doc", "docx", "xls", "xlsx", "ppt",
        "pptx", "zip", "rar", "swift", "ts",
    ]
}
