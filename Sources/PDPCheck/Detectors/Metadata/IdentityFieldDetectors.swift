/// Metadata detectors that are a table of fields: who made the file, whose camera it was,
/// who is in the picture, where it was taken by name, when.
enum IdentityFieldDetectors {
    static func field(_ group: String, _ name: String, _ value: MetadataValue) -> MetadataField {
        MetadataField(group: group, name: name, value: value, container: "test")
    }

    static let author = FieldValueDetector(
        ruleId: "meta.author", category: .authorIdentity,
        summary: "The person who made or owns the file: EXIF Artist and XPAuthor, XMP dc:creator, IPTC By-line and Writer-Editor, QuickTime artist/author, PNG Author; document authors, last editors, managers and companies (OOXML, ODF, PDF, HTML) and e-mail senders.",
        fields: ["IFD0:Artist", "IFD0:XPAuthor", "XMP-dc:Creator", "XMP-tiff:Artist", "IPTC:By-line",
                 "IPTC:Writer-Editor", "XMP-photoshop:CaptionWriter", "XMP-photoshop:AuthorsPosition",
                 "Keys:Artist", "Keys:Author", "ItemList:Artist", "ItemList:Author", "UserData:Artist",
                 "UserData:Author", "PNG:Author", "XMP-xmpDM:Artist", "XMP-pdf:Author",
                 "XMP-iptcCore:CreatorContactInfo", "XMP-plus:ImageCreatorName", "XMP-plus:CopyrightOwnerName",
                 "IFD0:Copyright", "XMP-dc:Rights", "IPTC:CopyrightNotice", "PNG:Copyright", "Keys:Copyright",
                 "UserData:Copyright",
                 // Documents: OOXML/ODF properties, PDF Info, e-mail senders, HTML meta and Word's
                 // "Save as Web Page" properties (ExifTool's HTML-office group).
                 "XMP-dc:Contributor", "XML:LastModifiedBy", "XML:Manager", "XML:Company", "XML:Person",
                 "XMP-meta:Initial-creator", "XMP-meta:Printed-by", "PDF:Author", "PDF:LastModifiedBy",
                 "Email:From", "Email:Sender", "Email:Reply-To", "HTML:Author", "HTML:Copyright", "HTML-dc:Creator",
                 "HTML-dc:Contributor", "HTML-dc:Rights", "HTML-office:Author", "HTML-office:LastAuthor",
                 "HTML-office:Manager", "HTML-office:Company", "HTML-article:ArticleAuthor",
                 "HTML-twitter:TwitterCreator"],
        confidence: 0.9,
        examples: [
            MetadataExample("Artist in IFD0", [field("IFD0", "Artist", .text("Trần Thị Mai Anh"))], matches: 1),
            MetadataExample("two XMP creators", [field("XMP-dc", "Creator", .list(["Lê Văn Hùng", "Phạm Thu"]))], matches: 2),
            MetadataExample("placeholder artist", [field("IFD0", "Artist", .text("Unknown"))], matches: 0),
            MetadataExample("a DOCX's last editor", [field("XML", "LastModifiedBy", .text("Võ Thị Thu"))], matches: 1),
            MetadataExample("software is not an author", [field("IFD0", "Software", .text("Adobe Photoshop"))], matches: 0),
            MetadataExample("Word's web page keeps its author and last editor",
                            [field("HTML-office", "Author", .text("Trần Hoàng Long")),
                             field("HTML-office", "LastAuthor", .text("Đỗ Thu Hà"))], matches: 2),
            MetadataExample("a page's Dublin Core creator", [field("HTML-dc", "Creator", .text("Lê Thị Hạnh"))], matches: 1),
        ])

    static let device = FieldValueDetector(
        ruleId: "meta.device-serial", category: .deviceIdentity,
        summary: "Serial numbers of the camera body and lens and the camera owner's name: they tie every photo to one device and its owner.",
        fields: ["*:SerialNumber", "*:LensSerialNumber", "*:InternalSerialNumber", "*:CameraSerialNumber",
                 "*:OwnerName", "*:CameraOwnerName", "*:BodySerialNumber", "*:InternalLensSerialNumber",
                 "*:DeviceSerialNumber", "Keys:DeviceSerialNumber"],
        confidence: 0.95,
        examples: [
            MetadataExample("body serial", [field("ExifIFD", "SerialNumber", .text("4021C0A81234"))], matches: 1),
            MetadataExample("owner name", [field("ExifIFD", "OwnerName", .text("Hoàng Đức Long"))], matches: 1),
            MetadataExample("unset serial", [field("ExifIFD", "SerialNumber", .text("0000000000"))], matches: 0),
            MetadataExample("model is not a serial", [field("IFD0", "Model", .text("Canon EOS R6"))], matches: 0),
        ])

    static let personTag = FieldValueDetector(
        ruleId: "meta.person-tag", category: .personTag,
        summary: "Names of the people in the picture: MWG and Microsoft region names, IPTC PersonInImage, recognised-face names in maker notes, people keywords.",
        fields: ["XMP-MP:RegionPersonDisplayName", "XMP-iptcExt:PersonInImage",
                 "XMP-iptcExt:PersonInImageName", "*:RecognizedFaceName", "*:FaceName",
                 "*:Face1Name", "*:Face2Name", "*:Face3Name", "*:Face4Name", "*:Face5Name", "*:Face6Name",
                 "*:Face7Name", "*:Face8Name"],
        confidence: 0.95,
        examples: [
            MetadataExample("recognised faces in maker notes", [field("FujiFilm", "Face1Name", .text("Mai Anh"))], matches: 1),
            MetadataExample("PersonInImage", [field("XMP-iptcExt", "PersonInImage", .list(["Đỗ Minh Quân"]))], matches: 1),
            MetadataExample("region names are read with their types (RegionNameDetector)",
                            [field("XMP-mwg-rs", "RegionName", .list(["Trần Thị Mai Anh"]))], matches: 0),
        ])

    static let locationName = FieldValueDetector(
        ruleId: "meta.location-name", category: .locationName,
        summary: "Place names stored with the picture: IPTC City, Sub-location, Province-State and Country, XMP photoshop and IPTC Core/Extension locations, QuickTime location names.",
        fields: ["IPTC:City", "IPTC:Sub-location", "IPTC:Province-State", "IPTC:Country-PrimaryLocationName",
                 "XMP-photoshop:City", "XMP-photoshop:State", "XMP-photoshop:Country", "XMP-iptcCore:Location",
                 "XMP-iptcExt:LocationShownCity", "XMP-iptcExt:LocationShownSublocation",
                 "XMP-iptcExt:LocationShownProvinceState", "XMP-iptcExt:LocationShownCountryName",
                 "XMP-iptcExt:LocationShownLocationName", "XMP-iptcExt:LocationCreatedCity",
                 "XMP-iptcExt:LocationCreatedSublocation", "XMP-iptcExt:LocationCreatedProvinceState",
                 "XMP-iptcExt:LocationCreatedCountryName", "XMP-iptcExt:LocationCreatedLocationName",
                 "Keys:LocationName", "Keys:LocationBody", "Keys:LocationNote", "UserData:LocationInformation",
                 "UserData:LocationName", "XMP-exif:GPSAreaInformation", "GPS:GPSAreaInformation"],
        confidence: 0.9,
        examples: [
            MetadataExample("IPTC city and sub-location", [field("IPTC", "City", .text("Đà Lạt")),
                                                           field("IPTC", "Sub-location", .text("Hẻm 12 Phan Đình Phùng"))], matches: 2),
            MetadataExample("QuickTime location name", [field("Keys", "LocationName", .text("Quận 3, TP.HCM"))], matches: 1),
            MetadataExample("country code only is not a place name", [field("IPTC", "Country-PrimaryLocationCode", .text("VNM"))], matches: 0),
        ])

    static let captureTime = FieldValueDetector(
        ruleId: "meta.capture-time", category: .captureTime,
        summary: "When the picture was taken: with a location it tells where someone was at an hour.",
        fields: ["ExifIFD:DateTimeOriginal", "XMP-exif:DateTimeOriginal", "XMP-photoshop:DateCreated",
                 "IPTC:DateCreated", "Keys:CreationDate", "UserData:DateTimeOriginal", "QuickTime:CreateDate",
                 "XMP-xmp:CreateDate", "ExifIFD:CreateDate", "PNG:CreationTime", "Keys:CreationDate",
                 "ItemList:ContentCreateDate", "UserData:ContentCreateDate", "QuickTime:CreateDate"],
        confidence: 1, onePerFile: true, summarize: IdentityFieldDetectors.day,
        examples: [
            MetadataExample("original date", [field("ExifIFD", "DateTimeOriginal", .text("2026:03:14 07:12:09"))], matches: 1),
            MetadataExample("the same time in EXIF and XMP is one fact",
                            [field("ExifIFD", "DateTimeOriginal", .text("2026:03:14 07:12:09")),
                             field("XMP-exif", "DateTimeOriginal", .text("2026-03-14T07:12:09"))], matches: 1),
            MetadataExample("modify date is not capture", [field("IFD0", "ModifyDate", .text("2026:03:14 07:12:09"))], matches: 0),
        ])

    /// The day of a timestamp ("2026:03:14 07:12:09" → "2026-03-14"): a day alone says little,
    /// the hour with a place says a routine.
    @Sendable static func day(_ value: String) -> String? {
        let digits = value.prefix(10).map { $0 == ":" ? "-" : $0 }
        let text = String(digits)
        return text.count == 10 && text.first?.isNumber == true ? text : nil
    }
}
