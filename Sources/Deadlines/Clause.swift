/// A part of a cell between `далее`s: the items that belong together.
struct Clause: Sendable {
    var items: [Item]
    /// True after `далее`: the clause continues after the dated term before it (D19).
    var continuesPrevious: Bool

    var spans: [Span] {
        items.compactMap { if case let .span(s) = $0 { return s }; return nil }
    }

    var frequencies: [Frequency] {
        items.compactMap { if case let .frequency(f) = $0 { return f }; return nil }
    }

    var anchors: [(day: Int, following: Bool)] {
        items.compactMap { if case let .anchor(d, f) = $0 { return (d, f) }; return nil }
    }

    var hasContinuous: Bool { items.contains(.continuous) }
    var hasEvent: Bool { items.contains(.event) }
}

/// Splits a cell's items at `далее`.
enum ClauseSplitter {
    static func split(_ items: [Item]) -> [Clause] {
        var clauses = [Clause(items: [], continuesPrevious: false)]
        for item in items {
            if item == .next {
                clauses.append(Clause(items: [], continuesPrevious: true))
            } else {
                clauses[clauses.count - 1].items.append(item)
            }
        }
        return detachHeads(clauses)
    }

    /// Cells that merge two sub-rows read `X, далее – ежегодно Y, далее – ежегодно`: the dated
    /// `Y` that ends a `далее` clause followed by another `далее` starts a new sequence.
    private static func detachHeads(_ clauses: [Clause]) -> [Clause] {
        var out: [Clause] = []
        for (k, clause) in clauses.enumerated() {
            guard clause.continuesPrevious, k + 1 < clauses.count,
                  let last = clause.items.lastIndex(where: { if case .span = $0 { return true }; return false }),
                  case let .span(span) = clause.items[last], span.hasYear, span.problem == nil,
                  [.window, .until, .notLater, .untilEnd].contains(span.mode),
                  clause.items[..<last].contains(where: isFrequencyOrPhrase),
                  clause.items[(last + 1)...].allSatisfy({ $0 == .placeholder }) else {
                out.append(clause)
                continue
            }
            out.append(Clause(items: Array(clause.items[..<last]), continuesPrevious: true))
            out.append(Clause(items: Array(clause.items[last...]), continuesPrevious: false))
        }
        return out
    }

    private static func isFrequencyOrPhrase(_ item: Item) -> Bool {
        switch item {
        case .frequency, .continuous, .event: return true
        default: return false
        }
    }
}
