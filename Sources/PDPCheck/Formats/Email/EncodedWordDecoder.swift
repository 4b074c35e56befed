/// Decodes header text with RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?windows-1258?Q?…?=`)
/// and raw 8-bit bytes (RFC 6532 UTF-8 headers, or a legacy charset a client wrote unencoded).
///
/// Lenient where real mail is: encoded words inside quoted strings and words are decoded too,
/// the blanks between two adjacent encoded words are dropped (RFC 2047 §6.2), and adjacent
/// words in one charset are joined *before* decoding, so a UTF-8 character a client split
/// across two words ("Nguy=E1=BB" + "=85n") comes out whole.
enum EncodedWordDecoder {
    static func decode(_ raw: [UInt8]) -> String {
        raw.withUnsafeBufferPointer { decode($0) }
    }

    static func decode(_ s: UnsafeBufferPointer<UInt8>) -> String {
        var result = ""
        // Bytes waiting to be decoded together, and their charset (nil: literal text).
        var pending: [UInt8] = []
        var pendingCharset: MIMECharset?? = .none
        func flush() {
            guard !pending.isEmpty else { return }
            switch pendingCharset {
            case .some(.some(let charset)): result += charset.string(pending)
            default: result += MIMECharset.utf8.string(pending)
            }
            pending.removeAll(keepingCapacity: true)
        }
        func add(_ bytes: [UInt8], charset: MIMECharset?) {
            if pendingCharset != .some(charset) { flush() }
            pendingCharset = .some(charset)
            pending.append(contentsOf: bytes)
        }

        let n = s.count
        var i = 0
        var literalStart = 0
        var lastWordEnd: Int?
        while i + 1 < n {
            guard s[i] == UInt8(ascii: "="), s[i + 1] == UInt8(ascii: "?"), let word = encodedWord(s, at: i) else {
                i += 1
                continue
            }
            // Literal text before this word, unless it is only blanks between two words.
            let between = UnsafeBufferPointer(rebasing: s[literalStart..<i])
            let onlyBlanks = between.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
            if !(lastWordEnd == literalStart && onlyBlanks), !between.isEmpty {
                add(Array(between), charset: nil)
            }
            add(word.bytes, charset: word.charset ?? .utf8)
            i = word.end
            literalStart = i
            lastWordEnd = i
        }
        if literalStart < n { add(Array(UnsafeBufferPointer(rebasing: s[literalStart..<n])), charset: nil) }
        flush()
        return result
    }

    /// `=?charset?enc?text?=` at `i`: the decoded bytes, the charset (nil when unknown: read as
    /// UTF-8), and the index after `?=`. nil when it is not a well-formed word.
    private static func encodedWord(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> (bytes: [UInt8], charset: MIMECharset?, end: Int)? {
        let n = s.count
        var k = i + 2
        let charsetStart = k
        while k < n, k - charsetStart < 64, s[k] != UInt8(ascii: "?"), s[k] > 0x20 { k += 1 }
        guard k < n, s[k] == UInt8(ascii: "?"), k > charsetStart, k + 2 < n, s[k + 2] == UInt8(ascii: "?") else { return nil }
        let label = String(decoding: UnsafeBufferPointer(rebasing: s[charsetStart..<k]), as: UTF8.self)
        let encoding = s[k + 1] | 0x20
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        let textStart = k + 3
        var e = textStart
        // The text has no blanks and no "?" (RFC 2047 §5); a word is at most a line long,
        // but some clients write longer ones, so allow up to 8 KiB.
        while e + 1 < n, e - textStart < 8192 {
            if s[e] == UInt8(ascii: "?") {
                guard s[e + 1] == UInt8(ascii: "=") else { return nil }
                let text = UnsafeBufferPointer(rebasing: s[textStart..<e])
                let bytes = encoding == UInt8(ascii: "b") ? Base64Decoder.decode(text)
                                                          : QuotedPrintableDecoder.decodeEncodedWord(Array(text)[...])
                return (bytes, MIMECharset(label: label), e + 2)
            }
            if s[e] == 0x20 || s[e] == 0x09 || s[e] == 0x0A || s[e] == 0x0D { return nil }
            // A "B" word with bytes outside Base64 is not a word: leave it as written.
            if encoding == UInt8(ascii: "b"), !isBase64(s[e]) { return nil }
            e += 1
        }
        return nil
    }

    @inline(__always) private static func isBase64(_ c: UInt8) -> Bool {
        HTMLEntities.isAlphanumeric(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "/") || c == UInt8(ascii: "=")
    }
}
