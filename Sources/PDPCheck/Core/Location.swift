/// Where a finding is. Text locations use UTF-8 byte offsets into the source the text came
/// from (the file's own bytes for a plain-text file); metadata locations name the field.
public struct Location: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable { case text, metadata }

    public var kind: Kind
    /// Container member or metadata field the text came from, chained with `/`; nil for the file's own text.
    public var part: String?
    public var start: Int?
    public var end: Int?
    public var line: Int?
    public var column: Int?
    public var container: String?
    public var field: String?
    /// ExifTool family-1 group of a metadata field ("GPS", "XMP-mwg-rs"): says which copy of a
    /// value it is when EXIF and XMP both hold it. Additive to the version-1 contract.
    public var group: String?

    public static func text(part: String? = nil, start: Int, end: Int, line: Int, column: Int) -> Location {
        Location(kind: .text, part: part, start: start, end: end, line: line, column: column,
                 container: nil, field: nil, group: nil)
    }

    public static func metadata(part: String? = nil, container: String, field: String, group: String? = nil) -> Location {
        Location(kind: .metadata, part: part, start: nil, end: nil, line: nil, column: nil,
                 container: container, field: field, group: group)
    }

    enum CodingKeys: String, CodingKey { case kind, part, start, end, line, column, container, field, group }

    // Text locations always carry `part` (null when absent); metadata ones carry container/field.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(part, forKey: .part)
        switch kind {
        case .text:
            try c.encode(start, forKey: .start)
            try c.encode(end, forKey: .end)
            try c.encode(line, forKey: .line)
            try c.encode(column, forKey: .column)
        case .metadata:
            try c.encode(container, forKey: .container)
            try c.encode(field, forKey: .field)
            try c.encodeIfPresent(group, forKey: .group)
        }
    }
}
