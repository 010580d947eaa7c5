/// What a deadline text contains (`deadlines.md`).
public enum DeadlineKind: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case continuous, date, event, recurring
    public static func < (a: DeadlineKind, b: DeadlineKind) -> Bool { a.rawValue < b.rawValue }
}

/// A window in which an activity falls due: `start` (nil for «до …») to `due`.
public struct Occurrence: Hashable, Sendable, Comparable, Codable {
    public var start: Day?
    public var due: Day

    public init(start: Day?, due: Day) {
        self.start = start
        self.due = due
    }

    /// Sorted by `due`, then `start` with `nil` first.
    public static func < (a: Occurrence, b: Occurrence) -> Bool {
        if a.due != b.due { return a.due < b.due }
        switch (a.start, b.start) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case let (x?, y?): return x < y
        }
    }
}

/// A deadline cell: its text and, once parsed, what it means.
public struct Deadline: Hashable, Sendable, Codable {
    public var text: String?
    public var kinds: [DeadlineKind]
    public var occurrences: [Occurrence]

    public init(text: String?, kinds: [DeadlineKind] = [], occurrences: [Occurrence] = []) {
        self.text = text
        self.kinds = kinds
        self.occurrences = occurrences
    }
}
