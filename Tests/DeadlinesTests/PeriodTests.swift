import Model
import XCTest
@testable import Deadlines

/// Continuous terms, years placed by the period, and `outside-period` (deadlines.md, D8, D9, D22).
final class PeriodTests: XCTestCase {
    func testContinuousPhrasesCoverThePeriod() {
        for text in ["Постоянно", "в течение года", "в течение всего периода реализации программы", "на регулярной основе",
                     "систематически", "на постоянной основе", "весь период"] {
            assertDeadline(text, period: calendar3, kinds: [.continuous], [TestSupport.occ("2023-01-01", "2025-12-31")])
        }
        assertDeadline("в течение года", kinds: [.continuous], [])
    }

    func testContinuousWithAStart() {
        assertDeadline("С сентября 2023 г. постоянно", period: calendar3, kinds: [.continuous],
                       [TestSupport.occ("2023-09-01", "2025-12-31")])
        assertDeadline("С февраля 2022 г. на регулярной основе до завершения наставничества", period: "2021-09-01..2022-08-31",
                       kinds: [.continuous], [TestSupport.occ("2022-02-01", "2022-08-31")])
    }

    func testDuringAnExplicitSpan() {
        assertDeadline("в течение 2023-2024 учебного года", period: calendar3, kinds: [.continuous],
                       [TestSupport.occ("2023-09-01", "2024-08-31")])
        assertDeadline("в течение II квартала 2024 г.", period: calendar3, kinds: [.continuous],
                       [TestSupport.occ("2024-04-01", "2024-06-30")])
        assertDeadline("в период с 2022 по 2024 г.г.", period: calendar3, kinds: [.continuous],
                       [TestSupport.occ("2022-01-01", "2024-12-31")])
    }

    func testYearlessMonthPlacedByThePeriod() {
        assertDeadline("сентябрь", period: academic, kinds: [.date], [TestSupport.occ("2023-09-01", "2023-09-30")])
        assertDeadline("май", period: academic, kinds: [.date], [TestSupport.occ("2024-05-01", "2024-05-31")])
        assertDeadline("октябрь", period: year2024, kinds: [.date], [TestSupport.occ("2024-10-01", "2024-10-31")])
        assertDeadline("сентябрь", period: calendar3, kinds: [.date], [], codes: ["deadline.year-missing"])
        assertDeadline("сентябрь", kinds: [.date], [], codes: ["deadline.year-missing"])
    }

    func testOutsidePeriodIsKeptAndFlagged() {
        let result = TestSupport.parse("февраль 2021 г.", "2021-09-01..2022-08-31")
        XCTAssertEqual(result.value.occurrences, [TestSupport.occ("2021-02-01", "2021-02-28")])
        let diagnostic = try? XCTUnwrap(result.diagnostics.first)
        XCTAssertEqual(diagnostic?.code, .deadlineOutsidePeriod)
        XCTAssertEqual(diagnostic?.field, .deadline)
        XCTAssertNil(diagnostic?.item)
        XCTAssertTrue(diagnostic?.message.contains("февраль 2021 г.") ?? false)
    }

    func testEvents() {
        for text in ["По завершению программы", "по мере необходимости", "по запросу", "по отдельному графику",
                     "в соответствии со сроками реализации программ", "после завершения программы", "при необходимости"] {
            assertDeadline(text, period: calendar3, kinds: [.event], [])
        }
    }
}
