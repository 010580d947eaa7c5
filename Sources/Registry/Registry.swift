import Foundation
import GRDB
import Model
import Text

/// History between runs: an SQLite database (GRDB) in the output folder.
///
/// A file's record is one transaction (`transaction`), so a file is either fully known to the
/// registry or not at all. Write transactions are IMMEDIATE (GRDB's default for writes): several
/// processes may share one registry, each transaction waiting its turn instead of failing on a
/// snapshot another process overtook. Opening migrates the file under a lock beside it, so that
/// only one process ever applies a migration.
public final class Registry: RegistryStore {
    /// The database file's name inside the output folder.
    public static let fileName = "kartograf.sqlite"
    /// The last migration this version knows: the registry's schema version.
    public static var schemaVersion: String { Schema.migrator.migrations.last ?? "" }
    /// Every migration this version knows, oldest first (another back-end applies the same names).
    public static var migrationNames: [String] { Schema.migrator.migrations }
    /// How long a transaction waits for another process's to end.
    static let busyTimeout: TimeInterval = 60

    /// The database file (`:memory:` for a registry in memory), as messages name it.
    public let path: String
    let writer: any DatabaseWriter

    /// Opens (creating and migrating as needed) the registry at `path`.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync survives a killed process; only power loss may drop the last commits.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Sorting space stays in memory: nothing is written outside the output folder.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        configuration.busyMode = .timeout(Self.busyTimeout)
        do {
            writer = try FileLock.exclusively(path + "-lock") {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try Self.migrate(pool, path: path)
                return pool
            }
        } catch {
            throw RegistryError.wrap(error, path: path)
        }
    }

    /// A registry in memory, for tests.
    public init() throws {
        path = ":memory:"
        let queue = try DatabaseQueue()
        writer = queue
        try Self.migrate(queue, path: path)
    }

    /// Brings the schema up to date; refuses a file a newer kartograf has migrated further.
    private static func migrate(_ writer: any DatabaseWriter, path: String) throws {
        let migrator = Schema.migrator
        let known = Set(migrator.migrations)
        let unknown = try writer.read { db in try migrator.appliedIdentifiers(db) }.subtracting(known)
        guard unknown.isEmpty else { throw RegistryError.newerSchema(path: path, migrations: unknown.sorted()) }
        try migrator.migrate(writer)
    }

    /// Runs `body`, giving a GRDB error the registry's Russian reading.
    private func guarded<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw RegistryError.wrap(error, path: path) }
    }

    /// Names of the migrations applied, oldest first.
    public func appliedMigrations() throws -> [String] {
        try guarded { try writer.read { db in try Schema.migrator.appliedMigrations(db) } }
    }

    // MARK: Inputs

    /// Runs `body` in one write transaction: everything it records commits together or not at all.
    public func transaction<T>(_ body: (any RegistryRecording) throws -> T) throws -> T {
        try guarded { try writer.write { db in try body(RegistryTransaction(db: db)) } }
    }

    /// Runs `body`'s look-ups in one read transaction (it must not record).
    public func read<T>(_ body: (any RegistryLookups) throws -> T) throws -> T {
        try guarded { try writer.read { db in try body(RegistryTransaction(db: db)) } }
    }

    // MARK: Organisations

    /// What identifies an organisation across spellings: letters, marks and digits only, lower case,
    /// «ё» as «е» («МБОУ лицей №1 г. Пролетарска» and «МБОУ Лицей № 1 г.Пролетарска» are one).
    public static func organizationKey(_ name: String) -> String {
        var key: [UInt8] = []  // UTF-8: appending bytes is far cheaper than appending to a scalar view
        for scalar in RussianFold.fold(name).unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
                key.append(contentsOf: UTF8.encode(scalar)!)
            default:
                continue
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    // MARK: Queries

    /// Every organisation with its current roadmap and diagnostics by severity, by name
    /// (documents naming no organisation last, as `organization == nil`).
    public func organizations() throws -> [OrganizationStatus] {
        try guarded { try writer.read { db in
            let names = try String?.fetchAll(db, sql: """
                SELECT DISTINCT organization FROM input WHERE outcome = 'processed'
                ORDER BY organization IS NULL, organization
                """)
            // Diagnostics by organisation and severity in one pass over the diagnostics.
            var diagnostics: [String?: [Severity: Int]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT i.organization AS organization, d.severity AS severity, count(*) AS n
                FROM diagnostic d JOIN input i ON i.id = d.inputId
                WHERE i.outcome = 'processed' GROUP BY i.organization, d.severity
                """) {
                if let s = Severity(rawValue: row["severity"]) { diagnostics[row["organization"] as String?, default: [:]][s] = row["n"] }
            }
            return try names.map { name in
                let current = try Self.roadmaps(db, organization: name, currentOnly: true).first
                let earlier = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM document WHERE kind = 'roadmap' AND organization IS ? AND supersededBy IS NOT NULL
                    """, arguments: [name]) ?? 0
                let inputs = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM input WHERE outcome = 'processed' AND organization IS ?
                    """, arguments: [name]) ?? 0
                return OrganizationStatus(organization: name, currentRoadmap: current, earlierRoadmaps: earlier,
                                          inputs: inputs, diagnostics: diagnostics[name] ?? [:])
            }
        } }
    }

    /// The organisation's current roadmap.
    public func currentRoadmap(organization: String?) throws -> DocumentSummary? {
        try guarded { try writer.read { db in try Self.roadmaps(db, organization: organization, currentOnly: true).first } }
    }

    /// Every roadmap version of the organisation, newest first; the first is current.
    public func roadmapHistory(organization: String?) throws -> [DocumentSummary] {
        try guarded { try writer.read { db in try Self.roadmaps(db, organization: organization, currentOnly: false) } }
    }

    /// The organisation's most recent report (by the file's modification time).
    public func latestReport(organization: String?) throws -> DocumentSummary? {
        try guarded { try writer.read { db in
            try Row.fetchOne(db, sql: Self.documentSelect + """
                WHERE d.kind = 'report' AND d.organization IS ? ORDER BY d.modifiedAt DESC, d.id DESC LIMIT 1
                """, arguments: [organization]).map(DocumentSummary.init(row:))
        } }
    }

    /// Items (of an organisation, when given) of current roadmaps (and of every other non-superseded document) with an
    /// occurrence whose window meets `from...to`: due on or after `from`, and starting
    /// (or, for «до …» deadlines, due) on or before `to`. Ordered by due date.
    public func itemsDue(from: Day, to: Day, organization: String? = nil,
                         kinds: Set<DocumentKind>? = nil) throws -> [DueItem] {
        var sql = """
            SELECT d.id AS documentId, d.organization, d.kind, d.title, it.position, it.sectionTitle, it.number,
                   it.activity, it.deadlineText, it.responsibles, it.result, it.occurrences
            FROM item it JOIN document d ON d.id = it.documentId
            WHERE d.supersededBy IS NULL AND it.lastDue >= ? AND it.firstDay <= ?
            """
        var arguments: StatementArguments = [from.iso, to.iso]
        if let organization {
            sql += " AND d.organization = ?"
            arguments += [organization]
        }
        if let kinds {
            sql += " AND d.kind IN (\(kinds.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")))"
        }
        let found = try guarded { try writer.read { [sql, arguments] db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).flatMap { row -> [(DueItem, Int)] in
                guard let kind = DocumentKind(rawValue: row["kind"]) else { return [] }
                let position: Int = row["position"]
                return OccurrenceList.decode(row["occurrences"])
                    .filter { $0.due >= from && ($0.start ?? $0.due) <= to }
                    .map { occurrence in
                        (DueItem(organization: row["organization"], documentKind: kind, documentTitle: row["title"],
                                 documentId: row["documentId"], sectionTitle: row["sectionTitle"],
                                 number: row["number"], activity: row["activity"], deadlineText: row["deadlineText"],
                                 responsibles: row["responsibles"], result: row["result"], occurrence: occurrence),
                         position)
                    }
            }
        } }
        return DueItem.ordered(found)
    }

    /// Every document of these kinds, every version, in the order their files arrived (for the quarter,
    /// which groups them by organisation itself).
    public func documents(kinds: Set<DocumentKind>) throws -> [DocumentSummary] {
        let list = kinds.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")
        return try writer.read { db in
            try Row.fetchAll(db, sql: Self.documentSelect + """
                WHERE d.kind IN (\(list)) AND i.outcome = 'processed' ORDER BY i.id, d.position
                """).map(DocumentSummary.init(row:))
        }
    }

    /// Diagnostics of each processed input by severity.
    public func diagnosticCounts() throws -> [Int64: [Severity: Int]] {
        try writer.read { db in try RegistryTransaction(db: db).diagnosticCounts(sql: "1", arguments: []) }
    }

    /// Counts of arrivals by outcome.
    public func inputCounts() throws -> [InputOutcome: Int] {
        try guarded { try writer.read { db in
            var counts: [InputOutcome: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT outcome, count(*) AS n FROM input GROUP BY outcome") {
                if let o = InputOutcome(rawValue: row["outcome"]) { counts[o] = row["n"] }
            }
            return counts
        } }
    }

    static let documentSelect = """
        SELECT d.*, i.name AS inputName, i.exportPath, i.protocolPath, i.receivedAt FROM document d
        JOIN input i ON i.id = d.inputId

        """

    static func roadmaps(_ db: Database, organization: String?, currentOnly: Bool) throws -> [DocumentSummary] {
        try Row.fetchAll(db, sql: documentSelect + """
            WHERE d.kind = 'roadmap' AND d.organization IS ? \(currentOnly ? "AND d.supersededBy IS NULL" : "")
            ORDER BY d.supersededBy IS NOT NULL, d.modifiedAt DESC, d.id DESC
            """, arguments: [organization]).map(DocumentSummary.init(row:))
    }
}

extension DueItem {
    /// Items by due day, then organisation (none first), document and the item's place in it
    /// (`position`), as every back-end orders them.
    public static func ordered(_ found: [(DueItem, position: Int)]) -> [DueItem] {
        found.sorted { a, b in
            let (x, y) = (a.0, b.0)
            if x.occurrence.due != y.occurrence.due { return x.occurrence.due < y.occurrence.due }
            if x.organization != y.organization {
                guard let p = x.organization else { return true }
                guard let q = y.organization else { return false }
                return p.utf8.lexicographicallyPrecedes(q.utf8)
            }
            if x.documentId != y.documentId { return x.documentId < y.documentId }
            return a.1 < b.1
        }.map(\.0)
    }
}

extension KnownInput: FetchableRecord {}

extension DocumentSummary {
    init(row: Row) {
        id = row["id"]
        inputId = row["inputId"]
        position = row["position"]
        statedOrganization = row["statedOrganization"]
        modifiedAt = row["modifiedAt"]
        inputName = row["inputName"]
        kind = DocumentKind(rawValue: row["kind"]) ?? .other
        title = row["title"]
        organization = row["organization"]
        let from: String? = row["periodFrom"]
        let to: String? = row["periodTo"]
        if let from = from.flatMap(Day.init(iso:)), let to = to.flatMap(Day.init(iso:)) {
            period = Period(from: from, to: to)
        } else {
            period = nil
        }
        itemCount = row["itemCount"]
        exportPath = row["exportPath"]
        protocolPath = row["protocolPath"]
        receivedAt = row["receivedAt"]
        let supersededBy: Int64? = row["supersededBy"]
        isCurrent = supersededBy == nil
    }
}
