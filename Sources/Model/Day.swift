/// A calendar day without time or zone, written as ISO `YYYY-MM-DD`.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns `nil` when the date cannot exist (31 February, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The first day of a month; `month` must be 1...12.
    public static func first(ofMonth month: Int, year: Int) -> Day? { Day(year: year, month: month, day: 1) }

    /// The last day of a month; `month` must be 1...12.
    public static func last(ofMonth month: Int, year: Int) -> Day? {
        Day(year: year, month: month, day: daysIn(month: month, year: year))
    }

    /// `YYYY-MM-DD`, built as ten bytes: exports and the registry write it for every occurrence.
    public var iso: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        appendISO(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the ten bytes of `iso` to `bytes`.
    public func appendISO(to bytes: inout [UInt8]) {
        func digit(_ v: Int) -> UInt8 { UInt8(ascii: "0") + UInt8(v % 10) }
        bytes.append(contentsOf: [digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), UInt8(ascii: "-"),
                                  digit(month / 10), digit(month), UInt8(ascii: "-"), digit(day / 10), digit(day)])
    }

    public var description: String { iso }

    /// `dd.mm.yyyy`, as Russian documents write dates.
    public var dottedDate: String {
        let d = day < 10 ? "0\(day)" : "\(day)"
        let m = month < 10 ? "0\(month)" : "\(month)"
        return "\(d).\(m).\(year)"
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The next calendar day.
    public var next: Day {
        if day < Day.daysIn(month: month, year: year) { return Day(year: year, month: month, day: day + 1)! }
        if month < 12 { return Day(year: year, month: month + 1, day: 1)! }
        return Day(year: year + 1, month: 1, day: 1)!
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic and spreadsheets.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(ordinal: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }
}

/// The span a document plans for, or a cell's own explicit range.
public struct Period: Hashable, Sendable, Codable {
    public var from: Day
    public var to: Day

    public init(from: Day, to: Day) {
        self.from = from
        self.to = to
    }

    /// `2023-01-01..2025-12-31`, as the CLI takes it.
    public init?(cli text: String) {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let a = Day(iso: parts[0]), let b = Day(iso: parts[1]), a <= b else { return nil }
        self.init(from: a, to: b)
    }

    public func contains(_ day: Day) -> Bool { from <= day && day <= to }

    /// Calendar years `first`..`last`, 1 January to 31 December.
    public static func calendarYears(_ first: Int, _ last: Int) -> Period? {
        guard first <= last, let a = Day(year: first, month: 1, day: 1), let b = Day(year: last, month: 12, day: 31)
        else { return nil }
        return Period(from: a, to: b)
    }

    /// The academic year that starts on 1 September of `firstYear`.
    public static func academicYear(_ firstYear: Int) -> Period? {
        guard let a = Day(year: firstYear, month: 9, day: 1), let b = Day(year: firstYear + 1, month: 8, day: 31)
        else { return nil }
        return Period(from: a, to: b)
    }

    /// True for 1 September .. 31 August of the next year.
    public var isOneAcademicYear: Bool {
        from.month == 9 && from.day == 1 && to.month == 8 && to.day == 31 && to.year == from.year + 1
    }

    /// True for 1 January .. 31 December of one year.
    public var isOneCalendarYear: Bool {
        from.month == 1 && from.day == 1 && to.month == 12 && to.day == 31 && to.year == from.year
    }
}

extension Day: Codable {
    /// A day is written as its ISO string, `"2025-01-10"`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO date: \(text)")
        }
        self = day
    }
}
