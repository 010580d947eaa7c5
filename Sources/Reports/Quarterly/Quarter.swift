import Foundation
import Model

/// A calendar quarter, written `2024-Q1`.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1...4.
    public let number: Int

    public init?(year: Int, number: Int) {
        guard (1...9998).contains(year), (1...4).contains(number) else { return nil }
        self.year = year
        self.number = number
    }

    /// Parses `2024-Q1` (the `Q` in either case).
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]),
              parts[1].count == 2, parts[1].first == "Q" || parts[1].first == "q",
              let number = Int(parts[1].dropFirst()) else { return nil }
        self.init(year: year, number: number)
    }

    /// The quarter a day belongs to.
    public init(containing day: Day) {
        year = day.year
        number = (day.month - 1) / 3 + 1
    }

    public var description: String { "\(year)-Q\(number)" }

    /// «I квартал 2024 г.»
    public var russian: String { "\(["I", "II", "III", "IV"][number - 1]) квартал \(year) г." }

    public var firstMonth: Int { (number - 1) * 3 + 1 }

    public var start: Day { Day.first(ofMonth: firstMonth, year: year)! }
    public var end: Day { Day.last(ofMonth: firstMonth + 2, year: year)! }
    public var period: Period { Period(from: start, to: end) }

    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    /// True when the window `start`…`due` (a `nil` start meaning the due day alone) meets the quarter.
    public func overlaps(_ occurrence: Occurrence) -> Bool {
        (occurrence.start ?? occurrence.due) <= end && occurrence.due >= start
    }

    /// The submission is due on the 10th day after the quarter (10 January for Q4).
    public var reportingDeadline: Day { reportingDeadline(daysAfter: Quarter.standardDaysAfter) }

    /// The reporting deadline's default: the 10th day after the quarter ends.
    public static let standardDaysAfter = 10

    /// The day `days` after the quarter's last day (10 → 10 January for Q4, 10 October for Q3).
    public func reportingDeadline(daysAfter days: Int) -> Day { Day(ordinal: end.ordinal + max(0, days)) }

    /// The quarter a report is about when only its arrival is known: the quarter that ended last
    /// before it when it came within 45 days of that end, else the quarter it came in.
    public init(reportArrivedOn day: Day) {
        let containing = Quarter(containing: day)
        let previous = containing.previous
        self = day.ordinal - previous.end.ordinal <= 45 ? previous : containing
    }

    public var previous: Quarter {
        number == 1 ? Quarter(year: year - 1, number: 4)! : Quarter(year: year, number: number - 1)!
    }

    public var next: Quarter {
        number == 4 ? Quarter(year: year + 1, number: 1)! : Quarter(year: year, number: number + 1)!
    }

    /// The `count` quarters before this one, nearest first.
    public func previous(_ count: Int) -> [Quarter] {
        var out: [Quarter] = []
        var q = self
        for _ in 0..<max(count, 0) { q = q.previous; out.append(q) }
        return out
    }

    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.number) < (b.year, b.number) }
}
