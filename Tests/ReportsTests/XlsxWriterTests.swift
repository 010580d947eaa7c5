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
        XCTAssertTrue(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        XCTAssertTrue(sheet.contains(#"<col min="1" max="1" width="30" customWidth="1"/>"#))
        XCTAssertTrue(sheet.contains(#"<c r="A1" s="1" t="inlineStr"><is><t>Имя</t></is></c>"#), "bold header")
        XCTAssertTrue(sheet.contains(#"<c r="A2" t="inlineStr"><is><t>A &amp; &lt;b&gt;"кавычки"&lt;/b&gt;</t></is></c>"#))
        // 2024-01-01 is Excel serial 45292.
        XCTAssertTrue(sheet.contains(#"<c r="B2" s="2"><v>45292</v></c>"#))
        XCTAssertTrue(sheet.contains(#"<c r="C2"><v>7</v></c>"#))
        XCTAssertTrue(sheet.contains(#"<c r="D2" s="3"><v>0.25</v></c>"#))
        XCTAssertTrue(sheet.contains(#"<t xml:space="preserve"> пробел </t>"#))
        XCTAssertTrue(sheet.contains(#"<c r="C3"><v>1.5</v></c>"#))
        XCTAssertFalse(sheet.contains(#"r="B3""#), "empty cells are not written")
    }

    func testDateStyleUsesADateFormat() throws {
        let styles = try part("xl/styles.xml", try ZipArchive(bytes: try sample().bytes()))
        XCTAssertTrue(styles.contains(#"<numFmt numFmtId="164" formatCode="dd\.mm\.yyyy"/>"#))
        // cellXfs index 2 (the date style) uses that format; index 1 uses the bold font.
        let xfs = styles.components(separatedBy: "<cellXfs")[1].components(separatedBy: "<xf ").dropFirst().map { $0 }
        XCTAssertEqual(xfs.count, 5)
        XCTAssertTrue(xfs[1].contains(#"fontId="1""#))
        XCTAssertTrue(xfs[2].contains(#"numFmtId="164""#))
        XCTAssertTrue(styles.contains("<font><b/>"))
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
        let text = try XCTUnwrap(xml.components(separatedBy: "<c r=\"A2\" t=\"inlineStr\"><is><t>").last?
            .components(separatedBy: "</t>").first)
        XCTAssertEqual(text.utf16.count, 32_767)
        XCTAssertTrue(text.hasSuffix("…"))
    }
}
