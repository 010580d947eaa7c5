import Foundation
import Model
import TestSupport
import XCTest
@testable import Reports

/// The municipal workbook converted to CSV by LibreOffice headless: it opens, and the
/// items sheet holds the organisations, activities, real dates and statuses.
/// Needs `soffice` (skipped without it locally, failed in CI).
final class XlsxLibreOfficeTests: XCTestCase {
    func soffice() throws -> String {
        try Requirement.program("soffice")
    }

    func testWorkbookConvertsToCSVWithTheItemsAndDates() throws {
        let soffice = try soffice()
        let roadmap = Q.roadmap([Q.dated("1", "Семинар наставников", due: "2024-12-28"),
                                 Q.dated("2", "Анкетирование", due: "2024-11-11")], org: "Школа № 7")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let xlsx = dir.appendingPathComponent("summary.xlsx").path
        try SummaryWorkbook.make([Q.submission(roadmap, quarter: "2024-Q4", today: "2025-01-05")]).write(to: xlsx)

        let p = Process()
        p.executableURL = URL(fileURLWithPath: soffice)
        // The first sheet, UTF-8 (76), comma-separated (44), quoted text (34).
        p.arguments = ["-env:UserInstallation=file://\(dir.path)/profile", "--headless", "--convert-to",
                       "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir.path, xlsx]
        p.standardOutput = Pipe()
        p.standardError = Pipe()
        try p.run()
        p.waitUntilExit()
        let csv = try String(contentsOfFile: dir.appendingPathComponent("summary.csv").path, encoding: .utf8)
        XCTAssertTrue(csv.contains("Школа № 7"), csv)
        XCTAssertTrue(csv.contains("Семинар наставников"), csv)
        XCTAssertTrue(csv.contains("28.12.2024"), "dates are real dates shown in the workbook's format: \(csv)")
    }
}
