import JSON
import Model
import Pipeline
import XCTest

/// `kartograf run --json` streams the summary (`RunSummary: Encodable`, its only JSON form): the keys
/// of `kartograf-run/1` in order, each file's object as it is written.
final class RunSummaryJSONTests: XCTestCase {
    func testTheStreamedSummaryHoldsEveryKeyInOrder() throws {
        var processed = FileReport(file: "карта.docx", outcome: .processed)
        processed.organization = "МБОУ СОШ № 1"
        processed.exportPath = "Организации/МБОУ СОШ № 1/карта.json"
        processed.diagnostics = [.warning: 2]
        var rejected = FileReport(file: "сломан.docx", outcome: .rejected)
        rejected.reason = "не архив ZIP"
        rejected.reasonCode = "file.unreadable"
        var skipped = FileReport(file: "карта (2).docx", outcome: .skipped)
        skipped.duplicateOf = "карта.docx"
        var summary = RunSummary(files: [processed, rejected, skipped],
                                 ignored: [IgnoredFile(file: "~$карта.docx", reason: "временный файл Word")],
                                 seconds: 1.2345, resumed: 1, stopReason: nil)
        summary.notices = ["Словарь не прочитан."]
        let streamed = try JSONWriter().string(summary)
        var pieces: [UInt8] = []
        try JSONWriter().write(summary) { pieces += $0 }
        XCTAssertEqual(String(decoding: pieces, as: UTF8.self), streamed)
        let parsed = try JSONParser.parse(bytes: pieces)
        XCTAssertEqual(parsed.objectValue?.map(\.0), [
            "format", "processed", "rejected", "converted", "skipped", "left", "vanished", "resumed", "stopped",
            "notices", "diagnostics", "seconds", "filesPerSecond", "files",
        ])
        XCTAssertEqual(parsed["format"]?.stringValue, "kartograf-run/1")
        XCTAssertEqual(parsed["seconds"]?.doubleValue, 1.235)
        XCTAssertEqual(parsed["notices"], .array([.string("Словарь не прочитан.")]))
        XCTAssertEqual(parsed["files"]?.arrayValue?.first?["diagnostics"]?["warning"]?.doubleValue, 2)
        XCTAssertEqual(parsed["files"]?.arrayValue?.count, 3)
        XCTAssertEqual(parsed["rejected"]?.arrayValue?.first?["code"]?.stringValue, "file.unreadable")
        XCTAssertEqual(parsed["left"]?.arrayValue?.first?["outcome"]?.stringValue, "ignored")
    }
}
