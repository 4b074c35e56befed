/// One mailbox of an address header: `"Nguyễn Thị Minh Thư" <thu.nguyen@example.vn>`.
public struct EmailMailbox: Sendable, Hashable {
    /// The display name, decoded (RFC 2047, quotes removed); nil when there is none.
    public var name: String?
    public var address: String

    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }

    /// "Name <address>", or the address alone.
    public var formatted: String {
        guard let name, !name.isEmpty else { return address }
        return address.isEmpty ? name : "\(name) <\(address)>"
    }
}

/// Parses RFC 5322 address lists (From, To, Cc, Reply-To…) leniently: display names quoted or
/// not, encoded words in them, comments (`a@b.vn (Nguyễn Văn A)` gives the name), groups
/// (`Lớp 10A: a@b.vn, c@d.vn;`), routes, and the broken forms clients write (unbalanced quotes
/// or brackets end at the end of the value). One pass; nesting of comments is a counter.
enum EmailAddressList {
    static let maxMailboxes = 1000

    static func parse(_ raw: [UInt8]) -> [EmailMailbox] {
        parse(raw, repairing: true)
    }

    /// `repairing`: when a quote or comment never closes (`From: "Lê Văn Khoa <k@…>`), read the
    /// value again without quotes and parentheses rather than lose the address.
    private static func parse(_ raw: [UInt8], repairing: Bool) -> [EmailMailbox] {
        var result: [EmailMailbox] = []
        var start = 0
        var inQuote = false
        var commentDepth = 0
        var inAngle = false
        var i = 0
        let n = raw.count
        while i < n, result.count < maxMailboxes {
            let c = raw[i]
            if inQuote {
                if c == UInt8(ascii: "\\") { i += 2; continue }
                if c == UInt8(ascii: "\"") { inQuote = false }
            } else if commentDepth > 0 {
                if c == UInt8(ascii: "\\") { i += 2; continue }
                if c == UInt8(ascii: "(") { commentDepth = min(commentDepth + 1, 64) }
                if c == UInt8(ascii: ")") { commentDepth -= 1 }
            } else {
                switch c {
                case UInt8(ascii: "\""): inQuote = true
                case UInt8(ascii: "("): commentDepth = 1
                case UInt8(ascii: "<"): inAngle = true
                case UInt8(ascii: ">"): inAngle = false
                case UInt8(ascii: ","), UInt8(ascii: ";"):
                    if !inAngle {
                        if let mailbox = mailbox(raw[start..<i]) { result.append(mailbox) }
                        start = i + 1
                    }
                case UInt8(ascii: ":"):
                    // A group's name ends here ("Lớp 10A: …"); outside brackets only.
                    if !inAngle { start = i + 1 }
                default: break
                }
            }
            i += 1
        }
        if repairing, inQuote || commentDepth > 0 {
            let unquoted = raw.filter { $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "(") && $0 != UInt8(ascii: ")") }
            return parse(unquoted, repairing: false)
        }
        if start < n, result.count < maxMailboxes, let mailbox = mailbox(raw[start..<n]) { result.append(mailbox) }
        return result
    }

    /// One mailbox from its bytes (no top-level commas in it).
    private static func mailbox(_ bytes: ArraySlice<UInt8>) -> EmailMailbox? {
        var display: [UInt8] = []
        var comment: [UInt8] = []
        var angle: [UInt8] = []
        var bare: [UInt8] = []
        var inQuote = false
        var commentDepth = 0
        var inAngle = false
        var sawAngle = false
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let c = bytes[i]
            if inQuote {
                if c == UInt8(ascii: "\\"), i + 1 < bytes.endIndex {
                    display.append(bytes[i + 1])
                    i += 2
                    continue
                }
                if c == UInt8(ascii: "\"") { inQuote = false } else { display.append(c) }
            } else if commentDepth > 0 {
                if c == UInt8(ascii: "(") { commentDepth = min(commentDepth + 1, 64) }
                if c == UInt8(ascii: ")") { commentDepth -= 1 }
                if commentDepth > 0, !(c == UInt8(ascii: "(") && commentDepth == 1) { comment.append(c) }
            } else if inAngle {
                if c == UInt8(ascii: ">") { inAngle = false } else { angle.append(c) }
            } else {
                switch c {
                case UInt8(ascii: "\""): inQuote = true
                case UInt8(ascii: "("):
                    commentDepth = 1
                    if !comment.isEmpty { comment.append(0x20) }
                case UInt8(ascii: "<"):
                    inAngle = true
                    sawAngle = true
                    angle.removeAll()
                default:
                    display.append(c)
                    bare.append(c)
                }
            }
            i += 1
        }
        var address: String
        var name: String
        if sawAngle {
            address = text(angle)
            // Obsolete route "<@relay1,@relay2:user@host>".
            if address.hasPrefix("@"), let colon = address.firstIndex(of: ":") {
                address = String(address[address.index(after: colon)...])
            }
            name = EncodedWordDecoder.decode(display).collapsedSpaces
        } else {
            address = text(bare)
            name = ""
        }
        address.removeAll { $0 == " " || $0 == "\t" }
        if name.isEmpty, !comment.isEmpty { name = EncodedWordDecoder.decode(comment).collapsedSpaces }
        // Outlook writes 'Thư' <thu@…> with single quotes.
        if name.count >= 2, name.hasPrefix("'"), name.hasSuffix("'") { name = String(name.dropFirst().dropLast()).collapsedSpaces }
        if address.isEmpty && name.isEmpty { return nil }
        if !address.contains("@"), !sawAngle {
            // A bare word with no @ is a name without an address (as some drafts write it).
            return EmailMailbox(name: EncodedWordDecoder.decode(bare).collapsedSpaces, address: "")
        }
        return EmailMailbox(name: name.isEmpty ? nil : name, address: address)
    }

    private static func text(_ bytes: [UInt8]) -> String {
        MIMECharset.utf8.string(bytes).trimmingSpaces
    }
}

extension String {
    /// Runs of blanks and line breaks as one space, trimmed.
    var collapsedSpaces: String {
        var out = ""
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
