import Model
import XCTest
@testable import Deadlines

/// One-off dates: numeric and written days, months, years, `до`/`к`/`не позднее` (deadlines.md, D1–D3, D7, D29).
final class DateTermTests: XCTestCase {
    func testNumericAndWrittenDaysUntil() {
        for text in ["До 13.05.2023 года", "до 13 мая 2023 г.", "до 13.5.23", "к 13 мая 2023 г.", "не позднее 13.05.2023",
                     "в срок до 13.05.2023", "до «13» мая 2023 г."] {
            assertDeadline(text, period: calendar3, kinds: [.date], [TestSupport.occ(nil, "2023-05-13")])
        }
    }

    func testSpaceAfterDotInDate() {
        assertDeadline("до 15.09. 2024", period: calendar3, kinds: [.date], [TestSupport.occ(nil, "2024-09-15")])
    }

    func testFullDateAloneIsOneDay() {
        assertDeadline("15.09.2023", period: calendar3, kinds: [.date], [TestSupport.occ("2023-09-15", "2023-09-15")])
        assertDeadline("25 мая 2024 г.", period: calendar3, kinds: [.date], [TestSupport.occ("2024-05-25", "2024-05-25")])
    }

    func testMonthInAnyCaseAndLetterCase() {
        for text in ["май 2024", "мая 2024", "в Мае 2024 г.", "МАЙ 2024 года"] {
            assertDeadline(text, period: calendar3, kinds: [.date], [TestSupport.occ("2024-05-01", "2024-05-31")])
        }
    }

    func testTwoDigitYearAfterMonth() {
        assertDeadline("май 23 г.", period: calendar3, kinds: [.date], [TestSupport.occ("2023-05-01", "2023-05-31")])
    }

    func testUntilMonthEndsTheMonthBefore() {
        assertDeadline("до января 2022 г.", period: "2021-09-01..2022-08-31", kinds: [.date],
                       [TestSupport.occ(nil, "2021-12-31")])
        assertDeadline("к сентябрю 2024 г.", period: calendar3, kinds: [.date], [TestSupport.occ(nil, "2024-08-31")])
        assertDeadline("до 2025 года", period: calendar3, kinds: [.date], [TestSupport.occ(nil, "2024-12-31")])
    }

    func testUntilEndOfUnit() {
        assertDeadline("до конца сентября 2023 г.", period: calendar3, kinds: [.date], [TestSupport.occ(nil, "2023-09-30")])
        assertDeadline("до конца 2024 года", period: calendar3, kinds: [.date], [TestSupport.occ(nil, "2024-12-31")])
        assertDeadline("до конца 2023-2024 учебного года", period: calendar3, kinds: [.date],
                       [TestSupport.occ(nil, "2024-08-31")])
        assertDeadline("до конца учебного года", period: academic, kinds: [.date], [TestSupport.occ(nil, "2024-08-31")])
    }

    func testYears() {
        assertDeadline("2024 г.", period: calendar3, kinds: [.date], [TestSupport.occ("2024-01-01", "2024-12-31")])
        assertDeadline("в 2024 году", period: calendar3, kinds: [.date], [TestSupport.occ("2024-01-01", "2024-12-31")])
        assertDeadline("2023-2024 гг.", period: calendar3, kinds: [.date], [TestSupport.occ("2023-01-01", "2024-12-31")])
        assertDeadline("в 2023/2024 учебном году", period: calendar3, kinds: [.date],
                       [TestSupport.occ("2023-09-01", "2024-08-31")])
    }

    func testBareYearIsNotATerm() {
        assertDeadline("2024", period: calendar3, kinds: [], [], codes: ["deadline.unparsed"])
    }

    func testListTakesTheNextYearWritten() {
        assertDeadline("октябрь, декабрь 2023 г., март 2024 г.", period: calendar3, kinds: [.date], [
            TestSupport.occ("2023-10-01", "2023-10-31"), TestSupport.occ("2023-12-01", "2023-12-31"),
            TestSupport.occ("2024-03-01", "2024-03-31"),
        ])
    }

    func testMisspeltMonthIsUnparsed() {
        assertDeadline("Сентбярь", period: calendar3, kinds: [], [], codes: ["deadline.unparsed"])
    }

    func testReportedSpanIsNotADeadline() {
        assertDeadline("Март 2024 г. (по итогам 2023 г.)", period: calendar3, kinds: [.date],
                       [TestSupport.occ("2024-03-01", "2024-03-31")])
        assertDeadline("отчёт за I квартал 2024 г. - до 10.04.2024", period: calendar3, kinds: [.date],
                       [TestSupport.occ(nil, "2024-04-10")])
    }

    func testTypedNumericDates() {
        for text in ["15,09,2024", "до 15. 09.2024", "15 .09.2024", "15.09.2024.", "15.09.2024г"] {
            let until = text.hasPrefix("до")
            assertDeadline(text, period: calendar3, kinds: [.date],
                           [TestSupport.occ(until ? nil : "2024-09-15", "2024-09-15")])
        }
        // Numbers listed with commas stay numbers; a lone `15. 09` is no date.
        assertDeadline("1, 2, 2024 г.", period: calendar3, kinds: [.date], [TestSupport.occ("2024-01-01", "2024-12-31")])
        XCTAssertEqual(TestSupport.parse("15. 09", calendar3).value.occurrences, [])
    }
}
