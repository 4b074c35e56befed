import Foundation

/// Faces marked in the picture: MWG regions of type Face, Microsoft Photo regions, Apple face
/// regions, and maker-note face-detection counts. One match per region list, with the count:
/// the positions matter because a crop that removes a face leaves its region (and name) behind.
struct FaceRegionDetector: MetadataDetector {
    let description = MetadataDetectorDescription(
        ruleId: "meta.face-region", category: .faceRegion,
        summary: "Face regions stored in XMP (MWG, Microsoft, Apple) or counted by the camera's face detection.",
        examples: [
            MetadataExample("two MWG faces and a pet", [
                GPSLocationDetector.f("XMP-mwg-rs", "RegionType", .list(["Face", "Face", "Pet"])),
            ], matches: 1),
            MetadataExample("Microsoft regions", [
                GPSLocationDetector.f("XMP-MP", "RegionRectangle", .list(["0.1, 0.2, 0.3, 0.3"])),
            ], matches: 1),
            MetadataExample("camera found faces", [GPSLocationDetector.f("MakerNotes", "FacesDetected", .number(2))], matches: 1),
            MetadataExample("camera found none", [GPSLocationDetector.f("MakerNotes", "FacesDetected", .number(0))], matches: 0),
            MetadataExample("focus regions are not faces", [
                GPSLocationDetector.f("XMP-mwg-rs", "RegionType", .list(["Focus"])),
            ], matches: 0),
        ])

    static let countFields = FieldNameSet(["*:FacesDetected", "*:NumFacePositions", "*:FacesRecognized",
                                           "*:FaceCount", "*:NumFaces"])

    func detect(in fields: [MetadataField], into matches: inout [MetadataMatch]) {
        for field in fields {
            switch (field.group, field.name) {
            case ("XMP-mwg-rs", "RegionType"):
                let faces = field.value.texts.filter { $0.caseInsensitiveCompare("Face") == .orderedSame }.count
                if faces > 0 { add(faces, "MWG", field, into: &matches) }
            case ("XMP-MP", "RegionRectangle"):
                let regions = field.value.texts.count
                if regions > 0 { add(regions, "Microsoft Photo", field, into: &matches) }
            case (let g, let n) where g.hasPrefix("XMP-apple") && n.hasPrefix("Region") && n.hasSuffix("Type"):
                let faces = field.value.texts.filter { $0.caseInsensitiveCompare("Face") == .orderedSame }.count
                if faces > 0 { add(faces, "Apple", field, into: &matches) }
            default:
                if Self.countFields.contains(field), let n = GPSLocationDetector.number(field.value), n >= 1 {
                    add(Int(n), "camera face detection", field, into: &matches)
                }
            }
        }
    }

    private func add(_ count: Int, _ kind: String, _ field: MetadataField, into matches: inout [MetadataMatch]) {
        let text = "\(count) face\(count == 1 ? "" : "s") (\(kind))"
        matches.append(MetadataMatch(ruleId: description.ruleId, category: .faceRegion, confidence: 0.95,
                                     field: field, value: text, summary: text))
    }
}

/// People named in keyword hierarchies: Lightroom `People|Name`, digiKam `People/Name`,
/// Windows Photo Gallery `People/Name`.
struct PeopleKeywordDetector: MetadataDetector {
    let description = MetadataDetectorDescription(
        ruleId: "meta.person-keyword", category: .personTag,
        summary: "Names in people keyword hierarchies (Lightroom, digiKam, Windows Photo Gallery).",
        examples: [
            MetadataExample("Lightroom people", [
                GPSLocationDetector.f("XMP-lr", "HierarchicalSubject", .list(["People|Vũ Thị Hạnh", "Places|Đà Lạt"])),
            ], matches: 1),
            MetadataExample("plain keywords", [GPSLocationDetector.f("XMP-lr", "HierarchicalSubject", .list(["Travel|Beach"]))], matches: 0),
        ])

    static let fields = FieldNameSet(["XMP-lr:HierarchicalSubject", "XMP-digiKam:TagsList",
                                      "XMP-microsoft:LastKeywordXMP", "XMP-microsoft:LastKeywordIPTC",
                                      "XMP-mediapro:CatalogSets"])
    static let roots = ["people", "person", "persons", "người", "nguoi", "nhân vật", "faces", "family", "gia đình"]

    func detect(in fields: [MetadataField], into matches: inout [MetadataMatch]) {
        for field in fields where Self.fields.contains(field) {
            for item in field.value.texts {
                let parts = item.split(whereSeparator: { $0 == "|" || $0 == "/" }).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count >= 2, Self.roots.contains(parts[0].lowercased()), let name = parts.last,
                      !name.isEmpty else { continue }
                matches.append(MetadataMatch(ruleId: description.ruleId, category: .personTag, confidence: 0.9,
                                             field: field, value: name))
            }
        }
    }
}
