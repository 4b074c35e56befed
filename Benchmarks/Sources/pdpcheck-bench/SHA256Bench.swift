// `pdpcheck-bench sha256`: SHA-256 throughput of both compressions (SHA-NI where the CPU has
// it, and the portable Swift one) over one buffer, to compare with `sha256sum` and `openssl`.
import Foundation
@_spi(Benchmark) import PDPCheck

enum SHA256Bench {
    static let usage = """
        usage: pdpcheck-bench sha256 [--megabytes N] [--repeat R] [--input FILE]

          --megabytes N  size of the buffer in MiB (2^20 bytes) of pseudo-random bytes, default 64
          --repeat R     timed runs per path; the best is reported, default 5
          --input FILE   hash FILE's bytes instead (read into memory first, not timed)
        """

    static func run(_ arguments: [String]) -> Int32 {
        var megabytes = 64
        var repeats = 5
        var input: String?
        var i = 0
        while i < arguments.count {
            let next = i + 1 < arguments.count ? arguments[i + 1] : ""
            switch arguments[i] {
            case "--megabytes":
                guard let v = Int(next), v > 0 else { return fail("--megabytes needs a positive integer") }
                megabytes = v
            case "--repeat":
                guard let v = Int(next), v > 0 else { return fail("--repeat needs a positive integer") }
                repeats = v
            case "--input": input = next
            default: return fail(usage)
            }
            i += 2
        }
        var bytes: [UInt8]
        if let input {
            guard let data = FileManager.default.contents(atPath: input) else { return fail("cannot read \(input)") }
            bytes = [UInt8](data)
        } else {
            bytes = [UInt8](repeating: 0, count: megabytes << 20)
            var rng = SplitMix64(seed: 42)
            bytes.withUnsafeMutableBytes { b in
                for o in stride(from: 0, to: b.count - 7, by: 8) { b.storeBytes(of: rng.next(), toByteOffset: o, as: UInt64.self) }
            }
        }
        var digests: [String] = []
        for accelerated in [true, false] {
            let name = accelerated
                ? (SHA256.hardwareAccelerationAvailable ? "sha-ni" : "sha-ni (unavailable: portable)") : "swift"
            var best = Double.infinity
            var digest: [UInt8] = []
            for _ in 0..<repeats {
                let t0 = benchSeconds()
                var h = SHA256(useAcceleration: accelerated)
                h.update(bytes)
                digest = h.finalize()
                best = min(best, benchSeconds() - t0)
            }
            digests.append(SHA256.hexString(digest))
            print("sha256 \(name): \(bytes.count) bytes, best \(fmt(best, 4)) s, \(fmt(Double(bytes.count) / 1_000_000 / best, 1)) MB/s"
                + " (best of \(repeats)) \(SHA256.hexString(digest))")
        }
        return digests[0] == digests[1] ? 0 : fail("the two paths disagree")
    }

    private static func fail(_ message: String) -> Int32 {
        printError(message)
        return 2
    }
}
