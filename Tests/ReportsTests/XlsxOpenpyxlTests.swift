import Foundation
import JSON
import JSON
import Model
import TestSupport
import XCTest
@testable import Reports

/// Opens the municipal workbook with python's openpyxl: every cell equals the data, formulas are
/// formulas, and the sheets carry their filter, highlighting, print setup and chart.
/// Skipped where python3 or openpyxl is missing, failed in CI.
final class XlsxOpenpyxlTests: XCTestCase {
    static let dump = """
    import json, sys, datetime
    import openpyxl
    wb = openpyxl.load_workbook(sys.argv[1])
    out = {}
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows(values_only=True):
            rows.append([v.date().isoformat() if isinstance(v, datetime.datetime) else v for v in row])
        rules = []
        for cf in ws.conditional_formatting:
            for rule in cf.rules:
                rules.append({"range": str(cf.sqref), "type": rule.type, "formula": list(rule.formula),
                              "fill": rule.dxf.fill.bgColor.rgb if rule.dxf and rule.dxf.fill else None})
        charts = []
        for chart in ws._charts:
            charts.append({"tag": chart.tagname, "dir": getattr(chart, "barDir", None),
                           "series": [{"cat": s.cat.strRef.f if s.cat and s.cat.strRef else None,
                                       "val": s.val.numRef.f if s.val and s.val.numRef else None} for s in chart.series]})
        ps = ws.page_setup
        out[ws.title] = {
            "rows": rows, "freeze": ws.freeze_panes,
            "widths": [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(ws.max_column)],
            "headerBold": [c.font.b for c in ws[1]], "headerWrap": [c.alignment.wrap_text for c in ws[1]],
            "formats": [c.number_format for c in ws[2]] if ws.max_row > 1 else [],
            "filter": ws.auto_filter.ref, "rules": rules, "printTitles": ws.print_title_rows,
            "orientation": ps.orientation, "fitToWidth": ps.fitToWidth, "fitToHeight": ps.fitToHeight,
            "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
            "header": ws.oddHeader.center.text, "footer": ws.oddFooter.center.text,
            "charts": charts,
        }
    print(json.dumps(out, ensure_ascii=False))
    """

    /// Formula cells' cached values, as viewers that do not calculate show them.
    static let cachedValues = """
    import json, sys
    import openpyxl
    wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
    print(json.dumps({ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}, ensure_ascii=False, default=str))
    """

    func testWorkbookOpensInOpenpyxlWithTheSameCellsFilterHighlightingPrintSetupAndChart() throws {
        try XlsxTool.requireOpenpyxl()
        let workbook = SummaryWorkbook.make(XlsxScenario.submissions())
        let dir = try XlsxTool.temporaryFolder("xlsx-openpyxl")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("summary.xlsx").path
        try workbook.write(to: path)
        let json = try XlsxTool.python(Self.dump, [path])
        let cached = try XlsxTool.python(Self.cachedValues, [path])

        for sheet in workbook.sheets {
            let got = try XCTUnwrap(json[sheet.name], sheet.name)
            XCTAssertEqual(got["freeze"]?.stringValue, "A2")
            XCTAssertEqual(got["widths"]?.arrayValue?.compactMap(\.doubleValue), sheet.columns.map(\.width))
            XCTAssertEqual(got["headerBold"]?.arrayValue?.compactMap(\.boolValue), sheet.columns.map { _ in true })
            XCTAssertEqual(got["headerWrap"]?.arrayValue?.compactMap(\.boolValue), sheet.columns.map { _ in true })
            XCTAssertEqual(got["printTitles"]?.stringValue, "$1:$1", "the header row repeats on every printed page")
            XCTAssertEqual(got["orientation"]?.stringValue, "landscape")
            XCTAssertEqual(got["fitToWidth"]?.doubleValue, 1)
            XCTAssertEqual(got["fitToHeight"]?.doubleValue, 0, "as many pages down as needed")
            XCTAssertEqual(got["fitToPage"]?.boolValue, true)
            XCTAssertEqual(got["header"]?.stringValue?.contains("IV квартал 2024 г."), true, "\(String(describing: got["header"]))")
            XCTAssertEqual(got["footer"]?.stringValue, "Страница &P из &N")

            let rows = try XCTUnwrap(got["rows"]?.arrayValue)
            XCTAssertEqual(rows.count, sheet.rows.count + sheet.totals.count + 1)
            XCTAssertEqual(rows[0].arrayValue?.compactMap(\.stringValue), sheet.columns.map(\.title))
            for (r, row) in (sheet.rows + sheet.totals).enumerated() {
                let cells = try XCTUnwrap(rows[r + 1].arrayValue)
                for (c, cell) in row.enumerated() {
                    let value = c < cells.count ? cells[c] : .null
                    let at = "\(sheet.name)!\(XlsxWriter.columnName(c))\(r + 2)"
                    switch cell {
                    case .empty: XCTAssertTrue(value.isNull, at)
                    case let .text(t): XCTAssertEqual(value.stringValue, t, at)
                    case let .integer(n): XCTAssertEqual(value.doubleValue, Double(n), at)
                    case let .number(x), let .percent(x): XCTAssertEqual(value.doubleValue, x, at)
                    case let .date(d): XCTAssertEqual(value.stringValue, d.iso, "a real date at \(at)")
                    case let .formula(f):
                        XCTAssertEqual(value.stringValue, "=" + f.expression, at)
                        let cachedValue = cached[sheet.name]?.arrayValue?[r + 1].arrayValue?[c]
                        if let expected = f.expected {
                            XCTAssertEqual(cachedValue?.doubleValue, expected, "cached value at \(at)")
                        } else {
                            XCTAssertTrue(cachedValue?.isNull == true || cachedValue?.stringValue == "", "cached value at \(at)")
                        }
                    }
                }
            }
        }

        // The items sheet: an autofilter over the header and item rows, overdue rows highlighted,
        // dates formatted as dates.
        let items = try XCTUnwrap(json["Пункты"])
        let itemCount = workbook.sheets[0].rows.count
        XCTAssertEqual(items["filter"]?.stringValue, "A1:N\(itemCount + 1)")
        let rules = try XCTUnwrap(items["rules"]?.arrayValue)
        XCTAssertEqual(rules.count, 1)
        XCTAssertEqual(rules.first?["range"]?.stringValue, "A2:N\(itemCount + 1)")
        XCTAssertEqual(rules.first?["type"]?.stringValue, "expression")
        XCTAssertEqual(rules.first?["formula"]?.arrayValue?.first?.stringValue, "$M2=\"просрочено\"")
        XCTAssertEqual(rules.first?["fill"]?.stringValue, "FFFFC7CE")
        let formats = items["formats"]?.arrayValue?.compactMap(\.stringValue) ?? []
        XCTAssertTrue(formats.contains { $0.contains("dd") && $0.contains("yyyy") }, "\(formats)")
        XCTAssertEqual(items["rows"]?.arrayValue?[1].arrayValue?[1].stringValue, "IV квартал 2024 г.")
        XCTAssertEqual(try XCTUnwrap(items["charts"]?.arrayValue).count, 0)

        // The organisations sheet: no filter, a bar chart of the share column by organisation.
        let orgs = try XCTUnwrap(json["Организации"])
        XCTAssertTrue(orgs["filter"]?.isNull ?? false)
        let charts = try XCTUnwrap(orgs["charts"]?.arrayValue)
        XCTAssertEqual(charts.count, 1)
        XCTAssertEqual(charts.first?["tag"]?.stringValue, "barChart")
        XCTAssertEqual(charts.first?["dir"]?.stringValue, "bar", "horizontal bars")
        XCTAssertEqual(charts.first?["series"]?.arrayValue?.first?["cat"]?.stringValue, "'Организации'!$B$2:$B$8")
        XCTAssertEqual(charts.first?["series"]?.arrayValue?.first?["val"]?.stringValue, "'Организации'!$G$2:$G$8")
    }
}
