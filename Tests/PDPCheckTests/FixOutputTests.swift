import Foundation
import Testing
@testable import PDPCheck

/// Where copies go and how inputs are read for fixing.
@Suite("Fix output paths and input reading")
struct FixOutputTests {
    /// The general rule the fast path must agree with: drop empty, `.` and `..` components.
    static func slowMirror(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." && $0 != ".." }.joined(separator: "/")
    }

    @Test("mirrored paths: the clean-path shortcut gives what the general rule gives")
    func mirroredPaths() {
        let cases = ["a.jpg", "x/y/a.jpg", "/abs/a.jpg", "./a.jpg", "../x/a.jpg", "x//a.jpg", "x/./a.jpg", "x/../a.jpg",
                     "x/", "...", "x/.../a", ".hidden/a", "x/..a/.b", "..", ".", "", "/", "a/.", "a/..", "ảnh/ảnh 1.jpg"]
        for path in cases {
            #expect(OutputPlan.mirroredPath(path) == Self.slowMirror(path), "\(path)")
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", ".", "..", "...", "/", "b.c", ".d"]
        for _ in 0..<3000 {
            let path = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(OutputPlan.mirroredPath(path) == Self.slowMirror(path), "\(path)")
        }
    }

    @Test("an input is read whole, with its identity; a folder or a missing file is refused")
    func readsInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdpcheck-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = folder.appendingPathComponent("a.bin").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let input = try InputFile.read(path, limit: 1 << 20)
        #expect(input.bytes == bytes)
        #expect(!input.changedOnDisk())
        #expect(input.isSameFile(as: path))
        #expect(throws: ScanError.self) { try InputFile.read(path, limit: 1000) }
        #expect(throws: ScanError.self) { try InputFile.read(folder.path, limit: 1 << 20) }
        #expect(throws: ScanError.self) { try InputFile.read(folder.appendingPathComponent("missing").path, limit: 1 << 20) }
        let empty = folder.appendingPathComponent("empty").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(try InputFile.read(empty, limit: 10).bytes.isEmpty)
    }

    @Test("a copy's missing folders are made on its first write; a file in their way is an error, not a crash")
    func copiesMakeTheirFolders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdpcheck-folders-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let deep = folder.appendingPathComponent("a/b/c/copy.jpg").path
        try AtomicFileWriter.write([1, 2, 3], to: deep, durability: .deferred, makingFolders: true)
        try AtomicFileWriter.write([4, 5], to: folder.appendingPathComponent("a/b/c/second.jpg").path,
                                   durability: .deferred, makingFolders: true)
        #expect(FileManager.default.contents(atPath: deep) == Data([1, 2, 3]))
        // Without the option, a missing folder stays an error.
        #expect(throws: ScanError.self) {
            try AtomicFileWriter.write([1], to: folder.appendingPathComponent("x/y.jpg").path, durability: .deferred)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x").path))
        // A file where a folder should be.
        #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent("plain").path, contents: Data([0])))
        do {
            try AtomicFileWriter.write([1], to: folder.appendingPathComponent("plain/z/y.jpg").path, makingFolders: true)
            Issue.record("a write through a file succeeded")
        } catch {
            #expect(error.code == "write-failed")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("a/b/c").path)
        #expect(left.sorted() == ["copy.jpg", "second.jpg"], "no temporary file is left behind")
    }
}
