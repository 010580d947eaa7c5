import GRDB
import Model

/// An input file as the desk lists it: what became of it and where its results are.
/// Paths are relative to the output folder.
public struct InputListing: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var size: Int
    public var receivedAt: String
    public var outcome: InputOutcome
    public var reasonCode: String?
    public var reason: String?
    public var converted: Bool
    public var organization: String?
    public var storedPath: String
    public var exportPath: String?
    public var protocolPath: String?
    public var reasonPath: String?
    /// For a repeat: the first arrival of the same bytes.
    public var duplicateOf: Int64?
    public var diagnostics: [Severity: Int]
}

extension Registry {
    /// Input files, newest first (`limit` of them, when given), each with its diagnostics by severity.
    public func inputListings(limit: Int? = nil) throws -> [InputListing] {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM input ORDER BY id DESC" + (limit.map { " LIMIT \(max(0, $0))" } ?? ""))
            return try rows.map { try InputListing(row: $0, db: db) }
        }
    }

    /// One input file by its id.
    public func inputListing(id: Int64) throws -> InputListing? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM input WHERE id = ?", arguments: [id]).map { try InputListing(row: $0, db: db) }
        }
    }
}

extension InputListing {
    init(row: Row, db: Database) throws {
        id = row["id"]
        name = row["name"]
        size = row["size"]
        receivedAt = row["receivedAt"]
        outcome = InputOutcome(rawValue: row["outcome"]) ?? .processed
        reasonCode = row["reasonCode"]
        reason = row["reason"]
        converted = row["converted"]
        organization = row["organization"]
        storedPath = row["storedPath"]
        exportPath = row["exportPath"]
        protocolPath = row["protocolPath"]
        reasonPath = row["reasonPath"]
        duplicateOf = row["duplicateOf"]
        var counts: [Severity: Int] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT severity, count(*) AS n FROM diagnostic WHERE inputId = ? GROUP BY severity",
                                  arguments: [id]) {
            if let s = Severity(rawValue: r["severity"]) { counts[s] = r["n"] }
        }
        diagnostics = counts
    }
}
