import Foundation
import Model
import XCTest
@testable import Reports
@testable import Templates

/// The protocol templates (built-in and samples/templates) are filled by their parts' programs
/// exactly as by trees.
final class ProtocolFillPathsTests: XCTestCase {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples/templates").path

    func exports() -> [Export] {
        let diagnostics = [
            Diagnostic(.deadlineMissing, field: .deadline, message: "Пункт 3: нет срока", document: 0, item: "3"),
            Diagnostic(.responsibleMissing, field: .responsibles, text: "a\tb\r\nc & <d>", message: "Пункт 3:\nнет", document: 0, item: "3"),
            Diagnostic(.resultMissing, message: "Строка 7: нет результата", document: 0, item: "#7"),
        ]
        return [
            Export(file: "школа.docx", sha256: "ab12", documents: [Document(kind: .roadmap, title: "ДК")]),
            Export(file: "f.docx", sha256: "00", documents: [Document(kind: .roadmap, organization: "МБОУ СОШ № 5"),
                                                            Document(kind: .other, title: "«Второй»")],
                   diagnostics: diagnostics),
        ]
    }

    func testProtocolTemplatesAreFilledByProgramsLikeByTrees() throws {
        var templates = [("встроенный", try DefaultProtocolTemplate.bytes())]
        if let sample = FileManager.default.contents(atPath: Self.samples + "/protocol.docx") {
            templates.append(("samples", [UInt8](sample)))
        }
        for (name, bytes) in templates {
            let prepared = DocxTemplate(bytes: bytes, name: name).prepare(schema: ProtocolData.schema)
            XCTAssertTrue(prepared.programParts.contains("word/document.xml"), name)
            for export in exports() {
                for signer in [DepartmentSettings.Signer(), .init(post: "Методист", name: "П. П. Петрова")] {
                    let data = ProtocolData.json(for: export, checkedAt: Day(year: 2026, month: 11, day: 22)!, signer: signer)
                    XCTAssertEqual(try prepared.fill(data), try prepared.fill(data, usingPrograms: false), name)
                }
            }
        }
    }
}
