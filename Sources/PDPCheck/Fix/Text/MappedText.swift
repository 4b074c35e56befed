/// Text assembled for the detectors from characters whose source bytes are known, plus the
/// separators a reader puts between paragraphs and cells (which no source byte writes).
struct MappedText {
    private(set) var utf8: [UInt8] = []
    /// For every UTF-8 byte, the index of its character.
    private var owner: [Int] = []
    private(set) var characters: [SourceCharacter] = []

    var count: Int { utf8.count }

    mutating func append(_ character: SourceCharacter) {
        let index = characters.count
        characters.append(character)
        UTF8.encode(character.scalar) { utf8.append($0); owner.append(index) }
    }

    mutating func append(contentsOf list: [SourceCharacter]) {
        for c in list { append(c) }
    }

    /// A character no source byte writes.
    mutating func separator(_ scalar: Unicode.Scalar) {
        append(SourceCharacter(scalar, range: nil))
    }

    /// One line break; never two in a row, none at the start.
    mutating func lineBreak() {
        if let last = utf8.last, last != 0x0A { separator("\n") }
    }

    mutating func space() {
        if let last = utf8.last, last != 0x20, last != 0x0A, last != 0x09 { separator(" ") }
    }

    /// The characters the text bytes `start..<end` came from.
    func characters(_ start: Int, _ end: Int) -> [SourceCharacter] {
        guard start >= 0, start < end, end <= owner.count else { return [] }
        return Array(characters[owner[start]...owner[end - 1]])
    }
}

/// Finds personal data in mapped text the way a scan reports it (the policy's confidence and
/// severity floors, its allowlist) and redacts it per the policy's actions.
struct MappedTextRedactor {
    let options: RedactionOptions
    let engine: TextDetectionEngine
    let builder: FindingBuilder

    init(options: RedactionOptions, engine: TextDetectionEngine = .standard) {
        self.options = options
        self.engine = engine
        builder = FindingBuilder(policy: options.policy, language: options.language, showValues: true)
    }

    /// - Returns: how many findings were redacted.
    @discardableResult
    func redact(_ text: MappedText, part: String?, encoding: ReplacementEncoding, into edits: inout RedactionEdits) -> Int {
        guard OfficeTextCheck.hasSignal(text.utf8) else { return 0 }
        let matches = engine.detect(in: text.utf8)
        guard !matches.isEmpty else { return 0 }
        var count = 0
        for finding in builder.findings(for: matches, in: TextPart(part: part, utf8: text.utf8)) where finding.trace?.allowlisted != true {
            let action = options.action(for: finding.category)
            guard action != .leave, finding.fix.automatic, let start = finding.location.start, let end = finding.location.end else { continue }
            let characters = text.characters(start, end)
            if edits.add(characters, category: finding.category, action: action, part: part, language: options.language,
                         encoding: { _ in encoding }) {
                count += 1
            }
        }
        return count
    }
}

enum OfficeTextCheck {
    /// Text without a letter or digit holds no personal data: skip the detectors.
    static func hasSignal(_ bytes: [UInt8]) -> Bool {
        bytes.contains { $0 >= 0x80 || UTF8Classes.isASCIIAlnum($0) }
    }
}
