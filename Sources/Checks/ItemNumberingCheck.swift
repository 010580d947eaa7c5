import Model

/// `item.duplicate-number` and `item.numbering-gap`.
///
/// Duplicates are looked for from one restart of the numbering to the next: a section
/// whose first item is numbered 1 (or `N.1`) starts counting anew, as stages often do. A gap is reported at the first item after it:
/// `22 → 24` at 24, `1.2` with no `1.1` at 1.2; restarts and moves to a deeper or
/// shallower level (`1.9 → 2.1`, `5.2 → 6.1.1`) are not gaps.
public struct ItemNumberingCheck: DocumentCheck {
    public init() {}

    /// `1.2.3` as `[1, 2, 3]`; nil unless every dot-separated part is a whole number
    /// (as `Int(_:)` reads it: an optional sign, then ASCII digits). Read on the UTF-8 bytes.
    static func components(_ number: String?) -> [Int]? {
        guard let n = number, !n.isEmpty else { return nil }
        var out: [Int] = []
        var value = 0, digits = 0, negative = false, signed = false
        func finish() -> Bool {
            guard digits > 0 else { return false }
            out.append(value)
            value = 0; digits = 0; negative = false; signed = false
            return true
        }
        for b in n.utf8 {
            switch b {
            case 0x30...0x39:
                let d = Int(b - 0x30)
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (next, o2) = negative ? times.subtractingReportingOverflow(d) : times.addingReportingOverflow(d)
                if o1 || o2 { return nil }
                value = next
                digits += 1
            case 0x2B, 0x2D:   // `+`, `-`: only before the digits of a part
                guard digits == 0, !signed else { return nil }
                signed = true
                negative = b == 0x2D
            case 0x2E:
                guard finish() else { return nil }
            default:
                return nil
            }
        }
        return finish() ? out : nil
    }

    /// True when `next` may follow `prev` without skipping a number: it continues one level
    /// down (`prev.1`) or moves on at some level (`prev[0..<j], prev[j] + 1`), with only 1s after.
    static func follows(_ next: [Int], after prev: [Int]) -> Bool {
        /// `next` begins with `prev[0..<j]` then `last`, and continues with 1s only.
        func extends(_ j: Int, _ last: Int) -> Bool {
            guard next.count > j, next[j] == last else { return false }
            for k in 0..<j where next[k] != prev[k] { return false }
            for k in (j + 1)..<next.count where next[k] != 1 { return false }
            return true
        }
        if extends(prev.count, 1) { return true }
        for j in prev.indices where extends(j, prev[j] + 1) { return true }
        return false
    }

    static func isStart(_ n: [Int]) -> Bool { n.allSatisfy { $0 == 1 } }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let doc = context.document
        guard doc.kind == .roadmap || doc.kind == .report else { return [] }
        var out: [Diagnostic] = []
        // Sized once for every item: growing a set rehashes it.
        var seen = Set<String>(minimumCapacity: doc.sections.reduce(0) { $0 + $1.items.count })
        var prev: [Int]?
        var restarted = false
        for (si, section) in doc.sections.enumerated() {
            if let first = ItemNumberingCheck.components(section.items.first(where: { $0.number != nil })?.number),
               first.last == 1, !seen.isEmpty {
                seen.removeAll(keepingCapacity: true)
                restarted = true
            }
            let sectionLabel = ItemNumberingCheck.components(section.number)
            var firstInSection = true
            for (ii, item) in section.items.enumerated() {
                guard let number = item.number else { continue }
                // Made only for a finding, which few items draw.
                func label() -> String { context.label(section: si, item: ii) }
                if !seen.insert(number).inserted {
                    out.append(Diagnostic(.itemDuplicateNumber, field: .number, text: number,
                                          message: "номер «\(number)» уже встречался \(restarted ? "после того, как нумерация началась заново" : "в документе")")
                        .located(document: context.index, section: si, item: label()))
                }
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
                        .located(document: context.index, section: si, item: label()))
                }
                prev = n
                firstInSection = false
            }
        }
        return out
    }
}
