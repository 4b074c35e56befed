import Foundation

/// The JSON report (contract, schemaVersion 1): exactly one object.
public enum JSONReportRenderer {
    public static func render(_ report: Report) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(report)
        data.append(0x0A)
        return [UInt8](data)
    }
}
