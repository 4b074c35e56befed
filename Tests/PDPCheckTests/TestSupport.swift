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
