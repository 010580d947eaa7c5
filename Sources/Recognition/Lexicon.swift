import Model

/// The recognition data (`columns.json`, `documents.json`), loaded once.
struct Lexicon: Sendable {
    /// Column-header synonyms, folded, as UTF-8 bytes for the header matcher; in priority order.
    let columnSynonymBytes: [(field: ColumnField, prefixes: [[UInt8]])]
    static let numberSign = Array("№".utf8)
    let titleKeywords: [(kind: DocumentKind, words: [String])]
    let orderStart: [String]
    let appendixPrefixes: [String]
    let organizationTypes: [String]
    /// First words of the organisation types, to skip texts that name none quickly.
    let organizationFirstWords: Set<String>

    static let shared = Lexicon()

    private init() {
        let columns = DataFiles.load("columns.json")
        let priority = DataFiles.strings(columns["priority"])
        var synonyms: [(ColumnField, [String])] = []
        let fields = columns["fields"]
        for name in priority {
            guard let field = ColumnField(rawValue: name) else { continue }
            synonyms.append((field, DataFiles.strings(fields?[name]).map(foldForMatching)))
        }
        columnSynonymBytes = synonyms.map { ($0.0, $0.1.map { Array($0.utf8) }) }
        let docs = DataFiles.load("documents.json")
        var titles: [(DocumentKind, [String])] = []
        // Order matters: more specific kinds first.
        for kind in [DocumentKind.order, .report, .indicators, .roadmap, .program, .other] {
            titles.append((kind, DataFiles.strings(docs["titles"]?[kind.rawValue]).map(foldForMatching)))
        }
        titleKeywords = titles
        orderStart = DataFiles.strings(docs["orderStart"]).map(foldForMatching)
        appendixPrefixes = DataFiles.strings(docs["appendixPrefixes"]).map(foldForMatching)
        organizationTypes = DataFiles.strings(docs["organizationTypes"]).sorted { $0.count > $1.count }
        organizationFirstWords = Set(organizationTypes.compactMap { $0.split(separator: " ").first.map(String.init) })
    }
}

/// What a table column holds.
enum ColumnField: String, Sendable, Hashable {
    case number, activity, deadline, responsibles, result, outcome, indicator
}

extension String {
    /// True when `self` (already folded) starts with `prefix` at a word boundary.
    func hasWordPrefix(_ prefix: String) -> Bool {
        guard hasPrefix(prefix) else { return false }
        let rest = dropFirst(prefix.count)
        guard let next = rest.first else { return true }
        return !(next.isLetter) || prefix.last.map { !$0.isLetter } == true
    }
}
