import Foundation
import Model
import TestSupport
import XCTest
@testable import Reports

/// Renders the municipal summary in headless Chromium and takes a screenshot.
/// Needs Chromium (skipped without it locally, failed in CI); the screenshot is kept in the temporary folder for a look.
final class QuarterlyChromiumTests: XCTestCase {
    func chromium() throws -> String {
        try Requirement.program("chromium")
    }

    func testSummaryRendersInHeadlessChromium() throws {
        let browser = try chromium()
        let inputs = try SyntheticSource(count: 12).inputs(for: Q.quarter("2024-Q4"), organization: nil).value
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quarterly-html-\(UUID().uuidString)")
        let result = try QuarterlyReport(quarter: Q.quarter("2024-Q4"), today: Q.day("2025-01-12")).write(inputs, to: dir.path)
        XCTAssertEqual(result.value.submissions.count, 12)
        let page = dir.appendingPathComponent("summary.html")
        let shot = dir.appendingPathComponent("summary.png")

        let p = Process()
        p.executableURL = URL(fileURLWithPath: browser)
        p.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars",
                       "--window-size=1280,1000", "--screenshot=\(shot.path)", page.absoluteString]
        p.standardOutput = Pipe()
        p.standardError = Pipe()
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let png = try Data(contentsOf: shot)
        XCTAssertGreaterThan(png.count, 5_000, "a blank page compresses to almost nothing")
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        print("screenshot: \(shot.path)")
    }

    /// The page at 1200 pixels wide scrolls no wider: the table's columns wrap between words to fit.
    /// Measured in Chromium by a copy of the page that writes its scroll width into the DOM.
    func testSummaryFitsAWindow1200PixelsWide() throws {
        let browser = try chromium()
        let year = Period.academicYear(2024)!
        var inputs: [QuarterlyInput] = []
        for n in 1...8 {
            let org = "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа "
                + "с углублённым изучением отдельных предметов № \(n) имени Героя Советского Союза И. И. Иванова»"
            let items = [Q.dated("1", "Семинар наставников по организации работы с молодыми специалистами", due: "2024-10-05"),
                         Q.dated("2", "Анкетирование участников программы наставничества", due: "2024-11-15")]
            inputs.append(QuarterlyInput(organization: org, roadmap: Q.roadmap(items, period: year, org: org),
                                         report: n % 3 == 0 ? nil : Q.report([Q.reported("2", "Анкетирование", "Выполнено")], org: org),
                                         reportArrived: n % 3 == 1 ? Q.day("2025-01-20") : Q.day("2025-01-08"),
                                         diagnostics: [.error: 12, .warning: 140, .info: 3],
                                         protocols: (1...3).map { "Протоколы/Школа № \(n) файл \($0).protocol.html" }))
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quarterly-width-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try QuarterlyReport(quarter: Q.quarter("2024-Q4"), today: Q.day("2025-01-25")).write(inputs, to: dir.path)
        let page = try String(contentsOf: dir.appendingPathComponent("summary.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("представлен после срока") && page.contains("не представлен"))
        let probe = dir.appendingPathComponent("probe.html")
        try page.replacingOccurrences(of: "</body>", with: "<script>document.body.setAttribute('data-width', "
            + "document.documentElement.scrollWidth)</script></body>").write(to: probe, atomically: true, encoding: .utf8)

        func scrollWidth(window: Int) throws -> Int {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: browser)
            p.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars",
                           "--window-size=\(window),1000", "--dump-dom", probe.absoluteString]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = Pipe()
            try p.run()
            let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            let value = dom.components(separatedBy: "data-width=\"").dropFirst().first?.prefix { $0.isNumber } ?? ""
            return try XCTUnwrap(Int(value), "no width in the DOM Chromium dumped")
        }
        XCTAssertLessThanOrEqual(try scrollWidth(window: 1200), 1200, "the summary overflows a 1200-pixel window")
        XCTAssertGreaterThan(try scrollWidth(window: 600), 600, "the probe measures: a 600-pixel window is too narrow")
    }
}
