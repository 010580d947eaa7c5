import Foundation
import Synchronization

/// The environment variable naming the registry when a command has no `--registry`.
public let registryEnvironmentVariable = "KARTOGRAF_REGISTRY"

/// Where a command's registry is: `explicit` (`--registry`), else `$KARTOGRAF_REGISTRY`, else the
/// SQLite file in the output folder.
public func registryLocation(_ explicit: String?, output: String) -> String {
    if let explicit, !explicit.isEmpty { return explicit }
    if let named = ProcessInfo.processInfo.environment[registryEnvironmentVariable], !named.isEmpty { return named }
    return defaultRegistryPath(output: output)
}

/// The SQLite registry of a results folder, used when nothing else is named.
public func defaultRegistryPath(output: String) -> String {
    (output as NSString).appendingPathComponent(Registry.fileName)
}

/// Whether `location` names a registry on a PostgreSQL server rather than an SQLite file.
public func isServerRegistry(_ location: String) -> Bool {
    location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
}

/// Whether a registry exists at `location` without creating one (a server is asked when opened).
public func registryExists(_ location: String) -> Bool {
    isServerRegistry(location) || FileManager.default.fileExists(atPath: location)
}

/// Opens (creating and migrating as needed) the registry `location` names: the path of an SQLite
/// file (`Registry`, the default), or a server's URL, through the back-end the executable
/// registered (`kartograf-server` links PostgreSQL; `kartograf` hands such commands to it).
public func openRegistry(_ location: String) throws -> any RegistryStore {
    guard isServerRegistry(location) else { return try Registry(path: location) }
    guard let open = serverRegistryBackend.withLock({ $0 }) else {
        throw RegistryError.badLocation(reason: "реестр на сервере PostgreSQL открывает программа kartograf-server, "
            + "а её нет рядом с kartograf. Установите kartograf заново командой scripts/setup.")
    }
    return try open(location)
}

/// Makes `openRegistry` open server URLs with `open`: called once, at the start of an executable
/// that links a server back-end.
public func registerServerRegistry(_ open: @escaping @Sendable (String) throws -> any RegistryStore) {
    serverRegistryBackend.withLock { $0 = open }
}

private let serverRegistryBackend = Mutex<(@Sendable (String) throws -> any RegistryStore)?>(nil)
