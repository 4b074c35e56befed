/// Decides an input's format from its content: our own signatures first, a cheap text check,
/// then libmagic for whatever is left. File names only refine text (Markdown vs plain text).
public final class MediaSniffer: Sendable {
    private let magic = MagicPool()

    public init() {}

    /// - Parameters:
    ///   - head: the first bytes of the input (a few KB is enough).
    ///   - isWholeFile: whether `head` is the entire input (so a cut UTF-8 tail is an error).
    ///   - fileName: used only to name text flavours.
    public func sniff(head: [UInt8], isWholeFile: Bool, fileName: String?) -> SniffResult {
        if let known = SignatureSniffer.sniff(head) { return known }
        let ext = fileName.map(MediaSniffer.lowercasedExtension) ?? ""
        if let encoding = TextSniffer.encoding(of: head, isWholeFile: isWholeFile) {
            return MediaSniffer.textFlavour(head: head, encoding: encoding, extension: ext)
        }
        let mime = magic.mimeType(of: Array(head.prefix(4096))) ?? "application/octet-stream"
        return SniffResult(mediaType: mime, format: .other)
    }

    static func textFlavour(head: [UInt8], encoding: TextEncoding, extension ext: String) -> SniffResult {
        switch ext {
        case "md", "markdown": return SniffResult(mediaType: "text/markdown", format: .text(encoding))
        case "srt": return SniffResult(mediaType: "application/x-subrip", format: .text(encoding))
        case "vtt": return SniffResult(mediaType: "text/vtt", format: .text(encoding))
        case "html", "htm", "xhtml": return SniffResult(mediaType: "text/html", format: .html)
        case "eml": return SniffResult(mediaType: "message/rfc822", format: .email)
        default: break
        }
        if encoding == .utf8 {
            let start = String(decoding: head.prefix(256), as: UTF8.self).lowercased()
                .drop(while: { $0 == "\u{FEFF}" || $0.isWhitespace })
            if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") {
                return SniffResult(mediaType: "text/html", format: .html)
            }
        }
        return SniffResult(mediaType: "text/plain", format: .text(encoding))
    }

    static func lowercasedExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }
}
