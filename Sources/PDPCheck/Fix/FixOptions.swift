/// How `pdpcheck fix` works on a set of inputs: what to strip, where copies go, what happens to
/// files that need nothing.
public struct FixOptions: Sendable {
    /// What files without anything to fix become in the output folder.
    public enum UnchangedFiles: String, Sendable, CaseIterable {
        /// Copied as they are, so the output folder is a complete, publishable set.
        case copy
        /// Left out of the output folder.
        case skip
    }

    /// Where cleaned copies go.
    public enum OutputTarget: Sendable, Equatable {
        /// Under this folder, mirroring each input's relative path.
        case folder(String)
        /// Over the input itself, after keeping the original next to it with this suffix.
        case inPlace(backupSuffix: String)
    }

    public var output: OutputTarget
    public var stripMode: StripMode
    public var unchangedFiles: UnchangedFiles
    /// Scan settings the fix shares with `scan`: language, destination profile, limits, jobs.
    public var scan: ScanOptions
    /// Files above this size are not fixed: the cleaners work on the whole file in memory.
    public var maxFileBytes: Int

    public init(output: OutputTarget, stripMode: StripMode = .privacy, unchangedFiles: UnchangedFiles = .copy,
                scan: ScanOptions = ScanOptions(), maxFileBytes: Int = 1 << 30) {
        self.output = output
        self.stripMode = stripMode
        self.unchangedFiles = unchangedFiles
        self.scan = scan
        self.maxFileBytes = maxFileBytes
    }
}
