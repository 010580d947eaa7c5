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

    /// A new empty database for `test`, dropped when the test ends; returns the superuser's URL of it.
    public static func database(for test: XCTestCase, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let url = try createDatabase(file: file, line: line)
        test.addTeardownBlock { drop(url) }
        return url
    }

    /// Users of a registry's database as the tenancy sees them: two departments (the first with two
    /// methodists) and a regional reader, each as its URL.
    public struct Departments: Sendable {
        public var a1: String
        public var a2: String
        public var b1: String
        public var region: String
    }

    /// Makes `Departments`' roles on the server of `url`, whose schema a registry has made (it creates the
    /// group roles); they are dropped, with the database, when `test` ends.
    public static func departments(_ url: String, for test: XCTestCase) throws -> Departments {
        let tag = String(UUID().uuidString.prefix(8)).lowercased()
        try psql(url, """
            CREATE ROLE dept_a_\(tag) NOLOGIN IN ROLE kartograf_department;
            CREATE ROLE dept_b_\(tag) NOLOGIN IN ROLE kartograf_department;
            CREATE ROLE a1_\(tag) LOGIN PASSWORD 'пароль a1' IN ROLE dept_a_\(tag);
            CREATE ROLE a2_\(tag) LOGIN PASSWORD 'pa2' IN ROLE dept_a_\(tag);
            CREATE ROLE b1_\(tag) LOGIN PASSWORD 'pb1' IN ROLE dept_b_\(tag);
            CREATE ROLE r1_\(tag) LOGIN PASSWORD 'pr1' IN ROLE kartograf_region;
            """)
        test.addTeardownBlock {
            drop(url)
            _ = try? psql(try adminURL(), ["a1", "a2", "b1", "r1", "dept_a", "dept_b"]
                .map { "DROP ROLE IF EXISTS \($0)_\(tag);" }.joined())
        }
        return Departments(a1: Self.url(url, user: "a1_\(tag)", password: "пароль a1"),
                           a2: Self.url(url, user: "a2_\(tag)", password: "pa2"),
                           b1: Self.url(url, user: "b1_\(tag)", password: "pb1"),
                           region: Self.url(url, user: "r1_\(tag)", password: "pr1"))
    }

    /// Drops a database `createDatabase` made, ending its sessions.
    public static func drop(_ databaseURL: String) {
        guard let admin = try? adminURL(), let name = URLComponents(string: databaseURL)?.path.dropFirst() else { return }
        _ = try? psql(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// `base` with another database, user, password or port.
    public static func url(_ base: String, database: String? = nil, user: String? = nil, password: String? = nil,
                           port: Int? = nil, query: String? = nil) -> String {
        var parts = URLComponents(string: base)!
        if let port { parts.port = port }
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
