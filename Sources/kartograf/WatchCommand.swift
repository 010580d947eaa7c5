import ArgumentParser
import Foundation
import JSON
import Model
import Pipeline

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Следить за папкой входящих и обрабатывать каждый новый файл, как только он скопирован.",
        discussion: "Остановка — Ctrl+C (или SIGTERM): файл, который обрабатывается, будет доведён до конца.")

    @OptionGroup var folder: FolderOptions

    @Argument(help: "Папка входящих файлов.")
    var inbox: String

    @Flag(name: .long, help: "Выводить по строке JSON на каждый обработанный файл на стандартный вывод.")
    var json = false

    @Flag(name: .long, help: "Не использовать inotify, а просматривать папку через равные промежутки.")
    var poll = false

    func run() throws {
        StopSignal.install()
        let pipeline: FolderPipeline
        do {
            pipeline = try FolderPipeline(options: PipelineOptions(inbox: inbox, output: folder.out, keepInputs: folder.keepInputs,
                                                                   protocolWriters: protocolWriters(templates: folder.templates, output: folder.out),
                                                                   roster: loadRoster(folder.roster, defaultFolder: folder.out, keep: true)))
        } catch let error as ValidationError {
            printError(error.message)
            throw ExitCode(2)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let watcher = InboxWatcher(folder: inbox, useInotify: !poll)
        let resumed = pipeline.resumeInterrupted()
        if resumed > 0 { printError("Завершено после прерванного запуска: \(resumed).") }
        printError("Слежу за папкой «\(inbox)» (\(watcher.usesInotify ? "inotify" : "просмотр папки")); "
                   + "результаты — в «\(folder.out)». Остановка — Ctrl+C.")
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
