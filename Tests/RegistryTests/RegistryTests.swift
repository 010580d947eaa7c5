import Foundation
import GRDB
import JSON
import Model
import XCTest
@testable import Registry

/// The SQLite registry: the contract every back-end keeps, and what is SQLite's own (files, migrations of
/// older files, GRDB's errors).
final class RegistryTests: XCTestCase {
    private var contract: RegistryContract { RegistryContract(make: { try Registry() }) }

    /// Every clause of `RegistryContract`, each on a fresh registry.
    func testContract() throws { try contract.checkAll() }

    private func day(_ iso: String) -> Day { contract.day(iso) }

    private func roadmap(organization: String?, title: String, dues: [[String]]) -> Export {
        contract.roadmap(organization: organization, title: title, dues: dues)
    }

    private func submission(_ sha: String, _ name: String, modified: Double, export: Export?,
                            outcome: InputOutcome = .processed) -> Submission {
        contract.submission(sha, name, modified: modified, export: export, outcome: outcome)
    }

    func testMigrationsReopenAFileInPlace() throws {
        let path = NSTemporaryDirectory() + "registry-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try Registry(path: path)
        try first.record(submission("aa", "a.docx", modified: 1, export: roadmap(organization: "Школа", title: "A", dues: [])))
        let again = try Registry(path: path)
        XCTAssertEqual(try again.firstArrival(sha256: "aa")?.name, "a.docx")
    }

    /// A registry file as an older release left it: migrated up to `migration`, then `rows` inserted.
    private func olderRegistry(upTo migration: String, rows: String) throws -> String {
        let path = NSTemporaryDirectory() + "registry-old-\(UUID().uuidString).sqlite"
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: migration)
        try queue.write { db in try db.execute(sql: rows) }
        return path
    }

    func testVersionOneRegistryKeepsItsOccurrencesAfterMigrating() throws {
        // A registry as the first release wrote it: one row per occurrence.
        let path = try olderRegistry(upTo: "v1: claimed paths", rows: """
                    INSERT INTO input (id, sha256, name, size, receivedAt, modifiedAt, outcome, storedPath, moved)
                    VALUES (1, 'aa', 'a.docx', 1, '2026-01-01T00:00:00Z', 1, 'processed', 'Обработанные/a.docx', 1);
                    INSERT INTO document (id, inputId, position, kind, organization, itemCount, modifiedAt)
                    VALUES (1, 1, 0, 'roadmap', 'Школа', 2, 1);
                    INSERT INTO item (id, documentId, position, sectionIndex, activity, deadlineKinds, responsibles)
                    VALUES (1, 1, 0, 0, 'Ежемесячно', 'recurring', ''), (2, 1, 1, 0, 'Без срока', '', '');
                    INSERT INTO occurrence (itemId, start, due) VALUES
                        (1, '2024-01-01', '2024-01-31'), (1, '2024-02-01', '2024-02-29'), (1, NULL, '2024-05-15');
                    """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let registry = try Registry(path: path)
        XCTAssertTrue(try registry.appliedMigrations().contains("v2: occurrences on the item"))
        let q1 = try registry.itemsDue(from: day("2024-01-01"), to: day("2024-03-31"))
        XCTAssertEqual(q1.map(\.occurrence), [Occurrence(start: day("2024-01-01"), due: day("2024-01-31")),
                                             Occurrence(start: day("2024-02-01"), due: day("2024-02-29"))])
        XCTAssertEqual(try registry.itemsDue(from: day("2024-04-01"), to: day("2024-06-30")).map(\.occurrence.due.iso),
                       ["2024-05-15"])
    }

    func testVersionTwoRegistryKeepsItsClaimedPathsWithoutTheWriteOnlyIndexes() throws {
        let path = try olderRegistry(upTo: "v2: occurrences on the item", rows: """
            INSERT INTO input (id, sha256, name, size, receivedAt, modifiedAt, outcome, storedPath, moved)
            VALUES (1, 'aa', 'a.docx', 1, '2026-01-01T00:00:00Z', 1, 'processed', 'Обработанные/a.docx', 1);
            INSERT INTO claimedPath (path, inputId) VALUES ('Обработанные/a.docx', 1), ('Организации/Ш/a.json', 1);
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let registry = try Registry(path: path)
        XCTAssertEqual(try registry.appliedMigrations().last, Schema.migrator.migrations.last)
        XCTAssertTrue(try registry.read { try $0.isClaimed(anyOf: ["Организации/Ш/a.json"]) })
        XCTAssertFalse(try registry.read { try $0.isClaimed(anyOf: ["Организации/Ш/b.json"]) })
        let indexes = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        }
        XCTAssertEqual(indexes, ["document_on_organization", "input_first_arrival", "input_on_organizationKey"])
    }

    func testVersionFourRegistryKeepsItsRowsWithPlainIntegerKeys() throws {
        let path = try olderRegistry(upTo: "v4: indexes of rare reads dropped", rows: """
            INSERT INTO input (id, sha256, name, size, receivedAt, modifiedAt, outcome, organization, organizationKey,
                               storedPath, exportPath, moved)
            VALUES (7, 'aa', 'a.docx', 1, '2026-01-01T00:00:00Z', 1, 'processed', 'Школа', 'школа',
                    'Обработанные/a.docx', 'Организации/Школа/a.json', 1);
            INSERT INTO document (id, inputId, position, kind, organization, itemCount, modifiedAt)
            VALUES (3, 7, 0, 'roadmap', 'Школа', 1, 1);
            INSERT INTO item (id, documentId, position, sectionIndex, activity, deadlineKinds, responsibles,
                              occurrences, firstDay, lastDue)
            VALUES (5, 3, 0, 0, 'Педсовет', 'date', 'Директор', '2024-03-01', '2024-03-01', '2024-03-01');
            INSERT INTO diagnostic (id, inputId, code, severity, message) VALUES (9, 7, 'deadline.missing', 'error', 'Нет срока');
            INSERT INTO claimedPath (path, inputId) VALUES ('Обработанные/a.docx', 7);
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let registry = try Registry(path: path)
        XCTAssertEqual(try registry.appliedMigrations().last, Schema.migrator.migrations.last)
        XCTAssertEqual(try registry.firstArrival(sha256: "aa")?.id, 7)
        XCTAssertEqual(try registry.itemsDue(from: day("2024-01-01"), to: day("2024-03-31")).map(\.occurrence.due.iso), ["2024-03-01"])
        XCTAssertEqual(try registry.read { try $0.canonicalOrganization("школа") }, "Школа")
        // New rows continue after the kept ones, and no insert touches sqlite_sequence any more.
        let id = try registry.record(submission("bb", "b.docx", modified: 2, export: roadmap(organization: "Школа", title: "Б", dues: [["2024-05-01"]])))
        XCTAssertEqual(id, 8)
        try DatabaseQueue(path: path).read { db in
            let schema = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL").joined(separator: "\n")
            XCTAssertFalse(schema.uppercased().contains("AUTOINCREMENT"), schema)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_sequence"), 0)
            XCTAssertEqual(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"),
                           ["document_on_organization", "input_first_arrival", "input_on_organizationKey"])
            XCTAssertEqual(try Int64.fetchAll(db, sql: "SELECT id FROM document ORDER BY id"), [3, 4])
            XCTAssertEqual(try Int64.fetchOne(db, sql: "SELECT supersededBy FROM document WHERE id = 3"), 4)
            XCTAssertEqual(try Int64.fetchAll(db, sql: "SELECT id FROM diagnostic ORDER BY id").first, 9)
            XCTAssertEqual(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count, 0)
        }
    }

    func testRegistriesOpenedAtOnceOnANewFileMigrateItOnce() throws {
        let path = NSTemporaryDirectory() + "registry-open-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm", "-lock"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let errors = LockedList<String>()
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            do { _ = try Registry(path: path) } catch { errors.append("\(error)") }
        }
        XCTAssertEqual(errors.values, [])
        XCTAssertEqual(try Registry(path: path).appliedMigrations().count, Schema.migrator.migrations.count)
    }

    func testTwoRegistriesOnOneFileRecordAtOnceWithoutLosingARow() throws {
        let path = NSTemporaryDirectory() + "registry-two-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm", "-lock"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let errors = LockedList<String>()
        let submissions = (0..<60).map {
            submission("sha\($0)", "карта \($0).docx", modified: Double($0),
                       export: roadmap(organization: "Школа \($0)", title: "К", dues: []))
        }
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                let registry = try Registry(path: path)
                for s in submissions {
                    try registry.transaction { tx in
                        // Look, then record: another writer between the two would be a lost update.
                        guard try tx.firstArrival(sha256: s.sha256) == nil else { return }
                        try tx.record(s)
                    }
                }
            } catch {
                errors.append("\(error)")
            }
        }
        XCTAssertEqual(errors.values, [])
        XCTAssertEqual(try Registry(path: path).inputCounts()[.processed], 60)
    }

    func testAFileANewerVersionMigratedIsRefusedInRussian() throws {
        let path = NSTemporaryDirectory() + "registry-newer-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm", "-lock"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        _ = try Registry(path: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
        }
        XCTAssertThrowsError(try Registry(path: path)) { error in
            XCTAssertEqual(error as? RegistryError, .newerSchema(path: path, migrations: ["v99: from the future"]))
            XCTAssertTrue("\(error)".contains("более новой версией kartograf"), "\(error)")
        }
    }

    func testSQLiteFailuresAreSaidInRussian() throws {
        let full = RegistryError.wrap(DatabaseError(resultCode: .SQLITE_FULL), path: "/out/kartograf.sqlite")
        XCTAssertEqual(full as? RegistryError, .diskFull(folder: "/out"))
        XCTAssertTrue("\(full)".contains("Нет места на диске в папке «/out»"))
        let damaged = RegistryError.wrap(DatabaseError(resultCode: .SQLITE_NOTADB), path: "x.sqlite")
        XCTAssertEqual(damaged as? RegistryError, .damaged(path: "x.sqlite"))
        let path = NSTemporaryDirectory() + "registry-junk-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-lock"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Registry(path: path)) { error in
            XCTAssertEqual(error as? RegistryError, .damaged(path: path))
        }
    }

    func testRecordedRowsKeepEveryValueWithItsType() throws {
        let path = NSTemporaryDirectory() + "registry-rows-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        var export = roadmap(organization: "Школа № 1", title: "", dues: [["2024-03-01", "2024-04-01"]])
        export.diagnostics.append(Diagnostic(.responsibleMissing, field: .responsibles, message: "Нет ответственного",
                                             document: 0, section: 0, item: "1"))
        var s = submission("cc", "c.docx", modified: 12.5, export: export)
        s.converted = true
        try Registry(path: path).record(s)

        try DatabaseQueue(path: path).read { db in
            let input = try XCTUnwrap(Row.fetchOne(db, sql: "SELECT * FROM input"))
            XCTAssertEqual(input["sha256"], "cc")
            XCTAssertEqual(input["size"] as Int64?, 100)
            XCTAssertEqual(input["modifiedAt"] as Double?, 12.5)
            XCTAssertEqual(input["converted"] as Int64?, 1)
            XCTAssertEqual(input["moved"] as Int64?, 0)
            XCTAssertEqual(input["organizationKey"], "школа1")
            XCTAssertTrue((input["protocolPath"] as DatabaseValue).isNull)
            XCTAssertTrue((input["duplicateOf"] as DatabaseValue).isNull)
            let document = try XCTUnwrap(Row.fetchOne(db, sql: "SELECT * FROM document"))
            XCTAssertEqual(document["title"], "")  // an empty text stays empty, not NULL
            XCTAssertEqual(document["periodFrom"], "2023-01-01")
            XCTAssertEqual(document["itemCount"] as Int64?, 1)
            let item = try XCTUnwrap(Row.fetchOne(db, sql: "SELECT * FROM item"))
            XCTAssertEqual(item["occurrences"], "2024-03-01;2024-04-01")
            XCTAssertEqual(item["firstDay"], "2024-03-01")
            XCTAssertEqual(item["lastDue"], "2024-04-01")
            XCTAssertEqual(item["responsibles"], "Директор")
            XCTAssertTrue((item["result"] as DatabaseValue).isNull)
            let diagnostics = try Row.fetchAll(db, sql: "SELECT * FROM diagnostic ORDER BY id")
            XCTAssertEqual(diagnostics.map { $0["code"] as String }, ["deadline.unparsed", "responsible.missing"])
            XCTAssertEqual(diagnostics.map { $0["severity"] as String }, ["warning", "error"])
            XCTAssertTrue((diagnostics[0]["document"] as DatabaseValue).isNull)
            XCTAssertEqual(diagnostics[1]["section"] as Int64?, 0)
            XCTAssertEqual(try String.fetchAll(db, sql: "SELECT path FROM claimedPath ORDER BY path"),
                           ["Обработанные/c.docx", "Организации/x/c.docx.json"])
        }
    }

    func testOccurrenceListsRoundTrip() {
        let list = [Occurrence(start: day("2023-09-01"), due: day("2023-09-30")), Occurrence(start: nil, due: day("2023-12-25"))]
        XCTAssertEqual(OccurrenceList.encode(list), "2023-09-01..2023-09-30;2023-12-25")
        XCTAssertEqual(OccurrenceList.decode(OccurrenceList.encode(list)), list)
        XCTAssertEqual(OccurrenceList.span(list)?.first, day("2023-09-01"))
        XCTAssertEqual(OccurrenceList.span(list)?.lastDue, day("2023-12-25"))
        XCTAssertNil(OccurrenceList.span([]))
        XCTAssertEqual(OccurrenceList.decode(""), [])
    }

    func testOrganisationKeysKeepLettersAndDigitsOnly() {
        XCTAssertEqual(Registry.organizationKey("МБОУ лицей №1 г. Пролетарска"), Registry.organizationKey("МБОУ Лицей № 1 г.Пролетарска"))
        XCTAssertEqual(Registry.organizationKey("Ёлочка — детский сад “Ёжик”"), "елочкадетскийсадежик")
        XCTAssertEqual(Registry.organizationKey("School 42 (Kyzyl)"), "school42kyzyl")
        XCTAssertEqual(Registry.organizationKey("МБОУ\u{A0}СОШ\tс. Ээрбек"), "мбоусошсээрбек")
        XCTAssertEqual(Registry.organizationKey("Schule Größe"), "schulegröße")
        XCTAssertEqual(Registry.organizationKey(""), "")
    }
}

/// Strings gathered from several threads.
final class LockedList<Element: Sendable>: @unchecked Sendable {
    // Sound: `items` is only touched while `lock` is held.
    private let lock = NSLock()
    private var items: [Element] = []
    func append(_ item: Element) { lock.lock(); items.append(item); lock.unlock() }
    var values: [Element] { lock.lock(); defer { lock.unlock() }; return items }
}
