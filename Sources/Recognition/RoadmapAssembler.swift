import Model
import OOXML
import Text

/// Turns the data rows of roadmap and report tables into sections and items,
/// across the tables a page break split a document into.
struct RoadmapAssembler {
    private var rows: [Section] = []

    /// The sections, with headings written as items resolved: a numbered row holding only a
    /// title whose following items are numbered beneath it (`2.` then `2.1`, `2.2`) opens a section.
    var sections: [Section] {
        var out: [Section] = []
        for section in rows {
            // Nearly always no item opens a section: the section stays as it is, its items not copied one by one.
            guard section.items.indices.contains(where: { opensSection(section.items, at: $0) }) else {
                out.append(section)
                continue
            }
            var current = Section(number: section.number, title: section.title)
            var opened = false
            for (i, item) in section.items.enumerated() {
                if opensSection(section.items, at: i), let n = item.number {
                    if opened || !current.items.isEmpty || current.title != nil { out.append(current) }
                    current = Section(number: n, title: TextNormalizer.singleLine(item.activity))
                    opened = true
                    continue
                }
                current.items.append(item)
            }
            out.append(current)
        }
        return out
    }

    /// Whether item `i` is a heading written as an item: numbered, only a title, and the next
    /// numbered item is numbered beneath it.
    private func opensSection(_ items: [Item], at i: Int) -> Bool {
        guard let n = items[i].number, items[i].isTitleOnly,
              let next = items[(i + 1)...].first(where: { $0.number != nil })?.number else { return false }
        return next.hasPrefix(n + ".")
    }

    /// Where the last item is, while rows may still continue it.
    private var openItem: (section: Int, item: Int)?
    /// The text of the group column that opened the current section (`ActivityGroup.Use.sections`).
    private var groupTitle: String?
    private let isReport: Bool
    /// The last item's responsibles: a next row naming the same ones shares them (long roadmaps
    /// repeat their responsibles row after row) instead of holding an array of its own.
    private var lastResponsibles: [Responsible] = []

    init(isReport: Bool) { self.isReport = isReport }

    /// The responsibles cell's text as one unparsed entry.
    private mutating func responsibles(_ text: String?) -> [Responsible] {
        guard let text else { return [] }
        if lastResponsibles.count == 1, sameBytes(lastResponsibles[0].text, text) { return lastResponsibles }
        lastResponsibles = [Responsible(text: text)]
        return lastResponsibles
    }

    /// Opens a section: a heading row, or a heading paragraph before a table rather than a row of it.
    mutating func open(_ section: Section) {
        fitLastSection()
        rows.append(section)
        openItem = nil
    }

    /// `rowsLeft`: the rows of the table from this one on, which bounds the items still to come.
    mutating func add(row: RowView, map: ColumnMap, rowsLeft: Int = 1) {
        if row.isEmpty || row.isColumnNumberRow || HeaderMapper.isRepeatedHeader(row, of: map) { return }
        let numberRanges = map.ranges(.number)
        let numberCell = numberRanges.first.flatMap { range in
            row.cells.first { $0.column < range.upperBound && $0.column + $0.span > range.lowerBound }
        }
        let numberText = numberCell?.text
        if let section = sectionHeading(row, map: map, numberCell: numberCell) {
            open(section)
            return
        }
        // A vertically merged number cell: the same item goes on over this row.
        if let nc = numberCell, nc.isContinuation, openItem != nil {
            continueItem(row, map: map)
            return
        }
        // A row split by a page break: no number of its own, and not a whole item. After a numbered
        // item, a row with its own activity, deadline and responsibles is a whole item; after an
        // unnumbered one (a number column left empty), a row with more than one of them is.
        if !numberRanges.isEmpty, numberText == nil, let at = openItem {
            let own = [ColumnField.activity, .deadline, .responsibles].filter { map.text($0, in: row) != nil }.count
            let afterNumbered = rows[at.section].items[at.item].number != nil
            if afterNumbered ? own < 3 : own <= 1 {
                continueItem(row, map: map)
                return
            }
        }
        var activity = map.text(.activity, in: row)
        if let group = map.activityGroup {
            switch group.use {
            case .sections:
                // A group's cell, merged down over its events or written again: a new text opens a section.
                let cell = row.cells.first { group.range.contains($0.column) }
                if let cell, !cell.isContinuation, let text = TextNormalizer.singleLine(cell.text), text != groupTitle {
                    let (label, rest) = Label.split(text)
                    open(Section(number: label, title: label == nil || rest.isEmpty ? text : rest))
                    groupTitle = text
                }
            case .prefix:
                if let form = TextNormalizer.singleLine(row.text(in: group.range)) {
                    activity = activity.map { "\(form): \($0)" } ?? form
                }
            }
        }
        // Made in place in its section: a local item handed over would be copied, then destroyed.
        if rows.isEmpty { rows.append(Section()) }
        // A section's items are held at their size: room for the rest of the table is made at its first
        // item and given back when the next section opens, so a long section never grows by doubling
        // (which held its items up to three times over while copying).
        if rows[rows.count - 1].items.isEmpty { rows[rows.count - 1].items.reserveCapacity(rowsLeft) }
        rows[rows.count - 1].items.append(Item(
            number: Label.number(numberText),
            activity: activity,
            deadline: Deadline(text: map.text(.deadline, in: row)),
            responsibles: responsibles(map.text(.responsibles, in: row)),
            result: map.text(.result, in: row),
            outcome: isReport ? map.text(.outcome, in: row) : nil))
        openItem = (rows.count - 1, rows[rows.count - 1].items.count - 1)
    }

    /// Gives back the room the last section made for items that did not come.
    private mutating func fitLastSection() {
        guard let last = rows.indices.last, rows[last].items.capacity > rows[last].items.count * 2 + 16 else { return }
        var fitted: [Item] = []
        fitted.reserveCapacity(rows[last].items.count)
        fitted.append(contentsOf: rows[last].items)
        rows[last].items = fitted
    }

    /// A row that opens a section: one cell across (most of) the table, or a label
    /// and a title merged across the rest, or a lone heading in the first cells.
    private func sectionHeading(_ row: RowView, map: ColumnMap, numberCell: RowView.CellView?) -> Section? {
        let columns = max(map.columnCount, 1)
        // Every heading below fills one or two cells: a row of work fills more.
        guard (1...2).contains(row.filledCount) else { return nil }
        let filled = row.filled
        let wide = filled.filter { $0.span * 2 >= columns || ($0.span >= 2 && $0.column <= 1 && $0.span + $0.column >= columns) }
        let numberIsFilledCell = numberCell.map { nc in filled.contains { $0.column == nc.column } } ?? false
        if filled.count == 1, let only = filled.first, wide.count == 1 {
            let (label, rest) = Label.split(only.text!)
            return Section(number: label, title: TextNormalizer.singleLine(rest))
        }
        if filled.count == 2, numberIsFilledCell, wide.count == 1, let title = wide.first, title.column != numberCell?.column {
            return Section(number: Label.number(numberCell?.text), title: TextNormalizer.singleLine(title.text))
        }
        // A heading written in the number cell alone: «Раздел 1. Организационный этап».
        if filled.count == 1, let only = filled.first, only.column == numberCell?.column, let text = only.text,
           text.filter(\.isLetter).count >= 3, !text.contains("\n" as Character) {
            let (label, rest) = Label.split(text)
            return Section(number: label, title: TextNormalizer.singleLine(rest.isEmpty ? text : rest))
        }
        // A lone heading written in the activity cell, its row otherwise empty.
        let activityCells = filled.filter { c in map.ranges(.activity).contains { $0.contains(c.column) } }
        if filled.count == 1, activityCells.count == 1, let text = activityCells.first?.text,
           numberCell?.text == nil {
            let (label, rest) = Label.split(text)
            let startsUpper = text.first.map { $0.isUppercase } ?? false
            if label != nil && (label!.lowercased().includes("этап") || Label.isRoman(label![...])) {
                return Section(number: label, title: TextNormalizer.singleLine(rest))
            }
            if startsUpper && (activityCells.first!.isBold || openItem == nil) && !text.contains("\n" as Character) {
                return Section(number: nil, title: TextNormalizer.singleLine(text))
            }
        }
        // A roman numeral or a stage in the number cell, the title beside it.
        if let nc = numberCell, let label = nc.text, numberIsFilledCell, filled.count == 2,
           Label.isRoman(Label.number(label)?[...] ?? "") || label.lowercased().includes("этап") {
            let other = filled.first { $0.column != nc.column }
            return Section(number: Label.number(label), title: TextNormalizer.singleLine(other?.text))
        }
        return nil
    }

    /// A row split by a page break: its texts go on the open item's fields as new lines.
    private mutating func continueItem(_ row: RowView, map: ColumnMap) {
        guard let at = openItem else { return }
        var item = rows[at.section].items[at.item]
        func own(_ f: ColumnField) -> String? {
            let parts = map.ranges(f).compactMap { row.text(in: $0, includeContinuations: false) }
            return parts.isEmpty ? nil : parts.joined(separator: "\n")
        }
        func append(_ old: String?, _ new: String?) -> String? {
            guard let new else { return old }
            guard let old else { return new }
            return old + "\n" + new
        }
        item.activity = append(item.activity, own(.activity))
        item.deadline.text = append(item.deadline.text, own(.deadline))
        if let extra = own(.responsibles) {
            let joined = append(item.responsibles.map(\.text).joined(separator: "\n").nilIfEmpty, extra)
            item.responsibles = joined.map { [Responsible(text: $0)] } ?? []
        }
        item.result = append(item.result, own(.result))
        if isReport { item.outcome = append(item.outcome, own(.outcome)) }
        rows[at.section].items[at.item] = item
    }
}

extension Item {
    /// Only a number and a text: nothing a row of work would have.
    var isTitleOnly: Bool {
        activity != nil && deadline.text == nil && responsibles.isEmpty && result == nil && outcome == nil
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
