/// One state of the document: what a viewer would have shown had the file ended after this
/// incremental update. Revision 1 is the oldest.
struct PDFRevision: Sendable {
    var number: Int
    /// Offsets of its cross-reference sections, newest first (empty when rebuilt by scanning).
    var sections: [Int]
    var trailer: PDFDictionary
    /// The file's bytes up to here belong to this revision.
    var end: Int
    /// Rebuilt from "n g obj" landmarks because the cross-reference data was unusable.
    var recovered: Bool
}

/// An object stream's decoded data and its header of (object number, offset) pairs.
struct PDFObjectStream: Sendable {
    var data: [UInt8]
    var first: Int
    var entries: [(number: Int, offset: Int)]
}

/// A parsed PDF file: its revisions and an object resolver with caches. Works on the whole
/// file in memory (cross-reference offsets point anywhere). Every walk is bounded: reference
/// chains by hop counts, /Prev chains by a visited set, nested lookups by depth counters.
final class PDFFile {
    static let maxSections = 1_000
    static let maxReferenceHops = 16
    static let maxObjectStreamBytes = 16 << 20
    static let maxObjectStreamEntries = 1_000_000
    static let maxCachedObjects = 200_000
    static let maxCachedElements = 2_000_000
    static let maxCachedStreamBytes = 256 << 20
    /// Cross-reference entries over all sections (each costs memory).
    static let maxTotalXrefEntries = 10_000_000
    /// Parsing work over the whole file: values, and bytes lexed (an unclosed string read from
    /// a hundred thousand fake "n g obj" headers must not cost a hundred thousand file lengths).
    static let maxParsedElements = 20_000_000
    static let minParseByteBudget = 64 << 20

    let bytes: [UInt8]
    let limits: PDFParseLimits
    /// Bytes expanded by stream filters, shared with the reader's attachments.
    let budget: ExpansionBudget
    private(set) var revisions: [PDFRevision] = []
    private(set) var warnings: [String] = []
    private var warned: Set<String> = []
    /// Where "%PDF-" starts; some files carry junk before it and count offsets from the header.
    private(set) var headerOffset = 0

    private(set) lazy var scan = PDFObjectScan(bytes)
    private var sections: [Int: PDFXrefSection] = [:]
    private var failedSections: Set<Int> = []

    private enum CacheKey: Hashable {
        case direct(Int)
        case compressed(stream: Int, index: Int)
    }
    private var cache: [CacheKey: PDFObject?] = [:]
    private var cachedElements = 0
    private var parsedElements = 0
    private var parsedBytes = 0
    private let parseByteBudget: Int
    private var workExhausted = false
    private var totalXrefEntries = 0
    /// The newest revision's sections merged (looked up for every object of the walk).
    private var latestTable: [Int: PDFXrefEntry]?
    /// Objects whose parse failed (damaged, or over a limit), and the first reason.
    private(set) var unreadableObjects = 0
    private(set) var firstUnreadableReason: String?
    /// Objects not at the offset their cross-reference entry gives, found by scanning.
    private(set) var misplacedObjects = 0
    private var objectStreams: [Int: PDFObjectStream?] = [:]
    private var objectStreamsInProgress: Set<Int> = []
    private var cachedStreamBytes = 0
    private var lengthDepth = 0
    private var endstreamMissFrom = Int.max
    private var lastEndstream: (from: Int, found: Int)?
    /// Objects inside object streams found while rebuilding: number → (position, stream offset, index).
    private var recoveredCompressed: [Int: [(position: Int, stream: Int, index: Int)]] = [:]

    init(bytes: [UInt8], limits: PDFParseLimits = PDFParseLimits(),
         budget: ExpansionBudget = ExpansionBudget(limit: ArchiveLimits.default.maxTotalExpandedBytes)) throws(ScanError) {
        self.bytes = bytes
        self.limits = limits
        self.budget = budget
        let (scaled, overflow) = bytes.count.multipliedReportingOverflow(by: 8)
        parseByteBudget = max(PDFFile.minParseByteBudget, overflow ? Int.max : scaled)
        if let h = PDFBytes.find(Array("%PDF-".utf8), in: bytes, from: 0, to: min(bytes.count, 1024)) {
            headerOffset = h
        } else {
            throw ScanError(code: "malformed", message: "PDF: no %PDF- header in the first 1024 bytes")
        }
        buildRevisions()
        if revisions.isEmpty || !hasCatalog(revisions[revisions.count - 1]) {
            warn(revisions.isEmpty
                ? "no usable cross-reference data; objects were found by scanning the file"
                : "the cross-reference data leads to no document catalog; objects were found by scanning the file")
            latestTable = nil
            buildRecoveredRevisions()
        }
        guard !revisions.isEmpty else {
            throw ScanError(code: "malformed", message: "PDF: no cross-reference data and no objects found")
        }
    }

    var latest: PDFRevision { revisions[revisions.count - 1] }

    private func warn(_ message: String) {
        if warned.insert(message).inserted { warnings.append(message) }
    }

    // MARK: revisions from cross-reference data

    private func section(at offset: Int) -> (Int, PDFXrefSection)? {
        for candidate in headerOffset > 0 ? [offset, offset + headerOffset] : [offset] {
            if let s = sections[candidate] { return (candidate, s) }
            if failedSections.contains(candidate) { continue }
            guard totalXrefEntries < PDFFile.maxTotalXrefEntries else {
                warn("more than \(PDFFile.maxTotalXrefEntries) cross-reference entries; further sections were not read")
                return nil
            }
            do {
                let s = try PDFXrefParser.section(at: candidate, in: bytes, findEndstream: findEndstream)
                totalXrefEntries += s.entries.count
                sections[candidate] = s
                return (candidate, s)
            } catch {
                failedSections.insert(candidate)
            }
        }
        return nil
    }

    /// Sections from `offset` along /Prev, newest first; loops and dead links end the chain.
    private func chain(from offset: Int) -> [Int]? {
        var chain: [Int] = []
        var visited: Set<Int> = []
        var next: Int? = offset
        while let o = next {
            guard chain.count < PDFFile.maxSections else {
                warn("more than \(PDFFile.maxSections) cross-reference sections; older ones were not read")
                break
            }
            guard let (real, section) = self.section(at: o) else {
                if chain.isEmpty { return nil }
                warn("/Prev points to byte \(o), where there is no cross-reference section")
                break
            }
            guard visited.insert(real).inserted else {
                warn("the /Prev chain of cross-reference sections loops back to byte \(real)")
                break
            }
            chain.append(real)
            next = section.prev
        }
        return chain
    }

    private func startxrefValue(at position: Int) -> Int? {
        var lexer = PDFLexer(bytes, position: position + 9)
        if case .integer(let n)? = try? lexer.next() { return n }
        return nil
    }

    private func endOfRevision(after position: Int) -> Int {
        scan.eofs.first(where: { $0 > position }) ?? bytes.count
    }

    private func trailer(for chain: ArraySlice<Int>) -> PDFDictionary {
        guard let top = chain.first, var trailer = sections[top]?.trailer else { return PDFDictionary() }
        if trailer["Root"] == nil, let root = chain.dropFirst().lazy.compactMap({ self.sections[$0]?.trailer["Root"] }).first {
            trailer.set("Root", root)
        }
        return trailer
    }

    private func buildRevisions() {
        var latestChain: [Int]?
        var used: Int?
        for position in scan.startxrefs.reversed() {
            guard let offset = startxrefValue(at: position), offset > 0, let c = chain(from: offset) else { continue }
            latestChain = c
            used = position
            break
        }
        guard let chain = latestChain else {
            if !scan.startxrefs.isEmpty { warn("startxref points to no cross-reference section") }
            return
        }
        // Each tail of the newest chain is an earlier state of the document; `order` keeps
        // tails ending at the same place in chain order, and the newest last.
        var found: [(revision: PDFRevision, order: Int)] = []
        for k in chain.indices {
            let tail = chain[k...]
            // A tail ends at the %%EOF after the last of its sections (a linearized file's
            // first-page section sits at the start but belongs with the main one at the end).
            let end = k == 0 ? bytes.count : endOfRevision(after: tail.compactMap { sections[$0]?.end }.max() ?? 0)
            found.append((PDFRevision(number: 0, sections: Array(tail), trailer: trailer(for: tail), end: end, recovered: false),
                          k == 0 ? Int.max : chain.count - k))
        }
        // Updates whose sections the newest chain does not reach (a /Prev that was dropped).
        let known = Set(chain)
        for position in scan.startxrefs where position != used {
            guard found.count < PDFFile.maxSections,
                  let offset = startxrefValue(at: position), offset > 0,
                  let (real, _) = section(at: offset), !known.contains(real),
                  let c = self.chain(from: real) else { continue }
            let end = min(endOfRevision(after: position), bytes.count - 1)
            found.append((PDFRevision(number: 0, sections: c, trailer: trailer(for: c[...]), end: end, recovered: false), 0))
        }
        found.sort { a, b in
            let ea = a.order == Int.max ? Int.max : a.revision.end, eb = b.order == Int.max ? Int.max : b.revision.end
            return ea != eb ? ea < eb : a.order < b.order
        }
        var seen: Set<[Int]> = []
        for (revision, _) in found where seen.insert(revision.sections).inserted {
            var r = revision
            r.number = revisions.count + 1
            revisions.append(r)
        }
    }

    private func hasCatalog(_ revision: PDFRevision) -> Bool {
        guard let root = revision.trailer["Root"] else { return false }
        return resolve(root, in: revision).dictionary != nil
    }

    // MARK: revisions rebuilt by scanning

    private func buildRecoveredRevisions() {
        revisions = []
        var trailers: [(position: Int, dictionary: PDFDictionary)] = []
        var catalogs: [(position: Int, ref: PDFRef)] = []
        var infos: [(position: Int, ref: PDFRef)] = []
        for position in scan.trailers {
            var parser = PDFObjectParser(bytes, position: position, limits: limits)
            let parsed = try? parser.parseObject()
            charge(parser, from: position)
            if case .dictionary(let d)? = parsed { trailers.append((position, d)) }
        }
        for definition in scan.definitions {
            guard let object = parseDirect(at: definition.offset, expecting: definition.number, revision: nil) else { continue }
            let ref = PDFRef(number: definition.number, generation: definition.generation)
            guard let d = object.dictionary else { continue }
            switch d.name("Type") {
            case "XRef": trailers.append((definition.offset, d))
            case "Catalog": catalogs.append((definition.offset, ref))
            case "ObjStm":
                if let stream = objectStream(atOffset: definition.offset, revision: nil) {
                    for (index, entry) in stream.entries.enumerated() {
                        recoveredCompressed[entry.number, default: []].append((definition.offset, definition.offset, index))
                    }
                }
            case nil:
                if PDFInfoKeys.standard.contains(where: { d[$0] != nil }), d["Kids"] == nil, d["Subtype"] == nil {
                    infos.append((definition.offset, ref))
                }
            default: break
            }
        }
        trailers.sort { $0.position < $1.position }
        // Each %%EOF after some objects ends a revision; the last one ends at the end of the file.
        let objectStarts = scan.definitions.map(\.offset)  // ascending: the scan runs forward
        var boundaries: [Int] = []
        var next = 0
        for eof in scan.eofs {
            var hasObjects = false
            while next < objectStarts.count && objectStarts[next] < eof {
                hasObjects = true
                next += 1
            }
            if hasObjects { boundaries.append(eof) }
        }
        if next < objectStarts.count { boundaries.append(bytes.count) }
        if boundaries.count > PDFFile.maxSections {
            warn("more than \(PDFFile.maxSections) revisions; only the newest were read")
            boundaries = Array(boundaries.suffix(PDFFile.maxSections))
        }
        var t = -1, c = -1, i = -1
        for boundary in boundaries {
            while t + 1 < trailers.count && trailers[t + 1].position < boundary { t += 1 }
            while c + 1 < catalogs.count && catalogs[c + 1].position < boundary { c += 1 }
            while i + 1 < infos.count && infos[i + 1].position < boundary { i += 1 }
            var trailer = t >= 0 ? trailers[t].dictionary : PDFDictionary()
            if trailer["Root"] == nil, c >= 0 { trailer.set("Root", .reference(catalogs[c].ref)) }
            if trailer["Info"] == nil, i >= 0 { trailer.set("Info", .reference(infos[i].ref)) }
            revisions.append(PDFRevision(number: revisions.count + 1, sections: [], trailer: trailer,
                                         end: boundary, recovered: true))
        }
        if let last = revisions.indices.last { revisions[last].end = bytes.count }
    }

    // MARK: objects

    private func entry(_ number: Int, in revision: PDFRevision) -> PDFXrefEntry? {
        if revision.recovered {
            let direct = scan.latest(number, before: revision.end)
            let compressed = recoveredCompressed[number]?.last(where: { $0.position < revision.end })
            // Rebuilt entries name the object stream by its offset, encoded as a negative number.
            if let c = compressed, c.position > (direct ?? -1) { return .compressed(stream: -c.stream - 1, index: c.index) }
            return direct.map { .offset($0) }
        }
        if revision.sections.count > 1 && revision.number == revisions.count {
            if latestTable == nil { latestTable = mergedTable(revision) }
            return latestTable?[number]
        }
        for offset in revision.sections {
            if let e = sections[offset]?.entries[number] { return e == .free ? nil : e }
        }
        return nil
    }

    /// Every object's entry in `revision`, newer sections winning; free objects left out.
    private func mergedTable(_ revision: PDFRevision) -> [Int: PDFXrefEntry] {
        var merged: [Int: PDFXrefEntry] = [:]
        for offset in revision.sections.reversed() {
            guard let s = sections[offset] else { continue }
            merged.merge(s.entries) { _, newer in newer }
        }
        return merged.filter { $0.value != .free }
    }

    /// The object `ref` names in `revision`, nil when it is free, missing or unreadable.
    func object(_ ref: PDFRef, in revision: PDFRevision) -> PDFObject? {
        switch entry(ref.number, in: revision) {
        case .offset(let offset)?:
            if let o = parseDirect(at: offset, expecting: ref.number, revision: revision) { return o }
            if headerOffset > 0, let o = parseDirect(at: offset + headerOffset, expecting: ref.number, revision: revision) { return o }
            // A wrong offset: use the last definition before the revision's end, as viewers do.
            if !revision.recovered, let found = scan.latest(ref.number, before: revision.end), found != offset,
               let o = parseDirect(at: found, expecting: ref.number, revision: revision) {
                misplacedObjects += 1
                return o
            }
            return nil
        case .compressed(let stream, let index)?:
            let streamOffset: Int
            if stream < 0 {
                streamOffset = -stream - 1  // rebuilt entries carry the stream's offset itself
            } else if case .offset(let o)? = entry(stream, in: revision) {
                streamOffset = o
            } else {
                return nil
            }
            return compressedObject(ref.number, index: index, streamOffset: streamOffset, revision: revision)
        case .free?, nil:
            return nil
        }
    }

    /// Follows references (a bounded number of hops); missing objects are null.
    func resolve(_ object: PDFObject, in revision: PDFRevision) -> PDFObject {
        var current = object
        var hops = 0
        while case .reference(let r) = current {
            guard hops < PDFFile.maxReferenceHops else { return .null }
            hops += 1
            current = self.object(r, in: revision) ?? .null
        }
        return current
    }

    /// Object numbers in use in `revision`, ascending.
    func objectNumbers(in revision: PDFRevision) -> [Int] {
        if revision.recovered {
            var numbers = Set<Int>()
            for d in scan.definitions where d.offset < revision.end { numbers.insert(d.number) }
            for (number, list) in recoveredCompressed where list.contains(where: { $0.position < revision.end }) {
                numbers.insert(number)
            }
            return numbers.sorted()
        }
        if revision.number == revisions.count {
            if latestTable == nil { latestTable = mergedTable(revision) }
            return (latestTable ?? [:]).keys.sorted()
        }
        return mergedTable(revision).keys.sorted()
    }

    private func store(_ key: CacheKey, _ value: PDFObject?, elements: Int) {
        guard cache.count < PDFFile.maxCachedObjects, cachedElements + elements <= PDFFile.maxCachedElements else { return }
        cache[key] = value
        cachedElements += elements
    }

    /// Counts a parser's work; false once the budget for the file is spent.
    @discardableResult
    private func charge(_ parser: PDFObjectParser, from start: Int) -> Bool {
        parsedElements += parser.elementsRead
        parsedBytes += max(0, parser.position - start)
        return withinBudget()
    }

    private func withinBudget() -> Bool {
        if workExhausted { return false }
        if parsedElements > PDFFile.maxParsedElements || parsedBytes > parseByteBudget {
            workExhausted = true
            warn("parsing stopped: the file needs more work than the limits allow (\(parsedElements) values, \(parsedBytes) bytes read)")
        }
        return !workExhausted
    }

    private func unreadable(_ reason: String) {
        unreadableObjects += 1
        if firstUnreadableReason == nil { firstUnreadableReason = reason }
    }

    private func parseDirect(at offset: Int, expecting number: Int, revision: PDFRevision?) -> PDFObject? {
        guard offset >= 0, offset < bytes.count else { return nil }
        if let cached = cache[.direct(offset)] { return cached }
        guard withinBudget() else { return nil }
        var parser = PDFObjectParser(bytes, position: offset, limits: limits)
        var result: PDFObject?
        do {
            let (ref, object) = try parser.parseIndirectObject(
                length: { ref in self.streamLength(ref, revision: revision) },
                findEndstream: findEndstream)
            result = ref.number == number ? object : nil
        } catch {
            // A header that is not there is a wrong offset, handled by the caller; anything
            // else is a damaged or hostile object.
            if !error.message.hasPrefix("PDF: no \"n g obj\"") {
                unreadable("object \(number) at byte \(offset): \(error.message)")
            }
            result = nil
        }
        charge(parser, from: offset)
        store(.direct(offset), result, elements: parser.elementsRead)
        return result
    }

    private func streamLength(_ ref: PDFRef, revision: PDFRevision?) -> Int? {
        guard let revision, lengthDepth == 0 else { return nil }
        lengthDepth += 1
        defer { lengthDepth -= 1 }
        return object(ref, in: revision)?.integer
    }

    /// The next "endstream" at or after `position`, remembering misses and the last answer so
    /// that many streams with wrong lengths do not each search to the end of the file.
    func findEndstream(_ position: Int) -> Int? {
        if position >= endstreamMissFrom { return nil }
        if let last = lastEndstream, position >= last.from, position <= last.found { return last.found }
        if let found = PDFBytes.find(PDFObjectParser.endstreamKeyword, in: bytes, from: position) {
            lastEndstream = (position, found)
            return found
        }
        endstreamMissFrom = min(endstreamMissFrom, position)
        return nil
    }

    private func objectStream(atOffset offset: Int, revision: PDFRevision?) -> PDFObjectStream? {
        if let cached = objectStreams[offset] { return cached }
        guard objectStreamsInProgress.insert(offset).inserted else { return nil }
        defer { objectStreamsInProgress.remove(offset) }
        var result: PDFObjectStream?
        if case .stream(let stream)? = parseDirect(at: offset, expecting: numberAt(offset), revision: revision),
           stream.dictionary.name("Type") == "ObjStm",
           let count = stream.dictionary.integer("N"), let first = stream.dictionary.integer("First"),
           count >= 0, first >= 0,
           let decoded = try? decode(stream, in: revision, maxOutput: PDFFile.maxObjectStreamBytes),
           first <= decoded.bytes.count {
            var lexer = PDFLexer(decoded.bytes, position: 0, end: first)
            var entries: [(Int, Int)] = []
            let wanted = min(count, PDFFile.maxObjectStreamEntries, first / 4 + 1)
            while entries.count < wanted {
                guard case .integer(let n)? = try? lexer.next(), case .integer(let o)? = try? lexer.next(), n >= 0, o >= 0 else { break }
                entries.append((n, o))
            }
            result = PDFObjectStream(data: decoded.bytes, first: first, entries: entries)
        }
        if cachedStreamBytes > PDFFile.maxCachedStreamBytes {
            objectStreams.removeAll()
            cachedStreamBytes = 0
        }
        cachedStreamBytes += result?.data.count ?? 0
        objectStreams[offset] = result
        return result
    }

    /// The object number in the "n g obj" header at `offset` (for the consistency check).
    private func numberAt(_ offset: Int) -> Int {
        var lexer = PDFLexer(bytes, position: offset)
        if case .integer(let n)? = try? lexer.next() { return n }
        return -1
    }

    private func compressedObject(_ number: Int, index: Int, streamOffset: Int, revision: PDFRevision) -> PDFObject? {
        let key = CacheKey.compressed(stream: streamOffset, index: index)
        if let cached = cache[key] { return cached }
        guard let stream = objectStream(atOffset: streamOffset, revision: revision) else { return nil }
        var position: Int?
        if index < stream.entries.count, stream.entries[index].number == number {
            position = stream.entries[index].offset
        } else {
            position = stream.entries.first(where: { $0.number == number })?.offset
        }
        var result: PDFObject?
        if let p = position, stream.first + p < stream.data.count, withinBudget() {
            var parser = PDFObjectParser(stream.data, position: stream.first + p, limits: limits)
            do {
                result = try parser.parseObject()
            } catch {
                unreadable("object \(number) in an object stream: \(error.message)")
            }
            charge(parser, from: stream.first + p)
            store(key, result, elements: parser.elementsRead)
        }
        return result
    }

    // MARK: streams

    /// A stream's data through its filters (stopping at image codecs).
    func decode(_ stream: PDFStream, in revision: PDFRevision?, maxOutput: Int) throws(ScanError) -> PDFStreamFilters.Decoded {
        let filters = PDFStreamFilters.chain(stream.dictionary, resolve: { object in
            guard let revision else { return object }
            return self.resolve(object, in: revision)
        })
        let range = stream.dataRange.clamped(to: 0..<bytes.count)
        let expands = filters.contains { !PDFStreamFilters.imageCodecs.contains($0.0) }
        guard expands else { return try PDFStreamFilters.decode(bytes[range], filters: filters, maxOutput: maxOutput) }
        let remaining = budget.limit - budget.used
        guard remaining > 0 else {
            throw ScanError(code: "limit-exceeded", message: "PDF: the expansion budget of \(budget.limit) bytes for this input is spent")
        }
        let cap = min(maxOutput, remaining)
        do {
            let decoded = try PDFStreamFilters.decode(bytes[range], filters: filters, maxOutput: cap)
            try budget.charge(decoded.bytes.count)
            return decoded
        } catch {
            // The work to find out was done: charge it, so a file of many bombs is not
            // inflated again and again up to the same remaining budget.
            if error.code == "limit-exceeded" { try? budget.charge(cap) }
            throw error
        }
    }
}

/// The standard keys of the document information dictionary.
enum PDFInfoKeys {
    static let standard = ["Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate"]
}
