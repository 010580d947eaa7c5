import GRDB
import GRDBSQLite

/// One execution of a cached `INSERT` through SQLite's own bind calls.
///
/// GRDB binds arguments through nested closures over `DatabaseValue`s, which on the
/// thirty item rows of every file cost more than SQLite's own work (about 1 M instructions
/// a file, measured with callgrind). The statement still comes from GRDB's cache and runs
/// inside GRDB's transaction; only the binding and stepping are done here. Values are bound
/// in the statement's parameter order.
struct RowInsert {
    private let statement: OpaquePointer
    private let connection: OpaquePointer?
    private var column: Int32 = 0

    init(_ statement: Statement, in db: Database) {
        self.statement = statement.sqliteStatement
        connection = db.sqliteConnection
        sqlite3_reset(self.statement)
        sqlite3_clear_bindings(self.statement)
    }

    /// SQLite copies the bytes (`SQLITE_TRANSIENT`): the Swift string's storage need not outlive the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    mutating func text(_ value: String?) {
        column += 1
        guard var value else { return }  // cleared bindings are NULL
        value.withUTF8 { bytes in
            if let base = bytes.baseAddress {
                _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text(statement, column, $0, Int32(bytes.count), Self.transient)
                }
            } else {
                _ = sqlite3_bind_text(statement, column, "", 0, Self.transient)
            }
        }
    }

    mutating func integer(_ value: Int64?) {
        column += 1
        if let value { sqlite3_bind_int64(statement, column, value) }
    }

    mutating func integer(_ value: Int?) { integer(value.map(Int64.init)) }

    mutating func real(_ value: Double) {
        column += 1
        sqlite3_bind_double(statement, column, value)
    }

    /// Runs the insert; a constraint or I/O failure throws GRDB's `DatabaseError` with SQLite's message.
    func run() throws {
        let code = sqlite3_step(statement)
        defer { sqlite3_reset(statement) }
        guard code == SQLITE_DONE else {
            let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message,
                                sql: sqlite3_sql(statement).map { String(cString: $0) })
        }
    }
}
