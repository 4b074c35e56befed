import Foundation
import Testing
@testable import PDPCheck

/// Inputs the text fuzzer (Fuzz/run.sh text) once crashed on, kept so the fix stays fixed.
@Suite("Text fuzz regressions")
struct TextFuzzRegressionTests {
    /// Teencode with stray bytes (0x9C, 0xF5, 0x19 runs) around "e la … sdt … ck o thon": a
    /// private-life phrase whose sentence ended before its own start.
    static let privateLifeSentence = "ZQAAAZwg////////BARhbiBkYW5oIGtob25nIGR1b2MgdmkgZSBtdW9uIG5ndW9pIG5oYSBjayBkb2MgZHVvYyBiYWkgbmF5vC4KZSBsYSBMdfUgVJibkKAgZHVvYyBiYWkgbmF5vC4KZSBsYSAgIFR19WloTFRoYW5oIEh1b25nLCBzZHQgMDU4MiA5NDcgMzE2LCB2ZSBsYW0gZGF1IG5oYSBjayBvIHRob24gXVRhbiBvbiBkdW9jIDMgbmFtLgqizCBjayBlIG5nYXkgbmFvIGN1bmfgCRkZGRkZGRkZGRkZGSBuYXm8LgplIGxhICAgVHX1aWhMVGhhbmggSHVvbmcsIHNkdCAwMjkxIDk0NyAzMTYsIHZlIGxhbSBkYXUgbmhhIGNrIG8gdGhvbiBdVGFuIG9uIGR1b2MgMyBuYW0uCm1lIGNrIAUgbmdheSBuYW8gY3VuZ+AJGRkZGRkZGRkZGRkZGRkZAQA0ChkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRmcl4qW09+LdWFuIHRydW9jIG1lIGNrIGR1b2kgLiByYSBraG9pIG5oYSBnaXVhIGRlc2F5bSBraG8gbGFtIiBtYSBlIGtvIG5naGkgbGGf35SXkN8ZGRkBADQKGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGZyXipbT34t1YW4gdHJ1b2MgbWUgY2sgZHVvaSBlIHJhIGtob2kgbmhhIGdpdWEgZGVzYXltIGtobyBsYW0iIG1hIGUga28gbmdoaSBsYZ/flJeQ35uabiB2YXkg8J+YrQo="

    @Test("every text detector runs to the end on inputs the fuzzer found")
    func fuzzFound() throws {
        let bytes = try #require(Data(base64Encoded: Self.privateLifeSentence))
        _ = TextDetectionEngine.standard.detect(in: [UInt8](bytes))
        // Each prefix too: the crash depended on where the text ends.
        for cut in stride(from: 1, to: bytes.count, by: 7) {
            _ = TextDetectionEngine.standard.detect(in: [UInt8](bytes.prefix(cut)))
        }
    }
}
