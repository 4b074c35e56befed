import Foundation
import PDPCheck

/// Timings of repeated single-threaded scans of one buffer.
struct Measurement {
    var seconds: [Double]
    /// Matches of the last run (every run must return the same count).
    var matches: [TextMatch]

    var best: Double { seconds.min() ?? 0 }
    var median: Double {
        let s = seconds.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}

/// Keeps a value observable so the optimizer cannot drop the work that produced it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

extension Duration {
    var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}

/// Seconds on the chosen clock: wall time, or with `BENCH_CLOCK=cpu` the calling thread's CPU
/// time, which a busy machine (other builds on the same cores) disturbs far less.
func benchSeconds() -> Double {
    var ts = timespec()
    clock_gettime(useCPUClock ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

let useCPUClock = ProcessInfo.processInfo.environment["BENCH_CLOCK"] == "cpu"

/// Runs `engine.detect` `repeats` times on the same bytes, on the calling thread.
func measure(_ engine: TextDetectionEngine, on bytes: [UInt8], repeats: Int) -> Measurement {
    bytes.withUnsafeBufferPointer { buffer in
        var seconds: [Double] = []
        var last: [TextMatch] = []
        var checksum = 0
        for run in 0..<repeats {
            let t0 = benchSeconds()
            let found = engine.detect(in: buffer)
            seconds.append(benchSeconds() - t0)
            // Consume the result: its size and first/last offsets feed a checksum.
            checksum &+= found.count &+ (found.first?.start ?? 0) &+ (found.last?.end ?? 0)
            if run > 0 && found.count != last.count {
                printError("warning: run \(run) returned \(found.count) matches, run \(run - 1) returned \(last.count)")
            }
            last = found
        }
        blackHole(checksum)
        return Measurement(seconds: seconds, matches: last)
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
