import JSON
import Model
import Text

/// The recognition data (`columns.json`, `documents.json`), loaded once, folded for matching.
struct Lexicon: Sendable {
    /// Header synonyms per meaning, in priority order (the first meaning a header matches wins).
    let columnSynonyms: [(meaning: HeaderMeaning, synonyms: [String])]
    /// Word stems that tell what a cell holds, for columns whose header names nothing (`CellContent`).
    let contentCues: [ColumnField: [String]]
    let titleKeywords: [(kind: DocumentKind, words: [String])]
    let orderStart: [String]
    let appendixPrefixes: [String]
    /// Organisation types as written (`МБОУ`, `Управление образования`), longest first.
    let organizationTypes: [String]
    /// Stems of the words an organisation's form is written out in («муниципальн», «бюджетн»)
    /// and of the nouns such a form ends with («учреждени»).
    let organizationFormStems: [String]
    let organizationHeadStems: [String]
    /// Institution nouns («гимнази», «лице») that name an organisation when «№» follows («Гимназии № 5»).
    let organizationNames: [String]

    static let shared = Lexicon()

    private init() {
        let columns = DataFiles.load("columns.json")
        var synonyms: [(HeaderMeaning, [String])] = []
        for name in DataFiles.strings(columns["priority"]) {
            let meaning: HeaderMeaning
            if name == "ignore" { meaning = .ignored } else if let field = ColumnField(rawValue: name) { meaning = .field(field) } else { continue }
            synonyms.append((meaning, DataFiles.strings(columns["fields"]?[name]).map(foldForMatching)))
        }
        columnSynonyms = synonyms
        var cues: [ColumnField: [String]] = [:]
        for field in ColumnField.allCases {
            let words = DataFiles.strings(columns["content"]?[field.rawValue]).map(foldForMatching)
            if !words.isEmpty { cues[field] = words }
        }
        contentCues = cues

        let docs = DataFiles.load("documents.json")
        // Order matters: more specific kinds first.
        titleKeywords = [DocumentKind.order, .report, .indicators, .roadmap, .program, .other].map { kind in
            (kind, DataFiles.strings(docs["titles"]?[kind.rawValue]).map(foldForMatching))
        }
        orderStart = DataFiles.strings(docs["orderStart"]).map(foldForMatching)
        appendixPrefixes = DataFiles.strings(docs["appendixPrefixes"]).map(foldForMatching)
        // Longest first (a stable sort: types of one length keep their order).
        organizationTypes = DataFiles.strings(docs["organizationTypes"]).enumerated()
            .sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
        organizationFormStems = DataFiles.strings(docs["organizationFormWords"]).map(foldForMatching)
        organizationHeadStems = DataFiles.strings(docs["organizationHeadWords"]).map(foldForMatching)
        organizationNames = DataFiles.strings(docs["organizationNames"]).map(foldForMatching)
    }
}

/// What a table column holds.
enum ColumnField: String, Sendable, Hashable, CaseIterable {
    case number, activity, deadline, responsibles, result, outcome, indicator
}

/// What a header cell says of its column: a field, or a column to leave alone («Примечание»).
enum HeaderMeaning: Hashable, Sendable {
    case field(ColumnField)
    case ignored
}
