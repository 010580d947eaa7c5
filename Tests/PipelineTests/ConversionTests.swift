import Foundation
import JSON
import XCTest

/// Legacy formats: converted by LibreOffice where `soffice` is on PATH, rejected with advice where not.
/// A stand-in `soffice` script plays LibreOffice so that both paths are exercised on any machine.
final class ConversionTests: XCTestCase {
    let legacyBytes = StandInConverter.legacyBytes

    func testLegacyFileIsConvertedWhenSofficeIsOnPath() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let soffice = try StandInConverter.install(in: h.root, converting: TestDocx.roadmap(organization: "Школа"))
        let bin = (soffice as NSString).deletingLastPathComponent
        try h.put("старый отчёт.doc", legacyBytes)

        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin + ":/usr/bin:/bin"
        let result = try h.kartograf(["run", h.inbox, "--out", h.out, "--json"], environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        let summary = try XCTUnwrap(result.json)
        XCTAssertEqual(summary.int("processed"), 1)
        XCTAssertEqual(summary.int("converted"), 1)
        let file = try XCTUnwrap(summary["files"]?.arrayValue?.first)
        let export = try String(contentsOfFile: h.out + "/" + (file["export"]?.stringValue ?? "?"), encoding: .utf8)
        XCTAssertTrue(export.contains("\"file\": \"старый отчёт.doc\""), export)
        XCTAssertEqual(h.files(under: "Обработанные"), ["старый отчёт.doc"])
        XCTAssertEqual(h.files(under: ".kartograf-tmp"), [], "the private conversion folder is removed")
    }

    func testLegacyFileIsRejectedWithAdviceWithoutLibreOffice() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.put("старый отчёт.doc", legacyBytes)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = h.root + "/nothing"
        let result = try h.kartograf(["run", h.inbox, "--out", h.out, "--json"], environment: environment)
        XCTAssertEqual(result.status, 1)
        let rejected = try XCTUnwrap(result.json?["rejected"]?.arrayValue?.first)
        XCTAssertEqual(rejected["code"]?.stringValue, "file.unsupported-format")
        XCTAssertTrue(rejected["reason"]?.stringValue?.contains(".docx") ?? false)
        XCTAssertEqual(h.files(under: "Отклонённые"), ["старый отчёт.doc", "старый отчёт.doc.причина.txt"])
    }
}
