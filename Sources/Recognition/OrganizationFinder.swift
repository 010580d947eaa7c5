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
        let letterRuns = Word.runs(in: text)
        let type = typeStart(letterRuns)
        // A written-out form or a numbered name counts only before the first type: only those words are folded.
        let before = letterRuns.prefix { type == nil || $0.startIndex < type! }.map(Word.init)
        let starts = [type, writtenOutStart(before, in: text), numberedNameStart(before, in: text)].compactMap { $0 }
        guard let start = starts.min() else { return nil }
        let name = cut(text[start...])
        return name.isEmpty ? nil : name
    }

    /// A run of letters in a text, as written and folded (`RussianFold`), and where it stands.
    struct Word {
        let text: Substring
        let folded: String

        init(_ text: Substring) {
            self.text = text
            folded = RussianFold.fold(String(text))
        }

        /// The runs of letters of a text.
        static func runs(in text: String) -> [Substring] {
            var runs: [Substring] = []
            var i = text.startIndex
            while i < text.endIndex {
                guard text[i].isLetter else { i = text.index(after: i); continue }
                var j = i
                while j < text.endIndex, text[j].isLetter { j = text.index(after: j) }
                runs.append(text[i..<j])
                i = j
            }
            return runs
        }

        /// The word is `stem` with an ending of up to three letters.
        func hasStem(_ stem: String) -> Bool {
            folded.utf8.starts(with: stem.utf8) && folded.unicodeScalars.count - stem.unicodeScalars.count <= 3
        }
    }

    /// Where the earliest organisation type (`МБОУ`, `МБУ ДО`, `Управление образования`) stands as
    /// words of its own; at one place the longest type.
    static func typeStart(_ words: [Substring]) -> String.Index? {
        for k in words.indices {
            for type in Lexicon.current.organizationTypesByFirstWord[String(words[k])] ?? [] where k + type.count <= words.count {
                if zip(words[k..<(k + type.count)], type).allSatisfy({ $0 == $1 }) { return words[k].startIndex }
            }
        }
        return nil
    }

    /// Where a form written out in words starts: one or more form words in a row
    /// («муниципальное бюджетное общеобразовательное») followed by a head noun («учреждение»)
    /// and a name in quotes or capitalised («учреждение «Лицей № 4»», «учреждение Гимназия»),
    /// not a generic phrase («в муниципальных учреждениях города»).
    static func writtenOutStart(_ words: [Word], in text: String) -> String.Index? {
        let lexicon = Lexicon.current
        var runStart: Int?
        for (k, word) in words.enumerated() {
            if lexicon.organizationFormStems.contains(where: word.hasStem) {
                if runStart == nil { runStart = k }
            } else if let s = runStart, lexicon.organizationHeadStems.contains(where: word.hasStem) {
                let next = text[word.text.endIndex...].drop { $0 == " " }.first
                if let next, next == "«" || next == "\"" || next.isUppercase { return words[s].text.startIndex }
                runStart = nil
            } else {
                runStart = nil
            }
        }
        return nil
    }

    /// Where an institution named by its number starts: capitalised institution words with «№»
    /// within the next three words («в Гимназии № 5 г. Саратова», «Детский сад № 17 «Солнышко»»).
    static func numberedNameStart(_ words: [Word], in text: String) -> String.Index? {
        guard text.contains("№" as Character) else { return nil }
        for k in words.indices where words[k].text.first!.isUppercase {
            for name in Lexicon.current.organizationNameStems where k + name.count <= words.count {
                guard zip(words[k..<(k + name.count)], name).allSatisfy({ $0.hasStem($1) }) else { continue }
                let after = text[words[k + name.count - 1].text.endIndex...].split(separator: " ").prefix(3)
                if after.contains(where: { $0.contains("№" as Character) }) { return words[k].text.startIndex }
            }
        }
        return nil
    }

    /// The phrases a name ends before (when not in quotes, and past its first characters).
    private static let stops = [",", ";", "(", ")", ":", "_", " на 20", " на 19", " в 20", " с 20", " за 20", " до 20",
                                " в период", " на период", " на 2", " в 2", " по реализации", " по внедрению", " по ",
                                " о ", " об ", " от ", " за "]

    private static let stopLength = stops.map(\.count).max() ?? 0

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
            if quoteDepth == 0, characters > 3, startsStop(text[i...]) {
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
                if startsStop(text[j...]) { end = j; break }
                j = text.index(after: j)
            }
        }
        var name = text[..<end].trimmed()
        // «… им. О. К. Оолака.» loses only a final sentence dot, not an initial's.
        while name.hasSuffix(".") && !name.hasSuffix(" .") {
            let beforeDot = name.dropLast()
            if let lastWord = beforeDot.split(separator: " ").last, lastWord.count <= 2 { break }
            name = String(beforeDot)
        }
        return name.trimmed()
    }

    /// Every stop starts with a space or a punctuation mark: other characters are passed over at once.
    private static func startsStop(_ s: Substring) -> Bool {
        guard let first = s.first, first == " " || first.isPunctuation || first == "_" else { return false }
        // Titles in capitals: « НА 2025 ГОД» stops as « на 2025 год» does.
        let head = s.prefix(stopLength).lowercased()
        return stops.contains { head.utf8.starts(with: $0.utf8) } || startsYear(s)
    }

    /// ` 2024–2025 учебный год`: a space and a year.
    private static func startsYear(_ s: Substring) -> Bool {
        guard s.first == " " else { return false }
        let digits = s.dropFirst().prefix { $0.isNumber }
        let next = s.dropFirst(1 + digits.count).first
        return digits.count == 4 && (digits.hasPrefix("20") || digits.hasPrefix("19")) && !(next?.isLetter ?? false)
    }
}
