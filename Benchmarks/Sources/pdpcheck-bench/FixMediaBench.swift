// `pdpcheck-bench fix-media`: cleans photos and videos with MediaMetadataCleaner, the way
// `pdpcheck fix` will, and reports files per second. Used by Benchmarks/compare-fix-media.sh.
import Foundation
import PDPCheck

enum FixMediaBench {
    static let usage = """
        usage: pdpcheck-bench fix-media [--mode privacy|all] [--embedded remove|clean] [--out DIR] [--repeat R]
                                        [--jobs N] [--verify] PATH…

          PATH…          files or folders (searched recursively) of photos and videos
          --mode M       privacy (default) or all
          --embedded E   MPF images and motion-photo videos: remove (default) or clean
          --out DIR      write each cleaned copy to DIR/<index>-<name> (on the last run only)
          --repeat R     timed runs over all files; the best is reported, default 1
          --jobs N       files cleaned in parallel, default: all cores (as `pdpcheck scan --jobs`)
          --verify       also re-scan every copy and count fixable findings left (not timed)
        """

    static func run(_ arguments: [String]) -> Int32 {
        var mode = StripMode.privacy
        var embedded = EmbeddedMediaAction.remove
        var out: String?
        var repeats = 1
        var jobs = ProcessInfo.processInfo.activeProcessorCount
        var verify = false
        var paths: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            func value() -> String? {
                i += 1
                return i < arguments.count ? arguments[i] : nil
            }
            switch a {
            case "--mode":
                guard let v = value(), let m = StripMode(rawValue: v) else { return fail("--mode needs privacy or all") }
                mode = m
            case "--embedded":
                guard let v = value(), let e = EmbeddedMediaAction(rawValue: v) else { return fail("--embedded needs remove or clean") }
                embedded = e
            case "--out": out = value()
            case "--repeat":
                guard let v = value().flatMap(Int.init), v > 0 else { return fail("--repeat needs a positive integer") }
                repeats = v
            case "--jobs":
                guard let v = value().flatMap(Int.init), v > 0 else { return fail("--jobs needs a positive integer") }
                jobs = v
            case "--verify": verify = true
            case "-h", "--help": return fail(usage)
            default: paths.append(a)
            }
            i += 1
        }
        let files = expand(paths)
        guard !files.isEmpty else { return fail("no files\n" + usage) }
        let options = MediaCleanOptions(mode: mode, embeddedMedia: embedded)
        let clock = ContinuousClock()
        var best = Double.infinity
        let tally = Tally()
        let (workers, outDir) = (jobs, out)
        for run in 0..<repeats {
            let last = run == repeats - 1
            tally.reset()
            let t0 = clock.now
            // Each worker takes every jobs-th file; reading and writing are part of the work.
            DispatchQueue.concurrentPerform(iterations: min(workers, files.count)) { worker in
                var index = worker
                while index < files.count {
                    let path = files[index]
                    defer { index += workers }
                    guard let bytes = read(path) else { tally.add(failed: 1); continue }
                    do throws(ScanError) {
                        let result = try MediaMetadataCleaner.clean(bytes, options: options)
                        var ok = true
                        if let out = outDir, last {
                            let name = "\(index)-" + (path as NSString).lastPathComponent
                            ok = write(result.bytes, to: (out as NSString).appendingPathComponent(name))
                        }
                        tally.add(cleaned: 1, failed: ok ? 0 : 1, removed: result.removed.count, bytes: bytes.count)
                    } catch {
                        tally.add(failed: 1, bytes: bytes.count)
                        if last { FileHandle.standardError.write(Data("\(path): \(error.message)\n".utf8)) }
                    }
                }
            }
            best = min(best, (clock.now - t0).seconds)
        }
        let (cleaned, failed, removed, bytesIn) = tally.totals
        print("fix-media \(mode.rawValue) (\(jobs) jobs): \(files.count) files, \(bytesIn) bytes; cleaned \(cleaned), failed \(failed), "
              + "\(removed) removals; best \(String(format: "%.4f", best)) s, \(String(format: "%.0f", Double(files.count) / best)) files/s")
        if verify {
            var left = 0
            for path in files {
                guard let data = FileManager.default.contents(atPath: path),
                      let result = try? MediaMetadataCleaner.clean([UInt8](data), options: options) else { continue }
                let remaining = MediaCleanVerifier.remainingFixable(in: result.bytes, options: options)
                if !remaining.isEmpty {
                    left += remaining.count
                    print("  \(path): " + remaining.map { "\($0.category.rawValue) \($0.location.group ?? ""):\($0.location.field ?? "")" }
                        .joined(separator: ", "))
                }
            }
            print("verify: \(left) fixable findings left")
        }
        return failed == 0 ? 0 : 1
    }

    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { return nil }
            if n == 0 { return out }
            out += buffer[0..<n]
        }
    }

    /// A plain write, as exiftool does (Foundation's createFile is several times slower here,
    /// which would measure the file API rather than the cleaner).
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                guard let base = raw.baseAddress else { return false }
                let n = Foundation.write(fd, base + done, raw.count - done)
                if n <= 0 { return false }
                done += n
            }
            return true
        }
    }

    static func expand(_ paths: [String]) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            guard let walker = fm.enumerator(atPath: path) else { continue }
            for case let relative as String in walker {
                let full = (path as NSString).appendingPathComponent(relative)
                if fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                   !relative.hasSuffix(".json"), !relative.hasPrefix(".") {
                    files.append(full)
                }
            }
        }
        return files.sorted()
    }

    static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return 2
    }
}

/// Counts shared by the workers of one run.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var cleaned = 0, failed = 0, removed = 0, bytes = 0

    func reset() {
        lock.lock()
        defer { lock.unlock() }
        (cleaned, failed, removed, bytes) = (0, 0, 0, 0)
    }

    func add(cleaned c: Int = 0, failed f: Int = 0, removed r: Int = 0, bytes b: Int = 0) {
        lock.lock()
        defer { lock.unlock() }
        cleaned += c
        failed += f
        removed += r
        bytes += b
    }

    var totals: (Int, Int, Int, Int) {
        lock.lock()
        defer { lock.unlock() }
        return (cleaned, failed, removed, bytes)
    }
}
