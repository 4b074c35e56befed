/// A metadata field by ExifTool family-1 group and tag name, as decoders and detectors name it.
struct FieldKey: Hashable, Sendable {
    var group: String
    var name: String

    var description: String { group + ":" + name }
}

/// What to remove from one file, decided once before any writer runs: the file's metadata is
/// read and judged the way a scan judges it (container reader, decoders, metadata detectors,
/// text detectors over captions), and every flagged field whose category the options remove
/// is listed. Writers then ask the plan about each field, tag or property they meet, so what
/// a fix removes is exactly what a scan would report, plus the structures the fix tables
/// name (the whole GPS IFD, the maker note, thumbnails, comments).
struct MediaStripPlan {
    let mode: StripMode
    let categories: Set<Category>
    let embeddedMedia: EmbeddedMediaAction
    /// Flagged fields and the categories that flagged them, in detector order.
    private(set) var flagged: [FieldKey: [Category]] = [:]
    /// Groups holding at least one flagged field: lets writers skip work for clean groups.
    private(set) var flaggedGroups: Set<String> = []
    /// What the file's people-related findings leave for a person to judge.
    private(set) var needsPerson: [String] = []

    init(mode: StripMode, categories: Set<Category>, embeddedMedia: EmbeddedMediaAction) {
        self.mode = mode
        self.categories = categories
        self.embeddedMedia = embeddedMedia
    }

    /// Judges the metadata of `bytes` (a damaged file is judged on what could be read).
    static func make(for bytes: [UInt8], format: InputFormat, options: MediaCleanOptions,
                     engine: TextDetectionEngine = .standard) -> MediaStripPlan {
        var plan = MediaStripPlan(mode: options.mode, categories: options.removedCategories,
                                  embeddedMedia: options.embeddedMedia)
        let (metadata, _) = MediaContainerReader.readSalvaging(format, from: MemoryByteSource(bytes))
        let fields = MetadataDecoder.decode(metadata.blocks) + metadata.fields
        plan.judge(fields, policy: options.policy, engine: engine)
        return plan
    }

    mutating func judge(_ fields: [MetadataField], policy: Policy, engine: TextDetectionEngine) {
        var matches: [MetadataMatch] = []
        for detector in BuiltinMetadataDetectors.all { detector.detect(in: fields, into: &matches) }
        for match in matches where match.confidence >= policy.minimumConfidence || match.severityCap != nil {
            flag(FieldKey(group: match.group, name: match.field), match.category)
        }
        // The same caption is often stored three times (EXIF, XMP, IPTC): each distinct text
        // is judged once per file.
        var judged: [String: [Category]] = [:]
        for field in fields where MetadataTextFields.isText(field) {
            for value in field.value.texts where !value.isEmpty {
                let categories: [Category]
                if let known = judged[value] {
                    categories = known
                } else {
                    categories = engine.detect(in: Array(value.utf8.prefix(1 << 20)))
                        .filter { $0.confidence >= policy.minimumConfidence }.map(\.category)
                    judged[value] = categories
                }
                for category in categories { flag(FieldKey(group: field.group, name: field.name), category) }
            }
        }
        for (key, found) in flagged.sorted(by: { $0.key.description < $1.key.description }) where removal(of: key) == nil {
            needsPerson.append("\(key.description) holds \(found.map(\.rawValue).joined(separator: ", ")): kept, for a person to judge")
        }
        // A timed GPS track is removed in place (ISOBMFFMetadataNeutralizer); where it cannot
        // be, the neutralizer itself tells a person.
        if matches.contains(where: { $0.category == .faceRegion || $0.category == .personTag }) {
            needsPerson.append("People are tagged in this picture: the tags are removed, but the faces are still "
                               + "visible; publish only with the consent of the people shown.")
        }
    }

    private mutating func flag(_ key: FieldKey, _ category: Category) {
        if !(flagged[key]?.contains(category) ?? false) { flagged[key, default: []].append(category) }
        flaggedGroups.insert(key.group)
    }

    // MARK: questions writers ask

    /// Whether metadata of this category goes.
    func removes(_ category: Category) -> Bool {
        mode == .all || categories.contains(category)
    }

    /// The category for which a flagged field goes (the first of its categories the plan
    /// removes: a caption can hold a child's name, for a person to judge, and a phone number,
    /// which goes), or nil when it stays.
    func removal(of key: FieldKey) -> Category? {
        flagged[key]?.first { removes($0) }
    }

    func removal(group: String, name: String) -> Category? {
        guard flaggedGroups.contains(group) else { return nil }
        return removal(of: FieldKey(group: group, name: name))
    }

    /// Comments: hidden content in the policy (a person should read it), but the fix tables
    /// remove them in both modes, since nothing displays them and they often hold contacts.
    var removesComments: Bool { true }

    /// Thumbnails and previews go in `.all`, and in `.privacy` when previews are a removed
    /// category (they can show what a crop removed).
    var removesPreviews: Bool { removes(.embeddedPreview) }
}
