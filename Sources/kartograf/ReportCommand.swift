import ArgumentParser
import Foundation
import Model
import Reports

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Отчёты по реестру: квартальные отчёты организаций и сводка по муниципалитету.",
        subcommands: [QuarterlyReportCommand.self])
}

struct QuarterlyReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarterly",
        abstract: "Квартальный отчёт каждой организации, сводная таблица .xlsx и страница .html.")

    @Argument(help: "Квартал, например 2024-Q1.")
    var quarter: String

    @Option(help: "Только эта организация.")
    var org: String?

    @Option(help: "Папка для результатов (по умолчанию output/quarterly/<квартал>/).")
    var out: String?

    @Option(help: "Дата формирования ГГГГ-ММ-ДД (по умолчанию сегодня).")
    var today: String?

    @Option(help: "Папка с выгрузками roadmap-export/1 (.json).")
    var exports: String?

    @Option(help: .hidden)
    var synthetic: Int?

    func validate() throws {
        guard Quarter(quarter) != nil else {
            throw ValidationError("Неверный квартал «\(quarter)»: ожидается ГГГГ-QN, например 2024-Q1.")
        }
        if let today, Day(iso: today) == nil {
            throw ValidationError("Неверная дата «\(today)» в --today: ожидается ГГГГ-ММ-ДД.")
        }
        if exports == nil && synthetic == nil {
            throw ValidationError("Укажите папку с выгрузками: --exports ПАПКА.")
        }
        if let synthetic, synthetic < 1 {
            throw ValidationError("--synthetic: нужно число организаций больше нуля.")
        }
    }

    func run() throws {
        let quarter = Quarter(quarter)!
        let day = today.flatMap(Day.init(iso:)) ?? Self.currentDay()
        let directory = out ?? "output/quarterly/\(quarter)"
        let source: QuarterlyInputSource = synthetic.map { SyntheticSource(count: $0) }
            ?? ExportFolderSource(directory: exports!, linkPrefix: RelativePath.from(directory, to: exports!) + "/")

        let inputs = try source.inputs(for: quarter, organization: org)
        for d in inputs.diagnostics { printError(d.message) }
        if inputs.value.isEmpty {
            printError("Нет организаций с дорожной картой: отчёт за \(quarter.russian) не сформирован.")
            throw ExitCode(1)
        }
        let words = StatusWords.load()
        for d in words.diagnostics { printError(d.message) }
        // The submission .docx: set `fillSubmission` to fill samples/templates/quarterly.docx with the template engine.
        let report = QuarterlyReport(quarter: quarter, today: day,
                                     selector: QuarterlySelector(statusReader: StatusReader(words: words.value)))
        let outcome = try report.write(inputs.value, to: directory)
        for d in outcome.diagnostics { printError(d.message) }

        let subs = outcome.value.submissions
        let due = subs.reduce(0) { $0 + $1.counts.due }, done = subs.reduce(0) { $0 + $1.counts.dueDone }
        printOut("\(quarter.russian): организаций \(subs.count), пунктов со сроком в квартале \(due), выполнено \(done).")
        printOut("Срок сдачи: \(quarter.reportingDeadline.dottedDate)"
                 + (day > quarter.reportingDeadline ? " — отчёт сформирован после срока." : "."))
        printOut("Результаты: \(directory)/ (summary.xlsx, summary.html, \(subs.count) × .json)")
    }

    static func currentDay() -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}
