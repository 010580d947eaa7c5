import PostgresNIO
import Registry

/// What `registry copy` moved, table by table (every row checked against its source).
public struct RegistryCopyReport: Sendable, Equatable, CustomStringConvertible {
    /// Rows per table, in the order of `RegistryTables.all`.
    public var rows: [String: Int]

    public var description: String {
        let words = [("input", "файлов"), ("document", "документов"), ("item", "пунктов"),
                     ("diagnostic", "замечаний"), ("claimedPath", "путей"), ("correction", "исправлений")]
        return "перенесено " + words.map { "\($0.1): \(rows[$0.0] ?? 0)" }.joined(separator: ", ")
            + "; каждая строка сверена с исходным реестром"
    }
}

extension PostgresRegistry {
    /// Moves a department's SQLite registry into this database as the session's department, in one
    /// transaction: rows get the server's ids (references follow them), then every row is read back
    /// and compared with its source, and any difference rolls the whole copy back. A department that
    /// already has rows here is refused: a history is moved once, into an empty place.
    public func copy(from source: Registry) throws -> RegistryCopyReport {
        try link.withSession { session in
            try session.inTransaction([
                "BEGIN ISOLATION LEVEL READ COMMITTED",
                "SELECT pg_advisory_xact_lock(\(Keys.writes), hashtext(kartograf_department()))",
            ]) {
                let existing = try session.run("SELECT count(*) FROM input WHERE department = kartograf_department()")
                    .first?.decode(Int.self) ?? 0
                guard existing == 0 else {
                    throw RegistryError.failed(path: path, reason: "у этого управления здесь уже есть записи (файлов: "
                        + "\(existing)); историю переносят один раз, в пустой реестр")
                }
                var copy = Copy(session: session, source: source)
                return try copy.run()
            }
        }
    }
}

/// One run of `PostgresRegistry.copy`.
private struct Copy {
    let session: PostgresSession
    let source: Registry
    /// Source id → id on the server, of inputs and documents (the rows others refer to).
    var ids: [String: [Int64: Int64]] = ["input": [:], "document": [:], "correction": [:]]

    /// How a column's values are carried.
    enum Kind {
        case text, integer, real, boolean
        /// The row's own id, given anew by the server (`input`, `document`), or left to it (the others).
        case ownId(kept: Bool)
        /// An id of a row of that table.
        case reference(String)
    }

    static func kind(_ table: String, _ column: String) -> Kind {
        switch (table, column) {
        case ("input", "id"), ("document", "id"), ("correction", "id"): return .ownId(kept: true)
        case (_, "id"): return .ownId(kept: false)
        case ("input", "duplicateOf"), (_, "inputId"): return .reference("input")
        case ("document", "supersededBy"), ("item", "documentId"): return .reference("document")
        case ("correctionOutcome", "correctionId"): return .reference("correction")
        case (_, "converted"), (_, "moved"), (_, "applied"): return .boolean
        case (_, "modifiedAt"): return .real
        case (_, "size"), (_, "position"), (_, "itemCount"), (_, "sectionIndex"), ("diagnostic", "document"),
             ("diagnostic", "section"), ("correction", "document"), ("correctionOutcome", "document"),
             ("correctionOutcome", "item"):
            return .integer
        default: return .text
        }
    }

    /// A source value as the server holds it (ids followed), rendered for comparison and binding.
    enum Value: Hashable, CustomStringConvertible {
        case null, text(String), integer(Int64), real(Double), boolean(Bool)
        var description: String {
            switch self {
            case .null: return "NULL"
            case let .text(t): return "«\(t)»"
            case let .integer(n): return String(n)
            case let .real(x): return String(x)
            case let .boolean(b): return String(b)
            }
        }
    }

    mutating func run() throws -> RegistryCopyReport {
        var report = RegistryCopyReport(rows: [:])
        var superseded: [(document: Int64, by: Int64)] = []
        for table in RegistryTables.all {
            let rows = try source.rows(of: table)
            let kinds = table.columns.map { Self.kind(table.name, $0) }
            if case .ownId(kept: true)? = kinds.first {
                let fresh = try session.run("""
                    SELECT nextval(pg_get_serial_sequence('\(table.name)', 'id')) FROM generate_series(1, \(rows.count))
                    """).map { try $0.decode(Int64.self) }
                for (row, id) in zip(rows, fresh) {
                    if case let .integer(old) = row[0] { ids[table.name]![old] = id }
                }
            }
            // Rows as the server will hold them; a document's successor is set once every document is in.
            var expected: [[Value]] = []
            for row in rows {
                var values: [Value] = []
                for (index, kind) in kinds.enumerated() {
                    values.append(try value(row[index], kind, table: table.name))
                }
                if table.name == "document", let column = table.columns.firstIndex(of: "supersededBy"),
                   case let .integer(by) = values[column], case let .integer(id) = values[0] {
                    superseded.append((id, by))
                }
                expected.append(values)
            }
            let columns = zip(table.columns, kinds).filter { if case .ownId(kept: false) = $0.1 { false } else { true } }
            let names = columns.map(\.0)
            let inserted = expected.map { values in
                zip(values, kinds).filter { if case .ownId(kept: false) = $0.1 { false } else { true } }.map(\.0)
            }
            let successor = names.firstIndex(of: "supersededBy")
            session.insertRows(into: "\(table.name) (\(names.joined(separator: ", ")))", rows: inserted) { b, row in
                for (index, value) in row.enumerated() { Self.bind(index == successor ? .null : value, &b) }
            }
            if table.name == "document" {
                for (document, by) in superseded {
                    let b = PostgresBindings(by, document)
                    try session.run("UPDATE document SET supersededBy = $1 WHERE id = $2", b)
                }
            }
            try check(table, columns: columns, expected: inserted)
            report.rows[table.name] = rows.count
        }
        return report
    }

    private func value(_ value: RegistryValue, _ kind: Kind, table: String) throws -> Value {
        switch (value, kind) {
        case (.null, _): return .null
        case let (.integer(n), .ownId(kept: true)): return .integer(ids[table]![n]!)
        case (_, .ownId(kept: false)): return .null
        case let (.integer(n), .reference(target)):
            guard let id = ids[target]![n] else {
                throw RegistryError.failed(path: source.path, reason: "строка таблицы \(table) ссылается на "
                    + "отсутствующую строку \(target) № \(n); исходный реестр не согласован")
            }
            return .integer(id)
        case let (.integer(n), .boolean): return .boolean(n != 0)
        case let (.integer(n), .real): return .real(Double(n))
        case let (.real(x), .real): return .real(x)
        case let (.integer(n), .integer): return .integer(n)
        case let (.text(t), .text): return .text(t)
        case let (.integer(n), .text): return .text(String(n))
        default:
            throw RegistryError.failed(path: source.path, reason: "неожиданное значение \(value) в таблице \(table)")
        }
    }

    private static func bind(_ value: Value, _ b: inout PostgresBindings) {
        switch value {
        case .null: b.appendNull()
        case let .text(t): b.append(t)
        case let .integer(n): b.append(n)
        case let .real(x): b.append(x)
        case let .boolean(v): b.append(v)
        }
    }

    /// Reads the department's rows of `table` back and compares them, row by row, with what was sent.
    private func check(_ source: RegistryTables.Table, columns: [(String, Kind)], expected: [[Value]]) throws {
        let table = source.name
        let order = table == "claimedPath" ? "path COLLATE \"C\"" : source.key
        let rows = try session.run("""
            SELECT \(columns.map(\.0).joined(separator: ", ")) FROM \(table)
            WHERE department = kartograf_department() ORDER BY \(order)
            """)
        var found: [[Value]] = []
        for row in rows {
            var values: [Value] = []
            for (cell, (_, kind)) in zip(row, columns) {
                switch kind {
                case .text: values.append(try cell.decode(String?.self).map(Value.text) ?? .null)
                case .boolean: values.append(try cell.decode(Bool?.self).map(Value.boolean) ?? .null)
                case .real: values.append(try cell.decode(Double?.self).map(Value.real) ?? .null)
                case .integer, .ownId, .reference: values.append(try cell.decode(Int64?.self).map(Value.integer) ?? .null)
                }
            }
            found.append(values)
        }
        // Paths in the byte order of `COLLATE "C"` (a path before the longer ones it starts).
        func path(_ row: [Value]) -> String { if case let .text(t) = row[0] { t } else { "" } }
        let sent = table == "claimedPath"
            ? expected.sorted { path($0).utf8.lexicographicallyPrecedes(path($1).utf8) } : expected
        guard found.count == sent.count else {
            throw RegistryError.failed(path: session.display, reason: "в таблице \(table) после переноса \(found.count) "
                + "строк вместо \(sent.count); перенос отменён")
        }
        for (index, (a, b)) in zip(found, sent).enumerated() where a != b {
            throw RegistryError.failed(path: session.display, reason: "строка \(index + 1) таблицы \(table) после "
                + "переноса не совпала с исходной (\(a) вместо \(b)); перенос отменён")
        }
    }
}
