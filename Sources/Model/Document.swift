/// The kinds of logical document a file can hold.
public enum DocumentKind: String, Sendable, Hashable, CaseIterable, Codable {
    case order, roadmap, report, indicators, program, other

    /// «приказ», «дорожная карта», … for messages.
    public var russian: String {
        switch self {
        case .order: return "приказ"
        case .roadmap: return "дорожная карта"
        case .report: return "отчёт"
        case .indicators: return "показатели"
        case .program: return "программа"
        case .other: return "прочий документ"
        }
    }
}

/// One activity row of a roadmap or report.
public struct Item: Hashable, Sendable, Codable {
    public var number: String?
    public var activity: String?
    public var deadline: Deadline
    public var responsibles: [Responsible]
    public var result: String?
    public var outcome: String?

    public init(number: String? = nil, activity: String? = nil, deadline: Deadline = Deadline(text: nil),
                responsibles: [Responsible] = [], result: String? = nil, outcome: String? = nil) {
        self.number = number
        self.activity = activity
        self.deadline = deadline
        self.responsibles = responsibles
        self.result = result
        self.outcome = outcome
    }
}

/// A group of items under a section row («I. …», «1-й этап. …»).
public struct Section: Hashable, Sendable, Codable {
    public var number: String?
    public var title: String?
    public var items: [Item]

    public init(number: String? = nil, title: String? = nil, items: [Item] = []) {
        self.number = number
        self.title = title
        self.items = items
    }
}

/// One row of an indicators table; `targets` keyed by four-digit year, in column order.
public struct Indicator: Hashable, Sendable {
    public var number: String?
    public var name: String?
    public var targets: [(year: String, value: String?)]

    public init(number: String? = nil, name: String? = nil, targets: [(year: String, value: String?)] = []) {
        self.number = number
        self.name = name
        self.targets = targets
    }

    public static func == (a: Indicator, b: Indicator) -> Bool {
        a.number == b.number && a.name == b.name && a.targets.count == b.targets.count
            && zip(a.targets, b.targets).allSatisfy { $0.year == $1.year && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(number)
        hasher.combine(name)
        for t in targets { hasher.combine(t.year); hasher.combine(t.value) }
    }
}

/// A numbered point of an order.
public struct OrderPoint: Hashable, Sendable, Codable {
    public var number: String?
    public var text: String

    public init(number: String?, text: String) {
        self.number = number
        self.text = text
    }
}

/// A logical document found in a file.
public struct Document: Hashable, Sendable {
    public var kind: DocumentKind
    public var title: String?
    public var organization: String?
    public var period: Period?
    /// Roadmaps and reports.
    public var sections: [Section]
    /// Indicator tables.
    public var indicators: [Indicator]
    /// Orders.
    public var date: Day?
    public var number: String?
    public var points: [OrderPoint]
    /// Abbreviations the document defines, used to expand responsibles. Not exported.
    public var glossary: Glossary
    /// People the document appoints or lists (an order, a working group). Not exported.
    public var roster: [String]

    public init(kind: DocumentKind, title: String? = nil, organization: String? = nil, period: Period? = nil,
                sections: [Section] = [], indicators: [Indicator] = [], date: Day? = nil, number: String? = nil,
                points: [OrderPoint] = [], glossary: Glossary = Glossary(), roster: [String] = []) {
        self.kind = kind
        self.title = title
        self.organization = organization
        self.period = period
        self.sections = sections
        self.indicators = indicators
        self.date = date
        self.number = number
        self.points = points
        self.glossary = glossary
        self.roster = roster
    }

    /// How many items its sections hold, counted without listing them.
    public var itemCount: Int { sections.reduce(0) { $0 + $1.items.count } }

    /// Every item with its section index, in order.
    public var allItems: [(section: Int, item: Item)] {
        sections.enumerated().flatMap { s in s.element.items.map { (s.offset, $0) } }
    }
}

extension Indicator: Encodable {
    private enum CodingKeys: String, CodingKey { case number, name, targets }

    /// `targets` as an object keyed by year, in column order.
    private struct Targets: Encodable {
        let targets: [(year: String, value: String?)]

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: YearKey.self)
            for target in targets { try c.encode(target.value, forKey: YearKey(target.year)) }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(name, forKey: .name)
        try c.encode(Targets(targets: targets), forKey: .targets)
    }
}

/// A year as the key of an indicator's targets.
private struct YearKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ year: String) { stringValue = year }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

extension Document: Encodable {
    private enum CodingKeys: String, CodingKey {
        case kind, title, organization, period, sections, indicators, date, number, points
    }

    /// The fields of the document's kind only: sections of a roadmap or report, rows of
    /// an indicators table, date, number and points of an order.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(title, forKey: .title)
        try c.encode(organization, forKey: .organization)
        try c.encode(period, forKey: .period)
        switch kind {
        case .roadmap, .report:
            try c.encode(sections, forKey: .sections)
        case .indicators:
            try c.encode(indicators, forKey: .indicators)
        case .order:
            try c.encode(date, forKey: .date)
            try c.encode(number, forKey: .number)
            try c.encode(points, forKey: .points)
        case .program, .other:
            break
        }
    }
}
