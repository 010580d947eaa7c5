import Foundation
import JSON
import Model
import TestSupport
import XCTest
@testable import Reports

/// The municipal workbook opened by LibreOffice headless: it recalculates every formula (of a
/// workbook written without cached results) to the counts kartograf states, reads the items with
/// real dates, and prints landscape pages with the quarter in the page header and page numbers.
/// Skipped where LibreOffice, openpyxl or poppler is missing, failed in CI.
///
/// With `KARTOGRAF_TEST_ARTIFACTS=DIR` the workbook, its PDF and PNG pages are kept in DIR to look at.
final class XlsxLibreOfficeTests: XCTestCase {
    static let values = """
    import json, sys, datetime
    import openpyxl
    wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
    out = {}
    for ws in wb.worksheets:
        out[ws.title] = [[v.date().isoformat() if isinstance(v, datetime.datetime) else v for v in row]
                         for row in ws.iter_rows(values_only=True)]
    print(json.dumps(out, ensure_ascii=False))
    """

    var dir: URL!

    override func setUpWithError() throws {
        dir = try XlsxTool.temporaryFolder("xlsx-lo")
    }

    override func tearDown() {
        if let keep = ProcessInfo.processInfo.environment["KARTOGRAF_TEST_ARTIFACTS"], let dir {
            try? FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where name != "profile" {
                let target = URL(fileURLWithPath: keep).appendingPathComponent("\(name)")
                try? FileManager.default.removeItem(at: target)
                try? FileManager.default.copyItem(at: dir.appendingPathComponent(name), to: target)
            }
        }
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    func writeScenario(cachedResults: Bool = true) throws -> (XlsxWriter, String) {
        var workbook = SummaryWorkbook.make(XlsxScenario.submissions())
        workbook.cachesFormulaResults = cachedResults
        let path = dir.appendingPathComponent("summary.xlsx").path
        try workbook.write(to: path)
        return (workbook, path)
    }

    func testLibreOfficeRecalculatesEveryFormulaToTheCounts() throws {
        _ = try XlsxTool.require("soffice")
        try XlsxTool.requireOpenpyxl()
        // Without cached results, whatever value a formula has in the output LibreOffice computed.
        let (workbook, path) = try writeScenario(cachedResults: false)
        let recalculated = dir.appendingPathComponent("recalculated")
        try XlsxTool.convert(path, to: "xlsx", outdir: recalculated)
        let json = try XlsxTool.python(Self.values, [recalculated.appendingPathComponent("summary.xlsx").path])

        func value(_ sheet: String, _ ref: String) -> JSONValue {
            let letters = ref.prefix { $0.isLetter }, row = Int(ref.dropFirst(letters.count))!
            let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
            let cells = json[sheet]?.arrayValue?[row - 1].arrayValue ?? []
            return column < cells.count ? cells[column] : .null
        }

        // Every formula's value is what kartograf computed from the same data.
        let formulas = XlsxScenario.formulas(workbook)
        XCTAssertGreaterThan(formulas.count, 30)
        for (sheet, ref, formula) in formulas {
            let got = value(sheet, ref)
            if let expected = formula.expected {
                XCTAssertEqual(got.doubleValue ?? .nan, expected, accuracy: 1e-9, "\(sheet)!\(ref) =\(formula.expression): \(got)")
            } else {
                XCTAssertTrue(got.isNull || got.stringValue == "", "\(sheet)!\(ref) =\(formula.expression): \(got)")
            }
        }

        // And the counts are the ones the scenario states by hand.
        let truth = XlsxScenario.truth
        for (i, t) in truth.enumerated() {
            let r = i + 2
            if t.due == 0 {
                XCTAssertEqual(value("Организации", "G\(r)").doubleValue, nil, "row \(r): nothing due, no share")
            } else {
                XCTAssertEqual(value("Организации", "G\(r)").doubleValue ?? .nan, Double(t.dueDone) / Double(t.due), accuracy: 1e-9, "row \(r)")
            }
        }
        let sum = XlsxScenario.sum
        let t = truth.count + 2
        XCTAssertEqual(value("Организации", "A\(t)").stringValue, "Итого")
        XCTAssertEqual(value("Организации", "D\(t)").doubleValue, sum(\.rows))
        XCTAssertEqual(value("Организации", "E\(t)").doubleValue, sum(\.due))
        XCTAssertEqual(value("Организации", "F\(t)").doubleValue, sum(\.dueDone))
        XCTAssertEqual(value("Организации", "G\(t)").doubleValue ?? 0, sum(\.dueDone) / sum(\.due), accuracy: 1e-9)
        XCTAssertEqual(value("Организации", "H\(t)").doubleValue, sum(\.done))
        XCTAssertEqual(value("Организации", "I\(t)").doubleValue, sum(\.notDone))
        XCTAssertEqual(value("Организации", "J\(t)").doubleValue, sum(\.inProgress))
        XCTAssertEqual(value("Организации", "K\(t)").doubleValue, sum(\.noData))
        XCTAssertEqual(value("Организации", "L\(t)").doubleValue, sum(\.overdue))
        XCTAssertEqual(value("Организации", "M\(t)").doubleValue, sum(\.byEvent))
        XCTAssertEqual(value("Организации", "N\(t)").doubleValue, sum(\.undated))
        XCTAssertEqual(value("Организации", "O\(t)").doubleValue, 2, "errors")
        XCTAssertEqual(value("Организации", "U\(t)").doubleValue, Double(truth.filter(\.late).count), "late reports")

        // The items sheet's counts: all items, then by reason and by status.
        let items = workbook.sheets[0].rows.count
        XCTAssertEqual(items, truth.reduce(0) { $0 + $1.rows + $1.byEvent + $1.undated })
        var counts: [String: Double] = [:]
        for row in (json["Пункты"]?.arrayValue ?? []).dropFirst(items + 2) {
            if let label = row.arrayValue?.first?.stringValue, let n = row.arrayValue?[1].doubleValue { counts[label] = n }
        }
        XCTAssertEqual(counts["Всего пунктов"], Double(items))
        XCTAssertEqual(counts["Из них показано фильтром"], Double(items), "no filter is set")
        XCTAssertEqual(counts["Основание «срок в квартале»"], sum(\.due))
        XCTAssertEqual(counts["Основание «срок истёк ранее»"], sum(\.overdue))
        XCTAssertEqual(counts["Основание «по событию»"], sum(\.byEvent))
        XCTAssertEqual(counts["Основание «без сроков»"], sum(\.undated))
        XCTAssertEqual(counts["Статус «просрочено»"], sum(\.overdue))
        XCTAssertEqual(counts["Статус «выполнено»"], sum(\.done), "no event-driven or undated item is done here")
    }

    func testWorkbookConvertsToCSVWithTheItemsAndDates() throws {
        let (_, path) = try writeScenario()
        // The first sheet, UTF-8 (76), comma-separated (44), quoted text (34).
        try XlsxTool.convert(path, to: "csv:Text - txt - csv (StarCalc):44,34,76", outdir: dir)
        let csv = try String(contentsOfFile: dir.appendingPathComponent("summary.csv").path, encoding: .utf8)
        XCTAssertTrue(csv.contains("МБОУ «Гимназия № 2» <им. Н. & К.>"), csv)
        XCTAssertTrue(csv.contains("Семинар наставников"), csv)
        XCTAssertTrue(csv.contains("15.10.2024"), "dates are real dates shown in the workbook's format: \(csv)")
        XCTAssertTrue(csv.contains("IV квартал 2024 г."), csv)
    }

    /// Printed: landscape pages, the quarter in the page header, numbered pages, the totals.
    func testWorkbookPrintsLandscapeWithTitlesAndPageNumbers() throws {
        let pdfinfo = try XlsxTool.require("pdfinfo"), pdftotext = try XlsxTool.require("pdftotext")
        let pdftoppm = try XlsxTool.require("pdftoppm")
        let (_, path) = try writeScenario()
        try XlsxTool.convert(path, to: "pdf", outdir: dir)
        let pdf = dir.appendingPathComponent("summary.pdf").path

        let info = try XlsxTool.run(pdfinfo, [pdf]).output
        let size = try XCTUnwrap(info.split(separator: "\n").first { $0.hasPrefix("Page size:") }, info)
        let numbers = size.split(separator: " ").compactMap { Double($0) }
        XCTAssertEqual(numbers.count, 2, String(size))
        XCTAssertGreaterThan(numbers[0], numbers[1], "landscape: \(size)")
        let pages = try XCTUnwrap(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.split(separator: " ").last ?? "") })
        // Items, organisations, and the chart on a page of its own.
        XCTAssertGreaterThanOrEqual(pages, 3, info)

        let text = try XlsxTool.run(pdftotext, ["-layout", pdf, "-"]).output
        XCTAssertTrue(text.contains("Сводка по муниципалитету: IV квартал 2024 г. — пункты"), text)
        XCTAssertTrue(text.contains("Сводка по муниципалитету: IV квартал 2024 г. — организации"), text)
        XCTAssertTrue(text.contains("Страница 1 из"), text)
        XCTAssertTrue(text.contains("Итого"), text)
        XCTAssertTrue(text.contains("Доля выполненных пунктов со сроком в квартале"), "the chart's title: \(text)")

        XCTAssertEqual(try XlsxTool.run(pdftoppm, ["-r", "70", "-png", pdf, dir.appendingPathComponent("page").path]).status, 0)
        let pngs = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".png") }
        XCTAssertEqual(pngs.count, pages)
    }
}
