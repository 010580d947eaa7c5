import Text
import JSON
import Model
import OOXML
import TestSupport
import XCTest
@testable import Reports
import Templates

/// The check protocol: DOCX from the template and HTML, for every gold export of the dev corpus.
final class ProtocolTests: XCTestCase {
    let day = Day(year: 2026, month: 11, day: 22)!
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// An export built from a gold JSON file: source, documents' kind/title/organization, diagnostics.
    func export(fromGold path: String) throws -> Export {
        let json = try JSONParser.parse(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        let documents = (json["documents"]?.arrayValue ?? []).map { d in
            Document(kind: DocumentKind(rawValue: d["kind"]?.stringValue ?? "") ?? .other,
                     title: d["title"]?.stringValue, organization: d["organization"]?.stringValue)
        }
        return Export(file: json["source"]?["file"]?.stringValue ?? "", sha256: json["source"]?["sha256"]?.stringValue ?? "",
                      documents: documents, diagnostics: (json["diagnostics"]?.arrayValue ?? []).compactMap { try? $0.decode(Diagnostic.self) })
    }

    func goldFiles() throws -> [String] {
        let corpus = try Shared.require("corpus/dev")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus)
            .filter { $0.hasSuffix(".gold.json") }.sorted().map { corpus + "/" + $0 }
        XCTAssertFalse(files.isEmpty, "no gold files in \(corpus)")
        return files
    }

    /// Every text of the document re-read by the project's reader: body, table cells, footers.
    func allText(_ docx: [UInt8]) throws -> String {
        let tree = try DocxReader().read(bytes: docx, fileName: "protocol.docx")
        var lines: [String] = []
        for blocks in [tree.body] + tree.headers + tree.footers {
            for b in blocks {
                switch b {
                case let .paragraph(p): lines.append(p.text)
                case let .table(t): lines += t.rows.flatMap { $0.cells.map(\.text) }
                default: break
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    func testProtocolForEveryGoldExportHoldsEveryDiagnostic() throws {
        let renderer = try ProtocolRenderer()
        for path in try goldFiles() {
            var export = try export(fromGold: path)
            // Gold diagnostics carry no messages: give each a distinct one, as the checks would.
            for i in export.diagnostics.indices {
                let d = export.diagnostics[i]
                export.diagnostics[i].message = "Замечание \(i + 1) к «\(d.item ?? "документ")»: \(d.code.rawValue)"
            }
            let docx = try renderer.docx(for: export, checkedAt: day)
            let text = try allText(docx)
            let name = (path as NSString).lastPathComponent
            XCTAssertEqual(try DocxReader().read(bytes: docx, fileName: name).warnings, [], name)
            if let dir = ProcessInfo.processInfo.environment["REPORTS_KEEP_OUTPUT"] {
                try Data(docx).write(to: URL(fileURLWithPath: dir + "/" + name + ".protocol.docx"))
                try renderer.html(for: export, checkedAt: day).write(toFile: dir + "/" + name + ".protocol.html", atomically: true, encoding: .utf8)
            }
            XCTAssertTrue(text.contains(export.file), name)
            XCTAssertTrue(text.contains(export.sha256), name)
            XCTAssertTrue(text.contains("22 ноября 2026 г."), name)
            XCTAssertTrue(text.contains(export.documents.first?.organization ?? ProtocolData.noOrganization), name)
            for d in export.diagnostics {
                XCTAssertTrue(text.contains(d.message), "\(name): \(d.message)")
            }
            let table = try XCTUnwrap(try DocxReader().read(bytes: docx, fileName: "p.docx").tables.first, name)
            XCTAssertEqual(table.rows.count, export.diagnostics.count + 1, name)
            // Rows are grouped by item; the № column numbers the diagnostics in export order.
            let rows = table.rows.dropFirst()
            XCTAssertEqual(rows.map { Int($0.cells[1].text) ?? 0 }.sorted(), Array(1...export.diagnostics.count), name)
            for row in rows {
                let d = export.diagnostics[(Int(row.cells[1].text) ?? 1) - 1]
                XCTAssertEqual(row.cells[2].text, d.severity.russian, name)
                XCTAssertTrue(row.cells[5].text.hasPrefix(d.message), name)
            }
            let html = renderer.html(for: export, checkedAt: day)
            for d in export.diagnostics {
                XCTAssertTrue(html.contains(Markup.html(d.message)), "\(name): \(d.message)")
            }
        }
    }

    func testGoldDiagnosticsWithoutMessagesShowWhatTheirCodeMeans() throws {
        let renderer = try ProtocolRenderer()
        for path in try goldFiles() {
            let export = try export(fromGold: path)
            let text = try allText(try renderer.docx(for: export, checkedAt: day))
            for d in export.diagnostics {
                XCTAssertTrue(text.contains(ProtocolHints.description(of: d.code)), d.code.rawValue)
                XCTAssertTrue(text.contains(ProtocolData.label(for: d, in: export)), d.code.rawValue)
            }
        }
    }

    func testLabelsNameTheItemRowDocumentOrFile() {
        let one = Export(file: "a.docx", sha256: "", documents: [Document(kind: .roadmap)], diagnostics: [])
        let two = Export(file: "a.docx", sha256: "", documents: [Document(kind: .roadmap), Document(kind: .order)], diagnostics: [])
        func label(_ export: Export, document: Int?, item: String?) -> String {
            ProtocolData.label(for: Diagnostic(.deadlineMissing, message: "", document: document, item: item), in: export)
        }
        XCTAssertEqual(label(one, document: 0, item: "5"), "Пункт 5")
        XCTAssertEqual(label(one, document: 0, item: "#7"), "Строка 7")
        XCTAssertEqual(label(one, document: 0, item: nil), "Документ")
        XCTAssertEqual(label(one, document: nil, item: "2.1"), "Пункт 2.1")
        XCTAssertEqual(label(one, document: nil, item: "#3"), "Строка 3")
        XCTAssertEqual(label(one, document: nil, item: nil), "Файл")
        XCTAssertEqual(label(two, document: 1, item: "5"), "Документ 2, пункт 5")
        XCTAssertEqual(label(two, document: 0, item: "#7"), "Документ 1, строка 7")
        XCTAssertEqual(label(two, document: 1, item: nil), "Документ 2")
        XCTAssertEqual(label(two, document: nil, item: "4"), "Пункт 4")
    }

    func testCleanFileSaysNoFindingsAndHasNoTable() throws {
        let export = Export(file: "школа.docx", sha256: "ab12", documents: [Document(kind: .roadmap, title: "ДК")])
        let renderer = try ProtocolRenderer()
        let docx = try renderer.docx(for: export, checkedAt: day)
        let text = try allText(docx)
        XCTAssertTrue(text.contains("Замечаний нет."))
        XCTAssertTrue(text.contains("Организация: не указана"))
        XCTAssertTrue(text.contains("0 ошибок, 0 предупреждений, 0 замечаний"))
        // The only table is the signature block; the diagnostics table is gone with its header.
        let tables = try DocxReader().read(bytes: docx, fileName: "p.docx").tables
        XCTAssertEqual(tables.count, 1)
        XCTAssertFalse(tables.flatMap(\.rows).contains { $0.cells.contains { $0.text == "Пункт" } })
        XCTAssertTrue(text.contains("Проверил:"))
        XCTAssertTrue(renderer.html(for: export, checkedAt: day).contains("Замечаний нет."))
    }

    func testDiagnosticsOfOneItemShareAMergedItemCell() throws {
        let diagnostics = [
            Diagnostic(.deadlineMissing, field: .deadline, message: "Пункт 3: нет срока", document: 0, item: "3"),
            Diagnostic(.responsibleMissing, field: .responsibles, message: "Пункт 3: нет ответственных", document: 0, item: "3"),
            Diagnostic(.resultMissing, message: "Строка 7: нет результата", document: 0, item: "#7"),
        ]
        let export = Export(file: "f.docx", sha256: "00", documents: [Document(kind: .roadmap, organization: "МБОУ СОШ № 5")],
                            diagnostics: diagnostics)
        let docx = try ProtocolRenderer().docx(for: export, checkedAt: day)
        let table = try XCTUnwrap(try DocxReader().read(bytes: docx, fileName: "p.docx").tables.first)
        XCTAssertEqual(table.rows.count, 4)
        XCTAssertEqual(table.rows[1].cells[0].text, "Пункт 3")
        XCTAssertEqual(table.rows[1].cells[0].rowSpan, 2)
        XCTAssertTrue(table.rows[2].cells[0].isMergeContinuation)
        XCTAssertEqual(table.rows[3].cells[0].text, "Строка 7")
        XCTAssertEqual(table.rows.dropFirst().map { $0.cells[3].text }, ["срок", "ответственные", "результат"])
        XCTAssertEqual(table.rows.dropFirst().map { $0.cells[2].text }, ["ошибка", "ошибка", "замечание"])
        XCTAssertTrue(try allText(docx).contains("2 ошибки, 0 предупреждений, 1 замечание"))
    }

    func testHTMLIsSelfContainedAndEscaped() throws {
        let export = Export(file: "<b>x</b>.docx", sha256: "ff",
                            documents: [Document(kind: .roadmap, organization: "Школа \"№1\" & <Ко>")],
                            diagnostics: [Diagnostic(.deadlineUnparsed, field: .deadline, text: "<script>alert(1)</script>",
                                                     message: "Пункт 1: срок «<script>» не понят", document: 0, item: "1")])
        let html = try ProtocolRenderer().html(for: export, checkedAt: day)
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertFalse(html.contains("<b>x</b>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("Школа &quot;№1&quot; &amp; &lt;Ко&gt;"))
        XCTAssertTrue(html.contains("<style>"))
        XCTAssertFalse(html.contains("<link"))
        XCTAssertFalse(html.contains("src="))
        XCTAssertTrue(html.contains("предупреждение"))
    }

    func testTemplateIsLoadedFromFileOrFolderAndFallsBackWhenMissing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("protocol-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let custom = try TestDocx.paragraph("Свой протокол: {{file}} — {{verdict}}")
        try Data(custom).write(to: dir.appendingPathComponent("protocol.docx"))
        let export = Export(file: "a.docx", sha256: "1")
        for path in [dir.path, dir.appendingPathComponent("protocol.docx").path] {
            let text = try allText(try ProtocolRenderer(templateAt: path).docx(for: export, checkedAt: day))
            XCTAssertEqual(text, "Свой протокол: a.docx — Замечаний нет")
        }
        let fallback = try ProtocolRenderer(templateAt: dir.appendingPathComponent("missing").path)
        XCTAssertTrue(try allText(try fallback.docx(for: export, checkedAt: day)).contains("ПРОТОКОЛ ПРОВЕРКИ"))
    }

    func testBrokenEditedTemplateIsRejectedWithItsFaults() throws {
        let broken = try TestDocx.paragraph("{{#groups}}{{lable}}")
        XCTAssertThrowsError(try ProtocolRenderer(template: broken).docx(for: Export(file: "a", sha256: "b"), checkedAt: day)) {
            XCTAssertEqual(Set(($0 as? TemplateError)?.faults.map(\.id) ?? []), ["template.unclosed-section", "template.unknown-name"])
        }
    }

    func testSampleTemplateInTheRepositoryIsClean() throws {
        let path = Self.packageRoot + "/samples/templates/protocol.docx"
        XCTAssertTrue(FileManager.default.fileExists(atPath: path), "the repository ships \(path)")
        let report = try ProtocolRenderer(templateAt: path).check()
        XCTAssertEqual(report.faults, [])
        XCTAssertTrue(report.tags.contains { $0.tag == "{{#groups}}" })
    }

    func testRussianPlurals() {
        XCTAssertEqual([0, 1, 2, 5, 11, 21, 22, 112].map { ProtocolData.plural($0, "ошибка", "ошибки", "ошибок") },
                       ["0 ошибок", "1 ошибка", "2 ошибки", "5 ошибок", "11 ошибок", "21 ошибка", "22 ошибки", "112 ошибок"])
    }
}
