import XCTest
import Model
import OOXML
@testable import Reports

/// The municipal workbook's content, without external tools: the sheets, the formulas and what
/// they refer to, the highlighting, the chart, and headers that wrap between words only.
final class XlsxSummaryWorkbookTests: XCTestCase {
    func testOrganisationRowsTotalsAndChart() throws {
        let submissions = XlsxScenario.submissions()
        let workbook = SummaryWorkbook.make(submissions)
        XCTAssertEqual(workbook.sheets.map(\.name), ["Пункты", "Организации"])
        let orgs = workbook.sheets[1]
        XCTAssertEqual(orgs.rows.count, 7)
        for (row, t) in zip(orgs.rows, XlsxScenario.truth) {
            XCTAssertEqual(row[3], .integer(t.rows))
            XCTAssertEqual(row[4], .integer(t.due))
            XCTAssertEqual(row[5], .integer(t.dueDone))
            XCTAssertEqual(row[11], .integer(t.overdue))
            XCTAssertEqual(row[SummaryWorkbook.OrgColumn.late.rawValue], .text(t.late ? "да" : "нет"))
        }
        XCTAssertEqual(orgs.rows[0][2], .text("IV квартал 2024 г."))
        let state = SummaryWorkbook.OrgColumn.state.rawValue, arrived = SummaryWorkbook.OrgColumn.arrived.rawValue
        XCTAssertEqual(orgs.columns[state].title, "Отчёт")
        XCTAssertEqual(orgs.rows.map { $0[state] }, [
            "представлен в срок", "представлен после срока", "не представлен", "представлен в срок",
            "представлен в срок", "представлен в срок", "представлен в срок",
        ].map(XlsxCell.text))
        XCTAssertEqual(orgs.rows[1][arrived], .date(Q.day("2025-01-15")))
        XCTAssertEqual(orgs.rows[2][arrived], .empty, "no report")
        XCTAssertEqual(orgs.rows[0][6], .formula(XlsxFormula("IF(E2=0,\"\",F2/E2)", expected: 2.0 / 3, percent: true)))
        XCTAssertEqual(orgs.rows[2][6], .formula(XlsxFormula("IF(E4=0,\"\",F4/E4)", expected: nil, percent: true)))

        let totals = try XCTUnwrap(orgs.totals.first)
        XCTAssertEqual(orgs.totals.count, 1)
        XCTAssertEqual(totals.count, orgs.columns.count)
        XCTAssertEqual(totals[0], .text("Итого"))
        XCTAssertEqual(totals[3], .formula(XlsxFormula("SUM(D2:D8)", expected: XlsxScenario.sum(\.rows))))
        XCTAssertEqual(totals[4], .formula(XlsxFormula("SUM(E2:E8)", expected: XlsxScenario.sum(\.due))))
        XCTAssertEqual(totals[6], .formula(XlsxFormula("IF(E9=0,\"\",F9/E9)",
                                                        expected: XlsxScenario.sum(\.dueDone) / XlsxScenario.sum(\.due), percent: true)))
        XCTAssertEqual(totals[14], .formula(XlsxFormula("SUM(O2:O8)", expected: 2)))
        XCTAssertEqual(totals[SummaryWorkbook.OrgColumn.late.rawValue], .formula(XlsxFormula("COUNTIF(U2:U8,\"да\")", expected: 1)))
        XCTAssertEqual(totals[state], .empty)

        let chart = try XCTUnwrap(orgs.chart)
        XCTAssertEqual(chart.labels, MunicipalSummary.labels(submissions))
        XCTAssertEqual(chart.categories.column, SummaryWorkbook.OrgColumn.shortName.rawValue)
        XCTAssertEqual(orgs.columns[SummaryWorkbook.OrgColumn.shortName.rawValue].title, "Краткое название")
        XCTAssertEqual(chart.cachedValues[2], nil, "nothing due, no bar")
        XCTAssertEqual(chart.cachedValues[1], 1)
        XCTAssertEqual(chart.values.column, 6)
        XCTAssertEqual(chart.values.rows, 2...8)
        XCTAssertTrue(chart.title.hasSuffix("IV квартал 2024 г."))
    }

    func testItemsSheetFilterHighlightAndCounts() throws {
        let items = SummaryWorkbook.make(XlsxScenario.submissions()).sheets[0]
        let n = XlsxScenario.truth.reduce(0) { $0 + $1.rows + $1.byEvent + $1.undated }
        XCTAssertEqual(items.rows.count, n)
        XCTAssertTrue(items.autoFilter)
        XCTAssertEqual(items.highlights, [XlsxHighlight(column: 12, equals: "просрочено")])
        XCTAssertEqual(items.columns[12].title, "Статус")
        XCTAssertEqual(items.printTitle, "Сводка по муниципалитету: IV квартал 2024 г. — пункты")
        XCTAssertEqual(items.totals.first, [], "a blank row between the items and their counts")
        XCTAssertEqual(items.totals[1], [.text("Всего пунктов"), .formula(XlsxFormula("COUNTA(A2:A\(n + 1))", expected: Double(n)))])
        XCTAssertEqual(items.totals[2], [.text("Из них показано фильтром"),
                                         .formula(XlsxFormula("SUBTOTAL(103,A2:A\(n + 1))", expected: Double(n)))])
        XCTAssertTrue(items.totals.contains([.text("Статус «просрочено»"), .formula(XlsxFormula(
            "COUNTIF(M2:M\(n + 1),\"просрочено\")", expected: XlsxScenario.sum(\.overdue)))]))
        XCTAssertTrue(items.totals.contains([.text("Основание «по событию»"), .formula(XlsxFormula(
            "COUNTIF(L2:L\(n + 1),\"по событию\")", expected: XlsxScenario.sum(\.byEvent)))]))
        let overdue = items.rows.filter { $0[12] == .text("просрочено") }
        XCTAssertEqual(overdue.count, Int(XlsxScenario.sum(\.overdue)))
        XCTAssertTrue(overdue.allSatisfy { $0[11] == .text("срок истёк ранее") })
    }

    /// Bold titles wrap only between words, and the quarter fits its column on one line.
    func testColumnsAreWideEnoughForTheirWordsAndTheQuarter() throws {
        for sheet in SummaryWorkbook.make(XlsxScenario.submissions()).sheets {
            for column in sheet.columns {
                let longest = column.title.split(separator: " ").map(\.count).max() ?? 0
                XCTAssertLessThanOrEqual(Double(longest) * 1.15 + 1, column.width, "\(sheet.name): «\(column.title)»")
            }
            let quarter = try XCTUnwrap(sheet.columns.first { $0.title == "Квартал" })
            XCTAssertEqual(XlsxWriter.wrappedLines("IV квартал 2024 г.", width: Int(quarter.width) - 1), 1)
        }
    }

    /// No organisation: the sheets keep their headers, with no totals, highlighting or chart to refer to nothing.
    func testEmptyQuarterStillWritesAWorkbook() throws {
        let workbook = SummaryWorkbook.make([], quarter: Quarter("2024-Q4"))
        XCTAssertEqual(workbook.sheets.map(\.rows.count), [0, 0])
        XCTAssertEqual(workbook.sheets.map(\.totals.count), [0, 0])
        XCTAssertNil(workbook.sheets[1].chart)
        let archive = try ZipArchive(bytes: try workbook.bytes())
        XCTAssertFalse(archive.contains("xl/charts/chart1.xml"))
        let sheet = String(decoding: try XCTUnwrap(try archive.read("xl/worksheets/sheet1.xml")), as: UTF8.self)
        XCTAssertFalse(sheet.contains("conditionalFormatting"))
        XCTAssertTrue(sheet.contains("IV квартал 2024 г."), "the printed title")
    }
}
