#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old content or the whole new content:
/// a temporary file in the same folder, flushed, then renamed over the target.
public enum AtomicFileWriter {
    /// When the new content must be on disk.
    public enum Durability: Sendable {
        /// Before the rename (`fsync`): for a file that replaces one the user may have no other
        /// copy of (an in-place fix, its backup, a report over an old one).
        case beforeRename
        /// Later, by the caller's one `FileSystemSync.syncAll()` for a whole batch: for new copies in
        /// an output folder. An fsync per file costs ~2.5 ms on this machine's ext4, more than
        /// cleaning a photo; a power cut before the batch sync loses copies, never an input.
        case deferred
    }

    /// - Parameters:
    ///   - permissions: the new file's mode (a cleaned copy keeps its original's); nil gives
    ///     what creating a file normally gives under the process umask.
    ///   - makingFolders: create the target's folder if it is missing. Tried only when the
    ///     temporary file cannot be created for that reason, so a batch of copies into folders
    ///     that exist costs no `mkdir` per file.
    public static func write(_ bytes: [UInt8], to path: String, permissions: mode_t? = nil,
                             durability: Durability = .beforeRename, makingFolders: Bool = false) throws(ScanError) {
        let dir: String
        let name: String
        if let slash = path.lastIndex(of: "/") {
            dir = String(path[..<slash]).isEmpty ? "/" : String(path[..<slash])
            name = String(path[path.index(after: slash)...])
        } else {
            dir = "."
            name = path
        }
        var template = Array("\(dir)/.\(name).pdpcheck-XXXXXX".utf8CString)
        func makeTemporary() -> Int32 {
            template.withUnsafeMutableBufferPointer { buffer -> Int32 in
                guard let base = buffer.baseAddress else { return -1 }
                return mkstemp(base)
            }
        }
        var fd = makeTemporary()
        if fd < 0, errno == ENOENT, makingFolders, dir != "." {
            try OutputFolders.make(dir)
            // mkstemp replaced the X's of the failed attempt: start from a fresh template.
            template = Array("\(dir)/.\(name).pdpcheck-XXXXXX".utf8CString)
            fd = makeTemporary()
        }
        guard fd >= 0 else {
            throw ioError("cannot create a temporary file next to \(path): \(String(cString: strerror(errno)))")
        }
        let tempPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = true
        bytes.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count, let base = raw.baseAddress {
                let n = Glibc.write(fd, base + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    return
                }
                written += n
            }
        }
        if ok, durability == .beforeRename { ok = fsync(fd) == 0 }
        // Respect the umask like a normal file creation would (mkstemp uses 0600).
        fchmod(fd, permissions.map { $0 & 0o7777 } ?? (0o666 & ~processUmask))
        _ = Glibc.close(fd)
        guard ok, rename(tempPath, path) == 0 else {
            unlink(tempPath)
            throw ioError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Read once: `umask` can only be read by setting it, and the process is multithreaded.
    private static let processUmask: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()

    static func ioError(_ message: String) -> ScanError {
        ScanError(code: "write-failed", message: message)
    }
}
