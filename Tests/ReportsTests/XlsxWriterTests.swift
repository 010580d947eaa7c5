import Model
import OOXML
import XCTest
@testable import Reports

final class XlsxWriterTests: XCTestCase {
    func sample() -> XlsxWriter {
        XlsxWriter(sheets: [
            XlsxSheet(name: "Пункты", columns: [XlsxColumn("Имя", width: 30), XlsxColumn("Дата", width: 12),
                                                XlsxColumn("Число", width: 8), XlsxColumn("Доля", width: 8)],
                      rows: [
                          [.text("A & <b>\"кавычки\"</b>"), .date(Day(iso: "2024-01-01")!), .integer(7), .percent(0.25)],
                          [.text(" пробел "), .empty, .number(1.5), .empty],
                      ]),
            XlsxSheet(name: "Сводка/итог", columns: [XlsxColumn("Организация", width: 40)], rows: [[.text("Школа")]]),
        ])
    }

    func part(_ name: String, _ archive: ZipArchive) throws -> String {
        String(decoding: try XCTUnwrap(try archive.read(name), name), as: UTF8.self)
    }

    func testPackageParts() throws {
        let archive = try ZipArchive(bytes: try sample().bytes())
        for name in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                     "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
            XCTAssertTrue(archive.contains(name), name)
        }
        let types = try part("[Content_Types].xml", archive)
        XCTAssertTrue(types.contains(#"PartName="/xl/worksheets/sheet2.xml""#))
        let workbook = try part("xl/workbook.xml", archive)
        XCTAssertTrue(workbook.contains(#"<sheet name="Пункты" sheetId="1" r:id="rId1"/>"#))
        XCTAssertTrue(workbook.contains(#"<sheet name="Сводка_итог" sheetId="2" r:id="rId2"/>"#), "/ is not allowed in sheet names")
        let rels = try part("xl/_rels/workbook.xml.rels", archive)
        XCTAssertTrue(rels.contains(#"Id="rId3""#) && rels.contains("styles.xml"))
    }

    func testSheetCellsPaneAndWidths() throws {
        let archive = try ZipArchive(bytes: try sample().bytes())
        let sheet = try part("xl/worksheets/sheet1.xml", archive)
        let header = XlsxStyle.header.rawValue, text = XlsxStyle.text.rawValue, date = XlsxStyle.date.rawValue
        XCTAssertTrue(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        XCTAssertTrue(sheet.contains(#"<col min="1" max="1" width="30" customWidth="1"/>"#))
        XCTAssertTrue(sheet.contains(#"<c r="A1" s="\#(header)" t="inlineStr"><is><t>Имя</t></is></c>"#), "bold header")
        XCTAssertTrue(sheet.contains(#"<c r="A2" s="\#(text)" t="inlineStr"><is><t>A &amp; &lt;b&gt;"кавычки"&lt;/b&gt;</t></is></c>"#))
        // 2024-01-01 is Excel serial 45292.
        XCTAssertTrue(sheet.contains(#"<c r="B2" s="\#(date)"><v>45292</v></c>"#))
        XCTAssertTrue(sheet.contains(#"<c r="C2" s="\#(XlsxStyle.number.rawValue)"><v>7</v></c>"#))
        XCTAssertTrue(sheet.contains(#"<c r="D2" s="\#(XlsxStyle.percent.rawValue)"><v>0.25</v></c>"#))
        XCTAssertTrue(sheet.contains(#"<t xml:space="preserve"> пробел </t>"#))
        XCTAssertTrue(sheet.contains(#"<c r="C3" s="\#(XlsxStyle.number.rawValue)"><v>1.5</v></c>"#))
        XCTAssertTrue(sheet.contains(#"<c r="B3" s="\#(text)"/>"#), "an empty cell of the table is written for its borders")
    }

    func testStylesComeFromOneList() throws {
        let styles = try part("xl/styles.xml", try ZipArchive(bytes: try sample().bytes()))
        XCTAssertTrue(styles.contains(#"<numFmt numFmtId="164" formatCode="dd\.mm\.yyyy"/>"#))
        let xfs = styles.components(separatedBy: "<cellXfs")[1].components(separatedBy: "</cellXfs>")[0]
            .components(separatedBy: "<xf ").dropFirst().map { $0 }
        XCTAssertEqual(xfs.count, XlsxStyle.allCases.count)
        XCTAssertTrue(xfs[XlsxStyle.header.rawValue].contains(#"fontId="1""#), "bold")
        XCTAssertTrue(xfs[XlsxStyle.header.rawValue].contains(#"wrapText="1""#), "wrapped")
        XCTAssertTrue(xfs[XlsxStyle.date.rawValue].contains(#"numFmtId="164""#))
        XCTAssertTrue(xfs[XlsxStyle.percent.rawValue].contains(#"numFmtId="9""#))
        XCTAssertTrue(xfs[XlsxStyle.totalNumber.rawValue].contains(#"fontId="1""#))
        XCTAssertTrue(styles.contains("<font><b/>"))
        XCTAssertTrue(styles.contains(#"<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font>"#))
    }

    func testHeaderRowIsTallEnoughForItsWrappedTitles() throws {
        XCTAssertEqual(XlsxWriter.wrappedLines("Со сроком в квартале", width: 9), 3)
        XCTAssertEqual(XlsxWriter.wrappedLines("Доля", width: 9), 1)
        XCTAssertEqual(XlsxWriter.wrappedLines("Предупреждения", width: 8), 2, "a word longer than the column")
        XCTAssertEqual(XlsxWriter.headerHeight([XlsxColumn("Со сроком в квартале", width: 10), XlsxColumn("А", width: 5)]), 48)
        let sheet = try part("xl/worksheets/sheet1.xml", try ZipArchive(bytes: try sample().bytes()))
        XCTAssertTrue(sheet.contains(#"<row r="1" ht="18" customHeight="1">"#))
    }

    /// Totals rows follow the data, as wide as their cells; formulas carry kartograf's result as their cached value.
    func testTotalsFormulasFilterHighlightAndPrintSetup() throws {
        var items = XlsxSheet(name: "Пункты", columns: [XlsxColumn("Кто", width: 14), XlsxColumn("Статус", width: 10)],
                              rows: [[.text("А"), .text("просрочено")], [.text("Б"), .text("выполнено")]],
                              autoFilter: true, highlights: [XlsxHighlight(column: 1, equals: "просрочено")],
                              printTitle: "Сводка: IV квартал 2024 г. & итоги")
        XCTAssertEqual(items.dataRange(1), "B2:B3")
        XCTAssertEqual(items.totalsRow(1), 5)
        items.totals = [[], [.text("Просрочено"), .formula(XlsxFormula("COUNTIF(\(items.dataRange(1)!),\"просрочено\")", expected: 1))]]
        let archive = try ZipArchive(bytes: try XlsxWriter(sheets: [items]).bytes())
        let sheet = try part("xl/worksheets/sheet1.xml", archive)
        XCTAssertTrue(sheet.contains(#"<row r="4"></row><row r="5">"#), "a blank row, then the totals")
        XCTAssertTrue(sheet.contains(#"<c r="B5" s="\#(XlsxStyle.totalNumber.rawValue)"><f>COUNTIF(B2:B3,"просрочено")</f><v>1</v></c></row>"#))
        XCTAssertTrue(sheet.contains(#"<autoFilter ref="A1:B3"/>"#), "the filter leaves the totals out")
        XCTAssertTrue(sheet.contains(#"<conditionalFormatting sqref="A2:B3"><cfRule type="expression" dxfId="0" priority="1"><formula>$B2="просрочено"</formula></cfRule></conditionalFormatting>"#))
        XCTAssertTrue(sheet.contains(#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#))
        XCTAssertTrue(sheet.contains(#"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#))
        XCTAssertTrue(sheet.contains(#"<oddHeader>&amp;C&amp;"-,Bold"Сводка: IV квартал 2024 г. &amp;&amp; итоги</oddHeader>"#))
        XCTAssertTrue(sheet.contains(#"<oddFooter>&amp;CСтраница &amp;P из &amp;N</oddFooter>"#))
        XCTAssertFalse(sheet.contains("<drawing"))
        let workbook = try part("xl/workbook.xml", archive)
        XCTAssertTrue(workbook.contains(#"<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Пункты'!$A$1:$B$3</definedName>"#))
        XCTAssertTrue(workbook.contains(#"<definedName name="_xlnm.Print_Titles" localSheetId="0">'Пункты'!$1:$1</definedName>"#))
        XCTAssertTrue(workbook.contains(#"<calcPr calcId="191029" fullCalcOnLoad="1"/>"#))
    }

    func testFormulaCachedValues() throws {
        let sheet = XlsxSheet(name: "S", columns: [XlsxColumn("Доля", width: 8)], rows: [
            [.formula(XlsxFormula("IF(B2=0,\"\",C2/B2)", expected: 0.5, percent: true))],
            [.formula(XlsxFormula("IF(B3=0,\"\",C3/B3)", expected: nil, percent: true))],
        ])
        var writer = XlsxWriter(sheets: [sheet])
        let percent = XlsxStyle.percent.rawValue
        var xml = try part("xl/worksheets/sheet1.xml", try ZipArchive(bytes: try writer.bytes()))
        XCTAssertTrue(xml.contains(#"<c r="A2" s="\#(percent)"><f>IF(B2=0,"",C2/B2)</f><v>0.5</v></c>"#))
        XCTAssertTrue(xml.contains(#"<c r="A3" s="\#(percent)" t="str"><f>IF(B3=0,"",C3/B3)</f><v></v></c>"#), "empty text")
        writer.cachesFormulaResults = false
        xml = try part("xl/worksheets/sheet1.xml", try ZipArchive(bytes: try writer.bytes()))
        XCTAssertTrue(xml.contains(#"<c r="A2" s="\#(percent)"><f>IF(B2=0,"",C2/B2)</f></c>"#))
        XCTAssertTrue(xml.contains(#"<c r="A3" s="\#(percent)"><f>IF(B3=0,"",C3/B3)</f></c>"#))
    }

    func testBarChartParts() throws {
        let rows = 2...3
        var sheet = XlsxSheet(name: "Орг'и", columns: [XlsxColumn("Организация", width: 20), XlsxColumn("Доля", width: 8)],
                              rows: [[.text("Школа <1>"), .percent(0.5)], [.text("Школа 2"), .empty]])
        sheet.chart = XlsxBarChart(title: "Доля & выполнено", categories: XlsxColumnRange(sheet: "Орг'и", column: 0, rows: rows),
                                   values: XlsxColumnRange(sheet: "Орг'и", column: 1, rows: rows), seriesName: "Доля",
                                   labels: ["Школа <1>", "Школа 2"], cachedValues: [0.5, nil])
        let archive = try ZipArchive(bytes: try XlsxWriter(sheets: [XlsxSheet(name: "Пусто", columns: []), sheet]).bytes())
        let types = try part("[Content_Types].xml", archive)
        XCTAssertTrue(types.contains(#"<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>"#))
        XCTAssertTrue(types.contains(#"<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>"#))
        let ws = try part("xl/worksheets/sheet2.xml", archive)
        XCTAssertTrue(ws.hasSuffix(#"<rowBreaks count="1" manualBreakCount="1"><brk id="3" max="16383" man="1"/></rowBreaks><drawing r:id="rId1"/></worksheet>"#), "the chart starts a page")
        XCTAssertTrue(try part("xl/worksheets/_rels/sheet2.xml.rels", archive).contains(#"Target="../drawings/drawing1.xml""#))
        XCTAssertFalse(archive.contains("xl/worksheets/_rels/sheet1.xml.rels"))
        let drawing = try part("xl/drawings/drawing1.xml", archive)
        XCTAssertTrue(drawing.contains("<xdr:row>4</xdr:row>"), "below the rows and a blank one")
        XCTAssertTrue(drawing.contains(#"r:id="rId1"/>"#))
        XCTAssertTrue(try part("xl/drawings/_rels/drawing1.xml.rels", archive).contains(#"Target="../charts/chart1.xml""#))
        let chart = try part("xl/charts/chart1.xml", archive)
        XCTAssertTrue(chart.contains(#"<c:barDir val="bar"/>"#))
        XCTAssertTrue(chart.contains("<a:t>Доля &amp; выполнено</a:t>"))
        XCTAssertTrue(chart.contains("<c:f>'Орг''и'!$A$2:$A$3</c:f>"))
        XCTAssertTrue(chart.contains("<c:f>'Орг''и'!$B$2:$B$3</c:f>"))
        XCTAssertTrue(chart.contains(#"<c:pt idx="0"><c:v>Школа &lt;1&gt;</c:v></c:pt>"#))
        XCTAssertTrue(chart.contains(#"<c:ptCount val="2"/><c:pt idx="0"><c:v>0.5</c:v></c:pt></c:numCache>"#), "no bar for nothing due")
    }

    func testQuoting() {
        XCTAssertEqual(XlsxWriter.quotedString(#"а "б""#), #""а ""б""""#)
        XCTAssertEqual(XlsxWriter.quotedSheet("O'Neil"), "'O''Neil'")
    }

    func testExcelSerialsAndColumnNames() {
        XCTAssertEqual(Day(iso: "1970-01-01")!.excelSerial, 25569)
        XCTAssertEqual(Day(iso: "2025-01-10")!.excelSerial, 45667)
        XCTAssertEqual(XlsxWriter.columnName(0), "A")
        XCTAssertEqual(XlsxWriter.columnName(25), "Z")
        XCTAssertEqual(XlsxWriter.columnName(26), "AA")
        XCTAssertEqual(XlsxWriter.columnName(701), "ZZ")
        XCTAssertEqual(XlsxWriter.columnName(702), "AAA")
    }

    func testControlCharactersAreDropped() throws {
        let w = XlsxWriter(sheets: [XlsxSheet(name: "S", columns: [XlsxColumn("a", width: 5)],
                                              rows: [[.text("x\u{1}y\u{B}z")]])])
        let sheet = try part("xl/worksheets/sheet1.xml", try ZipArchive(bytes: try w.bytes()))
        XCTAssertTrue(sheet.contains("<t>xyz</t>"))
    }

    func testDuplicateAndLongSheetNames() {
        var used: Set<String> = []
        let long = String(repeating: "я", count: 40)
        XCTAssertEqual(XlsxWriter.sheetName(long, index: 0, used: &used).count, 31)
        XCTAssertEqual(XlsxWriter.sheetName("Лист", index: 1, used: &used), "Лист")
        XCTAssertEqual(XlsxWriter.sheetName("лист", index: 2, used: &used), "лист (2)")
        XCTAssertEqual(XlsxWriter.sheetName("  ", index: 3, used: &used), "Лист4")
    }
}

final class XlsxLimitsTests: XCTestCase {
    func testOverlongTextIsCutToExcelsLimit() throws {
        let long = String(repeating: "ж", count: 40_000)
        let w = XlsxWriter(sheets: [XlsxSheet(name: "S", columns: [XlsxColumn("a", width: 5)], rows: [[.text(long)]])])
        let xml = String(decoding: try XCTUnwrap(try ZipArchive(bytes: try w.bytes()).read("xl/worksheets/sheet1.xml")),
                         as: UTF8.self)
        let text = try XCTUnwrap(xml.components(separatedBy: "<c r=\"A2\" s=\"\(XlsxStyle.text.rawValue)\" t=\"inlineStr\"><is><t>").last?
            .components(separatedBy: "</t>").first)
        XCTAssertEqual(text.utf16.count, 32_767)
        XCTAssertTrue(text.hasSuffix("…"))
    }
}
