import ArgumentParser
import Foundation
import Model
import Registry

/// The release, as `kartograf --version` says it.
let kartografVersion = "0.9.0"

/// The command line: a thin shell over the libraries (`cli.md`).
struct Kartograf: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kartograf",
        abstract: "Проверка и разбор дорожных карт наставничества из файлов Word.",
        version: "kartograf \(kartografVersion) (схема реестра: \(Registry.schemaVersion))",
        subcommands: [
            ExtractCommand.self, DumpCommand.self, DeadlineCommand.self, ResponsiblesCommand.self,
            RunCommand.self, WatchCommand.self, ServeCommand.self, StatusCommand.self,
            TemplateCommand.self, FillCommand.self, ReportCommand.self, CorrectCommand.self, RegistryCommand.self, BenchCommand.self,
        ]
    )
}

/// The stages whose data (`Resources`) is installed beside the executable as `kartograf_<Module>.resources`.
let dataModules = ["Organisations", "Recognition", "Deadlines", "Responsibles", "Checks", "Reports"]

/// Stops with a Russian message (exit 2) when the data installed with the program is not beside it: a command
/// must never run on without its column synonyms, lexicons or templates.
func requireInstalledData() throws {
    let missing = dataModules.filter { DataLocation.resourcesBesideExecutable(module: $0) == nil }
    guard !missing.isEmpty else { return }
    let folder = Bundle.main.bundleURL.path
    printError("Не найдены данные программы рядом с ней (папка «\(folder)»): "
               + missing.map { "kartograf_\($0).resources" }.joined(separator: ", ")
               + ". Установите kartograf заново командой scripts/setup из исходного кода программы.")
    throw ExitCode(2)
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Writes text to standard output, UTF-8, unbuffered by Swift's print.
func printOut(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
