/// Small facts about single words that every rule of the stage asks.
enum Words {
    /// Lower case with `ё` read as `е`: the form lexicon lookups compare.
    static func fold(_ word: String) -> String {
        if let fast = foldedBytes(word) { return fast }
        return String(word.lowercased().map { $0 == "ё" ? "е" : $0 })
    }

    /// `fold` for words of ASCII and the basic Cyrillic alphabet (nearly all of them), done on the
    /// UTF-8 bytes; `nil` for any other character, which the general path handles.
    private static func foldedBytes(_ word: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.utf8.count)
        var iterator = word.utf8.makeIterator()
        while let b = iterator.next() {
            if b < 0x80 {
                bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                continue
            }
            guard let c = iterator.next() else { return nil }
            switch (b, c) {
            case (0xD0, 0x90...0x9F): bytes += [0xD0, c + 0x20]          // А…П → а…п
            case (0xD0, 0xA0...0xAF): bytes += [0xD1, c - 0x20]          // Р…Я → р…я
            case (0xD0, 0x81), (0xD1, 0x91): bytes += [0xD0, 0xB5]       // Ё, ё → е
            case (0xD0, 0xB0...0xBF), (0xD1, 0x80...0x8F): bytes += [b, c]
            default: return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

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
        guard let c = word.first(where: { !isOne($0, of: "«\"“„(") }) else { return false }
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
