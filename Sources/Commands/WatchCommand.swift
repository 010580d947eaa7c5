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

    @Flag(name: .long, help: "Выводить по строке JSON на каждый обработанный файл на стандартный вывод.")
    var json = false

    @Flag(name: .long, help: "Не использовать inotify, а просматривать папку через равные промежутки.")
    var poll = false

    @Option(name: .long, help: "Сколько секунд файл должен не меняться, чтобы считаться скопированным (по умолчанию 1; для сетевых папок больше).")
    var settle: Double = 1

    @Option(name: .long, help: "Сколько секунд ждать, пока недописанный .docx станет целым архивом, прежде чем отклонить его (по умолчанию 60).")
    var giveUp: Double = 60

    func validate() throws {
        if settle < 0 || settle > 3600 { throw ValidationError("--settle: нужно число секунд от 0 до 3600.") }
        if giveUp < settle { throw ValidationError("--give-up должно быть не меньше --settle.") }
    }

    func run() throws {
        StopSignal.install()
        let (inbox, pipeline) = try folder.openPipeline()
        defer { pipeline.close() }
        let watcher = InboxWatcher(folder: inbox, useInotify: !poll)
        watcher.settle = settle
        watcher.giveUp = giveUp
        let resumed = pipeline.resumeInterrupted()
        if resumed > 0 { printError("Завершено после прерванного запуска: \(resumed).") }
        printError("Слежу за папкой «\(inbox)» (\(watcher.usesInotify ? "inotify" : "просмотр папки")); "
                   + "результаты — в «\(folder.output)». Остановка — Ctrl+C.")
        var count = 0
        var lastProblem: String?
        var lastResume = Date()
        while !StopSignal.requested && pipeline.stopReason == nil {
            // What another process left when it ended (its claims go back into the inbox) is taken over now and then.
            if Date().timeIntervalSince(lastResume) > 60 {
                let finished = pipeline.resumeInterrupted()
                if finished > 0 { printError("Завершено за прерванным процессом: \(finished).") }
                lastResume = Date()
            }
            for file in watcher.nextReady() {
                let report = pipeline.process(file)
                if let problem = pipeline.taughtProblem, problem != lastProblem { printError("Внимание: \(problem)") }
                lastProblem = pipeline.taughtProblem
                if report.outcome == .postponed { watcher.retry(file) } else { watcher.markTaken(file) }
                if report.outcome != .vanished { count += 1 }
                printError(report.line)
                if json { printOut(JSONWriter(indent: 0).string(report.json)) }
                if StopSignal.requested || pipeline.stopReason != nil { break }
            }
        }
        if let reason = pipeline.stopReason {
            printError(reason.description)
            printError("Остановлено. Обработано файлов за сеанс: \(count).")
            throw ExitCode(3)
        }
        printError("Остановлено. Обработано файлов за сеанс: \(count).")
    }
}
