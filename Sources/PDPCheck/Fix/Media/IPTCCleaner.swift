/// Cleans IPTC-IIM datasets: the ones the plan flags or the table names are left out, the
/// others are copied byte for byte in their order. Nil means nothing worth keeping remains.
enum IPTCCleaner {
    /// Datasets removed whatever their value (record 2), by category.
    static let table: [UInt8: Category] = [
        80: .authorIdentity, 85: .authorIdentity, 122: .authorIdentity,  // By-line, By-lineTitle, Writer-Editor
        90: .locationName, 92: .locationName, 95: .locationName, 101: .locationName,  // City … Country name
        27: .locationName, 26: .locationName,  // ContentLocationName / Code
        55: .captureTime, 60: .captureTime, 62: .captureTime, 63: .captureTime,
        202: .embeddedPreview, 200: .embeddedPreview, 201: .embeddedPreview,  // ObjectPreview*
    ]

    static func clean(_ bytes: [UInt8], plan: MediaStripPlan, container: String, log: inout CleanLog) -> [UInt8]? {
        if plan.mode == .all {
            log.remove(nil, container, "IPTC-IIM (all datasets)")
            return nil
        }
        var out: [UInt8] = []
        var keptApplication = false
        var i = 0
        var count = 0
        while i < bytes.count {
            guard bytes[i] == 0x1C, i + 5 <= bytes.count, count < IPTCDecoder.maxDatasets else { break }
            count += 1
            let record = bytes[i + 1], dataset = bytes[i + 2]
            var length = Int(bytes[i + 3]) << 8 | Int(bytes[i + 4])
            var start = i + 5
            if length & 0x8000 != 0 {
                let lengthBytes = length & 0x7FFF
                guard (1...4).contains(lengthBytes), start + lengthBytes <= bytes.count else { break }
                length = 0
                for k in 0..<lengthBytes { length = length << 8 | Int(bytes[start + k]) }
                start += lengthBytes
            }
            guard length <= bytes.count - start else { break }
            let end = start + length
            defer { i = end }
            let name = IPTCDecoder.name(record: record, dataset: dataset) ?? "\(record):\(dataset)"
            var category = plan.removal(group: "IPTC", name: name)
            if category == nil, record == 2, let tabled = table[dataset], plan.removes(tabled) { category = tabled }
            if let category {
                log.remove(category, container, "IPTC:" + name)
                continue
            }
            if record == 2 && dataset != 0 { keptApplication = true }
            out += bytes[i..<end]
        }
        if i < bytes.count, bytes[i...].contains(where: { $0 != 0 }) {
            log.note("\(container): IPTC data after an unreadable dataset was left out")
        }
        return keptApplication ? out : nil
    }
}
