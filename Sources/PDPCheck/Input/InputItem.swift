/// One thing to scan, as the Walker found it.
public struct InputItem: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// A regular file on disk, opened read-only when scanned.
        case file(path: String)
        /// Bytes already in memory (a draft piped on stdin).
        case bytes([UInt8])
        /// The Walker could not get at it (unreadable, a symlink loop, missing).
        case failed(ScanError)
        /// Deliberately not read (a FIFO, a device): reading could block or never end.
        case skipped(ScanError)
    }

    /// The path shown in reports: as the user gave it, joined with the path below it.
    public var displayPath: String
    public var source: Source

    public init(displayPath: String, source: Source) {
        self.displayPath = displayPath
        self.source = source
    }
}
