/// What each category is and why it matters (Policies/categories.yaml): names for reports,
/// explanations for `pdpcheck explain`.
public struct CategoryInfo: Sendable, Hashable {
    public var category: Category
    public var name: LocalizedText
    public var what: LocalizedText
    public var why: LocalizedText
    /// An example for categories no detector carries examples for.
    public var example: LocalizedText?
}

public struct CategoryCatalogue: Sendable {
    private var byCategory: [Category: CategoryInfo]

    init(_ infos: [CategoryInfo]) {
        var map: [Category: CategoryInfo] = [:]
        for info in infos { map[info.category] = info }
        byCategory = map
    }

    public subscript(category: Category) -> CategoryInfo? { byCategory[category] }

    /// The shipped catalogue.
    public static var shipped: CategoryCatalogue { ShippedPolicies.categories }

    static func parse(_ bytes: [UInt8], file: String) -> (CategoryCatalogue, [PolicyIssue]) {
        var reader = YAMLFieldReader(file: file)
        var infos: [CategoryInfo] = []
        if let root = reader.compose(bytes), let top = reader.entries(root, "the category file") {
            reader.onlyKnown(top, allowed: ["categories"], in: "the category file")
            for section in top where section.key == "categories" {
                for entry in reader.entries(section.value, "categories") ?? [] {
                    guard let category = reader.category(entry.keyNode, "category"),
                          let fields = reader.entries(entry.value, category.rawValue) else { continue }
                    reader.onlyKnown(fields, allowed: ["name", "what", "why", "example"], in: category.rawValue)
                    var name: LocalizedText?, what: LocalizedText?, why: LocalizedText?, example: LocalizedText?
                    for f in fields {
                        switch f.key {
                        case "name": name = reader.localized(f.value, "name")
                        case "what": what = reader.localized(f.value, "what")
                        case "why": why = reader.localized(f.value, "why")
                        case "example": example = reader.localized(f.value, "example")
                        default: break
                        }
                    }
                    guard let name, let what, let why else {
                        reader.issue(at: entry.keyNode, "\(category.rawValue) needs name, what and why")
                        continue
                    }
                    infos.append(CategoryInfo(category: category, name: name, what: what, why: why, example: example))
                }
            }
        }
        var issues = reader.issues
        let found = Set(infos.map(\.category))
        for category in Category.allCases where !found.contains(category) {
            issues.append(PolicyIssue(file: file, message: "no entry for category \(category.rawValue)"))
        }
        return (CategoryCatalogue(infos), issues)
    }
}

extension LegalCatalogue {
    static func parse(_ bytes: [UInt8], file: String) -> (LegalCatalogue, [PolicyIssue]) {
        var reader = YAMLFieldReader(file: file)
        var entries: [LegalEntry] = []
        if let root = reader.compose(bytes), let top = reader.entries(root, "the legal reference file") {
            reader.onlyKnown(top, allowed: ["references"], in: "the legal reference file")
            for section in top where section.key == "references" {
                for entry in reader.entries(section.value, "references") ?? [] {
                    guard let fields = reader.entries(entry.value, "reference \(entry.key)") else { continue }
                    reader.onlyKnown(fields, allowed: ["instrument", "article", "summary", "verify", "verify-note"],
                                     in: "reference \(entry.key)")
                    var instrument: String?, article: String?, summary: LocalizedText?
                    var verify = false, note: LocalizedText?
                    for f in fields {
                        switch f.key {
                        case "instrument": instrument = reader.string(f.value, "instrument")
                        case "article": article = reader.string(f.value, "article")
                        case "summary": summary = reader.localized(f.value, "summary of \(entry.key)")
                        case "verify": verify = reader.bool(f.value, "verify") ?? false
                        case "verify-note": note = reader.localized(f.value, "verify-note of \(entry.key)")
                        default: break
                        }
                    }
                    guard let instrument, let article, let summary else {
                        reader.issue(at: entry.keyNode, "reference \(entry.key) needs instrument, article and summary")
                        continue
                    }
                    entries.append(LegalEntry(id: entry.key, instrument: instrument, article: article, summary: summary,
                                              toVerify: verify, verifyNote: note))
                }
            }
        }
        return (LegalCatalogue(entries: entries), reader.issues)
    }
}
