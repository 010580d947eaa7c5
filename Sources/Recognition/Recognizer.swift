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
    /// Raw title paragraphs, before joining (for blank detection).
    public var titleText: String?

    public init(document: Document, text: [String] = [], dateText: String? = nil, hasResultColumn: Bool = false,
                titleText: String? = nil) {
        self.document = document
        self.text = text
        self.dateText = dateText
        self.hasResultColumn = hasResultColumn
        self.titleText = titleText
    }
}

/// Stage 2: finds the logical documents of a file and reads their tables.
///
/// Responsibles come out as one unparsed entry per cell (`kind` nil) and deadlines
/// as text only: their parsing is the next stage's.
public struct Recognizer: Sendable {
    public init() {}

    public func recognize(_ tree: DocumentTree) -> [RecognizedDocument] {
        var s = Segmenter()
        for block in tree.body { s.consume(block) }
        return s.finish()
    }
}

/// Walks the body once and cuts it into documents.
struct Segmenter {
    private struct Builder {
        var kind: DocumentKind?
        var titleParts: [String] = []
        var titleOpen = true
        var text: [String] = []
        var paragraphs: [String] = []
        var issuer: String?
        var roadmap: RoadmapAssembler?
        var map: ColumnMap?
        var indicators: [Indicator] = []
        var tables = 0
        var outcomeFilled = 0
        var rowsSeen = 0
        var hasResultColumn = false
        /// How many of `text` came before the first table: the intro, where a period may be named.
        var introCount: Int?

        var isEmpty: Bool { tables == 0 && text.isEmpty && paragraphs.isEmpty }
    }

    private var done: [Builder] = []
    private var current: Builder?
    /// Paragraphs since the last heading or table: where an order's issuer stands.
    private var recent: [Paragraph] = []

    /// Consecutive paragraphs laid out with tabs, held until it is clear whether they form a table.
    private var tabRows: [Paragraph] = []

    mutating func consume(_ block: Block) {
        if case let .paragraph(p) = block, Segmenter.tabFields(p) != nil {
            tabRows.append(p)
            return
        }
        flushTabRows()
        switch block {
        case let .paragraph(p): paragraph(p)
        case let .table(t): table(t)
        case .pageBreak, .sectionBreak: break
        }
    }

    /// The fields of a paragraph laid out with tabs (three or more), or nil.
    static func tabFields(_ p: Paragraph) -> [String]? {
        guard PlainScalars.contains(0x09, in: p.text) else { return nil }
        let fields = p.displayText.split(separator: "\t", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return fields.count >= 3 ? fields : nil
    }

    /// Rows laid out with tabs become a table when a header among them names the columns;
    /// otherwise they are ordinary paragraphs.
    private mutating func flushTabRows() {
        guard !tabRows.isEmpty else { return }
        let rows = tabRows
        tabRows = []
        let width = rows.compactMap { Segmenter.tabFields($0)?.count }.max() ?? 0
        let table = Table(rows: rows.map { p in
            let fields = Segmenter.tabFields(p) ?? []
            return TableRow(cells: fields.enumerated().map { i, f in
                TableCell(column: i, blocks: [.paragraph(Paragraph(text: f))])
            })
        }, columnCount: width)
        if rows.count >= 2, let map = HeaderMapper.map(table, expectReport: current?.kind == .report), map.isRoadmapLike {
            self.table(table)
        } else {
            for p in rows { paragraph(p) }
        }
    }

    private static func isHeadingLike(_ p: Paragraph, _ text: String) -> Bool {
        if p.isBold || p.alignment == "center" || p.headingLevel != nil { return true }
        // Capitals only («ПРИКАЗ»): the first lower-case letter decides, usually at once.
        var letters = 0
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isLowercase { return false }
            if properties.isAlphabetic { letters += 1 }
        }
        return letters >= 4
    }

    /// `П Р И К А З` → `ПРИКАЗ`: headings are often spaced out letter by letter.
    static func unspaced(_ text: String) -> String {
        // Nearly every text starts with a longer word: then there is nothing to join.
        var text = text
        let longFirstWord = text.withUTF8 { b in
            guard !b.isEmpty, let (first, width) = PlainScalars.decode(b, 0), width < b.count,
                  let (second, _) = PlainScalars.decode(b, width) else { return false }
            return first != 0x20 && second != 0x20
        }
        if longFirstWord { return text }
        let words = text.split(separator: " ")
        let singles = words.prefix { $0.count == 1 && $0.first!.isLetter }
        guard singles.count >= 4 else { return text }
        return singles.joined() + (words.count > singles.count ? " " + words.dropFirst(singles.count).joined(separator: " ") : "")
    }

    /// `String(text.prefix(n))`: on a plain start (`PlainScalars`) counted in scalars, as each is a character.
    static func prefix(_ text: String, _ n: Int) -> String {
        var text = text
        let end: Int? = text.withUTF8 { b in
            var i = 0
            var count = 0
            while i < b.count {
                // The scalar after the n-th must be plain too: a combining mark would join the n-th character.
                guard let (_, width) = PlainScalars.decode(b, i) else { return nil }
                if count == n { return i }
                count += 1
                i += width
            }
            return i
        }
        guard let end else { return String(text.prefix(n)) }
        return end == text.utf8.count ? text : String(decoding: text.utf8.prefix(end), as: UTF8.self)
    }

    /// The kind a heading announces, or nil.
    static func headingKind(_ p: Paragraph, _ text: String) -> DocumentKind? {
        // Every kind needs a heading-like line, and its keyword stands at the start.
        guard text.utf8.count <= 400 || PlainScalars.characterCount(text) <= 400, isHeadingLike(p, text)
        else { return nil }
        let folded = FoldedText(prefix(unspaced(text), 80))
        let lexicon = Lexicon.shared
        if lexicon.appendixPrefixes.contains(where: { folded.hasWordPrefix($0) }) { return nil }
        for (kind, words) in lexicon.titleKeywords {
            for w in words where folded.hasWordPrefix(w) {
                // «ПРИКАЗ», «ПРИКАЗ № 5»: a short line of its own, not «Приказом …».
                if kind == .order && PlainScalars.characterCount(text) > 60 { continue }
                return kind
            }
        }
        return nil
    }

    private mutating func startDocument(_ kind: DocumentKind, title: String?) {
        if let c = current {
            // A heading with nothing under it before the next one (a page title) is no document.
            if !(c.isEmpty && c.kind != .order) { done.append(c) }
        }
        var b = Builder(kind: kind)
        if let title { b.titleParts = [title] }
        if kind == .order {
            b.titleOpen = false
            b.issuer = recent.reversed().first { p in
                guard let t = TextNormalizer.singleLine(p.displayText) else { return false }
                return p.isBold || t.filter(\.isLetter).allSatisfy(\.isUppercase)
            }.flatMap { TextNormalizer.singleLine($0.displayText) }
        }
        current = b
        recent = []
    }

    /// `TextNormalizer.singleLine` of a text, from its `normalize` form: the two differ only
    /// in what joins the lines (a line break, a space), so one pass over the text serves both.
    static func singleLine(fromNormalized normalized: String) -> String {
        guard PlainScalars.contains(0x0A, in: normalized) else { return normalized }
        return String(decoding: normalized.utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    }

    private mutating func paragraph(_ p: Paragraph) {
        let display = p.displayText
        guard let normalized = TextNormalizer.normalize(display) else { return }
        let text = Segmenter.singleLine(fromNormalized: normalized)
        if let kind = Segmenter.headingKind(p, text) {
            startDocument(kind, title: kind == .order ? nil : text)
            return
        }
        recent.append(p)
        guard current != nil else { return }
        // A title goes on in the next paragraph when that one continues the phrase; a short
        // title («ПЛАН МЕРОПРИЯТИЙ») takes its continuation even unformatted.
        if current!.titleOpen, !current!.titleParts.isEmpty, current!.tables == 0,
           Segmenter.isHeadingLike(p, text) || PlainScalars.characterCount(current!.titleParts.joined()) <= 40,
           let first = text.first,
           first.isLowercase || first == "«" || first == "(" || first == "\"" {
            current!.titleParts.append(text)
            return
        }
        current!.titleOpen = false
        current!.paragraphs.append(display)
        current!.text.append(normalized)
    }

    /// The last paragraph before a table that names a roadmap or a report, formatted as a
    /// heading or not (files written by other tools often have plain-text titles).
    private func plainTitle() -> (kind: DocumentKind, title: String)? {
        for p in recent.reversed().prefix(8) {
            guard let text = TextNormalizer.singleLine(p.displayText),
                  text.utf8.count <= 400 || PlainScalars.characterCount(text) <= 400 else { continue }
            let folded = FoldedText(Segmenter.prefix(text, 80))
            for (kind, words) in Lexicon.shared.titleKeywords where kind == .roadmap || kind == .report {
                if words.contains(where: { folded.hasWordPrefix($0) }) { return (kind, text) }
            }
        }
        return nil
    }

    private mutating func table(_ t: Table) {
        let titled = plainTitle()
        defer { recent = [] }
        let expectReport = current?.kind == .report || titled?.kind == .report
        // Viewed once: for the header, and as data rows when the data starts among them.
        let views = HeaderMapper.headerRows(t)
        if let map = HeaderMapper.map(t, rows: views, expectReport: expectReport) {
            if map.isIndicatorsLike {
                if current?.kind != .indicators || current!.tables > 0 { startDocument(.indicators, title: nil) }
                current!.titleOpen = false
                current!.tables += 1
                current!.map = map
                current!.indicators += IndicatorsReader.read(table: t, map: map)
                return
            }
            if map.isRoadmapLike {
                let kind = current?.kind
                if kind == .roadmap || kind == .report {
                    if current!.tables > 0, current!.map != nil, current!.roadmap != nil {
                        // A header repeated on a new page: the same document goes on.
                        appendRoadmapTable(t, views: views, map: map, startRow: map.firstDataRow)
                        return
                    }
                } else if let c = current, c.tables == 0, c.text.isEmpty, c.kind != .order {
                    current!.kind = map.has(.outcome) ? .report : .roadmap
                } else {
                    let kind: DocumentKind = map.has(.outcome) || titled?.kind == .report ? .report : .roadmap
                    startDocument(kind, title: titled?.title)
                }
                current!.titleOpen = false
                if current!.titleParts.isEmpty, let title = Segmenter.titleRow(t, before: map.firstDataRow) {
                    current!.titleParts = [title]
                }
                current!.map = map
                current!.hasResultColumn = map.has(.result)
                current!.roadmap = RoadmapAssembler(isReport: current!.kind == .report || map.has(.outcome))
                appendRoadmapTable(t, views: views, map: map, startRow: map.firstDataRow)
                return
            }
        }
        // No header: a table a page break split off the one before.
        if let c = current, (c.kind == .roadmap || c.kind == .report), let map = c.map, c.roadmap != nil,
           abs(t.columnCount - map.columnCount) <= 1 {
            appendRoadmapTable(t, views: views, map: map, startRow: 0)
            return
        }
        if let c = current, c.kind == .indicators, let map = c.map, abs(t.columnCount - map.columnCount) <= 1 {
            var m = map
            m.firstDataRow = 0
            current!.indicators += IndicatorsReader.read(table: t, map: m)
            return
        }
        // Any other table: its text belongs to the document (a glossary, a list of people).
        if current == nil { return }
        current!.titleOpen = false
        for row in t.rows {
            let cells = row.cells.filter { !$0.isMergeContinuation }.compactMap(\.normalizedText)
            if !cells.isEmpty { current!.text.append(cells.joined(separator: " ")) }
            // An order's date and number often stand in a borderless table: its cells are lines too.
            if current!.kind == .order { current!.paragraphs += cells }
        }
    }

    /// A title written in the table itself, in a row merged across it above the header.
    static func titleRow(_ t: Table, before dataRow: Int) -> String? {
        for row in t.rows.prefix(max(0, dataRow - 1)) {
            let filled = row.cells.filter { !$0.isMergeContinuation && $0.normalizedText != nil }
            guard filled.count == 1, let cell = filled.first, cell.columnSpan * 2 >= t.columnCount,
                  let text = TextNormalizer.singleLine(cell.text) else { continue }
            let folded = FoldedText(text)
            if Lexicon.shared.titleKeywords.contains(where: { $0.kind == .roadmap || $0.kind == .report ? $0.words.contains { folded.hasWordPrefix($0) } : false }) {
                return text
            }
        }
        return nil
    }

    /// `views`: the table's first rows already viewed (`HeaderMapper.headerRows`).
    private mutating func appendRoadmapTable(_ t: Table, views: [RowView], map: ColumnMap, startRow: Int) {
        if current!.introCount == nil { current!.introCount = current!.text.count }
        current!.tables += 1
        // Each row is viewed once: for the outcome count and for the items.
        for r in startRow..<t.rows.count {
            let row = r < views.count ? views[r] : RowView(t.rows[r])
            if map.has(.outcome) {
                current!.rowsSeen += 1
                if map.text(.outcome, in: row) != nil { current!.outcomeFilled += 1 }
            }
            current!.roadmap!.add(row: row, map: map)
        }
    }

    mutating func finish() -> [RecognizedDocument] {
        flushTabRows()
        if let c = current, !(c.isEmpty && c.kind != .order) { done.append(c) }
        current = nil
        return done.compactMap(Segmenter.build)
    }

    private static func build(_ b: Builder) -> RecognizedDocument? {
        guard var kind = b.kind else { return nil }
        let title = TextNormalizer.singleLine(b.titleParts.joined(separator: " "))
        var doc = Document(kind: kind, title: title)
        var result = RecognizedDocument(document: doc, text: b.text, hasResultColumn: b.hasResultColumn,
                                        titleText: title)
        // A roadmap whose «отметка о выполнении» column is mostly filled in is a report.
        if kind == .roadmap, b.rowsSeen > 0, b.outcomeFilled * 3 >= b.rowsSeen { kind = .report }
        doc.kind = kind
        switch kind {
        case .order:
            let o = OrderReader.read(b.paragraphs)
            doc.title = o.title
            doc.date = o.date
            doc.number = o.number
            doc.points = o.points
            doc.organization = b.issuer
            result.dateText = o.dateText
            doc.period = PeriodFinder.find(in: o.title)
        case .roadmap, .report:
            var sections = b.roadmap?.sections ?? []
            if kind == .roadmap { for s in sections.indices { for i in sections[s].items.indices { sections[s].items[i].outcome = nil } } }
            doc.sections = sections
            doc.period = PeriodFinder.find(in: title)
                ?? sections.lazy.compactMap { PeriodFinder.find(in: $0.title) }.first
                ?? b.text.prefix(b.introCount ?? b.text.count).lazy.compactMap { PeriodFinder.find(in: $0) }.first
            doc.organization = OrganizationFinder.find(in: title)
                ?? sections.lazy.compactMap { OrganizationFinder.find(in: $0.title) }.first
                ?? b.text.prefix(min(5, b.introCount ?? b.text.count)).lazy.compactMap { OrganizationFinder.find(in: $0) }.first
        case .indicators:
            doc.indicators = b.indicators
            doc.period = PeriodFinder.find(in: title)
            doc.organization = OrganizationFinder.find(in: title)
        case .program, .other:
            doc.period = PeriodFinder.find(in: title)
            doc.organization = OrganizationFinder.find(in: title)
        }
        result.document = doc
        result.titleText = title
        return result
    }
}
