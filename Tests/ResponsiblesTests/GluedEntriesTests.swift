import Model
import Responsibles
import XCTest

/// Entries glued without punctuation or with typos are separated (issue 14), and a person is
/// never swallowed into a role key.
final class GluedEntriesTests: XCTestCase {
    func testTwoPostsWithOnlyASpace() {
        XCTAssertEqual(entries("заместитель директора педагог-психолог"),
                       ["role:заместитель директора", "role:педагог-психолог"])
        XCTAssertEqual(entries("классные руководители 1-11 классов учитель физкультуры"),
                       ["role:классный руководитель 1-11 классов", "role:учитель физкультуры"])
        XCTAssertEqual(entries("зам. директора по УВР социальный педагог"),
                       ["role:заместитель директора по УВР", "role:социальный педагог"])
    }

    func testComplementsAreNoSecondPost() {
        XCTAssertEqual(entries("учителя математики и физики"), ["role:учитель математики и физики"])
        XCTAssertEqual(entries("ответственный за работу с педагогами"), ["role:ответственный за работу с педагогами"])
        XCTAssertEqual(entries("руководитель ШМО учителей начальных классов"),
                       ["role:руководитель ШМО учителей начальных классов"])
    }

    func testInitialsRunIntoThePost() {
        XCTAssertEqual(entries("Петрова А. В..зам. дир."), ["person:Петрова А. В.", "role:заместитель директора"])
        XCTAssertEqual(entries("Петрова А.В.зам. директора по УВР"),
                       ["person:Петрова А. В.", "role:заместитель директора по УВР"])
        XCTAssertEqual(entries("Сидоров П.Р..учитель"), ["person:Сидоров П. Р.", "role:учитель"])
    }

    func testInitialsWithCommas() {
        XCTAssertEqual(entries("учителю информатики Сидорову П,Р,"), ["role:учитель информатики", "person:Сидорова П. Р."])
        XCTAssertEqual(entries("Сидорову П,Р."), ["person:Сидорова П. Р."])
        XCTAssertEqual(entries("Иванов И,И, директор"), ["person:Иванов И. И.", "role:директор"])
    }

    func testPersonGluedByAHyphen() {
        XCTAssertEqual(entries("учитель информатики-Сидоров П.Р."), ["role:учитель информатики", "person:Сидоров П. Р."])
        XCTAssertEqual(entries("Заместитель директора по ВР–Петрова А.С."),
                       ["role:заместитель директора по ВР", "person:Петрова А. С."])
        XCTAssertEqual(entries("Петрова-Водкина А.С."), ["person:Петрова-Водкина А. С."])
        XCTAssertEqual(entries("педагог-психолог Иванова И.И."), ["role:педагог-психолог", "person:Иванова И. И."])
    }

    func testPersonIsNeverPartOfARoleKey() {
        for text in ["заместитель директора Петрова А.С.", "учителю информатики Сидорову П,Р,", "педагог Иванова И.И.",
                     "классный руководитель: Ковалёва Лариса Юрьевна"] {
            let result = ResponsiblesParser().parse(text).value
            XCTAssertEqual(result.map(\.kind), [.role, .person], text)
            XCTAssertFalse(result[0].key?.contains { $0.isUppercase } ?? true, text)
        }
    }
}
