import ArgumentParser
import Foundation
import JSON
import Model
import Organisations
import Pipeline
import Registry
import Reports
import Templates
import Text

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

    @OptionGroup var home: HomeOption

    @Option(help: "Папка для результатов (по умолчанию «Квартальные отчёты/<квартал>» в папке результатов).")
    var out: String?

    @Option(help: "Дата формирования ГГГГ-ММ-ДД (по умолчанию сегодня).")
    var today: String?

    @Option(help: "Папка с выгрузками roadmap-export/1 (.json) вместо реестра.")
    var exports: String?

    @Option(help: "Папка результатов «kartograf run» с реестром (по умолчанию — домашняя папка).")
    var from: String?

    @OptionGroup var registry: RegistryOption

    @Option(help: "Папка шаблонов (quarterly.docx); по умолчанию — из $KARTOGRAF_DATA_DIR, «Шаблоны» домашней папки или установленные с программой.")
    var templates: String?

    @Flag(help: "Не делать отчёты .docx, только данные .json и сводку (когда шаблона нет).")
    var withoutDocx = false

    @Option(help: "Список организаций муниципалитета (CSV или текст); по умолчанию «организации.csv» в папке --from, если он там есть.")
    var roster: String?

    @Option(name: .customLong("deadline-days"), help: "Срок сдачи отчёта: столько дней после конца квартала (по умолчанию 10).")
    var deadlineDays: Int = Quarter.standardDaysAfter

    @Option(help: .hidden)
    var synthetic: Int?

    func validate() throws {
        guard Quarter(quarter) != nil else {
            throw ValidationError("Неверный квартал «\(quarter)»: ожидается ГГГГ-QN, например 2024-Q1.")
        }
        if let today, Day(iso: today) == nil {
            throw ValidationError("Неверная дата «\(today)» в --today: ожидается ГГГГ-ММ-ДД.")
        }
        if deadlineDays < 0 || deadlineDays > 366 {
            throw ValidationError("--deadline-days: нужно число дней от 0 до 366.")
        }
        if let synthetic, synthetic < 1 {
            throw ValidationError("--synthetic: нужно число организаций больше нуля.")
        }
    }

    func run() throws {
        let quarter = Quarter(quarter)!
        let day = today.flatMap(Day.init(iso:)) ?? Self.currentDay()
        let from = self.from ?? home.resolved.root
        let directory = out ?? PathText.appending(PathText.appending(from, Home.quarterlyFolder), "\(quarter)")
        let source: QuarterlyInputSource
        if let synthetic {
            source = SyntheticSource(count: synthetic)
        } else if let exports {
            source = ExportFolderSource(directory: exports, linkPrefix: RelativePath.from(directory, to: exports) + "/",
                                        roster: try loadRoster(roster, defaultFolder: exports))
        } else {
            source = RegistryQuarterlySource(output: from, linkPrefix: RelativePath.from(directory, to: from) + "/",
                                             roster: try loadRoster(roster, defaultFolder: from),
                                             registry: try registry.openExplicit(output: from))
        }

        let inputs = try sayingRegistryError(exitCode: 1) { try source.inputs(for: quarter, organization: org) }
        for d in inputs.diagnostics { printError(d.message) }
        if inputs.value.isEmpty {
            printError("Нет организаций с дорожной картой: отчёт за \(quarter.russian) не сформирован.")
            throw ExitCode(1)
        }
        let words = StatusWords.load()
        for d in words.diagnostics { printError(d.message) }
        let report = QuarterlyReport(quarter: quarter, today: day,
                                     selector: QuarterlySelector(statusReader: StatusReader(words: words.value),
                                                                 deadlineDaysAfter: deadlineDays),
                                     fillSubmission: try filler("quarterly.docx", what: "квартальные отчёты .docx"),
                                     fillSummary: try filler("summary.docx", what: "сводный отчёт .docx"),
                                     settings: departmentSettings(output: from, home: home.resolved))
        // The quarter's folder is replaced whole: written beside, then put in place.
        let outcome: Checked<QuarterlyReport.Outcome>
        do {
            outcome = try FolderReplacement.replace(directory) { staging in try report.write(inputs.value, to: staging) }
        } catch let error as PipelineError {
            printError("Отчёт за \(quarter.russian) не записан: \(error.description)")
            throw ExitCode(error.stopsTheRun ? 3 : 1)
        }
        for d in outcome.diagnostics { printError(d.message) }

        let subs = outcome.value.submissions
        let due = subs.reduce(0) { $0 + $1.counts.due }, done = subs.reduce(0) { $0 + $1.counts.dueDone }
        printOut("\(quarter.russian): организаций \(subs.count), пунктов со сроком в квартале \(due), выполнено \(done).")
        let deadline = quarter.reportingDeadline(daysAfter: deadlineDays)
        let states = Dictionary(grouping: subs, by: \.stateText).mapValues(\.count)
        printOut("Срок сдачи: \(deadline.russianText)" + (day > deadline ? " — отчёт сформирован после срока." : ""))
        printOut("Отчёты организаций: " + ["представлен в срок", "представлен после срока", "не представлен", "не распознана"]
                    .compactMap { s in states[s].map { "\(s) — \($0)" } }.joined(separator: ", ") + ".")
        let files = outcome.value.files
        let submissionDocuments = files.filter { !$0.hasPrefix("summary.") && $0.hasSuffix(".docx") }.count
        let summaries = files.filter { $0.hasPrefix("summary.") }.joined(separator: ", ")
        printOut("Результаты: \(directory)/ (\(summaries), отчёты организаций: \(submissionDocuments) × .docx и \(subs.count) × .json)")
    }

    /// Fills the methodist's template `name`; nil (data only) with `--without-docx`. A template
    /// that is missing, or cannot be filled (every fault listed), stops the command with exit 1.
    func filler(_ name: String, what: String) throws -> ((JSONValue) throws -> [UInt8])? {
        if withoutDocx { return nil }
        guard let path = TemplateLocation.find(name, folder: templates, home: home.resolved),
              FileManager.default.fileExists(atPath: path) else {
            let looked = templates.map { "«\($0)»" } ?? "$KARTOGRAF_DATA_DIR, «\(Home.templatesFolder)» домашней папки и у программы"
            printError("Шаблон \(name) не найден (искали: \(looked)): \(what) не сформированы. Укажите папку шаблонов "
                       + "в --templates или запустите с --without-docx, чтобы сделать только данные .json и сводные таблицы.")
            throw ExitCode(1)
        }
        // Compiled once, filled for every organisation.
        let template = try DocxTemplate(path: path).prepare()
        let report = template.report
        if !report.isClean {
            printError("Шаблон «\(path)» не заполняется:")
            for f in report.faults { printError("  • \(f.message)") }
            throw ExitCode(1)
        }
        return { try template.fill($0) }
    }

    static func currentDay() -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}
