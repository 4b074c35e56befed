/// Re-reads a cleaned copy the way a scan reads it (container reader, decoders, metadata and
/// text detectors, embedded images included) and lists what a fix should have removed but is
/// still there. An empty list is the proof the fix report gives; anything in it means the
/// copy must not be called clean.
public enum MediaCleanVerifier {
    /// Findings in `cleaned` that the fix could remove on its own: automatic fixes (strip,
    /// mask, remove) of the categories `options` removes. Findings that need a person (review,
    /// consent) are not listed: cleaning never claims them.
    /// - Parameter scanner: the scanner to re-read with, when the caller checks many copies
    ///   (its policy must be `options.policy`); one is made otherwise.
    public static func remainingFixable(in cleaned: [UInt8], options: MediaCleanOptions = MediaCleanOptions(),
                                        scanner: Scanner? = nil) -> [Finding] {
        let scanner = scanner ?? Scanner(policy: options.policy, options: ScanOptions())
        let report = scanner.scanItem(InputItem(displayPath: "cleaned", source: .bytes(cleaned)))
        let categories = options.removedCategories
        return report.findings.filter { finding in
            guard finding.location.kind == .metadata, finding.fix.automatic else { return false }
            // Kept on purpose: the images themselves, when `.clean` was asked for them.
            if options.embeddedMedia == .clean, options.mode == .privacy, finding.ruleId == "meta.embedded-image" { return false }
            return options.mode == .all || categories.contains(finding.category)
        }
    }
}
