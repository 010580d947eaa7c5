import Model

/// What the quarterly report needs to know about one organisation.
public struct QuarterlyInput: Hashable, Sendable {
    public var organization: String
    /// The organisation's current roadmap, deadlines parsed.
    public var roadmap: Document
    /// Its latest report (отчёт), if any.
    public var report: Document?
    /// Diagnostics of its files by severity.
    public var diagnostics: [Severity: Int]
    /// Relative paths of its check protocols.
    public var protocols: [String]

    public init(organization: String, roadmap: Document, report: Document? = nil,
                diagnostics: [Severity: Int] = [:], protocols: [String] = []) {
        self.organization = organization
        self.roadmap = roadmap
        self.report = report
        self.diagnostics = diagnostics
        self.protocols = protocols
    }
}

/// Where the per-organisation inputs come from: a folder of exports now, the registry later.
public protocol QuarterlyInputSource {
    /// The inputs of every organisation, or of the one named (`organization` compared case-insensitively);
    /// problems met on the way come back as diagnostics.
    func inputs(for quarter: Quarter, organization: String?) throws -> Checked<[QuarterlyInput]>
}
