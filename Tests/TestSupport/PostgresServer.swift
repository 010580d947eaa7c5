import Foundation
import XCTest

/// The throwaway PostgreSQL cluster `scripts/test` starts for the tests (`scripts/postgres-cluster`):
/// its superuser's URL is in `KARTOGRAF_TEST_POSTGRES`, its folder in `KARTOGRAF_TEST_POSTGRES_DIR`.
/// A test that needs it skips on a developer's machine without one, and fails in CI.
public enum PostgresServer {
    /// The superuser's URL (database `postgres`), or the test stops as `Requirement.missing` says.
    public static func adminURL(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        guard let url = ProcessInfo.processInfo.environment["KARTOGRAF_TEST_POSTGRES"], !url.isEmpty else {
            try Requirement.missing("a PostgreSQL server (KARTOGRAF_TEST_POSTGRES, started by scripts/test)",
                                    file: file, line: line)
        }
        return url
    }

    /// The cluster's folder, for `scripts/postgres-cluster pg_ctl` (the fault tests stop and start the server).
    public static func clusterFolder(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        guard let folder = ProcessInfo.processInfo.environment["KARTOGRAF_TEST_POSTGRES_DIR"], !folder.isEmpty else {
            try Requirement.missing("the PostgreSQL cluster's folder (KARTOGRAF_TEST_POSTGRES_DIR)", file: file, line: line)
        }
        return folder
    }

    /// A new empty database; returns the superuser's URL of it. Dropped by `drop`.
    public static func createDatabase(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let admin = try adminURL(file: file, line: line)
        let name = "kt_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(20).lowercased()
        try psql(admin, "CREATE DATABASE \(name)")
        return url(admin, database: name)
    }

    /// Drops a database `createDatabase` made, ending its sessions.
    public static func drop(_ databaseURL: String) {
        guard let admin = try? adminURL(), let name = URLComponents(string: databaseURL)?.path.dropFirst() else { return }
        _ = try? psql(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// `base` with another database, user or password.
    public static func url(_ base: String, database: String? = nil, user: String? = nil, password: String? = nil,
                           query: String? = nil) -> String {
        var parts = URLComponents(string: base)!
        if let database { parts.path = "/" + database }
        if let user { parts.user = user; parts.password = password }
        if let query { parts.query = query }
        return parts.string!
    }

    /// Runs SQL through `psql` (stopping at the first error) and returns what it printed, rows as `a|b`.
    @discardableResult
    public static func psql(_ url: String, _ sql: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let program = try Requirement.program("psql", file: file, line: line)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = [url, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(message: String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { "psql: \(message)" }
    }
}
