/// `xl/calcChain.xml` lists every formula cell of a workbook in the order Excel last computed
/// them; an entry for a cell that no longer has a formula makes Excel "repair" the file. When a
/// masked cell loses its formula its entry is taken out. Entries name their sheet by `i`
/// (the sheet's `sheetId`), which later entries inherit when they leave it out, so the entry
/// after a removed one gets the `i` it had been inheriting.
enum CalcChainEditor {
    /// Worksheet part name → its `sheetId`, from the workbook and its relationships.
    static func sheetIDs(workbook: [UInt8], relationships: [UInt8], workbookName: String) -> [String: String] {
        var targets: [String: String] = [:]
        _ = relationships.withUnsafeBufferPointer { b in
            XMLSourceScanner.scan(b) { token in
                guard case .start(let name, let attributes, _, _) = token, XMLSourceScanner.localName(b, name) == "Relationship",
                      targets.count < 100_000 else { return }
                var id: String?
                var target: String?
                var external = false
                for a in attributes {
                    switch XMLSourceScanner.localName(b, a.name) {
                    case "Id": id = XMLSourceScanner.string(b, a.value)
                    case "Target": target = XMLSourceScanner.string(b, a.value)
                    case "TargetMode": external = XMLSourceScanner.string(b, a.value).lowercased() == "external"
                    default: break
                    }
                }
                if let id, let target, !external { targets[id] = resolve(target, from: workbookName) }
            }
        }
        var ids: [String: String] = [:]
        _ = workbook.withUnsafeBufferPointer { b in
            XMLSourceScanner.scan(b) { token in
                guard case .start(let name, let attributes, _, _) = token, XMLSourceScanner.localName(b, name) == "sheet",
                      ids.count < 100_000 else { return }
                var sheetID: String?
                var relationship: String?
                for a in attributes {
                    let attribute = XMLSourceScanner.localName(b, a.name)
                    // `sheetId` has no prefix; the relationship id is `r:id`.
                    if attribute == "sheetId" { sheetID = XMLSourceScanner.string(b, a.value) }
                    if attribute == "id", b[a.name].contains(0x3A) { relationship = XMLSourceScanner.string(b, a.value) }
                }
                if let sheetID, let relationship, let part = targets[relationship] { ids[part] = sheetID }
            }
        }
        return ids
    }

    /// A relationship target as a part name: relative to the source part's folder, or absolute.
    static func resolve(_ target: String, from source: String) -> String {
        var segments: [Substring]
        if target.hasPrefix("/") {
            segments = []
        } else {
            segments = source.split(separator: "/", omittingEmptySubsequences: true)
            if !segments.isEmpty { segments.removeLast() }
        }
        for piece in target.split(separator: "/", omittingEmptySubsequences: true) {
            if piece == "." { continue }
            if piece == ".." {
                if !segments.isEmpty { segments.removeLast() }
                continue
            }
            segments.append(piece)
        }
        return segments.joined(separator: "/")
    }

    /// Edits that take out the entries of `cells` ("sheetId!B2"): none when none is listed; nil
    /// when every entry would go (the chain must keep one: then it is left for Excel to rebuild).
    static func removing(_ cells: Set<String>, from bytes: [UInt8], unit: Int) -> [SourceEdit]? {
        guard !cells.isEmpty else { return [] }
        var edits: [SourceEdit] = []
        var kept = 0
        var current: String?
        var lastKept: String?
        let ok = bytes.withUnsafeBufferPointer { b in
            XMLSourceScanner.scan(b) { token in
                guard case .start(let name, let attributes, _, let range) = token, XMLSourceScanner.localName(b, name) == "c" else { return }
                var reference: String?
                var explicit: String?
                for a in attributes {
                    switch XMLSourceScanner.localName(b, a.name) {
                    case "r": reference = XMLSourceScanner.string(b, a.value)
                    case "i": explicit = XMLSourceScanner.string(b, a.value)
                    default: break
                    }
                }
                if let explicit { current = explicit }
                let sheet = current ?? "0"
                if let reference, cells.contains(sheet + "!" + reference) {
                    edits.append(SourceEdit(unit: unit, range: range, replacement: []))
                    return
                }
                kept += 1
                if explicit == nil, lastKept != sheet {
                    edits.append(SourceEdit(unit: unit, range: name.upperBound..<name.upperBound, replacement: Array(" i=\"\(sheet)\"".utf8)))
                }
                lastKept = sheet
            }
        }
        guard edits.contains(where: { $0.replacement.isEmpty }) else { return [] }
        guard ok, kept > 0 else { return nil }
        return edits
    }
}
