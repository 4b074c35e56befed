/// Scans a photo or video: the container reader copies out metadata payloads (reading only
/// headers), the decoders turn them into fields, metadata detectors judge the fields, the
/// text detectors read the fields people write in (captions, comments), and images embedded in
/// the file (MPF images, trailers) are scanned in turn as parts.
struct MediaFileScanner {
    let engine: TextDetectionEngine
    let builder: FindingBuilder
    let sniffer: MediaSniffer
    let detectors: [any MetadataDetector]
    /// Embedded images inside embedded images… stop here.
    static let maxDepth = 4
    /// An embedded image larger than this is reported but not read.
    static let maxEmbeddedBytes = 64 << 20

    struct Result {
        var findings: [Finding] = []
        /// Problems that did not stop the scan (a damaged payload, an unreadable embedded image).
        var warnings: [String] = []
        /// The file is damaged: what was read before the damage is still reported.
        var error: ScanError?
    }

    func scan(_ source: some ByteSource, format: InputFormat, part: String?, depth: Int = 0) -> Result {
        // A truncated photo often still carries its GPS: keep what was read before the damage.
        let (metadata, error) = MediaContainerReader.readSalvaging(format, from: source)
        let decoded = MetadataDecoder.decodeWithDetails(metadata.blocks)
        let fields = decoded.fields + metadata.fields
        var result = Result()
        result.warnings = decoded.warnings + metadata.notes
        result.error = error

        var matches: [MetadataMatch] = []
        for detector in detectors { detector.detect(in: fields, into: &matches) }
        result.findings = builder.findings(for: matches, part: part)
        result.findings += textFindings(in: fields, part: part)

        // Thumbnails are already reported by their fields; they are still read, since a
        // thumbnail can carry metadata of its own.
        let previews = decoded.previews.map { (range: $0, reported: true) }
        for (embedded, reported) in metadata.embedded.map({ (range: $0, reported: false) }) + previews {
            let label = part.map { "\($0)/\(embedded.label)" } ?? embedded.label
            if !reported { result.findings += builder.findings(for: [Self.previewMatch(embedded)], part: part) }
            guard depth < Self.maxDepth, embedded.range.count <= Self.maxEmbeddedBytes,
                  embedded.range.lowerBound >= 0, embedded.range.upperBound <= source.size else {
                result.warnings.append("\(label): not read (too deep or too large)")
                continue
            }
            do throws(ScanError) {
                let bytes = try source.read(at: embedded.range.lowerBound, count: embedded.range.count)
                let sniff = sniffer.sniff(head: Array(bytes.prefix(8192)), isWholeFile: true, fileName: nil)
                guard MediaContainerReader.handles(sniff.format) else { continue }
                let inner = scan(MemoryByteSource(bytes), format: sniff.format, part: label, depth: depth + 1)
                result.findings += inner.findings
                result.warnings += inner.warnings
                if let e = inner.error { result.warnings.append("\(label): \(e.message)") }
            } catch {
                result.warnings.append("\(label): \(error.message)")
            }
        }
        return result
    }

    /// Text detectors over captions, comments and other fields people type in.
    func textFindings(in fields: [MetadataField], part: String?) -> [Finding] {
        var findings: [Finding] = []
        // A caption stored in EXIF, XMP and IPTC is detected once; each field still reports it.
        var detected: [String: [TextMatch]] = [:]
        for field in fields where MetadataTextFields.isText(field) {
            for value in field.value.texts where !value.isEmpty {
                let bytes = Array(value.utf8.prefix(1 << 20))
                let matches: [TextMatch]
                if let known = detected[value] {
                    matches = known
                } else {
                    matches = engine.detect(in: bytes)
                    detected[value] = matches
                }
                guard !matches.isEmpty else { continue }
                findings += builder.findings(for: matches, inMetadataValue: bytes, field: field, part: part)
            }
        }
        return findings
    }

    static func previewMatch(_ embedded: EmbeddedRange) -> MetadataMatch {
        let field = MetadataField(group: "File", name: embedded.label, value: .binary(length: embedded.range.count),
                                  container: "embedded image")
        let text = "\(embedded.label) (\(embedded.range.count) bytes)"
        return MetadataMatch(ruleId: "meta.embedded-image", category: .embeddedPreview, confidence: 0.9,
                             field: field, value: text, summary: text)
    }
}
