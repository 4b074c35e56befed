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
}
