import Foundation

/// An input file read for fixing: its bytes and what identifies it on disk, so a copy can keep
/// its permissions and the fixer can refuse to write over it.
struct InputFile {
    var path: String
    var bytes: [UInt8]
    var mode: mode_t
    var device: UInt64
    var inode: UInt64
    var modified: timespec

    /// Opens the file once and reads exactly the size `fstat` gives on that descriptor, so the
    /// bytes, the size limit and the identity kept for later checks all describe the same file.
    static func read(_ path: String, limit: Int) throws(ScanError) -> InputFile {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Self.failure(path) }
        defer { FileSource.closeDescriptor(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Self.failure(path) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw ScanError(code: "unreadable", message: "\(path) is not a regular file")
        }
        let size = Int(info.st_size)
        guard size <= limit else {
            throw ScanError(code: "too-large", message: "\(size) bytes, over the \(limit)-byte limit for fixing")
        }
        var failed = false
        // A file that shrinks meanwhile gives fewer bytes (and `changedOnDisk` says so later).
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var filled = 0
            while filled < size, let base = buffer.baseAddress {
                let n = pread(fd, base + filled, size - filled, off_t(filled))
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failed = true; break }
                if n == 0 { break }
                filled += n
            }
            count = filled
        }
        if failed { throw Self.failure(path) }
        return InputFile(path: path, bytes: bytes, mode: info.st_mode & 0o7777,
                         device: UInt64(info.st_dev), inode: UInt64(info.st_ino), modified: info.st_mtim)
    }

    private static func failure(_ path: String) -> ScanError {
        ScanError(code: "unreadable", message: "cannot read \(path): \(String(cString: strerror(errno)))")
    }

    /// Whether `path` is this very file (a hard link, or the same path spelled differently).
    func isSameFile(as path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
    }

    /// Whether the file changed on disk since it was read (another program saved it meanwhile).
    func changedOnDisk() -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return true }
        return UInt64(info.st_ino) != inode || Int(info.st_size) != bytes.count
            || info.st_mtim.tv_sec != modified.tv_sec || info.st_mtim.tv_nsec != modified.tv_nsec
    }
}

/// Where the copy of one input goes, decided before anything is cleaned so a bad target costs
/// no work; and the writing itself, atomic, never over an input.
struct OutputPlan {
    var outputPath: String
    var backupPath: String?

    static func make(for displayPath: String, input: InputFile, options: FixOptions) throws(ScanError) -> OutputPlan {
        switch options.output {
        case .folder(let folder):
            let relative = mirroredPath(displayPath)
            guard !relative.isEmpty else {
                throw ScanError(code: "bad-output", message: "cannot name a copy for \(displayPath)")
            }
            let out = (folder.hasSuffix("/") ? String(folder.dropLast()) : folder) + "/" + relative
            if input.isSameFile(as: out) {
                throw ScanError(code: "would-overwrite-input",
                                message: "the copy would replace the input itself (\(out)); choose another --out folder")
            }
            return OutputPlan(outputPath: out, backupPath: nil)
        case .inPlace(let suffix):
            guard !suffix.isEmpty, !suffix.contains("/") else {
                throw ScanError(code: "bad-output", message: "the backup suffix must be a non-empty file-name suffix")
            }
            let backup = input.path + suffix
            if FileManager.default.fileExists(atPath: backup) {
                throw ScanError(code: "backup-exists",
                                message: "\(backup) already exists: pdpcheck does not overwrite an earlier backup")
            }
            return OutputPlan(outputPath: input.path, backupPath: backup)
        }
    }

    /// The input's path made relative and safe to join under the output folder: no leading
    /// `/`, no `.` or `..` components (an input given as `../x/a.jpg` lands at `x/a.jpg`).
    static func mirroredPath(_ displayPath: String) -> String {
        // Most paths are already relative and clean: no empty, `.` or `..` component.
        if Self.isPlainRelative(displayPath) { return displayPath }
        return displayPath.split(separator: "/", omittingEmptySubsequences: true)
            .filter { $0 != "." && $0 != ".." }
            .joined(separator: "/")
    }

    /// No leading or trailing `/`, no `//`, no `.` or `..` component.
    static func isPlainRelative(_ path: String) -> Bool {
        var length = 0
        var onlyDots = true
        for b in path.utf8 {
            if b == UInt8(ascii: "/") {
                if length == 0 || (onlyDots && length <= 2) { return false }
                length = 0
                onlyDots = true
            } else {
                length += 1
                if b != UInt8(ascii: ".") { onlyDots = false }
            }
        }
        return length > 0 && !(onlyDots && length <= 2)
    }

    func write(_ cleaned: [UInt8], original: InputFile) throws(ScanError) {
        if let backupPath {
            // The original first, under its backup name; only then the cleaned bytes over it.
            try AtomicFileWriter.write(original.bytes, to: backupPath, permissions: original.mode)
            guard !original.changedOnDisk() else {
                throw ScanError(code: "input-changed",
                                message: "\(original.path) changed while it was being fixed; it was left as it is")
            }
            try AtomicFileWriter.write(cleaned, to: outputPath, permissions: original.mode)
            return
        }
        // A new copy in the output folder: made durable by the fix's one sync at the end. Its
        // folder is made when the first copy into it finds it missing.
        try AtomicFileWriter.write(cleaned, to: outputPath, permissions: original.mode, durability: .deferred,
                                   makingFolders: true)
    }
}
