/// Thumbnails and previews stored beside the picture. A crop or a blur edits the main image
/// only: the thumbnail still shows the uncropped scene (the face, the house number).
struct EmbeddedPreviewDetector: MetadataDetector {
    let description = MetadataDetectorDescription(
        ruleId: "meta.preview", category: .embeddedPreview,
        summary: "EXIF thumbnails, Photoshop thumbnails, XMP thumbnails and preview images that can show what an edit removed.",
        examples: [
            MetadataExample("EXIF thumbnail", [GPSLocationDetector.f("IFD1", "ThumbnailImage", .binary(length: 5120))], matches: 1),
            MetadataExample("thumbnail offset and length are one thumbnail", [
                GPSLocationDetector.f("IFD1", "ThumbnailOffset", .number(1024)),
                GPSLocationDetector.f("IFD1", "ThumbnailLength", .number(5120)),
            ], matches: 1),
            MetadataExample("empty thumbnail", [GPSLocationDetector.f("IFD1", "ThumbnailLength", .number(0))], matches: 0),
        ])

    static let images = FieldNameSet(["*:ThumbnailImage", "*:PhotoshopThumbnail", "*:ThumbnailsImage", "*:PreviewImage",
                                      "*:JpgFromRaw", "*:ThumbnailTIFF", "*:OtherImage", "IFD1:ThumbnailLength",
                                      "*:PreviewImageLength", "*:MPImage"])

    func detect(in fields: [MetadataField], into matches: inout [MetadataMatch]) {
        var seenGroups = Set<String>()
        for field in fields where Self.images.contains(field) {
            let bytes: Int
            switch field.value {
            case .binary(let length): bytes = length
            case .number(let n): bytes = Int(n)
            case .text(let s): bytes = s.utf8.count
            default: bytes = 0
            }
            // Offset/length pairs and the image itself name one thumbnail per group.
            guard bytes > 0, seenGroups.insert(field.group).inserted else { continue }
            let text = "\(field.name) (\(bytes) bytes)"
            matches.append(MetadataMatch(ruleId: description.ruleId, category: .embeddedPreview, confidence: 0.9,
                                         field: field, value: text, summary: text))
        }
    }
}

/// Every metadata detector, in report order.
public enum BuiltinMetadataDetectors {
    public static let all: [any MetadataDetector] = [
        GPSLocationDetector(),
        IdentityFieldDetectors.locationName,
        FaceRegionDetector(),
        IdentityFieldDetectors.personTag,
        RegionNameDetector(),
        FaceBirthdayDetector(),
        PeopleKeywordDetector(),
        IdentityFieldDetectors.device,
        IdentityFieldDetectors.author,
        IdentityFieldDetectors.captureTime,
        EmbeddedPreviewDetector(),
    ]
}
