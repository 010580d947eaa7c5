import Model
import Recognition
import XCTest
@testable import Checks

/// `activity.missing` for a numbered row with no activity; `result.missing` where the table has a result
/// column and the item leaves it empty.
final class RequiredFieldsCheckTests: XCTestCase {
    func check(_ items: [Item], kind: DocumentKind = .roadmap, resultColumn: Bool = true) -> [Diagnostic] {
        let doc = Document(kind: kind, title: "Дорожная карта", sections: [Section(items: items)])
        return RequiredFieldsCheck().check(CheckContext(index: 0, recognized: RecognizedDocument(document: doc, hasResultColumn: resultColumn)))
    }

    func testAnItemWithoutActivityOrResult() {
        let found = check([Item(number: "1", activity: "Педсовет", result: "Протокол"), Item(number: "2", activity: nil, result: "Приказ"),
                           Item(number: "3", activity: "Семинар", result: nil)])
        XCTAssertEqual(found.map(\.code), [.activityMissing, .resultMissing])
        XCTAssertEqual(found.map(\.item), ["2", "3"])
        XCTAssertEqual(found.map(\.severity), [.error, .info])
        XCTAssertEqual(found.first?.message, "Пункт 2: не указано мероприятие: заполните графу «Мероприятие»")
    }

    /// An unnumbered item is named by its place; without a result column no result is asked for.
    func testLabelsAndTablesWithoutAResultColumn() {
        XCTAssertEqual(check([Item(number: nil, activity: nil, result: "x")]).map(\.item), ["#1"])
        XCTAssertEqual(check([Item(number: "1", activity: "Педсовет", result: nil)], resultColumn: false), [])
        XCTAssertEqual(check([Item(number: "1", activity: nil)], kind: .indicators), [], "only roadmaps and reports")
    }
}
