import Foundation
import Model
import PostgresNIO
import Registry

/// The registry on a PostgreSQL server: the same interface and meaning as the SQLite `Registry`,
/// for a region whose departments share one database.
///
/// Many processes write at once. A write transaction first takes its department's advisory lock on
/// the server (held until it commits or rolls back), so that a department's transactions follow one
/// another as SQLite's IMMEDIATE transactions do, while departments write side by side; unique
/// indexes and a deferred exclusion constraint (a content hash's first arrival, one current roadmap
/// per organisation) hold whatever a client does. Reads run in a read-only snapshot.
public final class PostgresRegistry: RegistryStore {
    /// The URL without its password.
    public var path: String { link.location.display }
    let link: PostgresLink

    /// Connects, and creates or migrates the schema as needed.
    public init(location: PostgresLocation) throws {
        link = try PostgresLink(location)
        try link.withSession { try PostgresSchema.migrate($0) }
    }

    public convenience init(url: String) throws {
        try self.init(location: try PostgresLocation(url: url))
    }

    public func transaction<T>(_ body: (any RegistryRecording) throws -> T) throws -> T {
        try link.withSession { session in
            let department = try session.department()
            let begin: [PostgresQuery] = [
                "BEGIN ISOLATION LEVEL READ COMMITTED",
                "SELECT pg_advisory_xact_lock(\(unescaped: String(Keys.writes)), hashtext(\(department)))",
            ]
            return try session.inTransaction(begin) {
                try body(PostgresTransaction(session: session, department: department))
            }
        }
    }

    public func read<T>(_ body: (any RegistryLookups) throws -> T) throws -> T {
        try link.withSession { session in
            let department = try session.department()
            return try session.inTransaction(["BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"]) {
                try body(PostgresTransaction(session: session, department: department))
            }
        }
    }

    func readSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try link.withSession { session in
            try session.inTransaction(["BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"]) { try body(session) }
        }
    }

    public func appliedMigrations() throws -> [String] {
        let applied = try readSession { try PostgresSchema.appliedNames($0) }
        let known = PostgresSchema.names.filter(applied.contains)
        return known + applied.subtracting(known).sorted()
    }

    // MARK: Queries (the same SQL as `Registry`'s, in PostgreSQL's words)

    public func organizations() throws -> [OrganizationStatus] {
        try readSession { s in
            let names = try s.run("""
                SELECT organization FROM input WHERE outcome = 'processed'
                GROUP BY organization ORDER BY organization IS NULL, organization COLLATE "C"
                """).map { try $0.decode(String?.self) }
            var diagnostics: [String?: [Severity: Int]] = [:]
            for row in try s.run("""
                SELECT i.organization, d.severity, count(*) FROM diagnostic d JOIN input i ON i.id = d.inputId
                WHERE i.outcome = 'processed' GROUP BY i.organization, d.severity
                """) {
                let (organization, severity, n) = try row.decode((String?, String, Int).self)
                if let severity = Severity(rawValue: severity) { diagnostics[organization, default: [:]][severity] = n }
            }
            return try names.map { name in
                let current = try Self.roadmaps(s, organization: name, currentOnly: true).first
                let earlier = try s.run("""
                    SELECT count(*) FROM document WHERE kind = 'roadmap' AND organization IS NOT DISTINCT FROM $1
                    AND supersededBy IS NOT NULL
                    """, PostgresBindings(name)).first?.decode(Int.self) ?? 0
                let inputs = try s.run("""
                    SELECT count(*) FROM input WHERE outcome = 'processed' AND organization IS NOT DISTINCT FROM $1
                    """, PostgresBindings(name)).first?.decode(Int.self) ?? 0
                return OrganizationStatus(organization: name, currentRoadmap: current, earlierRoadmaps: earlier,
                                          inputs: inputs, diagnostics: diagnostics[name] ?? [:])
            }
        }
    }

    public func currentRoadmap(organization: String?) throws -> DocumentSummary? {
        try readSession { try Self.roadmaps($0, organization: organization, currentOnly: true).first }
    }

    public func roadmapHistory(organization: String?) throws -> [DocumentSummary] {
        try readSession { try Self.roadmaps($0, organization: organization, currentOnly: false) }
    }

    public func latestReport(organization: String?) throws -> DocumentSummary? {
        try readSession { s in
            try s.run(Self.documentSelect + """
                WHERE d.kind = 'report' AND d.organization IS NOT DISTINCT FROM $1
                ORDER BY d.modifiedAt DESC, d.id DESC LIMIT 1
                """, PostgresBindings(organization)).first.map(DocumentSummary.init(postgres:))
        }
    }

    public func itemsDue(from: Day, to: Day, organization: String?, kinds: Set<DocumentKind>?) throws -> [DueItem] {
        var sql = """
            SELECT d.id AS documentId, d.organization, d.kind, d.title, it.position, it.sectionTitle, it.number,
                   it.activity, it.deadlineText, it.responsibles, it.result, it.occurrences
            FROM item it JOIN document d ON d.id = it.documentId
            WHERE d.supersededBy IS NULL AND it.lastDue >= $1 AND it.firstDay <= $2
            """
        var arguments = PostgresBindings(from.iso, to.iso)
        if let organization {
            sql += " AND d.organization = $3"
            arguments.append(organization)
        }
        if let kinds { sql += " AND d.kind IN (\(Self.list(kinds)))" }
        let found = try readSession { s in
            try s.run(sql, arguments).flatMap { row -> [(DueItem, Int)] in
                let r = row.makeRandomAccess()
                guard let kind = DocumentKind(rawValue: try r["kind"].decode(String.self)) else { return [] }
                let position = try r["position"].decode(Int.self)
                let organization = try r["organization"].decode(String?.self)
                let title = try r["title"].decode(String?.self)
                let documentId = try r["documentid"].decode(Int64.self)
                let section = try r["sectiontitle"].decode(String?.self)
                let number = try r["number"].decode(String?.self)
                let activity = try r["activity"].decode(String?.self)
                let deadline = try r["deadlinetext"].decode(String?.self)
                let responsibles = try r["responsibles"].decode(String.self)
                let result = try r["result"].decode(String?.self)
                return OccurrenceList.decode(try r["occurrences"].decode(String.self))
                    .filter { $0.due >= from && ($0.start ?? $0.due) <= to }
                    .map { occurrence in
                        (DueItem(organization: organization, documentKind: kind, documentTitle: title,
                                 documentId: documentId, sectionTitle: section, number: number, activity: activity,
                                 deadlineText: deadline, responsibles: responsibles, result: result,
                                 occurrence: occurrence), position)
                    }
            }
        }
        return DueItem.ordered(found)
    }

    public func documents(kinds: Set<DocumentKind>) throws -> [DocumentSummary] {
        try readSession { s in
            try s.run(Self.documentSelect + """
                WHERE d.kind IN (\(Self.list(kinds))) AND i.outcome = 'processed' ORDER BY i.id, d.position
                """).map(DocumentSummary.init(postgres:))
        }
    }

    public func diagnosticCounts() throws -> [Int64: [Severity: Int]] {
        try readSession { s in
            var counts: [Int64: [Severity: Int]] = [:]
            for row in try s.run("SELECT inputId, severity, count(*) FROM diagnostic GROUP BY inputId, severity") {
                let (input, severity, n) = try row.decode((Int64, String, Int).self)
                if let severity = Severity(rawValue: severity) { counts[input, default: [:]][severity] = n }
            }
            return counts
        }
    }

    public func inputCounts() throws -> [InputOutcome: Int] {
        try readSession { s in
            var counts: [InputOutcome: Int] = [:]
            for row in try s.run("SELECT outcome, count(*) FROM input GROUP BY outcome") {
                let (outcome, n) = try row.decode((String, Int).self)
                if let outcome = InputOutcome(rawValue: outcome) { counts[outcome] = n }
            }
            return counts
        }
    }

    static let documentSelect = """
        SELECT d.id, d.inputId, d.position, d.kind, d.title, d.organization, d.statedOrganization, d.periodFrom, d.periodTo,
               d.itemCount, d.modifiedAt, d.supersededBy, i.name AS inputName, i.exportPath, i.protocolPath,
               i.receivedAt
        FROM document d JOIN input i ON i.id = d.inputId

        """

    static func roadmaps(_ s: PostgresSession, organization: String?, currentOnly: Bool) throws -> [DocumentSummary] {
        try s.run(documentSelect + """
            WHERE d.kind = 'roadmap' AND d.organization IS NOT DISTINCT FROM $1
            \(currentOnly ? "AND d.supersededBy IS NULL" : "")
            ORDER BY d.supersededBy IS NOT NULL, d.modifiedAt DESC, d.id DESC
            """, PostgresBindings(organization)).map(DocumentSummary.init(postgres:))
    }

    /// Kinds as an SQL list (their raw values are fixed words of the code).
    static func list(_ kinds: Set<DocumentKind>) -> String {
        kinds.isEmpty ? "NULL" : kinds.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")
    }
}

/// Parameters `$1, $2, …` of a statement.
/// A value bound to a statement: anything postgres-nio encodes without failing, or nil for NULL.
typealias Bound = (any PostgresDynamicTypeEncodable & Sendable)?

extension PostgresBindings {
    /// These values as `$1`, `$2`, … in order.
    init(_ values: Bound...) {
        self.init(capacity: values.count)
        append(values)
    }

    /// Appends these values in order.
    mutating func append(_ values: [Bound]) {
        for value in values {
            if let value { append(value) } else { appendNull() }
        }
    }
}

extension DocumentSummary {
    init(postgres row: PostgresRow) throws {
        let r = row.makeRandomAccess()
        let from = try r["periodfrom"].decode(String?.self).flatMap(Day.init(iso:))
        let to = try r["periodto"].decode(String?.self).flatMap(Day.init(iso:))
        self.init(id: try r["id"].decode(Int64.self), inputId: try r["inputid"].decode(Int64.self),
                  statedOrganization: try r["statedorganization"].decode(String?.self),
                  modifiedAt: try r["modifiedat"].decode(Double.self),
                  inputName: try r["inputname"].decode(String.self),
                  kind: DocumentKind(rawValue: try r["kind"].decode(String.self)) ?? .other,
                  title: try r["title"].decode(String?.self), organization: try r["organization"].decode(String?.self),
                  period: from.flatMap { f in to.map { Period(from: f, to: $0) } },
                  itemCount: try r["itemcount"].decode(Int.self),
                  exportPath: try r["exportpath"].decode(String?.self),
                  protocolPath: try r["protocolpath"].decode(String?.self),
                  receivedAt: try r["receivedat"].decode(String.self),
                  isCurrent: try r["supersededby"].decode(Int64?.self) == nil)
        position = try r["position"].decode(Int.self)
    }
}
