/// What an IPTC-IIM payload holds, as ExifTool-named fields (group "IPTC").
public struct IPTCResult: Sendable, Hashable {
    public var fields: [MetadataField] = []
    public var warnings: [String] = []
}

/// Decodes IPTC-IIM datasets: `0x1C, record, dataset, length` (15-bit length, or an extended
/// length whose byte count follows with the high bit set), then the value. Text is UTF-8 when
/// record 1:90 says so (ESC % G) and otherwise UTF-8 if valid, else Latin-1. A dataset that
/// repeats, or one ExifTool treats as a list (Keywords, By-line, ...), becomes `.list`.
public enum IPTCDecoder {
    public static let maxInputSize = 16 << 20
    static let maxDatasets = 10_000

    public static func decode(_ bytes: [UInt8]) -> IPTCResult {
        var result = IPTCResult()
        var order: [String] = []
        var values: [String: [MetadataValue]] = [:]
        var i = 0
        let n = min(bytes.count, maxInputSize)
        var datasets = 0
        while i < n {
            // Padding after the last dataset is common; anything else ends the records.
            guard bytes[i] == 0x1C else {
                if bytes[i..<n].contains(where: { $0 != 0 }) { result.warnings.append("IPTC data ends in bytes that are not datasets") }
                break
            }
            guard i + 5 <= n else { result.warnings.append("IPTC dataset header is truncated"); break }
            let record = bytes[i + 1], dataset = bytes[i + 2]
            var length = Int(bytes[i + 3]) << 8 | Int(bytes[i + 4])
            var start = i + 5
            if length & 0x8000 != 0 {
                let lengthBytes = length & 0x7FFF
                guard (1...4).contains(lengthBytes), start + lengthBytes <= n else {
                    result.warnings.append("IPTC extended length is invalid")
                    break
                }
                length = 0
                for k in 0..<lengthBytes { length = length << 8 | Int(bytes[start + k]) }
                start += lengthBytes
            }
            guard length <= n - start else {
                result.warnings.append("IPTC dataset \(record):\(dataset) runs past the end of the data")
                break
            }
            let value = bytes[start..<(start + length)]
            i = start + length
            datasets += 1
            if datasets > maxDatasets {
                result.warnings.append("more than \(maxDatasets) IPTC datasets; the rest is ignored")
                break
            }
            guard let name = name(record: record, dataset: dataset) else { continue }
            let decoded = decodeValue(value, record: record, dataset: dataset)
            if values[name] == nil { order.append(name) }
            values[name, default: []].append(decoded)
        }
        for name in order {
            guard let list = values[name], let first = list.first else { continue }
            if list.count == 1 && !listNames.contains(name) {
                result.fields.append(MetadataField(group: "IPTC", name: name, value: first))
            } else {
                result.fields.append(MetadataField(group: "IPTC", name: name, value: .list(list.flatMap { $0.texts })))
            }
        }
        return result
    }

    static func decodeValue(_ value: ArraySlice<UInt8>, record: UInt8, dataset: UInt8) -> MetadataValue {
        if binaryNumbers.contains(Int(record) << 8 | Int(dataset)), value.count <= 4 {
            return .number(Double(value.reduce(0) { $0 << 8 | Int($1) }))
        }
        if record == 2, dataset == 202 || dataset == 125 { return .binary(length: value.count) }
        // ExifTool shows 1:90 as the raw escape sequence.
        if record == 1, dataset == 90 { return .text(MetadataText.latin1(value)) }
        let text = MetadataText.decode(value, stopAtNUL: true)
        switch (record, dataset) {
        case (1, 70), (2, 30), (2, 37), (2, 47), (2, 55), (2, 62): return .text(date(text))
        case (1, 80), (2, 35), (2, 38), (2, 60), (2, 63): return .text(time(text))
        default: return .text(text)
        }
    }

    /// "20260115" → "2026:01:15", as ExifTool's ValueConv does.
    static func date(_ s: String) -> String {
        let u = Array(s.utf8)
        guard u.count == 8, u.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return s }
        return String(decoding: u[0..<4] + [0x3A] + u[4..<6] + [0x3A] + u[6..<8], as: UTF8.self)
    }

    /// "090807+0700" → "09:08:07+07:00".
    static func time(_ s: String) -> String {
        let u = Array(s.utf8)
        guard u.count >= 6, u[0..<6].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return s }
        var out = u[0..<2] + [0x3A] + u[2..<4] + [0x3A] + u[4..<6]
        if u.count == 11, u[6] == 0x2B || u[6] == 0x2D, u[7..<11].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            out += [u[6]] + u[7..<9] + [0x3A] + u[9..<11]
        } else {
            out += u[6...]
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func name(record: UInt8, dataset: UInt8) -> String? {
        switch record {
        case 1: return envelope[dataset]
        case 2: return application[dataset]
        default: return nil
        }
    }

    /// Datasets stored as binary integers (record << 8 | dataset).
    static let binaryNumbers: Set<Int> = [0x100, 0x114, 0x116, 0x178, 0x17A, 0x200, 0x2C8, 0x2C9]

    /// Datasets ExifTool reports as lists even when they occur once.
    static let listNames: Set<String> = [
        "Destination", "ObjectAttributeReference", "SubjectReference", "SupplementalCategories", "Keywords",
        "ContentLocationCode", "ContentLocationName", "ReferenceService", "ReferenceDate", "ReferenceNumber",
        "By-line", "By-lineTitle", "Contact", "Writer-Editor", "CatalogSets",
    ]

    /// ExifTool's IPTC EnvelopeRecord (1:x) names.
    static let envelope: [UInt8: String] = [
        0: "EnvelopeRecordVersion", 5: "Destination", 20: "FileFormat", 22: "FileVersion", 30: "ServiceIdentifier",
        40: "EnvelopeNumber", 50: "ProductID", 60: "EnvelopePriority", 70: "DateSent", 80: "TimeSent",
        90: "CodedCharacterSet", 100: "UniqueObjectName", 120: "ARMIdentifier", 122: "ARMVersion",
    ]

    /// ExifTool's IPTC ApplicationRecord (2:x) names.
    static let application: [UInt8: String] = [
        0: "ApplicationRecordVersion", 3: "ObjectTypeReference", 4: "ObjectAttributeReference", 5: "ObjectName",
        7: "EditStatus", 8: "EditorialUpdate", 10: "Urgency", 12: "SubjectReference", 15: "Category",
        20: "SupplementalCategories", 22: "FixtureIdentifier", 25: "Keywords", 26: "ContentLocationCode",
        27: "ContentLocationName", 30: "ReleaseDate", 35: "ReleaseTime", 37: "ExpirationDate", 38: "ExpirationTime",
        40: "SpecialInstructions", 42: "ActionAdvised", 45: "ReferenceService", 47: "ReferenceDate",
        50: "ReferenceNumber", 55: "DateCreated", 60: "TimeCreated", 62: "DigitalCreationDate",
        63: "DigitalCreationTime", 65: "OriginatingProgram", 70: "ProgramVersion", 75: "ObjectCycle",
        80: "By-line", 85: "By-lineTitle", 90: "City", 92: "Sub-location", 95: "Province-State",
        100: "Country-PrimaryLocationCode", 101: "Country-PrimaryLocationName", 103: "OriginalTransmissionReference",
        105: "Headline", 110: "Credit", 115: "Source", 116: "CopyrightNotice", 118: "Contact",
        120: "Caption-Abstract", 121: "LocalCaption", 122: "Writer-Editor", 125: "RasterizedCaption",
        130: "ImageType", 131: "ImageOrientation", 135: "LanguageIdentifier", 150: "AudioType",
        151: "AudioSamplingRate", 152: "AudioSamplingResolution", 153: "AudioDuration", 154: "AudioOutcue",
        184: "JobID", 185: "MasterDocumentID", 186: "ShortDocumentID", 187: "UniqueDocumentID", 188: "OwnerID",
        200: "ObjectPreviewFileFormat", 201: "ObjectPreviewFileVersion", 202: "ObjectPreviewData",
        221: "Prefs", 225: "ClassifyState", 228: "SimilarityIndex", 230: "DocumentNotes", 231: "DocumentHistory",
        232: "ExifCameraInfo", 255: "CatalogSets",
    ]
}
