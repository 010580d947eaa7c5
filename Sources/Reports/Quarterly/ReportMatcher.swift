import Model

/// Joins a report's rows to the items of the plan they report on, each row to at most one item.
///
/// Every pair is scored by the similarity of its activities (`ActivitySimilarity.score`); pairs are
/// taken best first, a pair with the same number a little ahead of an equal one without. A pair is
/// taken when its activities are alike (score ≥ threshold), or when it has the same number and its
/// activities are not plainly about different things (score ≥ threshold / 2, or one side has no
/// activity). So a renumbered report's rows find their items by text, and a row that merely shares a
/// number with an item about something else is not its match.
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
        var pairs: [(plan: Int, row: Int, score: Double, rank: Double)] = []
        for p in plan.indices {
            for r in report.indices {
                let sameNumber = planKeys[p] != nil && planKeys[p] == reportKeys[r]
                let score = ActivitySimilarity.score(planWords[p], reportWords[r])
                let eitherEmpty = planWords[p].isEmpty || reportWords[r].isEmpty
                let acceptable = score >= threshold || sameNumber && (score >= threshold / 2 || eitherEmpty)
                guard acceptable else { continue }
                pairs.append((p, r, score, score + (sameNumber ? 0.15 : 0)))
            }
        }
        pairs.sort { a, b in a.rank != b.rank ? a.rank > b.rank : (a.plan, a.row) < (b.plan, b.row) }
        var joined: [Int: Item] = [:]
        var used = Set<Int>()
        for pair in pairs where joined[pair.plan] == nil && !used.contains(pair.row) {
            joined[pair.plan] = report[pair.row]
            used.insert(pair.row)
        }
        return joined
    }
}
