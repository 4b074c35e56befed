import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates the folders copies go into, when a write finds its folder missing: one `mkdir`
/// for the usual case of a parent that exists, so only a missing parent walks up
/// (FileManager's intermediate-directory creation stats every level).
enum OutputFolders {
    static func make(_ path: String) throws(ScanError) {
        if mkdir(path, 0o777) == 0 { return }
        if errno == EEXIST {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                throw ScanError(code: "write-failed", message: "cannot create \(path): a file of that name is in the way")
            }
            return
        }
        guard errno == ENOENT else {
            throw ScanError(code: "write-failed", message: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw ScanError(code: "write-failed", message: "cannot create \(path): \(error.localizedDescription)")
        }
    }
}
