/// Sets of byte ranges kept as sorted, disjoint, non-adjacent arrays: what the payload proof
/// and the in-place track removal compute with ("mdat less the GPS samples").
enum ByteRanges {
    /// `ranges` sorted, with overlapping and touching ranges joined and empty ones dropped.
    static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for r in ranges.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, r.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }

    /// The bytes of `base` not in `removed`, in order. `base` may be unsorted (payload ranges
    /// keep file order); `removed` is merged first.
    static func subtract(_ removed: [Range<Int>], from base: [Range<Int>]) -> [Range<Int>] {
        let cut = merged(removed)
        guard !cut.isEmpty else { return base }
        var out: [Range<Int>] = []
        for r in base {
            var start = r.lowerBound
            // First cut that ends after `start` (binary search: cuts are sorted and disjoint).
            var lo = 0, hi = cut.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if cut[mid].upperBound <= start { lo = mid + 1 } else { hi = mid }
            }
            var k = lo
            while k < cut.count, cut[k].lowerBound < r.upperBound {
                if cut[k].lowerBound > start { out.append(start..<cut[k].lowerBound) }
                start = max(start, cut[k].upperBound)
                k += 1
            }
            if start < r.upperBound { out.append(start..<r.upperBound) }
        }
        return out
    }

    /// Whether every byte of `ranges` lies inside one of `containers`.
    static func covered(_ ranges: [Range<Int>], by containers: [Range<Int>]) -> Bool {
        subtract(containers, from: ranges).isEmpty
    }
}
