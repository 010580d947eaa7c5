import Model

/// Joins a report's rows to the items of the plan they report on, each row to at most one item.
///
/// Pairs are scored by the similarity of their activities (`ActivitySimilarity.score`) and taken best
/// first, each row and item once: first the pairs with the same number and alike activities (score ≥
/// threshold, or one side has no activity); then, among what is left, any pair whose activities are
/// alike, or that has the same number and activities not plainly about different things (score ≥
/// threshold / 2), a same-number pair a little ahead of an equal one without. So a renumbered report's
/// rows find their items by text, and a row that merely shares a number with an item about something
/// else is not its match.
struct ReportMatcher {
    let threshold: Double

    init(threshold: Double) { self.threshold = threshold }

    /// «1.2.» and « 1.2 » are the same number.
    static func key(_ number: String?) -> String? {
        guard var n = number?.filter({ !$0.isWhitespace }) else { return nil }
        while n.hasSuffix(".") || n.hasSuffix(")") { n.removeLast() }
        return n.isEmpty ? nil : n
    }

    /// For each plan item (by index), the report item joined to it.
    func assign(plan: [Item], report: [Item]) -> [Int: Item] {
        guard !plan.isEmpty, !report.isEmpty else { return [:] }
        let planWords = plan.map { ActivitySimilarity.stems($0.activity) }
        let reportWords = report.map { ActivitySimilarity.stems($0.activity) }
        let planKeys = plan.map { ReportMatcher.key($0.number) }
        let reportKeys = report.map { ReportMatcher.key($0.number) }
        var joined: [Int: Item] = [:]
        var used = Set<Int>()
        // First the pairs that agree on both: the same number and alike activities (or one side without).
        var rowsByKey: [String: [Int]] = [:]
        for r in report.indices { if let k = reportKeys[r] { rowsByKey[k, default: []].append(r) } }
        var sure: [(plan: Int, row: Int, score: Double)] = []
        for p in plan.indices {
            guard let k = planKeys[p], let rows = rowsByKey[k] else { continue }
            for r in rows {
                let eitherEmpty = planWords[p].isEmpty || reportWords[r].isEmpty
                let score = ActivitySimilarity.score(planWords[p], reportWords[r])
                if score >= threshold || eitherEmpty { sure.append((p, r, score)) }
            }
        }
        sure.sort { a, b in a.score != b.score ? a.score > b.score : (a.plan, a.row) < (b.plan, b.row) }
        for pair in sure where joined[pair.plan] == nil && !used.contains(pair.row) {
            joined[pair.plan] = report[pair.row]
            used.insert(pair.row)
        }
        // Then every other pair of what is left, best first.
        var pairs: [(plan: Int, row: Int, score: Double, rank: Double)] = []
        for p in plan.indices where joined[p] == nil {
            for r in report.indices where !used.contains(r) {
                let sameNumber = planKeys[p] != nil && planKeys[p] == reportKeys[r]
                let score = ActivitySimilarity.score(planWords[p], reportWords[r])
                guard score >= threshold || sameNumber && score >= threshold / 2 else { continue }
                pairs.append((p, r, score, score + (sameNumber ? 0.15 : 0)))
            }
        }
        pairs.sort { a, b in a.rank != b.rank ? a.rank > b.rank : (a.plan, a.row) < (b.plan, b.row) }
        for pair in pairs where joined[pair.plan] == nil && !used.contains(pair.row) {
            joined[pair.plan] = report[pair.row]
            used.insert(pair.row)
        }
        return joined
    }
}
