import Model

/// How an organisation of a quarter was recognised.
public enum OrganisationRecognition: String, Sendable, Hashable {
    /// A line of the methodist's roster.
    case roster
    /// Learned from the files (no roster in force).
    case learned
    /// A roster is in force and the name the files give matches none of its lines: «не распознана».
    case notInRoster = "not-in-roster"
}

/// A status the methodist set for an item of the plan for one quarter (a correction kept in the registry).
public struct StatusCorrection: Hashable, Sendable {
    public var item: ItemReference
    public var quarter: Quarter
    public var status: ItemStatus
    public var note: String?
    /// Who and when: «Иванова И. И., 05.12.2026».
    public var byline: String

    public init(item: ItemReference, quarter: Quarter, status: ItemStatus, note: String? = nil, byline: String) {
        self.item = item
        self.quarter = quarter
        self.status = status
        self.note = note
        self.byline = byline
    }

    /// «исправлено методистом (Иванова И. И., 05.12.2026): сообщили по телефону».
    public var mark: String {
        "исправлено методистом (\(byline))" + (note.map { $0.isEmpty ? "" : ": \($0)" } ?? "")
    }
}

/// What the quarterly report needs to know about one organisation.
public struct QuarterlyInput: Hashable, Sendable {
    public var organization: String
    /// The roster's short name, when there is one.
    public var shortName: String?
    public var recognition: OrganisationRecognition
    /// The organisation's current roadmap, deadlines parsed; `nil` when it sent none (its report is then the plan).
    public var roadmap: Document?
    /// Its report for the quarter, if any.
    public var report: Document?
    /// When that report arrived (for «в срок» / «после срока»); `nil` when not known.
    public var reportArrived: Day?
    /// Its reports for earlier quarters, newest first: an item one of them reports done stays done.
    public var earlierReports: [Document]
    /// Diagnostics of its files by severity.
    public var diagnostics: [Severity: Int]
    /// Relative paths of its check protocols.
    public var protocols: [String]
    /// Statuses the methodist set for its plan's items.
    public var statusCorrections: [StatusCorrection] = []
    /// Other corrections to state in its submission («Организация файла … — исправлено методистом …»).
    public var correctionNotes: [String] = []

    public init(organization: String, shortName: String? = nil, recognition: OrganisationRecognition = .learned,
                roadmap: Document?, report: Document? = nil, reportArrived: Day? = nil,
                earlierReports: [Document] = [], diagnostics: [Severity: Int] = [:], protocols: [String] = []) {
        self.organization = organization
        self.shortName = shortName
        self.recognition = recognition
        self.roadmap = roadmap
        self.report = report
        self.reportArrived = reportArrived
        self.earlierReports = earlierReports
        self.diagnostics = diagnostics
        self.protocols = protocols
    }
}

/// Where the per-organisation inputs come from: a folder of exports, or the registry.
public protocol QuarterlyInputSource {
    /// The inputs of every organisation, or of the one named (`organization` compared case-insensitively);
    /// problems met on the way come back as diagnostics.
    func inputs(for quarter: Quarter, organization: String?) throws -> Checked<[QuarterlyInput]>
}
