import Model
import Recognition
import XCTest
@testable import Checks

/// `document.template-unfilled`: blanks left in a form, reported once per document with the first blank.
final class TemplateUnfilledCheckTests: XCTestCase {
    func check(_ doc: Document, text: [String] = []) -> [Diagnostic] {
        TemplateUnfilledCheck().check(CheckContext(index: 2, recognized: RecognizedDocument(document: doc, text: text)))
    }

    func testTheFirstBlankInReadingOrder() throws {
        let doc = Document(kind: .roadmap, title: "Дорожная карта (наименование образовательной организации)",
                           sections: [Section(items: [Item(number: "1", activity: "Педсовет", deadline: Deadline(text: "Х года"))])])
        let found = check(doc)
        XCTAssertEqual(found.count, 1, "one finding a document")
        let d = try XCTUnwrap(found.first)
        XCTAssertEqual(d.code, .documentTemplateUnfilled)
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.document, 2)
        XCTAssertTrue(d.message.contains("«(наименование образовательной организации)»"), d.message)
        XCTAssertTrue(d.message.hasPrefix("Документ «дорожная карта» — незаполненный шаблон"), d.message)
    }

    func testBlanksInTextCellsAndIndicators() throws {
        XCTAssertEqual(check(Document(kind: .order, title: "Об организации"), text: ["от 00.00.0000 № ___"]).count, 1)
        let cell = Document(kind: .roadmap, title: "Дорожная карта",
                            sections: [Section(items: [Item(number: "1", activity: "Педсовет", responsibles: [Responsible(text: "________")])])])
        XCTAssertEqual(check(cell).first?.text, "________")
        let indicators = Document(kind: .indicators, indicators: [Indicator(number: "1", name: "Доля наставников", targets: [("2024", "00.00.0000")])])
        XCTAssertEqual(check(indicators).count, 1)
    }

    /// A signature line is no blank; a filled document draws nothing.
    func testASignatureLineIsNoBlank() {
        let doc = Document(kind: .roadmap, title: "Дорожная карта МБОУ СОШ № 5 на 2024 год",
                           sections: [Section(items: [Item(number: "1", activity: "Педсовет", deadline: Deadline(text: "май 2024"))])])
        XCTAssertEqual(check(doc, text: ["Директор __________ И. О. Фамилия"]), [])
    }
}
