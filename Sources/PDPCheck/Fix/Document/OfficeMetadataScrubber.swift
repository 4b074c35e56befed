/// Edits that take people out of office XML parts without disturbing anything else:
/// property elements naming a person removed whole, author attributes and author elements
/// given a neutral name, a people list emptied. Every edit is a byte range of the part.
enum OfficeMetadataScrubber {
    struct Result {
        var edits: [SourceEdit] = []
        /// What was changed, by element or attribute name ("dc:creator", "w:author").
        var changed: [String: Int] = [:]
    }

    /// Removes the elements named `names` (local names) that are children of the element at
    /// `depth - 1` (properties are the root's children; ODF's are one level deeper).
    static func removeElements(_ bytes: [UInt8], unit: Int, names: Set<String>, depth: Int) -> Result {
        var result = Result()
        var level = 0
        var open: (start: Int, name: String, qualified: String)?
        _ = bytes.withUnsafeBufferPointer { b in
            XMLSourceScanner.scan(b) { token in
                switch token {
                case .start(let nameRange, _, let selfClosing, let range):
                    level += 1
                    let name = XMLSourceScanner.localName(b, nameRange)
                    if open == nil, level == depth, names.contains(name) {
                        let qualified = XMLSourceScanner.string(b, nameRange)
                        if selfClosing {
                            result.edits.append(SourceEdit(unit: unit, range: range, replacement: []))
                            result.changed[qualified, default: 0] += 1
                        } else {
                            open = (range.lowerBound, name, qualified)
                        }
                    }
                    if selfClosing { level -= 1 }
                case .end(_, let range):
                    if let element = open, level == depth {
                        result.edits.append(SourceEdit(unit: unit, range: element.start..<range.upperBound, replacement: []))
                        result.changed[element.qualified, default: 0] += 1
                        open = nil
                    }
                    level -= 1
                case .text:
                    break
                }
            }
        }
        return result
    }

    /// Gives attributes with these local names (`author`) and the text of elements with these
    /// local names (`dc:creator` in an annotation, Excel's `<author>`) the replacement value.
    /// Values already equal to it are left alone.
    static func neutralize(_ bytes: [UInt8], unit: Int, attributes: [String: String], elements: [String: String]) -> Result {
        var result = Result()
        var open: (contentStart: Int, replacement: String, qualified: String)?
        _ = bytes.withUnsafeBufferPointer { b in
            XMLSourceScanner.scan(b) { token in
                switch token {
                case .start(let nameRange, let attrs, let selfClosing, let range):
                    for attribute in attrs {
                        guard let value = attributes[XMLSourceScanner.localName(b, attribute.name)] else { continue }
                        let current = XMLSourceScanner.string(b, attribute.value)
                        guard !current.isEmpty, current != value else { continue }
                        result.edits.append(SourceEdit(unit: unit, range: attribute.value, replacement: ReplacementEncoding.xml.encode(value)))
                        result.changed[XMLSourceScanner.string(b, attribute.name), default: 0] += 1
                    }
                    let name = XMLSourceScanner.localName(b, nameRange)
                    if !selfClosing, open == nil, let value = elements[name] {
                        open = (range.upperBound, value, XMLSourceScanner.string(b, nameRange))
                    }
                case .end(let nameRange, let range):
                    guard let element = open, XMLSourceScanner.string(b, nameRange) == element.qualified else { return }
                    open = nil
                    let content = element.contentStart..<range.lowerBound
                    let current = MetadataText.trimmed(XMLSourceScanner.string(b, content))
                    guard !current.isEmpty, current != element.replacement else { return }
                    result.edits.append(SourceEdit(unit: unit, range: content, replacement: ReplacementEncoding.xml.encode(element.replacement)))
                    result.changed[element.qualified, default: 0] += 1
                case .text:
                    break
                }
            }
        }
        return result
    }

    /// Removes everything inside the root element (a people list with nobody in it).
    static func emptyRoot(_ bytes: [UInt8], unit: Int) -> Result {
        var result = Result()
        var level = 0
        var contentStart: Int?
        var hasChildren = false
        _ = bytes.withUnsafeBufferPointer { b in
            XMLSourceScanner.scan(b) { token in
                switch token {
                case .start(_, _, let selfClosing, let range):
                    if level == 0, !selfClosing { contentStart = range.upperBound } else if level == 1 { hasChildren = true }
                    if !selfClosing { level += 1 }
                case .end(_, let range):
                    level -= 1
                    if level == 0, let start = contentStart, hasChildren {
                        result.edits.append(SourceEdit(unit: unit, range: start..<range.lowerBound, replacement: []))
                        result.changed["people", default: 0] += 1
                    }
                case .text:
                    break
                }
            }
        }
        return result
    }
}
