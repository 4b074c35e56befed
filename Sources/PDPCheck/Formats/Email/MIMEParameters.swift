/// A structured MIME field: `Content-Type: text/plain; charset="utf-8"` or
/// `Content-Disposition: attachment; filename*=UTF-8''%E1%BA%A2nh.jpg`.
struct MIMEContentField {
    /// The lowercased value before the parameters ("text/plain", "attachment").
    var value: String
    /// Lowercased parameter names; values decoded (RFC 2231 continuations and charsets,
    /// RFC 2047 words in quoted values, as Outlook and Gmail write file names).
    var parameters: [String: String]

    subscript(_ name: String) -> String? { parameters[name] }

    /// "text/plain" → ("text", "plain").
    var type: (main: Substring, sub: Substring) {
        guard let slash = value.firstIndex(of: "/") else { return (value[...], "") }
        return (value[..<slash], value[value.index(after: slash)...])
    }
}

enum MIMEParameters {
    static let maxParameters = 64
    static let maxSections = 64

    static func parse(_ raw: [UInt8]) -> MIMEContentField {
        var k = 0
        let n = raw.count
        while k < n, raw[k] != UInt8(ascii: ";") { k += 1 }
        var value = MIMECharset.utf8.string(Array(raw[0..<k])).trimmingSpaces.lowercased()
        // "text/plain (comment)" happens.
        if let paren = value.firstIndex(of: "(") { value = String(value[..<paren]).trimmingSpaces }
        value.removeAll { $0 == " " || $0 == "\t" || $0 == "\"" }

        // name → sections: (index, extended, raw bytes)
        var sections: [String: [(index: Int, extended: Bool, bytes: [UInt8])]] = [:]
        var order: [String] = []
        while k < n, order.count < maxParameters {
            k += 1  // past ";"
            while k < n, isBlank(raw[k]) { k += 1 }
            let nameStart = k
            while k < n, raw[k] != UInt8(ascii: "="), raw[k] != UInt8(ascii: ";") { k += 1 }
            let rawName = MIMECharset.utf8.string(Array(raw[nameStart..<k])).trimmingSpaces.lowercased()
            guard k < n, raw[k] == UInt8(ascii: "=") else { continue }
            k += 1
            while k < n, isBlank(raw[k]) { k += 1 }
            var bytes: [UInt8] = []
            if k < n, raw[k] == UInt8(ascii: "\"") {
                k += 1
                while k < n, raw[k] != UInt8(ascii: "\"") {
                    if raw[k] == UInt8(ascii: "\\"), k + 1 < n { k += 1 }
                    bytes.append(raw[k])
                    k += 1
                }
                // Past the closing quote and anything up to the next ";".
                while k < n, raw[k] != UInt8(ascii: ";") { k += 1 }
            } else {
                // Unquoted: a token, but lenient with the spaces real file names have.
                while k < n, raw[k] != UInt8(ascii: ";") { bytes.append(raw[k]); k += 1 }
                while let last = bytes.last, isBlank(last) { bytes.removeLast() }
            }
            guard !rawName.isEmpty else { continue }
            var base = rawName
            var extended = false
            var index = 0
            if base.hasSuffix("*") {
                extended = true
                base.removeLast()
            }
            if let star = base.lastIndex(of: "*"), let section = Int(base[base.index(after: star)...]), section >= 0 {
                index = section
                base = String(base[..<star])
            }
            if sections[base] == nil { order.append(base) }
            if sections[base, default: []].count < maxSections {
                sections[base, default: []].append((index, extended, bytes))
            }
        }

        var parameters: [String: String] = [:]
        for name in order {
            guard let parts = sections[name]?.sorted(by: { $0.index < $1.index }) else { continue }
            parameters[name] = assemble(parts)
        }
        return MIMEContentField(value: value, parameters: parameters)
    }

    /// RFC 2231: the first extended section may start with `charset'language'`; extended
    /// sections are %-encoded; plain sections are literal (and may hold RFC 2047 words).
    private static func assemble(_ parts: [(index: Int, extended: Bool, bytes: [UInt8])]) -> String {
        var charset: MIMECharset?
        var bytes: [UInt8] = []
        var anyExtended = false
        for (position, part) in parts.enumerated() {
            guard part.extended else {
                bytes.append(contentsOf: part.bytes)
                continue
            }
            anyExtended = true
            var body = part.bytes[...]
            if position == 0, let first = body.firstIndex(of: UInt8(ascii: "'")),
               let second = body[(first + 1)...].firstIndex(of: UInt8(ascii: "'")) {
                charset = MIMECharset(label: String(decoding: body[..<first], as: UTF8.self))
                body = body[(second + 1)...]
            }
            bytes.append(contentsOf: percentDecoded(body))
        }
        if anyExtended { return (charset ?? .utf8).string(bytes).trimmingSpaces }
        return EncodedWordDecoder.decode(bytes).trimmingSpaces
    }

    private static func percentDecoded(_ s: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == UInt8(ascii: "%"), i + 2 < s.endIndex,
               let hi = QuotedPrintableDecoder.hex(s[i + 1]), let lo = QuotedPrintableDecoder.hex(s[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }

    @inline(__always) private static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }
}
