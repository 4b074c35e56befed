/// ISO 6709 point strings as QuickTime writes them (`©xyz`, `com.apple.quicktime.location.ISO6709`):
/// "+11.9404+108.4583/", "+11.9404+108.4583+012.345/", and the degree-minute(-second) forms
/// "+1156.42+10828.50/" and "+115624.2+1082830.0CRSWGS_84/". Returns signed decimal degrees
/// (and metres when an altitude is present), like ExifTool's ConvertISO6709.
enum ISO6709 {
    static func parse(_ text: String) -> [Double]? {
        var bytes = Array(text.utf8.prefix(256))
        while let first = bytes.first, first == 0x20 || first == 0 { bytes.removeFirst() }
        var i = 0
        guard let lat = component(bytes, &i, degreeDigits: 2),
              let lon = component(bytes, &i, degreeDigits: 3) else { return nil }
        guard abs(lat) <= 90, abs(lon) <= 180 else { return nil }
        if let alt = component(bytes, &i, degreeDigits: nil) { return [lat, lon, alt] }
        return [lat, lon]
    }

    /// One signed number. For angles the count of integer digits says the form: up to
    /// `degreeDigits` → degrees, +2 → degrees and minutes, +4 → degrees, minutes, seconds.
    private static func component(_ b: [UInt8], _ i: inout Int, degreeDigits: Int?) -> Double? {
        guard i < b.count, b[i] == 0x2B || b[i] == 0x2D else { return nil }
        let negative = b[i] == 0x2D
        var j = i + 1
        var integer: [Int] = []
        while j < b.count, b[j] >= 0x30, b[j] <= 0x39, integer.count < 12 {
            integer.append(Int(b[j] - 0x30))
            j += 1
        }
        guard !integer.isEmpty else { return nil }
        var fraction = 0.0
        if j < b.count, b[j] == 0x2E {
            j += 1
            var scale = 0.1
            while j < b.count, b[j] >= 0x30, b[j] <= 0x39 {
                fraction += Double(b[j] - 0x30) * scale
                scale /= 10
                j += 1
            }
        }
        func number(_ digits: ArraySlice<Int>) -> Double { Double(digits.reduce(0) { $0 * 10 + $1 }) }
        var value: Double
        if let d = degreeDigits {
            switch integer.count {
            case 1...d:
                value = number(integer[...]) + fraction
            case d + 2:
                value = number(integer[0..<d]) + (number(integer[d...]) + fraction) / 60
            case d + 4:
                value = number(integer[0..<d]) + number(integer[d..<(d + 2)]) / 60
                    + (number(integer[(d + 2)...]) + fraction) / 3600
            default:
                return nil
            }
        } else {
            value = number(integer[...]) + fraction
        }
        i = j
        if negative { value = -value }
        return value
    }
}
