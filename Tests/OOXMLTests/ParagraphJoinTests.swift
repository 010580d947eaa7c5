import Model
import XCTest
@testable import OOXML

/// Paragraphs Word shows as one: a deleted paragraph mark, a drop cap.
final class ParagraphJoinTests: XCTestCase {
    private let deletedMark = "<w:pPr><w:rPr><w:del w:id=\"7\" w:author=\"Методист\" w:date=\"2024-05-01T10:00:00Z\"/></w:rPr></w:pPr>"

    func testAParagraphWhoseMarkIsDeletedRunsOnIntoTheNext() throws {
        let body = "<w:p>\(deletedMark)<w:r><w:t xml:space=\"preserve\">Провести педсовет </w:t></w:r></w:p>" + W.p("до 1 мая") + W.p("Отдельно")
        XCTAssertEqual(try readBody(body).paragraphs.map(\.text), ["Провести педсовет до 1 мая", "Отдельно"])
    }

    func testAWhollyDeletedParagraphLeavesNothing() throws {
        let body = W.p("Первый") + "<w:p>\(deletedMark)<w:del w:id=\"8\" w:author=\"А\"><w:r><w:delText>удалённый абзац</w:delText></w:r></w:del></w:p>" + W.p("Второй")
        XCTAssertEqual(try readBody(body).paragraphs.map(\.text), ["Первый", "Второй"])
    }

    func testSeveralDeletedMarksInARowJoinEverything() throws {
        let body = ["а", "б", "в"].map { "<w:p>\(deletedMark)<w:r><w:t>\($0)</w:t></w:r></w:p>" }.joined() + W.p("г")
        XCTAssertEqual(try readBody(body).paragraphs.map(\.text), ["абвг"])
    }

    func testAMovedAwayMarkJoinsTooButAnInsertedOneDoesNot() throws {
        let moved = "<w:p><w:pPr><w:rPr><w:moveFrom w:id=\"3\" w:author=\"А\"/></w:rPr></w:pPr><w:r><w:t>раз</w:t></w:r></w:p>"
        let inserted = "<w:p><w:pPr><w:rPr><w:ins w:id=\"4\" w:author=\"А\"/></w:rPr></w:pPr><w:r><w:t>два</w:t></w:r></w:p>"
        XCTAssertEqual(try readBody(moved + inserted + W.p("три")).paragraphs.map(\.text), ["раздва", "три"])
    }

    func testTheLastParagraphOfACellWithADeletedMarkStaysInItsCell() throws {
        let cell = "<w:tc><w:p>\(deletedMark)<w:r><w:t>в ячейке</w:t></w:r></w:p></w:tc>"
        let tree = try readBody(W.table(columns: 2, rows: ["<w:tr>\(cell)\(W.tc("соседняя"))</w:tr>"]) + W.p("после"))
        XCTAssertEqual(tree.tables.first?.rows.first?.cells.map(\.text), ["в ячейке", "соседняя"])
        XCTAssertEqual(tree.paragraphs.map(\.text), ["после"])
    }

    func testADropCapIsJoinedToItsParagraph() throws {
        func dropCap(_ letter: String, _ kind: String) -> String {
            "<w:p><w:pPr><w:framePr w:dropCap=\"\(kind)\" w:lines=\"3\" w:wrap=\"around\" w:vAnchor=\"text\" w:hAnchor=\"text\"/><w:spacing w:line=\"827\"/></w:pPr><w:r><w:rPr><w:position w:val=\"-9\"/><w:sz w:val=\"74\"/></w:rPr><w:t>\(letter)</w:t></w:r></w:p>"
        }
        XCTAssertEqual(try readBody(dropCap("Д", "drop") + W.p("орожная карта школы") + W.p("Цели")).paragraphs.map(\.text),
                       ["Дорожная карта школы", "Цели"])
        XCTAssertEqual(try readBody(dropCap("В", "margin") + W.p("ведение")).paragraphs.map(\.text), ["Введение"])
        // A frame that is not a drop cap is a paragraph of its own.
        let frame = "<w:p><w:pPr><w:framePr w:dropCap=\"none\" w:w=\"2000\"/></w:pPr><w:r><w:t>Рамка</w:t></w:r></w:p>"
        XCTAssertEqual(try readBody(frame + W.p("Текст")).paragraphs.map(\.text), ["Рамка", "Текст"])
    }

    func testTheJoinedParagraphKeepsTheNextOnesPropertiesAndBoldness() throws {
        let body = "<w:p>\(deletedMark)<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Раздел </w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>первый</w:t></w:r></w:p>"
        let p = try XCTUnwrap(readBody(body).paragraphs.first)
        XCTAssertEqual(p.text, "Раздел первый")
        XCTAssertEqual(p.alignment, "center")
        XCTAssertTrue(p.isBold)
    }
}
