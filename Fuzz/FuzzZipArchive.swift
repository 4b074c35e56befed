// libFuzzer entry point: the ZIP reader (central directory, ZIP64, local-header recovery,
// inflation under a cap) and the OOXML / ODF package readers on arbitrary bytes.
// Built by Fuzz/run.sh together with the library sources (one module, so internal readers can
// be called directly). Seeds: Corpus/documents/office/* and Corpus/archives/**.

let fuzzZipLimits: ArchiveLimits = {
    var limits = ArchiveLimits()
    limits.maxMembers = 2_000
    limits.maxMemberBytes = 8 << 20
    limits.maxXMLBytes = 4 << 20
    return limits
}()

/// Checks what the readers hand on, one level deep (no recursion: the fuzzer mutates the
/// outer bytes, nested archives are covered by their own inputs).
struct FuzzZipHandler: EmbeddedFileHandler {
    var members = 0
    var bytes = 0

    mutating func embedded(name: String, bytes member: [UInt8]) {
        guard member.count <= fuzzZipLimits.maxMemberBytes else {
            fatalError("member “\(name)” of \(member.count) bytes passed the member limit")
        }
        guard !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            fatalError("member name with a control character reached the handler")
        }
        members += 1
        bytes += member.count
    }

    mutating func skipped(name: String, reason: ScanError) {
        guard !reason.code.isEmpty, !reason.message.isEmpty else { fatalError("skip without a reason") }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func pdpcheckFuzzZipOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let budget = ExpansionBudget(limit: 32 << 20)
    var handler = FuzzZipHandler()
    guard let result = try? ZipPackageReader.read(source: MemoryByteSource(bytes), limits: fuzzZipLimits,
                                                  budget: budget, handler: &handler) else { return 0 }
    guard budget.used <= budget.limit, handler.bytes <= budget.used + bytes.count else {
        fatalError("expanded \(handler.bytes) bytes with \(budget.used) charged to the budget")
    }
    for part in result.content.textParts {
        guard String(validating: part.utf8, as: UTF8.self) != nil else { fatalError("text part \(part.part ?? "-") is not UTF-8") }
    }
    // The archive layer on its own: every entry, whatever the package kind.
    if let archive = try? ZipArchive(source: MemoryByteSource(bytes), limits: fuzzZipLimits) {
        guard archive.entries.count <= fuzzZipLimits.maxMembers else { fatalError("member limit not applied") }
        for entry in archive.entries.prefix(64) {
            if let member = try? archive.contents(of: entry, limits: fuzzZipLimits, budget: budget) {
                guard member.count == entry.uncompressedSize || entry.method == ZipEntry.deflated,
                      member.count <= entry.uncompressedSize else {
                    fatalError("“\(entry.name)”: \(member.count) bytes from a member that declares \(entry.uncompressedSize)")
                }
            }
        }
    }
    return 0
}
