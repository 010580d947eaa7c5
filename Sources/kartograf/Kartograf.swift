import ArgumentParser
import Foundation
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
            TemplateCommand.self, FillCommand.self, ReportCommand.self, CorrectCommand.self, BenchCommand.self,
        ]
    )
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Writes text to standard output, UTF-8, unbuffered by Swift's print.
func printOut(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
