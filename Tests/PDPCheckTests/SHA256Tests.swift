import Foundation
import Testing
@_spi(Benchmark) @testable import PDPCheck

/// Every vector runs on both compressions: `accelerated: true` is the SHA-NI path where the CPU
/// has it (the portable one elsewhere), `false` always the portable Swift path.
@Suite struct SHA256Tests {
    static let paths = [true, false]

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ], paths)
    func fipsVectors(vector: (String, String), accelerated: Bool) {
        #expect(SHA256.hexString(SHA256.hash(Array(vector.0.utf8), useAcceleration: accelerated)) == vector.1)
    }

    @Test func publicEntryPoints() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var h = SHA256()
        h.update(Array("ab".utf8))
        h.update(Array("c".utf8))
        #expect(h.finalize() == SHA256.hash(Array("abc".utf8), useAcceleration: false))
    }

    @Test(arguments: paths)
    func millionAsFedInUnevenPieces(accelerated: Bool) {
        var h = SHA256(useAcceleration: accelerated)
        var fed = 0
        var piece = 1
        while fed < 1_000_000 {
            let n = min(piece, 1_000_000 - fed)
            h.update([UInt8](repeating: 0x61, count: n))
            fed += n
            piece = piece % 157 + 13
        }
        #expect(SHA256.hexString(h.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(arguments: paths)
    func paddingBoundaries(accelerated: Bool) {
        // Lengths around the 55/56/64-byte padding edges, checked against the one-shot path.
        for n in [55, 56, 57, 63, 64, 65, 119, 120, 128] {
            let data = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            var h = SHA256(useAcceleration: accelerated)
            h.update(data[..<(n / 2)])
            h.update(data[(n / 2)...])
            #expect(h.finalize() == SHA256.hash(data, useAcceleration: accelerated), "length \(n)")
        }
        #expect(SHA256.hexString(SHA256.hash(Array(repeating: UInt8(0x61), count: 64), useAcceleration: accelerated))
                == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    @Test(arguments: paths)
    func hmacRFC4231(accelerated: Bool) {
        // RFC 4231 test case 2 and test case 6 (key longer than a block).
        let tag = HMACSHA256.authenticate(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8),
                                          useAcceleration: accelerated)
        #expect(SHA256.hexString(tag) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let longKey = [UInt8](repeating: 0xaa, count: 131)
        let tag6 = HMACSHA256.authenticate(key: longKey,
                                           message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
                                           useAcceleration: accelerated)
        #expect(SHA256.hexString(tag6) == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
        #expect(HMACSHA256.authenticate(key: longKey, message: Array("x".utf8))
                == HMACSHA256.authenticate(key: longKey, message: Array("x".utf8), useAcceleration: !accelerated))
    }

    @Test func slicesAndNonContiguousInput() {
        let data = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        let expected = SHA256.hash(data, useAcceleration: false)
        for accelerated in SHA256Tests.paths {
            // A slice that starts mid-array, then a lazy collection with no contiguous storage.
            let padded = [0xee, 0xee, 0xee] + data
            #expect(SHA256.hash(padded[3...], useAcceleration: accelerated) == expected)
            #expect(SHA256.hash((0..<300).lazy.map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) },
                                useAcceleration: accelerated) == expected)
        }
    }

    /// The dispatch must pick the SHA instructions wherever the kernel reports them, or CI would
    /// test only the portable path on the machines that matter.
    @Test func dispatchFollowsTheCPU() throws {
        guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let flags = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return }
        let set = Set(flags.split(separator: " ").map(String.init))
        #expect(SHA256.hardwareAccelerationAvailable == (set.contains("sha_ni") && set.contains("sse4_1")))
    }

    // MARK: differential, SHA-NI against the Swift compression

    @Test func differentialShortInputs() {
        var rng = Seeded(seed: 0x5A256)
        for length in 0...300 {
            let data = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
            let reference = SHA256.hash(data, useAcceleration: false)
            #expect(SHA256.hash(data, useAcceleration: true) == reference, "length \(length)")
            for accelerated in SHA256Tests.paths {
                #expect(streamed(data, accelerated: accelerated, maxChunk: 70, rng: &rng) == reference,
                        "length \(length), streamed, accelerated \(accelerated)")
            }
        }
    }

    @Test func differentialMegabytes() {
        var rng = Seeded(seed: 0xB16)
        for length in [1 << 20, 3_000_017] {
            var data = [UInt8](repeating: 0, count: length)
            data.withUnsafeMutableBytes { buffer in
                for i in stride(from: 0, to: buffer.count - 7, by: 8) {
                    buffer.storeBytes(of: rng.next(), toByteOffset: i, as: UInt64.self)
                }
            }
            let reference = SHA256.hash(data, useAcceleration: false)
            #expect(SHA256.hash(data, useAcceleration: true) == reference, "length \(length)")
            #expect(streamed(data, accelerated: true, maxChunk: 200_000, rng: &rng) == reference, "length \(length)")
            #expect(streamed(data, accelerated: false, maxChunk: 200_000, rng: &rng) == reference, "length \(length)")
        }
    }

    /// sha256sum as an outside oracle, on files that end inside, on and past block edges.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum")))
    func matchesSha256sum() throws {
        let dir = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = Seeded(seed: 0xF11E5)
        var files: [(URL, [UInt8])] = []
        for (i, length) in [0, 1, 64, 1_000, 65_599, 1_048_576 + 9].enumerated() {
            let data = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
            let url = dir.appendingPathComponent("random-\(i).bin")
            try Data(data).write(to: url)
            files.append((url, data))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = files.map { $0.0.path }
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
        try #require(lines.count == files.count)
        for ((url, data), line) in zip(files, lines) {
            let expected = String(line.prefix(64))
            #expect(SHA256.hexString(SHA256.hash(data, useAcceleration: true)) == expected, "\(url.lastPathComponent)")
            #expect(SHA256.hexString(SHA256.hash(data, useAcceleration: false)) == expected, "\(url.lastPathComponent)")
        }
    }

    private func streamed(_ data: [UInt8], accelerated: Bool, maxChunk: Int, rng: inout Seeded) -> [UInt8] {
        var h = SHA256(useAcceleration: accelerated)
        var i = 0
        while i < data.count {
            let n = min(Int.random(in: 0...maxChunk, using: &rng), data.count - i)
            h.update(data[i..<(i + n)])
            i += n
        }
        return h.finalize()
    }

    /// SplitMix64: the same bytes on every run, so a failure can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
