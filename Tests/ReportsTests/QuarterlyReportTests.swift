import Foundation
import JSON
import Model
import OOXML
import XCTest
@testable import Reports

final class QuarterlyReportTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("quarterly-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func writeExport(_ name: String, _ documents: [Document], diagnostics: [Diagnostic] = []) throws {
        let export = Export(file: name + ".docx", sha256: "0", documents: documents, diagnostics: diagnostics)
        try Data(JSONWriter().string(export.json).utf8).write(to: dir.appendingPathComponent(name + ".json"))
    }

    func testExportFolderGroupsByOrganisation() throws {
        let year = Period.academicYear(2023)!
        let old = Q.roadmap([Q.dated("1", "Старый план", due: "2023-03-01")], period: Period.academicYear(2022)!, org: "Школа № 1")
        let current = Q.roadmap([Q.dated("1", "Семинар наставников", due: "2024-02-10"), Q.event("2", "Консультации")],
                                period: year, org: "Школа № 1")
        var report = Q.report([Q.reported("1", "Семинар наставников", "Проведено")], org: "Школа № 1")
        report.period = year
        try writeExport("a-old", [old])
        try writeExport("b-current", [current], diagnostics: [Diagnostic(.deadlineUnparsed, message: "x"),
                                                               Diagnostic(.activityMissing, message: "y")])
        try writeExport("c-report", [report])
        try writeExport("d-other", [Q.roadmap([Q.undated("1", "Без срока")], org: "Гимназия")])
        try Data("not json".utf8).write(to: dir.appendingPathComponent("broken.json"))
        try Data().write(to: dir.appendingPathComponent("b-current.protocol.docx"))

        let source = ExportFolderSource(directory: dir.path, linkPrefix: "../")
        let result = try source.inputs(for: Q.quarter("2024-Q1"), organization: nil)
        XCTAssertEqual(result.value.map(\.organization), ["Школа № 1", "Гимназия"])
        XCTAssertEqual(result.diagnostics.count, 1, "the broken file is named")
        XCTAssertTrue(result.diagnostics[0].message.contains("broken.json"))
        let school = result.value[0]
        XCTAssertEqual(school.roadmap, current, "the roadmap whose period holds the quarter")
        XCTAssertEqual(school.report?.sections.first?.items.first?.outcome, "Проведено")
        XCTAssertEqual(school.diagnostics[.error], 1)
        XCTAssertEqual(school.diagnostics[.warning], 1)
        XCTAssertEqual(school.protocols, ["../b-current.protocol.docx"])

        let one = try source.inputs(for: Q.quarter("2024-Q1"), organization: "гимназия")
        XCTAssertEqual(one.value.map(\.organization), ["Гимназия"])
        let none = try source.inputs(for: Q.quarter("2024-Q1"), organization: "Лицей")
        XCTAssertTrue(none.value.isEmpty)
        XCTAssertTrue(none.diagnostics.contains { $0.message.contains("«Лицей»") })
    }

    func testRunWritesDataWorkbookAndPage() throws {
        let inputs = try SyntheticSource(count: 3).inputs(for: Q.quarter("2024-Q1"), organization: nil).value
        let out = dir.appendingPathComponent("out/2024-Q1").path
        let report = QuarterlyReport(quarter: Q.quarter("2024-Q1"), today: Q.day("2024-04-11"))
        let result = try report.write(inputs, to: out)
        XCTAssertEqual(result.value.files.count, 5)
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        XCTAssertTrue(names.contains("summary.xlsx") && names.contains("summary.html"))
        XCTAssertEqual(names.filter { $0.hasSuffix(".json") }.count, 3)

        let first = try JSONParser.parse(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/" + result.value.files[0]))))
        XCTAssertEqual(first["deadline"]?.stringValue, "10 апреля 2024 г.")
        XCTAssertEqual(first["late"]?.boolValue, true)
        XCTAssertEqual(first["rows"]?.arrayValue?.count, result.value.submissions[0].rows.count)
        let archive = try ZipArchive(path: out + "/summary.xlsx")
        XCTAssertTrue(archive.contains("xl/worksheets/sheet2.xml"))
    }

    func testSummaryHeadingAndSubmissionsUseTheDeadlineGiven() throws {
        let inputs = try SyntheticSource(count: 2).inputs(for: Q.quarter("2024-Q1"), organization: nil).value
        let out = dir.appendingPathComponent("out/2024-Q1").path
        let report = QuarterlyReport(quarter: Q.quarter("2024-Q1"), today: Q.day("2024-04-11"),
                                     selector: QuarterlySelector(deadlineDaysAfter: 20))
        let result = try report.write(inputs, to: out)
        XCTAssertEqual(result.value.submissions.map(\.deadline), [Q.day("2024-04-20"), Q.day("2024-04-20")])
        let html = try String(contentsOfFile: out + "/summary.html", encoding: .utf8)
        XCTAssertTrue(html.contains("срок сдачи отчёта: <b>20 апреля 2024 г.</b>"), html)
        XCTAssertFalse(html.contains("10 апреля 2024 г."), "not the default deadline")
        XCTAssertFalse(html.contains("после срока сдачи"), "generated before the deadline given")
    }

    /// A submission's data splits its rows into the quarter's and the overdue ones and states its report's state.
    func testSubmissionDataHasStateLineAndRowsApart() {
        let year = Period(from: Q.day("2024-01-01"), to: Q.day("2024-12-31"))
        let input = QuarterlyInput(organization: "МБОУ СОШ № 1",
                                   roadmap: Q.roadmap([Q.dated("1", "Семинар", due: "2024-02-15"), Q.dated("2", "Анкета", due: "2024-05-20")],
                                                      period: year),
                                   report: Q.report([Q.reported("2", "Анкета", "Выполнено")]), reportArrived: Q.day("2024-07-12"))
        let report = QuarterlyReport(quarter: Q.quarter("2024-Q2"), today: Q.day("2024-07-20"))
        let data = report.data(for: report.submissions(from: [input])[0])
        XCTAssertEqual(data["state"]?.stringValue, "представлен после срока")
        XCTAssertEqual(data["stateLine"]?.stringValue, "представлен после срока (поступил 12 июля 2024 г., срок — 10 июля 2024 г.)")
        XCTAssertEqual(data["reportArrivedText"]?.stringValue, "12 июля 2024 г.")
        XCTAssertEqual(data["currentRows"]?.arrayValue?.compactMap { $0["number"]?.stringValue }, ["2"])
        XCTAssertEqual(data["overdueRows"]?.arrayValue?.compactMap { $0["number"]?.stringValue }, ["1"])
        XCTAssertEqual(data["rows"]?.arrayValue?.count, 2)
        XCTAssertEqual(data["hasCurrentRows"], .bool(true))
        XCTAssertEqual(data["hasOverdue"], .bool(true))

        let silent = report.data(for: report.submissions(from: [QuarterlyInput(organization: "Лицей", roadmap: Q.roadmap([]))])[0])
        XCTAssertEqual(silent["stateLine"]?.stringValue, "не представлен (срок — 10 июля 2024 г.)")
    }

    /// «Дорожная карта:» never reads «без названия» for a roadmap that was not sent.
    func testRoadmapLineOfAnOrganisationWithoutOne() {
        let report = QuarterlyReport(quarter: Q.quarter("2024-Q2"), today: Q.day("2024-07-20"))
        let reportOnly = QuarterlyInput(organization: "Гимназия № 4", roadmap: nil,
                                        report: Q.report([Q.dated("1", "Семинар", due: "2024-05-15")], org: "Гимназия № 4"))
        let silent = QuarterlyInput(organization: "СОШ № 8", roadmap: nil)
        let untitled = QuarterlyInput(organization: "СОШ № 9", roadmap: Document(kind: .roadmap, title: nil, organization: "СОШ № 9"))
        let labels = report.submissions(from: [reportOnly, silent, untitled]).map { report.data(for: $0)["roadmap"]?.stringValue }
        XCTAssertEqual(labels, ["не представлена; мероприятия — по строкам отчёта", "не представлена", "без названия"])
    }

    /// The template's tags and the data's keys agree (the template engine fills one from the other).
    func testTemplateTagsAreDataKeys() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("samples/templates/quarterly.docx").path
        XCTAssertTrue(FileManager.default.fileExists(atPath: path), "the repository ships \(path)")
        let xml = String(decoding: try XCTUnwrap(try ZipArchive(path: path).read("word/document.xml")), as: UTF8.self)
        let text = xml.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        let tags = Set(text.components(separatedBy: "{{").dropFirst().compactMap { $0.components(separatedBy: "}}").first })
        XCTAssertFalse(tags.isEmpty)

        var s = Q.submission(Q.roadmap([Q.dated("1", "А", due: "2024-02-01"), Q.event("2", "Б"), Q.undated("3", "В")]),
                             quarter: "2024-Q1")
        s.protocols = ["p.docx"]
        s.corrections = ["Файл «a.docx» отнесён к организации «Школа» — исправлено методистом (Иванова, 05.12.2026)."]
        let data = QuarterlyReport(quarter: Q.quarter("2024-Q1"), today: Q.day("2024-04-01")).data(for: s)
        let rowKeys = Set(data["rows"]?.arrayValue?.first?.objectValue?.map(\.0) ?? [])
        let listKeys = Set((data["byEvent"]?.arrayValue?.first?.objectValue?.map(\.0) ?? [])
            + (data["notes"]?.arrayValue?.first?.objectValue?.map(\.0) ?? []))
        for tag in tags {
            let name = String(tag.drop { "#^/".contains($0) })
            let path = name.split(separator: ".").map(String.init)
            let top = data[path[0]].map { v in path.dropFirst().reduce(Optional(v)) { $0?[$1] } } ?? nil
            XCTAssertTrue(top != nil || rowKeys.contains(name) || listKeys.contains(name), "{{\(tag)}} has no data")
        }
    }
}

final class QuarterlyRelativePathTests: XCTestCase {
    func testRelativePaths() {
        XCTAssertEqual(RelativePath.from("/a/out/2024-Q1", to: "/a/exports"), "../../exports")
        XCTAssertEqual(RelativePath.from("/a/b", to: "/a/b/c"), "c")
        XCTAssertEqual(RelativePath.from("/a/b", to: "/a/b"), ".")
        XCTAssertEqual(RelativePath.from("/a/./b/../c", to: "/a/d"), "../d")
    }

    func testSafeFileNames() {
        var names = SafeFileNames()
        XCTAssertEqual(names.name(for: "МБОУ «СОШ № 1» г. Н/Д"), "МБОУ «СОШ № 1» г. Н_Д")
        XCTAssertEqual(names.name(for: "мбоу «сош № 1» г. н/д"), "мбоу «сош № 1» г. н_д (2)")
        XCTAssertEqual(names.name(for: "..."), "организация")
        XCTAssertLessThanOrEqual(names.name(for: String(repeating: "Ж", count: 300)).utf8.count, 120)
    }
}
