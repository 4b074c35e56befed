/// Which metadata fields hold free text that people write (captions, comments, titles,
/// keywords): the text detectors read those, so a phone number in a caption is found.
/// Technical fields (Make, Software, dates, IDs) are left out, so an ImageUniqueID never
/// reads as a phone number.
enum MetadataTextFields {
    static let names: Set<String> = [
        "ImageDescription", "UserComment", "XPComment", "XPTitle", "XPSubject", "XPKeywords", "Copyright",
        "Description", "Title", "Subject", "Caption-Abstract", "Headline", "Keywords", "SpecialInstructions",
        "Contact", "ObjectName", "Comment", "Label", "Instructions", "Rights", "Caption", "DisplayName",
        "Information", "Notes", "LocationNote", "Artist", "Author", "Creator", "By-line", "Writer-Editor",
        "CreatorContactInfo", "CreatorWorkEmail", "CreatorWorkTelephone", "CreatorAddress", "CreatorCity",
        "Publisher", "Credit", "Source", "TransmissionReference", "ExtDescrAccessibility", "AltTextAccessibility",
        "Composer", "Album", "Lyrics", "Synopsis", "LongDescription", "ShortDescription", "Event",
        "PersonInImage", "RegionName", "RegionDescription", "RegionPersonDisplayName", "HierarchicalSubject",
        "TagsList", "LastKeywordXMP", "LocationName", "OwnerName", "CameraOwnerName",
    ]

    /// Office properties that are counts, dates or program names, not text someone typed.
    static let technicalOfficeNames: Set<String> = [
        "CreateDate", "ModifyDate", "RevisionNumber", "TotalEditTime", "Pages", "Words", "Characters",
        "CharactersWithSpaces", "Lines", "Paragraphs", "Application", "AppVersion", "DocSecurity", "ScaleCrop",
        "LinksUpToDate", "SharedDoc", "HyperlinksChanged", "HeadingPairs", "Template", "Slides", "Notes",
        "HiddenSlides", "MMClips", "PresentationFormat", "LastPrinted", "Version", "Generator", "EditingDuration",
        "EditingCycles", "Document-statistic",
    ]

    static func isText(_ field: MetadataField) -> Bool {
        if names.contains(field.name) { return true }
        // Custom document properties have free-form names ("Số điện thoại liên hệ" → XML:SinThoiLinH).
        if field.group == "XML" || field.group == "XMP-meta" {
            return !technicalOfficeNames.contains(field.name)
        }
        // PNG text chunks and JPEG/GIF comments are written by people unless they are software stamps.
        if field.group == "PNG" || field.group == "File" || field.group == "GIF" || field.group == "Comment" {
            return !["Software", "Creation Time", "CreationTime", "Source", "Warning"].contains(field.name)
        }
        return false
    }
}
