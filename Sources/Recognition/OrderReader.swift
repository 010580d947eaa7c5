import Foundation
import Model
import OOXML
import Text

typealias OOXML_Table = OOXML.Table

/// Reads an order's date, number, title and numbered points from its paragraphs.
enum OrderReader {
    struct Result {
        var title: String?
        var date: Day?
        var dateText: String?
        var number: String?
        var points: [OrderPoint] = []
    }

    static let monthsGenitive = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                                 "сентября", "октября", "ноября", "декабря"]

    /// `paragraphs` are the order's paragraphs after its «ПРИКАЗ» heading, display texts.
    static func read(_ paragraphs: [String]) -> Result {
        var r = Result()
        var pointsStarted = false
        var orderStartIndex: Int?
        for (i, p) in paragraphs.enumerated() {
            let folded = foldForMatching(p)
            if Lexicon.current.orderStart.contains(where: { folded.startsWithFolded($0) }) { orderStartIndex = i; break }
        }
        for (i, raw) in paragraphs.enumerated() {
            guard let text = TextNormalizer.singleLine(raw) else { continue }
            let folded = foldForMatching(text)
            let beforeBody = orderStartIndex.map { i < $0 } ?? !pointsStarted
            if beforeBody {
                // The date and number stand on short lines of their own, not in the preamble's references.
                let short = text.count <= 80
                var isDateLine = false
                if short, r.dateText == nil, let (day, dateText) = findDate(text) {
                    r.date = day
                    r.dateText = dateText
                    isDateLine = true
                }
                if short, r.number == nil, let n = findNumber(text) {
                    r.number = n
                    isDateLine = true
                }
                // The date and number line is no point, even when it starts with digits and dots.
                let split = Label.split(text)
                let isPoint = split.label.map { Label.isItemNumber($0[...]) } ?? false
                if isDateLine && !isPoint { continue }
                if r.title == nil, folded.hasPrefix("об ") || folded.hasPrefix("о ") || folded.hasPrefix("о внесении") {
                    r.title = text
                    continue
                }
                if orderStartIndex != nil { continue }
            }
            if let s = orderStartIndex, i <= s { continue }
            let (label, rest) = Label.split(text)
            if let label, Label.isItemNumber(label[...]), !rest.isEmpty {
                r.points.append(OrderPoint(number: label, text: rest))
                pointsStarted = true
            } else if pointsStarted, let first = text.first, first.isLowercase || first == "-" || first == "•" {
                r.points[r.points.count - 1].text += "\n" + text
            } else if pointsStarted {
                break
            }
        }
        return r
    }

    /// `10.08.2021`, `от «10» августа 2021 г.`; a blank (`00.00.0000`, `«__» ____ 20__`) gives nil with its text.
    static func findDate(_ text: String) -> (Day?, String)? {
        // Every pattern needs a digit or an underscore: a line with neither names no date.
        if !text.contains(where: { $0.isNumber || $0 == "_" }) { return nil }
        if let m = firstMatch(numericDate, in: text) {
            let parts = text[m].split(separator: ".").compactMap { Int($0) }
            return (Day(year: parts[2], month: parts[1], day: parts[0]), String(text[m]))
        }
        let lower = text.lowercased()
        if let m = firstMatch(wordDate, in: lower) {
            let piece = lower[m].replacingOccurrences(of: "«", with: " ").replacingOccurrences(of: "»", with: " ")
            let words = piece.split(separator: " ")
            if words.count >= 3, let d = Int(words[0]), let y = Int(words[2]),
               let mi = monthsGenitive.firstIndex(of: String(words[1])) {
                return (Day(year: y, month: mi + 1, day: d), String(text[m]))
            }
        }
        if let m = firstMatch(blankDate, in: text),
           lower.includes("от") || lower.hasPrefix("«") || lower.hasPrefix("_") || lower.includes("20__") {
            return (nil, String(text[m]))
        }
        return nil
    }

    // Compiled once: `range(of:options: .regularExpression)` compiles its pattern on every call.
    private static let numericDate = try! NSRegularExpression(pattern: #"\b\d{1,2}\.\d{1,2}\.\d{4}\b"#)
    private static let wordDate = try! NSRegularExpression(pattern: #"«?\s*\d{1,2}\s*»?\s+[а-я]+\s+\d{4}"#)
    private static let blankDate = try! NSRegularExpression(pattern: #"(«\s*_+\s*»|\b00\.00\.0000\b|_{3,}\s*20_*|20__)"#)

    /// `text.range(of: pattern, options: .regularExpression)` with the pattern compiled.
    private static func firstMatch(_ regex: NSRegularExpression, in text: String) -> Range<String.Index>? {
        let found = regex.rangeOfFirstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        return found.location == NSNotFound ? nil : Range(found, in: text)
    }

    /// `№ 279` → `279`; `№ ___` → nil.
    static func findNumber(_ text: String) -> String? {
        guard let r = text.firstIndex(of: "№").map({ $0..<text.index(after: $0) }) else { return nil }
        let rest = text[r.upperBound...].trimmed()
        let token = rest.prefix { !$0.isWhitespace && $0 != "," && $0 != ";" }
        guard let first = token.first, first.isNumber || first.isLetter else { return nil }
        return String(token)
    }
}

/// Reads an indicators table: number, name and the target for every year column.
enum IndicatorsReader {
    static func read(table: OOXML_Table, map: ColumnMap) -> [Indicator] {
        var out: [Indicator] = []
        for r in map.firstDataRow..<table.rows.count {
            let row = RowView(table.rows[r])
            if row.isEmpty || row.isColumnNumberRow || HeaderMapper.isRepeatedHeader(row, of: map) { continue }
            let number = map.ranges(.number).first.flatMap { row.text(in: $0) }
            let name = map.text(.indicator, in: row) ?? map.text(.activity, in: row)
            let targets = map.years.map { (year: $0.year, value: row.text(in: $0.range)) }
            if name == nil && targets.allSatisfy({ $0.value == nil }) { continue }
            // A row merged across the table is a heading, not an indicator.
            if row.nonEmpty.count == 1, let only = row.nonEmpty.first, only.span * 2 >= map.columnCount { continue }
            out.append(Indicator(number: Label.number(number), name: name, targets: targets))
        }
        return out
    }
}
