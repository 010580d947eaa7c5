import ArgumentParser
import Commands
import Foundation
import Registry
import RegistryPostgres

struct RegistryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "Действия с реестром: перенос истории управления на сервер PostgreSQL.",
        subcommands: [RegistryCopyCommand.self])
}

struct RegistryCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Перенести реестр SQLite (историю управления) в реестр на сервере PostgreSQL, сверив каждую строку.")

    @Option(help: "Файл реестра SQLite (kartograf.sqlite).")
    var from: String

    @Option(help: "Реестр на сервере: postgres://пользователь@сервер/база (пользователь — сотрудник управления, чья это история).")
    var to: String

    func validate() throws {
        guard isServerRegistry(to) else {
            throw ValidationError("--to: нужен адрес сервера вида postgres://пользователь@сервер/база.")
        }
        guard FileManager.default.fileExists(atPath: from) else {
            throw ValidationError("Файл реестра «\(from)» не найден.")
        }
    }

    func run() throws {
        do {
            let source = try Registry(path: from)
            let target = try PostgresRegistry(url: to)
            let report = try target.copy(from: source)
            printError("Реестр «\(from)» перенесён в «\(target.path)»: \(report).")
        } catch let error as RegistryError {
            printError(error.description)
            throw ExitCode(error.isBusyOrFull ? 3 : 1)
        }
    }
}
