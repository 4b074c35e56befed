/// Text encodings the text reader can decode. Legacy Vietnamese encodings still turn up in
/// old Word exports and forum archives.
public enum TextEncoding: String, Sendable, Hashable, Codable {
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case windows1258 = "windows-1258"
    case tcvn3 = "TCVN3"
}

/// What the Sniffer decided a file is; each case is handled by one Reader.
public enum InputFormat: Sendable, Hashable {
    case text(TextEncoding)
    case jpeg, png, gif, webp, tiff, heif, isobmffVideo, jpegXL
    case pdf, zip, html, email
    /// Recognised (by libmagic or a signature) but no Reader handles it.
    case other
}

public struct SniffResult: Sendable, Hashable {
    public var mediaType: String
    public var format: InputFormat

    public init(mediaType: String, format: InputFormat) {
        self.mediaType = mediaType
        self.format = format
    }
}
