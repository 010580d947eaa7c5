import Model
import OOXML
@testable import Templates
import XCTest

/// Vertical merges survive row loops: a section title merged beside its items.
final class VerticalMergeTests: XCTestCase {
    let data = #"{"sections": [{"title": "I", "items": [{"what": "а"}, {"what": "б"}, {"what": "в"}]}, {"title": "II", "items": [{"what": "г"}]}, {"title": "III", "items": [{"what": "д"}, {"what": "е"}]}]}"#
    let restart = "<w:vMerge w:val=\"restart\"/>"

    /// The `w:vMerge` of the first cell of each row: "restart", "continue" or "-".
    func firstCellMerges(_ xml: String) -> [String] {
        xml.components(separatedBy: "<w:tr>").dropFirst().map { row in
            let firstCell = row.components(separatedBy: "</w:tc>")[0]
            if firstCell.contains(restart) { return "restart" }
            if firstCell.contains("<w:vMerge/>") { return "continue" }
            return "-"
        }
    }

    func testTitleCellBesideItemsRestartsOnFirstRowAndContinuesAfter() throws {
        let body = Fixture.table(Fixture.row(
            Fixture.cell(Fixture.para("{{#sections}}{{title}}"), tcPr: restart),
            Fixture.cell(Fixture.para("{{#items}}{{what}}")),
            Fixture.cell(Fixture.para("{{/items}}{{/sections}}"))))
        let out = try Fixture.fill(body, data)
        XCTAssertEqual(firstCellMerges(try Fixture.part(out)), ["restart", "continue", "continue", "restart", "restart", "continue"])
        let table = try XCTUnwrap(try Fixture.tree(out).tables.first)
        XCTAssertEqual(table.rows.map { $0.cells[0].rowSpan }, [3, 1, 1, 1, 2, 1])
        XCTAssertEqual(table.rows.map { $0.cells[0].isMergeContinuation }, [false, true, true, false, false, true])
        XCTAssertEqual(table.rows.map { $0.cells[0].isMergeContinuation ? "" : $0.cells[0].text }, ["I", "", "", "II", "III", ""])
        XCTAssertEqual(table.rows.map { $0.cells[1].text }, ["а", "б", "в", "г", "д", "е"])
    }

    func testLoopOverRowsWhoseFirstCellIsAlreadyMerged() throws {
        let body = Fixture.table(
            Fixture.row(Fixture.cell(Fixture.para("{{#sections}}{{title}}"), tcPr: restart),
                        Fixture.cell(Fixture.para("{{#items}}{{what}}")), Fixture.cell(Fixture.para("{{/items}}"))),
            Fixture.row(Fixture.cell(Fixture.para(""), tcPr: "<w:vMerge/>"),
                        Fixture.cell(Fixture.para("итого")), Fixture.cell(Fixture.para("{{/sections}}"))))
        let out = try Fixture.fill(body, data)
        XCTAssertEqual(firstCellMerges(try Fixture.part(out)),
                       ["restart", "continue", "continue", "continue", "restart", "continue", "restart", "continue", "continue"])
        let table = try XCTUnwrap(try Fixture.tree(out).tables.first)
        XCTAssertEqual(table.rows.map { $0.cells[0].rowSpan }.filter { $0 > 1 }, [4, 2, 3])
    }

    func testMergeWhoseFirstRowWasDroppedRestarts() throws {
        let body = Fixture.table(
            Fixture.row(Fixture.cell(Fixture.para("{{#flag}}A"), tcPr: restart), Fixture.cell(Fixture.para("1")),
                        Fixture.cell(Fixture.para("{{/flag}}"))),
            Fixture.row(Fixture.cell(Fixture.para(""), tcPr: "<w:vMerge/>"), Fixture.cell(Fixture.para("2")),
                        Fixture.cell(Fixture.para(""))),
            Fixture.row(Fixture.cell(Fixture.para(""), tcPr: "<w:vMerge/>"), Fixture.cell(Fixture.para("3")),
                        Fixture.cell(Fixture.para(""))))
        let out = try Fixture.fill(body, #"{"flag": false}"#)
        XCTAssertEqual(firstCellMerges(try Fixture.part(out)), ["restart", "continue"])
        let kept = try Fixture.fill(body, #"{"flag": true}"#)
        XCTAssertEqual(firstCellMerges(try Fixture.part(kept)), ["restart", "continue", "continue"])
    }

    func testCellsInsideTheLoopKeepTheirOwnMerges() throws {
        // A restart inside the repeated range is the item's own: each copy restarts.
        let body = Fixture.table(Fixture.row(
            Fixture.cell(Fixture.para("{{#items}}{{what}}"), tcPr: restart), Fixture.cell(Fixture.para("x")),
            Fixture.cell(Fixture.para("{{/items}}"))))
        let out = try Fixture.fill(body, #"{"items": [{"what": "а"}, {"what": "б"}]}"#)
        XCTAssertEqual(firstCellMerges(try Fixture.part(out)), ["restart", "restart"])
    }
}

/// LibreOffice writes `w:vMerge w:val="continue"`, full `w:rPr` in every run and no rsids.
final class LibreOfficeShapeTests: XCTestCase {
    func testRowLoopInALibreOfficeTable() throws {
        let rPr = "<w:rFonts w:ascii=\"Liberation Serif\" w:hAnsi=\"Liberation Serif\"/><w:sz w:val=\"22\"/><w:lang w:val=\"ru-RU\"/>"
        func loCell(_ text: String, merge: String = "") -> String {
            "<w:tc><w:tcPr><w:tcW w:w=\"3000\" w:type=\"dxa\"/>\(merge)<w:tcBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/></w:tcBorders></w:tcPr>"
                + "<w:p><w:pPr><w:pStyle w:val=\"TableContents\"/><w:rPr>\(rPr)</w:rPr></w:pPr>"
                + text.split(separator: "|", omittingEmptySubsequences: false).map { Fixture.r(String($0), rPr: rPr) }.joined()
                + "</w:p></w:tc>"
        }
        let body = Fixture.table(
            "<w:tr>" + loCell("{{#groups}}{{|label}}", merge: "<w:vMerge w:val=\"restart\"/>") + loCell("{{#rows}}{{|x}}") + loCell("{{y}}{{/rows}}") + "</w:tr>",
            "<w:tr>" + loCell("", merge: "<w:vMerge w:val=\"continue\"/>") + loCell("—") + loCell("{{/groups}}") + "</w:tr>")
        let out = try Fixture.fill(body, #"{"groups": [{"label": "А", "rows": [{"x": 1, "y": 2}, {"x": 3, "y": 4}]}]}"#)
        let table = try XCTUnwrap(try Fixture.tree(out).tables.first)
        XCTAssertEqual(table.rows.count, 3)
        XCTAssertEqual(table.rows[0].cells[0].rowSpan, 3)
        XCTAssertEqual(table.rows.map { $0.cells[1].text + $0.cells[2].text }, ["12", "34", "—"])
        XCTAssertTrue(try Fixture.part(out).contains("<w:rPr>\(rPr)</w:rPr><w:t xml:space=\"preserve\">А</w:t>"))
    }
}
