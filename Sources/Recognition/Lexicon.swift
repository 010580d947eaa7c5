import JSON
import Model
import Text

/// The recognition data (`columns.json`, `documents.json`), loaded once, folded for matching; with a
/// home's learned words (`HomeLexicon`) added when a `Recognizer` is given them. A class: recognition
/// reaches it through a task-local reference (`current`) without copying its lists.
final class Lexicon: Sendable {
    /// Header synonyms per meaning, in priority order (the first meaning a header matches wins).
    let columnSynonyms: [(meaning: HeaderMeaning, synonyms: [Synonym])]
    /// Word stems that tell what a cell holds, for columns whose header names nothing (`CellContent`).
    let contentCues: [ColumnField: [String]]
    /// Sub-headings of a deadline column split in two («начало», «окончание»), folded: what starts and ends its window.
    let windowStart: [String]
    let windowEnd: [String]
    /// Header words of a column beside the activity's that groups its events or names their form, folded.
    let activityGroups: [(use: ActivityGroup.Use, words: [String])]
    let titleKeywords: [(kind: DocumentKind, words: [String])]
    let orderStart: [String]
    let appendixPrefixes: [String]
    /// Organisation types as written (`МБОУ`, `Управление образования`) in words, by their first
    /// word, longest first.
    let organizationTypesByFirstWord: [String: [[Substring]]]
    /// Stems of the words an organisation's form is written out in («муниципальн», «бюджетн»)
    /// and of the nouns such a form ends with («учреждени»).
    let organizationFormStems: [String]
    let organizationHeadStems: [String]
    /// Institution nouns in stems («гимнази», «детск сад») that name an organisation when «№» follows («Гимназии № 5»).
    let organizationNameStems: [[String]]

    static let shared = Lexicon()

    /// The lexicon recognition reads: the bundled one, or the one a `Recognizer` was given for its run.
    @TaskLocal static var current: Lexicon = .shared

    /// `learned` holds a home's words (`HomeLexicon`): `columns` (field → headers) and `titles`
    /// (kind → heading words), added after the bundled ones of each.
    init(learned: JSONValue? = nil) {
        let columns = DataFiles.load("columns.json")
        columnSynonyms = DataFiles.strings(columns["priority"]).compactMap { name -> (HeaderMeaning, [Synonym])? in
            let meaning: HeaderMeaning
            if name == "ignore" { meaning = .ignored } else if let field = ColumnField(rawValue: name) { meaning = .field(field) } else { return nil }
            let words = DataFiles.strings(columns["fields"]?[name]) + DataFiles.strings(learned?["columns"]?[name])
            return (meaning, words.map(Synonym.init))
        }
        contentCues = Dictionary(uniqueKeysWithValues: ColumnField.allCases.map { field in
            (field, DataFiles.strings(columns["content"]?[field.rawValue]).map(foldForMatching))
        }).filter { !$0.value.isEmpty }
        windowStart = DataFiles.strings(columns["subheadings"]?["start"]).map(foldForMatching)
        windowEnd = DataFiles.strings(columns["subheadings"]?["end"]).map(foldForMatching)
        activityGroups = [ActivityGroup.Use.sections, .prefix].map { use in
            (use, DataFiles.strings(columns["activityGroups"]?[use.rawValue]).map(foldForMatching))
        }

        let docs = DataFiles.load("documents.json")
        // Order matters: more specific kinds first.
        titleKeywords = [DocumentKind.order, .report, .indicators, .roadmap, .program, .other].map { kind in
            (kind, (DataFiles.strings(docs["titles"]?[kind.rawValue]) + DataFiles.strings(learned?["titles"]?[kind.rawValue]))
                .map(foldForMatching))
        }
        orderStart = DataFiles.strings(docs["orderStart"]).map(foldForMatching)
        appendixPrefixes = DataFiles.strings(docs["appendixPrefixes"]).map(foldForMatching)
        // Longest first (a stable sort: types of one length keep their order).
        let types = DataFiles.strings(docs["organizationTypes"]).map { $0.split(separator: " ") }.enumerated()
            .sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
        organizationTypesByFirstWord = Dictionary(grouping: types.filter { !$0.isEmpty }) { String($0[0]) }
        organizationFormStems = DataFiles.strings(docs["organizationFormWords"]).map(foldForMatching)
        organizationHeadStems = DataFiles.strings(docs["organizationHeadWords"]).map(foldForMatching)
        organizationNameStems = DataFiles.strings(docs["organizationNames"]).map { foldForMatching($0).split(separator: " ").map(String.init) }
    }
}

/// A header synonym, folded (`foldForMatching`), as the UTF-8 bytes headers are compared in.
struct Synonym: Sendable {
    let bytes: [UInt8]
    /// A sign with no letters («№», «#»): it may start a header with anything after it.
    let isSign: Bool

    init(_ raw: String) {
        let folded = foldForMatching(raw)
        bytes = Array(folded.utf8)
        isSign = !folded.contains { $0.isLetter }
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
