import Foundation
import Model
import OOXML
import Text

/// Walks the body once and cuts it into documents.
struct Segmenter {
    private struct Builder {
        var kind: DocumentKind?
        var titleParts: [String] = []
        var titleOpen = true
        /// How the title's first line is set, for lines that go on with it.
        var titleStyle: LineStyle?
        var text: [String] = []
        var paragraphs: [String] = []
        var issuer: String?
        /// The lines just before its heading or first table, nearest last: where an approval
        /// block («УТВЕРЖДАЮ / Директор МАОУ …») or an appendix line names the organisation.
        var preamble: [String] = []
        var roadmap: RoadmapAssembler?
        var map: ColumnMap?
        var indicators: [Indicator] = []
        var tables = 0
        var unreadTables: [UnreadTable] = []
        var outcomeFilled = 0
        var rowsSeen = 0
        var hasResultColumn = false
        var hasResponsiblesColumn = true
        /// How many of `text` came before the first table: the intro, where a period may be named.
        var introCount: Int?

        var isEmpty: Bool { tables == 0 && text.isEmpty && paragraphs.isEmpty }
    }

    /// How a line is set: what lets the lines of a title spread over paragraphs be told.
    struct LineStyle: Equatable {
        var bold: Bool
        var centered: Bool
        var capitals: Bool

        init(_ p: Paragraph, _ text: String) {
            bold = p.isBold || p.headingLevel != nil
            centered = p.alignment == "center"
            capitals = Segmenter.isCapitals(text)
        }

        /// Set alike: both bold, both centred, or both in capitals.
        func matches(_ other: LineStyle) -> Bool {
            (bold && other.bold) || (centered && other.centered) || (capitals && other.capitals)
        }

        var isHeading: Bool { bold || centered || capitals }
    }

    /// A paragraph held while it is unclear whether tab-separated lines form a table.
    private enum TabLine {
        case row(Paragraph, [String])
        /// A line between rows that may head a section («Организационный этап», in bold).
        case section(Paragraph)
    }

    private var done: [Builder] = []
    private var current: Builder?
    /// Paragraphs since the last heading or table: where an order's issuer stands.
    private var recent: [Paragraph] = []
    /// Consecutive paragraphs laid out with tabs, held until it is clear whether they form a table.
    private var tabLines: [TabLine] = []
    /// Word tables seen so far.
    private var tableCount = 0

    /// Reads the next block of the body; a table is taken out of it (`block` is left a page break),
    /// so that its rows can be let go of as they are read.
    mutating func consume(_ block: inout Block) {
        if case .table(var t) = block {
            block = .pageBreak
            flushTabLines()
            tableCount += 1
            table(&t, number: tableCount)
            return
        }
        if case let .paragraph(p) = block {
            if let fields = Segmenter.tabFields(p) {
                tabLines.append(.row(p, fields))
                return
            }
            guard let text = TextNormalizer.singleLine(p.displayText) else {
                // An empty line between rows laid out with tabs ends nothing.
                return
            }
            // A line set as a heading may head a section of rows laid out with tabs: held until the next block tells.
            let kind = Segmenter.headingKind(p, text)
            if kind == nil, text.count <= 200, LineStyle(p, text).isHeading, !continuesTitle(p, text) {
                tabLines.append(.section(p))
                return
            }
            flushTabLines()
            paragraph(p, kind: kind)
            return
        }
        flushTabLines()
    }

    /// The fields of a paragraph laid out with tabs (three or more), or nil.
    static func tabFields(_ p: Paragraph) -> [String]? {
        guard p.text.contains("\t" as Character) else { return nil }
        let fields = p.displayText.split(separator: "\t", omittingEmptySubsequences: true)
            .map { $0.trimmed() }.filter { !$0.isEmpty }
        return fields.count >= 3 ? fields : nil
    }

    /// Lines laid out with tabs become a table (one paragraph a row, a line set as a heading
    /// between them a section row) when a header among them names the columns, or, with no
    /// header, when their columns hold what a roadmap's do; otherwise they are ordinary paragraphs.
    private mutating func flushTabLines() {
        guard !tabLines.isEmpty else { return }
        var lines = tabLines
        tabLines = []
        // Heading lines after the last row belong to what follows.
        var tail: [Paragraph] = []
        while case let .section(p)? = lines.last {
            tail.insert(p, at: 0)
            lines.removeLast()
        }
        let rows = lines.compactMap { line -> [String]? in if case let .row(_, fields) = line { fields } else { nil } }
        guard !rows.isEmpty else {
            for p in tail { paragraph(p, kind: nil) }
            return
        }
        let width = rows.map(\.count).max() ?? 0
        let table = Table(rows: lines.map { line in
            switch line {
            case let .row(_, fields):
                TableRow(cells: fields.enumerated().map { i, f in TableCell(column: i, blocks: [.paragraph(Paragraph(text: f))]) })
            case let .section(p):
                TableRow(cells: [TableCell(column: 0, columnSpan: width, blocks: [.paragraph(p)])])
            }
        }, columnCount: width)
        let isRoadmap = rows.count >= 2 && (HeaderMapper.map(table, expectReport: current?.kind == .report)?.isRoadmapLike
            ?? (mayReadByContent(titled: plainTitle()) && HeaderMapper.mapByContent(table) != nil))
        if isRoadmap {
            var table = table
            self.table(&table, number: nil)
        } else {
            for line in lines {
                switch line {
                case let .row(p, _), let .section(p): paragraph(p, kind: Segmenter.headingKind(p, TextNormalizer.singleLine(p.displayText) ?? ""))
                }
            }
        }
        for p in tail { paragraph(p, kind: nil) }
    }

    /// Capitals only («ПРИКАЗ», «ПЛАН МЕРОПРИЯТИЙ»): at least four letters, none in lower case.
    static func isCapitals(_ text: String) -> Bool {
        var letters = 0
        for c in text where c.isLetter {
            if c.isLowercase { return false }
            letters += 1
        }
        return letters >= 4
    }

    private static func isHeadingLike(_ p: Paragraph, _ text: String) -> Bool {
        p.isBold || p.alignment == "center" || p.headingLevel != nil || isCapitals(text)
    }

    /// `П Р И К А З` → `ПРИКАЗ`, `Д О Р О Ж Н А Я  К А Р Т А` → `ДОРОЖНАЯ КАРТА`: headings are often
    /// spaced out letter by letter, words then parted by a wider space.
    static func unspaced(_ text: String) -> String {
        // Nearly every heading starts with a word of more than one letter: nothing to join.
        var characters = text.drop(while: \.isWhitespace).makeIterator()
        guard characters.next() != nil, characters.next() == " " else { return text }
        let groups = text.split(separator: "  ").filter { !$0.allSatisfy(\.isWhitespace) }
        return groups.map { group in
            let words = group.split(separator: " ")
            let singles = words.prefix { $0.count == 1 && $0.first!.isLetter }
            guard singles.count >= (groups.count > 1 ? 2 : 4) else { return words.joined(separator: " ") }
            return ([singles.joined()] + words.dropFirst(singles.count).map(String.init)).joined(separator: " ")
        }.joined(separator: " ")
    }

    /// The kind a title announces, among `kinds`: its keyword at the start, or after up to two
    /// adjectives («Муниципальная дорожная карта», «Комплексный план»).
    static func titleKind(_ text: String, among kinds: Set<DocumentKind>? = nil) -> DocumentKind? {
        titleKind(folded: foldForMatching(String(unspaced(text).prefix(80))), among: kinds)
    }

    /// `titleKind` of a title's first 80 characters, unspaced and folded.
    private static func titleKind(folded: String, among kinds: Set<DocumentKind>? = nil) -> DocumentKind? {
        var starts = [folded[...]]
        var rest = folded[...]
        for _ in 0..<2 {
            guard let space = rest.firstIndex(of: " "), isAdjective(rest[..<space]) else { break }
            rest = rest[rest.index(after: space)...]
            starts.append(rest)
        }
        for (kind, words) in Lexicon.current.titleKeywords where kinds?.contains(kind) ?? true {
            // An order is announced by its keyword alone, at the start.
            let places = kind == .order ? [folded[...]] : starts
            if words.contains(where: { w in places.contains { $0.hasWordPrefix(w) } }) { return kind }
        }
        return nil
    }

    /// A Russian adjective by its ending («муниципальная», «комплексный», «сетевой»).
    private static func isAdjective(_ word: Substring) -> Bool {
        word.utf8.count > 6 && ["ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие"].contains { word.endsWithFolded($0) }
    }

    /// The kind a heading announces, or nil.
    static func headingKind(_ p: Paragraph, _ text: String) -> DocumentKind? {
        // Every kind needs a heading-like line.
        guard text.count <= 400, isHeadingLike(p, text) else { return nil }
        // Read from the text as typed: a wider space between spaced-out words is lost in `text`.
        let folded = foldForMatching(String(unspaced(p.displayText).prefix(80)))
        if Lexicon.current.appendixPrefixes.contains(where: { folded.hasWordPrefix($0) }) { return nil }
        guard let kind = titleKind(folded: folded) else { return nil }
        // «ПРИКАЗ», «ПРИКАЗ № 5»: a short line of its own, not «Приказом …».
        if kind == .order && text.count > 60 { return nil }
        return kind
    }

    private mutating func startDocument(_ kind: DocumentKind, title: String?, style: LineStyle? = nil) {
        // A heading with nothing under it before the next one (a page title) is no document.
        if let c = current, !(c.isEmpty && c.kind != .order) { done.append(c) }
        var b = Builder(kind: kind, titleParts: title.map { [$0] } ?? [], titleOpen: kind != .order, titleStyle: style)
        b.preamble = recent.suffix(8).compactMap { TextNormalizer.singleLine($0.displayText) }.filter { $0.count <= 300 }
        if kind == .order {
            // The issuer's name heads the order: the nearest line in bold or capitals, else one naming an organisation.
            // A name in quotes on its own line goes with its legal form on the line above
            // («Муниципальное бюджетное общеобразовательное учреждение» / «„Средняя школа № 17“»).
            func heading(_ p: Paragraph) -> String? {
                guard let t = TextNormalizer.singleLine(p.displayText),
                      p.isBold || t.filter(\.isLetter).allSatisfy(\.isUppercase) else { return nil }
                return t
            }
            if let at = recent.lastIndex(where: { heading($0) != nil }), var name = heading(recent[at]) {
                if let first = name.first, "«\"„“".contains(first), at > 0, let form = heading(recent[at - 1]) {
                    name = form + " " + name
                }
                b.issuer = name
            } else {
                b.issuer = b.preamble.reversed().lazy.compactMap(OrganizationFinder.find).first
            }
        }
        current = b
        recent = []
    }

    /// `kind`: the document kind the paragraph announces as a heading (`headingKind`), or nil.
    private mutating func paragraph(_ p: Paragraph, kind: DocumentKind?) {
        let display = p.displayText
        guard let normalized = TextNormalizer.normalize(display) else { return }
        let text = TextNormalizer.singleLine(normalized) ?? normalized
        if let kind {
            startDocument(kind, title: kind == .order ? nil : text, style: LineStyle(p, text))
            return
        }
        recent.append(p)
        guard current != nil else { return }
        if continuesTitle(p, text) {
            current!.titleParts.append(text)
            return
        }
        current!.titleOpen = false
        current!.paragraphs.append(display)
        current!.text.append(normalized)
    }

    /// Whether a paragraph goes on with the open title: Word spreads a title over lines set
    /// alike (bold or centred one after another), split anywhere, even inside a period
    /// («на 2024 –» / «2025 учебный год»).
    private func continuesTitle(_ p: Paragraph, _ text: String) -> Bool {
        // A title runs over a few lines at most: a long run of lines is text, and is not joined over and over.
        guard let c = current, c.titleOpen, !c.titleParts.isEmpty, c.titleParts.count < 12, c.tables == 0, text.count <= 300,
              let first = text.first else { return false }
        let sofar = c.titleParts.joined(separator: " ")
        if Segmenter.isLeftOpen(sofar) { return true }
        let style = LineStyle(p, text)
        let continuesPhrase = first.isLowercase || first.isNumber || "«(\"".contains(first)
        let setAlike = c.titleStyle.map(style.matches) ?? false
        // A short title («ПЛАН МЕРОПРИЯТИЙ») takes its continuation even unformatted.
        let goesOn = (style.isHeading || sofar.count <= 40) && continuesPhrase
        guard setAlike || goesOn else { return false }
        // A numbered line, a label («Цель:») or an appendix line starts something else.
        if Label.split(text).label != nil || text.prefix(30).contains(":" as Character) { return false }
        let folded = foldForMatching(text)
        if Lexicon.current.appendixPrefixes.contains(where: { folded.hasWordPrefix($0) }) { return false }
        // A line set like the title goes on with it while the title has not yet named its period; a
        // capitalised one only when it names the organisation or the period, or the title so far is short
        // (not a sub-heading such as «Пояснительная записка» under a complete title).
        if setAlike, PeriodFinder.find(in: sofar) == nil,
           continuesPhrase || sofar.count <= 60 || OrganizationFinder.find(in: text) != nil || PeriodFinder.find(in: text) != nil {
            return true
        }
        return goesOn
    }

    /// A title cut in the middle of a phrase: it ends with a dash, a preposition or
    /// conjunction, or an unclosed quote or bracket.
    static func isLeftOpen(_ t: String) -> Bool {
        guard let last = t.last else { return false }
        if "-–—«(,".contains(last) { return true }
        var quotes = 0, brackets = 0
        for c in t.unicodeScalars {
            switch c {
            case "«": quotes += 1
            case "»": quotes -= 1
            case "(": brackets += 1
            case ")": brackets -= 1
            default: break
            }
        }
        if quotes > 0 || brackets > 0 { return true }
        let lastWord = t[(t.lastIndex(of: " ").map(t.index(after:)) ?? t.startIndex)...].lowercased()
        return ["в", "во", "на", "по", "для", "и", "с", "со", "к", "о", "об", "при", "от", "до", "за"].contains(lastWord)
    }

    /// The last paragraph before a table that names a roadmap or a report, formatted as a
    /// heading or not (files written by other tools often have plain-text titles).
    private func plainTitle() -> (kind: DocumentKind, title: String)? {
        for p in recent.reversed().prefix(8) {
            guard let text = TextNormalizer.singleLine(p.displayText), text.count <= 400 else { continue }
            if let kind = Segmenter.titleKind(text, among: [.roadmap, .report]) { return (kind, text) }
        }
        return nil
    }

    /// Whether a table with no header row may be read by what its columns hold: not inside an
    /// order or an appendix of another kind, whose tables are their text (a working group, a list).
    /// An appendix line just before («Приложение к приказу …») opens a new document, so there it may.
    private func mayReadByContent(titled: (kind: DocumentKind, title: String)?) -> Bool {
        guard let c = current, titled == nil else { return true }
        if (c.kind == .roadmap || c.kind == .report) && c.map == nil { return true }
        return recent.suffix(8).contains { p in
            let folded = foldForMatching(p.displayText)
            return Lexicon.current.appendixPrefixes.contains { folded.hasWordPrefix($0) }
        }
    }

    /// `number`: its place among the file's Word tables; nil for lines laid out with tabs.
    private mutating func table(_ t: inout Table, number: Int?) {
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
                roadmapTable(&t, views: views, map: map, titled: titled)
                return
            }
        }
        // No header: a table a page break split off the one before.
        if let c = current, (c.kind == .roadmap || c.kind == .report), let map = c.map, c.roadmap != nil,
           abs(t.columnCount - map.columnCount) <= 1 {
            openHeadingSection(continuing: true)
            appendRoadmapTable(&t, views: views, map: map, startRow: 0)
            return
        }
        if let c = current, c.kind == .indicators, let map = c.map, abs(t.columnCount - map.columnCount) <= 1 {
            var m = map
            m.firstDataRow = 0
            current!.indicators += IndicatorsReader.read(table: t, map: m)
            return
        }
        // No header naming its columns: a roadmap told by what its columns hold.
        if mayReadByContent(titled: titled), let map = HeaderMapper.mapByContent(t) {
            roadmapTable(&t, views: views, map: map, titled: titled)
            return
        }
        // Any other table: its text belongs to the document (a glossary, a list of people).
        guard current != nil else { return }
        current!.titleOpen = false
        let kind = current!.kind
        if let number, kind == .roadmap || kind == .report || kind == .indicators {
            let firstRow = t.rows.first.map { $0.cells.compactMap(\.normalizedText).joined(separator: " | ") }
            current!.unreadTables.append(UnreadTable(number: number, firstRow: firstRow.flatMap(TextNormalizer.singleLine)))
        }
        for row in t.rows {
            let cells = row.cells.filter { !$0.isMergeContinuation }.compactMap(\.normalizedText)
            if !cells.isEmpty { current!.text.append(cells.joined(separator: " ")) }
            // An order's date and number often stand in a borderless table: its cells are lines too.
            if current!.kind == .order { current!.paragraphs += cells }
        }
    }

    /// A table whose columns are a roadmap's: it goes on the open roadmap or report, or starts one.
    private mutating func roadmapTable(_ t: inout Table, views: [RowView], map: ColumnMap,
                                       titled: (kind: DocumentKind, title: String)?) {
        let kind = current?.kind
        if kind == .roadmap || kind == .report {
            if current!.tables > 0, current!.map != nil, current!.roadmap != nil {
                // A header repeated on a new page: the same document goes on.
                openHeadingSection(continuing: true)
                appendRoadmapTable(&t, views: views, map: map, startRow: map.firstDataRow)
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
        current!.hasResponsiblesColumn = map.has(.responsibles)
        current!.roadmap = RoadmapAssembler(isReport: current!.kind == .report || map.has(.outcome))
        openHeadingSection(continuing: false)
        appendRoadmapTable(&t, views: views, map: map, startRow: map.firstDataRow)
    }

    /// A section written as a paragraph right before a roadmap's table («1. Подготовительный этап»,
    /// «Раздел II», or bold between two tables of one roadmap) opens a section for the table's items.
    /// Before the first table only a labelled heading counts: a bold line there may be the title's.
    private mutating func openHeadingSection(continuing: Bool) {
        guard let p = recent.last,
              let text = TextNormalizer.singleLine(p.displayText), text.count <= 200,
              Segmenter.titleKind(text) == nil, !text.hasSuffix(":") else { return }
        let (label, rest) = Label.split(text)
        let labelled = label != nil && !rest.isEmpty && rest.first!.isUppercase
        guard labelled || (continuing && p.isBold && text.first!.isUppercase) else { return }
        // The last line of a list («Этап 6. …», «Этап 7. …») is not a heading.
        if let before = recent.dropLast().last.flatMap({ TextNormalizer.singleLine($0.displayText) }),
           Label.split(before).label != nil { return }
        if current!.titleParts.last == text { return }
        current!.roadmap!.open(Section(number: labelled ? label : nil, title: labelled ? rest : text))
    }

    /// A title written in the table itself, in a row merged across it above the header.
    static func titleRow(_ t: Table, before dataRow: Int) -> String? {
        for row in t.rows.prefix(max(0, dataRow - 1)) {
            let filled = row.cells.filter { !$0.isMergeContinuation && $0.normalizedText != nil }
            guard filled.count == 1, let cell = filled.first, cell.columnSpan * 2 >= t.columnCount,
                  let text = TextNormalizer.singleLine(cell.text) else { continue }
            if titleKind(text, among: [.roadmap, .report]) != nil { return text }
        }
        return nil
    }

    /// `views`: the table's first rows already viewed (`HeaderMapper.headerRows`). Each row is let
    /// go of once read: the table is not read again.
    private mutating func appendRoadmapTable(_ t: inout Table, views: [RowView], map: ColumnMap, startRow: Int) {
        if current!.introCount == nil { current!.introCount = current!.text.count }
        current!.tables += 1
        // Each row is viewed once: for the outcome count and for the items.
        for r in startRow..<t.rows.count {
            let row = r < views.count ? views[r] : RowView(t.rows[r])
            t.rows[r] = TableRow(cells: [])
            if map.has(.outcome) {
                current!.rowsSeen += 1
                if map.text(.outcome, in: row) != nil { current!.outcomeFilled += 1 }
            }
            current!.roadmap!.add(row: row, map: map, rowsLeft: t.rows.count - r)
        }
    }

    mutating func finish() -> [RecognizedDocument] {
        flushTabLines()
        if let c = current, !(c.isEmpty && c.kind != .order) { done.append(c) }
        current = nil
        return done.compactMap(Segmenter.build)
    }

    private static func build(_ b: Builder) -> RecognizedDocument? {
        guard var kind = b.kind else { return nil }
        let title = TextNormalizer.singleLine(b.titleParts.joined(separator: " "))
        // A roadmap whose «отметка о выполнении» column is mostly filled in is a report.
        if kind == .roadmap, b.rowsSeen > 0, b.outcomeFilled * 3 >= b.rowsSeen { kind = .report }
        var doc = Document(kind: kind, title: title)
        var result = RecognizedDocument(document: doc, text: b.text, hasResultColumn: b.hasResultColumn,
                                        titleText: title, tablesRead: b.tables, unreadTables: b.unreadTables)
        result.hasResponsiblesColumn = b.hasResponsiblesColumn
        // The approval block or appendix line nearest the heading names the organisation too; a name
        // set over two lines («Муниципальное … учреждение» / «Средняя школа № 21») is read joined.
        let lines = Array(b.preamble.reversed())
        let joinedPairs = zip(lines.dropFirst(), lines).map { $0 + " " + $1 }
        let fromPreamble = (joinedPairs + lines).lazy.compactMap(OrganizationFinder.find).first
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
            // Only items with an outcome are written to: the items are not copied from the assembler's.
            if kind == .roadmap {
                for s in sections.indices { for i in sections[s].items.indices where sections[s].items[i].outcome != nil { sections[s].items[i].outcome = nil } }
            }
            doc.sections = sections
            let intro = b.text.prefix(b.introCount ?? b.text.count)
            doc.period = PeriodFinder.find(in: title)
                ?? sections.lazy.compactMap { PeriodFinder.find(in: $0.title) }.first
                ?? intro.lazy.compactMap { PeriodFinder.find(in: $0) }.first
            doc.organization = OrganizationFinder.find(in: title)
                ?? sections.lazy.compactMap { OrganizationFinder.find(in: $0.title) }.first
                ?? intro.prefix(5).lazy.compactMap { OrganizationFinder.find(in: $0) }.first
                ?? fromPreamble
        case .indicators:
            doc.indicators = b.indicators
            doc.period = PeriodFinder.find(in: title)
            doc.organization = OrganizationFinder.find(in: title) ?? fromPreamble
        case .program, .other:
            doc.period = PeriodFinder.find(in: title)
            doc.organization = OrganizationFinder.find(in: title)
        }
        result.document = doc
        return result
    }
}
