import Foundation
import Model
import Registry
import RegistryPostgres
import TestSupport
import XCTest

/// The PostgreSQL registry: the contract every back-end keeps, on a fresh database of the test
/// cluster each, and what many processes and departments on one server need.
final class PostgresRegistryTests: XCTestCase {
    /// A new database of the test cluster (dropped after the test), as its superuser's URL.
    private func database() throws -> String { try PostgresServer.database(for: self) }

    private var contract: RegistryContract {
        RegistryContract(make: { try PostgresRegistry(url: try self.database()) })
    }

    /// Every clause of `RegistryContract`, each on a fresh registry.
    func testContract() throws { try contract.checkAll() }

    private func roadmap(_ organization: String?, _ title: String, dues: [[String]] = []) -> Export {
        contract.roadmap(organization: organization, title: title, dues: dues)
    }

    private func submission(_ sha: String, _ name: String, modified: Double = 1, export: Export?,
                            outcome: InputOutcome = .processed) -> Submission {
        contract.submission(sha, name, modified: modified, export: export, outcome: outcome)
    }

    // MARK: Schema

    func testTheSchemaCarriesTheSQLiteMigrationsNames() throws {
        let registry = try PostgresRegistry(url: try database())
        XCTAssertEqual(try registry.appliedMigrations(), Registry.migrationNames)
    }

    func testADatabaseANewerVersionMigratedIsRefusedInRussian() throws {
        let url = try database()
        let registry = try PostgresRegistry(url: url)
        try PostgresServer.psql(url, "INSERT INTO kartograf_migration (identifier) VALUES ('v99: from the future')")
        XCTAssertThrowsError(try PostgresRegistry(url: url)) { error in
            XCTAssertEqual(error as? RegistryError, .newerSchema(path: registry.path, migrations: ["v99: from the future"]))
            XCTAssertTrue("\(error)".contains("более новой версией kartograf"), "\(error)")
        }
    }

    func testRegistriesOpenedAtOnceOnANewDatabaseMigrateItOnce() throws {
        let url = try database()
        let errors = LockedList<String>()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do { _ = try PostgresRegistry(url: url) } catch { errors.append("\(error)") }
        }
        XCTAssertEqual(errors.values, [])
        XCTAssertEqual(try PostgresServer.psql(url, "SELECT count(*) FROM kartograf_migration"), "\(Registry.migrationNames.count)")
    }

    // MARK: Many writers

    func testConnectionsRecordingAtOnceLoseNoRowAndProcessEachFileOnce() throws {
        let url = try database()
        let errors = LockedList<String>()
        let submissions = (0..<40).map {
            submission("sha\($0)", "карта \($0).docx", modified: Double($0), export: roadmap("Школа \($0 % 7)", "К\($0)"))
        }
        // Four writers, each offered every file: the first to commit records it, the others see it as known.
        DispatchQueue.concurrentPerform(iterations: 4) { writer in
            do {
                let registry = try PostgresRegistry(url: url)
                for s in writer % 2 == 0 ? submissions : submissions.reversed() {
                    try registry.transaction { tx in
                        if try tx.firstArrival(sha256: s.sha256) == nil {
                            try tx.record(s)
                        } else {
                            var again = s
                            again.outcome = .duplicate
                            again.storedPath += " (\(writer))"
                            again.exportPath = nil
                            try tx.record(again)
                        }
                    }
                }
            } catch {
                errors.append("\(error)")
            }
        }
        XCTAssertEqual(errors.values, [])
        let registry = try PostgresRegistry(url: url)
        XCTAssertEqual(try registry.inputCounts(), [.processed: 40, .duplicate: 120])
        // Every organisation has exactly one current roadmap: the one of its newest file.
        let status = try registry.organizations()
        XCTAssertEqual(status.count, 7)
        for s in status {
            let newest = submissions.filter { $0.organization == s.organization }.max { $0.modifiedAt < $1.modifiedAt }!
            XCTAssertEqual(s.currentRoadmap?.inputName, newest.name)
            XCTAssertEqual(try registry.roadmapHistory(organization: s.organization).filter(\.isCurrent).count, 1)
        }
        XCTAssertEqual(try PostgresServer.psql(url, """
            SELECT count(*) FROM input d JOIN input f ON f.id = d.duplicateOf
            WHERE d.outcome = 'duplicate' AND f.sha256 = d.sha256 AND f.outcome = 'processed'
            """), "120")
    }

    func testTheServerItselfRefusesASecondCurrentRoadmapAndASecondFirstArrival() throws {
        let url = try database()
        let registry = try PostgresRegistry(url: url)
        let id = try registry.record(submission("a", "a.docx", export: roadmap("Школа", "A")))
        // What a client that skips kartograf's checks would do: refused at its commit.
        XCTAssertThrowsError(try PostgresServer.psql(url, """
            INSERT INTO document (inputId, position, kind, organization, itemCount, modifiedAt)
            VALUES (\(id), 1, 'roadmap', 'Школа', 0, 2)
            """)) { XCTAssertTrue("\($0)".contains("document_one_current_roadmap"), "\($0)") }
        XCTAssertThrowsError(try PostgresServer.psql(url, """
            INSERT INTO input (sha256, name, size, receivedAt, modifiedAt, outcome, storedPath)
            VALUES ('a', 'b.docx', 1, '', 1, 'processed', 'b.docx')
            """)) { XCTAssertTrue("\($0)".contains("input_first_arrival"), "\($0)") }
        XCTAssertEqual(try registry.inputCounts(), [.processed: 1])
    }

    // MARK: Tenancy

    /// Two departments (one with two methodists) and a regional reader, as the cluster's roles.
    private func departments(_ url: String) throws -> PostgresServer.Departments {
        _ = try PostgresRegistry(url: url)  // creates the group roles with the schema
        return try PostgresServer.departments(url, for: self)
    }

    func testEachDepartmentSeesAndChangesOnlyItsOwnOrganisations() throws {
        let url = try database()
        let users = try departments(url)
        let a1 = try PostgresRegistry(url: users.a1), a2 = try PostgresRegistry(url: users.a2)
        let b1 = try PostgresRegistry(url: users.b1)
        let first = try a1.record(submission("same", "карта.docx", export: roadmap("МБОУ СОШ № 1", "Карта А")))
        // Another methodist of the same department sees it and its organisation's spelling.
        XCTAssertEqual(try a2.firstArrival(sha256: "same")?.id, first)
        XCTAssertEqual(try a2.read { try $0.canonicalOrganization("мбоу сош №1") }, "МБОУ СОШ № 1")
        // Another department does not: the same bytes are its own first arrival, the same school name its own school.
        XCTAssertNil(try b1.firstArrival(sha256: "same"))
        XCTAssertEqual(try b1.read { try $0.canonicalOrganization("мбоу сош №1") }, "мбоу сош №1")
        try b1.record(submission("same", "карта.docx", export: roadmap("мбоу сош №1", "Карта Б")))
        XCTAssertEqual(try a1.organizations().map(\.currentRoadmap?.title), ["Карта А"])
        XCTAssertEqual(try b1.organizations().map(\.currentRoadmap?.title), ["Карта Б"])
        XCTAssertEqual(try b1.read { try $0.claimedPaths(under: "") }.count, 2)
        // The desk's listing too: each department its own files, another's not even by id.
        let second = try XCTUnwrap(try b1.inputListings().first).id
        XCTAssertEqual(try b1.inputListings().map(\.id), [second])
        XCTAssertEqual(try a2.inputListings().map(\.id), [first])
        XCTAssertNil(try b1.inputListing(id: first))
        XCTAssertNil(try a1.inputListing(id: second))
        // The server enforces it, whatever the client: a department cannot touch or write another's rows.
        XCTAssertEqual(try PostgresServer.psql(users.b1, "UPDATE input SET name = 'x' WHERE sha256 = 'same' RETURNING id"),
                       try PostgresServer.psql(users.b1, "SELECT id FROM input WHERE sha256 = 'same'"))
        XCTAssertEqual(try a1.firstArrival(sha256: "same")?.name, "карта.docx")
        let department = try PostgresServer.psql(users.a1, "SELECT department FROM input LIMIT 1")
        XCTAssertThrowsError(try PostgresServer.psql(users.b1, """
            INSERT INTO input (department, sha256, name, size, receivedAt, modifiedAt, outcome, storedPath)
            VALUES ('\(department)', 'x', 'x.docx', 1, '', 1, 'processed', 'x.docx')
            """)) { XCTAssertTrue("\($0)".contains("row-level security"), "\($0)") }
    }

    func testTheRegionReadsEveryDepartmentAndChangesNothing() throws {
        let url = try database()
        let users = try departments(url)
        try PostgresRegistry(url: users.a1).record(submission("a", "a.docx", export: roadmap("Школа А", "А", dues: [["2024-02-01"]])))
        try PostgresRegistry(url: users.b1).record(submission("b", "b.docx", export: roadmap("Школа Б", "Б", dues: [["2024-03-01"]])))
        let region = try PostgresRegistry(url: users.region)
        XCTAssertEqual(try region.organizations().map(\.organization), ["Школа А", "Школа Б"])
        XCTAssertEqual(try region.itemsDue(from: contract.day("2024-01-01"), to: contract.day("2024-03-31")).count, 2)
        XCTAssertThrowsError(try region.record(submission("r", "r.docx", export: nil))) { error in
            XCTAssertEqual(error as? RegistryError, .denied(path: region.path))
        }
        XCTAssertThrowsError(try PostgresServer.psql(users.region, "UPDATE input SET name = 'x'")) {
            XCTAssertTrue("\($0)".contains("permission denied"), "\($0)")
        }
        XCTAssertEqual(try region.inputCounts(), [.processed: 2])
        XCTAssertEqual(try region.inputListings().map(\.name), ["b.docx", "a.docx"])
    }

    // MARK: The connection

    func testThePasswordIsNeverShown() throws {
        let url = try database()
        let secret = "секрет-\(UUID().uuidString.prefix(6))"
        let withSecret = PostgresServer.url(url, user: "kartograf_admin", password: secret)
        XCTAssertThrowsError(try PostgresRegistry(url: withSecret)) { error in
            XCTAssertFalse("\(error)".contains(secret), "\(error)")
            XCTAssertTrue("\(error)".contains("не принял пользователя или пароль"), "\(error)")
        }
        let registry = try PostgresRegistry(url: url)
        let password = try XCTUnwrap(URLComponents(string: url)?.password)
        XCTAssertFalse(registry.path.contains(password), registry.path)
        XCTAssertTrue(registry.path.hasPrefix("postgres://kartograf_admin@127.0.0.1:"), registry.path)
        XCTAssertThrowsError(try PostgresRegistry(url: "postgres://:\(secret)@/")) { error in
            XCTAssertFalse("\(error)".contains(secret), "\(error)")
            XCTAssertTrue("\(error)".contains("Реестр указан неверно"), "\(error)")
        }
    }

    func testTLSIsUsedWhenTheURLAsksForIt() throws {
        let url = try database()
        // The cluster lets `kartograf_tls` in over TLS only (scripts/postgres-cluster).
        try PostgresServer.psql(url, """
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kartograf_tls') THEN
                    CREATE ROLE kartograf_tls LOGIN SUPERUSER PASSWORD 'tls';
                END IF;
            END $$
            """)
        let tls = PostgresServer.url(url, user: "kartograf_tls", password: "tls")
        let registry = try PostgresRegistry(url: tls + "?sslmode=require")
        XCTAssertEqual(try registry.inputCounts(), [:])
        XCTAssertTrue(registry.path.hasSuffix("?sslmode=require"), registry.path)
        XCTAssertThrowsError(try PostgresRegistry(url: tls + "?sslmode=disable"))
        XCTAssertThrowsError(try PostgresRegistry(url: tls + "?sslmode=sometimes")) { error in
            XCTAssertTrue("\(error)".contains("sslmode"), "\(error)")
        }
    }

    func testAServerThatDropsTheConnectionIsSaidInRussianAndTheNextCallReconnects() throws {
        let url = try database()
        let registry = try PostgresRegistry(url: url)
        try registry.record(submission("a", "a.docx", export: roadmap("Школа", "A")))
        let database = try XCTUnwrap(URLComponents(string: url)?.path.dropFirst())
        // The server ends the session in the middle of a file's transaction.
        XCTAssertThrowsError(try registry.transaction { tx in
            try tx.record(submission("b", "b.docx", export: roadmap("Школа", "B")))
            try PostgresServer.psql(try PostgresServer.adminURL(), """
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = '\(database)' AND pid <> pg_backend_pid()
                """)
            try tx.record(submission("c", "c.docx", export: nil))
        }) { error in
            guard case .unreachable? = error as? RegistryError else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("недоступен"), "\(error)")
            XCTAssertTrue((error as? RegistryError)?.isBusyOrFull == true)
        }
        // Nothing of the cut transaction was kept; the next call connects again.
        XCTAssertNil(try registry.firstArrival(sha256: "b"))
        XCTAssertEqual(try registry.inputCounts(), [.processed: 1])
        XCTAssertEqual(try registry.currentRoadmap(organization: "Школа")?.title, "A")
    }

    func testTheRegistryOfACommandIsChosenByItsLocation() throws {
        let url = try database()
        PostgresRegistry.register()  // as kartograf-server does at its start
        XCTAssertTrue(try openRegistry(url) is PostgresRegistry)
        let path = NSTemporaryDirectory() + "registry-open-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm", "-lock"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        XCTAssertTrue(try openRegistry(path) is Registry)
        XCTAssertEqual(registryLocation("postgres://u@h/d", output: "/out"), "postgres://u@h/d")
        XCTAssertEqual(defaultRegistryPath(output: "/out"), "/out/kartograf.sqlite")
        XCTAssertEqual(registryDisplayName("postgres://u:p@h:5433/d?sslmode=require"), "postgres://u@h:5433/d?sslmode=require")
    }
}
