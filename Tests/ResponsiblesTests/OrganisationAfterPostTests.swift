import Model
import Responsibles
import XCTest

/// An organisation named after a post belongs to that entry (issue 14): the post is the role,
/// and the organisation's own words (`Лицей`, `Центр`, a name in quotes) begin no new entry.
final class OrganisationAfterPostTests: XCTestCase {
    func testTypeAndQuotedName() {
        XCTAssertEqual(entries("педагог-психолог МАОУ «Лицей № 4»"), ["role:педагог-психолог"])
        XCTAssertEqual(texts("педагог-психолог МАОУ «Лицей № 4»"), ["педагог-психолог МАОУ «Лицей № 4»"])
        XCTAssertEqual(entries("Учитель физики МБОУ «Гимназия № 2»"), ["role:учитель физики"])
        XCTAssertEqual(entries("социальный педагог МБОУ СОШ № 5"), ["role:социальный педагог"])
    }

    func testQuotedNameWithoutType() {
        // No organisation type before it: the name is a complement, kept as written (R3).
        XCTAssertEqual(entries("старший вожатый «Центр детского творчества»"),
                       ["role:старший вожатый «Центр детского творчества»"])
        XCTAssertEqual(entries("педагог-организатор «Школа будущего», Директор"),
                       ["role:педагог-организатор «Школа будущего»", "role:директор"])
    }

    func testOrganisationThenAnotherEntry() {
        XCTAssertEqual(entries("учитель МБОУ СОШ № 5 Петрова А.А."), ["role:учитель", "person:Петрова А. А."])
        XCTAssertEqual(entries("педагог-психолог МАОУ «Лицей № 4», Директор"), ["role:педагог-психолог", "role:директор"])
        XCTAssertEqual(entries("педагог-психолог МАОУ «Лицей № 4» Заместитель директора"),
                       ["role:педагог-психолог", "role:заместитель директора"])
    }

    func testBodyNamedWithItsOrganisation() {
        XCTAssertEqual(entries("Администрация МБОУ «Лицей № 4»"), ["body:Администрация МБОУ «Лицей № 4»"])
    }
}
