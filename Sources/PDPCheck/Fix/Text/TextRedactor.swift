/// Redacts the personal data in a text draft (.txt, .md, .srt, .vtt, in any encoding the
/// scanner reads) or an HTML page, per the policy's action for each category: mask, replace
/// or remove; every other byte stays as it was. The scanner itself finds what to redact (so
/// allowlists, inline ignores and confidence work exactly as in a scan) and re-scans the
/// result; HTML is edited at source offsets, so tags and references are never broken.
public enum TextRedactor {
    /// Passes at most: one redacts; a second catches contact links that only count once the
    /// link's text no longer shows the number (`<a href="tel:…">0912 345 678</a>`).
    static let maxPasses = 3

    /// Whether `format` is one this redactor writes.
    public static func handles(_ format: InputFormat) -> Bool {
        switch format {
        case .text, .html: return true
        default: return false
        }
    }

    /// - Parameter format: the sniffed format; sniffed from the bytes (and name) when nil.
    /// - Throws: `unsupported-format` for anything but text and HTML.
    public static func redact(_ bytes: [UInt8], fileName: String? = nil, format: InputFormat? = nil,
                              options: RedactionOptions = RedactionOptions(),
                              scanOptions: ScanOptions? = nil) throws(ScanError) -> TextRedactionResult {
        let sniff = MediaSniffer().sniff(head: Array(bytes.prefix(InputLimits.default.sniffBytes)),
                                         isWholeFile: bytes.count <= InputLimits.default.sniffBytes, fileName: fileName)
        let format = format ?? sniff.format
        guard handles(format) else {
            throw ScanError(code: "unsupported-format", message: "text redaction handles text drafts and HTML pages only")
        }
        if case .text(let encoding) = format, encoding == .utf16LE || encoding == .utf16BE, bytes.count % 2 != 0 {
            throw ScanError(code: "malformed", message: "UTF-16 text with an odd number of bytes: not redacted")
        }
        var scan = scanOptions ?? ScanOptions(jobs: 1, language: options.language)
        scan.jobs = 1
        let scanner = Scanner(policy: options.policy, options: scan)
        let scanSniff = SniffResult(mediaType: sniff.format == format ? sniff.mediaType : (format == .html ? "text/html" : "text/plain"),
                                    format: format)
        let path = fileName ?? "draft"
        var current = bytes
        var result = TextRedactionResult(bytes: bytes, redactions: [], edits: [], passes: 0, remaining: [], needsPerson: [], notes: [])
        var report = scanner.scan(current, sniff: scanSniff, path: path)
        for pass in 0..<maxPasses {
            var edits = RedactionEdits()
            let source = SourceText(bytes: current, format: format)
            for finding in report.findings {
                let action = options.action(for: finding.category)
                guard action != .leave, finding.fix.automatic, finding.location.kind == .text,
                      let start = finding.location.start, let end = finding.location.end, start < end else { continue }
                guard let characters = source.characters(start..<end, part: finding.location.part) else { continue }
                edits.add(characters, category: finding.category, action: action, part: finding.location.part,
                          language: options.language) { _ in source.encoding }
            }
            if case .html = format {
                HTMLMetadataRedactor.redact(current, findings: report.findings, source: source, options: options, into: &edits)
            }
            guard !edits.isEmpty else { break }
            let list = edits.edits(unit: 0)
            if pass == 0 { result.edits = list }
            result.redactions += edits.redactions
            current = RedactionEdits.apply(list, to: current)
            result.passes = pass + 1
            report = scanner.scan(current, sniff: scanSniff, path: path)
        }
        result.bytes = current
        result.remaining = report.findings.filter { isFixable($0, options: options) }
        result.needsPerson = report.findings.filter { !isFixable($0, options: options) }
        result.notes = report.notes
        if report.status == .error, let error = report.error { result.notes.append("re-scan: \(error.message)") }
        return result
    }

    /// A finding the redactor (or metadata cleaning) would remove on its own.
    static func isFixable(_ finding: Finding, options: RedactionOptions) -> Bool {
        guard finding.fix.automatic else { return false }
        if finding.category.kind == .metadata || finding.location.kind == .metadata {
            return finding.fix.action == .stripMetadata || options.action(for: finding.category) != .leave
        }
        return options.action(for: finding.category) != .leave
    }

    /// Applies detector matches to UTF-8 text whose offsets are the text's own bytes (a draft
    /// in memory): the low-level entry when the caller already has the matches.
    public static func apply(_ matches: [TextMatch], to bytes: [UInt8], options: RedactionOptions = RedactionOptions())
        -> (bytes: [UInt8], edits: [SourceEdit], redactions: [Redaction]) {
        var edits = RedactionEdits()
        for match in matches {
            let action = options.action(for: match.category)
            guard action != .leave, match.start < match.end, match.end <= bytes.count, match.start >= 0 else { continue }
            edits.add(SourceCharacters.utf8(bytes, match.start..<match.end), category: match.category, action: action,
                      part: nil, language: options.language) { _ in .utf8 }
        }
        let list = edits.edits(unit: 0)
        return (RedactionEdits.apply(list, to: bytes), list, edits.redactions)
    }
}

/// The source of one pass: how to list a finding's characters and how to write replacements.
struct SourceText {
    let bytes: [UInt8]
    let format: InputFormat
    let encoding: ReplacementEncoding
    private let decoded: DecodedSource?
    private let isHTML: Bool

    init(bytes: [UInt8], format: InputFormat) {
        self.bytes = bytes
        self.format = format
        switch format {
        case .html:
            isHTML = true
            let label = HTMLCharsetSniffer.byteOrderMark(bytes) ?? HTMLCharsetSniffer.declaredCharset(bytes)
            let charset = label.flatMap(MIMECharset.init(label:)) ?? .utf8
            let utf8 = charset == .utf8 && TextSniffer.isValidUTF8(bytes, allowTruncatedTail: true)
            let asciiMarkup = charset != .utf16 && charset != .utf16LE && charset != .utf16BE
            encoding = .html(utf8: utf8)
            decoded = utf8 || !asciiMarkup ? nil : DecodedSource(charset.decode(bytes), sourceCount: bytes.count)
        case .text(let textEncoding):
            isHTML = false
            switch textEncoding {
            case .utf8:
                encoding = .utf8
                decoded = nil
            case .utf16LE, .utf16BE:
                encoding = .utf16(littleEndian: textEncoding == .utf16LE)
                decoded = DecodedSource(PlainTextReader.read(bytes, encoding: textEncoding), sourceCount: bytes.count)
            case .windows1258, .tcvn3:
                encoding = .legacy8Bit
                decoded = DecodedSource(PlainTextReader.read(bytes, encoding: textEncoding), sourceCount: bytes.count)
            }
        default:
            isHTML = false
            encoding = .utf8
            decoded = nil
        }
    }

    /// The characters of a finding at `range` of the source; `part` says which text of an
    /// HTML page it was found in (attribute values read differently from text).
    func characters(_ range: Range<Int>, part: String?) -> [SourceCharacter]? {
        if isHTML {
            let attribute = part == HTMLTextReader.attributesPart || part == HTMLTextReader.linksPart
            // UTF-16 pages are not edited: their markup is not ASCII bytes.
            if case .html(let utf8) = encoding, !utf8, decoded == nil { return nil }
            return SourceCharacters.html(bytes, range, attribute: attribute, decoded: decoded)
        }
        if let decoded { return decoded.characters(in: SourceCharacters.clamped(range, bytes.count)) }
        return SourceCharacters.utf8(bytes, range)
    }
}
