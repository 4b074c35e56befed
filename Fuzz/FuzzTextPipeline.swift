// libFuzzer entry point: every parser of the text path on arbitrary bytes.
// Built by Fuzz/run.sh together with the library sources (one module, so internal
// parsers can be called directly).

let fuzzScanner = Scanner(options: ScanOptions(jobs: 1, showValues: true))

@_cdecl("LLVMFuzzerTestOneInput")
public func pdpcheckFuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The whole pipeline: sniff → decode → detect → findings.
    let report = fuzzScanner.scanItem(InputItem(displayPath: "-", source: .bytes(bytes)))
    for finding in report.findings {
        guard let start = finding.location.start, let end = finding.location.end,
              start >= 0, start < end, end <= bytes.count else {
            fatalError("finding outside the input: \(finding.location)")
        }
    }
    // Each decoder on its own, whatever the sniffer would have said.
    for encoding in [TextEncoding.windows1258, .tcvn3, .utf16LE, .utf16BE] {
        let part = PlainTextReader.read(bytes, encoding: encoding)
        if let map = part.sourceOffsets {
            guard map.count == part.utf8.count + 1, map.last == bytes.count,
                  zip(map, map.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                fatalError("bad offset map for \(encoding)")
            }
        }
        _ = TextDetectionEngine.standard.detect(in: part.utf8)
    }
    _ = TextSniffer.isValidUTF8(bytes, allowTruncatedTail: true)
    return 0
}
