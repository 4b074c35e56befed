/// What a document, archive or message reader found: text to run the text detectors over,
/// metadata fields (authors, companies, subjects), hidden content (comments, tracked changes,
/// speaker notes, old revisions), and notes. Files inside (images in a DOCX, ZIP members,
/// e-mail attachments, images in a PDF) are not collected here: readers hand them to an
/// `EmbeddedFileHandler` one at a time, so an archive never sits in memory whole.
public struct DocumentContent: Sendable, Hashable {
    /// Extracted text, one part per place it came from. `part` names the member or field
    /// ("word/document.xml", "word/comments.xml", "ppt/notesSlides/notesSlide1.xml",
    /// "Info/Title", "body.html"); offsets index the extracted text unless `sourceOffsets` maps
    /// them to the bytes of the member (HTML maps to its source).
    public var textParts: [TextPart] = []
    /// Metadata fields with ExifTool's group and tag names: OOXML docProps are `XMP-dc:Creator`,
    /// `XML:LastModifiedBy`, `XML:Company`; PDF Info is "PDF" (`PDF:Author`),
    /// XMP streams decode to "XMP-*", e-mail headers are "Email" (`Email:From`). `container` names
    /// the member or object they came from ("docProps/core.xml", "PDF revision 1").
    public var fields: [MetadataField] = []
    public var hidden: [HiddenItem] = []
    public var notes: [String] = []

    public init() {}
}

/// Content a reader of the published document would not see, but which ships with the file.
public struct HiddenItem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case comment
        case trackedChange = "tracked-change"
        case speakerNotes = "speaker-notes"
        case hiddenText = "hidden-text"
        /// Metadata or text that a later incremental update of a PDF replaced, still in the file.
        case oldRevision = "old-revision"
        /// An embedded object or attachment that is not shown (an OLE package, a PDF attachment).
        case attachment
    }

    public var kind: Kind
    /// Where it is: a member path or PDF object ("word/comments.xml", "PDF revision 1 Info").
    public var part: String
    /// A short description for the report: "3 comments by Lê Văn Hùng", "deleted text (48 chars)".
    /// Personal values in it are the reader's raw values; the report masks them.
    public var detail: String
    /// The person the item names, if any (comment author, reviser), for author findings.
    public var person: String?

    public init(kind: Kind, part: String, detail: String, person: String? = nil) {
        self.kind = kind
        self.part = part
        self.detail = detail
        self.person = person
    }
}

/// Receives the files found inside a document or archive, one at a time. The scanner sniffs
/// each and scans it recursively (a JPEG with GPS inside a DOCX inside a ZIP), then drops it.
/// `name` is the member path as stored (may contain `../` or be absolute: it is only a name).
public protocol EmbeddedFileHandler {
    mutating func embedded(name: String, bytes: [UInt8])
    /// A member that was not read, with the reason (encrypted, over a limit, suspected bomb).
    mutating func skipped(name: String, reason: ScanError)
}

/// Limits for archives and documents, shared down a nesting chain.
public struct ArchiveLimits: Sendable, Hashable {
    public var maxDepth = 4
    public var maxMembers = 10_000
    /// Total bytes expanded across one top-level input, all nesting levels.
    public var maxTotalExpandedBytes = 1 << 30
    /// One member's expanded size over its compressed size; above it is a suspected bomb.
    public var maxExpansionRatio = 200
    /// A single member expands to at most this (larger members are skipped with a reason).
    public var maxMemberBytes = 256 << 20
    /// XML parts are parsed up to this size.
    public var maxXMLBytes = 64 << 20
    /// PDF page text comes from poppler's `pdftotext`: one process per PDF (and per older
    /// revision). Off, a PDF is read for everything else and says so in a note; runs that scan
    /// thousands of damaged copies (robustness tests) turn it off.
    public var readsPDFPageText = true

    public init() {}
    public static let `default` = ArchiveLimits()
}

/// Bytes expanded so far under one top-level input; readers charge it before inflating.
public final class ExpansionBudget {
    public let limit: Int
    public private(set) var used = 0
    public init(limit: Int) { self.limit = limit }

    /// Reserves `bytes`; throws `limit-exceeded` when the total would pass the limit.
    public func charge(_ bytes: Int) throws(ScanError) {
        guard bytes >= 0, used + bytes <= limit else {
            throw ScanError(code: "limit-exceeded",
                            message: "expanding \(bytes) more bytes would pass the \(limit)-byte limit for one input")
        }
        used += bytes
    }
}
