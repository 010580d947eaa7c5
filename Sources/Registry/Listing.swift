import GRDB
import Model

/// An input file as the desk lists it: its registry row (`input`, read as every look-up reads it), what
/// the desk shows beside it, and its diagnostics by severity. Paths are relative to the output folder.
/// The row's fields read as the listing's own (`listing.name`, `listing.outcome`).
@dynamicMemberLookup
public struct InputListing: Sendable, Hashable {
    public var input: KnownInput
    public var size: Int
    public var reasonPath: String?
    /// For a repeat: the first arrival of the same bytes.
    public var duplicateOf: Int64?
    public var diagnostics: [Severity: Int]

    public init(input: KnownInput, size: Int, reasonPath: String? = nil, duplicateOf: Int64? = nil,
                diagnostics: [Severity: Int] = [:]) {
        self.input = input
        self.size = size
        self.reasonPath = reasonPath
        self.duplicateOf = duplicateOf
        self.diagnostics = diagnostics
    }

    public subscript<T>(dynamicMember field: KeyPath<KnownInput, T>) -> T { input[keyPath: field] }
}

extension RegistryStore {
    /// Input files, newest first (`limit` of them, when given), each with its diagnostics by severity.
    public func inputListings(limit: Int? = nil) throws -> [InputListing] {
        try read { try $0.inputListings(limit: limit) }
    }

    /// One input file by its id.
    public func inputListing(id: Int64) throws -> InputListing? {
        try read { try $0.inputListing(id: id) }
    }
}

extension RegistryTransaction {
    public func inputListings(limit: Int?) throws -> [InputListing] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM input ORDER BY id DESC" + (limit.map { " LIMIT \(max(0, $0))" } ?? ""))
        guard let oldest: Int64 = rows.last?["id"] else { return [] }
        let counts = try diagnosticCounts(sql: "inputId >= ?", arguments: [oldest])
        return try rows.map { try InputListing(row: $0, diagnostics: counts[$0["id"]] ?? [:]) }
    }

    public func inputListing(id: Int64) throws -> InputListing? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM input WHERE id = ?", arguments: [id]) else { return nil }
        return try InputListing(row: row, diagnostics: try diagnosticCounts(sql: "inputId = ?", arguments: [id])[id] ?? [:])
    }

    /// Diagnostics by input and severity, of the inputs `sql` selects.
    func diagnosticCounts(sql: String, arguments: StatementArguments) throws -> [Int64: [Severity: Int]] {
        var counts: [Int64: [Severity: Int]] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT inputId, severity, count(*) AS n FROM diagnostic WHERE \(sql) GROUP BY inputId, severity",
                                  arguments: arguments) {
            if let s = Severity(rawValue: r["severity"]) { counts[r["inputId"], default: [:]][s] = r["n"] }
        }
        return counts
    }
}

extension InputListing {
    init(row: Row, diagnostics: [Severity: Int]) throws {
        self.init(input: try KnownInput(row: row), size: row["size"], reasonPath: row["reasonPath"],
                  duplicateOf: row["duplicateOf"], diagnostics: diagnostics)
    }
}
