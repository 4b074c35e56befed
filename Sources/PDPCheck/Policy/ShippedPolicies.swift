/// The policies, legal references, destinations and category texts that ship with pdpcheck,
/// read from the YAML embedded in the library (ShippedPolicyFiles, generated from Policies/).
///
/// Why embedded text rather than SwiftPM resources: the binary then works from any directory
/// and when copied alone (an installed `pdpcheck` has no resource bundle beside it), with no
/// Bundle lookup that differs between Linux and macOS. The YAML files stay the source of truth;
/// a test fails when the embedded copy differs from them by a byte.
public enum ShippedPolicies {
    /// The shipped policies, in the order `policy list` shows them.
    public static let policyNames = ["default", "kol-post", "admin-screening", "workshop"]

    /// The text of a shipped file, by its path under Policies/ ("default.yaml", "legal/vn.yaml").
    public static func text(_ path: String) -> String? {
        ShippedPolicyFiles.files[path]
    }

    public static var filePaths: [String] { ShippedPolicyFiles.files.keys.sorted() }

    /// Shipped data that does not load is a build defect, caught by the policy tests; the
    /// process cannot judge anything without it.
    private static func loaded<T>(_ path: String, _ parse: ([UInt8], String) -> (T, [PolicyIssue])) -> T {
        guard let text = text(path) else { fatalError("shipped file Policies/\(path) is not embedded") }
        let (value, issues) = parse(Array(text.utf8), "Policies/\(path)")
        guard issues.isEmpty else {
            fatalError("shipped file Policies/\(path) is invalid:\n" + issues.map(\.description).joined(separator: "\n"))
        }
        return value
    }

    public static let legal: LegalCatalogue = loaded("legal/vn.yaml", LegalCatalogue.parse)

    public static let categories: CategoryCatalogue = loaded("categories.yaml", CategoryCatalogue.parse)

    public static let destinations: [Destination] = loaded("destinations.yaml") { bytes, file in
        var reader = YAMLFieldReader(file: file)
        var partials: [DestinationParser.Partial] = []
        if let root = reader.compose(bytes), let top = reader.entries(root, "the destination file") {
            reader.onlyKnown(top, allowed: ["destinations"], in: "the destination file")
            for section in top where section.key == "destinations" {
                partials = DestinationParser.parseAll(section.value, reader: &reader)
            }
        }
        var issues = reader.issues
        var out: [Destination] = []
        DestinationParser.merge(partials, into: &out, file: file, issues: &issues)
        return (out, issues)
    }

    static func policy(named name: String) -> Policy {
        do {
            return try PolicyLoader.shipped(name)
        } catch {
            fatalError("shipped policy \(name) is invalid:\n\(error)")
        }
    }
}
