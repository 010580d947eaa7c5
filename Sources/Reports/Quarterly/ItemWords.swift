/// Lower-cased words of a text («ё» read as «е»), punctuation dropped: the unit of status
/// matching and activity similarity.
enum ItemWords {
    static func of(_ text: String?) -> [Substring] {
        guard let text else { return [] }
        let folded = text.lowercased().replacingOccurrences(of: "ё", with: "е")
        return folded.split { !($0.isLetter || $0.isNumber) }
    }

    /// Endings a participle stem may take in a match («разработан» → «разработана», «разработанные»);
    /// nouns made of the same stem («проведение») do not match.
    static let participleEndings: Set<Substring> = ["", "а", "о", "ы", "и", "ая", "ое", "ые", "ый", "ой", "ым", "ых", "ные", "ная", "ное", "ный"]

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

/// Token Jaccard similarity of two activity texts, 0...1.
public enum ActivitySimilarity {
    public static func jaccard(_ a: String?, _ b: String?) -> Double {
        let x = Set(ItemWords.of(a)), y = Set(ItemWords.of(b))
        if x.isEmpty || y.isEmpty { return 0 }
        let common = x.intersection(y).count
        return Double(common) / Double(x.count + y.count - common)
    }
}
