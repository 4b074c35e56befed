/// One decoded metadata field. Group and name follow ExifTool's family-1 group and tag names
/// (`GPS:GPSLatitude`, `IFD0:Artist`, `XMP-mwg-rs:RegionName`, `IPTC:By-line`, `Keys:GPSCoordinates`)
/// so that users who know ExifTool recognise them and the oracle test can compare directly.
public struct MetadataField: Sendable, Hashable {
    public var group: String
    public var name: String
    public var value: MetadataValue
    /// Block-level origin for reports, e.g. "JPEG APP1"; the reader fills it in.
    public var container: String

    public init(group: String, name: String, value: MetadataValue, container: String = "") {
        self.group = group
        self.name = name
        self.value = value
        self.container = container
    }
}

public enum MetadataValue: Sendable, Hashable {
    case text(String)
    /// Several values of one tag: XMP bags/seqs, repeated IPTC datasets, region lists.
    case list([String])
    case number(Double)
    /// Signed decimal values, already converted: GPS coordinates are degrees (negative for S/W),
    /// altitudes metres.
    case numbers([Double])
    /// Binary data that is not shown, only its size (thumbnails, maker-note blobs).
    case binary(length: Int)

    /// The text a text detector should read, if any.
    public var texts: [String] {
        switch self {
        case .text(let s): return [s]
        case .list(let l): return l
        default: return []
        }
    }
}
