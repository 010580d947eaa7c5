import Model
import XCTest
@testable import OOXML

/// Text boxes are read as paragraphs in reading order; `mc:AlternateContent` is read once.
final class TextBoxTests: XCTestCase {
    static let mc = #"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#
    static let wps = #"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape""#
    static let wp = #"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing""#
    static let a = #"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main""#
    static let v = #"xmlns:v="urn:schemas-microsoft-com:vml""#

    /// A run holding a text box the way Word 2010+ writes it: a DrawingML shape as the choice,
    /// a VML shape with the same text as the fallback.
    static func alternateTextBox(_ paragraphs: [String]) -> String {
        let content = "<w:txbxContent>\(paragraphs.map { W.p($0) }.joined())</w:txbxContent>"
        return """
            <w:r><mc:AlternateContent \(mc)><mc:Choice Requires="wps"><w:drawing><wp:anchor \(wp)><wp:docPr id="1" name="Надпись 1"/><a:graphic \(a)><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp \(wps)><wps:txbx>\(content)</wps:txbx></wps:wsp></a:graphicData></a:graphic><wp:positionH relativeFrom="page"><wp:posOffset>3810000</wp:posOffset></wp:positionH></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape \(v) style="position:absolute;margin-left:300pt"><v:textbox>\(content)</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>
            """
    }

    func testATextBoxAnchoredAtTheStartComesBeforeItsParagraphOnce() throws {
        let body = "<w:p>\(Self.alternateTextBox(["УТВЕРЖДАЮ", "Директор МБОУ СОШ № 5"]))<w:r><w:t>Дорожная карта</w:t></w:r></w:p>" + W.p("Далее")
        let tree = try readBody(body)
        XCTAssertEqual(tree.paragraphs.map(\.text), ["УТВЕРЖДАЮ", "Директор МБОУ СОШ № 5", "Дорожная карта", "Далее"])
        XCTAssertTrue(tree.warnings.isEmpty, "\(tree.warnings)")
    }

    func testATextBoxAfterTextComesAfterItsParagraph() throws {
        let body = "<w:p><w:r><w:t>Приложение</w:t></w:r>\(Self.alternateTextBox(["к приказу № 12"]))</w:p>"
        XCTAssertEqual(try readBody(body).paragraphs.map(\.text), ["Приложение", "к приказу № 12"])
    }

    func testWhenThereIsNoChoiceTheFallbackIsRead() throws {
        let body = """
            <w:p><w:r><mc:AlternateContent \(Self.mc)><mc:Fallback><w:pict><v:shape \(Self.v)><v:textbox><w:txbxContent>\(W.p("Только запасной вариант"))</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
            """
        XCTAssertEqual(try readBody(body).paragraphs.map(\.text), ["Только запасной вариант", ""])
    }

    func testAnOldVMLTextBoxAndABareDrawingAreRead() throws {
        let vml = "<w:p><w:r><w:pict><v:shape \(Self.v)><v:textbox><w:txbxContent>\(W.p("Надпись VML"))</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
        let drawing = "<w:p><w:r><w:t>Перед</w:t></w:r><w:r><w:drawing><wp:inline \(Self.wp)><w:txbxContent>\(W.p("Текст в надписи"))</w:txbxContent></wp:inline></w:drawing></w:r><w:r><w:t>после</w:t></w:r></w:p>"
        let tree = try readBody(vml + drawing)
        XCTAssertEqual(tree.paragraphs.map(\.text), ["Надпись VML", "", "Передпосле", "Текст в надписи"])
        XCTAssertTrue(tree.warnings.isEmpty)
    }

    func testATextBoxInATableCellStaysInTheCell() throws {
        let cell = "<w:tc><w:p>\(Self.alternateTextBox(["в надписи"]))<w:r><w:t>ячейка</w:t></w:r></w:p></w:tc>"
        let tree = try readBody(W.table(columns: 2, rows: ["<w:tr>\(cell)\(W.tc("вторая"))</w:tr>"]))
        let row = try XCTUnwrap(tree.tables.first?.rows.first)
        XCTAssertEqual(row.cells.map(\.text), ["в надписи\nячейка", "вторая"])
    }

    func testATextBoxHoldingATableAndNestedAlternatesIsReadOnce() throws {
        let inner = W.table(columns: 1, rows: [W.tr(["Срок"]), W.tr(["до 1 мая"])])
        let body = """
            <w:p><w:r><mc:AlternateContent \(Self.mc)><mc:Choice Requires="wps"><w:drawing><w:txbxContent>\(inner)<w:p><w:r><mc:AlternateContent><mc:Choice Requires="w16se"><w:t>A</w:t></mc:Choice><mc:Fallback><w:t>B</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Choice Requires="v"><w:t>второй выбор</w:t></mc:Choice><mc:Fallback><w:pict><w:txbxContent>\(inner)</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
            """
        let tree = try readBody(body)
        XCTAssertEqual(tree.tables.count, 1)
        XCTAssertEqual(tree.tables.first?.rows.map { $0.cells.map(\.text) }, [["Срок"], ["до 1 мая"]])
        XCTAssertEqual(tree.paragraphs.map(\.text), ["A", ""])
    }

    func testEmbeddedObjectsAreStillWarnings() throws {
        let tree = try readBody("<w:p><w:r><w:object><w:t>лист</w:t></w:object></w:r></w:p><w:altChunk r:id=\"rId5\"/>")
        XCTAssertEqual(tree.warnings.map(\.kind), [.embeddedObject, .altChunk])
    }
}
