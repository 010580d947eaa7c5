import JSON
import Model
import OOXML
import Text

/// Which grid columns hold which field, found from a table's header rows.
struct ColumnMap: Sendable {
    /// Grid column ranges per field, in column order.
    var fields = FieldRanges()
    /// Year columns of an indicators table: year → range.
    var years: [(year: String, range: Range<Int>)] = []
    /// Index of the first row after the header rows.
    var firstDataRow = 0
    /// Header texts by column start, to spot a header repeated on a later page.
    var headerSignature: [String] = []
    var columnCount = 0

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
        guard let ranges = fields[f], !ranges.isEmpty else { return nil }
        if ranges.count == 1 { return row.text(in: ranges[0]) }
        let parts = ranges.compactMap { row.text(in: $0) }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }
}

/// Grid column ranges per field, one slot per field: a dictionary keyed by `ColumnField`
/// would hash the fields' raw strings on every lookup, and it is looked up on every row.
struct FieldRanges: Sendable, Sequence {
    private var slots: [[Range<Int>]?] = Array(repeating: nil, count: ColumnField.allCases.count)

    subscript(_ f: ColumnField) -> [Range<Int>]? {
        get { slots[f.slot] }
        set { slots[f.slot] = newValue }
    }

    subscript(_ f: ColumnField, default value: [Range<Int>]) -> [Range<Int>] {
        get { slots[f.slot] ?? value }
        set { slots[f.slot] = newValue }
    }

    /// How many fields have ranges.
    var count: Int { slots.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
    var keys: [ColumnField] { ColumnField.allCases.filter { slots[$0.slot] != nil } }
    var values: [[Range<Int>]] { slots.compactMap { $0 } }

    func makeIterator() -> IndexingIterator<[(key: ColumnField, value: [Range<Int>])]> {
        ColumnField.allCases.compactMap { f in slots[f.slot].map { (key: f, value: $0) } }.makeIterator()
    }
}

/// Maps header cells to fields by the synonyms of `columns.json`.
enum HeaderMapper {
    /// The field a header text names, or nil.
    static func field(for header: String) -> ColumnField? {
        // Folded text compared as bytes: the synonyms are folded the same way, so a byte
        // prefix is a word prefix, and no Unicode-aware comparison is needed.
        // (Folding turns line breaks into spaces.)
        let folded = foldedPlainBytes(header) ?? Array(foldForMatchingGeneral(header).utf8)
        guard !folded.isEmpty else { return nil }
        var starts: [Int] = []
        var atStart = true
        for (i, b) in folded.enumerated() {
            let separator = b == 0x20 || b == UInt8(ascii: "/") || b == UInt8(ascii: "(") || b == UInt8(ascii: ",")
            if separator { atStart = true } else if atStart { starts.append(i); atStart = false }
        }
        return folded.withUnsafeBufferPointer { f -> ColumnField? in
            func hasPrefix(_ p: [UInt8], at i: Int) -> Bool { PlainScalars.has(p, in: f, at: i) }
            for (field, prefixes) in Lexicon.shared.columnSynonymBytes {
                for p in prefixes {
                    if field == .number {
                        // «№», «№ п/п»: the whole header or its start.
                        if (f.count == p.count && hasPrefix(p, at: 0)) || (hasPrefix(p, at: 0) && (p == Lexicon.numberSign
                            || (f.count > p.count && f[p.count] == 0x20))) { return field }
                        continue
                    }
                    for start in starts where hasPrefix(p, at: start) { return field }
                }
            }
            return nil
        }
    }

    /// A four-digit year a header names (`2022 г.`, `2023 год`), or nil.
    static func year(for header: String) -> String? {
        // A year starts with «1» or «2»: a header starting with another character (ASCII or
        // Cyrillic, neither of them a space) names none.
        if let first = header.utf8.first, first != 0x31, first != 0x32, first != 0x20, !(0x09...0x0D).contains(first),
           first < 0x80 || first == 0xD0 || first == 0xD1 {
            return nil
        }
        if let scalars = PlainScalars.scalars(of: header) { return year(plain: scalars[...]) }
        return yearGeneral(for: header)
    }

    /// `yearGeneral` on a plain text's scalars.
    private static func year(plain header: ArraySlice<UInt32>) -> String? {
        func trimmed(_ s: ArraySlice<UInt32>, _ isSpace: (UInt32) -> Bool) -> ArraySlice<UInt32> {
            guard let first = s.firstIndex(where: { !isSpace($0) }), let last = s.lastIndex(where: { !isSpace($0) }) else { return [] }
            return s[first...last]
        }
        // `.whitespacesAndNewlines` and `.whitespaces` among plain scalars.
        let t = trimmed(header, PlainScalars.isWhitespace)
        guard t.count <= 24 else { return nil }
        let digits = t.prefix(while: PlainScalars.isNumber)
        guard digits.count == 4, digits.starts(with: [0x32, 0x30]) || digits.starts(with: [0x31, 0x39]) else { return nil }
        let rest = trimmed(t.dropFirst(4)) { $0 == 0x20 || $0 == 0x09 || $0 == 0xA0 }
        // «г», «(», «уч»: in lower case.
        guard rest.isEmpty || PlainScalars.lowercased(rest.first!) == 0x433 || rest.first == 0x28
            || rest.map(PlainScalars.lowercased).starts(with: [0x443, 0x447]) else { return nil }
        return PlainScalars.string(digits)
    }

    /// `year` for any text, Character by Character.
    static func yearGeneral(for header: String) -> String? {
        let t = header.trimmingCharacters(in: .whitespacesAndNewlines)
        guard t.count <= 24 else { return nil }
        let digits = t.prefix { $0.isNumber }
        guard digits.count == 4, digits.hasPrefix("20") || digits.hasPrefix("19") else { return nil }
        let rest = t.dropFirst(4).trimmingCharacters(in: .whitespaces).lowercased()
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
            guard !numberLike, !rows[j].isColumnNumberRow, extra.fields.count + extra.years.count > 0 else { break }
            for (f, ranges) in extra.fields where !map.has(f) { map.fields[f] = ranges }
            if map.years.isEmpty { map.years = extra.years }
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
        return map
    }

    static func mapRow(_ row: RowView) -> ColumnMap {
        var m = ColumnMap()
        // Header cells are short names; a row with a numbered cell or long texts is data.
        if let first = row.firstNonEmpty?.text, let n = Label.number(first),
           Label.isNumeric(n[...]) || Label.isRoman(n[...]) { return m }
        for cell in row.cells where !cell.isContinuation {
            guard let text = cell.text, text.utf8.count <= 150 || PlainScalars.characterCount(text) <= 150 else { continue }
            let range = cell.column..<(cell.column + cell.span)
            if let y = year(for: text) {
                m.years.append((y, range))
                continue
            }
            guard var f = field(for: text) else { continue }
            // A second «результат» column in one table is what was achieved.
            if f == .result, m.has(.result) { f = .outcome }
            if f == .activity, m.has(.activity) { continue }
            m.fields[f, default: []].append(range)
        }
        if m.has(.indicator), !m.has(.activity) {
            m.fields[.activity] = m.fields[.indicator]
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
        if let first = row.firstNonEmpty?.text, let n = Label.number(first),
           Label.isNumeric(n[...]) || Label.isRoman(n[...]) { return false }
        if row.cells.contains(where: { $0.text.map { $0.utf8.count > 150 && PlainScalars.characterCount($0) > 150 } ?? false }) { return false }
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
