/// The value conversions ExifTool applies to XMP even with `-n`: GPS coordinates to signed
/// decimal degrees, rational altitudes to numbers, XMP dates to EXIF-style dates, base64
/// images to their decoded length. Everything else stays text.
enum XMPValueConversions {
    static let coordinateNames: Set<String> = ["GPSLatitude", "GPSLongitude", "GPSDestLatitude", "GPSDestLongitude"]

    /// Top-level properties (ExifTool table key) whose values are XMP dates.
    static let dateKeys: Set<String> = [
        "xmp CreateDate", "xmp ModifyDate", "xmp MetadataDate", "exif DateTimeOriginal", "exif DateTimeDigitized",
        "exif GPSTimeStamp", "photoshop DateCreated", "tiff DateTime", "Iptc4xmpExt IptcLastEdited",
        "xmpDM shotDate", "xmpDM releaseDate",
    ]

    /// Leaf properties (namespace URI, local name) that carry base64 image or media data.
    static let base64Leaves: Set<String> = [
        XMPNamespaces.xmpGImg + " image", "http://ns.google.com/photos/1.0/image/ Data",
        "http://ns.google.com/photos/1.0/depthmap/ Data", "http://ns.google.com/photos/1.0/depthmap/ Confidence",
        "http://ns.google.com/photos/1.0/audio/ Data",
    ]

    static func value(of values: [String], isList: Bool, leafNamespace: String, leafName: String,
                      topID: String, belowSeaLevel: Bool) -> MetadataValue {
        if leafNamespace == XMPNamespaces.exif {
            if coordinateNames.contains(leafName) {
                let numbers = values.compactMap(coordinate)
                if numbers.count == values.count { return numbersValue(numbers, isList: isList) }
            } else if leafName == "GPSAltitude" {
                let numbers = values.compactMap(rational)
                if numbers.count == values.count {
                    return numbersValue(numbers.map { belowSeaLevel ? -abs($0) : $0 }, isList: isList)
                }
            }
        }
        if base64Leaves.contains(leafNamespace + " " + leafName) {
            let total = values.reduce(0) { $0 + base64DecodedLength($1) }
            return .binary(length: total)
        }
        let converted = dateKeys.contains(topID) ? values.map(exifDate) : values
        return isList || converted.count > 1 ? .list(converted) : .text(converted.first ?? "")
    }

    private static func numbersValue(_ numbers: [Double], isList: Bool) -> MetadataValue {
        numbers.count == 1 && !isList ? .number(numbers[0]) : .numbers(numbers)
    }

    /// XMP GPS coordinates: "DDD,MM,SSk" or "DDD,MM.mmk" (k = N/S/E/W), also plain signed
    /// decimal degrees as some writers use. South and west are negative.
    static func coordinate(_ text: String) -> Double? {
        var s = Substring(text.trimmingSpaces)
        guard let last = s.last else { return nil }
        var sign = 1.0
        switch last {
        case "N", "n", "E", "e": s = s.dropLast()
        case "S", "s", "W", "w": sign = -1; s = s.dropLast()
        default: break
        }
        let parts = s.split(separator: ",", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var degrees = 0.0
        for (i, part) in parts.enumerated() {
            guard let v = Double(part.trimmingSpaces), v.isFinite else { return nil }
            degrees += (i == 0 ? v : abs(v)) / [1.0, 60.0, 3600.0][i]
        }
        return sign * degrees
    }

    /// "1205/10" or "120.5".
    static func rational(_ text: String) -> Double? {
        let t = text.trimmingSpaces
        if let slash = t.firstIndex(of: "/") {
            guard let n = Double(t[..<slash].trimmingSpaces), let d = Double(t[t.index(after: slash)...].trimmingSpaces) else { return nil }
            return d == 0 ? 0 : n / d
        }
        guard let v = Double(t), v.isFinite else { return nil }
        return v
    }

    /// "2026-01-15T09:08:07+07:00" → "2026:01:15 09:08:07+07:00", as ExifTool shows XMP dates.
    static func exifDate(_ text: String) -> String {
        let u = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.upperBound <= u.count && range.allSatisfy { u[$0] >= 0x30 && u[$0] <= 0x39 } }
        guard digits(0..<4) else { return text }
        var out = [UInt8](u[0..<4])
        var i = 4
        for _ in 0..<2 where i + 3 <= u.count && u[i] == 0x2D && digits((i + 1)..<(i + 3)) {
            out.append(0x3A)
            out.append(contentsOf: u[(i + 1)..<(i + 3)])
            i += 3
        }
        if i < u.count && u[i] == 0x54 {  // 'T'
            out.append(0x20)
            i += 1
        }
        out.append(contentsOf: u[i...])
        return String(decoding: out, as: UTF8.self)
    }

    static func base64DecodedLength(_ text: String) -> Int {
        var symbols = 0, padding = 0
        for c in text.utf8 {
            switch c {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2B, 0x2F, 0x2D, 0x5F: symbols += 1
            case 0x3D: padding += 1
            default: break
            }
        }
        return (symbols + padding) / 4 * 3 - min(padding, 2) + ((symbols + padding) % 4 == 0 ? 0 : max(0, (symbols + padding) % 4 - 1))
    }
}

extension StringProtocol {
    /// Without leading and trailing ASCII whitespace.
    var trimmingSpaces: String {
        let string = String(self)
        let scalars = string.unicodeScalars
        guard let first = scalars.firstIndex(where: { !($0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r") }),
              let last = scalars.lastIndex(where: { !($0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r") }) else { return "" }
        return String(scalars[first...last])
    }
}
