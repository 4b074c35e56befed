/// `[Content_Types].xml`: which content type each part has, by override (part name) or by
/// default (extension). Part names are compared without case and without the leading slash.
struct OOXMLContentTypes {
    var defaults: [String: String] = [:]
    var overrides: [String: String] = [:]

    var isEmpty: Bool { defaults.isEmpty && overrides.isEmpty }

    func type(of partName: String) -> String? {
        let key = partName.lowercased()
        if let type = overrides[key] { return type }
        guard let dot = key.lastIndex(of: "."), !key[dot...].contains("/") else { return nil }
        return defaults[String(key[key.index(after: dot)...])]
    }

    static func parse(_ bytes: [UInt8]) -> OOXMLContentTypes {
        var handler = Handler()
        XMLStreamReader.parse(bytes, limits: OfficeXML.smallPartLimits, handler: &handler)
        return handler.types
    }

    private struct Handler: XMLStreamHandler {
        var types = OOXMLContentTypes()

        mutating func startElement(_ name: XMLQName, attributes: XMLAttributes) {
            switch name.local {
            case "Default":
                if let ext = attributes.value("Extension"), let type = attributes.value("ContentType") {
                    types.defaults[ext.lowercased()] = type
                }
            case "Override":
                if let part = attributes.value("PartName"), let type = attributes.value("ContentType") {
                    types.overrides[OfficeXML.partKey(part)] = type
                }
            default:
                break
            }
        }

        mutating func endElement(_ name: XMLQName) {}
        mutating func characters(_ text: XMLCharacters) {}
    }
}

/// One `Relationship` of a `.rels` part.
struct OOXMLRelationship {
    var id: String
    var type: String
    /// For internal targets: the resolved part name ("word/media/image1.jpeg"); for external
    /// ones: the target as written ("mailto:…", "https://…", "file:///C:/Users/…").
    var target: String
    var isExternal: Bool
}

enum OOXMLRelationships {
    /// `word/_rels/document.xml.rels` → `word/document.xml`; `_rels/.rels` → "" (the package).
    static func sourcePart(ofRels relsPath: String) -> String? {
        let lower = relsPath.lowercased()
        guard lower.hasSuffix(".rels") else { return nil }
        let components = relsPath.split(separator: "/", omittingEmptySubsequences: false)
        guard components.count >= 2, components[components.count - 2].lowercased() == "_rels" else { return nil }
        let file = components[components.count - 1].dropLast(5)
        let folder = components.dropLast(2).joined(separator: "/")
        return folder.isEmpty ? String(file) : folder + "/" + file
    }

    /// The rels part that belongs to a part: `word/document.xml` → `word/_rels/document.xml.rels`.
    static func relsPath(for part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "_rels/" + part + ".rels" }
        return String(part[...slash]) + "_rels/" + part[part.index(after: slash)...] + ".rels"
    }

    static func parse(_ bytes: [UInt8], sourcePart: String) -> [OOXMLRelationship] {
        var handler = Handler(base: folder(of: sourcePart))
        XMLStreamReader.parse(bytes, limits: OfficeXML.smallPartLimits, handler: &handler)
        return handler.relationships
    }

    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    /// Resolves a relative target against the source part's folder (`..` pops, never above the root).
    static func resolve(_ target: String, base: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(piece) }
        }
        return parts.joined(separator: "/")
    }

    private struct Handler: XMLStreamHandler {
        let base: String
        var relationships: [OOXMLRelationship] = []

        mutating func startElement(_ name: XMLQName, attributes: XMLAttributes) {
            guard name.local == "Relationship", relationships.count < 100_000,
                  let target = attributes.value("Target") else { return }
            let external = attributes.value("TargetMode")?.lowercased() == "external"
            relationships.append(OOXMLRelationship(
                id: attributes.value("Id") ?? "", type: attributes.value("Type") ?? "",
                target: external ? target : OOXMLRelationships.resolve(OfficeXML.percentDecoded(target), base: base),
                isExternal: external))
        }

        mutating func endElement(_ name: XMLQName) {}
        mutating func characters(_ text: XMLCharacters) {}
    }
}
