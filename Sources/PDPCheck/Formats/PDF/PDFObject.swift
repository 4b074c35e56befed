/// An indirect object's identity: "12 0 R".
struct PDFRef: Hashable, Sendable, CustomStringConvertible {
    var number: Int
    var generation: Int

    var description: String { "\(number) \(generation) R" }
}

/// One PDF object as parsed from the file. Stream data is not copied: a stream keeps the byte
/// range of its data in the file, and is decoded only when a reader needs it.
enum PDFObject: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case real(Double)
    /// A literal or hex string: raw bytes, decoded as text only where the spec says "text string".
    case string([UInt8])
    case name(String)
    case array([PDFObject])
    case dictionary(PDFDictionary)
    case reference(PDFRef)
    case stream(PDFStream)

    var dictionary: PDFDictionary? {
        switch self {
        case .dictionary(let d): return d
        case .stream(let s): return s.dictionary
        default: return nil
        }
    }

    var array: [PDFObject]? {
        if case .array(let a) = self { return a }
        return nil
    }

    var name: String? {
        if case .name(let n) = self { return n }
        return nil
    }

    var integer: Int? {
        switch self {
        case .integer(let i): return i
        case .real(let d) where d.isFinite && abs(d) < 1e15: return Int(d)
        default: return nil
        }
    }

    var stringBytes: [UInt8]? {
        if case .string(let s) = self { return s }
        return nil
    }

    var reference: PDFRef? {
        if case .reference(let r) = self { return r }
        return nil
    }

    var stream: PDFStream? {
        if case .stream(let s) = self { return s }
        return nil
    }
}

/// A dictionary that remembers key order (ExifTool lists Info keys in file order, and so do
/// we); a repeated key keeps its first position and its last value.
struct PDFDictionary: Sendable, Hashable {
    private(set) var keys: [String] = []
    private var values: [String: PDFObject] = [:]

    init() {}

    subscript(key: String) -> PDFObject? {
        values[key]
    }

    var count: Int { keys.count }

    mutating func set(_ key: String, _ value: PDFObject) {
        if values.updateValue(value, forKey: key) == nil { keys.append(key) }
    }

    /// The value of `/Type` (or another name-valued key).
    func name(_ key: String) -> String? { values[key]?.name }

    func integer(_ key: String) -> Int? { values[key]?.integer }

    var entries: [(key: String, value: PDFObject)] {
        keys.compactMap { key in values[key].map { (key, $0) } }
    }
}

/// A stream: its dictionary and where its (still encoded) data lies in the file.
struct PDFStream: Sendable, Hashable {
    var dictionary: PDFDictionary
    var dataRange: Range<Int>
}
