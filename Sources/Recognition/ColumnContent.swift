import Model
import OOXML
import Text

/// Reads a column by what its cells hold, for columns whose header names nothing
/// (or tables with no header row): dates, months and quarters are deadlines; posts and
/// initials are responsibles; a document named first is a result; longer phrases are
/// the activity; labels are numbers. The cue words are data (`columns.json`, "content").
enum ColumnContent {
    /// How many data rows a column is judged on.
    static let sampleRows = 30

    /// What one cell's text looks like, or nil when it says nothing clear.
    static func kind(of text: String) -> ColumnField? {
        if text.count <= 10, let label = Label.number(text), Label.isNumeric(label[...]) || Label.isRoman(label[...]) {
            return .number
        }
        let words = foldForMatching(text).words
        guard let first = words.first else { return nil }
        if words.count <= 6 || words.prefix(2).contains(where: { isCue($0, .deadline) }),
           hasDate(text) || words.contains(where: { isYear($0) || isCue($0, .deadline) }) {
            return .deadline
        }
        // A document named first is a result, also when a post follows («Приказ директора»).
        if words.count <= 12, isCue(first, .result) { return .result }
        if words.count <= 15, hasInitials(text) || namesPerson(text) || words.prefix(2).contains(where: { isCue($0, .responsibles) }) {
            return .responsibles
        }
        if words.count >= 3 { return .activity }
        return nil
    }

    /// Assigns the fields `map` still lacks to the `open` column ranges whose cells, from
    /// `firstDataRow` on, mostly look like them; each field goes to one column at most.
    static func assign(open: [Range<Int>], table: Table, firstDataRow: Int, to map: inout ColumnMap) {
        guard !open.isEmpty, firstDataRow < table.rows.count else { return }
        // Rows of work: section rows (one cell) and column-number rows say nothing of a column.
        let rows = table.rows[firstDataRow...].prefix(sampleRows).map(RowView.init)
            .filter { $0.filledCount >= 2 && !$0.isColumnNumberRow }
        guard !rows.isEmpty else { return }
        var candidates: [(range: Range<Int>, field: ColumnField, share: Double, length: Double)] = []
        for range in open {
            let texts = rows.compactMap { $0.text(in: range, includeContinuations: false) }
            guard !texts.isEmpty else { continue }
            let kinds = texts.map(kind(of:))
            var best: (field: ColumnField, count: Int)?
            for field in ColumnField.allCases {
                let count = kinds.filter { $0 == field }.count
                if count > (best?.count ?? 0) { best = (field, count) }
            }
            guard let best, best.count * 2 >= texts.count else { continue }
            let length = Double(texts.map(\.count).reduce(0, +)) / Double(texts.count)
            candidates.append((range, best.field, Double(best.count) / Double(texts.count), length))
        }
        for field in [ColumnField.number, .deadline, .responsibles, .result, .activity] where !map.has(field) {
            let claims = candidates.filter { $0.field == field }
            // The activity is the column of the longest texts; any other field the surest column.
            let chosen = field == .activity ? claims.max { $0.length < $1.length } : claims.max { $0.share < $1.share }
            if let chosen { map.fields[field] = [chosen.range] }
        }
    }

    /// A cue word of `field`, or that word with an ending of up to three letters
    /// («справк» → «справка», «заместител» → «заместителя»).
    static func isCue(_ word: Substring, _ field: ColumnField) -> Bool {
        Lexicon.current.contentCues[field, default: []].contains {
            word.startsWithFolded($0) && word.unicodeScalars.count - $0.unicodeScalars.count <= 3
        }
    }

    /// A four-digit year of this or the last century.
    static func isYear(_ word: Substring) -> Bool {
        word.count == 4 && word.allSatisfy(\.isASCII) && word.allSatisfy(\.isNumber) && (word.hasPrefix("19") || word.hasPrefix("20"))
    }

    /// A day and month in digits: `01.09`, `1.9.2024`.
    static func hasDate(_ text: String) -> Bool {
        let chars = Array(text)
        for i in chars.indices where chars[i] == "." && i > 0 && i + 1 < chars.count {
            if chars[i - 1].isNumber && chars[i + 1].isNumber { return true }
        }
        return false
    }

    /// A full name: two to four capitalised words, one with a patronymic's ending («Иванова Анна Петровна»).
    static func namesPerson(_ text: String) -> Bool {
        let words = text.split { $0 == " " || $0 == "," }
        guard (2...4).contains(words.count), words.allSatisfy({ $0.first?.isUppercase ?? false }) else { return false }
        return words.contains { w in ["вич", "вна", "чна"].contains { w.lowercased().hasSuffix($0) } }
    }

    /// Initials: two capitals each followed by a dot (`И.И.`, `А. В.`).
    static func hasInitials(_ text: String) -> Bool {
        let chars = Array(text)
        var i = 0
        while i + 3 < chars.count {
            if chars[i].isUppercase, chars[i + 1] == ".", i == 0 || !chars[i - 1].isLetter {
                var j = i + 2
                if chars[j] == " " { j += 1 }
                if j + 1 < chars.count, chars[j].isUppercase, chars[j + 1] == "." { return true }
            }
            i += 1
        }
        return false
    }
}
