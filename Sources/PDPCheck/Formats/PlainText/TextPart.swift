/// A run of text a Reader extracted, as UTF-8, with a way back to offsets in its source.
public struct TextPart: Sendable, Hashable {
    /// The container member or metadata field the text came from; nil for the file's own text.
    public var part: String?
    public var utf8: [UInt8]
    /// Source byte offset of every UTF-8 byte (plus one entry for the end), or nil when the
    /// UTF-8 bytes *are* the source bytes.
    public var sourceOffsets: [Int]?

    public init(part: String? = nil, utf8: [UInt8], sourceOffsets: [Int]? = nil) {
        self.part = part
        self.utf8 = utf8
        self.sourceOffsets = sourceOffsets
    }

    /// Maps a UTF-8 offset in `utf8` to the byte offset in the source.
    public func sourceOffset(_ offset: Int) -> Int {
        guard let map = sourceOffsets, !map.isEmpty else { return offset }
        return map[min(max(offset, 0), map.count - 1)]
    }
}
