// libFuzzer entry point: the e-mail reader (header unfolding, RFC 2047 words, address lists,
// MIME parameters with RFC 2231, multipart splitting, Base64 / quoted-printable, nested
// messages, the HTML bodies) on arbitrary bytes, and the text engine over every part.
// Built like Fuzz/FuzzTextPipeline.swift, together with the library sources. Seeds:
// Corpus/documents/email/*.eml.

let fuzzMailLimits: ArchiveLimits = {
    var limits = ArchiveLimits()
    limits.maxMembers = 200
    limits.maxMemberBytes = 1 << 20
    limits.maxTotalExpandedBytes = 4 << 20
    return limits
}()

struct FuzzMailHandler: EmbeddedFileHandler {
    var total = 0
    mutating func embedded(name: String, bytes: [UInt8]) {
        guard bytes.count <= fuzzMailLimits.maxMemberBytes else { fatalError("attachment \(name) over the member limit") }
        total += bytes.count
        guard total <= fuzzMailLimits.maxTotalExpandedBytes else { fatalError("attachments over the expansion budget") }
    }
    mutating func skipped(name: String, reason: ScanError) {}
}

@_cdecl("LLVMFuzzerTestOneInput")
public func pdpcheckFuzzEmailOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var handler = FuzzMailHandler()
    if let content = try? EmailMessageReader.read(bytes, limits: fuzzMailLimits, handler: &handler) {
        for part in content.textParts {
            guard TextSniffer.isValidUTF8(part.utf8, allowTruncatedTail: false) else {
                fatalError("invalid UTF-8 in \(part.part ?? "nil")")
            }
            if let map = part.sourceOffsets, map.count != part.utf8.count + 1 { fatalError("bad map in \(part.part ?? "nil")") }
            _ = TextDetectionEngine.standard.detect(in: part.utf8)
        }
    }
    // The decoders on their own, whatever the headers say.
    _ = Base64Decoder.decode(bytes, maxOutput: 1 << 20)
    _ = QuotedPrintableDecoder.decode(bytes, maxOutput: 1 << 20)
    _ = EncodedWordDecoder.decode(Array(bytes.prefix(65_536)))
    _ = EmailAddressList.parse(Array(bytes.prefix(65_536)))
    _ = MIMEParameters.parse(Array(bytes.prefix(65_536)))
    return 0
}
