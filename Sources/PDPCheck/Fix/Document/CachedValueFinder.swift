/// Numbers a masked cell held, still written elsewhere in the package: a chart's cached
/// series (`<c:v>`), a pivot table's cached records (`<n v="…"/>`), an external link's cached
/// values, another sheet's formula result. Those caches are typed as numbers, so they are not
/// masked: they are counted and left for a person (refresh the pivot table, the chart).
enum CachedValueFinder {
    /// Values too short to be a personal number are not looked for (a 42 is everywhere).
    static let minimumDigits = 6

    /// How many times `bytes` hold one of `values` as a whole number (not inside a longer one).
    static func count(_ values: Set<[UInt8]>, in bytes: [UInt8]) -> Int {
        guard !values.isEmpty else { return 0 }
        var found = 0
        var i = 0
        let n = bytes.count
        func isNumeric(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || c == 0x2E }
        while i < n {
            guard isNumeric(bytes[i]) else { i += 1; continue }
            let start = i
            while i < n, isNumeric(bytes[i]) { i += 1 }
            if i - start >= minimumDigits, values.contains(Array(bytes[start..<i])) { found += 1 }
        }
        return found
    }

    /// The values worth looking for: digits only (a number as written), long enough.
    static func searchable(_ values: [[UInt8]]) -> Set<[UInt8]> {
        Set(values.filter { v in v.count >= minimumDigits && v.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E } })
    }
}
