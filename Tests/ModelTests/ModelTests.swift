import JSON
import XCTest
@testable import Model

final class ModelTests: XCTestCase {
    func testDayRejectsImpossibleDatesAndHandlesLeapYears() {
        XCTAssertNil(Day(year: 2023, month: 2, day: 29))
        XCTAssertNotNil(Day(year: 2024, month: 2, day: 29))
        XCTAssertNil(Day(year: 2023, month: 13, day: 1))
        XCTAssertEqual(Day(iso: "2023-12-31")?.next.iso, "2024-01-01")
        let d = Day(year: 2024, month: 3, day: 1)!
        XCTAssertEqual(Day(ordinal: d.ordinal), d)
        XCTAssertEqual(Day(year: 1970, month: 1, day: 1)!.ordinal, 0)
    }

    func testDiagnosticLocationPrefixesMessage() {
        let d = Diagnostic(.deadlineInvalidDate, field: .deadline, text: "Декабрь 20201", message: "неверный год «20201»")
            .located(document: 0, section: 2, item: "16")
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.message, "Пункт 16: неверный год «20201»")
        XCTAssertEqual(d.json["item"], .string("16"))
    }
}

