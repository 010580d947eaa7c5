import Model
import TestSupport
import XCTest
@testable import Reports

/// Filled packages open in LibreOffice: converted to PDF headless. Needs `soffice` (skipped without it locally, failed in CI).
final class LibreOfficeTests: XCTestCase {
    func soffice() throws -> String {
        try Requirement.program("soffice")
    }

    func convert(_ docx: [UInt8], name: String) throws -> Int {
        let soffice = try soffice()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lo-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent(name + ".docx")
        try Data(docx).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["--headless", "-env:UserInstallation=file://\(dir.path)/profile", "--convert-to", "pdf",
                             "--outdir", dir.path, input.path]
        try process.run()
        process.waitUntilExit()
        let pdf = dir.appendingPathComponent(name + ".pdf")
        return (try? Data(contentsOf: pdf))?.count ?? 0
    }

    func testFilledProtocolAndRowLoopConvertToPDF() throws {
        _ = try soffice()
        let export = Export(file: "f.docx", sha256: "00", documents: [Document(kind: .roadmap, organization: "Школа")],
                            diagnostics: [Diagnostic(.deadlineMissing, field: .deadline, message: "Пункт 1: нет срока", document: 0, item: "1"),
                                          Diagnostic(.resultMissing, message: "Пункт 1: нет результата", document: 0, item: "1")])
        XCTAssertGreaterThan(try convert(try ProtocolRenderer().docx(for: export, checkedAt: Day(year: 2026, month: 1, day: 9)!),
                                         name: "protocol"), 1000)
        let body = Fixture.table(Fixture.row(
            Fixture.cell(Fixture.para("{{#s}}{{t}}"), tcPr: "<w:vMerge w:val=\"restart\"/>"),
            Fixture.cell(Fixture.splitPara("{{#i}}{{x}}")), Fixture.cell(Fixture.para("{{/i}}{{/s}}"))))
        let filled = try Fixture.fill(body, #"{"s": [{"t": "A", "i": [{"x": 1}, {"x": 2}]}, {"t": "B", "i": [{"x": 3}]}]}"#)
        XCTAssertGreaterThan(try convert(filled, name: "rows"), 500)
    }
}
