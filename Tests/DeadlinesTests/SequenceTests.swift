import Model
import XCTest
@testable import Deadlines

/// `далее` sequences and merged sub-rows (deadlines.md, D19, D20, D27).
final class SequenceTests: XCTestCase {
    func testDatedThenYearlyMonth() {
        assertDeadline("ноябрь –декабрь 2021 г., далее - ежегодно сентябрь", period: "2021-01-01..2022-12-31",
                       kinds: [.date, .recurring],
                       [TestSupport.occ("2021-11-01", "2021-12-31"), TestSupport.occ("2022-09-01", "2022-09-30")])
        assertDeadline("ноябрь –декабрь 2021 г., далее - ежегодно сентябрь", period: "2021-09-01..2022-08-31",
                       kinds: [.date, .recurring], [TestSupport.occ("2021-11-01", "2021-12-31")])
    }

    func testDatedThenEvent() {
        assertDeadline("до 01 марта 2022 г., далее – по мере необходимости", period: "2021-09-01..2022-08-31",
                       kinds: [.date, .event], [TestSupport.occ(nil, "2022-03-01")])
    }

    func testDatedThenNoFixedDates() {
        assertDeadline("Сентябрь 2021 г., далее - регулярное обновление", period: "2021-01-01..2024-12-31",
                       kinds: [.date, .recurring],
                       [TestSupport.occ("2021-09-01", "2021-09-30"), TestSupport.occ("2021-10-01", "2024-12-31")])
    }

    func testDatedThenMonthly() {
        let result = TestSupport.parse("октябрь 2023 г., далее ежемесячно", academic)
        XCTAssertEqual(result.value.occurrences.first, TestSupport.occ("2023-10-01", "2023-10-31"))
        XCTAssertEqual(result.value.occurrences.dropFirst().first, TestSupport.occ("2023-11-01", "2023-11-30"))
        XCTAssertEqual(result.value.occurrences.count, 11)
    }

    func testYearlyUpToTheWrittenYear() {
        assertDeadline("Август-сентябрь 2021 г., далее – ежегодно до 1 февраля 2024 года", period: "2021-01-01..2024-12-31",
                       kinds: [.date, .recurring], [
                           TestSupport.occ("2021-08-01", "2021-09-30"), TestSupport.occ(nil, "2022-02-01"),
                           TestSupport.occ(nil, "2023-02-01"), TestSupport.occ(nil, "2024-02-01"),
                       ])
    }

    func testMergedSubRowsGiveEachOccurrenceOnce() {
        let one = TestSupport.parse("Ноябрь 2021 г., далее – ежегодно или по запросу", "2021-01-01..2024-12-31")
        let two = TestSupport.parse("Ноябрь 2021 г., далее – ежегодно или по запросу Ноябрь 2021 г., далее – ежегодно или по запросу",
                                    "2021-01-01..2024-12-31")
        XCTAssertEqual(one.value.occurrences, two.value.occurrences)
        XCTAssertEqual(one.value.kinds, [.date, .event, .recurring])
    }
}
