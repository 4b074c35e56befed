/// The human report: grouped by file, most severe first within a file, coloured on a
/// terminal and plain otherwise.
public struct TextReportRenderer: Sendable {
    public var language: Language
    public var colour: Bool
    /// Print only files with findings or problems.
    public var quiet: Bool

    public init(language: Language, colour: Bool, quiet: Bool = false) {
        self.language = language
        self.colour = colour
        self.quiet = quiet
    }

    public func render(_ report: Report) -> String {
        var out = ""
        for file in report.files {
            if quiet && file.status == .scanned && file.findings.isEmpty { continue }
            renderFile(file, into: &out)
        }
        if !quiet || report.summary.findings > 0 || report.summary.errors > 0 {
            var policy = "\(Messages.policy(language)): \(report.policy)"
            if let destination = report.destination { policy += " · \(Messages.destination(language)): \(destination)" }
            out += paint(policy, .dim) + "\n"
            out += Messages.summary(report.summary, language) + "\n"
        }
        if report.summary.suppressed.total > 0 {
            out += Messages.suppressed(report.summary.suppressed, language) + "\n"
        }
        out += fixList(report)
        out += paint(Messages.verdict(report.summary.verdict, language), verdictStyle(report.summary.verdict)) + "\n"
        return out
    }

    /// Per file, what to do: actions in a fixed order, each with the categories it applies to.
    /// Info findings are not listed: nothing needs doing about them.
    func fixList(_ report: Report) -> String {
        var lines: [String] = []
        for file in report.files {
            let actionable = file.findings.filter { $0.severity > .info }
            guard !actionable.isEmpty else { continue }
            var parts: [String] = []
            for action in FixAction.allCases {
                var counts: [Category: Int] = [:]
                for f in actionable where f.fix.action == action { counts[f.category, default: 0] += 1 }
                guard !counts.isEmpty else { continue }
                let items = counts.keys.sorted().map { c -> String in
                    let n = counts[c] ?? 0
                    return CategoryNames.name(c, language) + (n > 1 ? " ×\(n)" : "")
                }
                parts.append("\(Messages.action(action, language)) \(items.joined(separator: ", "))")
            }
            lines.append("  \(file.path): \(parts.joined(separator: "; "))")
        }
        guard !lines.isEmpty else { return "" }
        return paint(Messages.toFix(language), .bold) + "\n" + lines.joined(separator: "\n") + "\n"
    }

    private func renderFile(_ file: FileReport, into out: inout String) {
        var header = paint(file.path, .bold)
        if let type = file.mediaType { header += paint("  (\(type))", .dim) }
        out += header + "\n"
        switch file.status {
        case .error, .skipped:
            let reason = file.error.map { "\($0.message) [\($0.code)]" } ?? ""
            out += "  " + paint(Messages.status(file.status, language), file.status == .error ? .red : .yellow)
                + ": " + reason + "\n\n"
            return
        case .scanned:
            break
        }
        let notes = file.notes.map { "  " + paint("\(Messages.note(language)): \($0)", .dim) + "\n" }.joined()
        if file.findings.isEmpty {
            out += "  " + paint(Messages.noFindings(language), .green) + "\n" + notes + "\n"
            return
        }
        let ordered = file.findings.enumerated().sorted {
            $0.element.severity != $1.element.severity ? $0.element.severity > $1.element.severity : $0.offset < $1.offset
        }.map(\.element)
        for finding in ordered {
            renderFinding(finding, into: &out)
        }
        out += notes + "\n"
    }

    private func renderFinding(_ f: Finding, into out: inout String) {
        let severity = paint(Messages.severity(f.severity, language).padding(to: language == .vi ? 10 : 6), severityStyle(f.severity))
        var place = ""
        switch f.location.kind {
        case .text:
            if let line = f.location.line, let column = f.location.column {
                place = "\(Messages.line(language)) \(line), \(Messages.column(language)) \(column)"
            }
        case .metadata:
            // The ExifTool group says which copy it is (GPS:GPSLatitude vs XMP-exif:GPSLatitude).
            place = [f.location.group ?? f.location.container, f.location.field].compactMap { $0 }.joined(separator: ":")
        }
        if let part = f.location.part { place = part + (place.isEmpty ? "" : " · " + place) }
        out += "  \(severity) \(CategoryNames.name(f.category, language)): \(paint(f.evidence, .bold))"
        out += paint("  [\(place); \(f.ruleId); \(Messages.confidence(language)) \(Int((f.confidence * 100).rounded()))%]", .dim) + "\n"
        // Why a metadata finding is (still) this severity here; info findings that stayed info need no reason.
        if let d = f.destination, d.originalSeverity != f.severity || f.severity >= .medium {
            let change = d.originalSeverity == f.severity
                ? Messages.severity(f.severity, language)
                : "\(Messages.severity(d.originalSeverity, language)) → \(Messages.severity(f.severity, language))"
            out += "         \(Messages.destination(language)) \(d.name) (\(change)): \(d.reason) "
                + paint("[\(Messages.certainty(d.certainty, language))]", .dim) + "\n"
        }
        out += "         \(Messages.advice(language)): \(f.fix.advice)\n"
        if !f.legal.isEmpty {
            let legal = f.legal.map { l in
                "\(l.instrument) \(l.article)" + (l.toVerify ? " (\(Messages.toVerify(language)))" : "")
            }.joined(separator: "; ")
            out += paint("         \(Messages.legalBasis(language)): \(legal)", .dim) + "\n"
        }
    }

    enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", magenta = "35", cyan = "36"
    }

    private func paint(_ s: String, _ style: Style) -> String {
        colour ? "\u{1B}[\(style.rawValue)m\(s)\u{1B}[0m" : s
    }

    private func severityStyle(_ s: Severity) -> Style {
        switch s {
        case .high: return .red
        case .medium: return .yellow
        case .low: return .cyan
        case .info: return .dim
        }
    }

    private func verdictStyle(_ v: Verdict) -> Style {
        switch v {
        case .clean: return .green
        case .review, .incomplete: return .yellow
        case .fixRequired: return .red
        }
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
