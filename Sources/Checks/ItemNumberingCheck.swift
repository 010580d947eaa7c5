import Model

/// `item.duplicate-number` and `item.numbering-gap`.
///
/// Duplicates are looked for from one restart of the numbering to the next: a section
/// whose first item is numbered 1 (or `N.1`) starts counting anew, as stages often do. A gap is reported at the first item after it:
/// `22 → 24` at 24, `1.2` with no `1.1` at 1.2; restarts and moves to a deeper or
/// shallower level (`1.9 → 2.1`, `5.2 → 6.1.1`) are not gaps.
public struct ItemNumberingCheck: DocumentCheck {
    public init() {}

    static func components(_ number: String?) -> [Int]? {
        guard let n = number, !n.isEmpty else { return nil }
        let parts = n.split(separator: ".", omittingEmptySubsequences: false)
        let ints = parts.map { Int($0) }
        guard !ints.isEmpty, ints.allSatisfy({ $0 != nil }) else { return nil }
        return ints.map { $0! }
    }

    /// True when `next` may follow `prev` without skipping a number.
    static func follows(_ next: [Int], after prev: [Int]) -> Bool {
        var candidates: [[Int]] = [prev + [1]]
        for j in 0..<prev.count {
            candidates.append(Array(prev[0..<j]) + [prev[j] + 1])
        }
        for c in candidates where next.count >= c.count && Array(next[0..<c.count]) == c {
            if next[c.count...].allSatisfy({ $0 == 1 }) { return true }
        }
        return false
    }

    static func isStart(_ n: [Int]) -> Bool { n.allSatisfy { $0 == 1 } }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let doc = context.document
        guard doc.kind == .roadmap || doc.kind == .report else { return [] }
        var out: [Diagnostic] = []
        var seen: Set<String> = []
        var prev: [Int]?
        var restarted = false
        for (si, section) in doc.sections.enumerated() {
            if let first = ItemNumberingCheck.components(section.items.first(where: { $0.number != nil })?.number),
               first.last == 1, !seen.isEmpty {
                seen = []
                restarted = true
            }
            let sectionLabel = ItemNumberingCheck.components(section.number)
            var firstInSection = true
            for (ii, item) in section.items.enumerated() {
                guard let number = item.number else { continue }
                let label = context.label(section: si, item: ii)
                if seen.contains(number) {
                    out.append(Diagnostic(.itemDuplicateNumber, field: .number, text: number,
                                          message: "номер «\(number)» уже встречался \(restarted ? "после того, как нумерация началась заново" : "в документе")")
                        .located(document: context.index, section: si, item: label))
                }
                seen.insert(number)
                guard let n = ItemNumberingCheck.components(number) else { continue }
                var ok: Bool
                if firstInSection, let s = sectionLabel, n.count > s.count, Array(n[0..<s.count]) == s {
                    ok = ItemNumberingCheck.follows(n, after: s) && n[s.count] == 1
                        || (prev.map { ItemNumberingCheck.follows(n, after: $0) } ?? false)
                } else if let p = prev {
                    ok = ItemNumberingCheck.follows(n, after: p) || ItemNumberingCheck.isStart(n)
                        || n.lexicographicallyPrecedes(p) || n == p
                } else {
                    ok = ItemNumberingCheck.isStart(n) || n.count > 1 && n.last == 1
                }
                if !ok {
                    let before = prev.map { $0.map(String.init).joined(separator: ".") }
                    let message = before.map { "нумерация пропускает номера: после «\($0)» идёт «\(number)»" }
                        ?? "нумерация начинается не с первого номера: «\(number)»"
                    out.append(Diagnostic(.itemNumberingGap, field: .number, text: number, message: message)
                        .located(document: context.index, section: si, item: label))
                }
                prev = n
                firstInSection = false
            }
        }
        return out
    }
}
