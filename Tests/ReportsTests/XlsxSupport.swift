import Foundation
import JSON
import Model
import TestSupport
import XCTest
@testable import Reports

/// External tools of the workbook tests, required through `TestSupport.Requirement`: a test
/// needing a missing one skips on a developer's machine and fails in CI, where
/// `scripts/setup --tests` installs them.
enum XlsxTool {
    /// The path of an executable on PATH.
    static func require(_ name: String) throws -> String { try Requirement.program(name) }

    /// python3 with openpyxl.
    static func requireOpenpyxl() throws {
        guard (try? run("/usr/bin/env", ["python3", "-c", "import openpyxl"]))?.status == 0 else {
            try Requirement.missing("python3 with openpyxl")
        }
    }

    /// Runs a program to its end: its exit status, standard output and standard error.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        // Standard error goes to a file, so neither stream can fill up and block the child.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = try FileHandle(forWritingTo: errorFile)
        try p.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return (p.terminationStatus, String(decoding: output, as: UTF8.self), errors)
    }

    static func python(_ script: String, _ arguments: [String]) throws -> JSONValue {
        let r = try run("/usr/bin/env", ["python3", "-c", script] + arguments)
        guard r.status == 0 else {
            XCTFail("python3 failed: \(r.errors)")
            throw NSError(domain: "XlsxTool", code: Int(r.status))
        }
        return try JSONParser.parse(r.output)
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder(_ prefix: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// LibreOffice headless converts `file` into `outdir` (`filter` as `--convert-to` takes it).
    static func convert(_ file: String, to filter: String, outdir: URL) throws {
        let soffice = try require("soffice")
        let r = try run(soffice, ["-env:UserInstallation=file://\(outdir.path)/profile", "--headless",
                                  "--convert-to", filter, "--outdir", outdir.path, file])
        XCTAssertEqual(r.status, 0, r.errors)
    }
}

/// A town's quarter (IV квартал 2024 г.) with what a summary must show: seven organisations,
/// items done, not done, in progress and without data, overdue ones, one organisation with
/// nothing due, one late, names with quotes, «№» and markup characters.
enum XlsxScenario {
    static let quarter = "2024-Q4"

    static func submissions() -> [QuarterlySubmission] {
        let year = Period.academicYear(2024)!
        /// A report arrived on `arrived` (the deadline is 10 January); the summary is made on 20 January.
        func sub(_ org: String, _ items: [Item], _ reported: [Item], arrived: String = "2025-01-09") -> QuarterlySubmission {
            let input = QuarterlyInput(organization: org, roadmap: Q.roadmap(items, period: year, org: org),
                                       report: reported.isEmpty ? nil : Q.report(reported, org: org),
                                       reportArrived: reported.isEmpty ? nil : Q.day(arrived))
            return QuarterlySelector().submission(for: input, quarter: Q.quarter(quarter), generatedOn: Q.day("2025-01-20"))
        }
        var tsdt = sub("МБУ ДО ЦДТ", [Q.dated("1", "Конкурс проектов", due: "2024-12-20")],
                       [Q.reported("1", "Конкурс проектов", "Проведено")])
        tsdt.diagnostics = [.error: 2, .warning: 1, .info: 3]
        return [
            sub("МБОУ СОШ № 1", [
                Q.dated("1", "Семинар наставников", due: "2024-10-15"),
                Q.dated("2", "Анкетирование педагогов", due: "2024-11-11"),
                Q.dated("3", "Открытые уроки", due: "2024-12-20"),
                Q.dated("4", "Утверждение программы", due: "2024-09-15"),
                Q.continuous("5", "Сопровождение молодых специалистов", period: year),
                Q.event("6", "Консультации по запросу"),
            ], [
                Q.reported("1", "Семинар наставников", "Проведено"),
                Q.reported("2", "Анкетирование педагогов", "Выполнено"),
                Q.reported("3", "Открытые уроки", "Не выполнено"),
            ]),
            sub("МБОУ «Гимназия № 2» <им. Н. & К.>", [
                Q.dated("1", "Педсовет", due: "2024-10-30"),
                Q.dated("2", "Методический день", due: "2024-12-05"),
            ], [
                Q.reported("1", "Педсовет", "Проведён"),
                Q.reported("2", "Методический день", "Выполнено"),
            ], arrived: "2025-01-15"),
            sub("МАОУ Лицей № 3", [
                Q.continuous("1", "Работа наставнических пар", period: year),
                Q.undated("2", "Обновление сайта"),
            ], []),
            sub("МБОУ ООШ № 4", [
                Q.dated("1", "Диагностика затруднений", due: "2024-10-01"),
                Q.dated("2", "Круглый стол", due: "2024-11-20"),
                Q.dated("3", "Мастер-класс", due: "2024-12-10"),
                Q.dated("4", "Отчёт наставников", due: "2024-12-25"),
                Q.dated("5", "План на год", due: "2024-09-20"),
                Q.dated("6", "Приказ о наставничестве", due: "2024-09-02"),
            ], [
                Q.reported("1", "Диагностика затруднений", "Не проведено"),
                Q.reported("2", "Круглый стол", "Не выполнено"),
            ]),
            sub("МКОУ СОШ № 5 им. А. С. Пушкина", [
                Q.dated("1", "Работа с портфолио", due: "2024-12-27"),
                Q.dated("2", "Взаимопосещение уроков", due: "2024-11-29"),
            ], [Q.reported("1", "Работа с портфолио", "В работе")]),
            sub("МБДОУ Детский сад № 6", [
                Q.dated("1", "Родительское собрание", due: "2024-10-25"),
                Q.dated("2", "Смотр-конкурс", due: "2024-12-16"),
            ], [Q.reported("1", "Родительское собрание", "Проведено")], arrived: "2025-01-10"),
            tsdt,
        ]
    }

    /// The counts of one organisation, as the scenario states them by hand.
    struct Truth {
        var rows, due, dueDone, done, notDone, inProgress, noData, overdue, byEvent, undated: Int
        var late = false
    }

    /// Per organisation, in order.
    static let truth: [Truth] = [
        Truth(rows: 5, due: 3, dueDone: 2, done: 2, notDone: 1, inProgress: 0, noData: 1, overdue: 1, byEvent: 1, undated: 0),
        Truth(rows: 2, due: 2, dueDone: 2, done: 2, notDone: 0, inProgress: 0, noData: 0, overdue: 0, byEvent: 0, undated: 0, late: true),
        Truth(rows: 1, due: 0, dueDone: 0, done: 0, notDone: 0, inProgress: 0, noData: 1, overdue: 0, byEvent: 0, undated: 1),
        Truth(rows: 6, due: 4, dueDone: 0, done: 0, notDone: 2, inProgress: 0, noData: 2, overdue: 2, byEvent: 0, undated: 0),
        Truth(rows: 2, due: 2, dueDone: 0, done: 0, notDone: 0, inProgress: 1, noData: 1, overdue: 0, byEvent: 0, undated: 0),
        Truth(rows: 2, due: 2, dueDone: 1, done: 1, notDone: 0, inProgress: 0, noData: 1, overdue: 0, byEvent: 0, undated: 0),
        Truth(rows: 1, due: 1, dueDone: 1, done: 1, notDone: 0, inProgress: 0, noData: 0, overdue: 0, byEvent: 0, undated: 0),
    ]

    /// A count over the whole town.
    static func sum(_ count: KeyPath<Truth, Int>) -> Double { Double(truth.map { $0[keyPath: count] }.reduce(0, +)) }

    /// Every formula cell of a workbook with the sheet's name and the cell's reference.
    static func formulas(_ writer: XlsxWriter) -> [(sheet: String, ref: String, formula: XlsxFormula)] {
        var out: [(String, String, XlsxFormula)] = []
        for sheet in writer.sheets {
            for (r, row) in (sheet.rows + sheet.totals).enumerated() {
                for (c, cell) in row.enumerated() {
                    if case let .formula(f) = cell { out.append((sheet.name, "\(XlsxWriter.columnName(c))\(r + 2)", f)) }
                }
            }
        }
        return out
    }
}
