import Model
import OOXML
import TestSupport
import XCTest
@testable import Extraction

/// Normalisation inside `extract`: glossaries, rosters, located diagnostics.
final class NormalizerTests: XCTestCase {
    typealias W = WordPackage

    func extract(_ body: String) throws -> Export {
        Extractor().extract(bytes: try W.make(body: body), fileName: "t.docx")
    }

    func table(_ rows: [[String]]) -> String {
        W.table(columns: 4, rows: [W.tr(["№", "Мероприятие", "Срок", "Ответственные"], header: true)] + rows.map { W.tr($0) })
    }

    func testTheDocumentsOwnGlossaryExpandsBodies() throws {
        let body = W.p("Дорожная карта на 2023-2024 годы", bold: true) + W.p("Принятые сокращения:")
            + W.p("УО - Управление образования администрации района;") + table([["1", "Совещание", "май 2023", "УО"]])
        let r = try XCTUnwrap(try extract(body).documents.first?.sections.first?.items.first?.responsibles.first)
        XCTAssertEqual(r.kind, .body)
        XCTAssertEqual(r.key, "УО")
        XCTAssertEqual(r.expansion, "Управление образования администрации района")
    }

    func testPeopleOutsideTheOrdersRosterAreFlagged() throws {
        let body = W.p("ПРИКАЗ", bold: true) + W.p("Об организации наставничества") + W.p("ПРИКАЗЫВАЮ:")
            + W.p("1. Назначить куратором программы Ковалёву Л.Ю.")
            + W.p("Дорожная карта на 2023-2024 годы", bold: true)
            + table([["1", "Совещание", "май 2023", "Ковалёва Л.Ю."], ["2", "Анкеты", "июнь 2023", "Петров И.И."]])
        let export = try extract(body)
        let flagged = export.diagnostics.filter { $0.code == .responsibleNotInRoster }
        XCTAssertEqual(flagged.map(\.item), ["2"])
        XCTAssertEqual(flagged.first?.document, 1)
        XCTAssertTrue(flagged.first?.message.contains("Петров И.И.") ?? false)
    }

    func testDiagnosticsAreLocatedAtTheirItem() throws {
        let body = W.p("Дорожная карта на 2023 год", bold: true) + table([["1", "Совещание", "", ""], ["2", "", "май 2023", "Директор"]])
        let export = try extract(body)
        let byCode = Dictionary(grouping: export.diagnostics, by: \.code)
        XCTAssertEqual(byCode[.responsibleMissing]?.map(\.item), ["1"])
        XCTAssertEqual(byCode[.activityMissing]?.map(\.item), ["2"])
        XCTAssertTrue(byCode[.activityMissing]?.first?.message.hasPrefix("Пункт 2:") ?? false)
    }

    func testAFileWithNoRoadmapSaysSo() throws {
        let export = try extract(W.p("Уважаемые коллеги!"))
        XCTAssertEqual(export.diagnostics.map(\.code), [.documentNotRecognized])
        XCTAssertTrue(export.documents.isEmpty)
    }
}
