import Foundation
import JSON
import Model
import TestSupport
import XCTest
@testable import Reports

/// Opens the municipal workbook with python's openpyxl and compares every cell with the data.
/// Skipped where python3 or openpyxl is missing (`pip install openpyxl`).
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
        out[ws.title] = {"rows": rows, "freeze": ws.freeze_panes,
                         "widthA": ws.column_dimensions["A"].width,
                         "bold": ws["A1"].font.b,
                         "formats": [c.number_format for c in ws[2]] if ws.max_row > 1 else []}
    print(json.dumps(out, ensure_ascii=False))
    """

    func python(_ args: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = Pipe()
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testWorkbookOpensInOpenpyxlWithTheSameCells() throws {
        guard (try? python(["-c", "import openpyxl"]))?.0 == 0 else {
            try Requirement.missing("python3 with openpyxl")
        }
        let roadmap = Q.roadmap([
            Q.dated("1", "Семинар <наставников> & «педагогов»", due: "2024-12-28"),
            Q.monthly("2", "Заседание МО", from: "2024-09-01", to: "2025-05-31"),
            Q.event("3", "Консультации"),
        ], period: Period.academicYear(2024))
        let report = Q.report([Q.reported("1", "Семинар наставников педагогов", "Проведено")])
        let submissions = [
            Q.submission(roadmap, report: report, quarter: "2024-Q4", today: "2025-01-15"),
            Q.submission(Q.roadmap([Q.dated("1", "Анкетирование", due: "2024-11-11")], org: "Школа № 2"),
                         quarter: "2024-Q4", today: "2025-01-15"),
        ]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quarterly-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SummaryWorkbook.make(submissions).write(to: path)

        let (status, output) = try python(["-c", Self.dump, path])
        XCTAssertEqual(status, 0, output)
        let json = try JSONParser.parse(output)

        for sheet in SummaryWorkbook.make(submissions).sheets {
            let got = try XCTUnwrap(json[sheet.name], sheet.name)
            XCTAssertEqual(got["freeze"]?.stringValue, "A2")
            XCTAssertEqual(got["widthA"]?.doubleValue, sheet.columns[0].width)
            XCTAssertEqual(got["bold"]?.boolValue, true)
            let rows = try XCTUnwrap(got["rows"]?.arrayValue)
            XCTAssertEqual(rows.count, sheet.rows.count + 1)
            XCTAssertEqual(rows[0].arrayValue?.compactMap(\.stringValue), sheet.columns.map(\.title))
            for (r, row) in sheet.rows.enumerated() {
                let cells = try XCTUnwrap(rows[r + 1].arrayValue)
                for (c, cell) in row.enumerated() {
                    let value = c < cells.count ? cells[c] : .null
                    switch cell {
                    case .empty: XCTAssertTrue(value.isNull, "\(sheet.name) \(r) \(c)")
                    case let .text(t): XCTAssertEqual(value.stringValue, t)
                    case let .integer(n): XCTAssertEqual(value.doubleValue, Double(n))
                    case let .number(x), let .percent(x): XCTAssertEqual(value.doubleValue, x)
                    case let .date(d): XCTAssertEqual(value.stringValue, d.iso, "a real date")
                    }
                }
            }
        }
        // Dates of the items sheet carry a date format.
        let formats = json["Пункты"]?["formats"]?.arrayValue?.compactMap(\.stringValue) ?? []
        XCTAssertTrue(formats.contains { $0.contains("dd") && $0.contains("yyyy") }, "\(formats)")
    }
}
