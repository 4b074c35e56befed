/// Text of a PresentationML slide or notes slide: DrawingML `a:t` runs and fields, paragraphs
/// and `a:br` as line breaks, table cells separated by tabs, picture alt text (`p:cNvPr descr`).
/// A slide with `show="0"` is hidden. `mc:Fallback` is skipped: it repeats `mc:Choice`.
struct PresentationPartExtractor: XMLStreamHandler {
    static let drawingML: Set<String> = [
        "http://schemas.openxmlformats.org/drawingml/2006/main",
        "http://purl.oclc.org/ooxml/drawingml/main",
    ]

    var text = PartTextBuilder()
    var isHiddenSlide = false
    private var textDepth = 0
    private var fallbackDepth = 0
    private var depth = 0
    private var altTexts: [String] = []

    mutating func startElement(_ name: XMLQName, attributes: XMLAttributes) {
        if fallbackDepth > 0 { fallbackDepth += 1; return }
        if name.local == "Fallback" && name.namespace == OfficeXML.markupCompatibility { fallbackDepth = 1; return }
        depth += 1
        if depth == 1, name.local == "sld", attributes.value("show").map({ !OfficeXML.isOn($0) }) == true {
            isHiddenSlide = true
        }
        if name.local == "cNvPr" {
            for key in ["descr", "title"] { if let v = attributes.value(key), !v.isEmpty, altTexts.count < 10_000 { altTexts.append(v) } }
        }
        guard PresentationPartExtractor.drawingML.contains(name.namespace) else { return }
        switch name.local {
        case "t": textDepth += 1
        case "br": text.lineBreak()
        default: break
        }
    }

    mutating func endElement(_ name: XMLQName) {
        if fallbackDepth > 0 { fallbackDepth -= 1; return }
        depth -= 1
        guard PresentationPartExtractor.drawingML.contains(name.namespace) else { return }
        switch name.local {
        case "t": textDepth = max(0, textDepth - 1)
        case "p": text.lineBreak()
        case "tc": text.tab()
        case "tr": text.lineBreak()
        default: break
        }
    }

    mutating func characters(_ chars: XMLCharacters) {
        if fallbackDepth == 0, textDepth > 0 { text.append(chars) }
    }

    /// Text and whether the slide is hidden.
    static func extract(_ bytes: [UInt8], part: String, limits: XMLStreamReader.Limits,
                        notes: inout [String]) -> (text: PartTextBuilder, hiddenSlide: Bool) {
        var extractor = PresentationPartExtractor()
        let warnings = XMLStreamReader.parse(bytes, limits: limits, handler: &extractor)
        notes += warnings.map { "\(part): \($0)" }
        if !extractor.altTexts.isEmpty {
            extractor.text.lineBreak()
            for alt in extractor.altTexts {
                extractor.text.append(alt)
                extractor.text.lineBreak()
            }
        }
        return (extractor.text, extractor.isHiddenSlide)
    }
}
