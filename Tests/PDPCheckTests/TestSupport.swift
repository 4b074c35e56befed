import Foundation
@testable import PDPCheck

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The package root, found from this file's location.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static var corpus: URL { packageRoot.appendingPathComponent("Corpus") }

    /// CPU seconds the calling thread spends in `body`. Time limits in tests use this, not the
    /// wall clock, so a busy machine (parallel tests, a CI neighbour) cannot fail them.
    static func cpuSeconds(_ body: () throws -> Void) rethrows -> Double {
        func now() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        let start = now()
        try body()
        return now() - start
    }

    /// `body`'s value and the CPU seconds the calling thread spent computing it.
    static func cpuTimed<T>(_ body: () throws -> T) rethrows -> (value: T, seconds: Double) {
        var value: T?
        let seconds = try cpuSeconds { value = try body() }
        return (value!, seconds)
    }

    /// Splits an example with ⟦…⟧ marks into its text and the expected UTF-8 byte spans.
    static func parseMarkedExample(_ marked: String) -> (text: String, spans: [Range<Int>]) {
        var bytes: [UInt8] = []
        var spans: [Range<Int>] = []
        var open: Int?
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "⟦": open = bytes.count
            case "⟧":
                if let start = open { spans.append(start..<bytes.count) }
                open = nil
            default: bytes.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        return (String(decoding: bytes, as: UTF8.self), spans)
    }

    static func detect(_ detector: any TextDetector, in text: String) -> [TextMatch] {
        var matches: [TextMatch] = []
        Array(text.utf8).withUnsafeBufferPointer { detector.detect(in: $0, into: &matches) }
        return matches
    }

    /// A fresh temporary folder, removed by the caller.
    static func makeTemporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pdpcheck-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
