import Model
import Recognition
import XCTest
@testable import Checks

/// `order.placeholder-date`: an order whose date, or a point's term, is a blank.
final class OrderDateCheckTests: XCTestCase {
    func check(_ doc: Document, dateText: String? = nil) -> [Diagnostic] {
        OrderDateCheck().check(CheckContext(index: 1, recognized: RecognizedDocument(document: doc, dateText: dateText)))
    }

    func testABlankDateOfTheOrder() throws {
        for text in ["«__» ________ 20__ г. № ___", "от 00.00.0000 № 12"] {
            let d = try XCTUnwrap(check(Document(kind: .order, title: "Об организации наставничества"), dateText: text).first, text)
            XCTAssertEqual(d.code, .orderPlaceholderDate)
            XCTAssertEqual(d.severity, .error)
            XCTAssertEqual(d.document, 1)
            XCTAssertTrue(d.message.hasPrefix("Дата приказа не заполнена: «"), d.message)
        }
    }

    func testABlankTermOfAPoint() throws {
        let doc = Document(kind: .order, title: "Об организации", date: Day(year: 2024, month: 8, day: 30),
                           points: [OrderPoint(number: "1", text: "Утвердить дорожную карту."),
                                    OrderPoint(number: "2", text: "Представить отчёт в срок до 00.00.0000.")])
        let found = check(doc)
        XCTAssertEqual(found.map(\.item), ["2"])
        XCTAssertEqual(found.first?.field, .deadline)
        XCTAssertEqual(found.first?.message, "Пункт 2: в пункте приказа срок не заполнен: «00.00.0000»")
    }

    /// A dated order, a signature line in a point, and documents that are not orders draw nothing.
    func testWhatIsNoBlankDate() {
        let dated = Document(kind: .order, title: "Об организации", date: Day(year: 2024, month: 8, day: 30),
                             points: [OrderPoint(number: "3", text: "Контроль оставляю за собой. __________ А. А. Кузнецов")])
        XCTAssertEqual(check(dated, dateText: "от 30.08.2024 № 212-о"), [])
        XCTAssertEqual(check(Document(kind: .roadmap, title: "Дорожная карта"), dateText: "«__» ____ 20__"), [])
    }
}
