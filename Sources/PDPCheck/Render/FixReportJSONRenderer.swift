/// The fix report as JSON: keys sorted, two-space indentation, like the scan report, and
/// written by hand for the same reason (JSONEncoder was ~6 % of fixing a folder of small photos).
/// `FixReport` stays Codable; a test checks that both give the same JSON values.
enum FixReportJSONRenderer {
    static func render(_ report: FixReport) -> [UInt8] {
        var w = JSONWriter()
        w.bytes.reserveCapacity(4096 + report.files.count * 768)
        w.object { o in
            o.key("files") { w in w.array(report.files) { w, file in fileReport(file, &w) } }
            o.key("policy") { $0.string(report.policy) }
            o.key("schemaVersion") { $0.number(report.schemaVersion) }
            o.key("stripMode") { $0.string(report.stripMode) }
            o.key("summary") { w in
                let s = report.summary
                w.object { o in
                    o.key("errors") { $0.number(s.errors) }
                    o.key("files") { $0.number(s.files) }
                    o.key("fixed") { $0.number(s.fixed) }
                    o.key("incomplete") { $0.number(s.incomplete) }
                    o.key("needsPerson") { $0.number(s.needsPerson) }
                    o.key("notFixed") { $0.number(s.notFixed) }
                    o.key("remaining") { $0.number(s.remaining) }
                    o.key("removed") { $0.number(s.removed) }
                    o.key("unchanged") { $0.number(s.unchanged) }
                }
            }
            o.key("tool") { $0.tool(report.tool) }
        }
        w.bytes.append(0x0A)
        return w.bytes
    }

    static func fileReport(_ file: FileFixReport, _ w: inout JSONWriter) {
        w.object { o in
            if let backup = file.backup { o.key("backup") { $0.string(backup) } }
            o.key("changes") { w in w.array(file.changes) { w, c in change(c, &w) } }
            if let mediaType = file.mediaType { o.key("mediaType") { $0.string(mediaType) } }
            o.key("needsPerson") { w in w.array(file.needsPerson) { w, s in w.string(s) } }
            o.key("notes") { w in w.array(file.notes) { w, s in w.string(s) } }
            if let output = file.output { o.key("output") { $0.string(output) } }
            o.key("path") { $0.string(file.path) }
            if let payload = file.payload {
                o.key("payload") { w in
                    w.object { o in
                        o.key("after") { $0.string(payload.after) }
                        o.key("before") { $0.string(payload.before) }
                        o.key("unchanged") { $0.bool(payload.unchanged) }
                    }
                }
            }
            if let reason = file.reason { o.key("reason") { $0.string(reason) } }
            o.key("remaining") { w in w.array(file.remaining) { w, f in JSONReportRenderer.finding(f, &w) } }
            o.key("status") { $0.string(file.status.rawValue) }
        }
    }

    static func change(_ c: FileFixReport.Change, _ w: inout JSONWriter) {
        w.object { o in
            if let action = c.action { o.key("action") { $0.string(action) } }
            if let category = c.category { o.key("category") { $0.string(category.rawValue) } }
            o.key("count") { $0.number(c.count) }
            o.key("fields") { w in w.array(c.fields) { w, s in w.string(s) } }
            o.key("kind") { $0.string(c.kind) }
            if let place = c.place { o.key("place") { $0.string(place) } }
        }
    }
}
