/// Word lists the contact and location detectors look for in the folded window before a
/// candidate (ContextWindow.before: lowercase ASCII, no diacritics, single spaces), and the
/// whole-word search over it.
enum ContextWords {
    /// Words that say a vehicle plate follows ("biển số", "BKS", "xe").
    static let plate: [[UInt8]] = words([
        "bien so", "bien so xe", "bks", "bsx", "bien kiem soat", "xe", "xe may", "o to", "oto",
        "plate", "license plate", "dang ky xe", "xe bien",
    ])

    /// Words right before a code with letters and digits that name something other than a
    /// plate ("lớp 11A1", "phòng 30A", "mã 12A-3456", "hạng B2").
    static let notPlate: [[UInt8]] = words([
        "lop", "phong", "tang", "can ho", "ma", "ma sp", "size", "model", "hang", "bang", "sku", "toa", "block",
        "khu", "so nha", "nha so", "ma hang", "ma don", "mau", "code",
    ])

    /// Words that say coordinates follow ("tọa độ", "vị trí", "GPS").
    static let location: [[UInt8]] = words([
        "toa do", "vi tri", "dinh vi", "gps", "location", "coordinates", "coords", "latitude", "longitude",
        "lat long", "lat lng", "kinh do", "vi do", "ghim", "map", "maps", "google map", "google maps", "ban do",
        "dia diem", "nha o", "nha minh", "nha em", "nha anh", "nha chi",
    ])

    static func words(_ list: [String]) -> [[UInt8]] { list.map { Array($0.utf8) } }

    /// Whether `folded` contains one of `phrases` on word edges.
    static func contains(_ folded: [UInt8], anyOf phrases: [[UInt8]]) -> Bool {
        let n = folded.count
        for phrase in phrases where phrase.count <= n {
            var s = 0
            while s + phrase.count <= n {
                if (s == 0 || folded[s - 1] == 0x20)
                    && (s + phrase.count == n || folded[s + phrase.count] == 0x20) {
                    var same = true
                    for k in 0..<phrase.count where folded[s + k] != phrase[k] { same = false; break }
                    if same { return true }
                }
                // Next word.
                while s < n && folded[s] != 0x20 { s += 1 }
                s += 1
            }
        }
        return false
    }

    /// Whether the last word(s) of `folded` are one of `phrases`.
    static func endsWith(_ folded: [UInt8], oneOf phrases: [[UInt8]]) -> Bool {
        var n = folded.count
        while n > 0 && folded[n - 1] == 0x20 { n -= 1 }
        for phrase in phrases where phrase.count <= n {
            let s = n - phrase.count
            guard s == 0 || folded[s - 1] == 0x20 else { continue }
            var same = true
            for k in 0..<phrase.count where folded[s + k] != phrase[k] { same = false; break }
            if same { return true }
        }
        return false
    }
}
