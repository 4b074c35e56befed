import Foundation

/// Names of MWG regions (`XMP-mwg-rs:RegionName`), read together with their types: a Face
/// region's name is a person, a Pet's or a Focus area's name is not.
struct RegionNameDetector: MetadataDetector {
    let description = MetadataDetectorDescription(
        ruleId: "meta.person-tag", category: .personTag,
        summary: "Names given to MWG face regions (people tagged in the picture).",
        examples: [
            MetadataExample("two faces and a pet", [
                GPSLocationDetector.f("XMP-mwg-rs", "RegionName", .list(["Trần Thị Mai Anh", "Nguyễn Văn Hùng", "Mực"])),
                GPSLocationDetector.f("XMP-mwg-rs", "RegionType", .list(["Face", "Face", "Pet"])),
            ], matches: 2),
            MetadataExample("names without types count as people",
                            [GPSLocationDetector.f("XMP-mwg-rs", "RegionName", .list(["Bé Na"]))], matches: 1),
            MetadataExample("a named focus area", [
                GPSLocationDetector.f("XMP-mwg-rs", "RegionName", .list(["Bó hoa"])),
                GPSLocationDetector.f("XMP-mwg-rs", "RegionType", .list(["Focus"])),
            ], matches: 0),
        ])

    func detect(in fields: [MetadataField], into matches: inout [MetadataMatch]) {
        for field in fields where field.name == "RegionName" && field.group.hasPrefix("XMP-mwg-rs") {
            let types = fields.first { $0.group == field.group && $0.name == "RegionType" }?.value.texts ?? []
            for (i, name) in field.value.texts.enumerated() {
                let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty, !FieldValueDetector.placeholder(trimmed) else { continue }
                // Types line up with names when both lists are complete; otherwise keep the name.
                if types.count == field.value.texts.count, types[i].caseInsensitiveCompare("Face") != .orderedSame {
                    continue
                }
                matches.append(MetadataMatch(ruleId: description.ruleId, category: .personTag, confidence: 0.95,
                                             field: field, value: trimmed))
            }
        }
    }
}

/// Birthdays that cameras store for recognised faces (Fujifilm `FaceNBirthday`, Panasonic
/// `BabyAge`/`Birthday`): a date of birth beside a name.
struct FaceBirthdayDetector: MetadataDetector {
    let description = MetadataDetectorDescription(
        ruleId: "meta.face-birthday", category: .dateOfBirth,
        summary: "Birthdays the camera stores for recognised faces or babies.",
        examples: [
            MetadataExample("Fujifilm face birthday", [GPSLocationDetector.f("FujiFilm", "Face1Birthday", .text("1993:03:03"))], matches: 1),
            MetadataExample("an unset birthday", [GPSLocationDetector.f("Panasonic", "Birthday", .text("0000:00:00"))], matches: 0),
        ])

    func detect(in fields: [MetadataField], into matches: inout [MetadataMatch]) {
        for field in fields where field.name.hasSuffix("Birthday") || field.name.hasSuffix("BirthDate") {
            let value = field.value.display.trimmingCharacters(in: .whitespacesAndNewlines)
            guard value.contains(where: { $0.isNumber && $0 != "0" }) else { continue }
            matches.append(MetadataMatch(ruleId: description.ruleId, category: .dateOfBirth, confidence: 0.9,
                                         field: field, value: value))
        }
    }
}
