#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read-only access to an input file: its size, its head, all of it (bounded).
/// Inputs are never opened for writing.
struct FileSource {
    let path: String
    private let fd: Int32
    let size: Int

    init(path: String) throws(ScanError) {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Walker.errnoError(path: path) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let error = Walker.errnoError(path: path)
            FileSource.closeDescriptor(fd)
            throw error
        }
        size = Int(st.st_size)
    }

    func close() { FileSource.closeDescriptor(fd) }

    static func closeDescriptor(_ fd: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }

    /// Up to `count` bytes from `offset`.
    func read(at offset: Int, count: Int) throws(ScanError) -> [UInt8] {
        guard count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return pread(fd, base + filled, count - filled, off_t(offset + filled))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw Walker.errnoError(path: path)
            }
            if n == 0 { break }
            filled += n
        }
        buffer.removeLast(count - filled)
        return buffer
    }
}
