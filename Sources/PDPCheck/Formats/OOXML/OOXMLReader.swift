/// Reads an Office Open XML package (DOCX/DOCM/DOTX, XLSX/XLSM, PPTX/PPTM/POTX) part by part:
/// story and slide text, comments, tracked changes and hidden text, shared strings and cells,
/// speaker notes, document properties, external link targets, and hands every embedded file
/// (media, embedded packages and OLE objects, the thumbnail) to the handler.
/// Text parts and fields are named by member path.
enum OOXMLReader {
    static func read(_ archive: ZipArchive, kind: OOXMLDocumentKind, limits: ArchiveLimits, budget: ExpansionBudget,
                     handler: inout some EmbeddedFileHandler) -> DocumentContent {
        var session = OfficePackageSession(archive: archive, limits: limits, budget: budget)
        let contentTypes = session.xml(named: "[Content_Types].xml", handler: &handler).map(OOXMLContentTypes.parse)
            ?? OOXMLContentTypes()
        let parts = archive.entries.filter { !$0.isDirectory }.map { entry in
            (entry: entry, role: OOXMLPartRole.of(entry.name, contentType: contentTypes.type(of: entry.name)))
        }

        // Parts others refer to come first: people (comment authors), shared strings, the
        // workbook with its sheet names and states.
        var people: [String: String] = [:]
        for part in parts where part.role == .people {
            guard let bytes = session.xml(part.entry, handler: &handler) else { continue }
            let found = OfficePeople.parse(bytes)
            people.merge(found.byId) { first, _ in first }
            if !found.names.isEmpty {
                session.content.fields.append(MetadataField(group: "XML", name: "Person", value: .list(found.names), container: part.entry.name))
            }
            if !found.userIds.isEmpty {
                session.content.fields.append(MetadataField(group: "XML", name: "PersonUserID", value: .list(found.userIds), container: part.entry.name))
            }
        }
        var strings = SharedStringTable()
        var stringsPart: String?
        for part in parts where part.role == .sharedStrings {
            guard let bytes = session.xml(part.entry, handler: &handler) else { continue }
            strings = SharedStringTable.parse(bytes, limits: session.xmlLimits, notes: &session.content.notes, part: part.entry.name)
            stringsPart = part.entry.name
            break
        }
        let sheetStates = workbookSheets(parts, &session, &handler)

        for part in parts {
            let entry = part.entry
            switch part.role {
            case .wordStory:
                guard let bytes = session.xml(entry, handler: &handler) else { continue }
                WordPartExtractor.extract(bytes, part: entry.name, limits: session.xmlLimits, into: &session.content)
            case .wordComments, .spreadsheetComments, .presentationComments:
                guard let bytes = session.xml(entry, handler: &handler) else { continue }
                CommentPartExtractor.extract(bytes, part: entry.name, people: people, limits: session.xmlLimits, into: &session.content)
            case .worksheet:
                guard let bytes = session.xml(entry, handler: &handler) else { continue }
                readWorksheet(bytes, entry.name, state: sheetStates[entry.name.lowercased()], &strings, &session)
            case .slide, .notesSlide:
                guard let bytes = session.xml(entry, handler: &handler) else { continue }
                readSlide(bytes, entry.name, isNotes: part.role == .notesSlide, &session)
            case .coreProperties, .appProperties, .customProperties:
                guard let bytes = session.xml(entry, handler: &handler) else { continue }
                let flavor: DocumentPropertiesExtractor.Flavor = part.role == .coreProperties ? .core : part.role == .appProperties ? .app : .custom
                DocumentPropertiesExtractor.extract(bytes, flavor: flavor, part: entry.name, into: &session.content)
            case .relationships:
                guard let bytes = session.xml(entry, handler: &handler) else { continue }
                readExternalTargets(bytes, entry.name, &session)
            case .customXML:
                guard let bytes = session.xml(entry, handler: &handler) else { continue }
                readCustomXML(bytes, entry.name, &session)
            case .media, .thumbnail:
                session.embed(entry, handler: &handler)
            case .embedding:
                session.content.hidden.append(HiddenItem(kind: .attachment, part: entry.name,
                                                         detail: "embedded object (\(entry.uncompressedSize) bytes)"))
                session.embed(entry, handler: &handler)
            case .ignored:
                // An OPC package we have no part reader for (Visio, 3MF, XPS): every non-XML file is scanned.
                let lower = entry.name.lowercased()
                if kind.family == .other, !lower.hasSuffix(".xml"), !lower.hasSuffix(".rels") {
                    session.embed(entry, handler: &handler)
                }
            case .workbook, .sharedStrings, .people:
                continue
            }
        }
        // Strings no cell uses any more still ship with the file (deleted cells, old values).
        if let stringsPart {
            var leftovers = PartTextBuilder()
            for index in 0..<strings.count where !strings.referenced[index] {
                if let s = strings.string(at: index) {
                    leftovers.utf8.append(contentsOf: s)
                    leftovers.lineBreak()
                }
            }
            if let text = leftovers.textPart(stringsPart) { session.content.textParts.append(text) }
        }
        return session.content
    }

    /// Sheet names become text (people name sheets after people); hidden sheets are recorded by
    /// the worksheet part they point to.
    private static func workbookSheets(_ parts: [(entry: ZipEntry, role: OOXMLPartRole)], _ session: inout OfficePackageSession,
                                       _ handler: inout some EmbeddedFileHandler) -> [String: (name: String, state: String)] {
        var states: [String: (name: String, state: String)] = [:]
        for part in parts where part.role == .workbook {
            guard let bytes = session.xml(part.entry, handler: &handler) else { continue }
            var extractor = WorkbookExtractor()
            let warnings = XMLStreamReader.parse(bytes, limits: session.xmlLimits, handler: &extractor)
            session.content.notes += warnings.map { "\(part.entry.name): \($0)" }
            var names = PartTextBuilder()
            for sheet in extractor.sheets {
                names.append(sheet.name)
                names.lineBreak()
            }
            if let text = names.textPart(part.entry.name) { session.content.textParts.append(text) }
            let relsName = OOXMLRelationships.relsPath(for: part.entry.name)
            guard let rels = session.xml(named: relsName, handler: &handler) else { continue }
            let targets = OOXMLRelationships.parse(rels, sourcePart: part.entry.name)
            for sheet in extractor.sheets {
                guard let target = targets.first(where: { $0.id == sheet.relationshipId && !$0.isExternal }) else { continue }
                states[target.target.lowercased()] = (sheet.name, sheet.state)
            }
        }
        return states
    }

    private static func readWorksheet(_ bytes: [UInt8], _ name: String, state: (name: String, state: String)?,
                                      _ strings: inout SharedStringTable, _ session: inout OfficePackageSession) {
        var extractor = WorksheetExtractor(strings: strings)
        strings = SharedStringTable()  // the extractor owns the table while it runs (no copy)
        let warnings = XMLStreamReader.parse(bytes, limits: session.xmlLimits, handler: &extractor)
        strings = extractor.strings
        session.content.notes += warnings.map { "\(name): \($0)" }
        let text = extractor.text.textPart(name)
        if let text { session.content.textParts.append(text) }
        if let state, state.state.lowercased() != "visible" {
            let how = state.state.lowercased() == "veryhidden" ? "very hidden sheet" : "hidden sheet"
            session.content.hidden.append(HiddenItem(kind: .hiddenText, part: name, detail: "\(how) “\(state.name)”"))
        }
        if extractor.hiddenRows > 0 {
            session.content.hidden.append(HiddenItem(kind: .hiddenText, part: name, detail: "\(extractor.hiddenRows) hidden row(s) with values"))
        }
        if extractor.hiddenColumns > 0 {
            session.content.hidden.append(HiddenItem(kind: .hiddenText, part: name, detail: "\(extractor.hiddenColumns) hidden column range(s)"))
        }
    }

    private static func readSlide(_ bytes: [UInt8], _ name: String, isNotes: Bool, _ session: inout OfficePackageSession) {
        let (text, hiddenSlide) = PresentationPartExtractor.extract(bytes, part: name, limits: session.xmlLimits,
                                                                    notes: &session.content.notes)
        guard let part = text.textPart(name) else { return }
        session.content.textParts.append(part)
        if isNotes, OfficeXML.hasWords(part.utf8) {
            session.content.hidden.append(HiddenItem(kind: .speakerNotes, part: name,
                                                     detail: "speaker notes (\(OfficeXML.characterCount(part.utf8[...])) characters)"))
        }
        if hiddenSlide {
            session.content.hidden.append(HiddenItem(kind: .hiddenText, part: name, detail: "hidden slide"))
        }
    }

    /// External relationship targets: `mailto:`/`tel:` links, web links (map links carry
    /// coordinates), and file paths of linked templates or objects (`C:\Users\<name>\…`).
    private static func readExternalTargets(_ bytes: [UInt8], _ name: String, _ session: inout OfficePackageSession) {
        let source = OOXMLRelationships.sourcePart(ofRels: name) ?? ""
        var text = PartTextBuilder()
        for relationship in OOXMLRelationships.parse(bytes, sourcePart: source) where relationship.isExternal {
            text.append(relationship.target)
            text.lineBreak()
        }
        if let part = text.textPart(name) { session.content.textParts.append(part) }
    }

    /// Custom XML data parts (SharePoint and form data) as plain text, one value per line.
    private static func readCustomXML(_ bytes: [UInt8], _ name: String, _ session: inout OfficePackageSession) {
        var extractor = AllTextExtractor()
        let warnings = XMLStreamReader.parse(bytes, limits: session.xmlLimits, handler: &extractor)
        session.content.notes += warnings.map { "\(name): \($0)" }
        if let part = extractor.text.textPart(name) { session.content.textParts.append(part) }
    }
}

/// Every piece of character data, one element's text per line.
struct AllTextExtractor: XMLStreamHandler {
    var text = PartTextBuilder()
    mutating func startElement(_ name: XMLQName, attributes: XMLAttributes) { text.lineBreak() }
    mutating func endElement(_ name: XMLQName) { text.lineBreak() }
    mutating func characters(_ chars: XMLCharacters) {
        let start = text.count
        text.append(chars)
        if !OfficeXML.hasVisibleText(Array(text.utf8[start...])) { text.utf8.removeSubrange(start...) }
    }
}
