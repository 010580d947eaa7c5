import Model

extension Period {
    /// 1 September .. 31 August, of one or more academic years.
    var isAcademic: Bool { from.month == 9 && from.day == 1 && to.month == 8 && to.day == 31 && to.year > from.year }
}

extension Day {
    /// The day before; never fails (unlike a failable initialiser at the ends of the calendar).
    var previous: Day { Day(ordinal: ordinal - 1) }
    /// The day after; `Day.next` traps after 9999-12-31, this does not.
    var following: Day { Day(ordinal: ordinal + 1) }
}

/// Years for the points of a one-off span (`deadlines.md`, «A one-off month with no year …», D13).
struct YearResolver {
    let period: Period?
    /// Explicit years written in the cell, by token position.
    let cellYears: [(position: Int, year: Int)]

    /// The span with both ends given a year, or nil when no year can be found.
    func resolve(_ span: Span) -> Span? {
        if span.hasYear { return span }
        var s = span
        if s.from?.year != nil || s.to.year != nil {
            guard let from = s.from, let merged = RangeMerger.merge(from, s.to) else { return nil }
            s.from = merged.0
            s.to = merged.1
            return s.hasYear ? s : nil
        }
        let first = s.from ?? s.to
        guard let (year, unit) = place(first, position: s.position) else { return nil }
        if var from = s.from {
            from.year = year
            from.unit = unit
            s.to.year = RangeMerger.wraps(from, s.to) ? year + 1 : year
            // `I-II полугодие` ends in the same (academic) year as it starts.
            if case let .halves(_, _, academic) = unit, case let .halves(a, b, _) = s.to.unit {
                s.to.unit = .halves(a, b, academic: academic)
            }
            s.from = from
        } else {
            s.to.year = year
            s.to.unit = unit
        }
        return s
    }

    /// The year of a yearless point, and its unit (a half-year becomes academic in an academic P).
    private func place(_ point: Point, position: Int) -> (Int, TimeUnit)? {
        if let y = cellYear(after: position) {
            return (y, point.unit)
        }
        guard let p = period else { return nil }
        if p.isOneAcademicYear {
            switch point.unit {
            case let .halves(a, b, _): return (p.from.year, .halves(a, b, academic: true))
            case .quarters: return nil
            case .year, .academicYear: return (p.from.year, point.unit)
            default:
                guard let m = point.unit.month else { return nil }
                return (m >= 9 ? p.from.year : p.to.year, point.unit)
            }
        }
        if p.isOneCalendarYear {
            if case .academicYear = point.unit { return nil }
            return (p.from.year, point.unit)
        }
        return nil
    }

    /// The next year written after `position`, else the nearest before it.
    private func cellYear(after position: Int) -> Int? {
        // Binary search: `cellYears` is in written order.
        var low = 0
        var high = cellYears.count
        while low < high {
            let mid = (low + high) / 2
            if cellYears[mid].position > position { high = mid } else { low = mid + 1 }
        }
        if low < cellYears.count { return cellYears[low].year }
        return cellYears.last?.year
    }
}

/// The occurrence a span with years gives, by its mode.
enum SpanWindow {
    /// nil when a point cannot exist in its year (29 February); `inverted` when the end precedes the start.
    static func occurrence(_ span: Span) -> Occurrence? {
        guard let toYear = span.to.year, let last = span.to.window(year: toYear) else { return nil }
        let first: (start: Day, end: Day)
        if let from = span.from {
            guard let y = from.year, let w = from.window(year: y) else { return nil }
            first = w
        } else {
            first = last
        }
        switch span.mode {
        case .window, .during, .since:
            guard first.start <= last.end else { return nil }
            return Occurrence(start: first.start, due: last.end)
        case .until:
            if case .day = span.to.unit { return Occurrence(start: nil, due: last.start) }
            let due = last.start.previous
            return due.year >= 1 ? Occurrence(start: nil, due: due) : nil
        case .notLater, .untilEnd:
            // A day's window is the day itself: `не позднее 5 мая` is due on 5 May as `до 5 мая` is.
            return Occurrence(start: nil, due: last.end)
        }
    }
}
