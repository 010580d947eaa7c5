import Model
import XCTest
@testable import OOXML

/// Word's automatic numbering: the labels Word displays.
final class NumberingTests: XCTestCase {
    static func level(_ ilvl: Int, _ fmt: String, _ text: String, start: Int = 1, extra: String = "") -> String {
        "<w:lvl w:ilvl=\"\(ilvl)\"><w:start w:val=\"\(start)\"/><w:numFmt w:val=\"\(fmt)\"/><w:lvlText w:val=\"\(text)\"/>\(extra)</w:lvl>"
    }

    static func numbered(_ text: String, num: Int, level: Int = 0) -> String {
        W.p(text, props: "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(num)\"/></w:numPr>")
    }

    func testMultiLevelDecimalLabelsRestartDeeperLevels() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="0">\(Self.level(0, "decimal", "%1."))\(Self.level(1, "decimal", "%1.%2."))</w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            """
        let body = [Self.numbered("a", num: 1), Self.numbered("b", num: 1, level: 1), Self.numbered("c", num: 1, level: 1),
                    Self.numbered("d", num: 1), Self.numbered("e", num: 1, level: 1)].joined()
        let labels = try readBody(body, numbering: numbering).paragraphs.map { $0.numbering?.text }
        XCTAssertEqual(labels, ["1.", "1.1.", "1.2.", "2.", "2.1."])
    }

    func testFormatsStartValuesAndBullets() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="0">\(Self.level(0, "upperRoman", "%1.", start: 3))</w:abstractNum>
            <w:abstractNum w:abstractNumId="1">\(Self.level(0, "russianLower", "%1)"))</w:abstractNum>
            <w:abstractNum w:abstractNumId="2">\(Self.level(0, "bullet", "\u{F0B7}"))</w:abstractNum>
            <w:abstractNum w:abstractNumId="3">\(Self.level(0, "upperLetter", "%1."))</w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
            <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
            <w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>
            """
        let body = [Self.numbered("a", num: 1), Self.numbered("b", num: 1), Self.numbered("в", num: 2), Self.numbered("г", num: 2),
                    Self.numbered("пункт", num: 3), Self.numbered("x", num: 4)].joined()
        let paragraphs = try readBody(body, numbering: numbering).paragraphs
        XCTAssertEqual(paragraphs.map { $0.numbering?.text }, ["III.", "IV.", "а)", "б)", "•", "A."])
        XCTAssertEqual(paragraphs[4].displayText, "• пункт")
        XCTAssertEqual(paragraphs[0].displayText, "III. a")
    }

    func testInstancesOfOneListContinueUnlessStartIsOverridden() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="0">\(Self.level(0, "decimal", "%1."))</w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
            """
        let body = [Self.numbered("a", num: 1), Self.numbered("b", num: 1), Self.numbered("c", num: 2),
                    Self.numbered("d", num: 3), Self.numbered("e", num: 3)].joined()
        XCTAssertEqual(try readBody(body, numbering: numbering).paragraphs.map { $0.numbering?.text },
                       ["1.", "2.", "3.", "1.", "2."])
    }

    func testNumberingInheritedFromAParagraphStyleAndInTableCells() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="0">\(Self.level(0, "decimal", "%1."))</w:abstractNum>
            <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
            """
        let styles = """
            <w:style w:type="paragraph" w:styleId="ListNum"><w:name w:val="List Number"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
            """
        let cell = "<w:tc><w:p><w:pPr><w:pStyle w:val=\"ListNum\"/></w:pPr></w:p></w:tc>"
        let rows = ["<w:tr>\(cell)\(W.tc("Первое"))</w:tr>", "<w:tr>\(cell)\(W.tc("Второе"))</w:tr>"]
        let t = try XCTUnwrap(try readBody(W.table(columns: 2, rows: rows), numbering: numbering, styles: styles).tables.first)
        XCTAssertEqual(t.rows.map { $0.cells[0].normalizedText }, ["1.", "2."])
    }

    func testLegalNumberingAndLetterOverflow() {
        XCTAssertEqual(NumberFormat.render(27, format: "lowerLetter"), "aa")
        XCTAssertEqual(NumberFormat.render(29, format: "russianUpper"), "АА")
        XCTAssertEqual(NumberFormat.render(1994, format: "upperRoman"), "MCMXCIV")
        XCTAssertEqual(NumberFormat.render(4, format: "decimalZero"), "04")
    }
}
