import Model

/// The registry as the rest of kartograf sees it: history between runs, whatever keeps it.
/// `Registry` keeps it in SQLite (GRDB), embedded in the output folder; another database
/// (PostgreSQL, for a region) is another type conforming to these protocols, with the same
/// schema and the same meaning of every call.
///
/// Writers may be many processes at once: every `transaction` is atomic and serialised with
/// the others (in SQLite by IMMEDIATE transactions; elsewhere by the database's own), and the
/// first arrival of a content hash is unique.
public protocol RegistryStore: AnyObject, Sendable {
    /// Where the registry lives, as messages name it (a file path, or a URL without its password).
    var path: String { get }

    /// Runs `body` in one write transaction: everything it records commits together or not at all.
    func transaction<T>(_ body: (any RegistryRecording) throws -> T) throws -> T
    /// Runs `body`'s look-ups in one read transaction.
    func read<T>(_ body: (any RegistryLookups) throws -> T) throws -> T

    /// Names of the migrations applied, oldest first.
    func appliedMigrations() throws -> [String]
    /// Every organisation with its current roadmap and diagnostics by severity (see `Registry.organizations`).
    func organizations() throws -> [OrganizationStatus]
    func currentRoadmap(organization: String?) throws -> DocumentSummary?
    func roadmapHistory(organization: String?) throws -> [DocumentSummary]
    func latestReport(organization: String?) throws -> DocumentSummary?
    /// Items of current documents with an occurrence meeting `from...to` (see `Registry.itemsDue`).
    func itemsDue(from: Day, to: Day, organization: String?, kinds: Set<DocumentKind>?) throws -> [DueItem]
    func inputCounts() throws -> [InputOutcome: Int]
    /// Every document of these kinds, every version, in the order their files arrived.
    func documents(kinds: Set<DocumentKind>) throws -> [DocumentSummary]
    /// Diagnostics of each processed input by severity.
    func diagnosticCounts() throws -> [Int64: [Severity: Int]]
}

extension RegistryStore {
    /// The first arrival of these bytes, if any.
    public func firstArrival(sha256: String) throws -> KnownInput? {
        try read { try $0.firstArrival(sha256: sha256) }
    }

    /// Arrivals recorded but whose input is not yet at its `storedPath`.
    public func pendingMoves() throws -> [KnownInput] {
        try read { try $0.pendingMoves() }
    }

    /// Records one arrival in a transaction of its own.
    @discardableResult
    public func record(_ s: Submission) throws -> Int64 {
        try transaction { try $0.record(s) }
    }

    /// Items of every organisation (or of one), of documents of every kind.
    public func itemsDue(from: Day, to: Day, organization: String? = nil) throws -> [DueItem] {
        try itemsDue(from: from, to: to, organization: organization, kinds: nil)
    }

    /// Notes that the input of a recorded arrival now lies at its `storedPath`.
    public func markMoved(id: Int64) throws {
        try transaction { try $0.markMoved(ids: [id]) }
    }

    /// One arrival by its id.
    public func input(id: Int64) throws -> KnownInput? { try read { try $0.input(id: id) } }
    /// The documents recorded for an arrival.
    public func documents(inputId: Int64) throws -> [DocumentSummary] { try read { try $0.documents(inputId: inputId) } }
    /// Corrections made on this file.
    public func corrections(inputId: Int64) throws -> [Correction] { try read { try $0.corrections(inputId: inputId) } }
    /// Every correction, oldest first.
    public func allCorrections() throws -> [Correction] { try read { try $0.allCorrections() } }
    /// What became of each correction tried on this file.
    public func correctionOutcomes(inputId: Int64) throws -> [CorrectionOutcome] {
        try read { try $0.correctionOutcomes(inputId: inputId) }
    }
}

/// What the pipeline asks inside a transaction.
public protocol RegistryLookups {
    /// The first arrival of these bytes, if any.
    func firstArrival(sha256: String) throws -> KnownInput?
    /// Whether any of `paths` (relative to the output folder) is already the home of some recorded file.
    func isClaimed(anyOf paths: [String]) throws -> Bool
    /// Every path recorded files own that starts with `prefix`.
    func claimedPaths(under prefix: String) throws -> Set<String>
    /// Arrivals whose input is not yet at its `storedPath`, oldest first.
    func pendingMoves() throws -> [KnownInput]
    /// The spelling under which the registry first met this organisation, or `name` when it is new.
    func canonicalOrganization(_ name: String) throws -> String
    /// The content hash of every first arrival.
    func recordedDigests() throws -> Set<String>
    /// Every organisation name recorded, in the order first met.
    func organizationNames() throws -> [String]

    // Corrections (`Registry/Corrections.swift`).
    /// One arrival by its id.
    func input(id: Int64) throws -> KnownInput?
    /// Every processed arrival, oldest first.
    func processedInputs() throws -> [KnownInput]
    /// The documents recorded for an arrival, in the file's order.
    func documents(inputId: Int64) throws -> [DocumentSummary]
    /// Corrections made on files of this organisation (compared by `Registry.organizationKey`;
    /// `nil`: of files filed under none), oldest first.
    func corrections(organization: String?) throws -> [Correction]
    /// Corrections made on this file, oldest first.
    func corrections(inputId: Int64) throws -> [Correction]
    /// Every correction, oldest first.
    func allCorrections() throws -> [Correction]
    /// What became of each correction tried on this file, in the corrections' order.
    func correctionOutcomes(inputId: Int64) throws -> [CorrectionOutcome]

    // The desk's listing (`Registry/Listing.swift`).
    /// Input files, newest first (`limit` of them, when given), each with its diagnostics by severity.
    func inputListings(limit: Int?) throws -> [InputListing]
    /// One input file by its id, with its diagnostics by severity.
    func inputListing(id: Int64) throws -> InputListing?
}

/// What the pipeline records inside a write transaction.
public protocol RegistryRecording: RegistryLookups {
    /// Records one arrival with its documents, items and diagnostics; a newer roadmap of an
    /// organisation supersedes the older one. Returns the arrival's id.
    @discardableResult
    func record(_ s: Submission) throws -> Int64
    /// Notes that the inputs of these recorded arrivals now lie at their `storedPath`.
    func markMoved(ids: [Int64]) throws

    // Corrections (`Registry/Corrections.swift`).
    /// Keeps a correction; returns it with its id.
    func add(_ correction: Correction) throws -> Correction
    /// Notes what became of corrections in a file (a later note for the same pair replaces the earlier).
    func record(outcomes: [CorrectionOutcome]) throws
    /// Files an arrival (every document, or the one at `document`) under `organization`, and lets its
    /// roadmaps supersede or be superseded by that organisation's as a run would.
    func assignOrganization(inputId: Int64, document: Int?, organization: String) throws
    /// Sets the kind of the document at `document` of an arrival.
    func setDocumentKind(inputId: Int64, document: Int, kind: DocumentKind) throws
    /// Replaces the deadline of the item at `item` (the place among the document's items, as `Document.allItems`).
    func setDeadline(inputId: Int64, document: Int, item: Int, deadline: Deadline) throws
    /// Replaces an arrival's findings (after a correction dismissed one or changed what a deadline reads as).
    func replaceDiagnostics(inputId: Int64, _ diagnostics: [Diagnostic]) throws
    /// Replaces what an arrival was read as (documents, items, diagnostics) with `export`, filed under the
    /// arrival's organisation, roadmaps superseding as a run would (a file read again with learned words).
    func replaceContent(inputId: Int64, export: Export) throws
}
