import Model
import XCTest
@testable import Reports

final class QuarterTests: XCTestCase {
    func testParsesAndBounds() throws {
        let q = try XCTUnwrap(Quarter("2024-Q1"))
        XCTAssertEqual(q.start, Q.day("2024-01-01"))
        XCTAssertEqual(q.end, Q.day("2024-03-31"))
        XCTAssertEqual(q.reportingDeadline, Q.day("2024-04-10"))
        XCTAssertEqual(q.description, "2024-Q1")
        XCTAssertEqual(q.russian, "I квартал 2024 г.")
        XCTAssertEqual(Quarter("2024-q3")?.end, Q.day("2024-09-30"))
        XCTAssertEqual(Quarter("2024-Q2")?.end, Q.day("2024-06-30"))
    }

    func testRejectsMalformedQuarters() {
        for text in ["2024-Q5", "2024-Q0", "2024-1", "24-Q1", "2024Q1", "", "Q1-2024", "2024-Q1x"] {
            XCTAssertNil(Quarter(text), text)
        }
    }

    func testFourthQuarterIsReportedInJanuary() {
        let q = Q.quarter("2024-Q4")
        XCTAssertEqual(q.start, Q.day("2024-10-01"))
        XCTAssertEqual(q.end, Q.day("2024-12-31"))
        XCTAssertEqual(q.reportingDeadline, Q.day("2025-01-10"))
        XCTAssertEqual(q.next, Q.quarter("2025-Q1"))
    }

    func testPreviousQuartersCrossYears() {
        XCTAssertEqual(Q.quarter("2024-Q1").previous, Q.quarter("2023-Q4"))
        XCTAssertEqual(Q.quarter("2024-Q2").previous(3).map(\.description), ["2024-Q1", "2023-Q4", "2023-Q3"])
    }

    func testQuarterOfEveryDayOfALeapYearContainsIt() {
        var d = Q.day("2024-01-01")
        while d.year == 2024 {
            let q = Quarter(containing: d)
            XCTAssertTrue(q.contains(d), d.iso)
            XCTAssertFalse(q.previous.contains(d), d.iso)
            XCTAssertTrue(q.reportingDeadline > q.end)
            d = d.next
        }
    }
}
