import Model

/// What a point of time names, without its year.
enum TimeUnit: Hashable, Sendable {
    /// One day of a month.
    case day(month: Int, day: Int)
    /// A day number whose month comes from the other end of a range (`1` in `1-15 сентября`).
    case bareDay(Int)
    case month(Int)
    /// Decade 1 (days 1–10), 2 (11–20) or 3 (21–end).
    case decade(month: Int, n: Int)
    /// Calendar quarters `first` through `last`.
    case quarters(Int, Int)
    /// Half-years `first` through `last`; academic halves run Sep–Dec and Jan–Aug.
    case halves(Int, Int, academic: Bool)
    case year
    /// The academic year starting on 1 September of the point's year.
    case academicYear

    /// The month a yearless point is placed by (academic-year rule, wrap-around of ranges).
    var month: Int? {
        switch self {
        case let .day(m, _), let .month(m), let .decade(m, _): return m
        case let .quarters(q, _): return (q - 1) * 3 + 1
        default: return nil
        }
    }

    var isWholeYear: Bool { self == .year || self == .academicYear }
}

/// Something wrong with a written date.
enum PointProblem: Hashable, Sendable {
    /// A date that cannot exist; the fragment and why.
    case invalid(fragment: String, reason: String)
    /// A template blank in the date; `datelike` when a real year or month remains (`ХХ.ХХ.2024`).
    case placeholder(datelike: Bool)
}

/// A point of time as written: a unit and, when written, its year.
struct Point: Hashable, Sendable {
    var unit: TimeUnit
    /// For `.academicYear` and academic halves, the first calendar year.
    var year: Int?
    /// Written as a bare number with no `г.`, month or unit (`2022` in `с 2022 по 2024 г.`).
    var bare = false
    var problem: PointProblem?

    /// The first and last day of the point in `year`, or nil when it cannot exist.
    func window(year: Int) -> (start: Day, end: Day)? {
        switch unit {
        case let .day(m, d):
            guard let day = Day(year: year, month: m, day: d) else { return nil }
            return (day, day)
        case let .bareDay(d):
            guard let day = Day(year: year, month: 1, day: d) else { return nil }
            return (day, day)
        case let .month(m):
            guard let a = Day.first(ofMonth: m, year: year), let b = Day.last(ofMonth: m, year: year) else { return nil }
            return (a, b)
        case let .decade(m, n):
            let last = Day.daysIn(month: m, year: year)
            let from = (n - 1) * 10 + 1
            let to = n == 3 ? last : n * 10
            guard let a = Day(year: year, month: m, day: from), let b = Day(year: year, month: m, day: to) else { return nil }
            return (a, b)
        case let .quarters(q1, q2):
            guard let a = Day.first(ofMonth: (q1 - 1) * 3 + 1, year: year),
                  let b = Day.last(ofMonth: q2 * 3, year: year) else { return nil }
            return (a, b)
        case let .halves(h1, h2, academic):
            if academic {
                let a = h1 == 1 ? Day(year: year, month: 9, day: 1) : Day(year: year + 1, month: 1, day: 1)
                let b = h2 == 1 ? Day(year: year, month: 12, day: 31) : Day(year: year + 1, month: 8, day: 31)
                guard let a, let b else { return nil }
                return (a, b)
            }
            guard let a = Day(year: year, month: h1 == 1 ? 1 : 7, day: 1),
                  let b = Day.last(ofMonth: h2 == 1 ? 6 : 12, year: year) else { return nil }
            return (a, b)
        case .year:
            guard let a = Day(year: year, month: 1, day: 1), let b = Day(year: year, month: 12, day: 31) else { return nil }
            return (a, b)
        case .academicYear:
            guard let p = Period.academicYear(year) else { return nil }
            return (p.from, p.to)
        }
    }
}

/// How a span is introduced.
enum SpanMode: Hashable, Sendable {
    /// The span itself: `октябрь 2021`, `с 1 по 15 сентября`.
    case window
    /// `до …`, `к …`: only the last day, the day before the span starts (a day: that day).
    case until
    /// `не позднее …`: a day as `до`; a longer unit: its last day.
    case notLater
    /// `до конца …`: the last day of the span.
    case untilEnd
    /// `с …` with no end.
    case since
    /// `в течение …`, `в период …`: a continuous span.
    case during
}

/// A written span of time: one point or a range of two.
struct Span: Hashable, Sendable {
    var from: Point?
    var to: Point
    var mode: SpanMode
    /// The fragment as written, for messages.
    var fragment: String
    /// The index of its first token, for «the year written after it» (D13).
    var position: Int

    var points: [Point] { [from, to].compactMap { $0 } }
    /// The span without where it was written: equal for the same time however often repeated.
    var content: Span {
        var s = self
        s.fragment = ""
        s.position = 0
        return s
    }
    var problem: PointProblem? { from?.problem ?? to.problem }
    var isYearsOnly: Bool { to.unit.isWholeYear && (from?.unit.isWholeYear ?? true) }
    var hasYear: Bool { to.year != nil && (from.map { $0.year != nil } ?? true) }
}

/// How often a recurring term repeats.
enum Frequency: Hashable, Sendable {
    case yearly, halfYearly, quarterly, monthly
    /// A frequency with no fixed dates: `регулярно`, `2 раза в год`, `еженедельно`.
    case vague
}

/// One recognised piece of a deadline cell.
enum Item: Hashable, Sendable {
    case span(Span)
    case frequency(Frequency)
    case continuous
    case event
    /// `до 10 числа [месяца, следующего за отчётным]`.
    case anchor(day: Int, following: Bool)
    case placeholder
    /// `далее`: what follows continues after the term before.
    case next
}
