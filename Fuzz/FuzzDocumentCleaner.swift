// libFuzzer entry point: the document cleaner (OOXML/ODF packages and their XML rewriting,
// spreadsheet cell rewriting, ZIP rebuilding with our own writer, text and HTML redaction, the
// PDF assessment) on arbitrary bytes under several file names, so a mutated DOCX is also tried
// as a hostile ZIP, HTML page and draft. Built by `Fuzz/run.sh SECONDS docfix`.
// Besides not crashing: the output stays within a bounded size of the input.

let fuzzDocumentNames = ["fuzz.docx", "fuzz.xlsx", "fuzz.odt", "fuzz.zip", "fuzz.html", "fuzz.txt", "fuzz.pdf"]

@_cdecl("LLVMFuzzerTestOneInput")
public func pdpcheckFuzzDocumentCleanerOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var limits = ArchiveLimits()
    limits.maxDepth = 3
    limits.maxMembers = 2_000
    limits.maxMemberBytes = 4 << 20
    limits.maxTotalExpandedBytes = 16 << 20
    limits.maxXMLBytes = 4 << 20
    let options = DocumentFixOptions(limits: limits)
    for name in fuzzDocumentNames {
        let result = DocumentCleaner.fix(bytes, fileName: name, options: options)
        guard let output = result.output else { continue }
        guard output.count <= 64 * bytes.count + (1 << 20) else {
            fatalError("\(name): output of \(output.count) bytes from \(bytes.count)")
        }
    }
    return 0
}
