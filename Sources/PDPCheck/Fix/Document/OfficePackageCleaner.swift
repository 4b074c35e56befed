/// Cleans an OOXML (DOCX/XLSX/PPTX and their macro and template variants) or ODF (ODT, ODS,
/// ODP) package: text findings redacted inside runs, people taken out of the properties,
/// comment and revision authors renamed, people lists cleared, embedded photos and packages
/// cleaned recursively. The package stays valid: every member is kept, in order, with its name
/// and compression (`[Content_Types].xml`, relationships, and ODF's stored `mimetype` first);
/// members nothing touched are copied byte for byte.
struct OfficePackageCleaner {
    let options: DocumentFixOptions
    let depth: Int
    let prefix: String?

    struct Outcome {
        var bytes: [UInt8]
        var log = FixChangeLog()
        var needsPerson: [String] = []
        var notes: [String] = []
    }

    func clean(_ archive: ZipArchive, kind: ZipPackageKind, budget: ExpansionBudget) throws(ScanError) -> Outcome {
        var outcome = Outcome(bytes: [])
        let limits = options.limits
        let isODF: Bool
        var contentTypes = OOXMLContentTypes()
        switch kind {
        case .ooxml:
            isODF = false
            if let entry = archive.entry(named: "[Content_Types].xml") {
                contentTypes = OOXMLContentTypes.parse(try archive.contents(of: entry, limits: limits, budget: budget))
            }
        case .odf:
            isODF = true
            if let manifest = archive.entry(named: "META-INF/manifest.xml"),
               ODFReader.encryptedPaths(try archive.contents(of: manifest, limits: limits, budget: budget)).contains("content.xml") {
                throw ScanError(code: "encrypted", message: "password-protected OpenDocument file: its content cannot be cleaned")
            }
        default:
            throw ScanError(code: "unsupported-format", message: "not an office package")
        }

        var plans: [Int: OfficePartPlan] = [:]
        for entry in archive.entries where !entry.isDirectory {
            plans[entry.index] = isODF ? OfficePartPlan.odf(entry.name)
                : OfficePartPlan.ooxml(entry.name, role: OOXMLPartRole.of(entry.name, contentType: contentTypes.type(of: entry.name)))
        }

        // XML parts are read first, all of them: a worksheet's edits land in the shared strings.
        var parts: [Int: [UInt8]] = [:]
        for entry in archive.entries where !entry.isDirectory {
            guard let plan = plans[entry.index], plan != .keep, plan != .media, plan != .embeddedPackage else { continue }
            guard entry.uncompressedSize <= limits.maxXMLBytes else {
                outcome.needsPerson.append("\(label(entry.name)): XML part over \(limits.maxXMLBytes) bytes was not cleaned")
                continue
            }
            guard !entry.isEncrypted else {
                outcome.needsPerson.append("\(label(entry.name)): encrypted, not cleaned")
                continue
            }
            parts[entry.index] = try archive.contents(of: entry, limits: limits, budget: budget)
        }

        let neutral = options.redaction.neutralAuthor
        let redactor = MappedTextRedactor(options: options.redaction)
        var textEdits = RedactionEdits()
        var metadataEdits: [SourceEdit] = []

        var worksheetCells: [Int: [SpreadsheetCellRewriter.Cell]] = [:]
        let sharedStringsUnit = plans.first(where: { $0.value == .sharedStrings })?.key
        let strings = sharedStringsUnit.flatMap { parts[$0] }.map { OfficeTextMapper.sharedStrings($0, unit: sharedStringsUnit ?? 0) } ?? []

        for entry in archive.entries where !entry.isDirectory {
            guard let plan = plans[entry.index], let bytes = parts[entry.index] else { continue }
            let unit = entry.index
            let name = entry.name
            if Self.isUTF16(bytes) {
                outcome.needsPerson.append("\(label(name)): UTF-16 XML part was not cleaned")
                continue
            }
            switch plan {
            case .text(let kind):
                let mapped = OfficeTextMapper.map(bytes, unit: unit, rules: .rules(kind))
                if !mapped.wellFormed { outcome.notes.append("\(label(name)): malformed XML; cleaned up to the damage") }
                for text in mapped.texts { redactor.redact(text, part: name, encoding: .xml, into: &textEdits) }
                let authors = isODF
                    ? OfficeMetadataScrubber.neutralize(bytes, unit: unit, attributes: [:], elements: ["creator": neutral, "creator-initials": ""])
                    : OfficeMetadataScrubber.neutralize(bytes, unit: unit, attributes: ["author": neutral, "initials": Self.initials(neutral)],
                                                        elements: kind == .comments ? ["author": neutral] : [:])
                record(authors, .authorNeutralized, part: name, into: &outcome.log)
                metadataEdits += authors.edits
            case .worksheet:
                let sheet = OfficeTextMapper.worksheet(bytes, unit: unit, strings: strings)
                if !sheet.cells.isEmpty { worksheetCells[unit] = sheet.cells }
                redactor.redact(sheet.text, part: name, encoding: .xml, into: &textEdits)
            case .sharedStrings:
                // Every string on its own, including those no cell shows any more.
                var text = MappedText()
                for item in strings {
                    text.append(contentsOf: item)
                    text.lineBreak()
                }
                redactor.redact(text, part: name, encoding: .xml, into: &textEdits)
            case .relationships:
                for text in Self.externalTargets(bytes, unit: unit) { redactor.redact(text, part: name, encoding: .xml, into: &textEdits) }
            case .properties(let remove, let depth):
                let removed = OfficeMetadataScrubber.removeElements(bytes, unit: unit, names: remove, depth: depth)
                record(removed, .propertyRemoved, part: name, into: &outcome.log, category: .authorIdentity)
                metadataEdits += removed.edits
                let mapped = OfficeTextMapper.map(bytes, unit: unit, rules: .everything)
                for text in mapped.texts { redactor.redact(text, part: name, encoding: .xml, into: &textEdits) }
            case .people(let empty):
                let result = empty
                    ? OfficeMetadataScrubber.emptyRoot(bytes, unit: unit)
                    : OfficeMetadataScrubber.neutralize(bytes, unit: unit,
                                                        attributes: ["author": neutral, "displayName": neutral, "name": neutral,
                                                                     "initials": Self.initials(neutral), "userId": ""],
                                                        elements: [:])
                record(result, .peopleCleared, part: name, into: &outcome.log)
                metadataEdits += result.edits
            case .authorsOnly:
                let authors = OfficeMetadataScrubber.neutralize(bytes, unit: unit, attributes: ["author": neutral], elements: [:])
                record(authors, .authorNeutralized, part: name, into: &outcome.log)
                metadataEdits += authors.edits
            case .media, .embeddedPackage, .keep:
                break
            }
        }

        // New bytes for every part something edited.
        var changedParts: [Int: [UInt8]] = [:]
        var byUnit: [Int: [SourceEdit]] = [:]
        var cellChanges = SpreadsheetCellChanges()
        var refusedRanges: [String: [Range<Int>]] = [:]
        var names: [Int: String] = [:]
        for entry in archive.entries { names[entry.index] = entry.name }
        for unit in textEdits.units {
            let edits = textEdits.edits(unit: unit)
            guard let bytes = parts[unit], let name = names[unit] else {
                byUnit[unit, default: []] += edits
                continue
            }
            // Masks that land in number or formula cells become string cells.
            let rewritten: SpreadsheetCellRewriter.Outcome
            switch plans[unit] {
            case .worksheet?:
                rewritten = SpreadsheetCellRewriter.worksheet(bytes, cells: worksheetCells[unit] ?? [], edits: edits)
            case .text(.odf)?:
                rewritten = SpreadsheetCellRewriter.odf(bytes, edits: edits)
            default:
                byUnit[unit, default: []] += edits
                continue
            }
            byUnit[unit, default: []] += rewritten.edits
            cellChanges.add(rewritten, part: name, unit: unit)
            if !rewritten.refusedRanges.isEmpty { refusedRanges[name] = rewritten.refusedRanges }
        }
        // A number the cell rewriter had to leave is listed for a person, not as redacted.
        outcome.log.add(textEdits.redactions.filter { redaction in
            guard let part = redaction.part, let ranges = refusedRanges[part], let range = redaction.range else { return true }
            return !ranges.contains { $0.overlaps(range) }
        }, prefix: prefix)
        for edit in metadataEdits { byUnit[edit.unit, default: []].append(edit) }
        cellChanges.report(into: &outcome, label: label)
        if !isODF, !cellChanges.formulasDropped.isEmpty {
            cellChanges.dropCalcChainEntries(archive: archive, plans: plans, parts: parts, contentTypes: contentTypes,
                                             edits: &byUnit, outcome: &outcome, label: label)
        }
        for (unit, edits) in byUnit {
            guard let bytes = parts[unit] else { continue }
            changedParts[unit] = RedactionEdits.apply(SourceEditMerge.merge(edits), to: bytes)
        }

        // Copies of masked numbers that caches (charts, pivot tables, external links) still hold.
        let masked = CachedValueFinder.searchable(cellChanges.maskedValues)
        if !masked.isEmpty {
            for entry in archive.entries where !entry.isDirectory {
                guard let bytes = changedParts[entry.index] ?? parts[entry.index] else { continue }
                let copies = CachedValueFinder.count(masked, in: bytes)
                guard copies > 0 else { continue }
                if plans[entry.index] == .worksheet {
                    outcome.needsPerson.append("\(label(entry.name)): \(copies) more cell(s) hold a number masked elsewhere in the workbook; "
                                               + "check and mask them in the spreadsheet program")
                } else {
                    outcome.needsPerson.append("\(label(entry.name)): still holds \(copies) cached cop\(copies == 1 ? "y" : "ies") of a number "
                                               + "masked in a cell (a chart, pivot table or linked-file cache); "
                                               + "refresh or remove it in the spreadsheet program")
                }
            }
        }

        var log = outcome.log
        var needsPerson = outcome.needsPerson
        var notes = outcome.notes
        let media = options.mediaOptions
        outcome.bytes = try ZipRebuilder.rebuild(
            archive, limits: limits, budget: budget, archiveComment: "", memberComment: { _ in "" }
        ) { (entry, contents) throws(ScanError) -> [UInt8]? in
            if let changed = changedParts[entry.index] { return changed }
            switch plans[entry.index] ?? .keep {
            case .media:
                let lower = entry.name.lowercased()
                if !changedParts.isEmpty, lower.hasPrefix("thumbnails/") || lower.hasPrefix("docprops/thumbnail") {
                    // A picture of the first page as it was: its pixels still show what the text no longer does.
                    needsPerson.append("\(label(entry.name)): preview picture of the document as it was before cleaning; open and save the cleaned copy to refresh it")
                }
                return try EmbeddedCleaner.cleanMedia(try contents(), name: entry.name, prefix: prefix, options: media,
                                                      log: &log, needsPerson: &needsPerson, notes: &notes)
            case .embeddedPackage:
                do throws(ScanError) {
                    return try EmbeddedCleaner.cleanFile(try contents(), name: entry.name, prefix: prefix, options: options, depth: depth + 1,
                                                         budget: budget, log: &log, needsPerson: &needsPerson, notes: &notes)
                } catch {
                    needsPerson.append("\(label(entry.name)): embedded file not cleaned (\(error.message))")
                    return nil
                }
            case .keep:
                if !isODF, entry.name.lowercased().contains("/embeddings/") {
                    needsPerson.append("\(label(entry.name)): embedded object not cleaned (open it in its program to check)")
                }
                return nil
            default:
                return nil
            }
        }
        outcome.log = log
        outcome.needsPerson = needsPerson
        outcome.notes = notes
        return outcome
    }

    private func label(_ name: String) -> String { ContentScanner.chain(prefix, name) ?? name }

    private func record(_ result: OfficeMetadataScrubber.Result, _ kind: FixChange.Kind, part: String, into log: inout FixChangeLog,
                        category: Category = .authorIdentity) {
        for (detail, count) in result.changed.sorted(by: { $0.key < $1.key }) {
            log.add(kind, category, part: ContentScanner.chain(prefix, part), detail: detail, count: count)
        }
    }

    /// "Author" → "A": comment initials that match the neutral name.
    static func initials(_ name: String) -> String {
        name.split(separator: " ").compactMap(\.first).map(String.init).joined()
    }

    static func isUTF16(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    }

    /// Each external relationship's target as its own text (`mailto:…`, a map link, a file path).
    static func externalTargets(_ bytes: [UInt8], unit: Int) -> [MappedText] {
        var texts: [MappedText] = []
        _ = bytes.withUnsafeBufferPointer { b in
            XMLSourceScanner.scan(b) { token in
                guard case .start(let name, let attributes, _, _) = token, XMLSourceScanner.localName(b, name) == "Relationship" else { return }
                var target: Range<Int>?
                var external = false
                for a in attributes {
                    switch XMLSourceScanner.localName(b, a.name) {
                    case "Target": target = a.value
                    case "TargetMode": external = XMLSourceScanner.string(b, a.value).lowercased() == "external"
                    default: break
                    }
                }
                guard external, let target, texts.count < 100_000 else { return }
                var list: [SourceCharacter] = []
                XMLSourceScanner.characters(b, target, unit: unit, into: &list)
                var text = MappedText()
                text.append(contentsOf: list)
                texts.append(text)
            }
        }
        return texts
    }
}
