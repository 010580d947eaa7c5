import Model
import Text

/// Small facts about single words that every rule of the stage asks.
enum Words {
    /// Lower case with `ё` read as `е`: the form lexicon lookups compare (`RussianFold`).
    static func fold(_ word: String) -> String { RussianFold.fold(word) }

    /// The word without the punctuation around it (brackets, quotes, commas, a final dot).
    static func bare(_ word: String) -> String {
        var s = Substring(word)
        while let c = s.first, !isLetterOrNumber(c) { s = s.dropFirst() }
        while let c = s.last, !isLetterOrNumber(c) { s = s.dropLast() }
        return String(s)
    }

    /// `c` is one of `characters`, compared scalar by scalar: much cheaper than `String.contains`
    /// on Linux, and the same for characters without canonical equivalents (punctuation, dashes).
    static func isOne(_ c: Character, of characters: String) -> Bool {
        let scalars = c.unicodeScalars
        guard let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else {
            return characters.contains(c)
        }
        return characters.unicodeScalars.contains(scalar)
    }

    /// `c.isLetter || c.isNumber`, answered at once for ASCII and Cyrillic letters (the Unicode
    /// property tables are slow to ask).
    static func isLetterOrNumber(_ c: Character) -> Bool {
        if let a = c.asciiValue { return (0x30...0x39).contains(a) || (0x61...0x7A).contains(a | 0x20) }
        return isCyrillicLetter(c) || c.isLetter || c.isNumber
    }

    /// `c.isLetter`, answered at once for ASCII and Cyrillic letters.
    static func isLetter(_ c: Character) -> Bool {
        if let a = c.asciiValue { return (0x61...0x7A).contains(a | 0x20) }
        return isCyrillicLetter(c) || c.isLetter
    }

    static func isCyrillicLetter(_ c: Character) -> Bool {
        guard let first = c.unicodeScalars.first else { return false }
        return isCyrillicLetter(first)
    }

    static func isCyrillicLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (0x0410...0x044F).contains(v) || v == 0x0401 || v == 0x0451
    }

    /// Starts with an upper-case letter.
    static func isCapitalized(_ word: String) -> Bool {
        guard let c = bare(word).first else { return false }
        return c.isUppercase
    }

    /// Starts with a lower-case letter, a digit or `№`: a word that continues a phrase.
    static func startsLowercase(_ word: String) -> Bool {
        guard let c = word.first(where: { !isOne($0, of: "«\"“„(") }) else { return false }
        return c.isLowercase || c.isNumber || c == "№"
    }

    /// Only ASCII and basic Cyrillic (U+0000–U+007F, U+0400–U+047F): such a string is NFC and
    /// has no combining marks, so comparing its bytes is comparing its characters.
    static func isPlain(_ s: String) -> Bool {
        var bytes = s.utf8.makeIterator()
        while let b = bytes.next() {
            guard b >= 0x80 else { continue }
            guard b == 0xD0 || b == 0xD1, let c = bytes.next(), c & 0xC0 == 0x80 else { return false }
        }
        return true
    }

    /// `word.hasSuffix(ending)`, on the bytes when both are plain (`String.hasSuffix` compares
    /// characters and is slow on Linux).
    static func hasSuffix(_ word: String, _ ending: String) -> Bool {
        guard isPlain(word), isPlain(ending) else { return word.hasSuffix(ending) }
        return word.utf8.reversed().starts(with: ending.utf8.reversed())
    }

    /// `word.hasPrefix(prefix)`, on the bytes when both are plain.
    static func hasPrefix(_ word: String, _ prefix: String) -> Bool {
        guard isPlain(word), isPlain(prefix) else { return word.hasPrefix(prefix) }
        return word.utf8.starts(with: prefix.utf8)
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
