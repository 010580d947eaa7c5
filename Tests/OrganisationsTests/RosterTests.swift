import XCTest
@testable import Organisations

final class RosterTests: XCTestCase {
    func testCSVWithHeaderQuotesAndForms() {
        let text = #"""
            Официальное наименование;Краткое наименование;Другие написания
            "Муниципальное бюджетное общеобразовательное учреждение ""Средняя школа № 1""";МБОУ СОШ № 1;Школа 1|СОШ-1
            МАОУ Лицей № 2;;
            """#
        let roster = Roster.parse(text)
        XCTAssertEqual(roster.entries.count, 2)
        XCTAssertEqual(roster.entries[0].official, "Муниципальное бюджетное общеобразовательное учреждение \"Средняя школа № 1\"")
        XCTAssertEqual(roster.entries[0].short, "МБОУ СОШ № 1")
        XCTAssertEqual(roster.entries[0].forms, ["Школа 1", "СОШ-1"])
        XCTAssertEqual(roster.entries[1].official, "МАОУ Лицей № 2")
        XCTAssertNil(roster.entries[1].short)
    }

    func testCommaSeparatedCSV() {
        let roster = Roster.parse("\u{FEFF}\"МБОУ СОШ № 1, г. Пролетарск\",СОШ 1\nМБОУ СОШ № 2,СОШ 2\n")
        XCTAssertEqual(roster.entries.map(\.official), ["МБОУ СОШ № 1, г. Пролетарск", "МБОУ СОШ № 2"])
        XCTAssertEqual(roster.entries.map(\.short), ["СОШ 1", "СОШ 2"])
    }

    func testPlainTextOneNameALine() {
        let roster = Roster.parse("МБОУ СОШ № 1, г. Пролетарск\n\n# комментарий\nМАОУ Лицей № 2\n", csv: false)
        XCTAssertEqual(roster.entries.map(\.official), ["МБОУ СОШ № 1, г. Пролетарск", "МАОУ Лицей № 2"])
    }
}
