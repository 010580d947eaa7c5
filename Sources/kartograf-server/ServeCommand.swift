import ArgumentParser
import Commands
import Desk
import Foundation
import Pipeline
import RegistryPostgres

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Рабочее место методиста в браузере: входящие, организации, протоколы, квартал.",
        discussion: "Папка входящих домашней папки обрабатывается одновременно с загрузками из браузера. "
            + "По умолчанию доступно только с этого компьютера (127.0.0.1); для другого адреса нужен --password-file. "
            + "Остановка — Ctrl+C.")

    @OptionGroup var folder: FolderOptions

    @Option(help: "Адрес и порт (по умолчанию 127.0.0.1:8080; порт 0 — любой свободный).")
    var listen: String = "127.0.0.1:8080"

    @Option(name: .customLong("password-file"), help: "Файл с паролем для входа (первая строка); обязателен для адреса, отличного от 127.0.0.1.")
    var passwordFile: String?

    func validate() throws {
        guard let (host, _) = ServeOptions.parseListen(listen) else {
            throw ValidationError("Неверный адрес «\(listen)» в --listen: ожидается АДРЕС:ПОРТ, например 127.0.0.1:8080.")
        }
        if !ServeOptions.isLoopback(host) && passwordFile == nil {
            throw ValidationError("Адрес «\(host)» доступен по сети: укажите пароль для входа в --password-file.")
        }
        if folder.out != nil {
            throw ValidationError("--out не используется с serve: результаты — в домашней папке (--home).")
        }
    }

    func run() throws {
        let (host, port) = ServeOptions.parseListen(listen)!
        var password: String?
        if let passwordFile {
            guard let text = try? String(contentsOfFile: passwordFile, encoding: .utf8),
                  let line = text.split(whereSeparator: \.isNewline).first.map(String.init), !line.isEmpty else {
                throw ValidationError("Не удалось прочитать пароль из «\(passwordFile)»: нужен файл в UTF-8 с паролем в первой строке.")
            }
            password = line
        }
        let home = folder.home.resolved
        _ = try homeInbox(home)
        var pipeline = PipelineOptions(inbox: home.inbox, output: home.root, keepInputs: folder.keepInputs,
                                       protocolWriters: protocolWriters(templates: folder.protocolTemplates, output: home.root),
                                       roster: try loadRoster(folder.roster, defaultFolder: home.root, keep: true))
        let registryLocation = folder.registry.location(output: home.root)
        pipeline.registry = try folder.registry.openExplicit(output: home.root)
        var options = ServeOptions(home: home, host: host, port: port, password: password, pipeline: pipeline)
        options.templates = folder.templates
        let desk: Desk
        do {
            desk = try Desk(options: options)
        } catch {
            printError(error.description)
            throw ExitCode(error.stopsTheRun ? 3 : 2)
        }
        let done = DispatchSemaphore(value: 0)
        let failure = Failure()
        let listen = self.listen
        Task {
            do {
                try await desk.run { bound in
                    let shown = host.contains(":") ? "[\(host)]" : host
                    printError("Рабочее место методиста: http://\(shown):\(bound)/ — домашняя папка «\(home.root)», "
                               + "реестр «\(registryDisplayName(registryLocation))». Остановка — Ctrl+C.")
                }
            } catch {
                failure.set("Не удалось запустить рабочее место на «\(listen)»: \(error)")
            }
            done.signal()
        }
        done.wait()
        if let message = failure.get() {
            printError(message)
            throw ExitCode(1)
        }
        if let reason = desk.worker.pipeline.stopReason {
            // The registry's server went away (or the disk filled): stopped as `watch` stops, to be started again.
            printError(reason.description)
            printError("Остановлено: рабочее место закрыто. Запустите «kartograf serve» снова — обработка продолжится с того же места.")
            throw ExitCode(3)
        }
        printError("Остановлено.")
    }
}

/// A message handed from the server's task to the command.
private final class Failure: @unchecked Sendable {
    // Sound: `message` is only touched while `lock` is held.
    private let lock = NSLock()
    private var message: String?
    func set(_ m: String) { lock.withLock { message = m } }
    func get() -> String? { lock.withLock { message } }
}
