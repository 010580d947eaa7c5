import Foundation
import Registry

/// A registry on a PostgreSQL server, as a command names it: `postgres://user:password@host:port/db?sslmode=require`.
///
/// `display` is what every message shows: the URL without its password, so that neither a log nor
/// a methodist's screen ever carries it.
public struct PostgresLocation: Sendable, Equatable {
    /// How the connection is encrypted, as libpq's `sslmode` says it.
    public enum TLSMode: String, Sendable, Equatable {
        /// Plain text.
        case disable
        /// Plain text (libpq would try TLS first; a loopback or trusted network does not need it).
        case allow, prefer
        /// Encrypted, the server's certificate not checked.
        case require
        /// Encrypted, the certificate checked against the system's authorities (and, for `verify-full`, the host name).
        case verifyCA = "verify-ca", verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    /// The URL without its password (and without any query but `sslmode`).
    public var display: String {
        var text = "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host)"
        if port != 5432 { text += ":\(port)" }
        text += "/\(database)"
        if tls != .disable && tls != .prefer { text += "?sslmode=\(tls.rawValue)" }
        return text
    }

    public init(host: String, port: Int = 5432, user: String, password: String? = nil, database: String,
                tls: TLSMode = .prefer) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// Reads a `postgres://` URL; a URL that does not name a user, a host and a database is refused in
    /// Russian, without repeating the text (it may hold a password).
    public init(url text: String) throws(RegistryError) {
        let usage = "адрес реестра должен иметь вид postgres://пользователь:пароль@сервер:порт/база (порт и пароль "
            + "необязательны; ?sslmode=require — шифровать соединение)"
        guard isServerRegistry(text), let parts = URLComponents(string: text), let host = parts.host, !host.isEmpty,
              let user = parts.user, !user.isEmpty else {
            throw RegistryError.badLocation(reason: usage)
        }
        let database = String(parts.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw RegistryError.badLocation(reason: usage) }
        var tls = TLSMode.prefer
        for item in parts.queryItems ?? [] where item.name == "sslmode" {
            guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                throw RegistryError.badLocation(
                    reason: "sslmode может быть disable, prefer, require, verify-ca или verify-full")
            }
            tls = mode
        }
        self.init(host: host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host, port: parts.port ?? 5432,
                  user: user, password: parts.password, database: database.removingPercentEncoding ?? database,
                  tls: tls)
    }
}
