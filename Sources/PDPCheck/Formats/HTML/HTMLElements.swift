/// What the text extractor needs to know about element names: which break lines, which
/// never have content, which hold no visible text, and how `<meta>` names read as ExifTool
/// tags (its HTML module is the oracle for the fields).
enum HTMLElements {
    /// Elements a browser lays out as blocks (a line break before and after).
    static let block: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "head", "header", "hgroup", "hr", "html", "legend", "li", "listing", "main", "menu", "nav", "ol", "option",
        "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "frameset", "noscript",
    ]

    /// Table cells: a tab between them.
    static let cell: Set<String> = ["td", "th"]

    /// Elements without content or end tag.
    static let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source",
        "track", "wbr", "basefont", "bgsound", "frame", "image",
    ]

    /// Elements whose content is not shown: skipped up to their end tag.
    static let skipped: Set<String> = ["script", "style", "template", "noembed", "noframes", "iframe", "xml"]

    /// White space inside is kept as written.
    static let preformatted: Set<String> = ["pre", "listing", "textarea", "plaintext"]

    /// Attributes whose text a reader sees (tooltips, image descriptions, form hints).
    static let textAttributes: Set<String> = ["alt", "title", "aria-label", "placeholder", "label", "summary"]

    /// Link schemes whose target is a contact or a place.
    static let contactSchemes = ["tel:", "mailto:", "sms:", "callto:", "geo:", "zalo:", "viber:", "skype:"]

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
