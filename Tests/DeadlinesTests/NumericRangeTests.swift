import Model
import XCTest
@testable import Deadlines

/// A range of two numeric dates whose first ends with its own dot (`03.02.-07.02.2025`) is one
/// window: the dot closes the first date, it does not end the term (issue 14).
final class NumericRangeTests: XCTestCase {
    func testFirstDateEndingWithADot() {
        for text in ["03.02.-07.02.2025", "03.02. - 07.02.2025", "03.02.–07.02.2025 г.", "с 03.02. по 07.02.2025",
                     "03.02.-07.02.2025г."] {
            assertDeadline(text, period: calendar3, kinds: [.date], [TestSupport.occ("2025-02-03", "2025-02-07")])
        }
    }

    func testAcrossMonthsAndYears() {
        assertDeadline("25.12.-10.01.2025", period: calendar3, kinds: [.date], [TestSupport.occ("2024-12-25", "2025-01-10")])
        assertDeadline("01.09.-30.09.2023", period: calendar3, kinds: [.date], [TestSupport.occ("2023-09-01", "2023-09-30")])
    }

    func testADateEndingWithADotAlone() {
        assertDeadline("до 15.09.", period: year2024, kinds: [.date], [TestSupport.occ(nil, "2024-09-15")])
        assertDeadline("15.09. 2024", period: calendar3, kinds: [.date], [TestSupport.occ("2024-09-15", "2024-09-15")])
    }
}
