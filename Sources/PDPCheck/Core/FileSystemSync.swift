#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a batch of deferred writes on disk at once. `sync` (Swift's Glibc does not expose
/// `syncfs`): one call for a thousand copies costs about what one `fsync` does.
public enum FileSystemSync {
    public static func syncAll() {
        #if canImport(Glibc)
        Glibc.sync()
        #else
        Darwin.sync()
        #endif
    }
}
