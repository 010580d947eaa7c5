import JSON
import Foundation
import Model
import Templates
import TestSupport
import XCTest
@testable import Reports

/// The submission, the summary and the protocol as printed: turned into PDF by LibreOffice and
/// checked page by page by `scripts/render-docs` (pages numbered «Страница N из M», no table row
/// split across pages). Needs LibreOffice and poppler-utils (`scripts/setup` installs them): skipped
/// without them on a workstation, a failure in CI.
final class RenderedDocumentsTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func requireTools() throws {
        for tool in ["soffice", "pdftoppm", "pdftotext", "pdfinfo"] { _ = try Requirement.program(tool) }
    }

    /// A long activity whose first and last words mark its row.
    static func marked(_ n: Int, _ text: String) -> String {
        "s\(n)s \(text) — проведение совещаний, семинаров и открытых занятий наставнических пар, анкетирование участников, "
            + "подготовка аналитической справки по итогам и размещение её на сайте e\(n)e"
    }

    func testSubmissionSummaryAndProtocolPrintNumberedWithoutSplitRows() throws {
        try requireTools()
        let out = Self.root.appendingPathComponent(".build/rendered-docs")
        try? FileManager.default.removeItem(at: out)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)

        let items = (1...36).map { n in
            Q.dated("\(n)", Self.marked(n, "Мероприятие \(n):\nорганизация работы\nнаставников"),
                    due: "2024-0\(1 + n % 3)-1\(n % 10)")
        }
        // Items left from the autumn: overdue, in a table of their own.
        let overdue = (101...106).map { n in
            Q.dated("\(n)", Self.marked(n, "Мероприятие \(n): осенний семинар"), due: "2023-1\(n % 3)-2\(n % 10)")
        }
        var inputs = [QuarterlyInput(organization: "МБОУ «Средняя общеобразовательная школа № 1»",
                                     roadmap: Q.roadmap(items + overdue, period: Period.academicYear(2023)!,
                                                        org: "МБОУ «Средняя общеобразовательная школа № 1»"),
                                     report: Q.report([Q.reported("1", "", "Выполнено"), Q.reported("2", "", "В работе")]),
                                     reportArrived: Q.day("2024-04-12"))]
        for n in 2...40 {
            let org = "s\(n)s Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № \(n)» e\(n)e"
            inputs.append(QuarterlyInput(organization: org, roadmap: Q.roadmap([Q.dated("1", "Семинар", due: "2024-02-01")], org: org)))
        }
        let templates = Self.root.appendingPathComponent("samples/templates")
        func filler(_ name: String) throws -> (JSONValue) throws -> [UInt8] {
            let prepared = try DocxTemplate(path: templates.appendingPathComponent(name).path).prepare()
            XCTAssertTrue(prepared.report.isClean, "\(name): \(prepared.report.faults)")
            return { try prepared.fill($0) }
        }
        let settings = DepartmentSettings(department: "Управление образования администрации города Энска",
                                          head: .init(post: "Начальник управления образования", name: "И. И. Иванов"))
        let report = QuarterlyReport(quarter: Q.quarter("2024-Q1"), today: Q.day("2024-04-05"),
                                     fillSubmission: try filler("quarterly.docx"), fillSummary: try filler("summary.docx"),
                                     settings: settings)
        let written = try report.write(inputs, to: out.appendingPathComponent("quarter").path)
        XCTAssertTrue(written.diagnostics.isEmpty, "\(written.diagnostics.map(\.message))")
        let submission = out.appendingPathComponent("submission.docx")
        let first = written.value.files.first { $0.hasSuffix(".docx") && !$0.hasPrefix("summary") }!
        try FileManager.default.copyItem(at: out.appendingPathComponent("quarter/" + first), to: submission)
        let summary = out.appendingPathComponent("summary.docx")
        try FileManager.default.copyItem(at: out.appendingPathComponent("quarter/summary.docx"), to: summary)

        let diagnostics = (1...30).map { n in
            Diagnostic(.deadlineUnparsed, field: .deadline, text: "в течение\nгода", message: Self.marked(n, "Пункт \(n): срок не понят"),
                       document: 0, item: "\(n)")
        }
        let export = Export(file: "дорожная карта.docx", sha256: String(repeating: "ab", count: 32),
                            documents: [Document(kind: .roadmap, title: "Дорожная карта", organization: "МБОУ СОШ № 1")],
                            diagnostics: diagnostics)
        let protocolFile = out.appendingPathComponent("protocol.docx")
        try Data(try ProtocolRenderer().docx(for: export, checkedAt: Q.day("2024-04-05"))).write(to: protocolFile)

        let process = Process()
        process.executableURL = Self.root.appendingPathComponent("scripts/render-docs")
        process.arguments = ["--out", out.appendingPathComponent("pages").path, "--pair", "s(\\d+)s", "e(\\d+)e",
                             submission.path, summary.path, protocolFile.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let report_ = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, report_)
        for name in ["submission", "summary", "protocol"] {
            XCTAssertTrue(report_.contains("\(name): "), report_)
            let pages = Int(report_.components(separatedBy: "\(name): ").last?.prefix { $0.isNumber } ?? "") ?? 0
            XCTAssertGreaterThan(pages, 1, "\(name) spans pages, so numbering and rows are tried: \(report_)")
        }
        let firstPage = try String(contentsOf: out.appendingPathComponent("pages/submission-1.txt"), encoding: .utf8)
        XCTAssertTrue(firstPage.contains("5 апреля 2024 г."), firstPage)
        XCTAssertTrue(firstPage.contains("Дорожная карта: «Дорожная карта»"), firstPage)
        XCTAssertTrue(firstPage.contains("Отчёт организации за квартал: представлен после срока"), firstPage)
        func text(_ name: String) throws -> String {
            let pages = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("pages").path)
                .filter { $0.hasPrefix(name + "-") && $0.hasSuffix(".txt") }
            return try pages.map { try String(contentsOf: out.appendingPathComponent("pages/" + $0), encoding: .utf8) }.joined()
        }
        let submissionText = try text("submission"), summaryText = try text("summary")
        XCTAssertTrue(submissionText.contains("Просроченные мероприятия"), "the overdue section of the submission")
        XCTAssertTrue(submissionText.contains("s101s"), "an overdue row is printed")
        XCTAssertTrue(summaryText.contains("Просроченные мероприятия"), "the overdue section of the summary")
        XCTAssertTrue(summaryText.contains("Отчёт за квартал"), "the state column of the summary")
        XCTAssertTrue(summaryText.contains("не представлен"), "a state in that column")
    }
}
