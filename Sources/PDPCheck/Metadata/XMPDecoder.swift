/// What an XMP packet holds, as ExifTool-named fields.
public struct XMPResult: Sendable, Hashable {
    public var fields: [MetadataField] = []
    public var warnings: [String] = []
}

/// Decodes an XMP packet (RDF/XML) into fields named like ExifTool's: group `XMP-<prefix>`
/// with ExifTool's prefix for the namespace URI, structures flattened into one tag per field
/// (`mwg-rs:Regions/RegionList/Name` → `XMP-mwg-rs:RegionName`), list items (rdf:Bag/Seq and the
/// items of lists of structures) collected in document order into `.list`, lang-alt values under
/// the plain name for x-default (or the first language) and `Name-<lang>` for the others.
/// Properties ExifTool does not know still become fields (upper-cased local name, group from
/// the file's prefix), so that text in them reaches the detectors.
///
/// The XML is read by `XMLTreeReader`: no DTD, no entity expansion, bounded depth and size.
public enum XMPDecoder {
    public static let maxInputSize = 16 << 20
    /// Caps on what one packet can produce.
    static let maxFields = 10_000
    static let maxValuesPerField = 10_000

    public static func decode(_ packet: [UInt8]) -> XMPResult {
        var limits = XMLTreeReader.Limits()
        limits.maxBytes = maxInputSize
        let document = XMLTreeReader.parse(packet, limits: limits)
        var builder = XMPFieldBuilder()
        builder.warnings = document.warnings
        // Iterative search for rdf:RDF (and x:xmpmeta's toolkit attribute) so that no wrapper
        // depth can exhaust the stack; RDF content itself is at most XMLTreeReader's depth.
        var pending: [XMLNode] = document.roots
        while let node = pending.popLast() {
            if node.namespace == XMPNamespaces.meta, node.localName == "xmpmeta",
               let toolkit = node.attribute(XMPNamespaces.meta, "xmptk") {
                builder.add(group: "XMP-x", name: "XMPToolkit", value: toolkit, inList: false, leaf: ("", ""), topID: "x xmptk")
            }
            if node.namespace == XMPNamespaces.rdf, node.localName == "RDF" {
                for description in node.children { builder.description(description) }
            } else {
                pending.append(contentsOf: node.children.reversed())
            }
        }
        return XMPResult(fields: builder.fields(), warnings: builder.warnings)
    }
}

/// Where a value sits: ExifTool's tag ID (for the name table), the name ExifTool would give
/// it and the prefix its own fields get.
private struct XMPPath {
    var tableKey: String  // "<prefix> <tagID>"
    var name: String
    var flatPrefix: String
}

private struct XMPFieldBuilder {
    struct Key: Hashable {
        var group: String
        var name: String
    }

    struct Entry {
        var values: [String] = []
        var isList = false
        /// Namespace URI and local name of the property that held the value (conversions).
        var leafNamespace = ""
        var leafName = ""
        var topID = ""
    }

    var order: [Key] = []
    var entries: [Entry] = []
    var index: [Key: Int] = [:]
    var warnings: [String] = []
    var warnedFull = false

    // MARK: RDF

    mutating func description(_ node: XMLNode) {
        for attribute in node.attributes where isProperty(attribute) {
            let top = topPath(namespace: attribute.namespace, prefix: attribute.prefix, local: attribute.localName)
            add(group: top.group, name: top.path.name, value: attribute.value, inList: false,
                leaf: (attribute.namespace, attribute.localName), topID: top.path.tableKey)
        }
        for child in node.children {
            let top = topPath(namespace: child.namespace, prefix: child.prefix, local: child.localName)
            value(of: child, path: top.path, group: top.group, inList: false, lang: nil)
        }
    }

    /// The value of a property element or of an rdf:li: a resource, a container of items,
    /// a structure, or text.
    mutating func value(of node: XMLNode, path: XMPPath, group: String, inList: Bool, lang: String?) {
        if let resource = node.attribute(XMPNamespaces.rdf, "resource") {
            add(group: group, name: langName(path.name, lang), value: resource, inList: inList,
                leaf: (node.namespace, node.localName), topID: path.tableKey)
            return
        }
        if let container = node.children.first(where: { $0.namespace == XMPNamespaces.rdf && ["Bag", "Seq", "Alt"].contains($0.localName) }) {
            let items = container.children.filter { $0.namespace == XMPNamespaces.rdf && $0.localName == "li" }
            let isLangAlt = container.localName == "Alt" && items.contains { $0.attribute(XMPNamespaces.xml, "lang") != nil }
            if isLangAlt {
                let hasDefault = items.contains { $0.attribute(XMPNamespaces.xml, "lang")?.lowercased() == "x-default" }
                for (index, item) in items.enumerated() {
                    let itemLang = item.attribute(XMPNamespaces.xml, "lang")
                    let isDefault = itemLang?.lowercased() == "x-default"
                    if isDefault || (!hasDefault && index == 0) {
                        value(of: item, path: path, group: group, inList: inList, lang: nil)
                    }
                    if !isDefault, let itemLang {
                        value(of: item, path: path, group: group, inList: inList, lang: itemLang)
                    }
                }
            } else {
                for item in items { value(of: item, path: path, group: group, inList: true, lang: lang) }
            }
            return
        }
        // Structure fields: child elements (directly, or inside an rdf:Description), and the
        // shorthand attributes of the element itself.
        var hadStructure = false
        for attribute in node.attributes where isProperty(attribute) {
            hadStructure = true
            let field = fieldPath(path, local: attribute.localName)
            add(group: group, name: langName(field.name, lang), value: attribute.value, inList: inList,
                leaf: (attribute.namespace, attribute.localName), topID: field.tableKey)
        }
        for child in node.children {
            hadStructure = true
            if child.namespace == XMPNamespaces.rdf && child.localName == "Description" {
                value(of: child, path: path, group: group, inList: inList, lang: lang)
            } else if child.namespace == XMPNamespaces.rdf && child.localName == "value" {
                // rdf:value carries the property's own value; its siblings are qualifiers.
                value(of: child, path: path, group: group, inList: inList, lang: lang)
            } else {
                value(of: child, path: fieldPath(path, local: child.localName), group: group, inList: inList, lang: lang)
            }
        }
        if !hadStructure {
            add(group: group, name: langName(path.name, lang), value: MetadataText.trimmed(node.text), inList: inList,
                leaf: (node.namespace, node.localName), topID: path.tableKey)
        }
    }

    private func isProperty(_ attribute: XMLAttributeNode) -> Bool {
        attribute.namespace != XMPNamespaces.rdf && attribute.namespace != XMPNamespaces.xml
            && !(attribute.namespace.isEmpty && attribute.prefix.isEmpty)
    }

    private func langName(_ name: String, _ lang: String?) -> String {
        guard let lang, !lang.isEmpty, lang.lowercased() != "x-default" else { return name }
        return name + "-" + lang
    }

    // MARK: names

    private func topPath(namespace: String, prefix: String, local: String) -> (path: XMPPath, group: String) {
        let standard = XMPNamespaces.prefix(for: namespace, declared: prefix)
        let key = standard + " " + local
        let name = XMPNames.names[key] ?? Self.tagName(local)
        return (XMPPath(tableKey: key, name: name, flatPrefix: XMPNames.flatPrefixes[key] ?? name),
                XMPNamespaces.group(for: standard))
    }

    private func fieldPath(_ parent: XMPPath, local: String) -> XMPPath {
        let field = Self.tagName(local)
        let key = parent.tableKey + field
        let name = XMPNames.names[key] ?? parent.flatPrefix + field
        return XMPPath(tableKey: key, name: name, flatPrefix: XMPNames.flatPrefixes[key] ?? name)
    }

    /// ExifTool's tag-name rule: word characters and '-' only, first letter upper-cased.
    static func tagName(_ local: String) -> String {
        // Common case: an ASCII word that only needs its first letter upper-cased.
        let utf8 = local.utf8
        if let first = utf8.first, utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2D }) {
            if !(first >= 0x61 && first <= 0x7A) { return local }
            var bytes = Array(utf8)
            bytes[0] -= 0x20
            return String(decoding: bytes, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        for s in local.unicodeScalars where s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "-" {
            scalars.append(s)
        }
        guard let first = scalars.first else { return "Unknown" }
        return String(first).uppercased() + String(String.UnicodeScalarView(scalars.dropFirst()))
    }

    // MARK: collecting

    mutating func add(group: String, name: String, value: String, inList: Bool, leaf: (String, String), topID: String) {
        let key = Key(group: group, name: name)
        let slot: Int
        if let existing = index[key] {
            slot = existing
        } else {
            guard order.count < XMPDecoder.maxFields else {
                if !warnedFull { warnings.append("XMP has more than \(XMPDecoder.maxFields) fields; the rest is ignored") }
                warnedFull = true
                return
            }
            slot = entries.count
            index[key] = slot
            order.append(key)
            entries.append(Entry(leafNamespace: leaf.0, leafName: leaf.1, topID: topID))
        }
        guard entries[slot].values.count < XMPDecoder.maxValuesPerField else { return }
        entries[slot].values.append(value)
        if inList { entries[slot].isList = true }
    }

    func fields() -> [MetadataField] {
        var altitudeBelowSeaLevel = false
        if let slot = index[Key(group: "XMP-exif", name: "GPSAltitudeRef")], entries[slot].values.first == "1" {
            altitudeBelowSeaLevel = true
        }
        var out: [MetadataField] = []
        out.reserveCapacity(order.count)
        for (key, entry) in zip(order, entries) {
            out.append(MetadataField(group: key.group, name: key.name,
                                     value: XMPValueConversions.value(of: entry.values, isList: entry.isList,
                                                                      leafNamespace: entry.leafNamespace, leafName: entry.leafName,
                                                                      topID: entry.topID, belowSeaLevel: altitudeBelowSeaLevel)))
        }
        return out
    }
}
