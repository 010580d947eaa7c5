import Model
import Recognition
import XCTest
@testable import Checks

/// `document.period-missing`: a roadmap or report that never says which years it plans for.
final class PeriodCheckTests: XCTestCase {
    func check(_ doc: Document) -> [Diagnostic] {
        PeriodCheck().check(CheckContext(index: 0, recognized: RecognizedDocument(document: doc)))
    }

    func testARoadmapAndAReportWithoutAPeriod() throws {
        let roadmap = try XCTUnwrap(check(Document(kind: .roadmap, title: "Дорожная карта наставничества")).first)
        XCTAssertEqual(roadmap.code, .documentPeriodMissing)
        XCTAssertEqual(roadmap.severity, .warning)
        XCTAssertEqual(roadmap.message, "В дорожной карте «Дорожная карта наставничества» не указан период реализации (годы или учебный год): "
                       + "сроки без года не удастся привязать к датам.")
        let report = try XCTUnwrap(check(Document(kind: .report, title: nil)).first)
        XCTAssertTrue(report.message.hasPrefix("В отчёте не указан период"), report.message)
    }

    func testADocumentWithAPeriodOrOfAnotherKind() {
        XCTAssertEqual(check(Document(kind: .roadmap, title: "Дорожная карта на 2024 год", period: .calendarYears(2024, 2024))), [])
        XCTAssertEqual(check(Document(kind: .order, title: "Об организации")), [])
        XCTAssertEqual(check(Document(kind: .indicators, title: nil)), [])
    }
}
