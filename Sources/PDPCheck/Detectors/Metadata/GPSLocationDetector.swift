import Foundation

/// Latitude and longitude wherever the file holds them: the EXIF GPS IFD, XMP exif:GPS*,
/// QuickTime ISO 6709 (`Keys`, `©xyz`, `loci`). One match per position. The shared evidence is
/// rounded to about 1 km, with the precision the file really holds ("stored to ~0.1 m"), which
/// is what tells a user that the photo gives away the house, not the city. A (0, 0) position or
/// a GPS block without coordinates is reported at `low`: it says the phone was recording.
struct GPSLocationDetector: MetadataDetector {
    let description = MetadataDetectorDescription(
        ruleId: "meta.gps", category: .gpsLocation,
        summary: "GPS coordinates in EXIF, XMP or QuickTime metadata: where the picture was taken, often a home.",
        examples: [
            MetadataExample("EXIF GPS with refs", [
                f("GPS", "GPSLatitudeRef", .text("N")), f("GPS", "GPSLatitude", .number(11.940419)),
                f("GPS", "GPSLongitudeRef", .text("E")), f("GPS", "GPSLongitude", .number(108.458313)),
            ], matches: 1),
            MetadataExample("QuickTime ISO 6709", [f("Keys", "GPSCoordinates", .numbers([10.7769, 106.7009, 12]))], matches: 1),
            MetadataExample("EXIF and XMP copies are two places in the file", [
                f("GPS", "GPSLatitude", .number(11.94)), f("GPS", "GPSLongitude", .number(108.45)),
                f("XMP-exif", "GPSLatitude", .number(11.94)), f("XMP-exif", "GPSLongitude", .number(108.45)),
            ], matches: 2),
            MetadataExample("an empty GPS block", [f("GPS", "GPSVersionID", .text("2 3 0 0"))], matches: 1),
            MetadataExample("no GPS at all", [f("IFD0", "Make", .text("Apple"))], matches: 0),
        ])

    static func f(_ group: String, _ name: String, _ value: MetadataValue) -> MetadataField {
        MetadataField(group: group, name: name, value: value, container: "test")
    }

    func detect(in fields: [MetadataField], into matches: inout [MetadataMatch]) {
        // Latitude and longitude pair up within a group (GPS, XMP-exif…).
        var byGroup: [String: (lat: MetadataField?, lon: MetadataField?, latRef: String?, lonRef: String?)] = [:]
        var order: [String] = []
        var gpsBlock: MetadataField?
        for field in fields {
            if field.group == "GPS" && gpsBlock == nil { gpsBlock = field }
            switch field.name {
            case "TimedGPS":
                matches.append(MetadataMatch(ruleId: "meta.gps.track", category: .gpsLocation, confidence: 0.9,
                                             field: field, value: "GPS track (\(field.value.display))",
                                             summary: "a timed metadata track records the route"))
                continue
            case "GPSCoordinates", "GPSPosition", "LocationInformation":
                if case .numbers(let v) = field.value, v.count >= 2 {
                    report(lat: v[0], lon: v[1], field: field, into: &matches)
                } else if case .text(let s) = field.value, let v = ISO6709.parse(s) ?? Self.labelledPosition(s), v.count >= 2 {
                    report(lat: v[0], lon: v[1], field: field, into: &matches)
                }
                continue
            default: break
            }
            // Pairs live in one group, and in XMP structures under one prefix
            // (`LocationShownGPSLatitude` with `LocationShownGPSLongitude`).
            guard let (prefix, part) = Self.coordinatePart(field.name) else { continue }
            let key = field.group + ":" + prefix
            if byGroup[key] == nil { byGroup[key] = (nil, nil, nil, nil); order.append(key) }
            switch part {
            case "GPSLatitude": byGroup[key]?.lat = field
            case "GPSLongitude": byGroup[key]?.lon = field
            case "GPSLatitudeRef": byGroup[key]?.latRef = field.value.display
            default: byGroup[key]?.lonRef = field.value.display
            }
        }
        var reportedGPSGroup = false
        for key in order {
            guard let entry = byGroup[key], let latField = entry.lat, let lat = Self.number(latField.value),
                  let lon = entry.lon.flatMap({ Self.number($0.value) }) else { continue }
            let signedLat = Self.applyRef(lat, entry.latRef, negative: "S")
            let signedLon = Self.applyRef(lon, entry.lonRef, negative: "W")
            report(lat: signedLat, lon: signedLon, field: latField, into: &matches)
            if key == "GPS:" { reportedGPSGroup = true }
        }
        if let block = gpsBlock, !reportedGPSGroup {
            matches.append(MetadataMatch(ruleId: "meta.gps.empty", category: .gpsLocation, confidence: 0.3,
                                         field: block, value: "GPS block without coordinates",
                                         summary: "GPS block without coordinates", severityCap: .low))
        }
    }

    private func report(lat: Double, lon: Double, field: MetadataField, into matches: inout [MetadataMatch]) {
        guard lat.isFinite, lon.isFinite, abs(lat) <= 90, abs(lon) <= 180 else { return }
        let value = "\(MetadataValue.format(lat)), \(MetadataValue.format(lon))"
        if lat == 0 && lon == 0 {
            matches.append(MetadataMatch(ruleId: "meta.gps.zero", category: .gpsLocation, confidence: 0.3,
                                         field: field, value: value, summary: "0°, 0° (no real position)",
                                         severityCap: .low))
            return
        }
        let precision = max(Self.storedPrecisionMetres(lat), Self.storedPrecisionMetres(lon))
        let summary = "\(Self.rounded(lat, "N", "S")) \(Self.rounded(lon, "E", "W")) (≈1 km shown; file holds ~\(Self.describe(metres: precision)))"
        matches.append(MetadataMatch(ruleId: description.ruleId, category: .gpsLocation,
                                     confidence: precision <= 1000 ? 1 : 0.8, field: field, value: value,
                                     summary: summary))
    }

    static let coordinateNames = ["GPSLatitudeRef", "GPSLongitudeRef", "GPSLatitude", "GPSLongitude"]

    /// `LocationShownGPSLatitude` → ("LocationShown", "GPSLatitude").
    static func coordinatePart(_ name: String) -> (String, String)? {
        for part in coordinateNames where name.hasSuffix(part) {
            return (String(name.dropLast(part.count)), part)
        }
        return nil
    }

    /// "… Lat=11.94041 Lon=108.45831 Alt=…" (3GP `loci` as ExifTool prints it).
    static func labelledPosition(_ s: String) -> [Double]? {
        func value(after label: String) -> Double? {
            guard let r = s.range(of: label) else { return nil }
            let rest = s[r.upperBound...].prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }
            return Double(rest)
        }
        guard let lat = value(after: "Lat="), let lon = value(after: "Lon=") else { return nil }
        return [lat, lon]
    }

    static func number(_ value: MetadataValue) -> Double? {
        switch value {
        case .number(let d): return d
        case .numbers(let ds): return ds.first
        case .text(let s): return Double(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    static func applyRef(_ v: Double, _ ref: String?, negative: String) -> Double {
        guard let ref, ref.uppercased().hasPrefix(negative), v > 0 else { return v }
        return -v
    }

    /// "21.03°N": two decimals, as printf's `%.2f` would write them.
    static func rounded(_ v: Double, _ positive: String, _ negative: String) -> String {
        let direction = v < 0 ? negative : positive
        return FixedDecimal.format(abs(v), decimals: 2) + "°" + direction
    }

    /// How finely a coordinate is stored, from its digits: the coarsest of "d decimal places"
    /// and "seconds to k decimals" that reproduces the value (EXIF stores degrees, minutes and
    /// seconds as rationals; QuickTime and XMP store decimals).
    static func storedPrecisionMetres(_ v: Double) -> Double {
        let a = abs(v)
        var candidates: [Double] = []
        for d in 0...8 {
            let scaled = a * pow(10, Double(d))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled / 1e6) {
                candidates.append(111_320 / pow(10, Double(d)))
                break
            }
        }
        for k in 0...4 {
            let seconds = a * 3600 * pow(10, Double(k))
            if abs(seconds - seconds.rounded()) < 1e-4 {
                candidates.append(30.92 / pow(10, Double(k)))
                break
            }
        }
        return candidates.max() ?? 0.01
    }

    static func describe(metres: Double) -> String {
        if metres >= 1000 { return FixedDecimal.format(metres / 1000, decimals: 0) + " km" }
        if metres >= 1 { return FixedDecimal.format(metres, decimals: 0) + " m" }
        if metres >= 0.1 { return FixedDecimal.format(metres, decimals: 1) + " m" }
        return "centimetres"
    }
}
