/// A ZIP archive read through ranged reads: the central directory is parsed when it is opened,
/// members are expanded one at a time on request. Nothing is extracted to disk and the archive
/// is never read whole. Works for ZIP64, for archives with data before them, and (by walking
/// the local headers) for archives whose end was cut off.
public struct ZipArchive {
    public let source: any ByteSource
    public let entries: [ZipEntry]
    /// The archive comment (end of central directory record).
    public let comment: String
    /// What was odd about the structure (prepended data, recovered members, counts that disagree).
    public let notes: [String]
    /// True when the central directory was missing and the members were found from local headers.
    public let isRecovered: Bool
    /// First entry for each lower-cased name (OPC part names are case-insensitive).
    private let index: [String: Int]

    /// A member under this size is never called a bomb, whatever its ratio: small XML parts and
    /// blank images compress a few hundred times without being hostile.
    static let ratioGuardFloor = 1 << 20

    public init(source: any ByteSource, limits: ArchiveLimits = .default) throws(ScanError) {
        self.source = source
        var notes: [String] = []
        if let location = try ZipCentralDirectory.locate(in: source, limits: limits) {
            notes += location.notes
            entries = try ZipCentralDirectory.entries(in: source, at: location, limits: limits, notes: &notes)
            comment = location.comment
            isRecovered = false
        } else {
            entries = try ZipLocalHeaderWalk.entries(in: source, limits: limits, notes: &notes)
            comment = ""
            isRecovered = true
        }
        var index: [String: Int] = [:]
        var duplicates = 0
        for entry in entries {
            let key = entry.name.lowercased()
            if index[key] == nil { index[key] = entry.index } else { duplicates += 1 }
        }
        if duplicates > 0 {
            notes.append("ZIP: \(duplicates) member name(s) appear more than once; every copy is read")
        }
        self.index = index
        self.notes = notes
    }

    /// The first member with this name, compared without case.
    public func entry(named name: String) -> ZipEntry? {
        index[name.lowercased()].map { entries[$0] }
    }

    /// Expands one member. Checks, in order: defects found when opening, encryption, method,
    /// expansion ratio, declared size against `maxMemberBytes`, the budget (charged with the
    /// declared size before any inflating), the local header against the central entry; then
    /// inflates with the declared size as a hard cap.
    /// - Parameter warnings: non-fatal findings (CRC mismatch, local name differs, short data).
    /// - Throws: the reason the member is skipped: `encrypted`, `suspected-zip-bomb`,
    ///   `limit-exceeded`, `unsupported-format`, `malformed`.
    public func contents(of entry: ZipEntry, limits: ArchiveLimits, budget: ExpansionBudget,
                         warnings: inout [String]) throws(ScanError) -> [UInt8] {
        if let defect = entry.defect { throw defect }
        if entry.isEncrypted {
            throw ScanError(code: "encrypted", message: "encrypted member “\(entry.name)” (no password to read it)")
        }
        guard entry.method == ZipEntry.stored || entry.method == ZipEntry.deflated else {
            throw ScanError(code: "unsupported-format",
                            message: "“\(entry.name)” uses compression method \(entry.method) (\(ZipArchive.methodName(entry.method))), which is not supported")
        }
        let declared = entry.uncompressedSize
        if declared >= ZipArchive.ratioGuardFloor, declared / max(entry.compressedSize, 1) > limits.maxExpansionRatio {
            throw ScanError(code: "suspected-zip-bomb",
                            message: "suspected zip bomb: “\(entry.name)” expands \(entry.compressedSize) bytes to \(declared) (ratio over \(limits.maxExpansionRatio))")
        }
        guard declared <= limits.maxMemberBytes else {
            throw ScanError(code: "limit-exceeded",
                            message: "“\(entry.name)” expands to \(declared) bytes, over the \(limits.maxMemberBytes)-byte limit for one member")
        }
        if entry.method == ZipEntry.stored && entry.compressedSize != declared {
            throw ScanError(code: "malformed", message: "ZIP: stored member “\(entry.name)” has different sizes in its header")
        }
        let dataStart = try localDataStart(entry, warnings: &warnings)
        guard entry.compressedSize >= 0, dataStart + entry.compressedSize <= source.size else {
            throw ScanError(code: "malformed", message: "ZIP: data of “\(entry.name)” runs past the end of the file (truncated)")
        }
        try budget.charge(declared)
        let bytes: [UInt8]
        if entry.method == ZipEntry.stored {
            bytes = try source.read(at: dataStart, count: declared)
            guard bytes.count == declared else {
                throw ScanError(code: "malformed", message: "ZIP: data of “\(entry.name)” cut off")
            }
        } else {
            bytes = try ZipMemberInflater.inflate(source, offset: dataStart, compressedSize: entry.compressedSize,
                                                  cap: declared, name: entry.name)
            if bytes.count != declared {
                warnings.append("“\(entry.name)” expands to \(bytes.count) bytes, its header says \(declared)")
            }
        }
        if ZipCRC.crc32(bytes) != entry.crc32 {
            warnings.append("“\(entry.name)” fails its CRC check (damaged or altered); read anyway")
        }
        return bytes
    }

    /// Convenience for callers that do not keep warnings.
    public func contents(of entry: ZipEntry, limits: ArchiveLimits, budget: ExpansionBudget) throws(ScanError) -> [UInt8] {
        var ignored: [String] = []
        return try contents(of: entry, limits: limits, budget: budget, warnings: &ignored)
    }

    /// Checks the local header against the central entry and returns where the data starts.
    private func localDataStart(_ entry: ZipEntry, warnings: inout [String]) throws(ScanError) -> Int {
        let offset = entry.localHeaderOffset
        guard offset >= 0, offset + 30 <= source.size else {
            throw ScanError(code: "malformed", message: "ZIP: local header of “\(entry.name)” is outside the file")
        }
        let header = try source.read(at: offset, count: 30 + entry.rawName.count)
        guard header.count >= 30, ZipLE.hasSignature(header, 0, 3, 4) else {
            throw ScanError(code: "malformed", message: "ZIP: no local header where the directory puts “\(entry.name)”")
        }
        let localFlags = UInt16(ZipLE.u16(header, 6))
        if localFlags & 0x0001 != 0 {
            throw ScanError(code: "encrypted", message: "encrypted member “\(entry.name)” (no password to read it)")
        }
        guard ZipLE.u16(header, 8) == Int(entry.method) else {
            throw ScanError(code: "malformed", message: "ZIP: local and central headers of “\(entry.name)” disagree on the compression method")
        }
        let nameLength = ZipLE.u16(header, 26), extraLength = ZipLE.u16(header, 28)
        if header.count < 30 + nameLength || nameLength != entry.rawName.count || Array(header[30..<(30 + nameLength)]) != entry.rawName {
            warnings.append("“\(entry.name)” has a different name in its local header")
        }
        return offset + 30 + nameLength + extraLength
    }

    static func methodName(_ method: UInt16) -> String {
        switch method {
        case 1...6: return "legacy shrink/reduce/implode"
        case 9: return "Deflate64"
        case 12: return "bzip2"
        case 14: return "LZMA"
        case 93: return "Zstandard"
        case 95: return "xz"
        case 96: return "JPEG"
        case 97: return "WavPack"
        case 98: return "PPMd"
        case 99: return "AES"
        default: return "unknown"
        }
    }
}
