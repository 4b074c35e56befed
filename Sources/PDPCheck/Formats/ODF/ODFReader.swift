/// Reads an OpenDocument package (ODT, ODS, ODP and their templates): `content.xml` text with
/// annotations, tracked changes and speaker notes, the headers and footers in `styles.xml`,
/// `meta.xml` properties, embedded sub-documents (`Object 1/content.xml`), and hands pictures
/// and the thumbnail to the handler. Text parts and fields are named by member path.
enum ODFReader {
    static let manifestNS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

    static func read(_ archive: ZipArchive, limits: ArchiveLimits, budget: ExpansionBudget,
                     handler: inout some EmbeddedFileHandler) throws(ScanError) -> DocumentContent {
        var session = OfficePackageSession(archive: archive, limits: limits, budget: budget)
        // Encrypted ODF keeps ordinary ZIP entries whose data is ciphertext; only the manifest says so.
        let encrypted = session.xml(named: "META-INF/manifest.xml", handler: &handler).map(encryptedPaths) ?? []
        if encrypted.contains("content.xml") {
            throw ScanError(code: "encrypted", message: "password-protected OpenDocument file: its content is encrypted")
        }
        for entry in archive.entries where !entry.isDirectory {
            let name = entry.name
            let lower = name.lowercased()
            if encrypted.contains(name) {
                handler.skipped(name: name, reason: ScanError(code: "encrypted", message: "encrypted member “\(name)” (password-protected document)"))
                continue
            }
            if lower == "content.xml" || (lower.hasSuffix("/content.xml") && lower.hasPrefix("object")) {
                guard let bytes = session.xml(entry, handler: &handler) else { continue }
                ODFContentExtractor.extract(bytes, part: name, headerFooterOnly: false, limits: session.xmlLimits, into: &session.content)
            } else if lower == "styles.xml" {
                guard let bytes = session.xml(entry, handler: &handler) else { continue }
                ODFContentExtractor.extract(bytes, part: name, headerFooterOnly: true, limits: session.xmlLimits, into: &session.content)
            } else if lower == "meta.xml" || (lower.hasSuffix("/meta.xml") && lower.hasPrefix("object")) {
                guard let bytes = session.xml(entry, handler: &handler) else { continue }
                DocumentPropertiesExtractor.extract(bytes, flavor: .odfMeta, part: name, into: &session.content)
            } else if lower.hasPrefix("pictures/") || lower.hasPrefix("thumbnails/") || lower.hasPrefix("media/") {
                session.embed(entry, handler: &handler)
            }
        }
        return session.content
    }

    /// Paths the manifest lists with `manifest:encryption-data`.
    static func encryptedPaths(_ manifest: [UInt8]) -> Set<String> {
        var handler = ManifestHandler()
        XMLStreamReader.parse(manifest, limits: OfficeXML.smallPartLimits, handler: &handler)
        return handler.encrypted
    }

    private struct ManifestHandler: XMLStreamHandler {
        var encrypted: Set<String> = []
        var currentPath: String?

        mutating func startElement(_ name: XMLQName, attributes: XMLAttributes) {
            if name.local == "file-entry" {
                currentPath = attributes.value("full-path")
            } else if name.local == "encryption-data", let path = currentPath, encrypted.count < 100_000 {
                encrypted.insert(path)
            }
        }

        mutating func endElement(_ name: XMLQName) {
            if name.local == "file-entry" { currentPath = nil }
        }

        mutating func characters(_ text: XMLCharacters) {}
    }
}
