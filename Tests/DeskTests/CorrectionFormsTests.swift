import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import Desk

/// The correction forms of the file page, through the corrections library.
final class CorrectionFormsTests: XCTestCase {
    static func post(_ client: some TestClientProtocol, _ visitor: Visitor, _ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
        var h = visitor.headers
        h[.contentType] = "application/x-www-form-urlencoded"
        let body = ([("csrf", visitor.csrf)] + fields).map { k, v in
            k + "=" + (v.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: h, body: ByteBuffer(string: body))
    }

    /// Posts a form and returns the flash message the file page then shows.
    static func correct(_ client: some TestClientProtocol, _ visitor: Visitor, _ id: Int64, _ what: String,
                 _ fields: [(String, String)]) async throws -> (String, String) {
        let r = try await Self.post(client, visitor, "/file/\(id)/\(what)", fields)
        XCTAssertEqual(r.status, .seeOther, what)
        XCTAssertEqual(r.headers[.location], "/file/\(id)")
        let page = try await visitor.get(client, "/file/\(id)").text
        let flash = page.range(of: "id=\"flash\">").map { String(page[$0.upperBound...].prefix { $0 != "<" }) } ?? ""
        return (flash, page)
    }

    func testFormsKeepCorrectionsWithWhoAndWhen() async throws {
        try await TestHome.withDesk(filled: true) { home, desk in
            let inputs = try desk.registry.inputListings()
            let unnamed = try XCTUnwrap(inputs.first { $0.name == "seed_001.docx" })
            let roadmap = try XCTUnwrap(inputs.first { $0.name == "seed_000.docx" })
            let app = Application(router: desk.router())
            try await app.test(.router) { client in
                let visitor = try await Visitor.arrive(client)
                // Without a name, nothing is kept.
                var (flash, page) = try await Self.correct(client, visitor, unnamed.id, "organisation", [("organization", "МБОУ СОШ № 7")])
                XCTAssertTrue(flash.hasPrefix("Не исправлено: "), flash)
                XCTAssertTrue(flash.contains("кто исправляет"), flash)
                (flash, _) = try await Self.correct(client, visitor, unnamed.id, "author", [("author", "Иванова И. И.")])
                XCTAssertTrue(flash.contains("Иванова И. И."), flash)

                // The file without an organisation is filed under the one given.
                (flash, page) = try await Self.correct(client, visitor, unnamed.id, "organisation", [("organization", "МБОУ СОШ № 7")])
                XCTAssertEqual(flash, "Файл отнесён к организации «МБОУ СОШ № 7».")
                XCTAssertTrue(page.contains("Иванова И. И., "), "who and when")
                let organisations = try await visitor.get(client, "/organisations").text
                XCTAssertFalse(organisations.contains("Файлы без распознанной организации"), "no file is left without one")
                XCTAssertTrue(organisations.contains("МБОУ СОШ № 7"))

                // An item's status for a quarter, with a note.
                (flash, page) = try await Self.correct(client, visitor, roadmap.id, "status",
                                                  [("document", "0"), ("item", "0"), ("quarter", "2024-Q1"),
                                                   ("status", "выполнено"), ("note", "сообщили по телефону")])
                XCTAssertEqual(flash, "Пункт отмечен: «выполнено» за I квартал 2024 г.")
                XCTAssertTrue(page.contains("сообщили по телефону"))

                // A finding dismissed for a reason leaves the protocol's list.
                XCTAssertFalse(page.contains("Замечаний нет."))
                let code = try XCTUnwrap(page.range(of: "name=\"code\" value=\"").map { String(page[$0.upperBound...].prefix { $0 != "\"" }) })
                (flash, page) = try await Self.correct(client, visitor, roadmap.id, "dismiss",
                                                  [("diagnostic", "0"), ("code", code), ("reason", "срок согласован с управлением")])
                XCTAssertEqual(flash, "Замечание отклонено.")
                XCTAssertTrue(page.contains("Замечаний нет."), "seed_000's only finding is gone")
                XCTAssertTrue(page.contains("срок согласован с управлением"))
                // The same finding cannot be dismissed twice.
                (flash, _) = try await Self.correct(client, visitor, roadmap.id, "dismiss",
                                               [("diagnostic", "0"), ("code", code), ("reason", "ещё раз")])
                XCTAssertTrue(flash.hasPrefix("Не исправлено: "), flash)

                // A deadline corrected: its dates at once.
                (flash, page) = try await Self.correct(client, visitor, roadmap.id, "deadline",
                                                  [("document", "0"), ("item", "1"), ("text", "до 15 марта 2024 г.")])
                XCTAssertTrue(flash.contains("15 марта 2024 г."), flash)
                XCTAssertTrue(page.contains("до 15 марта 2024 г."))

                // A document's kind and a column's field, learned into the home's lexicon.
                (flash, _) = try await Self.correct(client, visitor, roadmap.id, "kind",
                                               [("document", "0"), ("kind", "roadmap"), ("heading", "Дорожная карта по реализации системы наставничества")])
                XCTAssertTrue(flash.hasPrefix("Документ отнесён к виду «дорожная карта»"), flash)
                (flash, _) = try await Self.correct(client, visitor, roadmap.id, "column", [("header", "Когда сделать"), ("field", "deadline")])
                XCTAssertTrue(flash.hasPrefix("Столбец «Когда сделать» запомнен"), flash)
                XCTAssertTrue(FileManager.default.fileExists(atPath: desk.corrections.lexiconPath))

                // Refusals in Russian: no such item, no such status.
                (flash, _) = try await Self.correct(client, visitor, roadmap.id, "status",
                                               [("document", "0"), ("item", "9999"), ("quarter", "2024-Q1"), ("status", "выполнено")])
                XCTAssertTrue(flash.hasPrefix("Не исправлено: "), flash)
                (flash, _) = try await Self.correct(client, visitor, roadmap.id, "status",
                                               [("document", "0"), ("item", "0"), ("quarter", "2024-Q1"), ("status", "сделано")])
                XCTAssertTrue(flash.hasPrefix("Не исправлено: "), flash)

                // A form without its token changes nothing.
                var h = visitor.headers
                h[.contentType] = "application/x-www-form-urlencoded"
                let forged = try await client.execute(uri: "/file/\(roadmap.id)/status", method: .post, headers: h,
                                                      body: ByteBuffer(string: "document=0&item=0&quarter=2024-Q1&status=%D0%B2"))
                XCTAssertEqual(forged.status, .forbidden)
            }
            let kept = try desk.corrections.all()
            XCTAssertEqual(kept.map(\.kind), [.organization, .itemStatus, .dismissal, .deadline, .documentKind, .column])
            XCTAssertTrue(kept.allSatisfy { $0.author == "Иванова И. И." && !$0.createdAt.isEmpty })
        }
    }
}
