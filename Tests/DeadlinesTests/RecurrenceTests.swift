import Model
import XCTest
@testable import Deadlines

/// Recurring terms (deadlines.md, D14–D18, D20, D21).
final class RecurrenceTests: XCTestCase {
    private func years(_ first: Int, _ last: Int, month: Int? = nil) -> [Occurrence] {
        (first...last).map { y in
            guard let m = month else { return TestSupport.occ("\(y)-01-01", "\(y)-12-31") }
            let from = Day(year: y, month: m, day: 1)!
            return Occurrence(start: from, due: Day.last(ofMonth: m, year: y)!)
        }
    }

    func testYearlyWithoutMonth() {
        for text in ["Ежегодно", "каждый год", "не реже одного раза в год"] {
            assertDeadline(text, period: calendar3, kinds: [.recurring], years(2023, 2025))
        }
        assertDeadline("ежегодно", period: academic, kinds: [.recurring], [TestSupport.occ("2023-09-01", "2024-08-31")])
        assertDeadline("Ежегодно", kinds: [.recurring], [])
    }

    func testYearlyWithMonth() {
        for text in ["Июнь Ежегодно", "ежегодно в июне", "ежегодно, июнь"] {
            assertDeadline(text, period: calendar3, kinds: [.recurring], years(2023, 2025, month: 6))
        }
        assertDeadline("ежегодно до 20 января", period: calendar3, kinds: [.recurring],
                       (2023...2025).map { TestSupport.occ(nil, "\($0)-01-20") })
        assertDeadline("ежегодно 1 сентября", period: calendar3, kinds: [.recurring],
                       (2023...2025).map { TestSupport.occ("\($0)-09-01", "\($0)-09-01") })
    }

    func testYearlyOnlyDueInsidePeriod() {
        assertDeadline("Август- сентябрь Ежегодно", period: academic, kinds: [.recurring],
                       [TestSupport.occ("2023-08-01", "2023-09-30")])
    }

    func testYearlyFromAYear() {
        assertDeadline("с 2024 г. ежегодно", period: calendar3, kinds: [.recurring], years(2024, 2025))
        assertDeadline("с 2022 г. ежегодно", period: "2021-09-01..2022-08-31", kinds: [.recurring],
                       [TestSupport.occ("2022-01-01", "2022-08-31")])
    }

    func testExplicitRangeReplacesPeriod() {
        assertDeadline("Декабрь, июнь в период с 2022 по 2024 г.г.", period: calendar3, kinds: [.recurring], [
            TestSupport.occ("2022-06-01", "2022-06-30"), TestSupport.occ("2022-12-01", "2022-12-31"),
            TestSupport.occ("2023-06-01", "2023-06-30"), TestSupport.occ("2023-12-01", "2023-12-31"),
            TestSupport.occ("2024-06-01", "2024-06-30"), TestSupport.occ("2024-12-01", "2024-12-31"),
        ], codes: ["deadline.outside-period"])
        assertDeadline("ежегодно в мае (2024-2025 гг.)", period: calendar3, kinds: [.recurring], years(2024, 2025, month: 5))
    }

    func testMonthly() {
        let months = (1...12).map { m in Occurrence(start: Day(year: 2024, month: m, day: 1)!, due: Day.last(ofMonth: m, year: 2024)!) }
        for text in ["ежемесячно", "не реже раза в месяц", "1 раз в месяц", "регулярно, не реже раза в месяц"] {
            assertDeadline(text, period: year2024, kinds: [.recurring], months)
        }
        assertDeadline("до 25 числа каждого месяца", period: year2024, kinds: [.recurring],
                       (1...12).map { Occurrence(start: nil, due: Day(year: 2024, month: $0, day: 25)!) })
    }

    func testFollowingTheReportingUnit() {
        let result = TestSupport.parse("ежеквартально до 10 числа месяца, следующего за отчётным", calendar3)
        XCTAssertEqual(result.value.occurrences.count, 12)
        XCTAssertEqual(result.value.occurrences.last, TestSupport.occ(nil, "2026-01-10"))
        XCTAssertTrue(result.diagnostics.isEmpty, "the due after P.to is allowed")
    }

    func testQuarterlyAndHalfYearly() {
        assertDeadline("по итогам каждого квартала", period: year2024, kinds: [.recurring], [
            TestSupport.occ("2024-01-01", "2024-03-31"), TestSupport.occ("2024-04-01", "2024-06-30"),
            TestSupport.occ("2024-07-01", "2024-09-30"), TestSupport.occ("2024-10-01", "2024-12-31"),
        ])
        assertDeadline("по итогам каждого полугодия", period: academic, kinds: [.recurring], [
            TestSupport.occ("2023-09-01", "2023-12-31"), TestSupport.occ("2024-01-01", "2024-08-31"),
        ])
    }

    func testVagueFrequenciesCoverThePeriod() {
        for text in ["не реже двух раз в год", "регулярно", "не реже одного раза в два года", "еженедельно",
                     "по итогам каждой четверти"] {
            assertDeadline(text, period: calendar3, kinds: [.recurring], [TestSupport.occ("2023-01-01", "2025-12-31")])
        }
    }

    func testEveryNMonthsAndAdverbs() {
        let quarters = TestSupport.parse("раз в 3 месяца", year2024).value.occurrences
        XCTAssertEqual(quarters.map(\.due), ["2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"].map(TestSupport.day))
        assertDeadline("дважды в год", period: calendar3, kinds: [.recurring], [TestSupport.occ("2023-01-01", "2025-12-31")])
        let anchors = TestSupport.parse("до 10-го числа месяца, следующего за отчетным", year2024).value.occurrences
        XCTAssertEqual(anchors.first, TestSupport.occ(nil, "2024-02-10"))
        XCTAssertEqual(anchors.count, 12)
    }

    func testVagueFrequencyWithMonthsRepeatsTheMonths() {
        assertDeadline("2 раза в год (декабрь, май)", period: year2024, kinds: [.recurring],
                       [TestSupport.occ("2024-05-01", "2024-05-31"), TestSupport.occ("2024-12-01", "2024-12-31")])
    }

    func testMonthsWithABareRangeOfYearsRecur() {
        let result = TestSupport.parse("сентябрь 2023 - 2024 гг.", calendar3)
        XCTAssertEqual(result.value.kinds, [.recurring])
        XCTAssertEqual(result.value.occurrences,
                       [TestSupport.occ("2023-09-01", "2023-09-30"), TestSupport.occ("2024-09-01", "2024-09-30")])
    }
}
