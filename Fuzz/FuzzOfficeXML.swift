// libFuzzer entry point: the streaming XML reader and every office part extractor (Word story
// and comments, worksheets and shared strings, slides, document properties, ODF content and
// meta) on arbitrary bytes, as if they were a part of a document. Built by Fuzz/run.sh together
// with the library sources. Seeds: the XML parts of Corpus/documents/office/*.

/// Extracted text may grow past its source only by bounded factors: a character reference
/// (`&#x10FFFF;`, 10 bytes → 4), `<text:s text:c="64"/>` (19 bytes → 64 spaces), separators.
func fuzzCheckGrowth(_ content: DocumentContent, input: Int, _ what: String) {
    for part in content.textParts {
        guard String(validating: part.utf8, as: UTF8.self) != nil else { fatalError("\(what): text is not UTF-8") }
        guard part.utf8.count <= 4 * input + 64 else { fatalError("\(what): \(part.utf8.count) bytes of text from \(input)") }
    }
}

struct FuzzCountingXMLHandler: XMLStreamHandler {
    var depth = 0
    var maxDepth = 0
    mutating func startElement(_ name: XMLQName, attributes: XMLAttributes) {
        depth += 1
        maxDepth = max(maxDepth, depth)
    }
    mutating func endElement(_ name: XMLQName) { depth -= 1 }
    mutating func characters(_ text: XMLCharacters) { _ = text.string }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func pdpcheckFuzzOfficeXMLOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limits = XMLStreamReader.Limits(maxBytes: 1 << 20, maxDepth: 64, maxAttributes: 64, maxNamespaceDeclarations: 128)

    var counter = FuzzCountingXMLHandler()
    XMLStreamReader.parse(bytes, limits: limits, handler: &counter)
    guard counter.depth == 0, counter.maxDepth <= limits.maxDepth else {
        fatalError("unbalanced events (depth \(counter.depth)) or depth \(counter.maxDepth) over the limit")
    }

    var content = DocumentContent()
    WordPartExtractor.extract(bytes, part: "word/document.xml", limits: limits, into: &content)
    fuzzCheckGrowth(content, input: bytes.count, "word")

    content = DocumentContent()
    CommentPartExtractor.extract(bytes, part: "word/comments.xml", people: ["0": "A"], limits: limits, into: &content)
    fuzzCheckGrowth(content, input: bytes.count, "comments")

    var notes: [String] = []
    var strings = SharedStringTable.parse(bytes, limits: limits, notes: &notes, part: "xl/sharedStrings.xml")
    strings.append(Array("x".utf8))
    var sheet = WorksheetExtractor(strings: strings)
    XMLStreamReader.parse(bytes, limits: limits, handler: &sheet)
    guard sheet.strings.referenced.count == sheet.strings.count else { fatalError("shared-string flags out of step") }

    _ = PresentationPartExtractor.extract(bytes, part: "ppt/slides/slide1.xml", limits: limits, notes: &notes)

    content = DocumentContent()
    ODFContentExtractor.extract(bytes, part: "content.xml", headerFooterOnly: false, limits: limits, into: &content)
    fuzzCheckGrowth(content, input: bytes.count, "odf")

    content = DocumentContent()
    for flavor in [DocumentPropertiesExtractor.Flavor.core, .app, .custom, .odfMeta] {
        DocumentPropertiesExtractor.extract(bytes, flavor: flavor, part: "docProps/core.xml", into: &content)
    }
    guard content.fields.count <= 4 * DocumentPropertiesExtractor.maxFields else { fatalError("field cap not applied") }

    _ = OOXMLContentTypes.parse(bytes)
    _ = OOXMLRelationships.parse(bytes, sourcePart: "word/document.xml")
    _ = OfficePeople.parse(bytes)
    _ = ODFReader.encryptedPaths(bytes)
    return 0
}
