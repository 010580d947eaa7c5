import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Registry
import RegistryPostgres
import TestSupport
import XCTest
@testable import Desk

/// The desk on a PostgreSQL registry (`serve --registry postgres://…`): what a methodist uploads, sees and
/// corrects is kept on the server, within the methodist's department. Needs the test cluster
/// (`KARTOGRAF_TEST_POSTGRES`): skipped without it on a developer's machine, failed in CI.
final class PostgresDeskTests: XCTestCase {
    /// A department's methodist (`a1`) on a fresh database where another department already has a file.
    private func server() throws -> (users: PostgresServer.Departments, otherFile: Int64) {
        let url = try PostgresServer.database(for: self)
        _ = try PostgresRegistry(url: url)  // the schema and its group roles
        let users = try PostgresServer.departments(url, for: self)
        let other = try PostgresRegistry(url: users.b1).record(Submission(
            sha256: "other", name: "чужая карта.docx", size: 1, receivedAt: "2026-01-01T00:00:00Z", modifiedAt: 1,
            outcome: .processed, organization: "МБОУ СОШ № 99", storedPath: "Обработанные/чужая карта.docx"))
        return (users, other)
    }

    func testUploadedFileIsListedCorrectedAndKeptOnTheServer() async throws {
        let (users, otherFile) = try server()
        let home = try TestHome()
        defer { home.cleanUp() }
        let desk = try home.desk(registry: try PostgresRegistry(url: users.a1))
        desk.worker.start()
        defer { desk.worker.stop() }
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try TestSupportPath.dev("seed_000.docx"))))
        let app = Application(router: desk.router())
        let fileId = try await app.test(.router) { client -> Int64 in
            let visitor = try await Visitor.arrive(client)
            let (state, message, link) = try await UploadsTests.outcome(client, visitor,
                try await visitor.upload(client, name: "Дорожная карта.docx", bytes: good))
            XCTAssertEqual(state, "processed", message)
            let fileId = try XCTUnwrap(link.flatMap { Int64($0.dropFirst("/file/".count)) }, "\(link ?? "no link")")

            // Listed from the server, the other department's file not at all.
            let inbox = try await visitor.get(client, "/inbox")
            XCTAssertEqual(inbox.status, .ok)
            XCTAssertTrue(inbox.text.contains("Дорожная карта.docx"), inbox.text)
            XCTAssertTrue(inbox.text.contains("/file/\(fileId)"))
            XCTAssertFalse(inbox.text.contains("чужая карта.docx"))
            let foreign = try await visitor.get(client, "/file/\(otherFile)")
            XCTAssertEqual(foreign.status, .notFound)
            XCTAssertTrue(foreign.text.contains("В реестре нет файла №\(otherFile)."), foreign.text)

            // Corrected: the file goes to another organisation, an item gets its status for a quarter.
            var (flash, _) = try await CorrectionFormsTests.correct(client, visitor, fileId, "author", [("author", "Петрова А. А.")])
            XCTAssertTrue(flash.contains("Петрова А. А."), flash)
            (flash, _) = try await CorrectionFormsTests.correct(client, visitor, fileId, "organisation",
                                                                [("organization", "МБОУ СОШ № 7")])
            XCTAssertEqual(flash, "Файл отнесён к организации «МБОУ СОШ № 7».")
            let page: String
            (flash, page) = try await CorrectionFormsTests.correct(client, visitor, fileId, "status",
                [("document", "0"), ("item", "0"), ("quarter", "2024-Q1"), ("status", "выполнено"), ("note", "по телефону")])
            XCTAssertEqual(flash, "Пункт отмечен: «выполнено» за I квартал 2024 г.")
            XCTAssertTrue(page.contains("Петрова А. А., "), "who and when")
            XCTAssertTrue(page.contains("по телефону"))

            let organisations = try await visitor.get(client, "/organisations")
            XCTAssertEqual(organisations.status, .ok)
            XCTAssertTrue(organisations.text.contains("МБОУ СОШ № 7"))
            XCTAssertFalse(organisations.text.contains("МБОУ СОШ № 99"))
            let quarter = try await visitor.get(client, "/quarter?q=2024-Q1")
            XCTAssertEqual(quarter.status, .ok)
            XCTAssertTrue(quarter.text.contains("МБОУ СОШ № 7"), "the quarter reads the same registry")
            return fileId
        }

        // Kept on the server: another methodist of the department sees the file filed and both corrections;
        // the other department sees none of it; nothing went into an SQLite file of the home.
        let colleague = try PostgresRegistry(url: users.a2)
        XCTAssertEqual(try colleague.inputListing(id: fileId)?.organization, "МБОУ СОШ № 7")
        let kept = try colleague.corrections(inputId: fileId)
        XCTAssertEqual(kept.map(\.kind), [.organization, .itemStatus])
        XCTAssertEqual(kept.map(\.author), ["Петрова А. А.", "Петрова А. А."])
        XCTAssertEqual(try PostgresRegistry(url: users.b1).allCorrections(), [])
        XCTAssertEqual(try PostgresRegistry(url: users.b1).inputListings().map(\.id), [otherFile])
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.root + "/" + Registry.fileName))

        // A desk started again on the server shows the file as corrected.
        let again = try home.desk(registry: try PostgresRegistry(url: users.a2))
        defer { again.worker.stop() }
        try await Application(router: again.router()).test(.router) { client in
            let visitor = try await Visitor.arrive(client)
            let page = try await visitor.get(client, "/file/\(fileId)").text
            XCTAssertTrue(page.contains("МБОУ СОШ № 7"))
            XCTAssertTrue(page.contains("по телефону"))
        }
    }

    /// The department's methodist through a relay the test cuts, as when the server goes away.
    private func relayed(_ url: String) throws -> (Relay, String) {
        let relay = try Relay(toPort: UInt16(try XCTUnwrap(URLComponents(string: url)?.port)))
        addTeardownBlock { relay.cut() }
        return (relay, PostgresServer.url(url, port: Int(relay.port)))
    }

    func testAPageTheServerCannotAnswerIsA503InRussianAndTheNextOneWorksAgain() async throws {
        let (users, _) = try server()
        let (relay, url) = try relayed(users.a1)
        let home = try TestHome()
        defer { home.cleanUp() }
        let desk = try home.desk(registry: try PostgresRegistry(url: url))
        defer { desk.worker.stop() }
        let password = try XCTUnwrap(URLComponents(string: url)?.password)
        try await Application(router: desk.router()).test(.router) { client in
            let visitor = try await Visitor.arrive(client)
            relay.cut()
            for page in ["/inbox", "/organisations", "/file/1"] {
                let lost = try await visitor.get(client, page)
                XCTAssertEqual(lost.status, .serviceUnavailable, "\(page): \(lost.text)")
                XCTAssertEqual(lost.headers[.retryAfter], "30")
                XCTAssertTrue(lost.text.contains("Сервер реестра «postgres://"), lost.text)
                XCTAssertTrue(lost.text.contains("недоступен"), lost.text)
                XCTAssertFalse(lost.text.contains(password), "the password is never shown")
            }
            // The server is back: the next page connects again.
            try relay.resume()
            let back = try await visitor.get(client, "/inbox")
            XCTAssertEqual(back.status, .ok, back.text)
        }
    }

    func testAServerLostWhileAFileIsRecordedStopsTheDeskAndTheFileStaysInTheInbox() async throws {
        let (users, _) = try server()
        let (relay, url) = try relayed(users.a1)
        let home = try TestHome()
        defer { home.cleanUp() }
        var options = ServeOptions(home: home.home, port: 0)
        options.pipeline.workers = 2
        options.pipeline.registry = try PostgresRegistry(url: url)
        let desk = try Desk(options: options)
        let bound = BoundPort()
        let running = Task { try await desk.run { bound.set($0) } }
        for _ in 0..<200 where bound.get() == nil { try await Task.sleep(for: .milliseconds(50)) }
        XCTAssertNotNil(bound.get(), "the desk is serving")
        let first = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try TestSupportPath.dev("seed_000.docx"))))
        let second = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try TestSupportPath.dev("seed_002.docx"))))
        try await Application(router: desk.router()).test(.router) { client in
            let visitor = try await Visitor.arrive(client)
            let before = try await UploadsTests.outcome(client, visitor, try await visitor.upload(client, name: "первая.docx", bytes: first))
            XCTAssertEqual(before.0, "processed", before.1)
            relay.cut()
            let (state, message, _) = try await UploadsTests.outcome(client, visitor,
                try await visitor.upload(client, name: "карта.docx", bytes: second))
            XCTAssertEqual(state, "failed", message)
            XCTAssertTrue(message.contains("недоступен"), message)
            XCTAssertTrue(message.contains("файл остался во входящих"), message)
            XCTAssertFalse(message.contains(try XCTUnwrap(URLComponents(string: url)?.password)), message)
        }
        // The desk ends as `watch` does (serve then exits 3 with the reason), within a second or so.
        let deadline = Date().addingTimeInterval(10)
        while desk.worker.pipeline.stopReason == nil && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        guard case .registry(.unreachable)? = desk.worker.pipeline.stopReason else {
            running.cancel()
            return XCTFail("\(String(describing: desk.worker.pipeline.stopReason))")
        }
        let stopped = Date()
        let watchdog = Task {
            try await Task.sleep(for: .seconds(10))
            running.cancel()
        }
        _ = try? await running.value
        watchdog.cancel()
        XCTAssertLessThan(Date().timeIntervalSince(stopped), 5, "the desk ended by itself")
        // The file waits in the inbox for the next start.
        let left = try FileManager.default.contentsOfDirectory(atPath: home.home.inbox).filter { !$0.hasPrefix(".") }
        XCTAssertEqual(left, ["карта.docx"])
    }
}

/// The port the desk reports once it serves.
private final class BoundPort: @unchecked Sendable {
    // Sound: `port` is only touched while `lock` is held.
    private let lock = NSLock()
    private var port: Int?
    func set(_ p: Int) { lock.withLock { port = p } }
    func get() -> Int? { lock.withLock { port } }
}
