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

    static func isText(_ field: MetadataField) -> Bool {
        if names.contains(field.name) { return true }
        // PNG text chunks and JPEG/GIF comments are written by people unless they are software stamps.
        if field.group == "PNG" || field.group == "File" || field.group == "GIF" || field.group == "Comment" {
            return !["Software", "Creation Time", "CreationTime", "Source", "Warning"].contains(field.name)
        }
        return false
    }
}
