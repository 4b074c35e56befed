/// What the text extractor needs to know about element names: which break lines, which
/// never have content, which hold no visible text, and how `<meta>` names read as ExifTool
/// tags (its HTML module is the oracle for the fields).
enum HTMLElements {
    /// What an element does to the text, found with one lookup per tag.
    struct Kind: OptionSet {
        let rawValue: UInt8
        /// Laid out as a block: a line break before and after.
        static let block = Kind(rawValue: 1)
        /// A table cell: a tab between cells.
        static let cell = Kind(rawValue: 2)
        /// No content, no end tag.
        static let void = Kind(rawValue: 4)
        /// Content not shown: skipped up to the end tag.
        static let skipped = Kind(rawValue: 8)
        /// White space inside kept as written.
        static let preformatted = Kind(rawValue: 16)
    }

    static func kind(_ name: String) -> Kind { kinds[name] ?? [] }

    private static let kinds: [String: Kind] = {
        var table: [String: Kind] = [:]
        let block = [
            "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog",
            "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
            "h6", "head", "header", "hgroup", "hr", "html", "legend", "li", "listing", "main", "menu", "nav", "ol",
            "option", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "frameset",
            "noscript",
        ]
        let void = [
            "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source",
            "track", "wbr", "basefont", "bgsound", "frame", "image",
        ]
        let skipped = ["script", "style", "template", "noembed", "noframes", "iframe", "xml"]
        let preformatted = ["pre", "listing", "textarea", "plaintext"]
        for (names, kind) in [(block, Kind.block), (["td", "th"], .cell), (void, .void), (skipped, .skipped),
                              (preformatted, .preformatted)] {
            for name in names { table[name, default: []].insert(kind) }
        }
        return table
    }()

    /// Attributes whose text a reader sees (tooltips, image descriptions, form hints).
    static let textAttributes: Set<String> = ["alt", "title", "aria-label", "placeholder", "label", "summary"]

    /// Link schemes whose target is a contact or a place.
    static let contactSchemes: [[UInt8]] = ["tel:", "mailto:", "sms:", "callto:", "geo:", "zalo:", "viber:", "skype:"].map { Array($0.utf8) }

    /// `<meta name>` values ExifTool spells differently from a capitalised name.
    static let metaNames: [String: String] = [
        "content-language": "ContentLanguage", "doc-class": "DocClass", "doc-rights": "DocRights",
        "doc-type": "DocType", "generatorversion": "GeneratorVersion", "googlebot": "GoogleBot",
        "mssmarttagspreventparsing": "NoMSSmartTags", "progid": "ProgID", "resource-type": "ResourceType",
        "revisit-after": "RevisitAfter",
    ]

    /// `<meta name="dc.creator">` and friends: prefix → ExifTool family-1 group.
    static let metaGroups: [String: String] = ["dc": "HTML-dc", "ncc": "HTML-ncc", "prod": "HTML-prod", "vw96": "HTML-vw96"]

    /// Microsoft Office document properties in Word's "Save as Web Page" output
    /// (`<o:Author>` inside `<!--[if gte mso 9]><xml>…`), with ExifTool's HTML-office names.
    static let officeProperties: [String: String] = [
        "subject": "Subject", "author": "Author", "keywords": "Keywords", "description": "Description",
        "template": "Template", "lastauthor": "LastAuthor", "revision": "RevisionNumber", "version": "RevisionNumber",
        "totaltime": "TotalEditTime", "created": "CreateDate", "lastsaved": "ModifyDate", "lastprinted": "LastPrinted",
        "pages": "Pages", "words": "Words", "characters": "Characters", "category": "Category", "manager": "Manager",
        "company": "Company", "lines": "Lines", "paragraphs": "Paragraphs", "characterswithspaces": "CharactersWithSpaces",
    ]

    /// The ExifTool group and tag a `<meta name|property=…>` becomes ("author" → HTML:Author,
    /// "dc.creator" → HTML-dc:Creator, "article:author" → HTML-article:ArticleAuthor): an unknown
    /// prefix is a group of its own and the tag keeps it. The reader and the fixer's redactor
    /// both name fields through this, so a field the scan reports is the field the fix empties.
    static func metaField(lowercasedName key: String) -> (group: String, tag: String)? {
        guard !key.isEmpty else { return nil }
        var group = "HTML"
        var tagKey = key
        if let dot = key.firstIndex(where: { $0 == "." || $0 == ":" }) {
            let prefix = String(key[..<dot])
            let rest = key[key.index(after: dot)...]
            if let prefixed = metaGroups[prefix] {
                group = prefixed
                tagKey = String(rest)
            } else if isMetaPrefix(prefix), let first = rest.unicodeScalars.first, isMetaPrefix(String(first)) {
                group = "HTML-" + prefix
            }
        }
        let name = tagName(tagKey)
        return name.isEmpty ? nil : (group, name)
    }

    /// ExifTool's `[\w-]+`: a meta name's prefix (before `.` or `:`) makes a group only when
    /// it is made of these.
    static func isMetaPrefix(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x2D
        }
    }

    /// ExifTool's tag name for a meta name it does not list: capitalised, each word after a
    /// `-`, `_` or space capitalised, other characters dropped ("og-title" → "OgTitle").
    static func tagName(_ lowercasedName: String) -> String {
        if let known = metaNames[lowercasedName] { return known }
        var out = ""
        var upper = true
        for c in lowercasedName.unicodeScalars {
            let isWord = (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || (c >= "A" && c <= "Z")
            guard isWord else { upper = true; continue }
            if upper, c >= "a", c <= "z", let capital = Unicode.Scalar(c.value - 32) {
                out.unicodeScalars.append(capital)
            } else {
                out.unicodeScalars.append(c)
            }
            upper = false
        }
        return out
    }
}
