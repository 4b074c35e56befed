/// What the package cleaner does with one member of an office document.
enum OfficePartPlan: Equatable {
    /// Text redaction with these rules, then authors neutralized.
    case text(OfficeTextRules.Kind)
    case worksheet
    case sharedStrings
    /// External relationship targets (`mailto:` links).
    case relationships
    /// Core/app/custom properties or ODF meta: people removed, other values redacted.
    case properties(remove: Set<String>, depth: Int)
    /// A people list: emptied (Word) or its names neutralized (ids are referred to elsewhere).
    case people(empty: Bool)
    /// Authors neutralized only (settings, styles, comments extensions).
    case authorsOnly
    case media
    case embeddedPackage
    case keep

    static func ooxml(_ name: String, role: OOXMLPartRole) -> OfficePartPlan {
        let lower = name.lowercased()
        switch role {
        case .wordStory, .wordComments: return .text(.word)
        case .spreadsheetComments, .presentationComments: return .text(.comments)
        case .slide, .notesSlide: return .text(.drawing)
        case .worksheet: return .worksheet
        case .sharedStrings: return .sharedStrings
        case .relationships: return .relationships
        case .customXML: return .text(.everything)
        case .coreProperties: return .properties(remove: ["creator", "lastModifiedBy", "contributor"], depth: 2)
        case .appProperties: return .properties(remove: ["Company", "Manager", "HyperlinkBase"], depth: 2)
        case .customProperties: return .properties(remove: [], depth: 2)
        case .people: return .people(empty: lower == "word/people.xml")
        case .media, .thumbnail: return .media
        case .embedding:
            let packaged = [".docx", ".xlsx", ".pptx", ".docm", ".xlsm", ".pptm", ".zip", ".odt", ".ods", ".odp"]
            return packaged.contains(where: { lower.hasSuffix($0) }) ? .embeddedPackage : .keep
        case .workbook: return .authorsOnly
        case .ignored:
            guard lower.hasSuffix(".xml") else { return .keep }
            // Layouts, masters, charts and diagrams hold DrawingML text too.
            if lower.hasPrefix("ppt/") || lower.contains("/charts/") || lower.contains("/diagrams/") { return .text(.drawing) }
            return .authorsOnly
        }
    }

    static func odf(_ name: String) -> OfficePartPlan {
        let lower = name.lowercased()
        if lower == "content.xml" || lower == "styles.xml" || (lower.hasPrefix("object") && (lower.hasSuffix("/content.xml") || lower.hasSuffix("/styles.xml"))) {
            return .text(.odf)
        }
        if lower == "meta.xml" || (lower.hasPrefix("object") && lower.hasSuffix("/meta.xml")) {
            return .properties(remove: ["initial-creator", "creator", "printed-by"], depth: 3)
        }
        if lower.hasPrefix("pictures/") || lower.hasPrefix("thumbnails/") || lower.hasPrefix("media/") { return .media }
        return .keep
    }
}

extension OfficeTextRules {
    enum Kind: Equatable { case word, drawing, comments, odf, everything }

    static func rules(_ kind: Kind) -> OfficeTextRules {
        switch kind {
        case .word: return .word
        case .drawing: return .drawing
        case .comments: return .comments
        case .odf: return .odf
        case .everything: return .everything
        }
    }
}
