import Model
import XCTest
@testable import Deadlines

/// Month and day ranges, decades, quarters, half-years (deadlines.md, D5, D6, D10–D12).
final class RangeTermTests: XCTestCase {
    func testMonthRangesWithAnyDash() {
        for text in ["сентябрь-октябрь 2023 г.", "сентябрь – октябрь 2023", "сентябрь —октябрь 2023 г.",
                     "с сентября по октябрь 2023 г."] {
            assertDeadline(text, period: calendar3, kinds: [.date], [TestSupport.occ("2023-09-01", "2023-10-31")])
        }
    }

    func testRangeAcrossYears() {
        assertDeadline("октябрь 2023 – январь 2024", period: calendar3, kinds: [.date],
                       [TestSupport.occ("2023-10-01", "2024-01-31")])
        assertDeadline("ноябрь-январь", period: academic, kinds: [.date], [TestSupport.occ("2023-11-01", "2024-01-31")])
    }

    func testDayRanges() {
        assertDeadline("с 1 по 15 сентября 2022г.", period: "2022-01-01..2024-12-31", kinds: [.date],
                       [TestSupport.occ("2022-09-01", "2022-09-15")])
        assertDeadline("10–20 ноября 2024 г.", period: calendar3, kinds: [.date], [TestSupport.occ("2024-11-10", "2024-11-20")])
        assertDeadline("с 25 мая по 10 июня 2024 г.", period: calendar3, kinds: [.date],
                       [TestSupport.occ("2024-05-25", "2024-06-10")])
        assertDeadline("с 01.09.2023 по 30.09.2023", period: calendar3, kinds: [.date],
                       [TestSupport.occ("2023-09-01", "2023-09-30")])
    }

    func testDecades() {
        assertDeadline("первая декада сентября 2023", period: calendar3, kinds: [.date], [TestSupport.occ("2023-09-01", "2023-09-10")])
        assertDeadline("в первой декаде сентября 2023", period: calendar3, kinds: [.date], [TestSupport.occ("2023-09-01", "2023-09-10")])
        assertDeadline("II декада ноября 2023 г.", period: calendar3, kinds: [.date], [TestSupport.occ("2023-11-11", "2023-11-20")])
        assertDeadline("третья декада февраля 2024 г.", period: calendar3, kinds: [.date], [TestSupport.occ("2024-02-21", "2024-02-29")])
        assertDeadline("середина мая 2024", period: calendar3, kinds: [.date], [TestSupport.occ("2024-05-11", "2024-05-20")])
        assertDeadline("в конце мая 2024 г.", period: calendar3, kinds: [.date], [TestSupport.occ("2024-05-21", "2024-05-31")])
    }

    func testQuarters() {
        assertDeadline("I квартал 2024", period: calendar3, kinds: [.date], [TestSupport.occ("2024-01-01", "2024-03-31")])
        assertDeadline("в 3 квартале 2025 г.", period: calendar3, kinds: [.date], [TestSupport.occ("2025-07-01", "2025-09-30")])
        assertDeadline("2 кв. 2024 г.", period: calendar3, kinds: [.date], [TestSupport.occ("2024-04-01", "2024-06-30")])
        assertDeadline("III-IV кварталы 2023 г.", period: calendar3, kinds: [.date], [TestSupport.occ("2023-07-01", "2023-12-31")])
        assertDeadline("1 квартал", period: year2024, kinds: [.date], [TestSupport.occ("2024-01-01", "2024-03-31")])
        assertDeadline("1 квартал", period: calendar3, kinds: [.date], [], codes: ["deadline.year-missing"])
    }

    func testHalfYears() {
        assertDeadline("во втором полугодии 2024 г.", period: calendar3, kinds: [.date], [TestSupport.occ("2024-07-01", "2024-12-31")])
        assertDeadline("II полугодие 2023/2024 уч. года", period: calendar3, kinds: [.date],
                       [TestSupport.occ("2024-01-01", "2024-08-31")])
        assertDeadline("II полугодие", period: year2024, kinds: [.date], [TestSupport.occ("2024-07-01", "2024-12-31")])
        assertDeadline("I полугодие", period: academic, kinds: [.date], [TestSupport.occ("2023-09-01", "2023-12-31")])
    }
}
