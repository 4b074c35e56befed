// libFuzzer entry point: the PDF reader (cross-reference tables and streams, object streams,
// revisions, the object walk, stream filters) and its parts on arbitrary bytes. pdftotext is
// not run (a process per input would make fuzzing crawl; its output is poppler's business).
// Built together with the library sources (one module, so internal parsers are callable):
//   swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name PDPCheckFuzz -swift-version 6 \
//     -I Sources/CMagic -I Sources/CExif -I Sources/CZlib -lmagic -lexif -lz \
//     $(find Sources/PDPCheck -name '*.swift') Fuzz/FuzzPDFReader.swift -o .build-fuzz/fuzz-pdf
// Seeds: Corpus/documents/pdf/*.pdf.

struct FuzzPDFHandler: EmbeddedFileHandler {
    var count = 0
    mutating func embedded(name: String, bytes: [UInt8]) { count += 1 }
    mutating func skipped(name: String, reason: ScanError) { count += 1 }
}

let fuzzPDFLimits: ArchiveLimits = {
    var limits = ArchiveLimits()
    limits.maxMemberBytes = 8 << 20
    limits.maxTotalExpandedBytes = 32 << 20
    return limits
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func pdpcheckFuzzPDFOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The whole reader; a "%PDF-" header is prepended when missing so that mutations of the
    // body are not all rejected at the first check.
    let input = bytes.starts(with: Array("%PDF-".utf8)) ? bytes : Array("%PDF-1.7\n".utf8) + bytes
    var handler = FuzzPDFHandler()
    if let content = try? PDFReader.read(MemoryByteSource(input), limits: fuzzPDFLimits, handler: &handler,
                                         pageText: PDFPageText.Options(executable: nil)) {
        for part in content.textParts where String(validating: part.utf8, as: UTF8.self) == nil {
            fatalError("text part \(part.part ?? "-") is not valid UTF-8")
        }
    }
    // The syntax layer on its own: every object in the input, from every offset a header could be.
    var parser = PDFObjectParser(bytes, position: 0)
    var steps = 0
    while parser.position < bytes.count && steps < 1_000 {
        let before = parser.position
        _ = try? parser.parseObject()
        if parser.position <= before { parser.position = before + 1 }
        steps += 1
    }
    _ = try? PDFXrefParser.section(at: 0, in: bytes, findEndstream: { PDFBytes.find(PDFObjectParser.endstreamKeyword, in: bytes, from: $0) })
    // Filters on raw bytes.
    _ = try? PDFFlate.inflate(bytes[...], maxOutput: 1 << 20)
    _ = try? PDFStreamFilters.lzw(bytes, earlyChange: 1, maxOutput: 1 << 20)
    _ = try? PDFStreamFilters.ascii85(bytes, maxOutput: 1 << 20)
    _ = try? PDFStreamFilters.runLength(bytes, maxOutput: 1 << 20)
    var parameters = PDFDictionary()
    parameters.set("Predictor", .integer(Int(bytes.first ?? 12) % 16))
    parameters.set("Columns", .integer(Int(bytes.last ?? 4) % 64 + 1))
    parameters.set("Colors", .integer(Int(bytes.count % 4) + 1))
    _ = try? PDFStreamFilters.predict(bytes, parameters: parameters)
    _ = PDFTextString.decode(bytes)
    _ = PDFTextString.date(String(decoding: bytes.prefix(64), as: UTF8.self))
    return 0
}
