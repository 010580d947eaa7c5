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
            if let p = c.onlyParagraph {
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
        guard let firstWord = firstNonEmpty?.text?.split(separator: " ", maxSplits: 1).first,
              let n = Label.number(String(firstWord)) else { return false }
        return Label.isNumeric(n[...]) || Label.isRoman(n[...])
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
        var s = text.unicodeScalars[...]
        while let first = s.first, isWhiteSpace(first) { s.removeFirst() }
        while let last = s.last, last == "." || last == ")" || isWhiteSpace(last) { s.removeLast() }
        if s.isEmpty { return nil }
        return s.count == text.unicodeScalars.count ? text : String(s)
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

    /// Where a stage label ends: digits, perhaps a hyphen and an ordinal ending, then «этап», in
    /// any case and with any spaces between («1-й этап», «2 - ый - ЭТАП», «7-этап»); nil if none.
    static func stageLabelEnd(_ t: String) -> String.Index? {
        guard t.first?.isNumber == true else { return nil }
        var i = t.drop(while: \.isNumber).startIndex
        func skip(_ isPart: (Character) -> Bool) { while i < t.endIndex, isPart(t[i]) { i = t.index(after: i) } }
        func skip(word: String) -> Bool {
            guard t[i...].prefix(word.count).lowercased() == word else { return false }
            i = t.index(i, offsetBy: word.count)
            return true
        }
        skip(\.isWhitespace)
        if i < t.endIndex, t[i] == "-" { i = t.index(after: i) }
        skip(\.isWhitespace)
        _ = ["ый", "ой", "ий", "й"].contains { skip(word: $0) }
        skip(\.isWhitespace)
        if i < t.endIndex, t[i] == "-" { i = t.index(after: i) }
        skip(\.isWhitespace)
        return skip(word: "этап") ? i : nil
    }

    /// Splits a leading label off a heading: `I. Title` → (`I`, `Title`); `1-й этап. Title` → (`1-й этап`, `Title`).
    static func split(_ text: String) -> (label: String?, rest: String) {
        let t = text.trimmed()
        // «Этап 1.», «Раздел 2.», «Блок 3»
        let words = t.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        if words.count >= 2, sectionWords.contains(words[0].lowercased()) {
            let number = words[1].trimmed { $0 == "." || $0 == ":" }[...]
            if isNumeric(number) || isRoman(number) {
                return ("\(words[0]) \(number)", words.count > 2 ? words[2].trimmed() : "")
            }
        }
        // «1-й этап.», «7-этап», «2 этап:»
        if let end = stageLabelEnd(t) {
            let rest = t[end...].trimmed { ".:–— ".contains($0) }
            return (String(t[..<end]), rest)
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
        let rest = t[restStart...].trimmed()
        let label = trimmedHead.trimmed { $0 == "." }
        return (label.isEmpty ? nil : label, rest)
    }
}
