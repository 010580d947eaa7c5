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
}
