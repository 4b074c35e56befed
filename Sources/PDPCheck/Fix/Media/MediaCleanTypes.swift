/// How much metadata a cleaned copy keeps.
public enum StripMode: String, Sendable, Hashable, CaseIterable {
    /// Removes what the detectors flag (and what the policy can fix without a person): GPS,
    /// place names, face regions, people, serials and owners, authors, capture time, thumbnails,
    /// comments, captions holding personal data. Everything else stays.
    case privacy
    /// Removes all metadata but what the picture needs to display: orientation, colour profile
    /// and colour-space tags, JFIF, PNG colour chunks, the image tags a TIFF cannot do without.
    case all
}

/// What happens to complete images and videos stored inside a photo (MPF secondary images,
/// a motion photo's video, a JPEG appended after the end of the image).
public enum EmbeddedMediaAction: String, Sendable, Hashable {
    /// Dropped: they are previews of the same scene, and the video of a motion photo shows more
    /// than the still (the default: nothing is left that a crop could have removed).
    case remove
    /// Kept, with their own metadata cleaned the same way (MPF offsets are rewritten; a motion
    /// photo's video is cleaned in place so the offsets its XMP states stay true).
    case clean
}

public struct MediaCleanOptions: Sendable {
    public var mode: StripMode
    /// The policy whose categories decide what `.privacy` removes: a flagged field goes when its
    /// category's fix is automatic (strip-metadata, mask, remove…).
    public var policy: Policy
    /// Overrides the policy: exactly these categories are removed in `.privacy` mode.
    public var categories: Set<Category>?
    public var embeddedMedia: EmbeddedMediaAction

    public init(mode: StripMode = .privacy, policy: Policy = .builtinDefault, categories: Set<Category>? = nil,
                embeddedMedia: EmbeddedMediaAction = .remove) {
        self.mode = mode
        self.policy = policy
        self.categories = categories
        self.embeddedMedia = embeddedMedia
    }

    /// The categories `.privacy` removes.
    var removedCategories: Set<Category> {
        if let categories { return categories }
        return Set(Category.allCases.filter { policy.rule(for: $0).automatic })
    }
}

/// One thing taken out of a file, for the fix report.
public struct RemovedMetadata: Sendable, Hashable {
    /// The category the detectors gave it; nil for metadata removed only because `.all` was
    /// asked for (or because it cannot be judged, e.g. an unknown APP segment).
    public var category: Category?
    /// Where it was: "JPEG APP1 Exif", "PNG tEXt", "HEIF Exif item", "QuickTime moov/udta".
    public var container: String
    /// ExifTool-style `Group:Name` of the fields, or a description of the whole block
    /// ("XMP property mwg-rs:Regions", "IFD1 thumbnail (5120 bytes)").
    public var fields: [String]

    public init(category: Category?, container: String, fields: [String]) {
        self.category = category
        self.container = container
        self.fields = fields
    }
}

/// The cleaned copy of one image or video and what was done to it.
public struct MediaCleanResult: Sendable {
    public var format: InputFormat
    public var mode: StripMode
    /// The cleaned file. Equal to the input when nothing needed removing.
    public var bytes: [UInt8]
    public var removed: [RemovedMetadata]
    /// What cleaning cannot fix and a person must look at: faces visible in the pixels, the
    /// consent of the people shown, metadata that was kept because it could not be judged.
    public var needsPerson: [String]
    /// Facts about the cleaning (a structure left as it was, a damaged part copied unchanged).
    public var notes: [String]
    /// SHA-256 of the image payload (JPEG frame and scan data, PNG IDAT, WebP bitstream, TIFF
    /// strips and tiles, GIF image blocks, HEIF image items, movie `mdat` less timed GPS
    /// samples, JPEG XL codestream) before and after.
    public var payloadHashBefore: [UInt8]
    public var payloadHashAfter: [UInt8]
    /// Byte ranges the cleaner overwrote with zeros in place: the samples of removed timed GPS
    /// tracks inside a movie's `mdat`. They are not payload (see `MediaPayload`); everything
    /// else in `mdat` is.
    public var zeroedRanges: [Range<Int>] = []

    /// The proof that no pixel was touched.
    public var payloadUnchanged: Bool { payloadHashBefore == payloadHashAfter }
    public var changed: Bool { !removed.isEmpty }
    public var payloadHashHex: String { SHA256.hexString(payloadHashAfter) }
}
