import CSHA256

/// SHA-256 (FIPS 180-4), written out so the library needs no crypto package (swift-crypto pulls
/// BoringSSL into every build). Used for payload proofs in fix reports and baseline fingerprints.
/// Fixing a photo or a movie hashes its whole image payload twice, so whole blocks go to the
/// CPU's SHA instructions (the CSHA256 target) when it has them, and to a portable Swift
/// compression otherwise; both give the same digest.
public struct SHA256: Sendable {
    typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    private var state: State =
        (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
    /// The partial block, inline: a hasher per baseline fingerprint should not cost a heap buffer.
    private var block: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var blockCount = 0
    private var totalBytes: UInt64 = 0
    private let accelerated: Bool

    /// Whether this CPU has the SHA extensions; asked once per process.
    @_spi(Benchmark) public static let hardwareAccelerationAvailable = csha256_has_ni() != 0

    public init() {
        accelerated = SHA256.hardwareAccelerationAvailable
    }

    /// `useAcceleration: false` forces the portable compression, so tests (and the benchmark)
    /// can compare both paths on a machine that has the SHA extensions.
    @_spi(Benchmark) public init(useAcceleration: Bool) {
        accelerated = useAcceleration && SHA256.hardwareAccelerationAvailable
    }

    public static func hash<C: Collection<UInt8>>(_ bytes: C) -> [UInt8] {
        hash(bytes, useAcceleration: true)
    }

    static func hash<C: Collection<UInt8>>(_ bytes: C, useAcceleration: Bool) -> [UInt8] {
        var h = SHA256(useAcceleration: useAcceleration)
        h.update(bytes)
        return h.finalize()
    }

    public static func hex<C: Collection<UInt8>>(_ bytes: C) -> String {
        hexString(hash(bytes))
    }

    public static func hexString(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(digest.count * 2)
        for b in digest {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public mutating func update<C: Collection<UInt8>>(_ bytes: C) {
        totalBytes &+= UInt64(bytes.count)
        let done = bytes.withContiguousStorageIfAvailable { buffer -> Bool in
            absorb(UnsafeRawBufferPointer(buffer))
            return true
        }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { absorb($0) }
        }
    }

    /// Whole blocks are compressed straight from the caller's buffer; only a partial block at
    /// either end is copied into `block`.
    private mutating func absorb(_ input: UnsafeRawBufferPointer) {
        guard var p = input.baseAddress, !input.isEmpty else { return }
        var n = input.count
        if blockCount > 0 {
            let take = min(64 - blockCount, n)
            let offset = blockCount
            withUnsafeMutableBytes(of: &block) { ($0.baseAddress! + offset).copyMemory(from: p, byteCount: take) }
            blockCount += take
            p += take
            n -= take
            guard blockCount == 64 else { return }
            var full = block
            withUnsafeBytes(of: &full) { SHA256.compress(&state, $0.baseAddress!, blocks: 1, accelerated: accelerated) }
            blockCount = 0
        }
        let whole = n / 64
        if whole > 0 {
            SHA256.compress(&state, p, blocks: whole, accelerated: accelerated)
            p += whole * 64
            n -= whole * 64
        }
        if n > 0 {
            withUnsafeMutableBytes(of: &block) { $0.baseAddress!.copyMemory(from: p, byteCount: n) }
            blockCount = n
        }
    }

    public mutating func finalize() -> [UInt8] {
        // Padding: 0x80, zeros, then the bit length big-endian in the last 8 bytes of a block;
        // a second block when the partial one has no room for the length.
        var last = block
        let count = blockCount
        let bitLength = totalBytes &* 8
        withUnsafeMutableBytes(of: &last) { b in
            b[count] = 0x80
            for i in (count + 1)..<64 { b[i] = 0 }
            if count >= 56 {
                SHA256.compress(&state, b.baseAddress!, blocks: 1, accelerated: accelerated)
                for i in 0..<56 { b[i] = 0 }
            }
            b.storeBytes(of: bitLength.bigEndian, toByteOffset: 56, as: UInt64.self)
            SHA256.compress(&state, b.baseAddress!, blocks: 1, accelerated: accelerated)
        }
        blockCount = 0
        var digest = (state.0.bigEndian, state.1.bigEndian, state.2.bigEndian, state.3.bigEndian,
                      state.4.bigEndian, state.5.bigEndian, state.6.bigEndian, state.7.bigEndian)
        return withUnsafeBytes(of: &digest) { Array($0) }
    }

    @inline(__always)
    private static func compress(_ state: inout State, _ p: UnsafeRawPointer, blocks: Int, accelerated: Bool) {
        if accelerated {
            // A tuple of UInt32 is laid out as uint32_t[8].
            withUnsafeMutableBytes(of: &state) { s in
                csha256_blocks(s.baseAddress!.assumingMemoryBound(to: UInt32.self),
                               p.assumingMemoryBound(to: UInt8.self), blocks)
            }
        } else {
            SHA256.k.withUnsafeBufferPointer { compressPortable(&state, p, blocks: blocks, k: $0.baseAddress!) }
        }
    }

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The portable compression. The schedule lives in 16 locals updated in place (W[t] replaces
    /// W[t-16]) and the rounds are written out 16 at a time, renaming a…h instead of shifting
    /// them, so the optimizer keeps everything in registers: about 1.6× the straightforward
    /// 64-word-array loop in a release build.
    private static func compressPortable(_ state: inout State, _ data: UnsafeRawPointer, blocks: Int,
                                         k: UnsafePointer<UInt32>) {
        var p = data
        for _ in 0..<blocks {
            @inline(__always) func word(_ i: Int) -> UInt32 {
                p.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self).bigEndian
            }
            var (w0, w1, w2, w3, w4, w5, w6, w7) = (word(0), word(1), word(2), word(3), word(4), word(5), word(6), word(7))
            var (w8, w9, w10, w11, w12, w13, w14, w15) =
                (word(8), word(9), word(10), word(11), word(12), word(13), word(14), word(15))
            var (a, b, c, d, e, f, g, h) = state
            var t = 0
            while true {
                round(a, b, c, &d, e, f, g, &h, k[t] &+ w0)
                round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w1)
                round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w2)
                round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w3)
                round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w4)
                round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w5)
                round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w6)
                round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w7)
                round(a, b, c, &d, e, f, g, &h, k[t + 8] &+ w8)
                round(h, a, b, &c, d, e, f, &g, k[t + 9] &+ w9)
                round(g, h, a, &b, c, d, e, &f, k[t + 10] &+ w10)
                round(f, g, h, &a, b, c, d, &e, k[t + 11] &+ w11)
                round(e, f, g, &h, a, b, c, &d, k[t + 12] &+ w12)
                round(d, e, f, &g, h, a, b, &c, k[t + 13] &+ w13)
                round(c, d, e, &f, g, h, a, &b, k[t + 14] &+ w14)
                round(b, c, d, &e, f, g, h, &a, k[t + 15] &+ w15)
                t += 16
                if t == 64 { break }
                w0 = w0 &+ sigma0(w1) &+ w9 &+ sigma1(w14)
                w1 = w1 &+ sigma0(w2) &+ w10 &+ sigma1(w15)
                w2 = w2 &+ sigma0(w3) &+ w11 &+ sigma1(w0)
                w3 = w3 &+ sigma0(w4) &+ w12 &+ sigma1(w1)
                w4 = w4 &+ sigma0(w5) &+ w13 &+ sigma1(w2)
                w5 = w5 &+ sigma0(w6) &+ w14 &+ sigma1(w3)
                w6 = w6 &+ sigma0(w7) &+ w15 &+ sigma1(w4)
                w7 = w7 &+ sigma0(w8) &+ w0 &+ sigma1(w5)
                w8 = w8 &+ sigma0(w9) &+ w1 &+ sigma1(w6)
                w9 = w9 &+ sigma0(w10) &+ w2 &+ sigma1(w7)
                w10 = w10 &+ sigma0(w11) &+ w3 &+ sigma1(w8)
                w11 = w11 &+ sigma0(w12) &+ w4 &+ sigma1(w9)
                w12 = w12 &+ sigma0(w13) &+ w5 &+ sigma1(w10)
                w13 = w13 &+ sigma0(w14) &+ w6 &+ sigma1(w11)
                w14 = w14 &+ sigma0(w15) &+ w7 &+ sigma1(w12)
                w15 = w15 &+ sigma0(w0) &+ w8 &+ sigma1(w13)
            }
            state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d,
                     state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h)
            p += 64
        }
    }

    /// One round: `d` gets e's successor and `h` a's; the caller rotates the names.
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
        let t1 = h &+ (e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)) &+ (g ^ (e & (f ^ g))) &+ kw
        d = d &+ t1
        h = t1 &+ (a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)) &+ ((a & b) | (c & (a | b)))
    }

    @inline(__always) private static func sigma0(_ x: UInt32) -> UInt32 { x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x >> 3) }
    @inline(__always) private static func sigma1(_ x: UInt32) -> UInt32 { x.rotatedRight(17) ^ x.rotatedRight(19) ^ (x >> 10) }
}

/// HMAC-SHA256 (RFC 2104): keyed fingerprints, so a baseline file cannot be used to test guesses
/// of the values it covers without its key.
public enum HMACSHA256 {
    public static func authenticate<K: Collection<UInt8>, M: Collection<UInt8>>(key: K, message: M) -> [UInt8] {
        authenticate(key: key, message: message, useAcceleration: true)
    }

    static func authenticate<K: Collection<UInt8>, M: Collection<UInt8>>(key: K, message: M,
                                                                         useAcceleration: Bool) -> [UInt8] {
        var k = Array(key)
        if k.count > 64 { k = SHA256.hash(k, useAcceleration: useAcceleration) }
        k += [UInt8](repeating: 0, count: 64 - k.count)
        var inner = SHA256(useAcceleration: useAcceleration)
        inner.update(k.map { $0 ^ 0x36 })
        inner.update(message)
        let innerDigest = inner.finalize()
        var outer = SHA256(useAcceleration: useAcceleration)
        outer.update(k.map { $0 ^ 0x5c })
        outer.update(innerDigest)
        return outer.finalize()
    }
}

private extension UInt32 {
    @inline(__always) func rotatedRight(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}
