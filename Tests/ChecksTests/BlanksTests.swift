import Foundation
import XCTest
@testable import Checks

final class BlanksTests: XCTestCase {
    /// The one-scan trigger mask against the plain substring searches it replaces.
    func testTriggersAgreeWithSubstringSearch() {
        let texts = [
            "", "Организовать в (наименование ОО)", "НАИМЕНОВАНИЕ", "(Фамилия)", "(дата)", "(по согласованию)",
            "(ПОДПИСЬ)", "(пОд", "(ДА", "(дО", "(по согласованию)", "(Под", "(д", "(п", "(по", "в срок до 00.00.0000", "00.00", "май Х года", "X  года", "Хх года", "x", "Х", "20__",
            "___", "____", "«__»", "Директор __________ И. О. Фамилия", "(а", "(", "н", "наименован",
            "Приказ от 10.08.2021 № 279", "ежегодно\nх\nгода", "на курсах повышения", "курсах Х года", "ИвановХ года", "(х года", "«XX года", "1x ", "ёх ", "Ях ",
            "Иванов И.И.____х года", "\u{2003}х года", "ах\tХ", "(\u{0444}", "Наименовани", "до 00.00.20",
        ]
        for text in texts {
            XCTAssertEqual(Blanks.triggers(text), Self.expectedTriggers(text), text)
            XCTAssertEqual(Blanks.mayHoldBlank(text), Self.expectedTriggers(text) != 0, text)
        }
        // Within longer text, which is scanned 16 bytes at a time: each trigger at every offset
        // of a chunk, and across the chunks' edges.
        let padding = Array("Организация работы по плану Организация работы по плану ")
        for text in texts + ["наименование", "0 00.00.", "(под", "«X"] {
            for before in 0..<20 {
                let padded = String(padding.prefix(before)) + text + String(padding.prefix(24))
                XCTAssertEqual(Blanks.triggers(padded), Self.expectedTriggers(padded), padded)
            }
        }
    }

    /// The trigger mask found by plain substring searches.
    static func expectedTriggers(_ text: String) -> UInt8 {
        let triggers: [[String]] = [
            ["наименовани", "Наименовани"], anyCase(["(ф", "(до", "(да", "(под"]), ["00.00."],
            ["Х ", "X ", "х ", "x "], ["_"], ["_"], ["____"],
        ]
        var expected: UInt8 = 0
        for (k, list) in triggers.enumerated() where list.contains(where: { Array(text.utf8).firstRange(of: Array($0.utf8)) != nil }) {
            expected |= 1 << k
        }
        // `Х ` counts only with a letter `Х` standing alone somewhere, or a signature line.
        let alone = text.range(of: #"(?:^|[^A-Za-z0-9\x{400}-\x{47F}]|[ХXхx])[ХXхx]"#, options: .regularExpression) != nil
        if !alone && !text.contains("____") { expected &= ~0b1000 }
        return expected
    }

    /// Every spelling of the words with each letter in either case.
    static func anyCase(_ words: [String]) -> [String] {
        words.flatMap { word in
            word.reduce([""]) { partial, c in
                let forms = Set([String(c).lowercased(), String(c).uppercased()])
                return partial.flatMap { p in forms.map { p + $0 } }
            }
        }
    }

    func testFirstBlankFindsEachKind() {
        XCTAssertEqual(Blanks.first(in: "(ФИО руководителя)"), "(ФИО руководителя)")
        XCTAssertEqual(Blanks.first(in: "Срок: 20__ г."), "20__")
        XCTAssertEqual(Blanks.first(in: "«__» августа"), "«__»")
        XCTAssertEqual(Blanks.first(in: "подпись ________"), "________")
        XCTAssertNil(Blanks.first(in: "Иванов И. И. __________"))
        XCTAssertNil(Blanks.first(in: "Директор (по согласованию)"))
        XCTAssertEqual(Blanks.first(in: "(ПОДПИСЬ)"), "(ПОДПИСЬ)")
        XCTAssertEqual(Blanks.first(in: "(дата)"), "(дата)")
        XCTAssertEqual(Blanks.first(in: "(Должность)"), "(Должность)")
    }

    func testBlanksInAFormAreFound() {
        XCTAssertEqual(Blanks.first(in: "Организовать в (наименование образовательной организации) внедрение"), "(наименование образовательной организации)")
        XCTAssertEqual(Blanks.first(in: "май Х года"), "Х года")
        XCTAssertEqual(Blanks.first(in: "в срок до 00.00.0000"), "00.00.0000")
        XCTAssertNil(Blanks.first(in: "Директор __________ И. О. Фамилия"))
        XCTAssertNil(Blanks.first(in: "Приказ от 10.08.2021 № 279"))
    }
}
