/// Small facts about single words that every rule of the stage asks.
enum Words {
    /// Lower case with `ё` read as `е`: the form lexicon lookups compare.
    static func fold(_ word: String) -> String {
        String(word.lowercased().map { $0 == "ё" ? "е" : $0 })
    }

    /// The word without the punctuation around it (brackets, quotes, commas, a final dot).
    static func bare(_ word: String) -> String {
        var s = Substring(word)
        while let c = s.first, !c.isLetter, !c.isNumber { s = s.dropFirst() }
        while let c = s.last, !c.isLetter, !c.isNumber { s = s.dropLast() }
        return String(s)
    }

    static func isCyrillicLetter(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x0410...0x044F).contains(v) || v == 0x0401 || v == 0x0451
    }

    /// Starts with an upper-case letter.
    static func isCapitalized(_ word: String) -> Bool {
        guard let c = bare(word).first else { return false }
        return c.isUppercase
    }

    /// Starts with a lower-case letter, a digit or `№`: a word that continues a phrase.
    static func startsLowercase(_ word: String) -> Bool {
        guard let c = word.first(where: { !"«\"“„(".contains($0) }) else { return false }
        return c.isLowercase || c.isNumber || c == "№"
    }

    /// An abbreviation written in capitals: `УО`, `РЦО`, `ШМО`, `МБОУ`, `ППк` (two capitals at least,
    /// more capitals than small letters).
    static func isAbbreviation(_ word: String) -> Bool {
        let core = bare(word)
        let letters = core.filter(\.isLetter)
        let upper = letters.filter(\.isUppercase).count
        guard upper >= 2, core.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return false }
        return upper > letters.count - upper
    }
}
