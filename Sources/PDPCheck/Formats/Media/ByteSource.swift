/// Random access to the bytes of an input: a file read with `pread`, or bytes already in memory
/// (stdin, an archive member, an image embedded in another file). Media readers only ever ask
/// for the ranges that can hold metadata, so they take a ByteSource, never a whole file.
public protocol ByteSource {
    var size: Int { get }
    /// Up to `count` bytes from `offset` (fewer at the end of the source, none past it).
    func read(at offset: Int, count: Int) throws(ScanError) -> [UInt8]
}

extension FileSource: ByteSource {}

/// Bytes already in memory.
public struct MemoryByteSource: ByteSource, Sendable {
    public let bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public var size: Int { bytes.count }
    public func read(at offset: Int, count: Int) throws(ScanError) -> [UInt8] {
        guard offset >= 0, count > 0, offset < bytes.count else { return [] }
        let end = offset + min(count, bytes.count - offset)
        return Array(bytes[offset..<end])
    }
}

/// Counts what a reader asked for, so tests can prove that reading a large video touches
/// only its headers.
public final class CountingByteSource<Base: ByteSource>: ByteSource {
    public let base: Base
    public private(set) var bytesRead = 0
    public private(set) var reads = 0
    public init(_ base: Base) { self.base = base }
    public var size: Int { base.size }
    public func read(at offset: Int, count: Int) throws(ScanError) -> [UInt8] {
        let bytes = try base.read(at: offset, count: count)
        bytesRead += bytes.count
        reads += 1
        return bytes
    }
}
