import ArgumentParser
import Foundation
import JSON
import Model
import Pipeline
import Reports

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Обработать все файлы папки входящих: выгрузки, протоколы проверки, реестр.",
        discussion: """
            Для каждого файла в папке организации (ВЫХОД/Организации/…) появляются выгрузка JSON и протокол \
            проверки; сам файл переносится в ВЫХОД/Обработанные, а нечитаемый — в ВЫХОД/Отклонённые рядом с \
            объяснением причины. Повторно присланные файлы узнаются и не обрабатываются заново.
            Код выхода: 0 — все файлы обработаны, 1 — часть отклонена, 2 — неверный вызов.
            """)

    @OptionGroup var folder: FolderOptions

    @Argument(help: "Папка входящих файлов (по умолчанию samples/inbox; оттуда файлы копируются, а не переносятся).")
    var inbox: String?

    @Flag(name: .long, help: "Вывести итог в JSON на стандартный вывод.")
    var json = false

    @Option(name: .long, help: "Число параллельных обработчиков (по умолчанию — по числу ядер).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs должно быть положительным числом.") }
    }

    func run() throws {
        StopSignal.install()
        // The default inbox holds the shipped samples: they are copied so that they stay as in git.
        let inbox = self.inbox ?? "samples/inbox"
        let keepInputs = folder.keepInputs || self.inbox == nil
        let pipeline: FolderPipeline
        do {
            pipeline = try FolderPipeline(options: PipelineOptions(
                inbox: inbox, output: folder.out, keepInputs: keepInputs,
                workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                protocolWriters: protocolWriters(templates: folder.templates, output: folder.out),
                roster: loadRoster(folder.roster, defaultFolder: folder.out, keep: true)))
        } catch let error as ValidationError {
            printError(error.message)
            throw ExitCode(2)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let files = pipeline.pendingInputs()
        let onTerminal = isatty(2) == 1
        if onTerminal { printError("Файлов во входящих «\(inbox)»: \(files.count).") }
        let meter = ProgressLine()
        let lastDraw = LastDraw()
        let draw: @Sendable (Int, Int) -> Void = { done, total in
            guard lastDraw.shouldDraw(final: done == total) else { return }
            let line = "\r\u{1B}[K" + meter.text(done: done, total: total)
            FileHandle.standardError.write(Data(line.utf8))
        }
        let summary = pipeline.run(files: files, progress: onTerminal ? draw : nil,
                                   shouldStop: { StopSignal.requested })
        if onTerminal && !files.isEmpty { FileHandle.standardError.write(Data("\n".utf8)) }
        if StopSignal.requested { printError("Остановлено по сигналу; необработанные файлы остались во входящих.") }
        printError(summary.text)
        if json { printOut(JSONWriter().string(summary.json)) }
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }
}

/// The check protocol in both forms, from the methodist's template when it can be filled,
/// signed by the checker the department's settings (`настройки.json`) name.
func protocolWriters(templates: String, output: String) -> [any ProtocolWriter] {
    let settings = departmentSettings(output: output)
    let (docx, faults) = DocxProtocolWriter.load(templates: templates, signer: settings.checker)
    if !faults.isEmpty {
        printError("Шаблон протокола в «\(templates)» не заполняется, протоколы сделаны по встроенному шаблону. Ошибки шаблона:")
        for f in faults { printError("  • \(f)") }
    }
    return [docx, HTMLProtocolWriter(renderer: docx.renderer)]
}

/// The department's settings from the output folder or the working folder; a broken file is reported.
func departmentSettings(output: String) -> DepartmentSettings {
    let settings = DepartmentSettings.load(folders: [output, FileManager.default.currentDirectoryPath])
    for d in settings.diagnostics { printError(d.message) }
    return settings.value
}

/// Throttles the progress line to a few redraws a second.
final class LastDraw: @unchecked Sendable {
    private let lock = NSLock()
    private var last = Date.distantPast

    func shouldDraw(final: Bool) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard final || now.timeIntervalSince(last) >= 0.1 else { return false }
        last = now
        return true
    }
}
