/// What a deadline text contains (`deadlines.md`).
public enum DeadlineKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case continuous, date, event, recurring
    public static func < (a: DeadlineKind, b: DeadlineKind) -> Bool { a.rawValue < b.rawValue }
}

/// A window in which an activity falls due: `start` (nil for «до …») to `due`.
public struct Occurrence: Hashable, Sendable, Comparable {
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
public struct Deadline: Hashable, Sendable {
    public var text: String?
    public var kinds: [DeadlineKind]
    public var occurrences: [Occurrence]

    public init(text: String?, kinds: [DeadlineKind] = [], occurrences: [Occurrence] = []) {
        self.text = text
        self.kinds = kinds
        self.occurrences = occurrences
    }
}

extension Occurrence: JSONEncodable {
    public func encode<Output: JSONOutput>(into out: inout Output) {
        out.object { out in
            out.field("start", start)
            out.field("due", due)
        }
    }
}

extension Deadline: JSONEncodable {
    public func encode<Output: JSONOutput>(into out: inout Output) {
        out.object { out in
            out.field("text", text)
            out.key("kinds")
            out.array(kinds) { out, kind in out.string(kind.rawValue) }
            out.field("occurrences", occurrences)
        }
    }

    public init(json: JSONValue) {
        self.init(text: json["text"]?.stringValue,
                  kinds: (json["kinds"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap(DeadlineKind.init(rawValue:)) },
                  occurrences: (json["occurrences"]?.arrayValue ?? []).compactMap { o in
                      guard let due = o["due"]?.stringValue.flatMap(Day.init(iso:)) else { return nil }
                      return Occurrence(start: o["start"]?.stringValue.flatMap(Day.init(iso:)), due: due)
                  })
    }
}
