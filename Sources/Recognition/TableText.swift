import Model
import OOXML

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

    init(_ row: TableRow) {
        isHeader = row.isHeader
        cells = row.cells.map { c in
            let bold = c.blocks.contains { if case let .paragraph(p) = $0 { return p.isBold } else { return false } }
            return CellView(column: c.column, span: c.columnSpan, text: c.normalizedText,
                            isContinuation: c.isMergeContinuation, isBold: bold)
        }
    }

    var isEmpty: Bool { cells.allSatisfy { $0.text == nil } }

    var nonEmpty: [CellView] { cells.filter { $0.text != nil } }

    /// Texts of the cells overlapping grid columns `range`, distinct cells joined by newlines.
    func text(in range: Range<Int>, includeContinuations: Bool = true) -> String? {
        let parts = cells.filter {
            $0.column < range.upperBound && $0.column + $0.span > range.lowerBound
                && (includeContinuations || !$0.isContinuation)
        }.compactMap(\.text)
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
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
    /// `1.` → `1`, `2.3.` → `2.3`, `IV.` → `IV`; nil when not a number label.
    static func number(_ text: String?) -> String? {
        guard var s = text?[...] else { return nil }
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        while let last = s.last, last == "." || last == ")" || last.isWhitespace { s.removeLast() }
        return s.isEmpty ? nil : String(s)
    }

    static func isRoman(_ s: Substring) -> Bool {
        !s.isEmpty && s.count <= 6 && s.allSatisfy { "IVXLC".contains($0) }
    }

    static func isNumeric(_ s: Substring) -> Bool {
        !s.isEmpty && s.first!.isNumber && s.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// Splits a leading label off a heading: `I. Title` → (`I`, `Title`); `1-й этап. Title` → (`1-й этап`, `Title`).
    static func split(_ text: String) -> (label: String?, rest: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        // «Этап 1.», «Раздел 2.», «Блок 3»
        let words = t.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        if words.count >= 2, ["этап", "раздел", "блок", "модуль", "направление"].contains(words[0].lowercased()),
           isNumeric(words[1].trimmingCharacters(in: .init(charactersIn: ".:"))[...]) || isRoman(words[1].trimmingCharacters(in: .init(charactersIn: ".:"))[...]) {
            let label = "\(words[0]) \(words[1].trimmingCharacters(in: .init(charactersIn: ".:")))"
            return (label, words.count > 2 ? String(words[2]).trimmingCharacters(in: .whitespaces) : "")
        }
        // «1-й этап.», «7-этап», «2 этап:»
        if t.first?.isNumber == true, t.lowercased().containsBytes("этап"),
           let r = t.range(of: #"^\d+\s*-?\s*(?:й|ый|ой|ий)?\s*-?\s*этап"#, options: [.regularExpression, .caseInsensitive]) {
            let label = String(t[r])
            let rest = t[r.upperBound...].trimmingCharacters(in: .init(charactersIn: ".:–— "))
            return (label, rest)
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
