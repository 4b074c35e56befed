/// Comments in any of the Office comment parts: Word `w:comment` (author in `w:author`),
/// Excel legacy comments (`authorId` indexes the part's own `authors` list), Excel threaded
/// comments (`personId` → persons part), PowerPoint legacy `p:cm` (`authorId` → commentAuthors)
/// and modern `p188:cm`/`p188:reply` (`authorId` → authors part). Every comment's text goes into
/// the part's text; every comment is a hidden item with its author.
struct CommentPartExtractor: XMLStreamHandler {
    /// Author ids to display names, from the persons / comment-authors parts.
    let people: [String: String]
    var text = PartTextBuilder()
    var items: [(person: String?, characters: Int)] = []
    private var inlineAuthors: [String] = []
    private var authorBuffer: [UInt8]?
    private var open: [(person: String?, start: Int)] = []
    private var textDepth = 0
    private var fallbackDepth = 0

    init(people: [String: String]) {
        self.people = people
    }

    static let commentElements: Set<String> = ["comment", "cm", "threadedComment", "reply"]
    static let textElements: Set<String> = ["t", "text", "delText"]

    mutating func startElement(_ name: XMLQName, attributes: XMLAttributes) {
        if fallbackDepth > 0 { fallbackDepth += 1; return }
        if name.local == "Fallback" && name.namespace == OfficeXML.markupCompatibility { fallbackDepth = 1; return }
        if CommentPartExtractor.commentElements.contains(name.local) {
            open.append((person(attributes), text.count))
        } else if name.local == "author" && attributes.isEmpty {
            authorBuffer = []
        } else if CommentPartExtractor.textElements.contains(name.local) {
            textDepth += 1
        } else if name.local == "tab", textDepth == 0 {
            text.tab()
        }
    }

    mutating func endElement(_ name: XMLQName) {
        if fallbackDepth > 0 { fallbackDepth -= 1; return }
        if CommentPartExtractor.commentElements.contains(name.local) {
            guard let comment = open.popLast() else { return }
            let characters = OfficeXML.characterCount(text.utf8[min(comment.start, text.count)...])
            if items.count < 100_000 { items.append((comment.person, characters)) }
            text.lineBreak()
        } else if name.local == "author", let buffer = authorBuffer {
            inlineAuthors.append(MetadataText.trimmed(String(decoding: buffer, as: UTF8.self)))
            authorBuffer = nil
        } else if CommentPartExtractor.textElements.contains(name.local) {
            textDepth = max(0, textDepth - 1)
        } else if name.local == "p" || name.local == "br" {
            text.lineBreak()
        }
    }

    mutating func characters(_ chars: XMLCharacters) {
        guard fallbackDepth == 0 else { return }
        if var buffer = authorBuffer {
            chars.append(to: &buffer)
            authorBuffer = buffer
        } else if textDepth > 0 {
            text.append(chars)
        }
    }

    private func person(_ attributes: XMLAttributes) -> String? {
        if let author = attributes.value("author") { return OfficePeople.displayName(author) }
        for key in ["authorId", "personId"] {
            guard let id = attributes.value(key) else { continue }
            if let name = people[id] ?? people[id.lowercased()] { return OfficePeople.displayName(name) }
            if let index = Int(id), index >= 0, index < inlineAuthors.count { return OfficePeople.displayName(inlineAuthors[index]) }
        }
        return nil
    }

    static func extract(_ bytes: [UInt8], part: String, people: [String: String], limits: XMLStreamReader.Limits,
                        into content: inout DocumentContent) {
        var extractor = CommentPartExtractor(people: people)
        let warnings = XMLStreamReader.parse(bytes, limits: limits, handler: &extractor)
        content.notes += warnings.map { "\(part): \($0)" }
        if let textPart = extractor.text.textPart(part) { content.textParts.append(textPart) }
        for item in extractor.items {
            content.hidden.append(HiddenItem(kind: .comment, part: part, detail: "comment (\(item.characters) characters)",
                                             person: item.person))
        }
    }
}

/// People parts: Word `w15:person` (`w15:author`, with a `w15:presenceInfo` user id that is
/// often an e-mail address), Excel `person` (`displayName`, `userId`), PowerPoint `p:cmAuthor`
/// and `p188:author` (`name`). They name everyone who commented, including on comments since
/// deleted.
struct OfficePeople: XMLStreamHandler {
    var names: [String] = []
    var userIds: [String] = []
    var byId: [String: String] = [:]

    mutating func startElement(_ name: XMLQName, attributes: XMLAttributes) {
        guard names.count < 100_000 else { return }
        switch name.local {
        case "person", "cmAuthor", "author":
            guard let display = attributes.value("author") ?? attributes.value("displayName") ?? attributes.value("name") else { return }
            let clean = MetadataText.trimmed(display)
            guard !clean.isEmpty else { return }
            if !names.contains(clean) { names.append(clean) }
            if let id = attributes.value("id") { byId[id] = clean; byId[id.lowercased()] = clean }
            if let user = attributes.value("userId"), !user.isEmpty, !userIds.contains(user) { userIds.append(user) }
        case "presenceInfo":
            if let user = attributes.value("userId"), !user.isEmpty, !userIds.contains(user) { userIds.append(user) }
        default:
            break
        }
    }

    mutating func endElement(_ name: XMLQName) {}
    mutating func characters(_ text: XMLCharacters) {}

    static func parse(_ bytes: [UInt8]) -> OfficePeople {
        var people = OfficePeople()
        XMLStreamReader.parse(bytes, limits: OfficeXML.smallPartLimits, handler: &people)
        return people
    }

    /// Excel writes a placeholder author ("tc={GUID}") on the legacy copy of a threaded comment.
    static func displayName(_ raw: String) -> String? {
        let s = MetadataText.trimmed(raw)
        if s.isEmpty || s.hasPrefix("tc={") { return nil }
        return s
    }
}
