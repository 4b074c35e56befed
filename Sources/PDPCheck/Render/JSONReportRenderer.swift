/// The JSON report (contract, schemaVersion 1): exactly one object, keys sorted, two-space
/// indentation. Written by hand rather than through JSONEncoder: for a folder of photos the
/// report is most of the work after reading, and a direct writer is several times faster.
/// `Report` stays Codable (its `encode(to:)` is the reference the tests compare with).
public enum JSONReportRenderer {
    public static func render(_ report: Report) throws -> [UInt8] {
        var w = JSONWriter()
        w.bytes.reserveCapacity(4096 + report.files.count * 1024)  // one buffer for the whole report
        w.object { o in
            if let destination = report.destination { o.key("destination") { $0.string(destination) } }
            o.key("files") { w in
                w.array(report.files) { w, file in fileReport(file, &w) }
            }
            o.key("policy") { $0.string(report.policy) }
            o.key("schemaVersion") { $0.number(report.schemaVersion) }
            o.key("summary") { w in
                let s = report.summary
                w.object { o in
                    o.key("bySeverity") { w in
                        w.object { o in
                            for sev in Severity.allCases.sorted(by: { $0.rawValue < $1.rawValue }) {
                                o.key(sev.rawValue) { $0.number(s.bySeverity[sev.rawValue] ?? 0) }
                            }
                        }
                    }
                    o.key("errors") { $0.number(s.errors) }
                    o.key("files") { $0.number(s.files) }
                    o.key("findings") { $0.number(s.findings) }
                    o.key("scanned") { $0.number(s.scanned) }
                    o.key("skipped") { $0.number(s.skipped) }
                    o.key("suppressed") { suppressed(s.suppressed, &$0) }
                    o.key("verdict") { $0.string(s.verdict.rawValue) }
                }
            }
            o.key("tool") { $0.tool(report.tool) }
        }
        w.bytes.append(0x0A)
        return w.bytes
    }

    static func fileReport(_ file: FileReport, _ w: inout JSONWriter) {
        w.object { o in
            o.key("error") { w in
                if let e = file.error {
                    w.object { o in
                        o.key("code") { $0.string(e.code) }
                        o.key("message") { $0.string(e.message) }
                    }
                } else { w.null() }
            }
            o.key("findings") { w in w.array(file.findings) { w, f in finding(f, &w) } }
            o.key("mediaType") { w in file.mediaType.map { w.string($0) } ?? w.null() }
            if !file.notes.isEmpty { o.key("notes") { w in w.array(file.notes) { w, n in w.string(n) } } }
            o.key("path") { $0.string(file.path) }
            o.key("status") { $0.string(file.status.rawValue) }
            if file.suppressed.total > 0 { o.key("suppressed") { suppressed(file.suppressed, &$0) } }
        }
    }

    static func suppressed(_ c: SuppressionCounts, _ w: inout JSONWriter) {
        w.object { o in
            o.key("allowlist") { $0.number(c.allowlist) }
            o.key("baseline") { $0.number(c.baseline) }
            o.key("inlineIgnore") { $0.number(c.inlineIgnore) }
        }
    }

    static func finding(_ f: Finding, _ w: inout JSONWriter) {
        w.object { o in
            o.key("category") { $0.string(f.category.rawValue) }
            o.key("confidence") { $0.decimal((f.confidence * 100).rounded() / 100) }
            if let d = f.destination {
                o.key("destination") { w in
                    w.object { o in
                        o.key("certainty") { $0.string(d.certainty) }
                        o.key("metadata") { $0.string(d.metadata) }
                        o.key("name") { $0.string(d.name) }
                        o.key("originalSeverity") { $0.string(d.originalSeverity.rawValue) }
                        o.key("reason") { $0.string(d.reason) }
                    }
                }
            }
            o.key("evidence") { $0.string(f.evidence) }
            o.key("fix") { w in
                w.object { o in
                    o.key("action") { $0.string(f.fix.action.rawValue) }
                    o.key("advice") { $0.string(f.fix.advice) }
                    o.key("automatic") { $0.bool(f.fix.automatic) }
                }
            }
            o.key("legal") { w in
                w.array(f.legal) { w, l in
                    w.object { o in
                        o.key("article") { $0.string(l.article) }
                        if let id = l.id { o.key("id") { $0.string(id) } }
                        o.key("instrument") { $0.string(l.instrument) }
                        if let summary = l.summary { o.key("summary") { $0.string(summary) } }
                        o.key("toVerify") { $0.bool(l.toVerify) }
                    }
                }
            }
            o.key("location") { w in location(f.location, &w) }
            o.key("ruleId") { $0.string(f.ruleId) }
            o.key("severity") { $0.string(f.severity.rawValue) }
        }
    }

    static func location(_ l: Location, _ w: inout JSONWriter) {
        func optional(_ v: Int?, _ w: inout JSONWriter) { if let v { w.number(v) } else { w.null() } }
        func optional(_ v: String?, _ w: inout JSONWriter) { if let v { w.string(v) } else { w.null() } }
        w.object { o in
            switch l.kind {
            case .text:
                o.key("column") { optional(l.column, &$0) }
                o.key("end") { optional(l.end, &$0) }
                o.key("kind") { $0.string(l.kind.rawValue) }
                o.key("line") { optional(l.line, &$0) }
                o.key("part") { optional(l.part, &$0) }
                o.key("start") { optional(l.start, &$0) }
            case .metadata:
                o.key("container") { optional(l.container, &$0) }
                o.key("field") { optional(l.field, &$0) }
                if let group = l.group { o.key("group") { $0.string(group) } }
                o.key("kind") { $0.string(l.kind.rawValue) }
                o.key("part") { optional(l.part, &$0) }
            }
        }
    }
}

extension JSONWriter {
    /// The `tool` object both reports open with: name and version.
    mutating func tool(_ tool: ToolInfo) {
        object { o in
            o.key("name") { $0.string(tool.name) }
            o.key("version") { $0.string(tool.version) }
        }
    }
}

/// A minimal pretty-printing JSON writer (keys are written in the order given; callers sort).
/// The output lives in one shared buffer object: writers for nested objects are copies of this
/// struct, and a copied array would be copied again on every write. Each access to the buffer
/// is checked for exclusivity, so bytes go in as runs, not one by one.
struct JSONWriter {
    final class Buffer { var bytes: [UInt8] = [] }
    private let buffer = Buffer()
    private var indent = 0

    var bytes: [UInt8] {
        get { buffer.bytes }
        nonmutating set { buffer.bytes = newValue }
    }

    init() {}

    private func append(_ b: UInt8) { buffer.bytes.append(b) }
    private func append<Bytes: Collection<UInt8>>(_ bs: Bytes) { buffer.bytes.append(contentsOf: bs) }

    struct ObjectWriter {
        fileprivate var writer: JSONWriter
        fileprivate var first = true
        mutating func key(_ name: String, _ value: (inout JSONWriter) -> Void) {
            if !first { writer.append(0x2C) }
            first = false
            writer.newLine()
            writer.string(name)
            writer.append(" : ".utf8)
            value(&writer)
        }
    }

    mutating func object(_ body: (inout ObjectWriter) -> Void) {
        append(0x7B)
        indent += 1
        var o = ObjectWriter(writer: self)
        body(&o)
        indent -= 1
        if !o.first { newLine() }
        append(0x7D)
    }

    mutating func array<T>(_ items: [T], _ element: (inout JSONWriter, T) -> Void) {
        append(0x5B)
        guard !items.isEmpty else { append(0x5D); return }
        indent += 1
        for (i, item) in items.enumerated() {
            if i > 0 { append(0x2C) }
            newLine()
            element(&self, item)
        }
        indent -= 1
        newLine()
        append(0x5D)
    }

    /// A line break and the current indentation.
    fileprivate func newLine() {
        buffer.bytes.append(0x0A)
        buffer.bytes.append(contentsOf: repeatElement(0x20, count: 2 * indent))
    }

    mutating func null() { append("null".utf8) }
    mutating func bool(_ b: Bool) { append((b ? "true" : "false").utf8) }
    mutating func number(_ n: Int) { append(String(n).utf8) }

    /// Integral values without a fraction ("1", not "1.0"), as JSONEncoder writes them.
    mutating func decimal(_ d: Double) {
        if d == d.rounded() && abs(d) < 1e15 { number(Int(d)) } else { append(String(d).utf8) }
    }

    mutating func string(_ s: String) {
        append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            // Runs that need no escape go in whole.
            var run = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                if run < i { append(UnsafeBufferPointer(rebasing: utf8[run..<i])) }
                run = i + 1
                switch b {
                case 0x22: append("\\\"".utf8)
                case 0x5C: append("\\\\".utf8)
                case 0x0A: append("\\n".utf8)
                case 0x0D: append("\\r".utf8)
                case 0x09: append("\\t".utf8)
                default:
                    let hex = "0123456789abcdef".utf8
                    append("\\u00".utf8)
                    append(hex[hex.index(hex.startIndex, offsetBy: Int(b >> 4))])
                    append(hex[hex.index(hex.startIndex, offsetBy: Int(b & 0xF))])
                }
            }
            if run < utf8.count { append(UnsafeBufferPointer(rebasing: utf8[run...])) }
        }
        append(0x22)
    }
}
