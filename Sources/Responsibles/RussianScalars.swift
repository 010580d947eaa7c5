/// Words of the Russian alphabet and printable ASCII read as scalar values: in such a word each
/// scalar is a character of its own and has no canonical equivalent, so comparing scalars is
/// comparing characters, without the grapheme breaking and normalisation `String` pays on Linux.
enum RussianScalars {
    /// The scalars of `s` when it holds only printable ASCII, `А`–`я`, `Ё` and `ё`; else `nil`.
    static func of(_ s: String) -> [UInt32]? {
        var result: [UInt32] = []
        result.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            let v = scalar.value
            guard isRussian(v) else { return nil }
            result.append(v)
        }
        return result
    }

    static func isRussian(_ v: UInt32) -> Bool {
        (0x20..<0x7F).contains(v) || (0x0410...0x044F).contains(v) || v == 0x0401 || v == 0x0451
    }

    static func isUpper(_ v: UInt32) -> Bool { (0x41...0x5A).contains(v) || (0x0410...0x042F).contains(v) || v == 0x0401 }

    static func isLetter(_ v: UInt32) -> Bool {
        (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0x0410...0x044F).contains(v) || v == 0x0401 || v == 0x0451
    }

    /// `Character.lowercased()` of one such scalar.
    static func lower(_ v: UInt32) -> UInt32 {
        if (0x41...0x5A).contains(v) || (0x0410...0x042F).contains(v) { return v + 0x20 }
        return v == 0x0401 ? 0x0451 : v
    }

    /// `Words.fold` of one such scalar: lower case, `ё` as `е`.
    static func fold(_ v: UInt32) -> UInt32 {
        let l = lower(v)
        return l == 0x0451 ? 0x0435 : l
    }

    /// `word` ends with `ending`.
    static func hasSuffix(_ word: [UInt32], _ ending: [UInt32]) -> Bool {
        guard ending.count <= word.count else { return false }
        // From the end: most endings differ from a word in their last letter.
        let offset = word.count - ending.count
        var k = ending.count
        while k > 0 {
            k -= 1
            if word[offset + k] != ending[k] { return false }
        }
        return true
    }

    static func string(_ scalars: some Sequence<UInt32>) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars.lazy.map { Unicode.Scalar($0)! })
        return result
    }

    static func isDigit(_ v: UInt32) -> Bool { (0x30...0x39).contains(v) }

    /// `Words.isCapitalized` of a word in Russian scalars: its first letter or digit is a capital;
    /// `nil` for any other word.
    static func startsCapitalized(_ word: String) -> Bool? {
        var answer: Bool?
        for scalar in word.unicodeScalars {
            let v = scalar.value
            guard isRussian(v) else { return nil }
            if answer == nil, isLetter(v) || isDigit(v) { answer = isUpper(v) }
        }
        return answer ?? false
    }

    /// `Words.isAbbreviation` of a word in Russian scalars, without building its bare form:
    /// between its first and last letter or digit only letters, digits and hyphens, two capitals
    /// at least and more capitals than small letters. `nil` for any other word.
    static func isAbbreviation(_ word: String) -> Bool? {
        var letters = 0
        var capitals = 0
        var inCore = false
        var gap = false        // a character other than a letter, digit or hyphen since the last letter or digit
        var foreign = false    // such a character inside the bare word
        for scalar in word.unicodeScalars {
            let v = scalar.value
            guard isRussian(v) else { return nil }
            if isLetter(v) || isDigit(v) {
                if inCore && gap { foreign = true }
                inCore = true
                gap = false
                if isLetter(v) {
                    letters += 1
                    if isUpper(v) { capitals += 1 }
                }
            } else if v != 0x2D {
                gap = true
            }
        }
        guard capitals >= 2, !foreign else { return false }
        return capitals > letters - capitals
    }
}
