import ArgumentParser
import CMalloc
import Foundation
import Model
import Registry

/// The release, as `kartograf --version` says it.
let kartografVersion = "0.9.0"

/// The command line (`cli.md`), a thin shell over the libraries. Two executables carry it:
/// `kartograf` has the commands over files and the SQLite registry; `kartograf-server` has them
/// too, with the desk (`serve`) and the PostgreSQL registry, and the web and network libraries
/// those need. `kartograf` hands a command that needs them over to `kartograf-server`
/// (`ServerCommands`), so that a run over files maps none of that code.
public enum KartografCommandLine {
    /// The commands both executables have.
    public static let commands: [any ParsableCommand.Type] = [
        ExtractCommand.self, DumpCommand.self, DeadlineCommand.self, ResponsiblesCommand.self,
        RunCommand.self, WatchCommand.self, StatusCommand.self,
        TemplateCommand.self, FillCommand.self, ReportCommand.self, CorrectCommand.self, BenchCommand.self,
    ]

    /// The root command's configuration, with `subcommands`.
    public static func configuration(subcommands: [any ParsableCommand.Type]) -> CommandConfiguration {
        CommandConfiguration(
            commandName: "kartograf",
            abstract: "Проверка и разбор дорожных карт наставничества из файлов Word.",
            discussion: "Рабочее место методиста в браузере — «kartograf serve», перенос реестра на сервер PostgreSQL — "
                + "«kartograf registry copy» (справка: kartograf serve --help, kartograf registry copy --help).",
            version: "kartograf \(kartografVersion) (схема реестра: \(Registry.schemaVersion))",
            subcommands: subcommands)
    }

    /// Runs the command the process's arguments name under `root`, and exits.
    public static func main<Root: ParsableCommand>(_ root: Root.Type) -> Never {
        // A batch allocates and frees the same large buffers (zip windows, XML buffers, outputs)
        // for every file. By default glibc hands the big ones back to the kernel each time and
        // faults them in again. Keep buffers up to 4 MiB in the heap (those of ordinary files);
        // larger ones, which only a very long document needs (its JSON, its row arrays), are mapped
        // apart and go back to the kernel when freed, so that they do not stay in the heap as garbage.
        _ = mallopt(M_MMAP_THRESHOLD, 4 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 128 << 20)

        // libzip turns every entry's DOS time into a time_t with mktime, and with TZ unset glibc
        // stats /etc/localtime on each such call to see whether it changed: eight stats per input.
        // Naming the same zone file once makes glibc read it once; times are unchanged.
        if getenv("TZ") == nil { setenv("TZ", ":/etc/localtime", 0) }

        // Usage errors exit with 2, as cli.md says (ArgumentParser's default is 64).
        do {
            var command = try root.parseAsRoot()
            try requireInstalledData()
            try command.run()
            exit(0)
        } catch {
            let code = root.exitCode(for: error)
            if code == .validationFailure {
                // Our own usage errors are Russian sentences: shown as they are, with where to find help.
                if error is ValidationError {
                    printError("Ошибка: \(root.message(for: error))")
                    printError("Справка: kartograf --help, kartograf <команда> --help.")
                } else {
                    printError(root.fullMessage(for: error))
                }
                exit(2)
            }
            root.exit(withError: error)
        }
    }
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
public func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Writes text to standard output, UTF-8, unbuffered by Swift's print.
func printOut(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
