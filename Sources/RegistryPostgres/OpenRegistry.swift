import Foundation
import Registry

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

/// Opens (creating and migrating as needed) the registry `location` names: a `postgres://` URL
/// (`PostgresRegistry`), or the path of an SQLite file (`Registry`, the default).
public func openRegistry(_ location: String) throws -> any RegistryStore {
    if PostgresLocation.isURL(location) { return try PostgresRegistry(url: location) }
    return try Registry(path: location)
}

/// Whether a registry exists at `location` without creating one (a server is asked when opened).
public func registryExists(_ location: String) -> Bool {
    PostgresLocation.isURL(location) || FileManager.default.fileExists(atPath: location)
}

/// How `location` is named in messages: a URL without its password, a path as it is.
public func registryDisplayName(_ location: String) -> String {
    guard PostgresLocation.isURL(location) else { return location }
    return (try? PostgresLocation(url: location).display) ?? "postgres://…"
}
