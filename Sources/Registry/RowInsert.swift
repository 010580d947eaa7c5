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
    /// Texts are bound when the row runs, without copies (`SQLITE_STATIC`): each string's bytes
    /// are lent for the step, where `SQLITE_TRANSIENT` had SQLite allocate and copy every one.
    private var texts: [(column: Int32, value: String)] = []

    init(_ statement: Statement, in db: Database) {
        self.statement = statement.sqliteStatement
        connection = db.sqliteConnection
        sqlite3_reset(self.statement)
        sqlite3_clear_bindings(self.statement)
        texts.reserveCapacity(16)
    }

    private static let staticBytes = unsafeBitCast(0, to: sqlite3_destructor_type.self)

    mutating func text(_ value: String?) {
        column += 1
        if let value { texts.append((column, value)) }  // cleared bindings are NULL
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
        let (code, message) = bindingTexts(from: 0)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message,
                                sql: sqlite3_sql(statement).map { String(cString: $0) })
        }
    }

    /// Binds the texts from `index` on, each inside the access to its bytes, and steps inside the
    /// last, where every pointer SQLite holds is valid; the statement is reset and its bindings
    /// cleared there too, so that none outlives the bytes.
    private func bindingTexts(from index: Int) -> (Int32, String?) {
        guard index < texts.count else {
            let code = sqlite3_step(statement)
            let message = code == SQLITE_DONE ? nil : connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            return (code, message)
        }
        var value = texts[index].value
        return value.withUTF8 { bytes in
            let column = texts[index].column
            if let base = bytes.baseAddress {
                _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text(statement, column, $0, Int32(bytes.count), Self.staticBytes)
                }
            } else {
                _ = sqlite3_bind_text(statement, column, "", 0, Self.staticBytes)
            }
            return bindingTexts(from: index + 1)
        }
    }
}
