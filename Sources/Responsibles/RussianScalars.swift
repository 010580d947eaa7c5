import Model
import Text

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

    // Letters, capitals and case of these scalars are Model's `PlainScalars` (a superset of them).

    /// `Words.fold` of one such scalar: lower case, `ё` as `е`.
    static func fold(_ v: UInt32) -> UInt32 {
        let l = PlainScalars.lowercased(v)
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

    static func isDigit(_ v: UInt32) -> Bool { (0x30...0x39).contains(v) }

    /// `Words.isCapitalized` of a word in Russian scalars: its first letter or digit is a capital;
    /// `nil` for any other word.
    static func startsCapitalized(_ word: String) -> Bool? {
        var answer: Bool?
        for scalar in word.unicodeScalars {
            let v = scalar.value
            guard isRussian(v) else { return nil }
            if answer == nil, PlainScalars.isLetter(v) || isDigit(v) { answer = PlainScalars.isUppercase(v) }
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
            if PlainScalars.isLetter(v) || isDigit(v) {
                if inCore && gap { foreign = true }
                inCore = true
                gap = false
                if PlainScalars.isLetter(v) {
                    letters += 1
                    if PlainScalars.isUppercase(v) { capitals += 1 }
                }
            } else if v != 0x2D {
                gap = true
            }
        }
        guard capitals >= 2, !foreign else { return false }
        return capitals > letters - capitals
    }
}
