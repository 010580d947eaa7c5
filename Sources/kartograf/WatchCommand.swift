import ArgumentParser
import Foundation
import Model
import Pipeline

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Следить за папкой входящих и обрабатывать каждый новый файл, как только он скопирован.",
        discussion: "Остановка — Ctrl+C (или SIGTERM): файл, который обрабатывается, будет доведён до конца.")

    @Argument(help: "Папка входящих файлов.")
    var inbox: String

    @Option(name: .long, help: "Папка шаблонов отчётов (protocol.docx); по умолчанию samples/templates, иначе встроенный шаблон.")
    var templates: String = "samples/templates"

    @Option(name: .long, help: "Папка результатов.")
    var out: String = "output"

    @Flag(name: .long, help: "Копировать исходные файлы, а не переносить.")
    var keepInputs = false

    @Flag(name: .long, help: "Выводить по строке JSON на каждый обработанный файл на стандартный вывод.")
    var json = false

    @Flag(name: .long, help: "Не использовать inotify, а просматривать папку через равные промежутки.")
    var poll = false

    func run() throws {
        StopSignal.install()
        let pipeline: FolderPipeline
        do {
            pipeline = try FolderPipeline(options: PipelineOptions(inbox: inbox, output: out, keepInputs: keepInputs,
                                                                   protocolWriters: protocolWriters(templates: templates)))
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let watcher = InboxWatcher(folder: inbox, useInotify: !poll)
        let resumed = pipeline.resumeInterrupted()
        if resumed > 0 { printError("Завершено после прерванного запуска: \(resumed).") }
        printError("Слежу за папкой «\(inbox)» (\(watcher.usesInotify ? "inotify" : "просмотр папки")); "
                   + "результаты — в «\(out)». Остановка — Ctrl+C.")
        var count = 0
        while !StopSignal.requested {
            for file in watcher.nextReady() {
                let report = pipeline.process(file)
                watcher.markTaken(file)
                if report.outcome != .vanished { count += 1 }
                printError(report.line)
                if json { printOut(JSONWriter(indent: 0).string(report.json)) }
                if StopSignal.requested { break }
            }
        }
        printError("Остановлено. Обработано файлов за сеанс: \(count).")
    }
}
