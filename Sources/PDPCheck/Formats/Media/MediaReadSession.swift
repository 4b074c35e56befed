/// Bounds that keep one container read finite whatever the file claims.
public struct MediaReadLimits: Sendable, Hashable {
    /// Segments, chunks, boxes, IFD entries and blocks visited, all together.
    public var maxItems: Int
    /// Metadata bytes copied out of the source, all blocks and fields together.
    public var maxCopiedBytes: Int
    /// Nesting of boxes and IFDs.
    public var maxDepth: Int
    /// JPEG entropy-coded data scanned for the end of the image (to find trailers).
    public var maxEntropyScanBytes: Int
    /// Output of one zlib stream (PNG zTXt / compressed iTXt).
    public var maxInflatedBytes: Int

    public init(maxItems: Int = 100_000, maxCopiedBytes: Int = 32 << 20, maxDepth: Int = 16,
                maxEntropyScanBytes: Int = 64 << 20, maxInflatedBytes: Int = 16 << 20) {
        self.maxItems = maxItems
        self.maxCopiedBytes = maxCopiedBytes
        self.maxDepth = maxDepth
        self.maxEntropyScanBytes = maxEntropyScanBytes
        self.maxInflatedBytes = maxInflatedBytes
    }

    public static let `default` = MediaReadLimits()
}

/// The state of one container read: the source, the budgets spent so far and what was found.
/// Readers call into it for every byte they fetch, so limits are enforced in one place.
final class MediaReadSession {
    let source: any ByteSource
    let size: Int
    let limits: MediaReadLimits
    var result = MediaMetadata()
    private(set) var itemsVisited = 0
    private(set) var bytesCopied = 0

    init(source: any ByteSource, limits: MediaReadLimits) {
        self.source = source
        self.size = max(0, source.size)
        self.limits = limits
    }

    static func malformed(_ message: String) -> ScanError {
        ScanError(code: "malformed", message: message)
    }

    static func limitExceeded(_ message: String) -> ScanError {
        ScanError(code: "limit-exceeded", message: message)
    }

    /// Counts one structural item (segment, chunk, box, entry); throws once the budget is spent.
    func visit() throws(ScanError) {
        itemsVisited += 1
        if itemsVisited > limits.maxItems {
            throw MediaReadSession.limitExceeded("more than \(limits.maxItems) structures in one file")
        }
    }

    func checkDepth(_ depth: Int, _ what: String) throws(ScanError) {
        if depth > limits.maxDepth {
            throw MediaReadSession.limitExceeded("\(what) nested deeper than \(limits.maxDepth)")
        }
    }

    /// Whether `count` bytes at `offset` lie inside the source.
    func contains(_ offset: Int, _ count: Int) -> Bool {
        offset >= 0 && count >= 0 && offset <= size && count <= size - offset
    }

    /// Exactly `count` bytes of structure (headers, tables); a short read means the file lies.
    func read(at offset: Int, count: Int, _ what: String) throws(ScanError) -> [UInt8] {
        guard count > 0 else { return [] }
        guard contains(offset, count) else {
            throw MediaReadSession.malformed("\(what) at byte \(offset) runs past the end of the file (\(size) bytes)")
        }
        let bytes = try source.read(at: offset, count: count)
        guard bytes.count == count else {
            throw MediaReadSession.malformed("\(what) at byte \(offset): short read")
        }
        return bytes
    }

    /// Up to `count` bytes (fewer at the end of the source); for look-ahead windows.
    func readAvailable(at offset: Int, count: Int) throws(ScanError) -> [UInt8] {
        guard offset >= 0, offset < size, count > 0 else { return [] }
        return try source.read(at: offset, count: min(count, size - offset))
    }

    /// Reserves copy budget for a payload that is about to be kept.
    func reserveCopy(_ count: Int, _ what: String) throws(ScanError) {
        guard count >= 0, count <= limits.maxCopiedBytes - bytesCopied else {
            throw MediaReadSession.limitExceeded(
                "\(what): metadata larger than \(limits.maxCopiedBytes >> 20) MB in one file")
        }
        bytesCopied += count
    }

    /// A metadata payload: read exactly and charged to the copy budget.
    func copy(at offset: Int, count: Int, _ what: String) throws(ScanError) -> [UInt8] {
        guard contains(offset, count) else {
            throw MediaReadSession.malformed("\(what) at byte \(offset) runs past the end of the file (\(size) bytes)")
        }
        try reserveCopy(count, what)
        return try read(at: offset, count: count, what)
    }

    // MARK: results

    func add(_ kind: MetadataBlock.Kind, _ bytes: [UInt8], container: String, range: Range<Int>? = nil) {
        guard !bytes.isEmpty else { return }
        result.blocks.append(MetadataBlock(kind: kind, bytes: bytes, container: container, range: range))
    }

    func field(_ group: String, _ name: String, _ value: MetadataValue, container: String) {
        result.fields.append(MetadataField(group: group, name: name, value: value, container: container))
    }

    func embed(_ label: String, _ range: Range<Int>) {
        guard range.lowerBound >= 0, range.upperBound <= size, !range.isEmpty else { return }
        result.embedded.append(EmbeddedRange(label: label, range: range))
    }

    func note(_ text: String) {
        if !result.notes.contains(text) { result.notes.append(text) }
    }
}
