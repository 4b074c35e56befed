import Foundation

/// The fix report as text for a terminal, Markdown for a ticket or a workshop handout, or JSON
/// for tools. Evidence in remaining findings is masked as in scan reports.
public enum FixReportRenderer {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    public static func render(_ report: FixReport, format: Format, language: Language) -> [UInt8] {
        switch format {
        case .json:
            return FixReportJSONRenderer.render(report)
        case .text:
            return Array(lines(report, language: language, markdown: false).joined(separator: "\n").utf8) + [0x0A]
        case .markdown:
            return Array(lines(report, language: language, markdown: true).joined(separator: "\n").utf8) + [0x0A]
        }
    }

    static func lines(_ report: FixReport, language: Language, markdown: Bool) -> [String] {
        let t = Words(language)
        var out: [String] = []
        out.append(markdown ? "# \(t.title)" : t.title)
        out.append("\(t.policy): \(report.policy) · \(t.strip): \(report.stripMode)")
        out.append("")
        for file in report.files {
            var head = file.path
            if let output = file.output, output != file.path { head += " → \(output)" }
            let status = t.status(file.status)
            out.append(markdown ? "## `\(file.path)` — \(status)" + (file.output.map { " → `\($0)`" } ?? "") : "\(head)  [\(status)]")
            let bullet = markdown ? "- " : "  "
            if let reason = file.reason { out.append(bullet + reason) }
            if let backup = file.backup { out.append(bullet + "\(t.backup): \(backup)") }
            for change in file.changes {
                var line = bullet + t.change(change.kind) + ": "
                line += change.category.map { CategoryNames.name($0, language) } ?? t.otherMetadata
                if change.count > 1 { line += " ×\(change.count)" }
                var place: [String] = []
                if let p = change.place { place.append(p) }
                if !change.fields.isEmpty {
                    let shown = change.fields.prefix(4).joined(separator: ", ")
                    place.append(change.fields.count > 4 ? shown + ", …" : shown)
                }
                if !place.isEmpty { line += " (\(place.joined(separator: ": ")))" }
                out.append(line)
            }
            if let payload = file.payload, file.status != .unchanged {
                let hash = String(payload.after.prefix(16))
                out.append(bullet + (payload.unchanged ? t.payloadSame(hash) : t.payloadChanged))
            }
            for finding in file.remaining {
                out.append(bullet + "\(t.remaining): \(CategoryNames.name(finding.category, language)) \(finding.evidence)")
            }
            for item in file.needsPerson { out.append(bullet + "\(t.needsPerson): \(item)") }
            for note in file.notes.prefix(5) { out.append(bullet + "\(t.note): \(note)") }
            out.append("")
        }
        let s = report.summary
        out.append((markdown ? "**" : "") + t.summary(s) + (markdown ? "**" : ""))
        return out
    }

    struct Words {
        let vi: Bool
        init(_ language: Language) { vi = language == .vi }

        var title: String { vi ? "pdpcheck fix: bản sạch" : "pdpcheck fix: cleaned copies" }
        var policy: String { vi ? "Chính sách" : "Policy" }
        var strip: String { vi ? "xóa" : "strip" }
        var backup: String { vi ? "bản gốc giữ tại" : "original kept as" }
        var otherMetadata: String { vi ? "metadata khác" : "other metadata" }
        var remaining: String { vi ? "VẪN CÒN" : "STILL THERE" }
        var needsPerson: String { vi ? "cần người xem" : "needs a person" }
        var note: String { vi ? "ghi chú" : "note" }
        var payloadChanged: String { vi ? "DỮ LIỆU ẢNH ĐÃ THAY ĐỔI" : "IMAGE DATA CHANGED" }

        func payloadSame(_ hash: String) -> String {
            vi ? "dữ liệu ảnh giữ nguyên từng byte (sha256 \(hash)…, trước = sau)"
               : "image data identical byte for byte (sha256 \(hash)…, before = after)"
        }

        func status(_ s: FileFixReport.Status) -> String {
            switch s {
            case .fixed: return vi ? "ĐÃ SỬA" : "FIXED"
            case .unchanged: return vi ? "không cần sửa" : "nothing to fix"
            case .incomplete: return vi ? "CHƯA SẠCH" : "INCOMPLETE"
            case .notFixed: return vi ? "KHÔNG SỬA ĐƯỢC" : "NOT FIXED"
            case .error: return vi ? "LỖI" : "ERROR"
            }
        }

        func change(_ kind: String) -> String {
            switch kind {
            case "redacted": return vi ? "đã che" : "redacted"
            case "metadata-removed": return vi ? "đã xóa metadata" : "metadata removed"
            case "property-removed": return vi ? "đã xóa thuộc tính" : "property removed"
            case "author-neutralized": return vi ? "đã ẩn tên tác giả" : "author renamed"
            case "people-cleared": return vi ? "đã xóa danh sách người" : "people list cleared"
            case "media-cleaned": return vi ? "đã làm sạch ảnh/video nhúng" : "embedded media cleaned"
            default: return kind
            }
        }

        func summary(_ s: FixSummary) -> String {
            if vi {
                return "\(s.files) tệp: \(s.fixed) đã sửa, \(s.unchanged) không cần sửa, \(s.notFixed) không sửa được, "
                    + "\(s.incomplete) chưa sạch, \(s.errors) lỗi; đã xóa/che \(s.removed) mục; còn lại \(s.remaining); "
                    + "\(s.needsPerson) việc cần người xem."
            }
            return "\(s.files) files: \(s.fixed) fixed, \(s.unchanged) with nothing to fix, \(s.notFixed) not fixed, "
                + "\(s.incomplete) incomplete, \(s.errors) errors; \(s.removed) items removed; \(s.remaining) left; "
                + "\(s.needsPerson) for a person to check."
        }
    }
}
