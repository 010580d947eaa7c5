import Text

/// How an organisation learned from its files is named in documents: the name as written, tail cut,
/// in the nominative («МБОУ Ээрбекской СОШ им. О. К. Оолака (2023-2025гг.)» → «МБОУ Ээрбекская СОШ
/// им. О. К. Оолака»), and its short form for charts and narrow columns («Муниципальное бюджетное
/// общеобразовательное учреждение «Средняя общеобразовательная школа № 5»» → «МБОУ «СОШ № 5»»).
extension NameLexicon {
    /// The name for documents: `cleaned`, put in the nominative, its first letter a capital
    /// («гимназии имени А. С. Пушкина» of a title → «Гимназия имени А. С. Пушкина»).
    public func displayName(_ name: String) -> String {
        let text = nominative(cleaned(name))
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// `name` with its head nouns («школы» → «школа», from `headNouns`) and the adjectives right before a
    /// head («Ээрбекской СОШ» → «Ээрбекская СОШ», «муниципального бюджетного … учреждения» → «муниципальное
    /// бюджетное … учреждение») in the nominative. Words from the first number or «им.»/«имени» on stay as
    /// written («им. О. К. Оолака», «№ 5 г. Пролетарска»), as do words that are not before a head
    /// («Центра детского творчества» → «Центр детского творчества»). A nominative name is left as it is.
    public func nominative(_ name: String) -> String {
        let words = NameText.words(name)
        let end = words.firstIndex { $0.text.first!.isNumber || $0.text == "им" || $0.text == "имени" } ?? words.count
        var replacements: [(Range<String.Index>, String)] = []
        var i = 0
        while i < end {
            let word = words[i]
            let gender: Gender
            if let head = headNouns[NameLexicon.stem(word.text, protected: protected)], !protected.contains(word.text) {
                gender = head.gender
                let original = String(name[word.range])
                if RussianFold.fold(original) != RussianFold.fold(head.nominative) {
                    replacements.append((word.range, NameLexicon.cased(head.nominative, like: original)))
                }
            } else if let g = headAbbreviations[word.text] {
                gender = g
            } else {
                i += 1
                continue
            }
            // The adjectives right before the head agree with it (a head before it ends them: «Лицей»).
            var j = i - 1
            while j >= 0, !isHead(words[j].text), let ending = NameLexicon.adjectiveEnding(words[j].text, protected: protected) {
                let original = String(name[words[j].range])
                let stem = words[j].text.dropLast(ending.count)
                if let nominative = NameLexicon.nominativeEnding(ending, after: stem.last, gender,
                                                                 stressed: stressedAdjectiveStems.contains(String(stem))) {
                    let stem = original.dropLast(ending.count)
                    let upper = original == original.uppercased() && original.count > 1
                    replacements.append((words[j].range, String(stem) + (upper ? nominative.uppercased() : nominative)))
                }
                j -= 1
            }
            i += 1
        }
        guard !replacements.isEmpty else { return name }
        var out = name
        for (range, text) in replacements.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            out.replaceSubrange(range, with: text)
        }
        return out
    }

    /// A head noun in any case, or an indeclinable head.
    func isHead(_ word: String) -> Bool {
        headAbbreviations[word] != nil || (headNouns[NameLexicon.stem(word, protected: protected)] != nil && !protected.contains(word))
    }

    /// The adjective ending a folded word carries (the longest), `nil` when it is not an adjective of four
    /// letters or more (or an abbreviation).
    static func adjectiveEnding(_ word: String, protected: Set<String>) -> String? {
        guard word.count >= 4, !protected.contains(word), word.allSatisfy(\.isLetter) else { return nil }
        return adjectiveEndings.first { word.hasSuffix($0) }
    }

    /// Adjective endings, longest first: nominative ones (left as they are) and the oblique cases of the singular.
    static let adjectiveEndings = ["ого", "его", "ому", "ему", "ая", "яя", "ое", "ее", "ый", "ий", "ой", "ей", "ую", "юю",
                                   "ою", "ею", "ым", "им", "ом", "ем"]

    /// The nominative ending for an oblique `ending` of an adjective agreeing with a head of `gender`;
    /// `nil` when the ending is already the nominative («-ой» of a masculine head: «Городской лицей»).
    /// `last` is the letter before the ending: after к, г, х, ж, ш, ч, щ the masculine is «-ий». The
    /// masculine of a `stressed` adjective (the lexicon's `stressedAdjectives`) is «-ой»: «Городского» →
    /// «Городской», where the spelling alone would give «Городский».
    static func nominativeEnding(_ ending: String, after last: Character?, _ gender: Gender,
                                 stressed: Bool = false) -> String? {
        let hushing = last.map { "кгхжшчщ".contains($0) } ?? false
        let soft = ["его", "ему", "им", "ем", "ей", "юю", "ею"].contains(ending)
        switch gender {
        case .feminine:
            guard ["ой", "ей", "ую", "юю", "ою", "ею"].contains(ending) else { return nil }
            return soft && !"жшчщ".contains(last ?? " ") ? "яя" : "ая"
        case .masculine:
            guard ["ого", "его", "ому", "ему", "ым", "им", "ом", "ем"].contains(ending) else { return nil }
            return stressed && !soft ? "ой" : soft || hushing ? "ий" : "ый"
        case .neuter:
            guard ["ого", "его", "ому", "ему", "ым", "им", "ом", "ем"].contains(ending) else { return nil }
            return soft && !"жшчщ".contains(last ?? " ") ? "ее" : "ое"
        }
    }

    /// `word` written in the case pattern of `original`: all capitals, a capital first letter, or small.
    static func cased(_ word: String, like original: String) -> String {
        if original.count > 1, original == original.uppercased() { return word.uppercased() }
        if let first = original.first, first.isUppercase { return word.prefix(1).uppercased() + word.dropFirst() }
        return word
    }

    /// `name` with every phrase of two words or more that stands for an abbreviation replaced by it:
    /// «Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»» →
    /// «МБОУ «СОШ № 5»». Tail cut as in `cleaned`.
    public func abbreviated(_ name: String) -> String {
        let text = cleaned(name)
        let words = NameText.words(text)
        let stems = words.map { NameLexicon.stem($0.text, protected: protected) }
        var replacements: [(Range<String.Index>, String)] = []
        var i = 0
        while i < stems.count {
            if let p = phrase(at: i, in: stems), p.words.count >= 2 {
                replacements.append((words[i].range.lowerBound..<words[i + p.words.count - 1].range.upperBound, p.abbreviation))
                i += p.words.count
            } else {
                i += 1
            }
        }
        var out = text
        for (range, abbreviation) in replacements.reversed() { out.replaceSubrange(range, with: abbreviation) }
        return out
    }

    /// A label of at most about `limit` characters for a chart: `abbreviated`, and when that is longer, without
    /// its «имени …» part if what stays has a number to tell the school by («МБОУ «СОШ УИОП № 1 имени Героя
    /// Советского Союза И. И. Иванова»» → «МБОУ «СОШ УИОП № 1»»). Longer labels are left to the caller.
    public func label(_ name: String, limit: Int = 40) -> String {
        let text = abbreviated(name)
        guard text.count > limit else { return text }
        let words = NameText.words(text)
        guard let at = words.indices.first(where: { $0 > 0 && (words[$0].text == "им" || words[$0].text == "имени") }),
              words[..<at].contains(where: { $0.text.first!.isNumber }) else { return text }
        var cut = String(text[..<words[at - 1].range.upperBound])
        let open = cut.filter { $0 == "«" }.count - cut.filter { $0 == "»" }.count
        if open > 0 { cut += String(repeating: "»", count: open) }
        if cut.filter({ $0 == "\"" }).count % 2 == 1 { cut += "\"" }
        return cut
    }
}
