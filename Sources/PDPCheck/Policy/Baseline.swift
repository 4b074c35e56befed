import Foundation

/// Findings an admin has accepted (`--write-baseline FILE`), so later scans report only new
/// ones (`--baseline FILE`). The file holds keyed fingerprints, never values: an HMAC-SHA256,
/// under a random key stored in that baseline file, of the path, category, rule, normalised
/// value and a few words before the value on its line. No line number or offset goes in, so a
/// finding keeps its fingerprint when lines are inserted above it; and the key means a leaked
/// baseline cannot be used to test guesses of a number without the file.
public struct Baseline: Sendable {
    public struct Entry: Codable, Sendable, Hashable {
        public var fingerprint: String
        public var path: String
        public var category: Category
        public var ruleId: String
    }

    public static let formatVersion = 1
    static let keyBytes = 32
    static let maxFileBytes = 64 << 20

    public private(set) var key: [UInt8]
    public private(set) var entries: [Entry]
    private var fingerprints: Set<String>

    init(key: [UInt8], entries: [Entry]) {
        self.key = key
        self.entries = entries
        fingerprints = Set(entries.map(\.fingerprint))
    }

    public var count: Int { entries.count }

    /// A baseline of every finding in `report` under a fresh random key.
    public static func make(from report: Report) -> Baseline {
        var rng = SystemRandomNumberGenerator()
        let key = (0..<keyBytes).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return make(from: report, key: key)
    }

    static func make(from report: Report, key: [UInt8]) -> Baseline {
        var seen = Set<String>()
        var entries: [Entry] = []
        for file in report.files {
            for finding in file.findings {
                let fp = fingerprint(finding, path: file.path, key: key)
                if seen.insert(fp).inserted {
                    entries.append(Entry(fingerprint: fp, path: file.path, category: finding.category, ruleId: finding.ruleId))
                }
            }
        }
        entries.sort { ($0.path, $0.category, $0.ruleId, $0.fingerprint) < ($1.path, $1.category, $1.ruleId, $1.fingerprint) }
        return Baseline(key: key, entries: entries)
    }

    static func fingerprint(_ finding: Finding, path: String, key: [UInt8]) -> String {
        let value = ValueNormalizer.normalize(finding.trace?.value ?? finding.evidence, category: finding.category)
        let context = ValueNormalizer.normalize(finding.trace?.context ?? "", category: nil)
        let fields = ["pdpcheck-baseline-v1", path, finding.location.part ?? "", finding.category.rawValue,
                      finding.ruleId, value, context]
        var message: [UInt8] = []
        for field in fields {
            message += Array(field.utf8)
            message.append(0)
        }
        return SHA256.hexString(HMACSHA256.authenticate(key: key, message: message))
    }

    public func contains(_ finding: Finding, path: String) -> Bool {
        fingerprints.contains(Self.fingerprint(finding, path: path, key: key))
    }

    // MARK: - File

    private struct FileFormat: Codable {
        var tool: String
        var version: Int
        var note: String
        var key: String
        var fingerprints: [Entry]
    }

    /// The file's bytes: JSON, keys sorted, one entry per line group, ending in a newline.
    public func encoded() throws -> [UInt8] {
        let file = FileFormat(tool: "pdpcheck", version: Self.formatVersion,
                              note: "pdpcheck baseline: accepted findings as HMAC-SHA256 fingerprints under `key`; no personal values",
                              key: SHA256.hexString(key), fingerprints: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(file)) + [0x0A]
    }

    /// Writes atomically (temporary file in the same folder, then rename).
    public func write(to path: String) throws(ScanError) {
        let bytes: [UInt8]
        do { bytes = try encoded() } catch {
            throw ScanError(code: "write-failed", message: "cannot encode the baseline: \(error)")
        }
        try AtomicFileWriter.write(bytes, to: path)
    }

    public static func read(from path: String) throws(ScanError) -> Baseline {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
            throw ScanError(code: "baseline", message: "\(path): \(reason)")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maxFileBytes + 1)) ?? Data()
        guard data.count <= maxFileBytes else {
            throw ScanError(code: "baseline", message: "\(path): over \(maxFileBytes) bytes, not a pdpcheck baseline")
        }
        return try decode([UInt8](data), file: path)
    }

    static func decode(_ bytes: [UInt8], file: String) throws(ScanError) -> Baseline {
        let parsed: FileFormat
        do {
            parsed = try JSONDecoder().decode(FileFormat.self, from: Data(bytes))
        } catch {
            throw ScanError(code: "baseline", message: "\(file): not a pdpcheck baseline (\(Self.describe(error)))")
        }
        guard parsed.tool == "pdpcheck", parsed.version == formatVersion else {
            throw ScanError(code: "baseline", message: "\(file): baseline version \(parsed.version) of '\(parsed.tool)'; "
                                                       + "this pdpcheck reads version \(formatVersion)")
        }
        guard let key = hexBytes(parsed.key), key.count == keyBytes else {
            throw ScanError(code: "baseline", message: "\(file): `key` must be \(keyBytes * 2) hexadecimal digits")
        }
        for entry in parsed.fingerprints where hexBytes(entry.fingerprint)?.count != 32 {
            throw ScanError(code: "baseline", message: "\(file): fingerprint '\(entry.fingerprint.prefix(80))' is not 64 hexadecimal digits")
        }
        return Baseline(key: key, entries: parsed.fingerprints)
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing `\(key.stringValue)`"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c), DecodingError.dataCorrupted(let c):
            let path = c.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? c.debugDescription : "\(path): \(c.debugDescription)"
        default: return "\(error)"
        }
    }

    static func hexBytes(_ s: String) -> [UInt8]? {
        let chars = Array(s.utf8)
        guard chars.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x61...0x66: return c - 0x61 + 10
            case 0x41...0x46: return c - 0x41 + 10
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var i = 0
        while i < chars.count {
            guard let hi = nibble(chars[i]), let lo = nibble(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}

extension Report {
    /// The report without the findings `baseline` accepted, counted per file and in the summary.
    public func applying(_ baseline: Baseline) -> Report {
        let files = self.files.map { file -> FileReport in
            var file = file
            let before = file.findings.count
            file.findings.removeAll { baseline.contains($0, path: file.path) }
            file.suppressed.baseline += before - file.findings.count
            return file
        }
        return Report(policy: policy, destination: destination, files: files)
    }
}
