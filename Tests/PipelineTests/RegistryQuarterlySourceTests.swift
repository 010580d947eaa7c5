import Foundation
import Model
import Pipeline
import Reports
import XCTest

/// The quarterly report's inputs read back from what `run` recorded: each organisation's
/// current roadmap with parsed deadlines, and links to its protocols in both forms.
final class RegistryQuarterlySourceTests: XCTestCase {
    func testRunThenQuarterlyInputsFromTheRegistry() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let samples = root.appendingPathComponent("samples/inbox").path
        XCTAssertTrue(FileManager.default.fileExists(atPath: samples), "the repository ships samples/inbox")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("kartograf-q-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let docx = DocxProtocolWriter.load(templates: nil).writer
        let pipeline = try FolderPipeline(options: PipelineOptions(
            inbox: samples, output: out, keepInputs: true, workers: 2, converter: nil,
            protocolWriters: [docx, HTMLProtocolWriter(renderer: docx.renderer)]))
        let summary = pipeline.run(files: pipeline.pendingInputs())
        XCTAssertEqual(summary.exitCode, 0)

        let source = RegistryQuarterlySource(output: out, linkPrefix: "")
        let inputs = try source.inputs(for: try XCTUnwrap(Quarter("2023-Q4")), organization: nil)
        // A document naming no organisation is left out with a diagnostic, not silently.
        XCTAssertTrue(inputs.diagnostics.allSatisfy { $0.code == .documentNotRecognized && $0.message.contains("не указана организация") },
                      "\(inputs.diagnostics)")
        // Filed under its name in the nominative and whole (the roadmap's title has it in the genitive).
        let ee = try XCTUnwrap(inputs.value.first { $0.organization == "МБОУ Ээрбекская СОШ им. О. К. Оолака" },
                               "\(inputs.value.map(\.organization))")
        XCTAssertEqual(ee.roadmap?.kind, .roadmap)
        XCTAssertEqual(ee.roadmap?.period, Period.calendarYears(2023, 2025))
        XCTAssertFalse((ee.roadmap?.allItems ?? []).flatMap(\.item.deadline.occurrences).isEmpty, "deadlines come back parsed")
        XCTAssertEqual(ee.protocols.map { ($0 as NSString).pathExtension }.sorted(), ["docx", "html"])
        for p in ee.protocols { XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/" + p), p) }
        let one = try source.inputs(for: try XCTUnwrap(Quarter("2023-Q4")), organization: ee.organization.uppercased())
        XCTAssertEqual(one.value.map(\.organization), [ee.organization])
    }
}
