import Foundation
import Model
import OOXML
import Text

/// A table row's cells with their normalised texts.
struct RowView {
    struct CellView {
        let column: Int
        let span: Int
        let text: String?
        let isContinuation: Bool
        let isBold: Bool
    }

    let cells: [CellView]
    let isHeader: Bool
    /// The first cell with a text.
    let firstNonEmpty: CellView?
    /// How many cells have a text of their own: not empty, not continuing a vertical merge (`filled`).
    let filledCount: Int

    init(_ row: TableRow) {
        isHeader = row.isHeader
        cells = row.cells.map { c in
            // A cell of one paragraph (nearly all): its text needs no joining of lines.
            if c.blocks.count == 1, case let .paragraph(p) = c.blocks[0] {
                return CellView(column: c.column, span: c.columnSpan, text: TextNormalizer.normalize(p.displayText),
                                isContinuation: c.isMergeContinuation, isBold: p.isBold)
            }
            let bold = c.blocks.contains { if case let .paragraph(p) = $0 { return p.isBold } else { return false } }
            return CellView(column: c.column, span: c.columnSpan, text: c.normalizedText,
                            isContinuation: c.isMergeContinuation, isBold: bold)
        }
        // Counted here, listed on demand: most rows only need to know how many.
        firstNonEmpty = cells.first { $0.text != nil }
        filledCount = cells.reduce(0) { $0 + ($1.text != nil && !$1.isContinuation ? 1 : 0) }
    }

    /// The cells with a text.
    var nonEmpty: [CellView] { cells.filter { $0.text != nil } }

    /// The cells with a text of their own: not empty, not continuing a vertical merge.
    var filled: [CellView] { cells.filter { $0.text != nil && !$0.isContinuation } }

    var isEmpty: Bool { firstNonEmpty == nil }

    /// Its first text is, or starts with, a number or roman label («1.», «IV», «I. Подготовка»): a data
    /// or section row, not a header.
    var startsWithNumber: Bool {
        guard let first = firstNonEmpty?.text, let n = Label.number(first) else { return false }
        if Label.isNumeric(n[...]) || Label.isRoman(n[...]) { return true }
        guard let label = Label.split(first).label else { return false }
        return Label.isNumeric(label[...]) || Label.isRoman(label[...])
    }

    /// Texts of the cells overlapping grid columns `range`, distinct cells joined by newlines.
    func text(in range: Range<Int>, includeContinuations: Bool = true) -> String? {
        var joined: String?
        for cell in cells where cell.column < range.upperBound && cell.column + cell.span > range.lowerBound
            && (includeContinuations || !cell.isContinuation) {
            guard let text = cell.text else { continue }
            if joined == nil { joined = text } else { joined! += "\n" + text }
        }
        return joined
    }

    /// A row of column numbers («1 2 3 4 5»): every filled cell a small integer, increasing.
    var isColumnNumberRow: Bool {
        var ints: [Int] = []
        for cell in cells {
            guard let text = cell.text else { continue }
            // «1», «2.»: a few digits and perhaps a dot; anything longer is data.
            guard text.utf8.count <= 4, let n = Int(text.hasSuffix(".") ? String(text.dropLast()) : text) else { return false }
            ints.append(n)
        }
        guard ints.count >= 3 else { return false }
        return ints.first! <= 2 && zip(ints, ints.dropFirst()).allSatisfy { $0 < $1 } && ints.last! <= 20
    }
}

/// Item and section labels: `1.`, `1.2.`, `I.`, `1-й этап.`, `Этап 2`, `Раздел 3.`.
enum Label {
    /// `1.` → `1`, `2.3.` → `2.3`, `IV.` → `IV`, `1)` → `1`: the text without spaces around it and
    /// without trailing dots and brackets; nil when nothing is left.
    static func number(_ text: String?) -> String? {
        guard let text else { return nil }
        var s = text[...]
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        while let last = s.last, last == "." || last == ")" || last.isWhitespace { s.removeLast() }
        return s.isEmpty ? nil : String(s)
    }

    /// Roman numerals up to six letters: `I`, `IV`, `XII`.
    static func isRoman(_ s: Substring) -> Bool {
        !s.isEmpty && s.count <= 6 && s.allSatisfy { "IVXLC".contains($0) }
    }

    /// Digits and dots, starting with a digit: `1`, `2.3`, `10.1.2`.
    static func isNumeric(_ s: Substring) -> Bool {
        !s.isEmpty && s.first!.isNumber && s.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// A label that numbers an item or a point: numeric, each part at most three digits and
    /// none but `0` starting with a zero. A date (`01.09.2024`) is no item number.
    static func isItemNumber(_ s: Substring) -> Bool {
        guard isNumeric(s) else { return false }
        return s.split(separator: ".").allSatisfy { part in part.count <= 3 && (part == "0" || part.first != "0") }
    }

    /// The words a section label starts with: «Этап 1.», «Раздел II:».
    private static let sectionWords: Set<String> = ["этап", "раздел", "блок", "модуль", "направление"]
    private static let stageLabel = try! NSRegularExpression(pattern: #"^\d+\s*-?\s*(?:й|ый|ой|ий)?\s*-?\s*этап"#,
                                                             options: .caseInsensitive)

    /// Splits a leading label off a heading: `I. Title` → (`I`, `Title`); `1-й этап. Title` → (`1-й этап`, `Title`).
    static func split(_ text: String) -> (label: String?, rest: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        // «Этап 1.», «Раздел 2.», «Блок 3»
        let words = t.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        if words.count >= 2, sectionWords.contains(words[0].lowercased()) {
            let number = words[1].trimmingCharacters(in: .init(charactersIn: ".:"))[...]
            if isNumeric(number) || isRoman(number) {
                return ("\(words[0]) \(number)", words.count > 2 ? String(words[2]).trimmingCharacters(in: .whitespaces) : "")
            }
        }
        // «1-й этап.», «7-этап», «2 этап:»
        if t.first?.isNumber == true, t.lowercased().contains("этап"),
           let match = stageLabel.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)),
           let r = Range(match.range, in: t) {
            let rest = t[r.upperBound...].trimmingCharacters(in: .init(charactersIn: ".:–— "))
            return (String(t[r]), rest)
        }
        // «I. », «1.2. », «1) »
        var i = t.startIndex
        while i < t.endIndex, t[i].isNumber || t[i] == "." || "IVXLC".contains(t[i]) { i = t.index(after: i) }
        let head = t[t.startIndex..<i]
        let trimmedHead = head.hasSuffix(".") ? head.dropLast() : head
        guard !trimmedHead.isEmpty, isRoman(trimmedHead) || isNumeric(trimmedHead),
              i == t.endIndex || t[i] == " " || t[i] == ")" || head.hasSuffix(".")
        else { return (nil, t) }
        if isRoman(trimmedHead), !head.hasSuffix("."), i < t.endIndex, t[i] != " " { return (nil, t) }
        var restStart = i
        if restStart < t.endIndex, t[restStart] == ")" { restStart = t.index(after: restStart) }
        let rest = t[restStart...].trimmingCharacters(in: .whitespaces)
        let label = String(trimmedHead).trimmingCharacters(in: .init(charactersIn: "."))
        return (label.isEmpty ? nil : label, rest)
    }
}
