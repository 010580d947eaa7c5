import Model

/// What a whole cell means: kinds, occurrences and the problems found on the way.
struct CellMeaning {
    var kinds: Set<DeadlineKind> = []
    /// Occurrences with the day that decides whether each lies in P.
    var occurrences: [(Occurrence, judge: Day)] = []
    var invalid: [(fragment: String, reason: String)] = []
    var yearMissing: [String] = []
    var placeholder = false
}

/// Evaluates the clauses of a cell in order, carrying the `далее` anchor.
struct CellEvaluator {
    let period: Period?
    let resolver: YearResolver
    /// A cap on the occurrences a whole cell generates, against absurd periods.
    let limit = 20_000

    init(period: Period?, items: [Item]) {
        self.period = period
        var years: [(Int, Int)] = []
        for item in items {
            guard case let .span(s) = item, s.problem == nil else { continue }
            for point in s.points {
                if let y = point.year { years.append((s.position, y)) }
            }
        }
        resolver = YearResolver(period: period, cellYears: years)
    }

    func evaluate(_ clauses: [Clause]) -> CellMeaning {
        var meaning = CellMeaning()
        var anchor: Day?
        for clause in clauses {
            let after = clause.continuesPrevious ? anchor : nil
            if let due = evaluate(clause, after: after, into: &meaning) {
                anchor = due
            }
        }
        return meaning
    }

    /// Adds the clause's meaning; returns the latest due of its dated terms (the next `далее` anchor).
    private func evaluate(_ clause: Clause, after: Day?, into meaning: inout CellMeaning) -> Day? {
        let hasContinuous = clause.hasContinuous
        if clause.hasEvent { meaning.kinds.insert(.event) }
        if clause.items.contains(.placeholder) { meaning.placeholder = true }
        var good: [Span] = []
        var brokenDates = false
        for span in clause.spans {
            switch span.problem {
            case nil: good.append(span)
            case let .invalid(fragment, reason)?:
                meaning.invalid.append((fragment, reason))
                brokenDates = true
            case let .placeholder(datelike)?:
                meaning.placeholder = true
                if datelike { brokenDates = true }
            }
        }

        if let frequency = frequency(of: clause, spans: good) {
            meaning.kinds.insert(.recurring)
            addRecurring(frequency, clause: clause, spans: good, after: after, into: &meaning)
            if hasContinuous {
                meaning.kinds.insert(.continuous)
                addContinuous(start: after?.following, into: &meaning)
            }
            return nil
        }

        if brokenDates { meaning.kinds.insert(.date) }
        var latestDue: Day?
        var continuousStart: Day?
        for span in good {
            switch span.mode {
            case .since:
                meaning.kinds.insert(.continuous)
                guard let occurrence = occurrence(of: span, into: &meaning), let start = occurrence.start else { continue }
                if hasContinuous {
                    continuousStart = min(continuousStart ?? start, start)
                } else if let p = period, start <= p.to {
                    meaning.occurrences.append((Occurrence(start: start, due: p.to), p.to))
                }
            case .during:
                meaning.kinds.insert(.continuous)
                if let occurrence = occurrence(of: span, into: &meaning) {
                    meaning.occurrences.append((occurrence, occurrence.due))
                }
            case .window, .until, .notLater, .untilEnd:
                meaning.kinds.insert(.date)
                if let occurrence = occurrence(of: span, into: &meaning) {
                    meaning.occurrences.append((occurrence, occurrence.due))
                    latestDue = max(latestDue ?? occurrence.due, occurrence.due)
                }
            }
        }
        if hasContinuous {
            meaning.kinds.insert(.continuous)
            addContinuous(start: continuousStart ?? after?.following, into: &meaning)
        }
        return latestDue
    }

    /// The clause's frequency: a concrete one wins over a vague one (D18); `до N числа`
    /// alone is monthly; months with a multi-year range (`Декабрь, июнь в период с 2022 по 2024`) are yearly.
    private func frequency(of clause: Clause, spans: [Span]) -> Frequency? {
        let frequencies = clause.frequencies
        if let concrete = frequencies.first(where: { $0 != .vague }) { return concrete }
        if let vague = frequencies.first {
            // `2 раза в год (декабрь, май)`: the months say when, every year.
            let yearlessMonths = spans.contains { !$0.isYearsOnly && !$0.hasYear && $0.mode != .since }
            return yearlessMonths ? .yearly : vague
        }
        if !clause.anchors.isEmpty { return .monthly }
        let multiYear = spans.contains { s in
            guard s.isYearsOnly, s.mode != .since, let first = s.from?.year ?? s.to.year, let last = s.to.year else {
                return false
            }
            return first < last
        }
        let yearless = spans.contains { !$0.isYearsOnly && !$0.hasYear }
        return multiYear && yearless ? .yearly : nil
    }

    private func addContinuous(start: Day?, into meaning: inout CellMeaning) {
        guard let p = period else { return }
        let s = start ?? p.from   // a written start is kept even before P (`{that day, P.to}`)
        guard s <= p.to else { return }
        meaning.occurrences.append((Occurrence(start: s, due: p.to), p.to))
    }

    /// A one-off span's occurrence, or nil with `year-missing` / `invalid-date` noted.
    private func occurrence(of span: Span, into meaning: inout CellMeaning) -> Occurrence? {
        guard let resolved = resolver.resolve(span) else {
            meaning.yearMissing.append(span.fragment)
            return nil
        }
        guard let occurrence = SpanWindow.occurrence(resolved) else {
            meaning.invalid.append((span.fragment, "несуществующая дата «\(span.fragment)»"))
            return nil
        }
        return occurrence
    }

    private func addRecurring(_ frequency: Frequency, clause: Clause, spans: [Span], after: Day?,
                              into meaning: inout CellMeaning) {
        var range: Period? = nil
        var lower: Day?
        var upper: Day?
        var upperYear: Int?
        var templates: [Span] = []
        var seen = Set<Span>()
        for span in spans {
            let bounds = span.hasYear && (span.isYearsOnly || frequency != .yearly || span.mode == .since)
            guard bounds, let occurrence = SpanWindow.occurrence(span) else {
                if frequency == .yearly {
                    if span.hasYear { upperYear = max(upperYear ?? span.to.year!, span.to.year!) }
                    if seen.insert(span.content).inserted { templates.append(span) }
                }
                continue
            }
            switch span.mode {
            case .window, .during:
                guard let start = occurrence.start else { continue }
                range = range.map { Period(from: min($0.from, start), to: max($0.to, occurrence.due)) }
                    ?? Period(from: start, to: occurrence.due)
            case .since:
                lower = max(lower ?? occurrence.start!, occurrence.start!)
            case .until, .notLater, .untilEnd:
                upper = min(upper ?? occurrence.due, occurrence.due)
            }
        }
        guard var generation = range ?? period else { return }
        if let lower { generation.from = max(generation.from, lower) }
        if let upper { generation.to = min(generation.to, upper) }
        guard generation.from <= generation.to else { return }
        let anchor = clause.anchors.first
        let recurrence = Recurrence(frequency: frequency, period: period, range: generation, lowerBound: lower,
                                    templates: templates, upperYear: upperYear,
                                    anchor: anchor.map { ($0.day, $0.following) }, after: after)
        let budget = limit - meaning.occurrences.count
        guard budget > 0 else { return }
        meaning.occurrences += recurrence.occurrences(limit: budget)
    }
}
