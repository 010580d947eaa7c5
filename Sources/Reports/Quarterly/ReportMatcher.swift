import Model

/// Finds the report item that reports on a roadmap item: the same number, else the most similar activity.
struct ReportMatcher {
    private struct Entry {
        let section: Int
        let item: Item
        let words: Set<Substring>
    }

    private let entries: [Entry]
    private let byNumber: [String: [Int]]
    let threshold: Double

    init(report: Document?, threshold: Double) {
        let entries = (report?.allItems ?? []).map {
            Entry(section: $0.section, item: $0.item, words: Set(ItemWords.of($0.item.activity)))
        }
        var byNumber: [String: [Int]] = [:]
        for (i, e) in entries.enumerated() {
            if let key = ReportMatcher.key(e.item.number) { byNumber[key, default: []].append(i) }
        }
        self.entries = entries
        self.byNumber = byNumber
        self.threshold = threshold
    }

    /// «1.2.» and « 1.2 » are the same number.
    static func key(_ number: String?) -> String? {
        guard var n = number?.filter({ !$0.isWhitespace }) else { return nil }
        while n.hasSuffix(".") || n.hasSuffix(")") { n.removeLast() }
        return n.isEmpty ? nil : n
    }

    func match(number: String?, section: Int, activity: String?) -> Item? {
        let words = Set(ItemWords.of(activity))
        if let key = ReportMatcher.key(number), let candidates = byNumber[key] {
            let chosen = candidates.first { entries[$0].section == section }
                ?? candidates.max { similarity(entries[$0], words) < similarity(entries[$1], words) }!
            // A renumbered report: the same number on an unrelated activity yields to a close text match.
            if !words.isEmpty, !entries[chosen].words.isEmpty, similarity(entries[chosen], words) < threshold / 2,
               let similar = bestSimilar(words) {
                return similar
            }
            return entries[chosen].item
        }
        return bestSimilar(words)
    }

    private func similarity(_ e: Entry, _ words: Set<Substring>) -> Double {
        ActivitySimilarity.jaccard(e.words, words)
    }

    private func bestSimilar(_ activity: Set<Substring>) -> Item? {
        if activity.isEmpty { return nil }
        var best: (score: Double, item: Item)?
        for e in entries {
            let s = similarity(e, activity)
            if s >= threshold, s > (best?.score ?? -1) { best = (s, e.item) }
        }
        return best?.item
    }
}
