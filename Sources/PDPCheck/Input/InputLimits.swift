/// Resource limits that keep a scan of hostile input bounded.
public struct InputLimits: Sendable, Hashable {
    /// Files larger than this are skipped with a clear reason rather than read.
    public var maxFileBytes: Int
    /// Folder recursion depth.
    public var maxDepth: Int
    /// Files one scan enumerates before it stops with an error entry.
    public var maxFiles: Int
    /// Bytes of a file's head that the Sniffer looks at.
    public var sniffBytes: Int

    public init(maxFileBytes: Int = 256 << 20, maxDepth: Int = 64, maxFiles: Int = 1_000_000,
                sniffBytes: Int = 8192) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxFiles = maxFiles
        self.sniffBytes = sniffBytes
    }

    public static let `default` = InputLimits()
}
