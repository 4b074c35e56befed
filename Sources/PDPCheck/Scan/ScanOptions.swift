#if canImport(Glibc)
import Glibc
#endif

public struct ScanOptions: Sendable {
    /// Files scanned at once; defaults to the number of cores.
    public var jobs: Int
    /// Put exact values in evidence instead of masked ones.
    public var showValues: Bool
    public var language: Language
    public var limits: InputLimits
    /// Limits for archives, documents and e-mails (nesting depth, members, expanded bytes).
    public var archiveLimits: ArchiveLimits
    /// Where the files are going (`--destination`): adjusts metadata findings. One of the
    /// policy's destinations (`Policy.destination(named:)`).
    public var destination: Destination?
    /// Honour `pdpcheck:ignore` markers in drafts.
    public var inlineIgnores: Bool

    public init(jobs: Int? = nil, showValues: Bool = false, language: Language = .en,
                limits: InputLimits = .default, archiveLimits: ArchiveLimits = .default,
                destination: Destination? = nil, inlineIgnores: Bool = true) {
        self.jobs = max(1, jobs ?? ScanOptions.coreCount)
        self.showValues = showValues
        self.language = language
        self.limits = limits
        self.archiveLimits = archiveLimits
        self.destination = destination
        self.inlineIgnores = inlineIgnores
    }

    public static var coreCount: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }
}
