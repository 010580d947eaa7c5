import Model
import XCTest
@testable import OOXML

/// Tables on their grid: spans, vertical merges, header rows, nested tables.
final class TableTests: XCTestCase {
    func testGridSpanAndVerticalMergeAreResolved() throws {
        let rows = [
            W.tr(["№", "Мероприятие", "Срок"], header: true),
            "<w:tr>" + W.tc("I.") + W.tc("Раздел", props: "<w:gridSpan w:val=\"2\"/>") + "</w:tr>",
            "<w:tr>" + W.tc("1.") + W.tc("Первое") + W.tc("Постоянно", props: "<w:vMerge w:val=\"restart\"/>") + "</w:tr>",
            "<w:tr>" + W.tc("2.") + W.tc("Второе") + W.tc("", props: "<w:vMerge/>") + "</w:tr>",
            "<w:tr>" + W.tc("3.") + W.tc("Третье") + W.tc("", props: "<w:vMerge w:val=\"continue\"/>") + "</w:tr>",
        ]
        let tree = try readBody(W.table(columns: 3, rows: rows))
        let t = try XCTUnwrap(tree.tables.first)
        XCTAssertEqual(t.columnCount, 3)
        XCTAssertTrue(t.rows[0].isHeader)
        XCTAssertFalse(t.rows[1].isHeader)
        XCTAssertEqual(t.rows[1].cells[1].columnSpan, 2)
        XCTAssertEqual(t.rows[1].cells[1].column, 1)
        XCTAssertEqual(t.rows[2].cells[2].rowSpan, 3)
        XCTAssertTrue(t.rows[3].cells[2].isMergeContinuation)
        XCTAssertEqual(t.rows[4].cells[2].text, "Постоянно")
        XCTAssertEqual(t.rows[4].cell(atColumn: 2)?.text, "Постоянно")
    }

    func testNestedTablesStayInTheirCellAndGridBeforeShiftsColumns() throws {
        let inner = W.table(columns: 1, rows: [W.tr(["внутри"])])
        let rows = [
            "<w:tr><w:tc>\(W.p("снаружи"))\(inner)<w:p/></w:tc>\(W.tc("B"))</w:tr>",
            "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>\(W.tc("C"))</w:tr>",
        ]
        let tree = try readBody(W.table(columns: 2, rows: rows))
        XCTAssertEqual(tree.tables.count, 1)
        let t = tree.tables[0]
        XCTAssertEqual(t.rows[0].cells[0].text, "снаружи\nвнутри\n")
        XCTAssertEqual(t.rows[1].cells[0].column, 1)
    }

    func testDeletedRowsAreDropped() throws {
        let rows = [W.tr(["A"]), "<w:tr><w:trPr><w:del w:id=\"1\" w:author=\"x\"/></w:trPr>\(W.tc("удалено"))</w:tr>", W.tr(["B"])]
        let t = try XCTUnwrap(try readBody(W.table(columns: 1, rows: rows)).tables.first)
        XCTAssertEqual(t.rows.map { $0.cells.first?.text }, ["A", "B"])
    }

    func testDumpDrawsSpansAndMerges() throws {
        let rows = ["<w:tr>" + W.tc("a", props: "<w:vMerge w:val=\"restart\"/>") + W.tc("b") + "</w:tr>",
                    "<w:tr>" + W.tc("", props: "<w:vMerge/>") + W.tc("c") + "</w:tr>"]
        let dump = TreeDump.text(try readBody(W.table(columns: 2, rows: rows)))
        XCTAssertEqual(dump, """
            ┌ table 2×2
            ├ row 0
            │ [c0 ↓2] a
            │ [c1] b
            ├ row 1
            │ [c0 merged] a
            │ [c1] c
            └
            """)
    }

    func testPlainCellsReadBackAsOneParagraphAndFormattedCellsKeepTheirBlocks() throws {
        let rows = [
            "<w:tr>" + W.tc("простой") + "<w:tc>\(W.p("жирный", bold: true))</w:tc>"
                + "<w:tc>\(W.p("по центру", props: "<w:jc w:val=\"center\"/>"))</w:tc>"
                + "<w:tc>\(W.p("первый"))\(W.p("второй"))</w:tc>" + "<w:tc><w:p/></w:tc>" + "</w:tr>",
        ]
        let cells = try XCTUnwrap(try readBody(W.table(columns: 5, rows: rows)).tables.first).rows[0].cells
        XCTAssertEqual(cells[0].blocks, [.paragraph(Paragraph(text: "простой"))])
        XCTAssertEqual(cells[0].onlyParagraph, Paragraph(text: "простой"))
        XCTAssertEqual(cells[1].blocks, [.paragraph(Paragraph(text: "жирный", isBold: true))])
        XCTAssertEqual(cells[2].onlyParagraph?.alignment, "center")
        XCTAssertEqual(cells[2].text, "по центру")
        XCTAssertNil(cells[3].onlyParagraph)
        XCTAssertEqual(cells[3].text, "первый\nвторой")
        XCTAssertEqual(cells[4].blocks, [.paragraph(Paragraph(text: ""))])
        XCTAssertNil(cells[4].normalizedText)
        // Held compactly or not, a cell is equal to one made of the same blocks.
        XCTAssertEqual(cells[0], TableCell(column: 0, blocks: [.paragraph(Paragraph(text: "простой"))]))
        XCTAssertEqual(cells[2], TableCell(column: 2, blocks: cells[2].blocks))
        var changed = cells[0]
        changed.blocks = [.paragraph(Paragraph(text: "другой", styleId: "Table"))]
        XCTAssertEqual(changed.onlyParagraph?.styleId, "Table")
    }

    func testARepeatedTextOfAColumnIsSharedNotCopied() throws {
        let long = "Заместитель директора по УВР"
        let rows = (0..<12).map { i in W.tr(["\(i)", i % 3 == 0 ? long : "Педагог-психолог \(i % 3)", long]) }
        let t = try XCTUnwrap(try readBody(W.table(columns: 3, rows: rows)).tables.first)
        func storage(_ r: Int, _ c: Int) -> UnsafeRawPointer? {
            guard case let .plain(text, _) = t.rows[r].cells[c].content else { return nil }
            return text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
        }
        XCTAssertNotNil(storage(0, 2))
        // The same text of a column, in rows next to each other and rows apart: one storage.
        for r in 1..<12 { XCTAssertEqual(storage(r, 2), storage(0, 2)) }
        XCTAssertEqual(storage(3, 1), storage(0, 1))
        XCTAssertEqual(storage(4, 1), storage(1, 1))
        XCTAssertNotEqual(storage(1, 1), storage(2, 1))
        // Another column's equal text is its own.
        XCTAssertNotEqual(storage(0, 1), storage(0, 2))
        XCTAssertEqual(t.rows[11].cells[2].text, long)
    }
}
