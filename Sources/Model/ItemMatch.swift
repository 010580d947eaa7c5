import Text

/// Finds an item again in another version of a document: by its number when the activity there is
/// still about the same thing, else by the most similar activity. A row under the same number about
/// something else is not the item.
public enum ItemMatch {
    /// How alike two activities must be (shared words over all words) to be one item: under the
    /// same number, and when found by activity alone.
    public static let sameNumberThreshold = 0.34
    public static let threshold = 0.5

    /// The place in `items` of the item `reference` stands for, or nil.
    public static func find(_ reference: ItemReference, in items: [Item]) -> Int? {
        let wanted = words(reference.activity)
        func alike(_ item: Item) -> Double {
            // Without an activity on either side only the number can tell.
            guard !wanted.isEmpty else { return 1 }
            return similarity(wanted, words(item.activity))
        }
        if let number = normalizedNumber(reference.number) {
            let numbered = items.indices.filter { normalizedNumber(items[$0].number) == number }
            if let best = numbered.max(by: { alike(items[$0]) < alike(items[$1]) }), alike(items[best]) >= sameNumberThreshold {
                return best
            }
        }
        guard !wanted.isEmpty else { return nil }
        var best: (index: Int, score: Double)?
        for i in items.indices {
            let score = similarity(wanted, words(items[i].activity))
            if score >= threshold, score > (best?.score ?? 0) { best = (i, score) }
        }
        return best?.index
    }

    /// «1.2.», «1.2», « 1.2 » are one number.
    static func normalizedNumber(_ number: String?) -> String? {
        guard let number else { return nil }
        let kept = number.filter { $0.isNumber || $0.isLetter || $0 == "." }
        let trimmed = kept.split(separator: ".", omittingEmptySubsequences: true).joined(separator: ".")
        return trimmed.isEmpty ? nil : trimmed.lowercased()
    }

    /// The activity's words of three letters or more, lower case, ё as е, cut to their first five
    /// letters so that case endings do not part them.
    static func words(_ text: String?) -> Set<String> {
        guard let text else { return [] }
        var out: Set<String> = []
        for word in RussianFold.fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }) where word.count >= 3 {
            out.insert(String(word.prefix(5)))
        }
        return out
    }

    /// Shared words over all words of either (Jaccard).
    static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }
}
