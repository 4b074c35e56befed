import Foundation
import Testing
@testable import PDPCheck

@Suite("Walker")
struct WalkerTests {
    static func tree() throws -> URL {
        let root = try TestSupport.makeTemporaryDirectory()
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("b/inner"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("a"), withIntermediateDirectories: true)
        for name in ["z.txt", "a/2.txt", "a/1.txt", "b/inner/deep.md", "B.txt", "ý.txt"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(name))
        }
        return root
    }

    @Test("folders are walked recursively in byte-wise sorted order")
    func stableOrder() throws {
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let items = Walker().enumerate([root.path])
        let relative = items.map { String($0.displayPath.dropFirst(root.path.count + 1)) }
        #expect(relative == ["B.txt", "a/1.txt", "a/2.txt", "b/inner/deep.md", "z.txt", "ý.txt"])
        #expect(items.allSatisfy { if case .file = $0.source { true } else { false } })
        #expect(Walker().enumerate([root.path]) == items)
    }

    @Test("a symlink loop becomes one error item and the walk goes on")
    func symlinkLoop() throws {
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("a/loop").path,
                                                   withDestinationPath: root.path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("dangling").path,
                                                   withDestinationPath: root.appendingPathComponent("nowhere").path)
        let items = Walker().enumerate([root.path])
        let errors = items.compactMap { item -> (String, String)? in
            if case .failed(let e) = item.source { return (String(item.displayPath.dropFirst(root.path.count + 1)), e.code) }
            return nil
        }
        #expect(errors.map(\.0) == ["a/loop", "dangling"])
        #expect(errors.map(\.1) == ["symlink-loop", "broken-symlink"])
        #expect(items.filter { if case .file = $0.source { true } else { false } }.count == 6)
    }

    @Test("missing paths, FIFOs and stdin")
    func specialInputs() throws {
        let root = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let fifo = root.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let items = Walker().enumerate([root.appendingPathComponent("missing").path, fifo, "-"], stdin: Array("hi".utf8))
        guard items.count == 3 else {
            Issue.record("expected 3 items, got \(items)")
            return
        }
        if case .failed(let e) = items[0].source { #expect(e.code == "not-found") } else { Issue.record("missing path") }
        if case .skipped(let e) = items[1].source { #expect(e.code == "not-a-regular-file") } else { Issue.record("fifo") }
        #expect(items[2] == InputItem(displayPath: "-", source: .bytes(Array("hi".utf8))))
    }

    @Test("the file limit stops enumeration with an error item")
    func fileLimit() throws {
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let items = Walker(limits: InputLimits(maxFiles: 3)).enumerate([root.path])
        #expect(items.count == 4, "three files, then one item saying the limit was hit")
        #expect(items.dropLast().allSatisfy { if case .file = $0.source { true } else { false } })
        if case .failed(let e)? = items.last?.source { #expect(e.code == "file-limit") } else { Issue.record("no limit item") }
    }
}
