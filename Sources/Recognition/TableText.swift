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
    /// `1.` → `1`, `2.3.` → `2.3`, `IV.` → `IV`; nil when not a number label.
    static func number(_ text: String?) -> String? {
        guard var text else { return nil }
        // Plain text (one scalar per character) is trimmed on its bytes.
        let trimmed: Range<Int>?? = text.withUTF8 { b in
            guard PlainScalars.isPlain(b) else { return nil }
            var lo = 0, hi = b.count
            while lo < hi, let (c, w) = PlainScalars.decode(b, lo), PlainScalars.isWhitespace(c) { lo += w }
            while lo < hi {
                var start = hi - 1
                while b[start] & 0xC0 == 0x80 { start -= 1 }
                let c = PlainScalars.decode(b, start)!.scalar
                guard c == 0x2E || c == 0x29 || PlainScalars.isWhitespace(c) else { break }
                hi = start
            }
            return lo..<hi
        }
        if let trimmed {
            guard let r = trimmed, !r.isEmpty else { return nil }
            return r.count == text.utf8.count ? text : String(decoding: text.utf8.dropFirst(r.lowerBound).prefix(r.count), as: UTF8.self)
        }
        return numberGeneral(text)
    }

    static func numberGeneral(_ text: String) -> String? {
        var s = text[...]
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        while let last = s.last, last == "." || last == ")" || last.isWhitespace { s.removeLast() }
        return s.isEmpty ? nil : String(s)
    }

    /// The result of `test` on the bytes of an all-ASCII text (where each byte is a character), else nil.
    private static func onASCII(_ s: Substring, _ test: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool? {
        s.utf8.withContiguousStorageIfAvailable { b in b.allSatisfy { $0 < 0x80 } ? test(b) : nil } ?? nil
    }

    private static func isRomanByte(_ c: UInt8) -> Bool { c == 0x49 || c == 0x56 || c == 0x58 || c == 0x4C || c == 0x43 }

    static func isRoman(_ s: Substring) -> Bool {
        if let ascii = onASCII(s, { !$0.isEmpty && $0.count <= 6 && $0.allSatisfy(isRomanByte) }) { return ascii }
        // Not all ASCII: some character is not one of I V X L C (none of them has a canonical equivalent).
        if s.utf8.contains(where: { $0 >= 0x80 }) { return false }
        return !s.isEmpty && s.count <= 6 && s.allSatisfy { "IVXLC".contains($0) }
    }

    static func isNumeric(_ s: Substring) -> Bool {
        // Nearly always an ASCII label («1.», «2.3»): a digit first, then digits and dots.
        if let first = s.utf8.first, first < 0x80 {
            var allDigitsOrDots = true
            for c in s.utf8 {
                if c >= 0x80 { allDigitsOrDots = false; break }
                if !((c >= 0x30 && c <= 0x39) || c == 0x2E) { return false }
            }
            if allDigitsOrDots { return first >= 0x30 && first <= 0x39 }
        }
        if let ascii = onASCII(s, { b in
            guard let first = b.first, first >= 0x30 && first <= 0x39 else { return false }
            return b.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }
        }) { return ascii }
        return !s.isEmpty && s.first!.isNumber && s.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// Splits a leading label off a heading: `I. Title` → (`I`, `Title`); `1-й этап. Title` → (`1-й этап`, `Title`).
    static func split(_ text: String) -> (label: String?, rest: String) {
        // Plain text (one scalar per character) is read as scalars; anything else as characters.
        if let scalars = PlainScalars.scalars(of: text) { return split(plain: scalars[...]) }
        return splitGeneral(text)
    }

    private static func string(_ s: ArraySlice<UInt32>) -> String { PlainScalars.string(s) }

    private static func literal(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
    private static let sectionWords = ["этап", "раздел", "блок", "модуль", "направление"].map(literal)
    private static let stage = literal("этап")
    private static let ordinalEndings = ["й", "ый", "ой", "ий"].map(literal)

    private static func isNumber(_ c: UInt32) -> Bool { PlainScalars.isNumber(c) }
    private static func isRomanDigit(_ c: UInt32) -> Bool { c == 0x49 || c == 0x56 || c == 0x58 || c == 0x4C || c == 0x43 }
    private static func isRoman(_ s: ArraySlice<UInt32>) -> Bool {
        !s.isEmpty && s.count <= 6 && s.allSatisfy(isRomanDigit)
    }
    /// `s` in lower case is `lowered`.
    private static func equalsLowercased(_ s: ArraySlice<UInt32>, _ lowered: [UInt32]) -> Bool {
        s.count == lowered.count && zip(s, lowered).allSatisfy { PlainScalars.lowercased($0) == $1 }
    }
    private static func isNumeric(_ s: ArraySlice<UInt32>) -> Bool {
        !s.isEmpty && isNumber(s.first!) && s.allSatisfy { isNumber($0) || $0 == 0x2E }
    }
    private static func trimmed(_ s: ArraySlice<UInt32>, _ set: (UInt32) -> Bool) -> ArraySlice<UInt32> {
        guard let first = s.firstIndex(where: { !set($0) }), let last = s.lastIndex(where: { !set($0) }) else { return [] }
        return s[first...last]
    }
    /// `CharacterSet.whitespaces` among plain scalars.
    private static func isSpace(_ c: UInt32) -> Bool { c == 0x20 || c == 0x09 || c == 0xA0 }

    /// `splitGeneral` on a plain text's scalars.
    private static func split(plain text: ArraySlice<UInt32>) -> (label: String?, rest: String) {
        let t = trimmed(text, isSpace)
        // «Этап 1.», «Раздел 2.», «Блок 3»: the first two words, and the rest after one space.
        var words: [ArraySlice<UInt32>] = []
        var i = t.startIndex
        while i < t.endIndex, words.count < 2 {
            if t[i] == 0x20 { i += 1; continue }
            var end = i
            while end < t.endIndex, t[end] != 0x20 { end += 1 }
            words.append(t[i..<end])
            i = end < t.endIndex ? end + 1 : end
        }
        if words.count == 2, i < t.endIndex { words.append(t[i...]) }
        if words.count >= 2, sectionWords.contains(where: { equalsLowercased(words[0], $0) }) {
            let number = trimmed(words[1]) { $0 == 0x2E || $0 == 0x3A }
            if isNumeric(number) || isRoman(number) {
                return (string(words[0]) + " " + string(number), words.count > 2 ? string(trimmed(words[2], isSpace)) : "")
            }
        }
        // «1-й этап.», «7-этап», «2 этап:»
        if let first = t.first, isNumber(first), let end = stageLabelEnd(t) {
            let rest = trimmed(t[end...]) { [0x2E, 0x3A, 0x2013, 0x2014, 0x20].contains($0) }
            return (string(t[..<end]), string(rest))
        }
        // «I. », «1.2. », «1) »
        i = t.startIndex
        while i < t.endIndex, isNumber(t[i]) || t[i] == 0x2E || isRomanDigit(t[i]) { i += 1 }
        let head = t[t.startIndex..<i]
        let headHasDot = head.last == 0x2E
        let trimmedHead = headHasDot ? head.dropLast() : head
        guard !trimmedHead.isEmpty, isRoman(trimmedHead) || isNumeric(trimmedHead),
              i == t.endIndex || t[i] == 0x20 || t[i] == 0x29 || headHasDot
        else { return (nil, string(t)) }
        if isRoman(trimmedHead), !headHasDot, i < t.endIndex, t[i] != 0x20 { return (nil, string(t)) }
        var restStart = i
        if restStart < t.endIndex, t[restStart] == 0x29 { restStart += 1 }
        let rest = trimmed(t[restStart...], isSpace)
        let label = trimmed(trimmedHead) { $0 == 0x2E }
        return (label.isEmpty ? nil : string(label), string(rest))
    }

    /// Where `^\d+\s*-?\s*(?:й|ый|ой|ий)?\s*-?\s*этап` (case-insensitive) ends on `t`, or nil.
    /// Each part can only match one way, so one greedy pass decides.
    private static func stageLabelEnd(_ t: ArraySlice<UInt32>) -> Int? {
        // ICU's `\s` among plain scalars: tab, line feed, vertical tab, form feed, space, no-break space.
        func isRegexSpace(_ c: UInt32) -> Bool { (c >= 0x09 && c <= 0x0C) || c == 0x20 || c == 0xA0 || c == 0x85 }
        var i = t.startIndex
        func skipSpaces() { while i < t.endIndex, isRegexSpace(t[i]) { i += 1 } }
        func skip(_ word: [UInt32]) -> Bool {
            guard t.endIndex - i >= word.count, equalsLowercased(t[i..<(i + word.count)], word) else { return false }
            i += word.count
            return true
        }
        let digitsStart = i
        while i < t.endIndex, t[i] >= 0x30 && t[i] <= 0x39 { i += 1 }
        guard i > digitsStart else { return nil }
        skipSpaces()
        if i < t.endIndex, t[i] == 0x2D { i += 1 }
        skipSpaces()
        _ = ordinalEndings.contains(where: skip)
        skipSpaces()
        if i < t.endIndex, t[i] == 0x2D { i += 1 }
        skipSpaces()
        return skip(stage) ? i : nil
    }

    /// `split` for any text, Character by Character.
    static func splitGeneral(_ text: String) -> (label: String?, rest: String) {
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
