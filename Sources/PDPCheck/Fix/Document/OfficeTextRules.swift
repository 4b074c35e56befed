/// Which character data of an office XML part is text a reader sees, and where a reader puts
/// line breaks and tabs between pieces of it. Mirrors the readers in Formats/OOXML and
/// Formats/ODF closely enough that a value the scan finds is found here too, across runs.
struct OfficeTextRules {
    /// Elements (local names) whose own character data is text.
    var textElements: Set<String> = []
    /// Elements inside which all character data is text (ODF paragraphs).
    var containers: Set<String> = []
    /// Every element's character data is text, each on its own line (custom XML, properties).
    var allText = false
    var lineEnds: Set<String> = []
    var lineStarts: Set<String> = []
    var tabStarts: Set<String> = []
    var cellEnds: Set<String> = []
    /// A space before and after (deleted text next to its replacement, an annotation).
    var spaced: Set<String> = []
    /// Subtrees that are not text (phonetic readings, an annotation's author and date).
    var skipped: Set<String> = []
    /// `(element, attribute)` pairs whose values are text of their own (picture alt text).
    var attributeTexts: [String: Set<String>] = [:]
    /// ODF `text:s` stands for `text:c` spaces.
    var odfSpaces = false

    static let word = OfficeTextRules(
        textElements: ["t", "delText", "instrText"], lineEnds: ["p", "tr"], lineStarts: ["br", "cr"], tabStarts: ["tab"],
        cellEnds: ["tc"], spaced: ["del", "moveFrom"], skipped: ["rPh"],
        attributeTexts: ["docPr": ["descr", "title"], "cNvPr": ["descr", "title"]])

    static let drawing = OfficeTextRules(
        textElements: ["t"], lineEnds: ["p", "tr"], lineStarts: ["br"], cellEnds: ["tc"], skipped: ["rPh"],
        attributeTexts: ["cNvPr": ["descr", "title"], "docPr": ["descr", "title"]])

    static let comments = OfficeTextRules(
        textElements: ["t", "text", "delText"], lineEnds: ["p", "br", "comment", "cm", "threadedComment", "reply"],
        skipped: ["rPh", "author", "authors"])

    static let sharedStrings = OfficeTextRules(textElements: ["t"], lineEnds: ["si"], skipped: ["rPh"])

    static let odf = OfficeTextRules(
        containers: ["p", "h", "title", "desc"], lineEnds: ["p", "h", "table-row", "title", "desc"],
        lineStarts: ["line-break"], tabStarts: ["tab"], cellEnds: ["table-cell", "covered-table-cell"],
        spaced: ["annotation", "note-body"], skipped: ["creator", "date", "creator-initials", "note-citation", "change-info"],
        odfSpaces: true)

    static let everything = OfficeTextRules(allText: true)
}
