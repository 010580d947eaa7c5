import Foundation
import Registry

extension PostgresRegistry {
    /// Lets `openRegistry` open `postgres://` locations: called at the start of `kartograf-server`.
    public static func register() {
        registerServerRegistry { try PostgresRegistry(url: $0) }
    }
}

/// How `location` is named in messages: a URL without its password, a path as it is.
public func registryDisplayName(_ location: String) -> String {
    guard isServerRegistry(location) else { return location }
    return (try? PostgresLocation(url: location).display) ?? "postgres://…"
}
