/// Walks every object of the newest revision (not only those reachable from the pages, so
/// that annotations and attachments a viewer hides are found too) and collects comments and
/// their authors, form-field values, link targets, other XMP packets, embedded JPEG/JPEG 2000
/// images and attached files. Files go to the handler one at a time.
struct PDFObjectWalker {
    static let maxObjects = 1_000_000
    static let maxTextBytes = 1 << 20

    static let annotationSubtypes: Set<String> = [
        "Text", "Link", "FreeText", "Line", "Square", "Circle", "Polygon", "PolyLine", "Highlight", "Underline",
        "Squiggly", "StrikeOut", "Stamp", "Caret", "Ink", "Popup", "FileAttachment", "Sound", "Movie", "Widget",
        "Screen", "PrinterMark", "TrapNet", "Watermark", "3D", "Redact", "Projection", "RichMedia",
    ]

    let file: PDFFile
    let revision: PDFRevision
    let limits: ArchiveLimits
    /// The catalog's XMP object, decoded by the metadata reader already.
    let catalogMetadataObject: Int?

    var content = DocumentContent()
    private var annotations = 0
    private var links = 0
    private var formFields = 0
    private var images = 0
    private var unnamedAttachments = 0
    private var embeddedFiles = 0
    private var handedOver: Set<Int> = []
    private var handedOverRanges: Set<Range<Int>> = []
    private var embeddedFileStreams: [(number: Int, stream: PDFStream)] = []

    init(file: PDFFile, revision: PDFRevision, limits: ArchiveLimits, catalogMetadataObject: Int?) {
        self.file = file
        self.revision = revision
        self.limits = limits
        self.catalogMetadataObject = catalogMetadataObject
    }

    mutating func walk<H: EmbeddedFileHandler>(handler: inout H) {
        let numbers = file.objectNumbers(in: revision)
        if numbers.count > PDFObjectWalker.maxObjects {
            content.notes.append("only the first \(PDFObjectWalker.maxObjects) of \(numbers.count) objects were examined")
        }
        for number in numbers.prefix(PDFObjectWalker.maxObjects) {
            guard let object = file.object(PDFRef(number: number, generation: 0), in: revision) else { continue }
            switch object {
            case .stream(let stream): visitStream(stream, number: number, handler: &handler)
            case .dictionary(let d): visitDictionary(d, handler: &handler)
            default: break
            }
        }
        // Attached files no file specification named.
        for (number, stream) in embeddedFileStreams where !handedOver.contains(number) {
            unnamedAttachments += 1
            attach(name: "attachment \(unnamedAttachments)", stream: stream, streamNumber: number, handler: &handler)
        }
    }

    // MARK: streams

    private mutating func visitStream<H: EmbeddedFileHandler>(_ stream: PDFStream, number: Int, handler: inout H) {
        let d = stream.dictionary
        switch d.name("Type") {
        case "XRef", "ObjStm":
            return
        case "EmbeddedFile":
            embeddedFileStreams.append((number, stream))
            return
        case "Metadata":
            guard number != catalogMetadataObject else { return }
            let reader = PDFMetadataReader(file: file)
            let (fields, warnings) = reader.xmpFields(stream, revision: revision, container: "PDF XMP object \(number)")
            content.fields += fields
            content.notes += warnings
            return
        default:
            break
        }
        let filters = PDFStreamFilters.chain(d, resolve: { file.resolve($0, in: revision) })
        guard let codec = filters.last?.0, codec == "DCTDecode" || codec == "JPXDecode" else { return }
        guard handedOverRanges.insert(stream.dataRange).inserted else { return }
        images += 1
        let name = "image \(images).\(codec == "DCTDecode" ? "jpg" : "jp2")"
        guard claimMember(name, handler: &handler) else { return }
        do {
            let decoded = try file.decode(stream, in: revision, maxOutput: limits.maxMemberBytes)
            handler.embedded(name: name, bytes: decoded.bytes)
        } catch {
            handler.skipped(name: name, reason: error)
        }
    }

    // MARK: dictionaries

    private mutating func visitDictionary<H: EmbeddedFileHandler>(_ d: PDFDictionary, handler: inout H) {
        if d["EF"] != nil {
            fileSpecification(d, handler: &handler)
            return
        }
        let subtype = d.name("Subtype")
        let isAnnotation = d.name("Type") == "Annot" || (subtype.map(PDFObjectWalker.annotationSubtypes.contains) == true && d["Rect"] != nil)
        if d["FT"] != nil || subtype == "Widget" {
            formField(d)
        } else if isAnnotation {
            annotation(d, subtype: subtype ?? "unknown", handler: &handler)
        } else if d["T"] != nil && d["V"] != nil && d["Kids"] == nil {
            formField(d)  // a terminal field whose type is inherited from its parent
        }
        // Direct (unnumbered) annotation and file specification dictionaries are only reachable
        // through their container.
        if let annots = file.resolve(d["Annots"] ?? .null, in: revision).array {
            for item in annots.prefix(100_000) {
                if case .dictionary(let a) = item { visitDictionary(a, handler: &handler) }
            }
        }
        if let names = d["Names"]?.array {
            for item in names.prefix(200_000) {
                if case .dictionary(let f) = item, f["EF"] != nil { fileSpecification(f, handler: &handler) }
            }
        }
    }

    private func text(_ object: PDFObject?) -> String? {
        guard let object, case .string(let bytes) = file.resolve(object, in: revision) else { return nil }
        let s = PDFTextString.decode(Array(bytes.prefix(PDFObjectWalker.maxTextBytes)))
        let trimmed = PDFMetadataReader.trimmed(Substring(s))
        return trimmed.isEmpty ? nil : trimmed
    }

    private mutating func annotation<H: EmbeddedFileHandler>(_ d: PDFDictionary, subtype: String, handler: inout H) {
        switch subtype {
        case "Popup":
            return  // shows its parent's text
        case "Link":
            if let action = file.resolve(d["A"] ?? .null, in: revision).dictionary, let uri = text(action["URI"]) {
                links += 1
                content.textParts.append(TextPart(part: "link \(links)", utf8: Array(uri.utf8)))
            }
            return
        default:
            break
        }
        annotations += 1
        let part = "annotation \(annotations)"
        let author = text(d["T"])
        let contents = text(d["Contents"])
        var detail = "\(subtype) annotation"
        if let author { detail += " by \(author)" }
        if let contents {
            content.textParts.append(TextPart(part: part, utf8: Array(contents.utf8)))
            detail += " (\(contents.count) characters)"
        }
        if author != nil || contents != nil {
            content.hidden.append(HiddenItem(kind: .comment, part: part, detail: detail, person: author))
        }
        if subtype == "Redact" {
            content.hidden.append(HiddenItem(kind: .hiddenText, part: part,
                                             detail: "redaction marked but not applied: the content under it is still in the page",
                                             person: author))
        }
        if subtype == "FileAttachment", let spec = file.resolve(d["FS"] ?? .null, in: revision).dictionary {
            fileSpecification(spec, handler: &handler)
        }
    }

    private mutating func formField(_ d: PDFDictionary) {
        guard let value = text(d["V"]) else { return }
        formFields += 1
        let name = text(d["T"]) ?? "\(formFields)"
        content.textParts.append(TextPart(part: "form field \(name)", utf8: Array(value.utf8)))
    }

    // MARK: attachments

    private mutating func fileSpecification<H: EmbeddedFileHandler>(_ d: PDFDictionary, handler: inout H) {
        guard let ef = file.resolve(d["EF"] ?? .null, in: revision).dictionary else { return }
        let reference = ef["UF"] ?? ef["F"] ?? ef.entries.first?.value
        guard let reference, case .stream(let stream) = file.resolve(reference, in: revision) else { return }
        let number = reference.reference?.number ?? -1
        if number >= 0 { guard !handedOver.contains(number) else { return } }
        let name = text(d["UF"]) ?? text(d["F"]) ?? text(d["Unix"]) ?? text(d["DOS"]) ?? {
            unnamedAttachments += 1
            return "attachment \(unnamedAttachments)"
        }()
        attach(name: name, stream: stream, streamNumber: number, handler: &handler)
        if let description = text(d["Desc"]) {
            content.textParts.append(TextPart(part: "attachment \(name) description", utf8: Array(description.utf8)))
        }
    }

    private mutating func attach<H: EmbeddedFileHandler>(name: String, stream: PDFStream, streamNumber: Int, handler: inout H) {
        if streamNumber >= 0 { handedOver.insert(streamNumber) }
        let raw = stream.dataRange.count
        var detail = "attached file \"\(name)\""
        defer { content.hidden.append(HiddenItem(kind: .attachment, part: "attachment \(name)", detail: detail)) }
        guard claimMember(name, handler: &handler) else { return }
        let budget = file.budget
        let remaining = budget.limit - budget.used
        let ratioCap = max(1 << 20, raw.multipliedReportingOverflow(by: limits.maxExpansionRatio).overflow ? Int.max : raw * limits.maxExpansionRatio)
        let cap = min(limits.maxMemberBytes, remaining, ratioCap)
        do {
            let decoded = try file.decode(stream, in: revision, maxOutput: cap)
            detail += " (\(decoded.bytes.count) bytes)"
            handler.embedded(name: name, bytes: decoded.bytes)
        } catch {
            var reason = error
            if error.code == "limit-exceeded" {
                if cap == ratioCap && ratioCap < limits.maxMemberBytes && ratioCap < remaining {
                    reason = ScanError(code: "limit-exceeded",
                                       message: "expands more than \(limits.maxExpansionRatio)× its stored size (suspected bomb)")
                } else if cap == remaining && remaining < limits.maxMemberBytes {
                    reason = ScanError(code: "limit-exceeded",
                                       message: "the input's expansion budget of \(budget.limit) bytes is spent")
                } else {
                    reason = ScanError(code: "limit-exceeded", message: "larger than \(limits.maxMemberBytes) bytes when expanded")
                }
            }
            detail += " (not read: \(reason.message))"
            handler.skipped(name: name, reason: reason)
        }
    }

    /// Counts one embedded file against `maxMembers`; past it, the file is skipped with a reason.
    private mutating func claimMember<H: EmbeddedFileHandler>(_ name: String, handler: inout H) -> Bool {
        embeddedFiles += 1
        guard embeddedFiles <= limits.maxMembers else {
            // Reported once: a PDF with a million images should not make a million report lines.
            if embeddedFiles == limits.maxMembers + 1 {
                content.notes.append("more than \(limits.maxMembers) embedded images and attachments; the rest were skipped")
                handler.skipped(name: name, reason: ScanError(code: "limit-exceeded",
                                                              message: "more than \(limits.maxMembers) embedded files in one PDF; this one and the rest were skipped"))
            }
            return false
        }
        return true
    }
}
