import Foundation
@testable import PDPCheck

/// Shared by the MediaCleaner suites: the corpus media, exiftool, and payload extraction that
/// does not use the cleaner's own parsers (so a bug there cannot hide a changed pixel).
enum MediaCleanerFixtures {
    struct Entry: Decodable {
        let path: String
        let clean: Bool
    }

    struct Manifest: Decodable { let files: [Entry] }

    static func entries() throws -> [Entry] {
        let data = try Data(contentsOf: TestSupport.corpus.appendingPathComponent("media/manifest.json"))
        return try JSONDecoder().decode(Manifest.self, from: data).files
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: TestSupport.corpus.appendingPathComponent(path)))
    }

    /// `exiftool -j -G1 -a -n` on files (any directory); one dictionary per file.
    static func exiftool(_ paths: [String], extra: [String] = []) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["exiftool", "-j", "-G1", "-a", "-n", "-charset", "filename=utf8"] + extra + paths
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
    }

    /// Runs exiftool as a fixture writer; true when it wrote the output.
    @discardableResult
    static func exiftoolWrite(_ arguments: [String]) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["exiftool", "-q", "-q"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    // MARK: independent payload extraction

    /// JPEG: from the first SOS marker to the first EOI after it.
    static func jpegScanData(_ b: [UInt8]) -> [UInt8]? {
        var i = 2
        while i + 4 <= b.count, b[i] == 0xFF {
            let m = b[i + 1]
            if m == 0xDA {
                var j = i
                while j + 1 < b.count {
                    if b[j] == 0xFF, b[j + 1] == 0xD9 { return Array(b[i..<(j + 2)]) }
                    j += 1
                }
                return nil
            }
            i += 2 + (Int(b[i + 2]) << 8 | Int(b[i + 3]))
        }
        return nil
    }

    static func pngIDAT(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 8
        while i + 12 <= b.count {
            let n = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            if Array(b[(i + 4)..<(i + 8)]) == Array("IDAT".utf8), i + 8 + n <= b.count { out += b[(i + 8)..<(i + 8 + n)] }
            i += 12 + n
        }
        return out
    }

    static func webpBitstream(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 12
        while i + 8 <= b.count {
            let type = String(decoding: b[i..<(i + 4)], as: UTF8.self)
            let n = Int(b[i + 4]) | Int(b[i + 5]) << 8 | Int(b[i + 6]) << 16 | Int(b[i + 7]) << 24
            if ["VP8 ", "VP8L", "ALPH", "ANMF"].contains(type), i + 8 + n <= b.count { out += b[(i + 8)..<(i + 8 + n)] }
            i += 8 + n + (n & 1)
        }
        return out
    }

    static func mdat(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i + 8 <= b.count {
            var n = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            if n == 0 { n = b.count - i }
            guard n >= 8 else { break }
            if Array(b[(i + 4)..<(i + 8)]) == Array("mdat".utf8) { out += b[(i + 8)..<min(b.count, i + n)] }
            i += n
        }
        return out
    }

    /// The raw payload by format, or nil for formats checked only through MediaPayload.
    static func independentPayload(_ b: [UInt8], format: InputFormat) -> [UInt8]? {
        switch format {
        case .jpeg: return jpegScanData(b)
        case .png: return pngIDAT(b)
        case .webp: return webpBitstream(b)
        case .isobmffVideo: return mdat(b)
        default: return nil
        }
    }

    /// A minimal valid ICC profile: the 128-byte header and one tag (the media white point).
    static let iccProfile: [UInt8] = {
        var p = [UInt8](repeating: 0, count: 164)
        func put(_ s: String, _ at: Int) { for (k, c) in s.utf8.enumerated() { p[at + k] = c } }
        p[3] = 164
        put("none", 4)
        p[8] = 0x02; p[9] = 0x10
        put("mntr", 12); put("RGB ", 16); put("XYZ ", 20)
        p[24] = 0x07; p[25] = 0xEA; p[27] = 1; p[29] = 1  // 2026-01-01
        put("acsp", 36)
        let d50: [UInt8] = [0x00, 0x00, 0xF6, 0xD6, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0xD3, 0x2D]
        p.replaceSubrange(68..<80, with: d50)
        p[131] = 1  // one tag: wtpt at 144, 20 bytes
        put("wtpt", 132); p[139] = 144; p[143] = 20
        put("XYZ ", 144)
        p.replaceSubrange(152..<164, with: d50)
        return p
    }()
}
