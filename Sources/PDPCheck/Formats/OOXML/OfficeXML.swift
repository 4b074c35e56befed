/// Small helpers shared by the OOXML and ODF part extractors.
enum OfficeXML {
    static let smallPartLimits = XMLStreamReader.Limits(maxBytes: 16 << 20, maxDepth: 64,
                                                        maxAttributes: 256, maxNamespaceDeclarations: 1024)

    static func limits(_ archive: ArchiveLimits) -> XMLStreamReader.Limits {
        XMLStreamReader.Limits(maxBytes: archive.maxXMLBytes, maxDepth: 256, maxAttributes: 256,
                               maxNamespaceDeclarations: 1024)
    }

    /// "/word/document.xml" → "word/document.xml", lower-cased for lookups.
    static func partKey(_ partName: String) -> String {
        var s = Substring(partName)
        while s.hasPrefix("/") { s = s.dropFirst() }
        return percentDecoded(String(s)).lowercased()
    }

    /// Part names and targets may be percent-encoded ("my%20file.xml").
    static func percentDecoded(_ s: String) -> String {
        guard s.utf8.contains(0x25) else { return s }
        var out: [UInt8] = []
        let u = Array(s.utf8)
        var i = 0
        while i < u.count {
            if u[i] == 0x25, i + 2 < u.count, let h = hex(u[i + 1]), let l = hex(u[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(u[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    /// On/off attributes of WordprocessingML (`w:val="0"`, "false", "off" mean off; absent means on).
    static func isOn(_ value: String?) -> Bool {
        guard let v = value?.lowercased() else { return true }
        return !(v == "0" || v == "false" || v == "off")
    }

    static func characterCount(_ utf8: ArraySlice<UInt8>) -> Int {
        var n = 0
        for b in utf8 where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// Valid UTF-8 for a text part; invalid sequences (a part declared in another encoding)
    /// become U+FFFD.
    static func validUTF8(_ bytes: [UInt8]) -> [UInt8] {
        if String(validating: bytes, as: UTF8.self) != nil { return bytes }
        return Array(String(decoding: bytes, as: UTF8.self).utf8)
    }

    /// True when the text has letters, not only a slide number or punctuation.
    static func hasWords(_ bytes: [UInt8]) -> Bool {
        bytes.contains { $0 >= 0x80 || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
    }

    static func hasVisibleText(_ bytes: [UInt8]) -> Bool {
        bytes.contains { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }
    }

    /// The markup-compatibility namespace: `mc:Fallback` repeats what `mc:Choice` holds.
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"
}

/// Accumulates the extracted text of one part as UTF-8.
struct PartTextBuilder {
    var utf8: [UInt8] = []

    /// Ends a paragraph or row: one line break, never two in a row, none at the start.
    mutating func lineBreak() {
        if let last = utf8.last, last != 0x0A { utf8.append(0x0A) }
    }

    mutating func tab() { utf8.append(0x09) }

    /// A separator that keeps words apart without starting a new line.
    mutating func space() {
        if let last = utf8.last, last != 0x20, last != 0x0A, last != 0x09 { utf8.append(0x20) }
    }

    mutating func append(_ text: XMLCharacters) { text.append(to: &utf8) }

    mutating func append(_ s: String) { utf8.append(contentsOf: s.utf8) }

    var count: Int { utf8.count }

    func textPart(_ name: String) -> TextPart? {
        guard OfficeXML.hasVisibleText(utf8) else { return nil }
        var bytes = utf8
        while let last = bytes.last, last == 0x0A || last == 0x20 || last == 0x09 { bytes.removeLast() }
        return TextPart(part: name, utf8: OfficeXML.validUTF8(bytes))
    }
}

/// Counts hidden content per author so a heavily edited document gives a few items
/// ("4 deletions, 210 characters, by Lê Thị Thu Hà"), not one per run.
struct HiddenTally {
    struct Key: Hashable {
        var kind: HiddenItem.Kind
        var label: String
        var person: String?
    }

    private var order: [Key] = []
    private var counts: [Key: (items: Int, characters: Int)] = [:]

    mutating func add(_ kind: HiddenItem.Kind, _ label: String, person: String?, characters: Int) {
        let key = Key(kind: kind, label: label, person: person.flatMap { $0.isEmpty ? nil : $0 })
        if counts[key] == nil { order.append(key) }
        let current = counts[key] ?? (0, 0)
        counts[key] = (current.items + 1, current.characters + characters)
    }

    func items(part: String) -> [HiddenItem] {
        order.map { key in
            let c = counts[key] ?? (0, 0)
            var detail = c.items == 1 ? key.label : "\(c.items) × \(key.label)"
            if c.characters > 0 { detail += " (\(c.characters) characters)" }
            return HiddenItem(kind: key.kind, part: part, detail: detail, person: key.person)
        }
    }
}
