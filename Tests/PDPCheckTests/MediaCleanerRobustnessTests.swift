import Foundation
import Testing
@testable import PDPCheck

/// Truncated and mutated corpus media never crash or hang the cleaner: it throws a per-file
/// error or returns a copy, and a returned copy never changes the image data it could read.
@Suite("Media cleaner robustness")
struct MediaCleanerRobustnessTests {
    /// A small seeded generator, so failures reproduce.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func variants(of input: [UInt8], seed: UInt64) -> [[UInt8]] {
        var out: [[UInt8]] = []
        let n = input.count
        for k in 1..<8 { out.append(Array(input.prefix(n * k / 8))) }
        for cut in [1, 2, 3, 7, 13] where cut < n { out.append(Array(input.prefix(n - cut))) }
        var rng = SplitMix(state: seed)
        for _ in 0..<10 {
            var m = input
            for _ in 0..<(1 + Int(rng.next() % 8)) where !m.isEmpty {
                let at = Int(rng.next() % UInt64(m.count))
                switch rng.next() % 3 {
                case 0: m[at] = UInt8(truncatingIfNeeded: rng.next())
                case 1: m[at] = 0xFF
                default: m[at] = 0x00
                }
            }
            out.append(m)
        }
        // Lengths that claim everything: a huge segment, chunk or box size near the start.
        if n > 24 {
            var big = input
            for k in 4..<8 { big[k] = 0xFF }
            out.append(big)
        }
        return out
    }

    @Test("truncated and mutated files throw or clean, never crash", arguments: StripMode.allCases)
    func hostileInputs(mode: StripMode) throws {
        var cleaned = 0, refused = 0
        for (index, entry) in try MediaCleanerFixtures.entries().enumerated() {
            let input = try MediaCleanerFixtures.bytes(entry.path)
            for variant in Self.variants(of: input, seed: UInt64(index) &* 7919) {
                do {
                    let result = try MediaMetadataCleaner.clean(variant, options: MediaCleanOptions(mode: mode))
                    #expect(result.payloadUnchanged)
                    cleaned += 1
                } catch {
                    #expect(!error.code.isEmpty)
                    refused += 1
                }
            }
        }
        #expect(cleaned > 0 && refused > 0)
    }

    @Test("XMP that cannot be followed is removed whole, never half-kept")
    func unreadableXMP() throws {
        let plan = MediaStripPlan(mode: .privacy, categories: [.authorIdentity], embeddedMedia: .remove)
        var log = CleanLog()
        for packet in ["<x:xmpmeta><rdf:RDF", "<!DOCTYPE x [<!ENTITY a 'b'>]><x/>", "<a b=c/>", "</x>"] {
            guard case .drop = XMPCleaner.clean(Array(packet.utf8), plan: plan, container: "test", log: &log) else {
                Issue.record("\(packet) was not dropped")
                continue
            }
        }
    }

    @Test("XMP stripping keeps every other byte")
    func xmpStripKeepsBytes() throws {
        let packet = """
            <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
             <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
               xmp:CreatorTool="Máy ảnh" xmp:Rating="3">
              <dc:creator><rdf:Seq><rdf:li>Đặng Thu Hà</rdf:li></rdf:Seq></dc:creator>
              <dc:subject><rdf:Bag><rdf:li>du lịch</rdf:li></rdf:Bag></dc:subject>
             </rdf:Description>
            </rdf:RDF></x:xmpmeta>
            <?xpacket end="w"?>
            """
        let result = try XMPPropertyStripper.strip(Array(packet.utf8)) { $0.local == "creator" || $0.local == "Rating" }
        let text = String(decoding: result.packet, as: UTF8.self)
        #expect(!text.contains("Đặng") && !text.contains("Rating"))
        #expect(text.contains("<dc:subject><rdf:Bag><rdf:li>du lịch</rdf:li></rdf:Bag></dc:subject>"))
        #expect(text.contains("xmp:CreatorTool=\"Máy ảnh\""))
        #expect(result.removed.count == 2 && result.keptCount == 2)
        let fields = XMPDecoder.decode(result.packet).fields
        #expect(fields.contains { $0.name == "Subject" } && !fields.contains { $0.name == "Creator" })
    }
}

extension MediaCleanerRobustnessTests {
    @Test("EXIF whose entries all point at the same large value is removed, not multiplied")
    func overlappingEXIFValues() throws {
        // IFD0 with 1000 ASCII entries (unknown tags) all naming one 20 KB value.
        var w = TIFFByteWriter(bigEndian: false)
        w.out = [0x49, 0x49, 0x2A, 0x00]
        w.u32(8)
        let count = 1000
        let valueAt = 8 + 2 + 12 * count + 4
        w.u16(count)
        for k in 0..<count {
            w.u16(0xC000 + k)
            w.u16(2)
            w.u32(20_000)
            w.u32(valueAt)
        }
        w.u32(0)
        w.out += [UInt8](repeating: 0x41, count: 20_000)
        let plan = MediaStripPlan(mode: .privacy, categories: [.gpsLocation], embeddedMedia: .remove)
        var log = CleanLog()
        #expect(EXIFRebuilder.rebuild(w.out, plan: plan, container: "test", log: &log) == nil)
        #expect(log.removed.contains { $0.fields.contains { $0.contains("overlap") } })
    }
}
