import Model
import Text

/// Finds the span a document plans for in its title or text (`export-format.md` "Period"):
/// `(2023-2025гг.)`, `на 2022 – 2024 годы`, `с 2022 г. по 2024 г.` → calendar years;
/// `в 2021-2022 учебном году`, `2021/2022 уч. год` → an academic year; `на 2024 год` → one year, as is
/// `за III квартал 2024 года` (a report on part of a year).
public enum PeriodFinder {
    /// A year written in the text: its value and where its digits stand.
    private struct YearToken {
        let value: Int
        let start: Int
        let end: Int
    }

    /// What may stand between the two years of a range, spaces removed.
    private static let dashes: Set<String> = ["-", "–", "—", "/", "-—"]
    /// … of a range written `с 2022 г. по 2024 г.`.
    private static let untilWords: Set<String> = ["по", "гпо", "г.по", "годпо", "годапо"]

    public static func find(in text: String?) -> Period? {
        guard let text else { return nil }
        // Read by scalars: digits, dashes and the words around a year are one scalar a character.
        let chars = Array(text.lowercased().unicodeScalars)
        let years = yearTokens(in: chars)
        func string(_ part: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(part)) }
        func between(_ a: YearToken, _ b: YearToken) -> String { string(chars[a.end..<b.start]).filter { !$0.isWhitespace } }
        func after(_ t: YearToken) -> String { string(chars[t.end..<min(chars.count, t.end + 16)]).trimmed() }
        func before(_ t: YearToken, _ n: Int) -> String { string(chars[max(0, t.start - n)..<t.start]).trimmed() }
        for (k, a) in years.enumerated() {
            if k + 1 < years.count {
                let b = years[k + 1]
                let gap = between(a, b)
                let isRange = dashes.contains(gap) || (untilWords.contains(gap) && before(a, 6).contains("с" as Character))
                if isRange && b.value > a.value && b.value - a.value <= 10 {
                    let tail = after(b)
                    if b.value == a.value + 1 && (tail.hasPrefix("уч") || tail.hasPrefix("г.уч")) {
                        return Period.academicYear(a.value)
                    }
                    return Period.calendarYears(a.value, b.value)
                }
            }
            // «на 2023 год», «в 2024 году», «за 2023 г.», «(2024 год)»
            let lead = before(a, 4)
            let tail = after(a)
            if ["на", "в", "за", "("].contains(where: { lead.hasSuffix($0) })
                && ["год", "г.", "г "].contains(where: { tail.hasPrefix($0) }) {
                return Period.calendarYears(a.value, a.value)
            }
            // «за III квартал 2024 года», «за 1 полугодие 2025 г.»: a report on part of a year is of that year.
            let part = before(a, 12)
            if ["квартал", "полугоди", "кв.", "четверт"].contains(where: { part.contains($0) })
                && (tail.isEmpty || ["год", "г.", "г ", "г"].contains(where: { tail.hasPrefix($0) })) {
                return Period.calendarYears(a.value, a.value)
            }
        }
        return nil
    }

    /// The four-digit numbers from 1990 to 2100 that are not part of a date or a longer number, and the
    /// two-digit year right after one and a dash or slash («2024/25»).
    private static func yearTokens(in chars: [Unicode.Scalar]) -> [YearToken] {
        func isNumber(_ c: Unicode.Scalar) -> Bool { c.properties.numericType != nil }
        var years: [YearToken] = []
        var i = 0
        while i < chars.count {
            guard isNumber(chars[i]) else { i += 1; continue }
            var j = i
            while j < chars.count, isNumber(chars[j]) { j += 1 }
            let isDatePart = i > 0 && (chars[i - 1] == "." || isNumber(chars[i - 1]))
            let value = Int(String(String.UnicodeScalarView(chars[i..<j])))
            if j - i == 4, !isDatePart, let v = value, (1990...2100).contains(v) {
                years.append(YearToken(value: v, start: i, end: j))
            } else if j - i == 2, let v = value, let last = years.last, i - last.end == 1, "-–—/".unicodeScalars.contains(chars[i - 1]),
                      v == (last.value + 1) % 100, j == chars.count || !isNumber(chars[j]) {
                // «2024/25», «2024-25»: the second year by its last two digits.
                years.append(YearToken(value: last.value + 1, start: i, end: j))
            }
            i = j
        }
        return years
    }
}
