import Foundation
import Testing
@testable import PDPCheck

/// Runs every metadata detector's own examples (sets of fields and how many matches they give).
@Suite("Metadata detector examples")
struct MetadataDetectorExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let detector: any MetadataDetector
        let example: MetadataExample
        var testDescription: String { "\(detector.description.ruleId): \(example.note)" }
    }

    static var cases: [Case] {
        BuiltinMetadataDetectors.all.flatMap { d in d.description.examples.map { Case(detector: d, example: $0) } }
    }

    @Test("each example gives its number of matches, in the detector's category", arguments: cases)
    func example(_ c: Case) {
        var matches: [MetadataMatch] = []
        c.detector.detect(in: c.example.fields, into: &matches)
        #expect(matches.count == c.example.expectedMatches, "\(matches.map(\.value))")
        #expect(matches.allSatisfy { $0.category == c.detector.description.category })
        #expect(matches.allSatisfy { $0.confidence > 0 && $0.confidence <= 1 })
    }

    @Test("every detector has a triggering and a quiet example")
    func examplesCoverBothWays() {
        for d in BuiltinMetadataDetectors.all {
            #expect(d.description.examples.contains { $0.expectedMatches > 0 }, "\(d.description.ruleId)")
            #expect(d.description.examples.contains { $0.expectedMatches == 0 }, "\(d.description.ruleId)")
        }
    }

    @Test("GPS evidence is rounded to about 1 km and states the stored precision")
    func gpsEvidence() {
        var matches: [MetadataMatch] = []
        let fields = [
            MetadataField(group: "GPS", name: "GPSLatitude", value: .number(11.940419)),
            MetadataField(group: "GPS", name: "GPSLatitudeRef", value: .text("N")),
            MetadataField(group: "GPS", name: "GPSLongitude", value: .number(108.458313)),
            MetadataField(group: "GPS", name: "GPSLongitudeRef", value: .text("W")),
        ]
        GPSLocationDetector().detect(in: fields, into: &matches)
        #expect(matches.count == 1)
        #expect(matches.first?.summary?.hasPrefix("11.94°N 108.46°W") == true, "\(matches.first?.summary ?? "")")
        #expect(matches.first?.summary?.contains("0.1 m") == true)
        #expect(matches.first?.value == "11.940419, -108.458313")
    }

    @Test("stored precision: decimals and degree-minute-second rationals")
    func storedPrecision() {
        #expect(GPSLocationDetector.storedPrecisionMetres(11.94) > 1000)          // 2 decimals ≈ 1.1 km
        #expect(GPSLocationDetector.storedPrecisionMetres(11.940419) < 1)         // 6 decimals ≈ 0.11 m
        // 11°56'25.51" = 11.940419444…: seconds to 2 decimals ≈ 0.3 m.
        let dms = 11 + 56.0 / 60 + 25.51 / 3600
        let p = GPSLocationDetector.storedPrecisionMetres(dms)
        #expect(p > 0.2 && p < 0.5, "\(p)")
    }

    @Test("the rounded evidence reads as printf's %.2f would write it")
    func roundedMatchesPrintf() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, 0.005, 0.125, 0.375, 9.995, 10.004999, 21.0249, 89.999, 179.995, -0.004, -108.458313]
        for _ in 0..<2000 { values.append(Double.random(in: -180...180, using: &generator)) }
        for v in values {
            let expected = String(format: "%.2f°%@", abs(v), v < 0 ? "S" : "N")
            #expect(GPSLocationDetector.rounded(v, "N", "S") == expected, "\(v)")
        }
    }

    @Test("fixed decimals read as printf writes them, ties included, for 0 to 6 decimals")
    func fixedDecimalMatchesPrintf() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, 0.5, 1.5, 2.5, 0.05, 0.15, 0.25, 0.35, 1e-7, 999_999_999.5, 123.4565, 0.0625, 0.3125]
        for _ in 0..<3000 { values.append(Double.random(in: 0..<1000, using: &generator)) }
        for _ in 0..<500 { values.append(Double(Int.random(in: 0..<100_000, using: &generator)) / 64) }
        for v in values {
            for decimals in 0...6 {
                #expect(FixedDecimal.format(v, decimals: decimals) == String(format: "%.\(decimals)f", v), "\(v) \(decimals)")
            }
        }
        #expect(GPSLocationDetector.describe(metres: 1234.5) == "1 km")
        #expect(GPSLocationDetector.describe(metres: 2500) == "2 km")
        #expect(GPSLocationDetector.describe(metres: 30.5) == "30 m")
        #expect(GPSLocationDetector.describe(metres: 0.31) == "0.3 m")
        #expect(GPSLocationDetector.describe(metres: 0.01) == "centimetres")
    }
}
