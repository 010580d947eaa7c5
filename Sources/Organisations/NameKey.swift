/// What an organisation's name is compared by: its words folded, tails cut, case endings cut and
/// expansions replaced by their abbreviations. «муниципального бюджетного общеобразовательного
/// учреждения «Средней общеобразовательной школы № 5» на 2024–2025 учебный год» and «МБОУ СОШ №5»
/// both read `мбоу сош 5`.
public struct NameKey: Hashable, Sendable, CustomStringConvertible {
    /// Every token, in order.
    public let tokens: [String]
    /// The tokens without legal forms and generic words («мбоу», «учреждение»): `сош 5`.
    public let core: [String]
    /// The core with each kind of school read as its family («сош», «школ» → «сош»).
    public let family: [String]

    public var description: String { tokens.joined(separator: " ") }
    public var isEmpty: Bool { core.isEmpty }
    /// The numbers of the name («5» of «СОШ № 5»).
    public var numbers: Set<String> { Set(core.filter { $0.first!.isNumber }) }
}

extension NameLexicon {
    /// The key of a name (a roster line, a document's organisation or a title's tail).
    public func key(_ name: String) -> NameKey {
        let words = NameText.words(name)
        let kept = words.prefix(tailStart(words))
        let tokens = canonicalTokens(kept.map(\.text))
        let core = tokens.filter { !legalForms.contains($0) && !ignored.contains($0) }
        return NameKey(tokens: tokens, core: core, family: core.map { family[$0] ?? $0 })
    }

    /// The name as written without the tail that is not part of it, quotes balanced:
    /// «МБОУ «СОШ № 5» на 2024-2025 учебный год» → «МБОУ «СОШ № 5»».
    public func cleaned(_ name: String) -> String {
        let words = NameText.words(name)
        let end = tailStart(words)
        guard end > 0 else { return name.trimmingCharacters(in: .whitespacesAndNewlines) }
        let first = words[0].range.lowerBound
        var upper = words[end - 1].range.upperBound
        // Closing quotes and a dot of an abbreviation right after the last word belong to it.
        while upper < name.endIndex, "»\"”“'.".contains(name[upper]) { upper = name.index(after: upper) }
        var text = String(name[first..<upper])
        // An opening quote before the first word, and quotes left open.
        if first > name.startIndex, "«\"„“".contains(name[name.index(before: first)]) {
            text = String(name[name.index(before: first)]) + text
        }
        let opened = text.filter { $0 == "«" }.count - text.filter { $0 == "»" }.count
        if opened > 0 { text += String(repeating: "»", count: opened) }
        if text.filter({ $0 == "\"" }).count % 2 == 1 { text += "\"" }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Where the tail of a name starts: a year («2024», «на 2024–2025 учебный год», «в 2023 году»),
    /// a preposition followed by a period («за IV квартал»), a quarter («III квартал»). The first word
    /// always stays; an initial («О.» of «им. О. К. Оолака») is never a tail word.
    func tailStart(_ nameWords: [NameText.Word]) -> Int {
        let words = nameWords.map(\.text)
        func isYear(_ w: String) -> Bool {
            w.count == 4 && w.allSatisfy(\.isNumber) && (1990...2100).contains(Int(w) ?? 0)
        }
        func isPeriodWord(_ w: String) -> Bool {
            periodWords.contains(w) || w.hasPrefix("квартал") || w.hasPrefix("полугод") || w.hasPrefix("четверт")
        }
        var i = 1
        while i < words.count {
            let w = words[i]
            if isYear(w) {
                return tailPrepositions.contains(words[i - 1]) && i > 1 ? i - 1 : i
            }
            if i >= 2, tailWords.contains(w), !nameWords[i].isInitial { return i }
            if tailPrepositions.contains(w), !nameWords[i].isInitial {
                let next = words[(i + 1)..<min(words.count, i + 2)]
                if let first = next.first, isYear(first) || isPeriodWord(first) { return i }
            }
            if w.hasPrefix("квартал") || w.hasPrefix("полугод") {
                let before = words[i - 1]
                return i > 1 && (["i", "ii", "iii", "iv", "1", "2", "3", "4"].contains(before) || periodWords.contains(before)) ? i - 1 : i
            }
            i += 1
        }
        return words.count
    }

    /// Stems, then every phrase of the lexicon replaced by its abbreviation (longest first, left to right).
    func canonicalTokens(_ words: [String]) -> [String] {
        let stems = words.map { NameLexicon.stem($0, protected: protected) }
        var out: [String] = []
        var i = 0
        while i < stems.count {
            if let p = phrase(at: i, in: stems) {
                out.append(p.canonical)
                i += p.words.count
            } else {
                out.append(stems[i])
                i += 1
            }
        }
        return out
    }

    /// Where an organisation's name starts in a title («Дорожная карта муниципального бюджетного
    /// общеобразовательного учреждения «Средняя школа № 5» на 2024 год» → from «муниципального…»), and
    /// the name there without its tail; `nil` when the title names no legal form or kind of school, or
    /// only the word «школа» with nothing that tells one school from another («Дорожная карта школы»).
    public func find(in title: String?) -> String? {
        guard let found = findAny(in: title) else { return nil }
        let key = key(found)
        guard !key.numbers.isEmpty || key.core.contains(where: { !generic.contains($0) }) else { return nil }
        return found
    }

    private func findAny(in title: String?) -> String? {
        guard let title else { return nil }
        let words = NameText.words(title)
        let stems = words.map { NameLexicon.stem($0.text, protected: protected) }
        for i in stems.indices {
            if let p = phrase(at: i, in: stems), legalForms.contains(p.canonical) || kinds.contains(p.canonical) {
                var start = words[i].range.lowerBound
                if start > title.startIndex, "«\"„“".contains(title[title.index(before: start)]) {
                    start = title.index(before: start)
                }
                let name = cleaned(String(title[start...]))
                return name.isEmpty ? nil : name
            }
            if kinds.contains(stems[i]) || family[stems[i]] != nil {
                let name = cleaned(String(title[words[i].range.lowerBound...]))
                return name.isEmpty ? nil : name
            }
        }
        return nil
    }
}
