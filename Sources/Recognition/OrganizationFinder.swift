import Model
import Text

/// Finds the organisation a text names, as written: an organisation type (`МБОУ`,
/// `МБУ ДО`, `Управление образования`, from `documents.json`) or its form written out in
/// words («муниципального бюджетного общеобразовательного учреждения»), and the name after
/// it up to where the phrase turns to something else (a period, a comma, a bracket, a
/// date, a signature line).
public enum OrganizationFinder {
    public static func find(in text: String?) -> String? {
        guard let text = TextNormalizer.singleLine(text) else { return nil }
        let starts = [typeStart(in: text), writtenOutStart(in: text), numberedNameStart(in: text)].compactMap { $0 }
        guard let start = starts.min() else { return nil }
        let name = cut(text[start...])
        return name.isEmpty ? nil : name
    }

    /// Where the earliest organisation type stands as words of its own.
    static func typeStart(in text: String) -> String.Index? {
        var best: String.Index?
        for type in Lexicon.shared.organizationTypes {
            var from = text.startIndex
            while let r = text.range(of: type, range: from..<text.endIndex) {
                let beforeOK = r.lowerBound == text.startIndex || !text[text.index(before: r.lowerBound)].isLetter
                let afterOK = r.upperBound == text.endIndex || !text[r.upperBound].isLetter
                if beforeOK && afterOK {
                    if best == nil || r.lowerBound < best! { best = r.lowerBound }
                    break
                }
                from = r.upperBound
            }
        }
        return best
    }

    /// Where a form written out in words starts: one or more form words in a row
    /// («муниципальное бюджетное общеобразовательное») followed by a head noun («учреждение»).
    static func writtenOutStart(in text: String) -> String.Index? {
        let lexicon = Lexicon.shared
        func isStem(_ word: Substring, _ stems: [String]) -> Bool {
            let folded = RussianFold.fold(String(word))
            return stems.contains { folded.hasPrefix($0) && folded.count - $0.count <= 3 }
        }
        var ranges: [Range<String.Index>] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard text[i].isLetter else { i = text.index(after: i); continue }
            var j = i
            while j < text.endIndex, text[j].isLetter { j = text.index(after: j) }
            ranges.append(i..<j)
            i = j
        }
        var runStart: Int?
        for (k, r) in ranges.enumerated() {
            let word = text[r]
            if isStem(word, lexicon.organizationFormStems) {
                if runStart == nil { runStart = k }
            } else if let s = runStart, isStem(word, lexicon.organizationHeadStems) {
                // A name follows: in quotes or capitalised («учреждение «Лицей № 4»», «учреждение Гимназия»),
                // not a generic phrase («в муниципальных учреждениях города»).
                let next = text[r.upperBound...].drop { $0 == " " }.first
                if let next, next == "«" || next == "\"" || next.isUppercase { return ranges[s].lowerBound }
                runStart = nil
            } else {
                runStart = nil
            }
        }
        return nil
    }

    /// Where an institution named by its number starts: a capitalised institution noun with «№»
    /// within its next three words («в Гимназии № 5 г. Саратова», «Детский сад № 17 «Солнышко»»).
    static func numberedNameStart(in text: String) -> String.Index? {
        guard text.contains("№") else { return nil }
        let folded = RussianFold.fold(text)
        guard folded.count == text.count else { return nil }
        for name in Lexicon.shared.organizationNames {
            var from = folded.startIndex
            while let r = folded.range(of: name, range: from..<folded.endIndex) {
                from = r.upperBound
                let offset = folded.distance(from: folded.startIndex, to: r.lowerBound)
                let start = text.index(text.startIndex, offsetBy: offset)
                guard text[start].isUppercase, start == text.startIndex || !text[text.index(before: start)].isLetter else { continue }
                let next = text[start...].split(separator: " ").dropFirst().prefix(3)
                if next.contains(where: { $0.hasPrefix("№") }) { return start }
            }
        }
        return nil
    }

    /// The phrases a name ends before (when not in quotes, and past its first characters).
    private static let stops = [",", ";", "(", ")", ":", "_", " на 20", " на 19", " в 20", " с 20", " за 20", " до 20",
                                " в период", " на период", " на 2", " в 2", " по реализации", " по внедрению", " по ",
                                " о ", " об ", " от "]

    /// The name from its start up to the first stop outside quotes past its first four
    /// characters, without spaces around it and without a final sentence dot.
    private static func cut(_ text: Substring) -> String {
        var quoteDepth = 0
        var end = text.endIndex
        var characters = 0
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == "«" || c == "\"" && quoteDepth == 0 { quoteDepth += 1 } else if c == "»" || c == "\"" { quoteDepth = max(0, quoteDepth - 1) }
            if quoteDepth == 0, characters > 3, stops.contains(where: { text[i...].hasPrefix($0) }) || startsYear(text[i...]) {
                end = i
                break
            }
            characters += 1
            i = text.index(after: i)
        }
        // Nested quotes typed with one closing mark («Детский сад № 17 «Солнышко»): past the last one, stops count again.
        if quoteDepth > 0, let lastClose = text.lastIndex(of: "»") {
            var j = text.index(after: lastClose)
            while j < text.endIndex {
                if stops.contains(where: { text[j...].hasPrefix($0) }) || startsYear(text[j...]) { end = j; break }
                j = text.index(after: j)
            }
        }
        var name = text[..<end].trimmingCharacters(in: .whitespaces)
        // «… им. О. К. Оолака.» loses only a final sentence dot, not an initial's.
        while name.hasSuffix(".") && !name.hasSuffix(" .") {
            let beforeDot = name.dropLast()
            if let lastWord = beforeDot.split(separator: " ").last, lastWord.count <= 2 { break }
            name = String(beforeDot)
        }
        return name.trimmingCharacters(in: .whitespaces)
    }

    /// ` 2024–2025 учебный год`: a space and a year (not a number after «№»).
    private static func startsYear(_ s: Substring) -> Bool {
        guard s.first == " " else { return false }
        let digits = s.dropFirst().prefix { $0.isNumber }
        let next = s.dropFirst(1 + digits.count).first
        return digits.count == 4 && (digits.hasPrefix("20") || digits.hasPrefix("19")) && !(next?.isLetter ?? false)
    }
}
