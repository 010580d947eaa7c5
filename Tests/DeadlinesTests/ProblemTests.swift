import Model
import XCTest
@testable import Deadlines

/// Blanks, impossible dates, empty and unreadable cells (deadlines.md, D24–D26, D28).
final class ProblemTests: XCTestCase {
    func testPlaceholdersGiveNoOccurrences() {
        assertDeadline("май Х года", kinds: [.date], [], codes: ["deadline.placeholder"])
        assertDeadline("сентябрь 20__ г.", period: calendar3, kinds: [.date], [], codes: ["deadline.placeholder"])
        assertDeadline("ХХ.ХХ.2024", period: calendar3, kinds: [.date], [], codes: ["deadline.placeholder"])
        assertDeadline("«__» ________ 2023 г.", period: calendar3, kinds: [.date], [], codes: ["deadline.placeholder"])
        assertDeadline("до 00.00.0000", period: calendar3, kinds: [], [], codes: ["deadline.placeholder"])
        assertDeadline("____", period: calendar3, kinds: [], [], codes: ["deadline.placeholder"])
        assertDeadline("в течение X года", period: calendar3, kinds: [.continuous], [], codes: ["deadline.placeholder"])
        assertDeadline("ежегодно, май Х года", period: calendar3, kinds: [.recurring], [], codes: ["deadline.placeholder"])
        assertDeadline("май 2024 г., июнь Х года", period: calendar3, kinds: [.date], [], codes: ["deadline.placeholder"])
    }

    func testInvalidDates() {
        for text in ["31.02.2023", "до 31.09.2023", "29.02.2023", "31 апреля", "с 1 по 31 апреля 2024", "01.13.2023",
                     "Декабрь 20201", "20223 г."] {
            assertDeadline(text, period: calendar3, kinds: [.date], [], codes: ["deadline.invalid-date"])
        }
        assertDeadline("до 29.02.2024", period: calendar3, kinds: [.date], [TestSupport.occ(nil, "2024-02-29")])
    }

    func testInvalidDateMessageNamesTheText() {
        let result = TestSupport.parse("Декабрь 20201", "2021-09-01..2022-08-31")
        let d = try? XCTUnwrap(result.diagnostics.first)
        XCTAssertEqual(d?.text, "Декабрь 20201")
        XCTAssertEqual(d?.message, "Неверный год «20201» в сроке «Декабрь 20201»")
        XCTAssertEqual(d?.severity, .error)
    }

    func testEmptyAndDashOnlyCellsAreMissing() {
        let empty = TestSupport.parse("  \n ", calendar3)
        XCTAssertNil(empty.value.text)
        XCTAssertEqual(TestSupport.codes(empty), ["deadline.missing"])
        XCTAssertEqual(TestSupport.codes(TestSupport.parse(nil, nil)), ["deadline.missing"])
        for text in ["—", "-", " – "] {
            assertDeadline(text, period: calendar3, kinds: [], [], codes: ["deadline.missing"])
        }
    }

    func testUnparsed() {
        assertDeadline("своевременно", period: calendar3, kinds: [], [], codes: ["deadline.unparsed"])
    }

    func testTextIsNormalised() {
        XCTAssertEqual(TestSupport.parse("До   13.05.2023 \n\n года", calendar3).value.text, "До 13.05.2023\nгода")
    }
}
