/// Reads an e-mail message (.eml, RFC 5322 + MIME) for what it says about people: who sent it
/// and to whom, the subject, the text and HTML bodies, and every attachment, which goes to the
/// handler to be scanned in its turn (a JPEG with GPS attached to a forwarded message).
///
/// What comes out:
/// - fields, group "Email" (ExifTool does not read .eml, so the names are the header names):
///   From, Sender, Reply-To, To, Cc, Bcc, Delivered-To, Return-Path,
///   Disposition-Notification-To, Date, Message-ID, X-Mailer, User-Agent, Organization;
///   addresses as "Name <address>", one value per mailbox. `container` is "headers"
///   ("part 2/headers" in a forwarded message). The subject is a text part, not a field.
/// - text parts: "headers" (the address lines and Organization, decoded, one per line, so the
///   text detectors see names and addresses), "Subject", "body" (the first text/plain),
///   "body.html" and its "body.html/alt text", "…/links", "…/HTML comments", "…/hidden text"
///   (see `HTMLTextReader`); further text parts are "part 3/body"; a forwarded message's
///   parts are under "part 2/". Offsets index each part's decoded text.
/// - attachments and other non-text parts: `handler.embedded(name:bytes:)`, named by their
///   file name (RFC 2231 or RFC 2047 encoded) or "part 2.jpg"; parts over a limit go to
///   `handler.skipped(name:reason:)`.
///
/// Hostile input: MIME nesting stops at `maxDepth` levels, parts at `maxParts`, attachments at
/// `limits.maxMembers`; a decoded part over `limits.maxMemberBytes` or past the input's
/// `limits.maxTotalExpandedBytes` is skipped. Bad Base64, broken quoted-printable, missing
/// boundaries and damaged headers are read as well as they can be, with notes.
public enum EmailMessageReader {
    public static let maxDepth = 16
    public static let maxParts = 1000

    public static func read(_ bytes: [UInt8], limits: ArchiveLimits,
                            handler: inout some EmbeddedFileHandler) throws(ScanError) -> DocumentContent {
        var walker = EmailMessageWalker(limits: limits)
        let looksBinary = bytes.prefix(8192).contains(0)
        try bytes.withUnsafeBufferPointer { s throws(ScanError) in
            let headers = MIMEHeaderBlock.parse(s, 0..<s.count)
            if headers.headers.isEmpty {
                if looksBinary {
                    throw ScanError(code: "malformed", message: "not an e-mail message: no header fields, and binary data")
                }
                walker.content.notes.append("no e-mail header fields; the message was read as plain text")
            }
            walker.readMessage(s, headers: headers, end: s.count, prefix: "", depth: 0, handler: &handler)
        }
        return walker.content
    }
}

/// The walk over one input's MIME tree; recursion is bounded by `EmailMessageReader.maxDepth`.
struct EmailMessageWalker {
    let limits: ArchiveLimits
    var content = DocumentContent()
    private let budget: ExpansionBudget
    private var partCount = 0
    private var attachmentCount = 0
    private var usedNames: Set<String> = []
    private var partLimitNoted = false

    init(limits: ArchiveLimits) {
        self.limits = limits
        budget = ExpansionBudget(limit: limits.maxTotalExpandedBytes)
    }

    /// Address headers, in the order the "headers" text part lists them.
    static let addressHeaders: [(key: String, name: String)] = [
        ("from", "From"), ("sender", "Sender"), ("reply-to", "Reply-To"), ("to", "To"), ("cc", "Cc"), ("bcc", "Bcc"),
        ("delivered-to", "Delivered-To"), ("return-path", "Return-Path"),
        ("disposition-notification-to", "Disposition-Notification-To"),
    ]
    static let plainHeaders: [(key: String, name: String)] = [
        ("date", "Date"), ("message-id", "Message-ID"), ("x-mailer", "X-Mailer"), ("user-agent", "User-Agent"),
        ("organization", "Organization"),
    ]

    mutating func readMessage(_ s: UnsafeBufferPointer<UInt8>, headers: MIMEHeaderBlock, end: Int, prefix: String, depth: Int,
                              handler: inout some EmbeddedFileHandler) {
        if headers.malformedLines > 0 {
            content.notes.append("\(prefix)headers: \(headers.malformedLines) damaged header line(s)")
        }
        readEnvelope(headers, prefix: prefix)
        readEntity(s, headers: headers, body: min(headers.bodyStart, end)..<end, prefix: prefix, section: "", depth: depth,
                   defaultType: "text/plain", handler: &handler)
    }

    // MARK: envelope

    private mutating func readEnvelope(_ headers: MIMEHeaderBlock, prefix: String) {
        let container = prefix + "headers"
        var lines: [String] = []
        for (key, name) in Self.addressHeaders {
            let mailboxes = headers.all(key).flatMap { EmailAddressList.parse($0) }
            guard !mailboxes.isEmpty else { continue }
            let values = mailboxes.map(\.formatted)
            content.fields.append(MetadataField(group: "Email", name: name,
                                                value: values.count == 1 ? .text(values[0]) : .list(values), container: container))
            lines.append("\(name): " + values.joined(separator: ", "))
        }
        if let raw = headers.first("subject") {
            let subject = EncodedWordDecoder.decode(raw).collapsedSpaces
            // A text part only: as a field too, the scanner's text pass over fields people
            // write (Subject is one) would report the same number twice.
            if !subject.isEmpty { content.textParts.append(TextPart(part: prefix + "Subject", utf8: Array(subject.utf8))) }
        }
        for (key, name) in Self.plainHeaders {
            guard let raw = headers.first(key) else { continue }
            let value = (key == "x-mailer" || key == "user-agent" || key == "organization")
                ? EncodedWordDecoder.decode(raw).collapsedSpaces : MIMECharset.utf8.string(raw).collapsedSpaces
            guard !value.isEmpty else { continue }
            content.fields.append(MetadataField(group: "Email", name: name, value: .text(value), container: container))
            if key == "organization" { lines.append("\(name): \(value)") }
        }
        if !lines.isEmpty {
            content.textParts.append(TextPart(part: container, utf8: Array(lines.joined(separator: "\n").utf8)))
        }
    }

    // MARK: entities

    private mutating func readEntity(_ s: UnsafeBufferPointer<UInt8>, headers: MIMEHeaderBlock, body: Range<Int>, prefix: String,
                                     section: String, depth: Int, defaultType: String, handler: inout some EmbeddedFileHandler) {
        partCount += 1
        guard partCount <= EmailMessageReader.maxParts else {
            if !partLimitNoted {
                content.notes.append("more than \(EmailMessageReader.maxParts) MIME parts; the rest were not read")
                partLimitNoted = true
            }
            return
        }
        let label = section.isEmpty ? "1" : section
        let place = section.isEmpty ? prefix + "message" : prefix + "part \(section)"
        var contentType = headers.first("content-type").map(MIMEParameters.parse)
            ?? MIMEContentField(value: defaultType, parameters: [:])
        if !contentType.value.contains("/") { contentType.value = defaultType }
        let type = contentType.value
        let disposition = headers.first("content-disposition").map(MIMEParameters.parse)
        let fileName = (disposition?["filename"] ?? contentType["name"]).flatMap { $0.isEmpty ? nil : $0 }
        let encoding = headers.first("content-transfer-encoding").map { MIMECharset.utf8.string($0).trimmingSpaces.lowercased() } ?? ""
        let isAttachment = disposition?.value == "attachment"

        if type.hasPrefix("multipart/") {
            guard depth < EmailMessageReader.maxDepth else {
                handler.skipped(name: prefix + "part \(label)", reason: Self.tooDeep)
                return
            }
            if let boundary = contentType["boundary"], !boundary.isEmpty, boundary.utf8.count <= 200 {
                let split = MultipartSplitter.split(s, body, boundary: Array(boundary.utf8), maxParts: EmailMessageReader.maxParts)
                if !split.parts.isEmpty {
                    if !split.closed { content.notes.append("\(place): \(type) has no closing boundary") }
                    let childDefault = type == "multipart/digest" ? "message/rfc822" : "text/plain"
                    for (j, range) in split.parts.enumerated() {
                        let childHeaders = MIMEHeaderBlock.parse(s, range)
                        let child = section.isEmpty ? "\(j + 1)" : "\(section).\(j + 1)"
                        readEntity(s, headers: childHeaders, body: min(childHeaders.bodyStart, range.upperBound)..<range.upperBound,
                                   prefix: prefix, section: child, depth: depth + 1, defaultType: childDefault, handler: &handler)
                    }
                    return
                }
            }
            content.notes.append("\(place): \(type) without a usable boundary; read as text")
            readText(s, body: body, encoding: encoding, contentType: contentType, html: false, prefix: prefix, label: label,
                     handler: &handler)
            return
        }

        if type == "message/rfc822" || type == "message/global" {
            let name = prefix + "part \(label)"
            guard depth < EmailMessageReader.maxDepth else {
                handler.skipped(name: name, reason: Self.tooDeep)
                return
            }
            guard let message = decodeTransfer(s, body, encoding: encoding, name: name, handler: &handler) else { return }
            message.withUnsafeBufferPointer { inner in
                let innerHeaders = MIMEHeaderBlock.parse(inner, 0..<inner.count)
                readMessage(inner, headers: innerHeaders, end: inner.count, prefix: name + "/", depth: depth + 1, handler: &handler)
            }
            return
        }

        let isText = type.hasPrefix("text/") && !isAttachment && (fileName == nil || type == "text/plain" || type == "text/html")
        if isText {
            readText(s, body: body, encoding: encoding, contentType: contentType, html: type == "text/html",
                     prefix: prefix, label: label, handler: &handler)
            return
        }

        let name = prefix + (fileName ?? "part \(label)\(Self.fileExtension(type))")
        attachmentCount += 1
        guard attachmentCount <= limits.maxMembers else {
            handler.skipped(name: name, reason: ScanError(code: "limit-exceeded",
                                                          message: "more than \(limits.maxMembers) attachments in one message"))
            return
        }
        guard let bytes = decodeTransfer(s, body, encoding: encoding, name: name, handler: &handler) else { return }
        handler.embedded(name: name, bytes: bytes)
    }

    private mutating func readText(_ s: UnsafeBufferPointer<UInt8>, body: Range<Int>, encoding: String, contentType: MIMEContentField,
                                   html: Bool, prefix: String, label: String, handler: inout some EmbeddedFileHandler) {
        let charset = contentType["charset"]
        let name = bodyName(prefix: prefix, label: label, html: html)
        guard let bytes = decodeTransfer(s, body, encoding: encoding, name: name, handler: &handler) else { return }
        if html {
            let page = HTMLTextReader.read(bytes, charset: charset, part: name)
            content.textParts += page.textParts
            content.fields += page.fields
            content.hidden += page.hidden
            content.notes += page.notes
            return
        }
        var decoding = MIMECharset.utf8
        if let charset {
            if let known = MIMECharset(label: charset) {
                decoding = known
            } else {
                content.notes.append("\(name): charset \"\(charset.prefix(40))\" is not supported; read as UTF-8")
            }
        }
        var text = decoding.decode(bytes).utf8
        if contentType["format"]?.lowercased() == "flowed" {
            text = FlowedText.unwrap(text, deleteSpace: contentType["delsp"]?.lowercased() == "yes")
        }
        content.textParts.append(TextPart(part: name, utf8: text))
    }

    /// "body" and "body.html" for the first of each in a message, "part 3/body" after.
    private mutating func bodyName(prefix: String, label: String, html: Bool) -> String {
        let leaf = html ? "body.html" : "body"
        let first = prefix + leaf
        if usedNames.insert(first).inserted { return first }
        return prefix + "part \(label)/" + leaf
    }

    /// The part's bytes with its Content-Transfer-Encoding undone, or nil (and the handler
    /// told) when it is over a limit.
    private mutating func decodeTransfer(_ s: UnsafeBufferPointer<UInt8>, _ body: Range<Int>, encoding: String, name: String,
                                         handler: inout some EmbeddedFileHandler) -> [UInt8]? {
        let raw = UnsafeBufferPointer(rebasing: s[body])
        let limit = limits.maxMemberBytes
        let bytes: [UInt8]
        switch encoding {
        case "base64": bytes = Base64Decoder.decode(raw, maxOutput: limit + 1)
        case "quoted-printable": bytes = QuotedPrintableDecoder.decode(raw, maxOutput: limit + 1)
        case "", "7bit", "8bit", "binary": bytes = Array(raw.prefix(limit + 1))
        default:
            content.notes.append("\(name): transfer encoding \"\(encoding.prefix(40))\" is not supported; read as is")
            bytes = Array(raw.prefix(limit + 1))
        }
        guard bytes.count <= limit else {
            handler.skipped(name: name, reason: ScanError(code: "limit-exceeded",
                                                          message: "decodes to more than the \(limit)-byte limit for one part"))
            return nil
        }
        do {
            try budget.charge(bytes.count)
        } catch {
            handler.skipped(name: name, reason: error)
            return nil
        }
        return bytes
    }

    static let tooDeep = ScanError(code: "depth-limit",
                                   message: "MIME parts nested more than \(EmailMessageReader.maxDepth) levels deep")

    /// An extension for an attachment without a file name, so the scanner's sniffer and the
    /// report can tell what it is.
    static func fileExtension(_ type: String) -> String {
        switch type {
        case "image/jpeg", "image/jpg", "image/pjpeg": return ".jpg"
        case "image/png": return ".png"
        case "image/gif": return ".gif"
        case "image/webp": return ".webp"
        case "image/heic", "image/heif": return ".heic"
        case "image/tiff": return ".tif"
        case "application/pdf": return ".pdf"
        case "application/zip", "application/x-zip-compressed": return ".zip"
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.document": return ".docx"
        case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": return ".xlsx"
        case "application/vnd.openxmlformats-officedocument.presentationml.presentation": return ".pptx"
        case "text/html": return ".html"
        case "text/plain": return ".txt"
        case "text/calendar": return ".ics"
        case "text/vcard", "text/x-vcard": return ".vcf"
        case "text/csv": return ".csv"
        case "video/mp4": return ".mp4"
        case "video/quicktime": return ".mov"
        case "message/rfc822": return ".eml"
        default: return ""
        }
    }
}
