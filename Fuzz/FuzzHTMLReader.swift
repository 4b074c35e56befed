// libFuzzer entry point: the HTML draft reader (tokenizer, character references, charset
// prescan and decoding, hidden/comment/attribute parts) on arbitrary bytes, and the text
// engine over what it extracts. Built like Fuzz/FuzzTextPipeline.swift, together with the
// library sources (one module, so internal types can be called directly). Seeds:
// Corpus/documents/html/*.

@_cdecl("LLVMFuzzerTestOneInput")
public func pdpcheckFuzzHTMLOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for charset in [nil, "windows-1258", "iso-8859-1", "utf-16"] as [String?] {
        let content = HTMLTextReader.read(bytes, charset: charset, part: charset == nil ? nil : "body.html")
        guard content.textParts.first != nil else { fatalError("no visible-text part") }
        for part in content.textParts {
            guard let map = part.sourceOffsets else { fatalError("HTML part \(part.part ?? "main") without a map") }
            guard map.count == part.utf8.count + 1, zip(map, map.dropFirst()).allSatisfy({ $0 <= $1 }),
                  map.allSatisfy({ $0 >= 0 && $0 <= bytes.count }) else {
                fatalError("bad offset map for \(part.part ?? "main")")
            }
            guard TextSniffer.isValidUTF8(part.utf8, allowTruncatedTail: false) else {
                fatalError("invalid UTF-8 in \(part.part ?? "main")")
            }
            for match in TextDetectionEngine.standard.detect(in: part.utf8) {
                guard part.sourceOffset(match.start) <= part.sourceOffset(match.end) else { fatalError("inverted span") }
            }
        }
        guard content.hidden.count <= HTMLTextExtractor.maxHiddenItems + 1,
              content.fields.count <= HTMLTextExtractor.maxFields + 1 else {
            fatalError("hidden items or fields over their caps")
        }
    }
    _ = HTMLCharsetSniffer.declaredCharset(bytes)
    return 0
}
