import Model
import PostgresNIO
import Registry

/// The desk's listing on PostgreSQL (`Registry/Listing.swift`, its SQLite twin). Like the other queries,
/// it lists the rows the server lets the session see: a department's own, every department's for the region.
extension PostgresTransaction {
    func inputListings(limit: Int?) throws -> [InputListing] {
        let rows = try session.run("SELECT \(Self.listingColumns) FROM input ORDER BY id DESC"
            + (limit.map { " LIMIT \(max(0, $0))" } ?? ""))
        guard let oldest = try rows.last?.makeRandomAccess()["id"].decode(Int64.self) else { return [] }
        let b = PostgresBindings(oldest)
        let counts = try diagnosticCounts(where: "inputId >= $1", b)
        return try rows.map { try InputListing(postgres: $0, counts: counts) }
    }

    func inputListing(id: Int64) throws -> InputListing? {
        let b = PostgresBindings(id)
        guard let row = try session.run("SELECT \(Self.listingColumns) FROM input WHERE id = $1", b).first else { return nil }
        return try InputListing(postgres: row, counts: try diagnosticCounts(where: "inputId = $1", b))
    }

    static let listingColumns = inputColumns + ", size, reasonPath, duplicateOf"

    /// Diagnostics by input and severity, of the inputs `condition` selects.
    private func diagnosticCounts(where condition: String, _ b: PostgresBindings) throws -> [Int64: [Severity: Int]] {
        var counts: [Int64: [Severity: Int]] = [:]
        for row in try session.run("SELECT inputId, severity, count(*) FROM diagnostic WHERE \(condition) GROUP BY inputId, severity", b) {
            let (input, severity, n) = try row.decode((Int64, String, Int).self)
            if let severity = Severity(rawValue: severity) { counts[input, default: [:]][severity] = n }
        }
        return counts
    }
}

extension InputListing {
    init(postgres row: PostgresRow, counts: [Int64: [Severity: Int]]) throws {
        let input = try KnownInput(postgres: row)
        let r = row.makeRandomAccess()
        self.init(input: input, size: try r["size"].decode(Int.self), reasonPath: try r["reasonpath"].decode(String?.self),
                  duplicateOf: try r["duplicateof"].decode(Int64?.self), diagnostics: counts[input.id] ?? [:])
    }
}
