import Model
import OOXML
import Text

/// Which grid columns hold which field, found from a table's header rows.
struct ColumnMap: Sendable {
    /// Grid column ranges per field, in column order.
    var fields: [ColumnField: [Range<Int>]] = [:]
    /// Year columns of an indicators table: year → range.
    var years: [(year: String, range: Range<Int>)] = []
    /// Index of the first row after the header rows.
    var firstDataRow = 0
    /// Header texts by column start, to spot a header repeated on a later page.
    var headerSignature: [String] = []
    var columnCount = 0
    /// A deadline column split below its header into a start and an end («Сроки»: «начало», «окончание»).
    var deadlineWindow: (start: Range<Int>, end: Range<Int>)?
    /// A column beside the activity's that groups its events or names their form.
    var activityGroup: ActivityGroup?

    func ranges(_ f: ColumnField) -> [Range<Int>] { fields[f] ?? [] }
    func has(_ f: ColumnField) -> Bool { !(fields[f] ?? []).isEmpty }

    var isRoadmapLike: Bool {
        has(.activity) && (has(.deadline) || has(.responsibles) || has(.result) || has(.outcome))
    }

    var isIndicatorsLike: Bool {
        !years.isEmpty && (has(.indicator) || has(.activity)) && !has(.deadline) && !has(.responsibles)
    }

    /// The text of field `f` in a row: its columns' texts joined by newlines.
    func text(_ f: ColumnField, in row: RowView) -> String? {
        if f == .deadline, let window = deadlineWindow {
            // Its halves as one window: «01.09.2024 – 15.09.2024».
            let start = row.text(in: window.start), end = row.text(in: window.end)
            if let start, let end { return start + " – " + end }
            return start ?? end
        }
        guard let ranges = fields[f], !ranges.isEmpty else { return nil }
        if ranges.count == 1 { return row.text(in: ranges[0]) }
        let parts = ranges.compactMap { row.text(in: $0) }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }
}

/// A column beside the activity's: a group its cells (often merged down) hold for the events beside them
/// («Направление работы», «Задачи»), or the form of each event («Форма работы»: «Семинар»).
struct ActivityGroup: Sendable {
    enum Use: String, Sendable { case sections, prefix }
    var range: Range<Int>
    /// `sections`: each new text opens a section; `prefix`: it goes before the event («Семинар: …»).
    var use: Use
}

/// Maps header cells to fields by the synonyms of `columns.json`, and columns whose
/// header names nothing by what their cells hold (`ColumnContent`).
enum HeaderMapper {
    /// The field a header text names, or nil (also for a column to leave alone).
    static func field(for header: String) -> ColumnField? {
        if case let .field(f) = meaning(of: header) { return f }
        return nil
    }

    /// What a header text says of its column, or nil when it matches no synonym.
    ///
    /// A synonym matches at the start of any word of the folded header (words start after a
    /// space, `/`, `(` or `,`). A number synonym must start the header: a sign («№», «#»)
    /// with anything after it, a word («номер», «п/п») as a whole word.
    static func meaning(of header: String) -> HeaderMeaning? {
        // Compared as UTF-8 bytes: header and synonyms are folded alike, so equal texts have equal bytes.
        let folded = Array(foldForMatching(header).utf8)
        guard !folded.isEmpty else { return nil }
        var wordStarts: [ArraySlice<UInt8>] = []
        var atStart = true
        for i in folded.indices {
            if " /(,".utf8.contains(folded[i]) { atStart = true } else if atStart { wordStarts.append(folded[i...]); atStart = false }
        }
        for (meaning, synonyms) in Lexicon.current.columnSynonyms {
            for synonym in synonyms {
                if meaning == .field(.number) {
                    guard folded.starts(with: synonym.bytes) else { continue }
                    let next = String(decoding: folded[synonym.bytes.count...], as: UTF8.self).first
                    if synonym.isSign || !(next?.isLetter ?? false) { return meaning }
                } else if wordStarts.contains(where: { $0.starts(with: synonym.bytes) }) {
                    return meaning
                }
            }
        }
        return nil
    }

    /// A four-digit year a header names (`2022 г.`, `2023 год`, `2024 (план)`, `2021 уч. год`), or nil.
    static func year(for header: String) -> String? {
        // A year header starts with its digits.
        guard header.first(where: { !$0.isWhitespace })?.isNumber ?? false else { return nil }
        let t = header.trimmed(\.isWhitespace)
        guard t.count <= 24 else { return nil }
        let digits = t.prefix { $0.isNumber }
        guard digits.count == 4, digits.hasPrefix("20") || digits.hasPrefix("19") else { return nil }
        let rest = t.dropFirst(4).trimmed().lowercased()
        guard rest.isEmpty || rest.hasPrefix("г") || rest.hasPrefix("(") || rest.hasPrefix("уч") else { return nil }
        return String(digits)
    }

    /// How many first rows of a table may hold its header.
    static let headerSearchDepth = 5

    /// The views of the rows a header is looked for in (`headerSearchDepth`).
    static func headerRows(_ table: Table) -> [RowView] {
        table.rows.prefix(headerSearchDepth).map(RowView.init)
    }

    /// Finds the header rows among the first rows of a table and maps the columns.
    /// `expectReport` lets an unnamed column after the others be the report's outcome.
    static func map(_ table: Table, expectReport: Bool) -> ColumnMap? {
        map(table, rows: headerRows(table), expectReport: expectReport)
    }

    /// `map` on the table's `headerRows`, made by the caller, who reads the data rows among them too.
    static func map(_ table: Table, rows: [RowView], expectReport: Bool) -> ColumnMap? {
        var best: (index: Int, map: ColumnMap, score: Int)?
        for (i, row) in rows.enumerated() {
            let m = mapRow(row)
            let score = m.fields.count + (m.years.isEmpty ? 0 : 1)
            guard score >= 2 else { continue }
            if best == nil || score > best!.score { best = (i, m, score) }
            if score >= 3 { break }
        }
        guard let (index, found, _) = best else { return nil }
        var map = found
        // A second header row (merged header cells over two rows): take what it adds.
        var last = index
        for j in (index + 1)..<min(index + 3, rows.count) {
            let extra = mapRow(rows[j])
            let numberLike = rows[j].firstNonEmpty.map { Label.number($0.text).map { Label.isNumeric($0[...]) } ?? false } ?? false
            guard !numberLike, !rows[j].isColumnNumberRow else { break }
            let halves = subheadings(rows[j], under: rows[index])
            guard extra.fields.count + extra.years.count > 0 || halves != nil else { break }
            for (f, ranges) in extra.fields where !map.has(f) { map.fields[f] = ranges }
            if map.years.isEmpty { map.years = extra.years }
            if let halves, map.ranges(.deadline).count == 1 {
                map.deadlineWindow = window(of: map.ranges(.deadline)[0], in: halves)
            }
            last = j
        }
        // A year row right below a header that announces values by year.
        if map.years.isEmpty, last + 1 < rows.count {
            let ys = yearColumns(rows[last + 1])
            if ys.count >= 2 { map.years = ys; last += 1 }
        }
        let header = rows[index]
        if expectReport, !map.has(.outcome), let resultRange = map.ranges(.result).first,
           let text = header.cells.first(where: { $0.column == resultRange.lowerBound })?.text {
            // In a report a bare «Результат» column says what was achieved, not what was planned.
            let folded = foldForMatching(text)
            if !["ожида", "планир", "документ", "форма", "продукт"].contains(where: { folded.contains($0) }) {
                map.fields[.outcome] = map.fields[.result]
                map.fields[.result] = nil
            }
        }
        if expectReport, !map.has(.outcome) {
            // The outcome column of a report often has no header at all.
            let mapped = map.fields.values.flatMap { $0 }
            if let empty = header.cells.last(where: { c in
                c.text == nil && !mapped.contains { $0.lowerBound == c.column }
            }), empty.column >= (mapped.map(\.lowerBound).max() ?? 0) {
                map.fields[.outcome] = [empty.column..<(empty.column + empty.span)]
            }
        }
        map.firstDataRow = last + 1
        map.headerSignature = header.cells.map { $0.text.map(foldForMatching) ?? "" }
        map.columnCount = table.columnCount
        if map.years.isEmpty {
            // Columns the header leaves open (no text, or words no synonym knows) are read by what they hold.
            let taken = map.fields.values.flatMap { $0 }
            let open = rows[index...last].flatMap(\.cells).filter { c in
                !c.isContinuation && !taken.contains { $0.overlaps(c.column..<(c.column + c.span)) }
                    && (c.text == nil || meaning(of: c.text!) == nil)
            }.map { $0.column..<($0.column + $0.span) }
            ColumnContent.assign(open: open, table: table, firstDataRow: map.firstDataRow, to: &map)
        }
        return map
    }

    /// A map for a table whose header (if any) names fewer than two columns: the columns are read
    /// by what their cells hold. A first row that names one column, or is marked or set in bold as
    /// a header, is kept as the header. Nil unless the table comes out a roadmap's (`isRoadmapLike`).
    static func mapByContent(_ table: Table) -> ColumnMap? {
        guard table.columnCount >= 2 else { return nil }
        var map = ColumnMap()
        let first = table.rows.first.map(RowView.init)
        var headerCells: [RowView.CellView] = []
        if let first, !first.isEmpty, !first.startsWithNumber {
            let named = mapRow(first)
            let filled = first.filled
            // Named by one synonym, its cells short words that are no data themselves («Что делаем», «Когда», «Кто»).
            let namesOne = named.fields.count == 1
                && filled.allSatisfy { $0.text!.count <= 30 && ![.deadline, .responsibles, .number].contains(ColumnContent.kind(of: $0.text!)) }
            if namesOne || first.isHeader || (filled.count >= 2 && filled.allSatisfy(\.isBold)) {
                map.fields = named.fields
                map.firstDataRow = 1
                map.headerSignature = first.cells.map { $0.text.map(foldForMatching) ?? "" }
                headerCells = first.cells
            }
        }
        map.columnCount = table.columnCount
        let taken = map.fields.values.flatMap { $0 }
        let open: [Range<Int>]
        if headerCells.isEmpty {
            open = (0..<table.columnCount).map { $0..<($0 + 1) }
        } else {
            open = headerCells.filter { !$0.isContinuation }.map { $0.column..<($0.column + $0.span) }
                .filter { r in !taken.contains { $0.overlaps(r) } }
        }
        ColumnContent.assign(open: open, table: table, firstDataRow: map.firstDataRow, to: &map)
        return map.isRoadmapLike ? map : nil
    }

    /// The sub-headings a row holds under a header whose cells merge down into it: each filled cell of its
    /// own short and under a header cell spanning several columns («Сроки» over «начало» | «окончание»);
    /// `nil` when the row is anything else (data, or cells under no split header).
    static func subheadings(_ row: RowView, under header: RowView) -> [(range: Range<Int>, text: String)]? {
        guard row.cells.contains(where: \.isContinuation) else { return nil }
        let split = header.cells.filter { $0.span > 1 && !$0.isContinuation }.map { $0.column..<($0.column + $0.span) }
        var out: [(Range<Int>, String)] = []
        for cell in row.filled {
            let range = cell.column..<(cell.column + cell.span)
            guard let text = cell.text, text.count <= 40, !text.contains(where: \.isNumber),
                  split.contains(where: { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }) else { return nil }
            out.append((range, text))
        }
        return out.isEmpty ? nil : out
    }

    /// A deadline column's start and end halves among its sub-headings, when it splits into exactly those two.
    static func window(of deadline: Range<Int>, in halves: [(range: Range<Int>, text: String)]) -> (start: Range<Int>, end: Range<Int>)? {
        let inside = halves.filter { deadline.contains($0.range.lowerBound) }
        guard inside.count == 2 else { return nil }
        func names(_ text: String, _ words: [String]) -> Bool {
            let folded = foldForMatching(text)
            return words.contains { folded == $0 || folded.hasPrefix($0 + " ") }
        }
        let lexicon = Lexicon.current
        guard names(inside[0].text, lexicon.windowStart), names(inside[1].text, lexicon.windowEnd) else { return nil }
        return (inside[0].range, inside[1].range)
    }

    static func mapRow(_ row: RowView) -> ColumnMap {
        var m = ColumnMap()
        var activities: [(range: Range<Int>, text: String)] = []
        // Header cells are short names; a row with a numbered cell or long texts is data.
        if row.startsWithNumber { return m }
        for cell in row.cells where !cell.isContinuation {
            guard let text = cell.text, text.utf8.count <= 150 || text.count <= 150 else { continue }
            let range = cell.column..<(cell.column + cell.span)
            if let y = year(for: text) {
                m.years.append((y, range))
                continue
            }
            guard case var .field(f) = meaning(of: text) else { continue }
            // A second «результат» column in one table is what was achieved.
            if f == .result, m.has(.result) { f = .outcome }
            if f == .activity {
                activities.append((range, text))
                continue
            }
            m.fields[f, default: []].append(range)
        }
        if let first = activities.first {
            // Of two activity columns, one naming a group or a form («Направление работы», «Форма работы») goes
            // with the other, the events («Мероприятия», «Тема»); else the first is the activity.
            let groups = Lexicon.current.activityGroups
            func group(_ header: String) -> ActivityGroup.Use? {
                let folded = foldForMatching(header)
                return groups.first { $0.words.contains { folded.hasPrefix($0) } }?.use
            }
            let events = activities.filter { group($0.text) == nil }
            if let event = events.first, let other = activities.first(where: { group($0.text) != nil }) {
                m.fields[.activity] = [event.range]
                m.activityGroup = ActivityGroup(range: other.range, use: group(other.text)!)
            } else {
                m.fields[.activity] = [first.range]
            }
        }
        if m.has(.indicator), !m.has(.activity) {
            m.fields[.activity] = m.fields[.indicator]
        } else if m.has(.indicator), m.has(.deadline) || m.has(.responsibles), !m.has(.result) {
            // «Показатель» beside the events of a plan says what each of them should achieve.
            m.fields[.result] = m.fields[.indicator]
            m.fields[.indicator] = nil
        }
        return m
    }

    static func yearColumns(_ row: RowView) -> [(year: String, range: Range<Int>)] {
        row.cells.compactMap { c in
            guard let t = c.text, let y = year(for: t) else { return nil }
            return (y, c.column..<(c.column + c.span))
        }
    }

    /// True when a row repeats the header (a header row repeated on every page).
    static func isRepeatedHeader(_ row: RowView, of map: ColumnMap) -> Bool {
        // Data rows start with their number: no need to look further.
        if row.startsWithNumber { return false }
        if row.cells.contains(where: { $0.text.map { $0.utf8.count > 150 && $0.count > 150 } ?? false }) { return false }
        // The same folded texts as the header: compared cell by cell, up to the first difference.
        if row.cells.count == map.headerSignature.count,
           zip(row.cells, map.headerSignature).allSatisfy({ ($0.text.map(foldForMatching) ?? "") == $1 }) {
            return true
        }
        // One filled cell (a section row) names at most one field, two only when an indicator
        // column stands for the activity too: then the table must have both.
        if row.filledCount <= 1, !(map.has(.indicator) && map.has(.activity)) { return false }
        let m = mapRow(row)
        return m.fields.count >= 2 && m.fields.keys.allSatisfy { map.has($0) }
    }
}
