import Foundation

/// Builds the shipped legal catalogue and the text detectors' shared tables (the keyword
/// automaton, surname and place tables, the detectors' own lookups) on a thread of its own,
/// while the command line is still parsing arguments and loading the policy. They are built on
/// first use anyway; a `fix` or `scan` otherwise waits ~20 ms for them on one core with the
/// other idle.
public enum DetectionWarmUp {
    /// An invented post that reaches every detector's tables: a name, a phone, an ID, a birth
    /// year, an address, a topic word, a child and an e-mail address.
    static let sample = Array("""
        Chị Nguyễn Thị Lan (sinh năm 1990), SĐT 0912 345 678, CCCD 001190012345, \
        địa chỉ số 12 ngõ 5 phố Huế, phường Bạch Mai; bé Minh 7 tuổi học lớp 2A đang điều trị \
        ung thư ở bệnh viện. Email lan.nguyen@example.com, STK 0123456789 Vietcombank.
        """.utf8)

    /// Starts the warm-up and returns at once. The first call starts one thread; later calls
    /// do nothing. The tables are Swift globals, built once: a thread that needs one meanwhile
    /// waits for it rather than building it twice.
    public static func start() {
        _ = launched
    }

    private static let launched: Void = {
        Thread.detachNewThread {
            // The legal catalogue first: the policy loader on the main thread needs it next.
            _ = ShippedPolicies.legal
            _ = ShippedPolicies.categories
            _ = TextDetectionEngine.standard.detect(in: sample)
        }
    }()
}
