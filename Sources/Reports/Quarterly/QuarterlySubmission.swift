import Model

/// One planned item as a quarterly submission lists it.
public struct QuarterlyRow: Hashable, Sendable {
    public var sectionNumber: String?
    public var sectionTitle: String?
    public var number: String?
    public var activity: String?
    public var deadlineText: String?
    /// The occurrences that concern the quarter (for an overdue item, its last one).
    public var occurrences: [Occurrence]
    public var responsibles: [String]
    public var result: String?
    public var reason: InclusionReason
    public var status: ItemStatus
    /// The report's own words when a report item matched.
    public var reportedOutcome: String?
    /// «исправлено методистом (…)» when the methodist set the status.
    public var correction: String? = nil

    /// The earliest day the quarter's occurrences cover.
    public var firstDay: Day? { occurrences.map { $0.start ?? $0.due }.min() }
    /// The latest due day of the quarter's occurrences.
    public var lastDay: Day? { occurrences.map(\.due).max() }

    /// «15.02.2024; 01.01.2024–31.03.2024».
    public var datesText: String {
        occurrences.map { o in
            if let s = o.start, s != o.due { return "\(s.dottedDate)–\(o.due.dottedDate)" }
            return o.due.dottedDate
        }.joined(separator: "; ")
    }
}

/// An item kept out of the table because it has no dates: event-driven («по событию») or undated.
public struct UndatedItem: Hashable, Sendable {
    public var sectionNumber: String?
    public var number: String?
    public var activity: String?
    public var deadlineText: String?
    public var responsibles: [String]
    public var status: ItemStatus
    /// «исправлено методистом (…)» when the methodist set the status.
    public var correction: String? = nil
}

/// Counts over a submission's rows.
public struct QuarterlyCounts: Hashable, Sendable {
    /// Rows in the table.
    public var rows = 0
    /// Rows due in the quarter, and of those the ones reported done.
    public var due = 0
    public var dueDone = 0
    public var active = 0
    public var byStatus: [ItemStatus: Int] = [:]
    public var byEvent = 0
    public var undated = 0

    public init() {}

    public subscript(status: ItemStatus) -> Int { byStatus[status] ?? 0 }

    /// Share of due items done, 0...1; `nil` when nothing fell due.
    public var doneShare: Double? { due == 0 ? nil : Double(dueDone) / Double(due) }
}

/// Whether an organisation's report for the quarter came, and when.
public enum SubmissionState: String, Sendable, Hashable, CaseIterable {
    case onTime = "представлен в срок"
    case late = "представлен после срока"
    case missing = "не представлен"

    public var russian: String { rawValue }

    /// The name templates count it by: `onTime`, `afterDeadline`, `missing`.
    public var key: String {
        switch self {
        case .onTime: return "onTime"
        case .late: return "afterDeadline"
        case .missing: return "missing"
        }
    }
}

/// What one organisation submits for a quarter.
public struct QuarterlySubmission: Hashable, Sendable {
    public var organization: String
    /// The roster's short name, when there is one.
    public var shortName: String?
    /// «не распознана» when `.notInRoster`.
    public var recognition: OrganisationRecognition = .learned
    /// Its report for the quarter: in time, late or missing.
    public var state: SubmissionState = .missing
    /// When that report arrived, if known.
    public var reportArrived: Day?
    /// The day the report was due (the reporting rule's, 10 days after the quarter by default).
    public var deadline: Day
    /// Notes on the quarter's reading: status marks not understood, items dated before the roadmap's period.
    public var notes: [Diagnostic] = []
    /// What the methodist corrected in the organisation's files, stated with «исправлено методистом».
    public var corrections: [String] = []
    public var quarter: Quarter
    public var generatedOn: Day
    /// Whether the organisation sent a roadmap; without one its report's rows are the plan.
    public var hasRoadmap = true
    /// The roadmap the rows come from, and the report statuses were read from.
    public var roadmapTitle: String?
    /// The roadmap's approval date and period, shown beside its title.
    public var roadmapDate: Day?
    public var roadmapPeriod: Period?
    public var reportTitle: String?
    public var rows: [QuarterlyRow]
    public var byEvent: [UndatedItem]
    public var undated: [UndatedItem]
    /// Diagnostics of the organisation's files by severity.
    public var diagnostics: [Severity: Int]
    /// Relative paths of the organisation's check protocols.
    public var protocols: [String]

    public init(organization: String, quarter: Quarter, generatedOn: Day, roadmapTitle: String? = nil,
                reportTitle: String? = nil, rows: [QuarterlyRow] = [], byEvent: [UndatedItem] = [],
                undated: [UndatedItem] = [], diagnostics: [Severity: Int] = [:], protocols: [String] = []) {
        self.organization = organization
        self.deadline = quarter.reportingDeadline
        self.quarter = quarter
        self.generatedOn = generatedOn
        self.roadmapTitle = roadmapTitle
        self.reportTitle = reportTitle
        self.rows = rows
        self.byEvent = byEvent
        self.undated = undated
        self.diagnostics = diagnostics
        self.protocols = protocols
    }

    /// «не распознана», «представлен в срок», «представлен после срока», «не представлен».
    public var stateText: String { recognition == .notInRoster ? "не распознана" : state.russian }

    /// Rows due in the quarter or active in it.
    public var currentRows: [QuarterlyRow] { rows.filter { $0.reason != .overdue } }
    /// Rows due before the quarter and not reported done, with their original dates.
    public var overdueRows: [QuarterlyRow] { rows.filter { $0.reason == .overdue } }

    /// «Дорожная карта …» as a submission names it: its title (or «без названия») and its date,
    /// else its period; «не представлена» when there is none; never empty.
    public var roadmapLabel: String {
        if !hasRoadmap {
            let planned = !(rows.isEmpty && byEvent.isEmpty && undated.isEmpty)
            return planned ? "не представлена; мероприятия — по строкам отчёта" : "не представлена"
        }
        var label = roadmapTitle.map { "«\(FlowingText.join($0))»" } ?? "без названия"
        if let roadmapDate {
            label += " от \(roadmapDate.russianText)"
        } else if let roadmapPeriod {
            label += ", период \(roadmapPeriod.russianText)"
        }
        return label
    }

    /// Generated after the reporting deadline.
    public var isLate: Bool { generatedOn > deadline }

    public var counts: QuarterlyCounts {
        var c = QuarterlyCounts()
        c.rows = rows.count
        for row in rows {
            c.byStatus[row.status, default: 0] += 1
            switch row.reason {
            case .due:
                c.due += 1
                if row.status == .done { c.dueDone += 1 }
            case .active: c.active += 1
            case .overdue: break
            }
        }
        c.byEvent = byEvent.count
        c.undated = undated.count
        return c
    }
}

