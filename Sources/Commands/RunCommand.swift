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
            Файлы во вложенных папках тоже обрабатываются (имя папки сохраняется как подсказка организации); \
            файлы блокировки Word, временные и скрытые файлы остаются во входящих и перечисляются в итоге.
            Несколько процессов (run, watch, report) могут работать с одной папкой одновременно: каждый файл \
            достаётся ровно одному из них.
            Код выхода: 0 — все файлы обработаны, 1 — часть отклонена или не обработана, 2 — неверный вызов, \
            3 — обработка остановлена досрочно (нет места на диске, реестр недоступен).
            """)

    @OptionGroup var folder: FolderOptions

    @Flag(name: .long, help: "Вывести итог в JSON на стандартный вывод.")
    var json = false

    @Option(name: .long, help: "Число параллельных обработчиков (по умолчанию — по числу ядер).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs должно быть положительным числом.") }
    }

    func run() throws {
        StopSignal.install()
        let (inbox, pipeline) = try folder.openPipeline(workers: jobs)
        defer { pipeline.close() }
        let onTerminal = isatty(2) == 1
        let meter = ProgressLine()
        let lastDraw = LastDraw()
        let draw: @Sendable (Int, Int) -> Void = { done, total in
            guard lastDraw.shouldDraw(final: done == total) else { return }
            let line = "\r\u{1B}[K" + meter.text(done: done, total: total)
            FileHandle.standardError.write(Data(line.utf8))
        }
        let summary = pipeline.runInbox(progress: onTerminal ? draw : nil, shouldStop: { StopSignal.requested })
        if onTerminal && !summary.files.isEmpty { FileHandle.standardError.write(Data("\n".utf8)) }
        if StopSignal.requested { printError("Остановлено по сигналу; необработанные файлы остались во входящих.") }
        printError(summary.text)
        if summary.files.isEmpty && summary.ignored.isEmpty { printError("Во входящих «\(inbox)» нет файлов.") }
        printError(closingLines(summary, output: folder.output))
        if json {
            // Streamed: a long batch's summary is not held whole.
            let out = FileHandle.standardOutput
            try JSONWriter().write(summary) { out.write(Data($0)) }
            out.write(Data("\n".utf8))
        }
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }
}

/// Where the results are, and which files have errors in their documents.
func closingLines(_ summary: RunSummary, output: String) -> String {
    var lines = ["Результаты — в папке «\(output)»: выгрузки и протоколы в «\(OutputLayout.organizationsFolder)», "
                 + "исходные файлы в «\(OutputLayout.processedFolder)», отклонённые в «\(OutputLayout.rejectedFolder)»."]
    let withErrors = summary.filesWithErrors
    if !withErrors.isEmpty {
        lines.append("Файлы с ошибками в документах (\(withErrors.count)):")
        for f in withErrors.prefix(50) {
            lines.append("  • \(f.file): ошибок \(f.diagnostics[.error] ?? 0) — протокол «\(f.protocolPath ?? "")»")
        }
        if withErrors.count > 50 { lines.append("  … и ещё \(withErrors.count - 50).") }
    }
    return lines.joined(separator: "\n")
}

/// The home's inbox, made on first use.
public func homeInbox(_ home: Home) throws -> String {
    do {
        try home.prepare()
    } catch {
        printError(error.description)
        throw ExitCode(error.stopsTheRun ? 3 : 2)
    }
    return home.inbox
}

/// The check protocol in both forms, from the methodist's template when there is one that can be filled.
public func protocolWriters(templates: String?, output: String, home: Home = Home.resolve(nil)) -> [any ProtocolWriter] {
    let settings = departmentSettings(output: output, home: home)
    let (docx, faults) = DocxProtocolWriter.load(templates: templates, signer: settings.checker)
    if !faults.isEmpty {
        printError("Шаблон протокола в «\(templates ?? "")» не заполняется, протоколы сделаны по встроенному шаблону. Ошибки шаблона:")
        for f in faults { printError("  • \(f)") }
    }
    return [docx, HTMLProtocolWriter(renderer: docx.renderer)]
}

/// The department's settings from the output folder, else the home (never the folder kartograf is started
/// from, so that a default does not depend on it); a broken file is reported.
func departmentSettings(output: String, home: Home = Home.resolve(nil)) -> DepartmentSettings {
    let settings = DepartmentSettings.load(folders: output == home.root ? [output] : [output, home.root])
    for d in settings.diagnostics { printError(d.message) }
    return settings.value
}

/// Throttles the progress line to a few redraws a second.
final class LastDraw: @unchecked Sendable {
    // Sound: `last` is only touched while `lock` is held.
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
