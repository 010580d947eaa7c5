import Foundation
import Registry

/// What only `kartograf-server` does: the desk (`serve`), moving a registry to a server (`registry`),
/// and any command whose registry is on a PostgreSQL server. `kartograf` hands these over to it.
public enum ServerCommands {
    /// The executable beside `kartograf` that carries them.
    public static let executableName = "kartograf-server"

    /// Whether `arguments` (without the program's name), with `environment`, ask for one of them.
    public static func needed(arguments: [String], environment: [String: String]) -> Bool {
        let command = arguments.first == "help" ? arguments.dropFirst().first : arguments.first
        if command == "serve" || command == "registry" { return true }
        if let named = environment[registryEnvironmentVariable], isServerRegistry(named) { return true }
        // `--registry URL`, `--registry=URL`, `--to URL`: a server's URL anywhere.
        return arguments.contains { argument in
            isServerRegistry(argument) || argument.split(separator: "=", maxSplits: 1).dropFirst().contains { isServerRegistry(String($0)) }
        }
    }

    /// Replaces this process with `kartograf-server` beside it, given the same arguments. Returns only
    /// when that cannot be done, after saying why in Russian (exit 2).
    public static func handOver(arguments: [String]) -> Never {
        let path = Bundle.main.bundleURL.appendingPathComponent(executableName).path
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        let reason = String(cString: strerror(errno))
        printError("Эту команду выполняет программа \(executableName) (рабочее место, реестр на сервере PostgreSQL), "
                   + "но её не удалось запустить («\(path)»: \(reason)). Установите kartograf заново командой scripts/setup.")
        exit(2)
    }
}
