import Foundation
import Model
import Pipeline
import Registry
import RegistryPostgres
import Reports
import TestSupport
import XCTest

/// `kartograf registry copy`: a department's SQLite history moved to the server, checked row by row,
/// through the real executable.
final class RegistryCopyTests: XCTestCase {
    func testAHistoryIsMovedWholeOnceAndAQuarterReadsTheSame() throws {
        let url = try PostgresServer.database(for: self)
        let h = try Harness()
        defer { h.cleanUp() }
        // Two schools, one of them in two versions, a file that is not Word, and a repeat.
        try h.put("сош1.docx", TestDocx.roadmap(organization: "МБОУ СОШ № 1"))
        try h.put("сош2.docx", TestDocx.roadmap(organization: "МБОУ СОШ № 2", rows: 4))
        try h.put("сломан.docx", Array("не архив".utf8))
        XCTAssertEqual(try h.run().status, 1, "the broken file is rejected")
        sleep(1)
        try h.put("сош1 новая.docx", TestDocx.roadmap(organization: "МБОУ СОШ № 1", version: 2, rows: 7))
        try h.put("сош2 ещё раз.docx", TestDocx.roadmap(organization: "МБОУ СОШ № 2", rows: 4))
        XCTAssertEqual(try h.run().status, 0)
        // A methodist's correction goes with the history.
        let desk = try CorrectionDesk(output: h.out, converter: nil)
        let file = try XCTUnwrap(try desk.files().first { $0.name == "сош2.docx" })
        try desk.setItemStatus(file: file.id, document: 0, item: 0, quarter: Quarter(year: 2024, number: 1)!,
                               status: .done, note: "проверено", author: "Иванова")
        let sqlite = h.out + "/kartograf.sqlite"

        let copied = try h.kartograf(["registry", "copy", "--from", sqlite, "--to", url])
        XCTAssertEqual(copied.status, 0, copied.stderr)
        XCTAssertTrue(copied.stderr.contains("каждая строка сверена"), copied.stderr)
        XCTAssertFalse(copied.stderr.contains(try XCTUnwrap(URLComponents(string: url)?.password)), "no password in the message")

        let source = try Registry(path: sqlite)
        let server = try PostgresRegistry(url: url)
        XCTAssertEqual(try PostgresRunTests.contents(server), try PostgresRunTests.contents(source))
        XCTAssertEqual(try server.allCorrections().map { "\($0.kind) \($0.value) \($0.author) \($0.note ?? "")" },
                       try source.allCorrections().map { "\($0.kind) \($0.value) \($0.author) \($0.note ?? "")" })
        XCTAssertEqual(try server.allCorrections().count, 1)

        // A history is moved once: a second copy into the same department is refused, and changes nothing.
        let again = try h.kartograf(["registry", "copy", "--from", sqlite, "--to", url])
        XCTAssertEqual(again.status, 1, again.stderr)
        XCTAssertTrue(again.stderr.contains("историю переносят один раз"), again.stderr)
        XCTAssertEqual(try PostgresRunTests.contents(server), try PostgresRunTests.contents(source))

        // The quarter reads the same from the server as from the file.
        let quarter = ["report", "quarterly", "2024-Q1", "--today", "2024-04-10", "--without-docx", "--from", h.out]
        let fromFile = try h.kartograf(quarter + ["--out", h.root + "/q-file"])
        XCTAssertEqual(fromFile.status, 0, fromFile.stderr)
        let fromServer = try h.kartograf(quarter + ["--registry", url, "--out", h.root + "/q-server"])
        XCTAssertEqual(fromServer.status, 0, fromServer.stderr)
        let names = h.files(under: h.root + "/q-file").filter { $0.hasSuffix(".json") }
        XCTAssertFalse(names.isEmpty)
        XCTAssertEqual(h.files(under: h.root + "/q-server").filter { $0.hasSuffix(".json") }, names)
        for name in names {
            XCTAssertEqual(try String(contentsOfFile: h.root + "/q-server/" + name, encoding: .utf8),
                           try String(contentsOfFile: h.root + "/q-file/" + name, encoding: .utf8), name)
        }
    }

    func testWrongCallsAreSaidInRussian() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let noFile = try h.kartograf(["registry", "copy", "--from", h.root + "/нет.sqlite", "--to", "postgres://u@127.0.0.1/db"])
        XCTAssertEqual(noFile.status, 2, noFile.stderr)
        XCTAssertTrue(noFile.stderr.contains("не найден"), noFile.stderr)
        let notURL = try h.kartograf(["registry", "copy", "--from", h.root + "/нет.sqlite", "--to", "/tmp/x.sqlite"])
        XCTAssertEqual(notURL.status, 2, notURL.stderr)
        XCTAssertTrue(notURL.stderr.contains("нужен адрес сервера"), notURL.stderr)
    }
}
