/// What the writers of one file removed and noticed, gathered for the fix report: removals of
/// one category from one container are merged into one entry, in the order first met.
struct CleanLog {
    private(set) var removed: [RemovedMetadata] = []
    private(set) var notes: [String] = []
    /// What embedded images and videos leave for a person (the file's own plan says the rest).
    private(set) var needsPerson: [String] = []
    /// Bytes overwritten with zeros in place (the samples of a removed GPS track), in file order.
    private(set) var zeroed: [Range<Int>] = []
    private var index: [Key: Int] = [:]

    private struct Key: Hashable {
        var category: Category?
        var container: String
    }

    mutating func remove(_ category: Category?, _ container: String, _ fields: [String]) {
        let key = Key(category: category, container: container)
        if let i = index[key] {
            for field in fields where !removed[i].fields.contains(field) { removed[i].fields.append(field) }
        } else {
            index[key] = removed.count
            removed.append(RemovedMetadata(category: category, container: container, fields: fields))
        }
    }

    mutating func remove(_ category: Category?, _ container: String, _ field: String) {
        remove(category, container, [field])
    }

    mutating func needPerson(_ text: String) {
        if !needsPerson.contains(text) { needsPerson.append(text) }
    }

    mutating func zeroed(_ range: Range<Int>) {
        zeroed.append(range)
    }

    mutating func note(_ text: String) {
        if !notes.contains(text) { notes.append(text) }
    }

    /// Entries of an inner cleaning (an MPF image, a motion photo's video), under its label.
    mutating func merge(_ other: CleanLog, prefix: String) {
        for entry in other.removed { remove(entry.category, prefix + "/" + entry.container, entry.fields) }
        for text in other.notes { note(prefix + ": " + text) }
        for text in other.needsPerson { needPerson(prefix + ": " + text) }
    }

    /// Entries of a sub-cleaner that already named its own containers.
    mutating func append(_ other: CleanLog) {
        for entry in other.removed { remove(entry.category, entry.container, entry.fields) }
        for text in other.notes { note(text) }
        for text in other.needsPerson { needPerson(text) }
    }

    var isEmpty: Bool { removed.isEmpty }
}
