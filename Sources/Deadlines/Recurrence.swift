import Model

/// Occurrences of a recurring clause (`ежегодно …`, `ежемесячно до 5 числа …`, D14–D21).
struct Recurrence {
    let frequency: Frequency
    /// The document's period: decides calendar or academic units.
    let period: Period?
    /// Where occurrences are generated: P, or the cell's explicit range, narrowed by `с …`/`до …`.
    let range: Period
    /// The lower bound from `с 2022 г.`: the first window starts no earlier.
    let lowerBound: Day?
    /// Templates repeated every year (`сентябрь`, `до 20 января`, `с 16 по 30 сентября`).
    let templates: [Span]
    /// Yearly templates with a written year repeat up to that year (D19: `ежегодно до 1 февраля 2024 года`).
    let upperYear: Int?
    /// `до 10 числа [месяца, следующего за отчётным]`.
    let anchor: (day: Int, following: Bool)?
    /// After `далее`: the due of the dated term before.
    let after: Day?

    /// Generated occurrences with the day that decides whether each lies in P.
    func occurrences(limit: Int) -> [(Occurrence, judge: Day)] {
        switch frequency {
        case .yearly: return templates.isEmpty ? wholeYears(limit: limit) : yearlyTemplates(limit: limit)
        case .monthly: return units(months: 1, limit: limit)
        case .quarterly: return units(months: 3, limit: limit)
        case .halfYearly: return units(months: 6, limit: limit)
        case .vague:
            let start = lowerBound ?? after?.following ?? range.from
            guard start <= range.to else { return [] }
            return [(Occurrence(start: start, due: range.to), range.to)]
        }
    }

    private var academic: Bool { period?.isAcademic ?? false }

    /// `ежегодно` with no month: calendar years, or academic years in an academic P.
    private func wholeYears(limit: Int) -> [(Occurrence, judge: Day)] {
        var out: [(Occurrence, judge: Day)] = []
        for y in (range.from.year - 1)...range.to.year {
            let window = academic ? Period.academicYear(y) : Period.calendarYears(y, y)
            guard let start = window?.from, let end = window?.to, range.contains(end) else { continue }
            if let after, start <= after { continue }
            let s = lowerBound.map { max($0, start) } ?? start
            out.append((Occurrence(start: s, due: end), end))
            if out.count >= limit { break }
        }
        return out
    }

    private func yearlyTemplates(limit: Int) -> [(Occurrence, judge: Day)] {
        var out: [(Occurrence, judge: Day)] = []
        let first = max(range.from.year - 1, after.map { $0.year + 1 } ?? Int.min)
        let last = min(range.to.year, upperYear ?? Int.max)
        guard first <= last else { return [] }
        for y in first...last {
            for template in templates {
                guard let occurrence = SpanWindow.occurrence(Self.instantiate(template, year: y)),
                      range.contains(occurrence.due) else { continue }
                if let lowerBound, occurrence.due < lowerBound { continue }
                out.append((occurrence, occurrence.due))
                if out.count >= limit { return out }
            }
        }
        return out
    }

    /// The template placed in year `y`; a range that wraps ends in the next year.
    static func instantiate(_ template: Span, year y: Int) -> Span {
        var s = template
        if var from = s.from {
            from.year = y
            s.to.year = RangeMerger.wraps(from, s.to) ? y + 1 : y
            s.from = from
        } else {
            s.to.year = y
        }
        return s
    }

    /// Months, quarters or half-years whose end lies in the range.
    private func units(months size: Int, limit: Int) -> [(Occurrence, judge: Day)] {
        var out: [(Occurrence, judge: Day)] = []
        // Units starting after `after` only: the years before it give none.
        let first = max(range.from.year - 1, after.map { $0.year - 1 } ?? Int.min)
        guard first <= range.to.year else { return [] }
        for year in first...range.to.year {
            for (start, end) in Self.unitWindows(year: year, months: size, academic: academic) {
                guard range.contains(end) else { continue }
                if let after, start <= after { continue }
                if let anchor {
                    // `до N числа` of the unit's own month (monthly), else of the month after the unit.
                    let following = anchor.following || size > 1
                    let dueMonth = following ? end.following : Day(year: end.year, month: end.month, day: 1)!
                    let day = min(anchor.day, Day.daysIn(month: dueMonth.month, year: dueMonth.year))
                    guard let due = Day(year: dueMonth.year, month: dueMonth.month, day: day) else { continue }
                    out.append((Occurrence(start: nil, due: due), following ? end : due))
                } else {
                    out.append((Occurrence(start: start, due: end), end))
                }
                if out.count >= limit { return out }
            }
        }
        return out
    }

    /// The units of one year: months, calendar quarters, and calendar or academic halves
    /// (academic halves of year `y`: Sep–Dec `y`, Jan–Aug `y + 1`).
    static func unitWindows(year y: Int, months size: Int, academic: Bool) -> [(Day, Day)] {
        func window(_ m1: Int, _ y1: Int, _ m2: Int, _ y2: Int) -> (Day, Day)? {
            guard let a = Day.first(ofMonth: m1, year: y1), let b = Day.last(ofMonth: m2, year: y2) else { return nil }
            return (a, b)
        }
        if size == 6, academic {
            return [window(9, y, 12, y), window(1, y + 1, 8, y + 1)].compactMap { $0 }
        }
        return stride(from: 1, through: 12, by: size).compactMap { window($0, y, $0 + size - 1, y) }
    }
}
