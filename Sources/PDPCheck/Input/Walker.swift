#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Enumerates the inputs of a scan: files as given, folders recursively in a stable
/// (byte-wise sorted) order, `-` as the draft on stdin. Problems become items that carry
/// an error, never crashes: a missing path, an unreadable folder, a symlink loop.
public struct Walker: Sendable {
    public var limits: InputLimits

    public init(limits: InputLimits = .default) {
        self.limits = limits
    }

    /// - Parameter stdin: the bytes to use for `-`, read by the caller.
    public func enumerate(_ paths: [String], stdin: [UInt8]? = nil) -> [InputItem] {
        var items: [InputItem] = []
        for path in paths {
            if path == "-" {
                items.append(InputItem(displayPath: "-", source: .bytes(stdin ?? [])))
                continue
            }
            var st = stat()
            guard stat(path, &st) == 0 else {
                items.append(InputItem(displayPath: path, source: .failed(Walker.errnoError(path: path))))
                continue
            }
            if Walker.isDirectory(st) {
                var ancestors: [FileID] = [FileID(st)]
                walkDirectory(path, display: path, depth: 0, ancestors: &ancestors, into: &items)
            } else {
                items.append(item(forNonDirectory: path, display: path, st))
            }
            if Walker.reachedLimit(items) { break }
        }
        return items
    }

    private func walkDirectory(_ dir: String, display: String, depth: Int,
                               ancestors: inout [FileID], into items: inout [InputItem]) {
        guard depth < limits.maxDepth else {
            items.append(InputItem(displayPath: display, source: .failed(ScanError(
                code: "depth-limit", message: "folder nesting deeper than \(limits.maxDepth) levels; not entered"))))
            return
        }
        guard let names = Walker.listDirectory(dir) else {
            items.append(InputItem(displayPath: display, source: .failed(Walker.errnoError(path: dir))))
            return
        }
        for name in names {
            if Walker.reachedLimit(items) { return }
            if items.count >= limits.maxFiles {
                items.append(InputItem(displayPath: display, source: .failed(ScanError(
                    code: "file-limit", message: "more than \(limits.maxFiles) files; the rest were not enumerated"))))
                return
            }
            let child = Walker.join(dir, name)
            let childDisplay = Walker.join(display, name)
            var lst = stat()
            guard lstat(child, &lst) == 0 else {
                items.append(InputItem(displayPath: childDisplay, source: .failed(Walker.errnoError(path: child))))
                continue
            }
            var st = lst
            if (lst.st_mode & S_IFMT) == S_IFLNK {
                guard stat(child, &st) == 0 else {
                    items.append(InputItem(displayPath: childDisplay, source: .failed(ScanError(
                        code: "broken-symlink", message: "symbolic link whose target cannot be reached"))))
                    continue
                }
            }
            if Walker.isDirectory(st) {
                let id = FileID(st)
                if ancestors.contains(id) {
                    items.append(InputItem(displayPath: childDisplay, source: .failed(ScanError(
                        code: "symlink-loop", message: "symbolic link leads back into a folder being scanned; not followed"))))
                    continue
                }
                ancestors.append(id)
                walkDirectory(child, display: childDisplay, depth: depth + 1, ancestors: &ancestors, into: &items)
                ancestors.removeLast()
            } else {
                items.append(item(forNonDirectory: child, display: childDisplay, st))
            }
        }
    }

    private func item(forNonDirectory path: String, display: String, _ st: stat) -> InputItem {
        if (st.st_mode & S_IFMT) == S_IFREG {
            return InputItem(displayPath: display, source: .file(path: path))
        }
        return InputItem(displayPath: display, source: .skipped(ScanError(
            code: "not-a-regular-file", message: "not a regular file (device, FIFO or socket); not read")))
    }

    struct FileID: Hashable {
        let device: UInt64
        let inode: UInt64
        init(_ st: stat) {
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
        }
    }

    /// Once the file-limit item is in, nothing more is enumerated.
    static func reachedLimit(_ items: [InputItem]) -> Bool {
        if case .failed(let e)? = items.last?.source, e.code == "file-limit" { return true }
        return false
    }

    static func isDirectory(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFDIR }

    static func join(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }

    /// Entry names sorted byte-wise, without `.` and `..`; nil when the folder cannot be read.
    static func listDirectory(_ path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { ptr in
                ptr.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    static func errnoError(path: String) -> ScanError {
        let code = errno
        let message = String(cString: strerror(code))
        switch code {
        case ENOENT: return ScanError(code: "not-found", message: "no such file or folder")
        case EACCES, EPERM: return ScanError(code: "permission-denied", message: "permission denied")
        case ELOOP: return ScanError(code: "symlink-loop", message: "too many levels of symbolic links")
        default: return ScanError(code: "io-error", message: message)
        }
    }
}
