import GRDB

/// A value of a registry row as SQLite holds it, for moving a registry to another back-end.
public enum RegistryValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public var description: String {
        switch self {
        case .null: return "NULL"
        case let .integer(n): return String(n)
        case let .real(x): return String(x)
        case let .text(t): return "«\(t)»"
        }
    }
}

/// The registry's tables and their columns, in the order of their keys, as `registry copy` moves them.
public enum RegistryTables {
    public struct Table: Sendable {
        public let name: String
        public let columns: [String]
        /// The column rows are ordered by (their key).
        public let key: String
    }

    public static let all: [Table] = [
        Table(name: "input", columns: [
            "id", "sha256", "name", "size", "receivedAt", "modifiedAt", "outcome", "reasonCode", "reason", "converted",
            "organization", "organizationKey", "storedPath", "exportPath", "protocolPath", "reasonPath", "moved",
            "duplicateOf", "folder", "sourcePath",
        ], key: "id"),
        Table(name: "document", columns: [
            "id", "inputId", "position", "kind", "title", "organization", "statedOrganization", "periodFrom", "periodTo",
            "itemCount", "modifiedAt", "supersededBy",
        ], key: "id"),
        Table(name: "item", columns: [
            "id", "documentId", "position", "sectionIndex", "sectionTitle", "number", "activity", "deadlineText",
            "deadlineKinds", "responsibles", "result", "outcome", "occurrences", "firstDay", "lastDue",
        ], key: "id"),
        Table(name: "diagnostic", columns: [
            "id", "inputId", "document", "section", "item", "code", "severity", "field", "text", "message",
        ], key: "id"),
        Table(name: "claimedPath", columns: ["path", "inputId"], key: "path"),
        Table(name: "correction", columns: [
            "id", "kind", "inputId", "document", "organization", "organizationKey", "documentKind", "itemNumber",
            "itemActivity", "quarter", "code", "subject", "value", "note", "author", "createdAt",
        ], key: "id"),
        Table(name: "correctionOutcome", columns: [
            "correctionId", "inputId", "applied", "document", "item", "reason",
        ], key: "correctionId, inputId"),
    ]
}

extension Registry {
    /// Every row of `table`, its columns in the table's order, by its key.
    public func rows(of table: RegistryTables.Table) throws -> [[RegistryValue]] {
        let sql = "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name) ORDER BY \(table.key)"
        return try writer.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                (0..<row.count).map { index in
                    switch row[index] as DatabaseValue {
                    case let value where value.isNull: return .null
                    case let value:
                        switch value.storage {
                        case let .int64(n): return .integer(n)
                        case let .double(x): return .real(x)
                        case let .string(s): return .text(s)
                        case let .blob(data): return .text(String(decoding: data, as: UTF8.self))
                        case .null: return .null
                        }
                    }
                }
            }
        }
    }
}
