/// What a media container reader found: raw metadata payloads for the decoders in Metadata/,
/// fields the container states itself, and embedded images to scan in turn.
/// Readers only locate and copy bytes; they never judge them.
public struct MediaMetadata: Sendable, Hashable {
    public var blocks: [MetadataBlock] = []
    /// Fields the container carries directly (PNG tEXt keywords, GIF comments, QuickTime keys,
    /// `©xyz`, 3GP `loci`), already decoded.
    public var fields: [MetadataField] = []
    /// Complete images inside this one (MPF secondary images, motion-photo or trailer JPEGs).
    public var embedded: [EmbeddedRange] = []
    /// Facts worth telling the user that are not fields (e.g. "a GPMF track carries GPS").
    public var notes: [String] = []

    public init(blocks: [MetadataBlock] = [], fields: [MetadataField] = [],
                embedded: [EmbeddedRange] = [], notes: [String] = []) {
        self.blocks = blocks
        self.fields = fields
        self.embedded = embedded
        self.notes = notes
    }
}

/// One metadata payload copied out of a container, with where it sits (for the fixer).
public struct MetadataBlock: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// TIFF-structured EXIF, starting at the TIFF header (`II*\0` / `MM\0*`), no `Exif\0\0`.
        case exif
        /// An XMP packet (UTF-8 XML), Extended XMP already reassembled.
        case xmp
        /// IPTC-IIM records (0x1C tag markers).
        case iptc
        /// Photoshop image resource blocks (`8BIM…`), which may hold IPTC, XMP and a thumbnail.
        case photoshopIRB
        /// Free text the container calls a comment (JPEG COM, GIF comment extension).
        case comment
    }

    public var kind: Kind
    public var bytes: [UInt8]
    /// Where the payload came from, in the user's words: "JPEG APP1", "PNG eXIf", "WebP EXIF",
    /// "HEIF Exif item", "MP4 uuid XMP", "TIFF IFD0 tag 700".
    public var container: String
    /// Byte range of the payload in the source, when it is one contiguous range.
    public var range: Range<Int>?

    public init(kind: Kind, bytes: [UInt8], container: String, range: Range<Int>? = nil) {
        self.kind = kind
        self.bytes = bytes
        self.container = container
        self.range = range
    }
}

/// A complete image embedded in another file, scanned recursively as its own part.
public struct EmbeddedRange: Sendable, Hashable {
    /// Names the part in reports: "MPF image 2", "trailer JPEG".
    public var label: String
    public var range: Range<Int>

    public init(label: String, range: Range<Int>) {
        self.label = label
        self.range = range
    }
}
