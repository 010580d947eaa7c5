import Model
import Recognition
import XCTest
@testable import Checks

/// `document.no-items`: a recognised document from which nothing was read is never passed in silence.
final class NoItemsCheckTests: XCTestCase {
    func check(_ doc: Document, tablesRead: Int = 0, unread: [UnreadTable] = []) -> [Diagnostic] {
        NoItemsCheck().check(CheckContext(index: 0, recognized: RecognizedDocument(document: doc, tablesRead: tablesRead,
                                                                                  unreadTables: unread)))
    }

    func testARoadmapWithItemsIsFine() {
        let doc = Document(kind: .roadmap, title: "Дорожная карта", sections: [Section(items: [Item(number: "1", activity: "a")])])
        XCTAssertEqual(check(doc), [])
        XCTAssertEqual(check(Document(kind: .order, title: "Об организации")), [], "an order has no items to miss")
        XCTAssertEqual(check(Document(kind: .program, title: "Программа")), [])
    }

    func testAnEmptyRoadmapSaysWhichTableWasNotRead() throws {
        let doc = Document(kind: .roadmap, title: "План мероприятий на 2024 год", sections: [Section()])
        let d = try XCTUnwrap(check(doc, unread: [UnreadTable(number: 2, firstRow: "Этап | Что | Когда")]).first)
        XCTAssertEqual(d.code, .documentNoItems)
        XCTAssertEqual(d.severity, .warning)
        XCTAssertEqual(d.document, 0)
        XCTAssertTrue(d.message.contains("«План мероприятий на 2024 год»"), d.message)
        XCTAssertTrue(d.message.contains("таблица № 2"), d.message)
        XCTAssertTrue(d.message.contains("«Этап | Что | Когда»"), d.message)
        XCTAssertTrue(d.message.contains("Проверьте документ вручную"), d.message)
    }

    func testAnEmptyReportWithATableReadAndAnEmptyIndicatorsTable() throws {
        let report = try XCTUnwrap(check(Document(kind: .report, title: "Отчёт"), tablesRead: 1).first)
        XCTAssertTrue(report.message.hasPrefix("В отчёте «Отчёт» не прочитано ни одного мероприятия: таблица найдена"), report.message)
        let indicators = try XCTUnwrap(check(Document(kind: .indicators, title: nil)).first)
        XCTAssertTrue(indicators.message.hasPrefix("В таблице показателей не прочитано ни одного показателя: под заголовком нет таблицы"),
                      indicators.message)
    }
}
