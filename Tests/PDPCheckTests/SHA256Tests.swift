import Testing
@testable import PDPCheck

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func fipsVectors(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test func millionAsFedInUnevenPieces() {
        var h = SHA256()
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

    @Test func paddingBoundaries() {
        // Lengths around the 55/56/64-byte padding edges, checked against the one-shot path.
        for n in [55, 56, 57, 63, 64, 65, 119, 120, 128] {
            let data = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            var h = SHA256()
            h.update(data[..<(n / 2)])
            h.update(data[(n / 2)...])
            #expect(h.finalize() == SHA256.hash(data), "length \(n)")
        }
        #expect(SHA256.hex(Array(repeating: UInt8(0x61), count: 64))
                == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    @Test func hmacRFC4231() {
        // RFC 4231 test case 2 and test case 6 (key longer than a block).
        let tag = HMACSHA256.authenticate(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(SHA256.hexString(tag) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let longKey = [UInt8](repeating: 0xaa, count: 131)
        let tag6 = HMACSHA256.authenticate(key: longKey,
                                           message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
        #expect(SHA256.hexString(tag6) == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }
}
