/// What an OOXML part is for this reader, decided by its content type (from
/// `[Content_Types].xml`) and, when the type is missing or generic, by its conventional path.
enum OOXMLPartRole: Equatable {
    case wordStory, wordComments, people
    case workbook, worksheet, sharedStrings, spreadsheetComments
    case slide, notesSlide, presentationComments
    case coreProperties, appProperties, customProperties
    case relationships, customXML
    /// Images and other media: handed on to be scanned.
    case media
    /// Embedded packages and OLE objects: handed on, and reported as attachments.
    case embedding
    case thumbnail
    case ignored

    static func of(_ name: String, contentType: String?) -> OOXMLPartRole {
        let lower = name.lowercased()
        if lower.hasSuffix(".rels") { return .relationships }
        if let type = contentType?.lowercased() {
            if let role = byContentType(type) { return role }
            if type.hasPrefix("image/") || type.hasPrefix("video/") || type.hasPrefix("audio/") {
                let role = byPath(lower)
                return role == .ignored ? .media : role
            }
        }
        return byPath(lower)
    }

    private static func byContentType(_ t: String) -> OOXMLPartRole? {
        switch t {
        case "application/vnd.openxmlformats-package.core-properties+xml": return .coreProperties
        case "application/vnd.openxmlformats-officedocument.extended-properties+xml": return .appProperties
        case "application/vnd.openxmlformats-officedocument.custom-properties+xml": return .customProperties
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml": return .wordComments
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml": return .people
        case "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml": return .worksheet
        case "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedstrings+xml": return .sharedStrings
        case "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml": return .spreadsheetComments
        case "application/vnd.ms-excel.threadedcomments+xml": return .spreadsheetComments
        case "application/vnd.ms-excel.person+xml": return .people
        case "application/vnd.openxmlformats-officedocument.presentationml.slide+xml": return .slide
        case "application/vnd.openxmlformats-officedocument.presentationml.notesslide+xml": return .notesSlide
        case "application/vnd.openxmlformats-officedocument.presentationml.comments+xml": return .presentationComments
        case "application/vnd.ms-powerpoint.comments+xml": return .presentationComments
        case "application/vnd.openxmlformats-officedocument.presentationml.commentauthors+xml": return .people
        case "application/vnd.ms-powerpoint.authors+xml": return .people
        default: break
        }
        if t.contains("wordprocessingml") || t.contains("ms-word") {
            for suffix in ["document.main+xml", "template.main+xml", "macroenabled.main+xml", "macroenabledtemplate.main+xml",
                           "header+xml", "footer+xml", "footnotes+xml", "endnotes+xml", "document.glossary+xml"]
            where t.hasSuffix(suffix) { return .wordStory }
        }
        if t.contains("spreadsheetml") || t.contains("ms-excel") {
            for suffix in ["sheet.main+xml", "template.main+xml", "macroenabled.main+xml"] where t.hasSuffix(suffix) { return .workbook }
        }
        if t == "application/vnd.openxmlformats-officedocument.oleobject" { return .embedding }
        return nil
    }

    private static func byPath(_ p: String) -> OOXMLPartRole {
        if p.contains("/embeddings/") { return .embedding }
        if p.contains("/media/") { return .media }
        if p.hasPrefix("docprops/thumbnail") { return .thumbnail }
        switch p {
        case "docprops/core.xml": return .coreProperties
        case "docprops/app.xml": return .appProperties
        case "docprops/custom.xml": return .customProperties
        case "word/document.xml", "word/footnotes.xml", "word/endnotes.xml", "word/glossary/document.xml": return .wordStory
        case "word/comments.xml": return .wordComments
        case "word/people.xml", "ppt/commentauthors.xml", "ppt/authors.xml": return .people
        case "xl/workbook.xml": return .workbook
        case "xl/sharedstrings.xml": return .sharedStrings
        default: break
        }
        if p.hasPrefix("word/header") || p.hasPrefix("word/footer") { return p.hasSuffix(".xml") ? .wordStory : .ignored }
        if p.hasPrefix("xl/worksheets/") && p.hasSuffix(".xml") { return .worksheet }
        if (p.hasPrefix("xl/comments") || p.hasPrefix("xl/threadedcomments/")) && p.hasSuffix(".xml") { return .spreadsheetComments }
        if p.hasPrefix("xl/persons/") && p.hasSuffix(".xml") { return .people }
        if p.hasPrefix("ppt/slides/") && p.hasSuffix(".xml") { return .slide }
        if p.hasPrefix("ppt/notesslides/") && p.hasSuffix(".xml") { return .notesSlide }
        if p.hasPrefix("ppt/comments/") && p.hasSuffix(".xml") { return .presentationComments }
        if p.hasPrefix("customxml/item") && !p.hasPrefix("customxml/itemprops") && p.hasSuffix(".xml") { return .customXML }
        return .ignored
    }
}
