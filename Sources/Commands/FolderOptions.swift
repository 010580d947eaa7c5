import ArgumentParser
import Foundation
import Model
import Organisations
import Pipeline
import Registry
import Text

/// Where a command finds its home: the inbox, results and registry (`--home`, `$KARTOGRAF_HOME`, `~/kartograf`).
public struct HomeOption: ParsableArguments {
    public init() {}

    @Option(name: .long, help: "Домашняя папка: в ней входящие («Входящие»), результаты и реестр (по умолчанию $KARTOGRAF_HOME или ~/kartograf).")
    public var home: String?

    public var resolved: Home { Home.resolve(home) }
}

/// Which registry a command uses: `--registry`, `$KARTOGRAF_REGISTRY`, else the SQLite file in the results folder.
public struct RegistryOption: ParsableArguments {
    public init() {}

    @Option(name: .long, help: "Реестр: путь к файлу SQLite или адрес сервера postgres://пользователь@сервер/база (?sslmode=require — шифровать); по умолчанию $KARTOGRAF_REGISTRY или kartograf.sqlite в папке результатов.")
    var registry: String?

    /// The registry's location for results in `output`.
    public func location(output: String) -> String { registryLocation(registry, output: output) }

    /// Opens the registry for results in `output`; `nil` when it is the default SQLite file (which the
    /// pipeline opens itself). A failure is said in Russian and ends the command.
    public func openExplicit(output: String) throws -> (any RegistryStore)? {
        let location = location(output: output)
        return location == defaultRegistryPath(output: output) ? nil : try open(location)
    }

    func open(_ location: String) throws -> any RegistryStore {
        try sayingRegistryError(exitCode: 2) { try openRegistry(location) }
    }
}

/// Runs `body`; a registry's failure is said in Russian and ends the command with `exitCode`
/// (3 when the registry is busy or its disk full).
func sayingRegistryError<T>(exitCode: Int32, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as RegistryError {
        printError(error.description)
        throw ExitCode(error.isBusyOrFull ? 3 : exitCode)
    }
}

/// What `run` and `watch` share: where results go, whether inputs stay, which templates.
public struct FolderOptions: ParsableArguments {
    public init() {}

    @Argument(help: "Папка входящих файлов (по умолчанию «Входящие» домашней папки).")
    public var inbox: String?

    @OptionGroup public var home: HomeOption

    @OptionGroup public var registry: RegistryOption

    @Option(name: .long, help: "Папка результатов и реестра (по умолчанию — домашняя папка).")
    public var out: String?

    @Flag(name: .long, help: "Копировать исходные файлы, а не переносить (папка входящих остаётся как была).")
    public var keepInputs = false

    @Option(name: .long, help: "Папка шаблонов отчётов (protocol.docx); по умолчанию — из $KARTOGRAF_DATA_DIR, «Шаблоны» домашней папки или установленные с программой, иначе встроенный шаблон.")
    public var templates: String?

    /// The results folder: `--out`, else the home.
    public var output: String { out ?? home.resolved.root }

    /// The folder holding the protocol template to use (`nil`: the built-in one).
    public var protocolTemplates: String? {
        TemplateLocation.find("protocol.docx", folder: templates, home: home.resolved).map(PathText.parent)
    }

    @Option(name: .long, help: "Список организаций муниципалитета: CSV (официальное наименование; краткое; другие написания) или текст, по наименованию в строке. По умолчанию — «организации.csv» в папке результатов, если он там есть.")
    public var roster: String?

    /// The inbox and a pipeline over it, as these options ask (`workers`: `nil` for one per core).
    /// A pipeline that cannot start is said in Russian and ends the command.
    func openPipeline(workers: Int? = nil) throws -> (inbox: String, pipeline: FolderPipeline) {
        let inbox = try self.inbox ?? homeInbox(home.resolved)
        let roster = try loadRoster(self.roster, defaultFolder: output, keep: true)
        let registry = try self.registry.openExplicit(output: output)
        do {
            var options = PipelineOptions(
                inbox: inbox, output: output, keepInputs: keepInputs,
                workers: workers ?? ProcessInfo.processInfo.activeProcessorCount,
                protocolWriters: protocolWriters(templates: protocolTemplates, output: output, home: home.resolved),
                roster: roster)
            options.registry = registry
            return (inbox, try FolderPipeline(options: options))
        } catch {
            printError(error.description)
            throw ExitCode(error.stopsTheRun ? 3 : 2)
        }
    }
}

/// The roster named by `--roster`, else `организации.csv` in `folder` when it is there; a roster that
/// cannot be read is a usage error. With `keep`, a roster named by `--roster` is also copied into
/// `folder` as `организации.csv` when none is there, so that `report quarterly` over that folder
/// knows the same organisations.
public func loadRoster(_ explicit: String?, defaultFolder folder: String, keep: Bool = false) throws -> Roster? {
    let kept = PathText.appending(folder, Roster.fileName)
    guard explicit != nil || FileManager.default.fileExists(atPath: kept) else { return nil }
    let path = explicit ?? kept
    do {
        let roster = try Roster.load(path: path)
        if keep, explicit != nil, !roster.entries.isEmpty, !FileManager.default.fileExists(atPath: kept) {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try? FileManager.default.copyItem(atPath: path, toPath: kept)
        }
        if roster.entries.isEmpty { printError("В списке организаций «\(path)» нет ни одной строки: он не используется.") }
        return roster.entries.isEmpty ? nil : roster
    } catch {
        throw ValidationError("Не удалось прочитать список организаций «\(path)»: \(error.localizedDescription)")
    }
}
