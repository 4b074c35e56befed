/// Maker-note tags that identify a device or its owner, from libexif's maker-note parsers,
/// renamed to ExifTool's names and grouped under ExifTool's family-1 maker group. Used for the
/// makers `MakerNoteDecoder` does not read itself (Olympus, Pentax, Casio); the Canon, Nikon and
/// Fujifilm rows apply only to notes whose layout MakerNoteDecoder does not recognise.
///
/// Only identity tags are kept: the rest of a maker note is camera settings whose rendered
/// values (numbers, codes) would only feed false positives to the text detectors.
enum EXIFMakerNotes {
    /// libexif name → ExifTool name, per maker group.
    static let identityTags: [String: [String: String]] = [
        "Canon": ["OwnerName": "OwnerName", "SerialNumber": "SerialNumber", "CMOSSerialNumber": "InternalSerialNumber",
                  "ImageUniqueID": "ImageUniqueID", "LensModel": "LensModel"],
        "Nikon": ["SerialNumber": "SerialNumber"],
        "Olympus": ["CameraID": "CameraID", "SerialNumber": "SerialNumber"],
        "FujiFilm": ["SerialNumber": "InternalSerialNumber"],
        "Pentax": ["SerialNumber": "SerialNumber", "OwnerName": "OwnerName"],
        "Casio": ["SerialNumber": "SerialNumber"],
    ]

    static func fields(from items: [LibExifMakerNoteItem], make: String) -> [MetadataField] {
        guard !items.isEmpty, let table = identityTags[group(forMake: make)] else { return [] }
        let group = group(forMake: make)
        var fields: [MetadataField] = []
        for item in items {
            guard let name = table[item.name] else { continue }
            let value = MetadataText.trimmed(item.value)
            guard !value.isEmpty else { continue }
            fields.append(MetadataField(group: group, name: name, value: .text(value)))
        }
        return fields
    }

    /// ExifTool's family-1 group for a maker note, from IFD0 Make.
    static func group(forMake make: String) -> String {
        let m = make.lowercased()
        if m.hasPrefix("canon") { return "Canon" }
        if m.hasPrefix("nikon") { return "Nikon" }
        if m.hasPrefix("olympus") || m.hasPrefix("om digital") || m.hasPrefix("epson") || m.hasPrefix("sanyo") { return "Olympus" }
        if m.hasPrefix("fujifilm") || m.hasPrefix("fuji") { return "FujiFilm" }
        if m.hasPrefix("pentax") || m.hasPrefix("asahi") || m.hasPrefix("ricoh") { return "Pentax" }
        if m.hasPrefix("casio") { return "Casio" }
        return "MakerNotes"
    }
}
