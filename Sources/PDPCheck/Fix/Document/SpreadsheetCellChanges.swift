/// What rewriting number and formula cells did across a package's sheets, for the fix report,
/// the calculation chain and the search for cached copies.
struct SpreadsheetCellChanges {
    struct Part {
        var name: String
        var unit: Int
        var rewritten = 0
        var formulasDropped: [String] = []
        var refused: [(cell: String, reason: String)] = []
    }

    private(set) var parts: [Part] = []
    private(set) var maskedValues: [[UInt8]] = []

    /// Worksheet part → the cells whose formula was dropped.
    var formulasDropped: [String: [String]] {
        var out: [String: [String]] = [:]
        for part in parts where !part.formulasDropped.isEmpty { out[part.name, default: []] += part.formulasDropped }
        return out
    }

    mutating func add(_ outcome: SpreadsheetCellRewriter.Outcome, part: String, unit: Int) {
        guard !outcome.rewritten.isEmpty || !outcome.refused.isEmpty else { return }
        parts.append(Part(name: part, unit: unit, rewritten: outcome.rewritten.count, formulasDropped: outcome.formulasDropped,
                          refused: outcome.refused))
        if maskedValues.count < 100_000 { maskedValues += outcome.maskedValues }
    }

    /// Notes for cells now holding text and formulas gone; a person for cells left alone.
    func report(into outcome: inout OfficePackageCleaner.Outcome, label: (String) -> String) {
        for part in parts {
            if part.rewritten > 0 {
                outcome.notes.append("\(label(part.name)): \(part.rewritten) number cell(s) now hold the masked text as a string")
            }
            if !part.formulasDropped.isEmpty {
                let cells = Self.list(part.formulasDropped)
                outcome.notes.append("\(label(part.name)): formula removed from \(cells) (it would compute the number again); "
                                     + "the cell keeps the masked text")
            }
            for refused in part.refused.prefix(20) {
                let cell = refused.cell == SpreadsheetCellRewriter.odfCellName ? refused.cell : "cell " + refused.cell
                outcome.needsPerson.append("\(label(part.name)): \(cell) holds a number to mask but was left as it is "
                                           + "(\(refused.reason)); edit it in the spreadsheet program")
            }
            if part.refused.count > 20 {
                outcome.needsPerson.append("\(label(part.name)): \(part.refused.count - 20) more number cells left as they are")
            }
        }
    }

    /// Takes the dropped formulas out of `xl/calcChain.xml`.
    func dropCalcChainEntries(archive: ZipArchive, plans: [Int: OfficePartPlan], parts bytes: [Int: [UInt8]],
                              contentTypes: OOXMLContentTypes, edits: inout [Int: [SourceEdit]],
                              outcome: inout OfficePackageCleaner.Outcome, label: (String) -> String) {
        let entries = archive.entries.filter { !$0.isDirectory }
        guard let chain = entries.first(where: { $0.name.lowercased().hasSuffix("calcchain.xml") }),
              let chainBytes = bytes[chain.index] else { return }
        guard let workbook = entries.first(where: { OOXMLPartRole.of($0.name, contentType: contentTypes.type(of: $0.name)) == .workbook }),
              let workbookBytes = bytes[workbook.index] else { return }
        let relationshipsName = CalcChainEditor.resolve("_rels/" + (workbook.name.split(separator: "/").last.map(String.init) ?? "") + ".rels",
                                                        from: workbook.name)
        guard let relationships = entries.first(where: { $0.name == relationshipsName }), let relationshipBytes = bytes[relationships.index] else { return }
        let ids = CalcChainEditor.sheetIDs(workbook: workbookBytes, relationships: relationshipBytes, workbookName: workbook.name)
        var cells = Set<String>()
        for (part, references) in formulasDropped {
            guard let id = ids[part] else { continue }
            for reference in references { cells.insert(id + "!" + reference) }
        }
        if let removal = CalcChainEditor.removing(cells, from: chainBytes, unit: chain.index) {
            edits[chain.index, default: []] += removal
        } else {
            outcome.notes.append("\(label(chain.name)): still lists the removed formulas; Excel rebuilds it when the file is opened")
        }
    }

    /// "B2, B3 and 4 more".
    static func list(_ cells: [String]) -> String {
        // ODF cells have no reference to name them by.
        if cells.allSatisfy({ $0 == SpreadsheetCellRewriter.odfCellName }) { return "\(cells.count) table cell(s)" }
        let shown = cells.prefix(8).joined(separator: ", ")
        return cells.count > 8 ? "\(shown) and \(cells.count - 8) more" : shown
    }
}
