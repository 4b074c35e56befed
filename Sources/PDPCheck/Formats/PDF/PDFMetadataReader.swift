/// The document information dictionary and XMP packet of each revision, and what earlier
/// revisions held that the newest one changed or dropped: that is still in the file, so it is
/// reported as fields of "PDF revision N" plus a hidden item.
struct PDFMetadataReader {
    static let maxInfoKeys = 1_000
    static let maxXMPBytes = 16 << 20
    /// Field names whose value is a person (for author findings from old revisions).
    static let personFields: Set<String> = ["Author", "Creator", "LastModifiedBy", "Contributor", "Owner", "Manager"]

    /// Fields every save rewrites (dates, IDs, the writing software): an old value says
    /// nothing about anyone, so old revisions are not reported for them.
    static let churnFields: Set<String> = [
        "ModifyDate", "MetadataDate", "InstanceID", "DocumentID", "OriginalDocumentID", "VersionID",
        "RenditionClass", "XMPToolkit", "Producer", "Format", "PDFVersion", "Trapped", "CreatorTool",
    ]

    static func isChurn(_ name: String) -> Bool {
        churnFields.contains(name) || name.hasPrefix("History") || name.hasPrefix("DerivedFrom")
    }

    let file: PDFFile

    /// The Info fields of `revision` (group "PDF", ExifTool names), container empty.
    func infoFields(_ revision: PDFRevision) -> [MetadataField] {
        guard let info = revision.trailer["Info"], let dictionary = file.resolve(info, in: revision).dictionary else { return [] }
        var fields: [MetadataField] = []
        for (key, raw) in dictionary.entries.prefix(PDFMetadataReader.maxInfoKeys) {
            let object = file.resolve(raw, in: revision)
            let name: String
            switch key {
            case "CreationDate": name = "CreateDate"
            case "ModDate": name = "ModifyDate"
            case "AAPL:Keywords": name = "AppleKeywords"
            default: name = PDFTextString.tagName(key)
            }
            guard !name.isEmpty, let value = value(of: object, key: key, revision: revision) else { continue }
            fields.append(MetadataField(group: "PDF", name: name, value: value))
        }
        return fields
    }

    private func value(of object: PDFObject, key: String, revision: PDFRevision) -> MetadataValue? {
        switch object {
        case .string(let bytes):
            let text = PDFTextString.decode(bytes)
            if key == "CreationDate" || key == "ModDate" { return .text(PDFTextString.date(text)) }
            if key == "Keywords" {
                // ExifTool splits at commas (and at spaces when there is no comma); splitting
                // only at commas keeps "0903 456 789" whole for the text detectors.
                let items = text.split(separator: ",").map { PDFMetadataReader.trimmed($0) }.filter { !$0.isEmpty }
                return items.count > 1 ? .list(items) : .text(text)
            }
            return .text(text)
        case .name(let n): return .text(n)
        case .bool(let b): return .text(b ? "True" : "False")
        case .integer(let i): return .number(Double(i))
        case .real(let d): return .number(d)
        case .array(let items):
            let texts = items.prefix(1_000).compactMap { item -> String? in
                if case .string(let s) = file.resolve(item, in: revision) { return PDFTextString.decode(s) }
                return nil
            }
            return texts.isEmpty ? nil : .list(texts)
        default: return nil
        }
    }

    /// Without leading and trailing ASCII whitespace (byte-level: Character-level trimming is
    /// slow, and only ASCII whitespace matters here).
    static func trimmed(_ s: Substring) -> String {
        let utf8 = s.utf8
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(s[first...last])
    }

    /// The catalog's /Metadata stream, if any.
    func catalogMetadataStream(_ revision: PDFRevision) -> (object: Int?, stream: PDFStream)? {
        guard let root = revision.trailer["Root"], let catalog = file.resolve(root, in: revision).dictionary,
              let metadata = catalog["Metadata"],
              case .stream(let stream) = file.resolve(metadata, in: revision) else { return nil }
        return (metadata.reference?.number, stream)
    }

    func xmpFields(_ stream: PDFStream, revision: PDFRevision, container: String) -> ([MetadataField], [String]) {
        do {
            let decoded = try file.decode(stream, in: revision, maxOutput: PDFMetadataReader.maxXMPBytes)
            guard decoded.imageCodec == nil else { return ([], []) }
            let result = MetadataDecoder.decodeWithDetails([MetadataBlock(kind: .xmp, bytes: decoded.bytes, container: container)])
            return (result.fields, result.warnings)
        } catch {
            return ([], ["\(container): \(error.message)"])
        }
    }

    // MARK: old revisions

    private struct Seen: Hashable {
        var group: String
        var name: String
        var value: MetadataValue
    }

    /// Fields of earlier revisions whose value the newest revision no longer has, with one
    /// hidden item each. Each (field, value) is reported once, at the first revision holding it.
    func oldRevisions(latestInfo: [MetadataField], latestXMP: [MetadataField]) -> (fields: [MetadataField], hidden: [HiddenItem]) {
        guard file.revisions.count > 1 else { return ([], []) }
        var current = Set((latestInfo + latestXMP).map { Seen(group: $0.group, name: $0.name, value: $0.value) })
        let currentNames = Set((latestInfo + latestXMP).map { "\($0.group):\($0.name)" })
        var fields: [MetadataField] = []
        var hidden: [HiddenItem] = []
        let latestXMPRange = catalogMetadataStream(file.latest)?.stream.dataRange
        for revision in file.revisions.dropLast() {
            let infoContainer = "PDF revision \(revision.number)"
            var candidates = infoFields(revision).map { ($0, "PDF revision \(revision.number) Info", infoContainer) }
            // Decode an old packet only when it is a different object (or the file was rebuilt).
            let xmpContainer = "PDF revision \(revision.number) XMP"
            if let xmp = catalogMetadataStream(revision), xmp.stream.dataRange != latestXMPRange {
                candidates += xmpFields(xmp.stream, revision: revision, container: xmpContainer).0.map { ($0, xmpContainer, xmpContainer) }
            }
            for (field, part, container) in candidates {
                let key = Seen(group: field.group, name: field.name, value: field.value)
                guard !PDFMetadataReader.isChurn(field.name), !current.contains(key),
                      !field.value.texts.isEmpty || isNumeric(field.value) else { continue }
                current.insert(key)
                var old = field
                old.container = container
                fields.append(old)
                let shown = field.value.display
                let how = currentNames.contains("\(field.group):\(field.name)") ? "changed" : "removed"
                let label = field.group == "PDF" ? field.name : "\(field.group):\(field.name)"
                let person = PDFMetadataReader.personFields.contains(field.name) && !field.value.texts.isEmpty
                    && !(field.group == "PDF" && field.name == "Creator") ? field.value.texts.joined(separator: ", ") : nil
                hidden.append(HiddenItem(kind: .oldRevision, part: part,
                                         detail: "\(label) was \"\(shown)\" (\(how) in a later revision)",
                                         person: person))
            }
        }
        return (fields, hidden)
    }

    private func isNumeric(_ value: MetadataValue) -> Bool {
        switch value {
        case .number, .numbers: return true
        default: return false
        }
    }
}
