import Text

/// Lower-cased words of a text («ё» read as «е»), punctuation dropped: the unit of status
/// matching and activity similarity.
enum ItemWords {
    static func of(_ text: String?) -> [Substring] {
        guard let text else { return [] }
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            folded.append(fold(scalar))
        }
        return String(folded).split(separator: " ", omittingEmptySubsequences: true)
    }

    /// A letter or digit folded as `RussianFold` folds it («Ё», «ё» → «е»); anything else a space.
    private static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if RussianFold.isLetter(s) { return RussianFold.fold(s) }
        let isDigit = s.value < 0x80 ? (0x30...0x39).contains(s.value) : s.properties.numericType != nil
        return isDigit ? s : " "
    }

    /// Endings a participle stem may take in a match («разработан» → «разработана», «разработанные»);
    /// nouns made of the same stem («проведение») do not match.
    static let participleEndings: Set<Substring> = ["", "а", "о", "ы", "и", "ла", "ло", "ли", "ая", "ое", "ые", "ый", "ой", "ым", "ых", "ные", "ная", "ное", "ный"]

    /// True when `phrase` occurs in `words` as consecutive words; a phrase word of four letters
    /// or more also matches itself with a participle ending, a shorter one only itself.
    static func contains(_ words: [Substring], phrase: [Substring]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        for start in 0...(words.count - phrase.count) {
            var all = true
            for (offset, p) in phrase.enumerated() {
                let w = words[start + offset]
                if !matches(w, p) { all = false; break }
            }
            if all { return true }
        }
        return false
    }

    static func matches(_ word: Substring, _ stem: Substring) -> Bool {
        if word == stem { return true }
        guard stem.count >= 4, word.hasPrefix(stem) else { return false }
        return participleEndings.contains(word.dropFirst(stem.count))
    }
}

/// Similarity of two activity texts, 0...1.
public enum ActivitySimilarity {
    /// Token Jaccard similarity of the words as written.
    public static func jaccard(_ a: String?, _ b: String?) -> Double {
        jaccard(Set(ItemWords.of(a)), Set(ItemWords.of(b)))
    }

    static func jaccard(_ x: Set<Substring>, _ y: Set<Substring>) -> Double {
        if x.isEmpty || y.isEmpty { return 0 }
        let common = x.intersection(y).count
        return Double(common) / Double(x.count + y.count - common)
    }

    /// The words of a text cut to their first six letters, so that case endings do not count
    /// («семинара», «семинар» → «семина»).
    static func stems(_ text: String?) -> Set<Substring> {
        Set(ItemWords.of(text).map { $0.prefix(6) })
    }

    /// Jaccard similarity of the stems, or 0.9 of their overlap (common words over the smaller set)
    /// when the smaller set has three words or more and is nearly all inside the other: a report that
    /// shortens an activity still meets it.
    public static func score(_ a: String?, _ b: String?) -> Double { score(stems(a), stems(b)) }

    static func score(_ x: Set<Substring>, _ y: Set<Substring>) -> Double {
        let j = jaccard(x, y)
        let smaller = min(x.count, y.count)
        guard smaller >= 3 else { return j }
        let overlap = Double(x.intersection(y).count) / Double(smaller)
        return overlap >= 0.8 ? max(j, 0.9 * overlap) : j
    }
}
