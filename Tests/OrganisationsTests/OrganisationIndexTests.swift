import XCTest
@testable import Organisations

final class OrganisationIndexTests: XCTestCase {
    let roster = Roster(entries: [
        RosterEntry(official: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»",
                    short: "МБОУ СОШ № 1"),
        RosterEntry(official: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5 г. Пролетарска»",
                    short: "МБОУ СОШ № 5"),
        RosterEntry(official: "Муниципальное автономное общеобразовательное учреждение «Лицей № 2»", short: "МАОУ Лицей № 2",
                    forms: ["Лицей имени Пушкина"]),
        RosterEntry(official: "Муниципальное бюджетное общеобразовательное учреждение «Основная общеобразовательная школа № 7»"),
    ])

    func testRosterMatchesEveryForm() {
        let index = OrganisationIndex(roster: roster)
        XCTAssertEqual(index.match("МБОУ СОШ №1"), 0)
        XCTAssertEqual(index.match("МБОУ «СОШ № 1» на 2024-2025 учебный год"), 0)
        XCTAssertEqual(index.match("муниципального бюджетного общеобразовательного учреждения «Средней общеобразовательной школы № 1»"), 0)
        XCTAssertEqual(index.match("СОШ № 5"), 1)
        XCTAssertEqual(index.match("МБОУ СОШ № 5 г. Пролетарска"), 1)
        XCTAssertEqual(index.match("МАОУ «Лицея № 2»"), 2)
        XCTAssertEqual(index.match("лицей имени Пушкина"), 2)
        XCTAssertEqual(index.match("МБОУ ООШ № 7"), 3)
        XCTAssertEqual(index.match("МБОУ «Школа № 7»"), 3, "a school kind left unspecified meets its family")
    }

    func testRosterRefusesStrangers() {
        var index = OrganisationIndex(roster: roster)
        XCTAssertNil(index.match("МБОУ СОШ № 15"))
        XCTAssertNil(index.match("МБОУ ООШ № 1"))
        XCTAssertEqual(index.resolve("МБОУ СОШ № 15 на 2024 год"), .notInRoster("МБОУ СОШ № 15 на 2024 год"))
        XCTAssertEqual(index.name(of: .notInRoster("МБОУ СОШ № 15 на 2024 год")), "МБОУ СОШ № 15")
        XCTAssertEqual(index.identities.count, 4, "a roster never grows")
    }

    func testAmbiguousNameMatchesNothing() {
        let index = OrganisationIndex(roster: Roster(entries: [
            RosterEntry(official: "МБОУ СОШ № 3 ст. Каменской"), RosterEntry(official: "МБОУ СОШ № 3 х. Лесного"),
        ]))
        XCTAssertNil(index.match("МБОУ СОШ № 3"))
        XCTAssertEqual(index.match("МБОУ СОШ №3 х. Лесного"), 1)
    }

    func testLearnedIdentities() {
        var index = OrganisationIndex()
        XCTAssertEqual(index.resolve("Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 4»"), .learned(0))
        XCTAssertEqual(index.resolve("МБОУ СОШ № 4"), .known(0))
        XCTAssertEqual(index.resolve("МБОУ СОШ №4 2024"), .known(0))
        XCTAssertEqual(index.resolve("МБОУ «Средней школы № 4»"), .known(0))
        XCTAssertEqual(index.resolve("МБОУ СОШ № 6"), .learned(1))
        XCTAssertEqual(index.resolve("МБДОУ детский сад № 4"), .learned(2))
        XCTAssertEqual(index.identities.count, 3)
        XCTAssertEqual(index.name(of: .known(0)),
                       "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 4»")
    }
}
