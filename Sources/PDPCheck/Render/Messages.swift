/// The text report's fixed wording, in both languages.
enum Messages {
    static func severity(_ s: Severity, _ l: Language) -> String {
        switch (s, l) {
        case (.high, .vi): return "CAO"
        case (.medium, .vi): return "TRUNG BÌNH"
        case (.low, .vi): return "THẤP"
        case (.info, .vi): return "THÔNG TIN"
        case (.high, .en): return "HIGH"
        case (.medium, .en): return "MEDIUM"
        case (.low, .en): return "LOW"
        case (.info, .en): return "INFO"
        }
    }

    static func verdict(_ v: Verdict, _ l: Language) -> String {
        switch (v, l) {
        case (.clean, .vi): return "SẠCH: không thấy dữ liệu cá nhân cần xử lý."
        case (.clean, .en): return "CLEAN: no personal data that needs action."
        case (.review, .vi): return "CẦN XEM LẠI: có mục nên kiểm tra trước khi đăng."
        case (.review, .en): return "REVIEW: some items deserve a look before publishing."
        case (.fixRequired, .vi): return "CẦN SỬA trước khi đăng."
        case (.fixRequired, .en): return "FIX REQUIRED before publishing."
        case (.incomplete, .vi): return "CHƯA ĐẦY ĐỦ: không thấy gì, nhưng có tệp chưa quét được."
        case (.incomplete, .en): return "INCOMPLETE: nothing found, but some inputs could not be scanned."
        }
    }

    static func status(_ s: ScanStatus, _ l: Language) -> String {
        switch (s, l) {
        case (.scanned, .vi): return "đã quét"
        case (.scanned, .en): return "scanned"
        case (.skipped, .vi): return "bỏ qua"
        case (.skipped, .en): return "skipped"
        case (.error, .vi): return "lỗi"
        case (.error, .en): return "error"
        }
    }

    static func noFindings(_ l: Language) -> String { l == .vi ? "không có phát hiện" : "no findings" }
    static func note(_ l: Language) -> String { l == .vi ? "ghi chú" : "note" }
    static func advice(_ l: Language) -> String { l == .vi ? "Cách xử lý" : "Fix" }
    static func legalBasis(_ l: Language) -> String { l == .vi ? "Căn cứ" : "Legal basis" }
    static func line(_ l: Language) -> String { l == .vi ? "dòng" : "line" }
    static func column(_ l: Language) -> String { l == .vi ? "cột" : "col" }
    static func confidence(_ l: Language) -> String { l == .vi ? "độ tin cậy" : "confidence" }

    static func summary(_ s: Summary, _ l: Language) -> String {
        let bySeverity = Severity.allCases.map { "\(severity($0, l).lowercased()) \(s.bySeverity[$0.rawValue] ?? 0)" }
            .joined(separator: ", ")
        if l == .vi {
            return "Tổng: \(s.files) tệp (\(s.scanned) đã quét, \(s.skipped) bỏ qua, \(s.errors) lỗi), \(s.findings) phát hiện (\(bySeverity))."
        }
        return "Total: \(s.files) files (\(s.scanned) scanned, \(s.skipped) skipped, \(s.errors) errors), \(s.findings) findings (\(bySeverity))."
    }

    static func action(_ a: FixAction, _ l: Language) -> String {
        switch (a, l) {
        case (.mask, .vi): return "che"
        case (.mask, .en): return "mask"
        case (.replace, .vi): return "thay thế"
        case (.replace, .en): return "replace"
        case (.remove, .vi): return "xóa"
        case (.remove, .en): return "remove"
        case (.stripMetadata, .vi): return "xóa metadata"
        case (.stripMetadata, .en): return "strip metadata"
        case (.review, .vi): return "xem lại"
        case (.review, .en): return "review"
        case (.obtainConsent, .vi): return "xin đồng ý"
        case (.obtainConsent, .en): return "obtain consent"
        }
    }

    static func certainty(_ c: String, _ l: Language) -> String {
        switch (c, l) {
        case ("confirmed", .vi): return "chắc chắn"
        case ("confirmed", .en): return "confirmed"
        case ("reported", .vi): return "theo thông tin phổ biến, pdpcheck chưa kiểm thử"
        case ("reported", .en): return "reported, not tested by pdpcheck"
        case (_, .vi): return "chưa chắc chắn"
        default: return "uncertain"
        }
    }

    static func toVerify(_ l: Language) -> String { l == .vi ? "cần kiểm chứng" : "to verify" }
    static func destination(_ l: Language) -> String { l == .vi ? "Nơi gửi" : "Destination" }
    static func toFix(_ l: Language) -> String { l == .vi ? "Việc cần làm:" : "To fix:" }
    static func policy(_ l: Language) -> String { l == .vi ? "Chính sách" : "Policy" }

    static func suppressed(_ c: SuppressionCounts, _ l: Language) -> String {
        if l == .vi {
            return "Đã bỏ qua \(c.total) phát hiện: \(c.allowlist) trong allowlist, \(c.inlineIgnore) do pdpcheck:ignore, "
                + "\(c.baseline) trong baseline."
        }
        return "Suppressed \(c.total) findings: \(c.allowlist) allowlisted, \(c.inlineIgnore) by pdpcheck:ignore, "
            + "\(c.baseline) in the baseline."
    }
}
