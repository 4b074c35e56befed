import Foundation
@testable import PDPCheck

/// Compares decoded fields with exiftool's `-j -G1 -n -a` answer stored next to each payload
/// in Corpus/media/payloads (written by make-payloads.sh).
enum MetadataDecoderOracle {
    static var payloads: URL { TestSupport.corpus.appendingPathComponent("media/payloads") }

    static func payload(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: payloads.appendingPathComponent(name)))
    }

    /// exiftool's tags for a payload: "Group:Name" → JSON value.
    static func expected(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: payloads.appendingPathComponent(name))
        guard let array = try JSONSerialization.jsonObject(with: data) as? [[String: Any]], let first = array.first else { return [:] }
        return first.filter { $0.key != "SourceFile" }
    }

    /// Differences between our fields and exiftool's, as readable lines.
    /// - `ignoring`: exiftool tags we do not produce on purpose.
    /// - `extra`: tags we produce that exiftool does not show.
    static func differences(_ fields: [MetadataField], expected: [String: Any],
                            ignoring: Set<String> = [], extra: Set<String> = []) -> [String] {
        var ours: [String: MetadataValue] = [:]
        for field in fields { ours["\(field.group):\(field.name)"] = field.value }
        var problems: [String] = []
        for (key, value) in expected.sorted(by: { $0.key < $1.key }) where !ignoring.contains(key) {
            guard let mine = ours[key] else { problems.append("missing \(key) = \(value)"); continue }
            if !matches(mine, value, key: key, expected: expected) { problems.append("\(key): ours \(mine), exiftool \(value)") }
        }
        for key in ours.keys.sorted() where expected[key] == nil && !extra.contains(key) {
            problems.append("extra \(key) = \(ours[key]!)")
        }
        return problems
    }

    static func matches(_ mine: MetadataValue, _ theirs: Any, key: String, expected: [String: Any]) -> Bool {
        if let s = theirs as? String, s.hasPrefix("(Binary data ") {
            let digits = s.dropFirst(13).prefix { $0.isNumber }
            if case .binary(let length) = mine { return Int(digits) == length }
            return false
        }
        // exiftool's GPS:GPSLatitude is unsigned; ours carries the sign of the Ref.
        var theirs = theirs
        if let n = theirs as? NSNumber, key.hasPrefix("GPS:"), ["GPSLatitude", "GPSLongitude"].contains(where: { key.hasSuffix(":" + $0) }) {
            let ref = expected[key + "Ref"] as? String ?? ""
            theirs = NSNumber(value: (ref == "S" || ref == "W") ? -n.doubleValue : n.doubleValue)
        }
        // Our altitudes are negative below sea level (exiftool keeps the Ref separate).
        if let n = theirs as? NSNumber, key.hasSuffix(":GPSAltitude"),
           (expected[key + "Ref"] as? NSNumber)?.intValue == 1 {
            theirs = NSNumber(value: -n.doubleValue)
        }
        switch mine {
        case .text(let t): return same(t, theirs)
        case .number(let d): return same(d, theirs)
        case .list(let l):
            if let array = theirs as? [Any] { return array.count == l.count && zip(l, array).allSatisfy { same($0, $1) } }
            return l.count == 1 && same(l[0], theirs)
        case .numbers(let ds):
            if let array = theirs as? [Any] { return array.count == ds.count && zip(ds, array).allSatisfy { same($0, $1) } }
            if let s = theirs as? String { return s == ds.map(MetadataText.number).joined(separator: " ") }
            return ds.count == 1 && same(ds[0], theirs)
        case .binary: return false
        }
    }

    private static func same(_ text: String, _ theirs: Any) -> Bool {
        if let s = theirs as? String { return s == text }
        if let n = theirs as? NSNumber, let d = Double(text) { return abs(d - n.doubleValue) < 1e-9 }
        return false
    }

    private static func same(_ number: Double, _ theirs: Any) -> Bool {
        if let n = theirs as? NSNumber { return abs(number - n.doubleValue) <= 1e-6 * max(1, abs(number)) }
        if let s = theirs as? String, let d = Double(s) { return abs(number - d) <= 1e-6 * max(1, abs(number)) }
        return false
    }
}
