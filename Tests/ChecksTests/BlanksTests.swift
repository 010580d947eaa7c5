import XCTest
@testable import Checks

final class BlanksTests: XCTestCase {
    /// The one-scan trigger mask against the plain substring searches it replaces.
    func testTriggersAgreeWithSubstringSearch() {
        let triggers: [[String]] = [
            ["наименовани", "Наименовани"], ["(ф", "(Ф", "(д", "(Д", "(п", "(П"], ["00.00."],
            ["Х ", "X ", "х ", "x "], ["_"], ["_"], ["____"],
        ]
        let texts = [
            "", "Организовать в (наименование ОО)", "НАИМЕНОВАНИЕ", "(Фамилия)", "(дата)", "(по согласованию)",
            "(ПОДПИСЬ)", "в срок до 00.00.0000", "00.00", "май Х года", "X  года", "Хх года", "x", "Х", "20__",
            "___", "____", "«__»", "Директор __________ И. О. Фамилия", "(а", "(", "н", "наименован",
            "Приказ от 10.08.2021 № 279", "ежегодно\nх\nгода", "(\u{0444}", "Наименовани", "до 00.00.20",
        ]
        for text in texts {
            var expected: UInt8 = 0
            for (k, list) in triggers.enumerated() where list.contains(where: { Array(text.utf8).firstRange(of: Array($0.utf8)) != nil }) {
                expected |= 1 << k
            }
            XCTAssertEqual(Blanks.triggers(text), expected, text)
            XCTAssertEqual(Blanks.mayHoldBlank(text), expected != 0, text)
        }
    }

    func testFirstBlankFindsEachKind() {
        XCTAssertEqual(Blanks.first(in: "(ФИО руководителя)"), "(ФИО руководителя)")
        XCTAssertEqual(Blanks.first(in: "Срок: 20__ г."), "20__")
        XCTAssertEqual(Blanks.first(in: "«__» августа"), "«__»")
        XCTAssertEqual(Blanks.first(in: "подпись ________"), "________")
        XCTAssertNil(Blanks.first(in: "Иванов И. И. __________"))
        XCTAssertNil(Blanks.first(in: "Директор (по согласованию)"))
    }
}
