import Foundation
import Model
import OOXML
import Text

/// A logical document as recognition found it, with what later stages need and the
/// export does not carry.
public struct RecognizedDocument: Sendable {
    public var document: Document
    /// Its free text in reading order: paragraphs and the cells of tables that are not
    /// roadmap or indicator tables (an abbreviation block, a working-group list).
    public var text: [String]
    /// An order's date as written, also when it is a blank (`«__» ____ 20__`).
    public var dateText: String?
    /// True when its table has a result / document column.
    public var hasResultColumn: Bool
    /// False when its table has no responsibles column (a report that lists only what was done).
    public var hasResponsiblesColumn = true
    /// Raw title paragraphs, before joining (for blank detection).
    public var titleText: String?
    /// How many tables were read as its roadmap, report or indicators tables.
    public var tablesRead: Int
    /// Tables inside it that could not be read as any of those (so that an empty result is explained).
    public var unreadTables: [UnreadTable]

    public init(document: Document, text: [String] = [], dateText: String? = nil, hasResultColumn: Bool = false,
                titleText: String? = nil, tablesRead: Int = 0, unreadTables: [UnreadTable] = []) {
        self.document = document
        self.text = text
        self.dateText = dateText
        self.hasResultColumn = hasResultColumn
        self.titleText = titleText
        self.tablesRead = tablesRead
        self.unreadTables = unreadTables
    }
}

/// A table of the file that recognition could not read as a roadmap, report or indicators table.
public struct UnreadTable: Sendable, Hashable {
    /// Its place among the file's tables, from 1.
    public var number: Int
    /// The texts of its first row, joined: what the methodist will recognise it by.
    public var firstRow: String?

    public init(number: Int, firstRow: String?) {
        self.number = number
        self.firstRow = firstRow
    }
}

/// Stage 2: finds the logical documents of a file and reads their tables.
///
/// Responsibles come out as one unparsed entry per cell (`kind` nil) and deadlines
/// as text only: their parsing is the next stage's.
public struct Recognizer: Sendable {
    /// A home's learned words, read in addition to the bundled data; `nil`: the bundled data alone.
    public var learned: HomeLexicon?

    public init(learned: HomeLexicon? = nil) { self.learned = learned }

    public func recognize(_ tree: DocumentTree) -> [RecognizedDocument] {
        var tree = tree
        return recognize(taking: &tree)
    }

    /// Like `recognize(_:)`, and lets go of each table row once it is read, so that a long
    /// roadmap's cells are not all held beside the items made of them; `tree.body` is left empty.
    public func recognize(taking tree: inout DocumentTree) -> [RecognizedDocument] {
        var body: [Block] = []
        swap(&body, &tree.body)
        guard let learned else { return segment(&body) }
        return Lexicon.$current.withValue(learned.lexicon) { segment(&body) }
    }

    private func segment(_ body: inout [Block]) -> [RecognizedDocument] {
        var s = Segmenter()
        for i in body.indices { s.consume(&body[i]) }
        return s.finish()
    }
}

