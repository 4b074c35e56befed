import Foundation

/// Corpus/manifest.json: the ground truth for corpus tests.
struct CorpusManifest: Decodable {
    struct Span: Decodable {
        let category: String?
        let start: Int
        let end: Int
        let text: String
        let note: String?
    }

    struct File: Decodable {
        let path: String
        let kind: String
        /// nil for the drafts the detectors were developed on; "heldout" for the independent set.
        let set: String?
        let description: String?
        let labels: [Span]
        let negatives: [Span]
    }

    let version: Int
    let exhaustiveCategories: [String]
    let files: [File]

    static func load() throws -> CorpusManifest {
        let data = try Data(contentsOf: TestSupport.corpus.appendingPathComponent("manifest.json"))
        return try JSONDecoder().decode(CorpusManifest.self, from: data)
    }
}

/// Precision and recall per category, from exact-span comparison.
struct CategoryScore {
    var truePositives = 0
    var falsePositives = 0
    var falseNegatives = 0

    var precision: Double {
        truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }

    var recall: Double {
        truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
    }
}
