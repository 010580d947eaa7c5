import Model
import XCTest

/// Finding an item again in a school's next version: by number while the activity is still about the same
/// thing, else by the most similar activity; a row under the same number about something else is not it.
final class ItemMatchTests: XCTestCase {
    let items = [
        Item(number: "1", activity: "Издание приказа о назначении куратора наставничества"),
        Item(number: "2.", activity: "Проведение обучающего семинара для наставников"),
        Item(number: "3", activity: "Формирование базы наставников и наставляемых"),
    ]

    func testByNumberWhenTheActivityIsAlike() {
        XCTAssertEqual(ItemMatch.find(ItemReference(number: "2", activity: "Проведение обучающего семинара для наставников школы"),
                                      in: items), 1, "«2.» and «2» are one number; a word added is the same item")
    }

    func testRenumberedItemIsFoundByItsActivity() {
        XCTAssertEqual(ItemMatch.find(ItemReference(number: "7", activity: "Формирование базы наставников и наставляемых"),
                                      in: items), 2)
    }

    func testSameNumberAboutSomethingElseIsNotAMatch() {
        XCTAssertNil(ItemMatch.find(ItemReference(number: "1", activity: "Торжественная линейка для учащихся"), in: items))
    }

    func testWithoutAnActivityOnlyTheNumberTells() {
        XCTAssertEqual(ItemMatch.find(ItemReference(number: "3", activity: nil), in: items), 2)
        XCTAssertNil(ItemMatch.find(ItemReference(number: "9", activity: nil), in: items))
    }
}
