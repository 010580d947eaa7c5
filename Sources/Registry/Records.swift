import Model

/// What became of an input file.
public enum InputOutcome: String, Sendable, Hashable, Decodable {
    /// Read; its export and protocol are in the organisation's folder.
    case processed
    /// Could not be read; moved to the rejected folder beside its reason.
    case rejected
    /// The same bytes had already arrived; not processed again.
    case duplicate
}

/// One arrival to record, with everything the pipeline made of it.
/// Paths are relative to the output folder.
public struct Submission: Sendable {
    public var sha256: String
    public var name: String
    public var size: Int
    public var receivedAt: String
    public var modifiedAt: Double
    public var outcome: InputOutcome
    public var converted: Bool
    public var organization: String?
    public var storedPath: String
    public var exportPath: String?
    public var protocolPath: String?
    public var reasonPath: String?
    /// The first `file.*` diagnostic of a rejected file.
    public var reason: Diagnostic?
    public var export: Export?
    /// The inbox subfolder the file came from (`Школа 5`), a hint of its organisation; `nil` at the top.
    public var folder: String?
    /// Where the input lies until it is put at `storedPath` (an absolute path in the recording
    /// process's own folder), so that another process can finish the move if this one dies.
    public var sourcePath: String?

    public init(sha256: String, name: String, size: Int, receivedAt: String, modifiedAt: Double,
                outcome: InputOutcome, converted: Bool = false, organization: String? = nil, storedPath: String,
                exportPath: String? = nil, protocolPath: String? = nil, reasonPath: String? = nil,
                reason: Diagnostic? = nil, export: Export? = nil, folder: String? = nil, sourcePath: String? = nil) {
        self.folder = folder
        self.sourcePath = sourcePath
        self.sha256 = sha256
        self.name = name
        self.size = size
        self.receivedAt = receivedAt
        self.modifiedAt = modifiedAt
        self.outcome = outcome
        self.converted = converted
        self.organization = organization
        self.storedPath = storedPath
        self.exportPath = exportPath
        self.protocolPath = protocolPath
        self.reasonPath = reasonPath
        self.reason = reason
        self.export = export
    }
}

/// An input row as the registry knows it.
/// Decodable from an `input` row: its properties are the table's columns.
public struct KnownInput: Sendable, Hashable, Decodable {
    public var id: Int64
    public var sha256: String
    public var name: String
    public var outcome: InputOutcome
    public var reasonCode: String?
    public var reason: String?
    public var converted: Bool
    public var organization: String?
    public var storedPath: String
    public var folder: String?
    /// Where the input lay before it was moved (see `Submission.sourcePath`); `nil` in rows of older versions.
    public var sourcePath: String?
    public var moved: Bool
    /// Where its export and first protocol are (relative to the output folder), when processed.
    public var exportPath: String? = nil
    public var protocolPath: String? = nil
    /// When it arrived, `YYYY-MM-DDTHH:MM:SSZ`, and its file's modification time.
    public var receivedAt: String = ""
    public var modifiedAt: Double = 0

    public init(id: Int64, sha256: String, name: String, outcome: InputOutcome, reasonCode: String? = nil,
                reason: String? = nil, converted: Bool = false, organization: String? = nil, storedPath: String,
                folder: String? = nil, sourcePath: String? = nil, moved: Bool = false) {
        self.id = id
        self.sha256 = sha256
        self.name = name
        self.outcome = outcome
        self.reasonCode = reasonCode
        self.reason = reason
        self.converted = converted
        self.organization = organization
        self.storedPath = storedPath
        self.folder = folder
        self.sourcePath = sourcePath
        self.moved = moved
    }
}

/// A document as the registry lists it.
public struct DocumentSummary: Sendable, Hashable {
    public var id: Int64
    public var inputId: Int64 = 0
    /// Its place among its file's documents (the export's `documents` index).
    public var position: Int = 0
    /// What the document itself names as its organisation (`organization` is its file's, as filed).
    public var statedOrganization: String?
    /// The input file's modification time (seconds since 1970).
    public var modifiedAt: Double = 0
    public var inputName: String
    public var kind: DocumentKind
    public var title: String?
    public var organization: String?
    public var period: Period?
    public var itemCount: Int
    public var exportPath: String?
    public var protocolPath: String?
    public var receivedAt: String
    public var isCurrent: Bool

    public init(id: Int64, inputId: Int64, statedOrganization: String?, modifiedAt: Double, inputName: String,
                kind: DocumentKind, title: String?, organization: String?, period: Period?, itemCount: Int,
                exportPath: String?, protocolPath: String?, receivedAt: String, isCurrent: Bool) {
        self.id = id
        self.inputId = inputId
        self.statedOrganization = statedOrganization
        self.modifiedAt = modifiedAt
        self.inputName = inputName
        self.kind = kind
        self.title = title
        self.organization = organization
        self.period = period
        self.itemCount = itemCount
        self.exportPath = exportPath
        self.protocolPath = protocolPath
        self.receivedAt = receivedAt
        self.isCurrent = isCurrent
    }
}

/// One line of `kartograf status`.
public struct OrganizationStatus: Sendable, Hashable {
    /// `nil` for documents that name no organisation.
    public var organization: String?
    public var currentRoadmap: DocumentSummary?
    public var earlierRoadmaps: Int
    public var inputs: Int
    public var diagnostics: [Severity: Int]

    public init(organization: String?, currentRoadmap: DocumentSummary?, earlierRoadmaps: Int, inputs: Int,
                diagnostics: [Severity: Int]) {
        self.organization = organization
        self.currentRoadmap = currentRoadmap
        self.earlierRoadmaps = earlierRoadmaps
        self.inputs = inputs
        self.diagnostics = diagnostics
    }
}

/// An item falling due in a queried span, with what the quarterly report needs.
public struct DueItem: Sendable, Hashable {
    public var organization: String?
    public var documentKind: DocumentKind
    public var documentTitle: String?
    public var documentId: Int64
    public var sectionTitle: String?
    public var number: String?
    public var activity: String?
    public var deadlineText: String?
    public var responsibles: String
    public var result: String?
    public var occurrence: Occurrence

    public init(organization: String?, documentKind: DocumentKind, documentTitle: String?, documentId: Int64,
                sectionTitle: String?, number: String?, activity: String?, deadlineText: String?, responsibles: String,
                result: String?, occurrence: Occurrence) {
        self.organization = organization
        self.documentKind = documentKind
        self.documentTitle = documentTitle
        self.documentId = documentId
        self.sectionTitle = sectionTitle
        self.number = number
        self.activity = activity
        self.deadlineText = deadlineText
        self.responsibles = responsibles
        self.result = result
        self.occurrence = occurrence
    }
}
