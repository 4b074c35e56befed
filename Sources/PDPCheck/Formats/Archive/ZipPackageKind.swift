/// What a ZIP file is once its members are known: an Office Open XML package, an OpenDocument
/// file, a comic book archive, an EPUB, or a plain archive.
public enum ZipPackageKind: Sendable, Hashable {
    case ooxml(OOXMLDocumentKind)
    /// The `mimetype` member's value ("application/vnd.oasis.opendocument.text").
    case odf(mimeType: String)
    /// Images only (and ComicInfo.xml): CBZ.
    case comicBook
    case epub
    case plain

    public var mediaType: String {
        switch self {
        case .ooxml(let kind): return kind.mediaType
        case .odf(let mimeType): return mimeType
        case .comicBook: return "application/vnd.comicbook+zip"
        case .epub: return "application/epub+zip"
        case .plain: return "application/zip"
        }
    }

    /// True for the document formats `OfficeDocumentReader` reads part by part.
    public var isOfficeDocument: Bool {
        switch self {
        case .ooxml, .odf: return true
        default: return false
        }
    }

    /// Decides from the member list, reading at most two tiny members (`[Content_Types].xml`
    /// for the exact OOXML type, `mimetype` for ODF and EPUB). Never throws: an unreadable
    /// marker member makes the archive plain.
    public static func detect(in archive: ZipArchive, limits: ArchiveLimits = .default, budget: ExpansionBudget) -> ZipPackageKind {
        var small = limits
        small.maxMemberBytes = min(limits.maxMemberBytes, 4 << 20)
        if let types = archive.entry(named: "[Content_Types].xml") {
            let bytes = (try? archive.contents(of: types, limits: small, budget: budget)) ?? []
            let contentTypes = OOXMLContentTypes.parse(bytes)
            if let kind = OOXMLDocumentKind.detect(contentTypes: contentTypes, memberNames: archive.entries.map(\.name)) {
                return .ooxml(kind)
            }
        }
        if let mimetypeEntry = archive.entry(named: "mimetype"), mimetypeEntry.uncompressedSize <= 256 {
            let bytes = (try? archive.contents(of: mimetypeEntry, limits: small, budget: budget)) ?? []
            let value = MetadataText.trimmed(String(decoding: bytes, as: UTF8.self))
            if value.hasPrefix("application/vnd.oasis.opendocument.") { return .odf(mimeType: value) }
            if value == "application/epub+zip" { return .epub }
        }
        if archive.entry(named: "content.xml") != nil, archive.entry(named: "META-INF/manifest.xml") != nil {
            return .odf(mimeType: "application/vnd.oasis.opendocument.text")
        }
        let files = archive.entries.filter { !$0.isDirectory }
        let images = files.filter { isImageName($0.name) }
        if !images.isEmpty, images.count == files.filter({ $0.name.lowercased() != "comicinfo.xml" }).count {
            return .comicBook
        }
        return .plain
    }

    static func isImageName(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        let ext = name[name.index(after: dot)...].lowercased()
        return ["jpg", "jpeg", "png", "gif", "webp", "avif", "jxl", "bmp", "tif", "tiff", "heic"].contains(ext)
    }
}

/// The document types of Office Open XML, told apart by the content type of the main part.
public struct OOXMLDocumentKind: Sendable, Hashable {
    public enum Family: String, Sendable, Hashable {
        case wordprocessing, spreadsheet, presentation, other
    }

    public var family: Family
    public var mediaType: String
    /// The usual extension ("docx", "xlsm", "potx").
    public var fileExtension: String

    static let table: [(main: String, family: Family, mediaType: String, ext: String)] = [
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", .wordprocessing,
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        ("application/vnd.ms-word.document.macroEnabled.main+xml", .wordprocessing,
         "application/vnd.ms-word.document.macroEnabled.12", "docm"),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml", .wordprocessing,
         "application/vnd.openxmlformats-officedocument.wordprocessingml.template", "dotx"),
        ("application/vnd.ms-word.template.macroEnabledTemplate.main+xml", .wordprocessing,
         "application/vnd.ms-word.template.macroEnabled.12", "dotm"),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", .spreadsheet,
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        ("application/vnd.ms-excel.sheet.macroEnabled.main+xml", .spreadsheet,
         "application/vnd.ms-excel.sheet.macroEnabled.12", "xlsm"),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml", .spreadsheet,
         "application/vnd.openxmlformats-officedocument.spreadsheetml.template", "xltx"),
        ("application/vnd.ms-excel.template.macroEnabled.main+xml", .spreadsheet,
         "application/vnd.ms-excel.template.macroEnabled.12", "xltm"),
        ("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", .presentation,
         "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
        ("application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml", .presentation,
         "application/vnd.ms-powerpoint.presentation.macroEnabled.12", "pptm"),
        ("application/vnd.openxmlformats-officedocument.presentationml.template.main+xml", .presentation,
         "application/vnd.openxmlformats-officedocument.presentationml.template", "potx"),
        ("application/vnd.ms-powerpoint.template.macroEnabled.main+xml", .presentation,
         "application/vnd.ms-powerpoint.template.macroEnabled.12", "potm"),
        ("application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml", .presentation,
         "application/vnd.openxmlformats-officedocument.presentationml.slideshow", "ppsx"),
        ("application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml", .presentation,
         "application/vnd.ms-powerpoint.slideshow.macroEnabled.12", "ppsm"),
    ]

    /// The kind from the content types, or from the conventional main part names when the
    /// content types are unusual; nil when the archive is not an OOXML package.
    static func detect(contentTypes: OOXMLContentTypes, memberNames: [String]) -> OOXMLDocumentKind? {
        for type in contentTypes.overrides.values {
            if let row = table.first(where: { $0.main == type.lowercased() || $0.main.lowercased() == type.lowercased() }) {
                return OOXMLDocumentKind(family: row.family, mediaType: row.mediaType, fileExtension: row.ext)
            }
        }
        let lower = Set(memberNames.map { $0.lowercased() })
        let fallback: [(String, Int)] = [("word/document.xml", 0), ("xl/workbook.xml", 4), ("ppt/presentation.xml", 8)]
        for (name, row) in fallback where lower.contains(name) {
            let r = table[row]
            return OOXMLDocumentKind(family: r.family, mediaType: r.mediaType, fileExtension: r.ext)
        }
        guard !contentTypes.isEmpty else { return nil }
        return OOXMLDocumentKind(family: .other, mediaType: "application/vnd.openxmlformats-package", fileExtension: "zip")
    }
}
