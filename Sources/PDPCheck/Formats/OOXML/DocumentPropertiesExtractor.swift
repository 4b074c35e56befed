/// Document properties as metadata fields, named the way ExifTool 12.57 names them so users
/// and the oracle test recognise them:
/// - OOXML `docProps/core.xml`: Dublin Core elements are `XMP-dc:Creator`, `XMP-dc:Title`,
///   `XMP-dc:Subject`, `XMP-dc:Description`; the rest are `XML:LastModifiedBy`,
///   `XML:Keywords`, `XML:CreateDate`, `XML:RevisionNumber` …
/// - `docProps/app.xml`: `XML:Company`, `XML:Manager`, `XML:Template`, `XML:TitlesOfParts` …
/// - `docProps/custom.xml`: `XML:<Name>` with ExifTool's tag-name rule (words capitalised,
///   characters outside `[-_A-Za-z0-9]` dropped: "Số điện thoại" → `SinThoi`).
/// - ODF `meta.xml`: `XMP-meta:Initial-creator`, `XMP-meta:Keyword`, `XMP-meta:Printed-by`,
///   `XMP-meta:User-definedName` / `XMP-meta:User-defined`, and `XMP-dc:*`.
struct DocumentPropertiesExtractor: XMLStreamHandler {
    enum Flavor { case core, app, custom, odfMeta }

    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let vectorTypes = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    static let maxFields = 10_000
    static let maxValueBytes = 1 << 20

    let flavor: Flavor
    let container: String
    var fields: [MetadataField] = []
    private var depth = 0
    /// The property being read (depth-2 element, or a custom `property`).
    private var current: (group: String, name: String, isDate: Bool)?
    private var buffer: [UInt8] = []
    private var vector: [String]?
    private var vectorItem: [UInt8]?

    /// Properties are children of the root, except in ODF (`office:document-meta/office:meta`).
    private let propertyDepth: Int

    init(flavor: Flavor, container: String) {
        self.flavor = flavor
        self.container = container
        propertyDepth = flavor == .odfMeta ? 3 : 2
    }

    mutating func startElement(_ name: XMLQName, attributes: XMLAttributes) {
        depth += 1
        if depth == propertyDepth {
            buffer.removeAll(keepingCapacity: true)
            vector = nil
            current = property(name, attributes)
            if flavor == .odfMeta, name.local == "user-defined", let label = attributes.value("name") {
                append("XMP-meta", "User-definedName", .text(label))
            }
            if flavor == .odfMeta, name.local == "document-statistic" {
                for attribute in attributes {
                    append("XMP-meta", "Document-statistic" + DocumentPropertiesExtractor.upperFirst(attribute.local), .text(attribute.value))
                }
            }
        } else if current != nil, name.namespace == DocumentPropertiesExtractor.vectorTypes {
            if name.local == "vector" { vector = [] } else if vector != nil { vectorItem = [] }
        }
    }

    mutating func endElement(_ name: XMLQName) {
        defer { depth -= 1 }
        if depth > propertyDepth, let item = vectorItem, var list = vector {
            vectorItem = nil
            vector = nil
            list.append(DocumentPropertiesExtractor.clean(item))
            vector = list
            return
        }
        guard depth == propertyDepth, let property = current else { return }
        current = nil
        if let list = vector {
            if !list.isEmpty { append(property.group, property.name, .list(list)) }
        } else {
            var value = DocumentPropertiesExtractor.clean(buffer)
            if property.isDate { value = DocumentPropertiesExtractor.exifToolDate(value) }
            if !value.isEmpty { append(property.group, property.name, .text(value)) }
        }
    }

    mutating func characters(_ text: XMLCharacters) {
        guard current != nil else { return }
        if var item = vectorItem {
            vectorItem = nil
            if item.count < DocumentPropertiesExtractor.maxValueBytes { text.append(to: &item) }
            vectorItem = item
        } else if vector == nil, buffer.count < DocumentPropertiesExtractor.maxValueBytes {
            text.append(to: &buffer)
        }
    }

    private mutating func append(_ group: String, _ name: String, _ value: MetadataValue) {
        guard fields.count < DocumentPropertiesExtractor.maxFields else { return }
        fields.append(MetadataField(group: group, name: name, value: value, container: container))
    }

    private func property(_ name: XMLQName, _ attributes: XMLAttributes) -> (group: String, name: String, isDate: Bool)? {
        switch flavor {
        case .core:
            if name.namespace == DocumentPropertiesExtractor.dublinCore {
                return ("XMP-dc", DocumentPropertiesExtractor.upperFirst(name.local), false)
            }
            let renamed = ["created": "CreateDate", "modified": "ModifyDate", "revision": "RevisionNumber"][name.local]
            let isDate = ["created", "modified", "lastPrinted"].contains(name.local)
            return ("XML", renamed ?? DocumentPropertiesExtractor.upperFirst(name.local), isDate)
        case .app:
            if name.local == "DigSig" { return nil }
            return ("XML", name.local == "TotalTime" ? "TotalEditTime" : DocumentPropertiesExtractor.upperFirst(name.local), false)
        case .custom:
            guard name.local == "property", let label = attributes.value("name"),
                  let tag = DocumentPropertiesExtractor.exifToolTagName(label) else { return nil }
            return ("XML", tag, false)
        case .odfMeta:
            if name.namespace == DocumentPropertiesExtractor.dublinCore {
                return ("XMP-dc", DocumentPropertiesExtractor.upperFirst(name.local), name.local == "date")
            }
            if name.local == "document-statistic" || name.local == "template" || name.local == "hyperlink-behaviour" { return nil }
            let isDate = name.local == "creation-date" || name.local == "print-date"
            return ("XMP-meta", DocumentPropertiesExtractor.upperFirst(name.local), isDate)
        }
    }

    static func upperFirst(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, first.value >= 0x61, first.value <= 0x7A else { return s }
        return String(Character(Unicode.Scalar(first.value - 0x20) ?? first)) + String(s.unicodeScalars.dropFirst())
    }

    /// ExifTool's rule for custom property names: an ASCII lower-case letter at the start or
    /// after a space is capitalised, then everything outside `[-_A-Za-z0-9]` is dropped;
    /// names shorter than two characters get a "Tag" prefix.
    static func exifToolTagName(_ label: String) -> String? {
        var out = ""
        var startOfWord = true
        for c in label.unicodeScalars {
            var v = c.value
            if startOfWord, v >= 0x61, v <= 0x7A { v -= 0x20 }
            startOfWord = c == " "
            let ok = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x2D || v == 0x5F
            if ok, let scalar = Unicode.Scalar(v) { out.unicodeScalars.append(scalar) }
        }
        guard !out.isEmpty else { return nil }
        if out.count < 2 { out = "Tag" + out }
        return out
    }

    /// Trimmed text with OOXML's `_xHHHH_` escapes decoded.
    static func clean(_ bytes: [UInt8]) -> String {
        var s = MetadataText.trimmed(String(decoding: bytes, as: UTF8.self))
        guard s.contains("_x") else { return s }
        var out = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
               let v = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
               let scalar = Unicode.Scalar(v) {
                out.append(scalar)
                i += 7
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        s = String(out)
        return MetadataText.trimmed(s)
    }

    /// "2026-01-02T03:04:05Z" → "2026:01:02 03:04:05Z", as ExifTool shows XMP-style dates.
    static func exifToolDate(_ s: String) -> String {
        var u = Array(s.utf8)
        guard u.count >= 10, u[4] == 0x2D, u[7] == 0x2D else { return s }
        u[4] = 0x3A
        u[7] = 0x3A
        if u.count > 10, u[10] == 0x54 { u[10] = 0x20 }
        return String(decoding: u, as: UTF8.self)
    }

    static func extract(_ bytes: [UInt8], flavor: Flavor, part: String, into content: inout DocumentContent) {
        var extractor = DocumentPropertiesExtractor(flavor: flavor, container: part)
        let warnings = XMLStreamReader.parse(bytes, limits: OfficeXML.smallPartLimits, handler: &extractor)
        content.notes += warnings.map { "\(part): \($0)" }
        content.fields += extractor.fields
    }
}
