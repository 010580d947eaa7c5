import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Registry
import XCTest
@testable import Desk

/// Every page renders from a registry filled by a real run over the dev corpus.
final class PagesTests: XCTestCase {
    func testEveryPageRendersFromARealRun() async throws {
        try await TestHome.withDesk(filled: true) { home, desk in
            let inputs = try desk.registry.inputListings()
            XCTAssertFalse(inputs.isEmpty)
            let app = Application(router: desk.router())
            try await app.test(.router) { client in
                let visitor = try await Visitor.arrive(client)
                XCTAssertFalse(visitor.csrf.isEmpty, "the inbox page carries the CSRF token")

                let inbox = try await visitor.get(client, "/inbox")
                XCTAssertEqual(inbox.status, .ok)
                XCTAssertEqual(inbox.headers[.contentSecurityPolicy], SecurityHeaders.policy)
                XCTAssertTrue(inbox.text.contains("Перетащите файлы сюда"))
                for i in inputs { XCTAssertTrue(inbox.text.contains(i.name), "the inbox lists «\(i.name)»") }

                let organisations = try await visitor.get(client, "/organisations")
                XCTAssertEqual(organisations.status, .ok)
                // seed_001 names no organisation: it is listed at the top, before the organisations' table.
                let page = organisations.text
                let top = try XCTUnwrap(page.range(of: "Файлы без распознанной организации"))
                let table = try XCTUnwrap(page.range(of: "Действующая дорожная карта"))
                XCTAssertLessThan(top.lowerBound, table.lowerBound)
                XCTAssertTrue(page.contains("seed_001.docx"))
                let unnamed = try XCTUnwrap(inputs.first { $0.name == "seed_001.docx" })
                XCTAssertTrue(page.contains("action=\"/file/\(unnamed.id)/organisation\""), "assigned from the list at once")
                XCTAssertTrue(page.contains("name=\"csrf\" value=\"\(visitor.csrf)\""), "the list's forms carry the token")
                for name in try desk.registry.organizations().compactMap(\.organization) {
                    XCTAssertTrue(page.contains(Self.escaped(name)), "«\(name)» is listed")
                }

                for input in inputs {
                    let file = try await visitor.get(client, "/file/\(input.id)")
                    XCTAssertEqual(file.status, .ok, input.name)
                    XCTAssertTrue(file.text.contains("Протокол проверки"))
                    XCTAssertTrue(file.text.contains("Исходный файл"))
                    XCTAssertTrue(file.text.contains("Выгрузка JSON"))
                    XCTAssertTrue(file.text.contains("Протокол проверки .docx"))
                    XCTAssertTrue(file.text.contains("Протокол проверки .html"))
                }
                // A roadmap's items, with deadlines resolved to Russian dates and responsibles as entries.
                let seed0 = try XCTUnwrap(inputs.first { $0.name == "seed_000.docx" })
                let file = try await visitor.get(client, "/file/\(seed0.id)").text
                XCTAssertTrue(file.contains("дорожная карта"))
                XCTAssertNotNil(file.range(of: #"\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) 20\d\d г\."#,
                                           options: .regularExpression), "deadlines shown as dates")
                XCTAssertTrue(file.contains("(должность)") || file.contains("(человек)") || file.contains("(орган)"))
                // A diagnostic's place, text and hint, when the protocol has any.
                if let withFindings = inputs.first(where: { ($0.diagnostics.values.reduce(0, +)) > 0 }) {
                    let page = try await visitor.get(client, "/file/\(withFindings.id)").text
                    XCTAssertTrue(page.contains("Как исправить"))
                    XCTAssertTrue(page.contains("sev-"))
                }

                let missing = try await visitor.get(client, "/file/999999")
                XCTAssertEqual(missing.status, .notFound)

                let quarter = try await visitor.get(client, "/quarter?q=2024-Q1")
                XCTAssertEqual(quarter.status, .ok)
                XCTAssertTrue(quarter.text.contains("I квартал 2024 г."))
                XCTAssertTrue(quarter.text.contains("<svg class=\"chart\""), "the municipal summary's chart")
                XCTAssertTrue(quarter.text.contains("/quarter/2024-Q1/summary.xlsx"))
                do { let r = try await visitor.get(client, "/quarter?q=nonsense"); XCTAssertEqual(r.status, .badRequest) }
                do { let r = try await visitor.get(client, "/quarter"); XCTAssertEqual(r.status, .ok) }
            }
        }
    }

    func testQuarterDownloadsAndFilesOfTheHome() async throws {
        try await TestHome.withDesk(filled: true) { home, desk in
            let input = try XCTUnwrap(try desk.registry.inputListings().first { $0.name == "seed_000.docx" })
            let app = Application(router: desk.router())
            try await app.test(.router) { client in
                let visitor = try await Visitor.arrive(client)
                let xlsx = try await visitor.get(client, "/quarter/2024-Q1/summary.xlsx")
                XCTAssertEqual(xlsx.status, .ok)
                XCTAssertEqual(Array(xlsx.body.readableBytesView.prefix(2)), [0x50, 0x4B])
                XCTAssertTrue(xlsx.headers[.contentDisposition]?.contains("attachment") ?? false)
                let zip = try await visitor.get(client, "/quarter/2024-Q1/submissions.zip")
                XCTAssertEqual(zip.status, .ok)
                XCTAssertEqual(Array(zip.body.readableBytesView.prefix(2)), [0x50, 0x4B])
                do { let r = try await visitor.get(client, "/quarter/2024-Q9/summary.xlsx"); XCTAssertEqual(r.status, .notFound) }
                // Each organisation's submission, as its link on the quarter's page names it.
                let page = try await visitor.get(client, "/quarter?q=2024-Q1").text
                let links = page.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                    .filter { $0.hasPrefix("/quarter/2024-Q1/submission/") }
                XCTAssertFalse(links.isEmpty)
                for link in links {
                    let r = try await visitor.get(client, link)
                    XCTAssertEqual(r.status, .ok, link)
                    XCTAssertEqual(Array(r.body.readableBytesView.prefix(2)), [0x50, 0x4B], "a filled quarterly.docx")
                }
                do { let r = try await visitor.get(client, "/quarter/2024-Q1/submission/999"); XCTAssertEqual(r.status, .notFound) }

                // The original, as the file page links it, is the file that was dropped.
                let filePage = try await visitor.get(client, "/file/\(input.id)").text
                let link = try XCTUnwrap(filePage.components(separatedBy: "href=\"").dropFirst()
                    .map { String($0.prefix { $0 != "\"" }) }.first { $0.hasPrefix("/files/") && $0.hasSuffix(".docx") })
                let original = try await visitor.get(client, link.replacingOccurrences(of: "&#x2F;", with: "/"))
                XCTAssertEqual(original.status, .ok, link)
                let dev = try Data(contentsOf: URL(fileURLWithPath: try TestSupportPath.dev("seed_000.docx")))
                XCTAssertEqual(Data(original.body.readableBytesView), dev)
                XCTAssertNotNil(original.headers[.contentSecurityPolicy])
            }
        }
    }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}

import TestSupport
enum TestSupportPath {
    static func dev(_ name: String) throws -> String { try Shared.require("corpus/dev/" + name) }
    static func hostile(_ name: String) throws -> String { try Shared.require("corpus/hostile/" + name) }
}
