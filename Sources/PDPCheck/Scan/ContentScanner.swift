/// Scans one input, or one file inside another, whatever its format: text, photo or video,
/// office document, PDF, archive, e-mail, HTML. Files found inside (a JPEG in a DOCX in a ZIP)
/// come back here through `EmbeddedFiles`, one at a time, with their `part` chained by `/`,
/// until `ArchiveLimits.maxDepth`; one `ExpansionBudget` bounds everything one input expands to.
struct ContentScanner {
    let engine: TextDetectionEngine
    let builder: FindingBuilder
    let sniffer: MediaSniffer
    let media: MediaFileScanner
    let metadataDetectors: [any MetadataDetector]
    let limits: ArchiveLimits

    struct Outcome {
        var mediaType: String
        var findings: [Finding] = []
        var notes: [String] = []
        /// Set when the input could not be read (fully): the report says `error`, the findings
        /// read before the damage stay.
        var error: ScanError?
        /// Set when this build does not read the format.
        var skipped: ScanError?
    }

    static func chain(_ outer: String?, _ inner: String?) -> String? {
        switch (outer, inner) {
        case (nil, nil): return nil
        case (let o?, nil): return o
        case (nil, let i?): return i
        case (let o?, let i?): return o + "/" + i
        }
    }

    func scan(_ source: any ByteSource, sniff: SniffResult, part: String?, depth: Int,
              budget: ExpansionBudget) -> Outcome {
        var outcome = Outcome(mediaType: sniff.mediaType)
        if MediaContainerReader.handles(sniff.format) {
            let result = media.scan(source, format: sniff.format, part: part)
            outcome.findings = result.findings
            outcome.notes = result.warnings
            outcome.error = result.error
            return outcome
        }
        var embedded = EmbeddedFiles(scanner: self, part: part, depth: depth, budget: budget)
        do throws(ScanError) {
            let content: DocumentContent
            switch Self.readableFormat(sniff) {
            case .zip:
                let result = try ZipPackageReader.read(source: source, limits: limits, budget: budget, handler: &embedded)
                outcome.mediaType = result.mediaType
                content = result.content
            case .pdf:
                content = try PDFReader.read(source, limits: limits, handler: &embedded)
            case .email:
                content = try EmailMessageReader.read(try wholeBytes(source), limits: limits, handler: &embedded)
            case .html:
                content = HTMLTextReader.read(try wholeBytes(source))
            case .text(let encoding):
                var text = DocumentContent()
                text.textParts = [PlainTextReader.read(try wholeBytes(source), encoding: encoding)]
                content = text
            default:
                outcome.skipped = ScanError(code: "unsupported-format", message: "\(sniff.mediaType): this format is not read")
                return outcome
            }
            outcome.findings = findings(in: content, part: part)
            outcome.notes = content.notes.map { note in (part.map { "\($0): " } ?? "") + note }
        } catch {
            outcome.error = error
        }
        outcome.findings += embedded.findings
        outcome.notes += embedded.notes
        // A nested bomb can skip tens of thousands of members: say how many, not each one.
        if outcome.notes.count > Self.maxNotes {
            let more = outcome.notes.count - Self.maxNotes
            outcome.notes = Array(outcome.notes.prefix(Self.maxNotes)) + ["… and \(more) more notes like these"]
        }
        return outcome
    }

    static let maxNotes = 100

    /// HTML and e-mail that are not valid text (one stray byte, a charset the text check does
    /// not know) fail the sniffer's text check, and libmagic names them; their readers decode
    /// leniently (a bad byte is U+FFFD), so they are read rather than skipped.
    static func readableFormat(_ sniff: SniffResult) -> InputFormat {
        guard sniff.format == .other else { return sniff.format }
        switch sniff.mediaType {
        case "text/html", "application/xhtml+xml": return .html
        case "message/rfc822": return .email
        default: return .other
        }
    }

    private func wholeBytes(_ source: any ByteSource) throws(ScanError) -> [UInt8] {
        guard source.size <= limits.maxMemberBytes else {
            throw ScanError(code: "too-large", message: "\(source.size) bytes, over the \(limits.maxMemberBytes)-byte limit")
        }
        return try source.read(at: 0, count: source.size)
    }

    /// Text parts through the text detectors; fields through the metadata detectors and, where
    /// people write them, the text detectors; hidden items as `hidden_content` (and their
    /// people as `author_identity`).
    func findings(in content: DocumentContent, part: String?) -> [Finding] {
        var out: [Finding] = []
        for text in content.textParts {
            var located = text
            located.part = Self.chain(part, text.part)
            let matches = engine.detect(in: text.utf8)
            if !matches.isEmpty { out += builder.findings(for: matches, in: located) }
        }
        // Fields are judged per place (a revision, a member), so pairs stay within one place.
        var order: [String] = []
        var byContainer: [String: [MetadataField]] = [:]
        for field in content.fields {
            if byContainer[field.container] == nil { order.append(field.container) }
            byContainer[field.container, default: []].append(field)
        }
        for container in order {
            let fields = byContainer[container] ?? []
            let fieldPart = Self.chain(part, container.isEmpty ? nil : container)
            var matches: [MetadataMatch] = []
            for detector in metadataDetectors { detector.detect(in: fields, into: &matches) }
            out += builder.findings(for: matches, part: fieldPart)
            out += media.textFindings(in: fields, part: fieldPart)
        }
        var people = Set<String>()
        for item in content.hidden {
            let itemPart = Self.chain(part, item.part)
            let field = MetadataField(group: "Document", name: item.kind.rawValue, value: .text(item.detail), container: item.part)
            var matches = [MetadataMatch(ruleId: "doc.hidden." + item.kind.rawValue, category: .hiddenContent, confidence: 0.9,
                                         field: field, value: item.detail,
                                         summary: "\(item.kind.rawValue) (\(item.detail.count) characters)")]
            // "Author" is what Word's "remove personal information" (and `pdpcheck fix`) writes: no one.
            if let person = item.person?.trimmingCharacters(in: .whitespacesAndNewlines), !person.isEmpty,
               !FieldValueDetector.placeholder(person),
               people.insert((itemPart ?? "") + "\u{0}" + person).inserted {
                let who = MetadataField(group: "Document", name: item.kind.rawValue + "-author", value: .text(person),
                                        container: item.part)
                matches.append(MetadataMatch(ruleId: "doc.revision-author", category: .authorIdentity, confidence: 0.9,
                                             field: who, value: person))
            }
            out += builder.findings(for: matches, part: itemPart)
        }
        return out
    }
}

/// Receives the files a reader finds inside another and scans each at once, then drops it.
struct EmbeddedFiles: EmbeddedFileHandler {
    let scanner: ContentScanner
    let part: String?
    let depth: Int
    let budget: ExpansionBudget
    var findings: [Finding] = []
    var notes: [String] = []

    mutating func embedded(name: String, bytes: [UInt8]) {
        let inner = ContentScanner.chain(part, name)
        let label = inner ?? name
        guard depth + 1 <= scanner.limits.maxDepth else {
            notes.append("\(label): not scanned, nested deeper than \(scanner.limits.maxDepth) levels")
            return
        }
        let sniff = scanner.sniffer.sniff(head: Array(bytes.prefix(8192)), isWholeFile: bytes.count <= 8192, fileName: name)
        let outcome = scanner.scan(MemoryByteSource(bytes), sniff: sniff, part: inner, depth: depth + 1, budget: budget)
        findings += outcome.findings
        notes += outcome.notes
        if let error = outcome.error { notes.append("\(label): \(error.message) [\(error.code)]") }
    }

    mutating func skipped(name: String, reason: ScanError) {
        notes.append("\(ContentScanner.chain(part, name) ?? name): not scanned: \(reason.message) [\(reason.code)]")
    }
}
