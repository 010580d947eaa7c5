import Foundation
import PostgresNIO
import Registry

/// One connection to the registry's server, used synchronously: the registry's interface is
/// synchronous (the pipeline calls it from its worker threads), postgres-nio is asynchronous.
///
/// The bridge blocks the calling thread on a future that completes on this type's own event loop
/// group, one thread no other code runs on; so a caller never waits for the thread it occupies,
/// whether it is a plain thread or a task of Swift's cooperative pool (where the wait holds one of
/// the pool's threads, as any blocking registry call does, but cannot deadlock). One lock lets one
/// transaction at a time use the connection; other processes are other connections, and the
/// server orders their transactions.
final class PostgresLink: @unchecked Sendable {
    /// The registry's own loop: never shared with a server or another library of the process.
    private static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    let location: PostgresLocation
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    /// Guards `connection` and serialises its use (`NSLock`: held while the calling thread waits).
    private let lock = NSLock()
    private var connection: PostgresConnection?
    private var inFlight: InFlight?
    private var state: SessionState?

    init(_ location: PostgresLocation) throws {
        self.location = location
        var logger = Logger(label: "kartograf.registry")
        // postgres-nio logs nothing at this level; the connection's settings never reach a log.
        logger.logLevel = .critical
        self.logger = logger
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch location.tls {
            case .disable, .allow, .prefer:
                tls = .disable
            case .require:
                var settings = TLSConfiguration.makeClientConfiguration()
                settings.certificateVerification = .none
                tls = .require(try NIOSSLContext(configuration: settings))
            case .verifyCA:
                var settings = TLSConfiguration.makeClientConfiguration()
                settings.certificateVerification = .noHostnameVerification
                tls = .require(try NIOSSLContext(configuration: settings))
            case .verifyFull:
                tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw RegistryError.failed(path: location.display, reason: "не удалось подготовить шифрование (TLS)")
        }
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: tls)
        configuration.options.connectTimeout = .seconds(15)
        self.configuration = configuration
        try withSession { _ in }
    }

    deinit {
        // Waited for: postgres-nio requires a connection closed before it is released.
        if let connection { Self.close(connection) }
    }

    /// Closes a connection and waits until it is (a broken one closes at once).
    private static func close(_ connection: PostgresConnection) {
        let closing: EventLoopFuture<Void> = connection.close()
        try? closing.wait()
    }

    /// Runs `body` with the connection, connecting first if there is none (the last one broke).
    /// A connection that breaks is dropped, so that a long-running `watch` reconnects at its next file.
    func withSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let live: PostgresConnection
        let queries: InFlight
        let sessionState: SessionState
        if let connection, let inFlight, let state, !connection.isClosed {
            live = connection
            queries = inFlight
            sessionState = state
        } else {
            if let connection { Self.close(connection) }
            connection = nil
            do {
                live = try PostgresConnection.connect(
                    on: Self.group.next(), configuration: configuration, id: 1, logger: logger).wait()
            } catch {
                throw PostgresFailure.reading(error, location: location.display)
            }
            queries = InFlight()
            sessionState = SessionState()
            live.closeFuture.whenComplete { _ in queries.connectionClosed() }
            connection = live
            inFlight = queries
            state = sessionState
        }
        do {
            return try body(PostgresSession(connection: live, inFlight: queries, state: sessionState, logger: logger,
                                            display: location.display))
        } catch let error as RegistryError {
            if case .unreachable = error {
                connection = nil
                Self.close(live)
            }
            throw error
        }
    }
}

/// The connection inside `PostgresLink.withSession`: statements run one after another, in the order sent.
///
/// A statement whose answer is not needed to go on (`send(later:)`: rows written, none read) is not
/// waited for: the server runs a connection's statements in order, so it runs while the caller goes
/// on, and its failure is thrown by the next statement that is waited for (`run`, or the commit). Each
/// statement waited for costs a round trip to the server, the most of a file's time in its registry.
struct PostgresSession {
    let connection: PostgresConnection
    let inFlight: InFlight
    let state: SessionState
    let logger: Logger
    let display: String

    /// Runs one statement and returns its rows; a failure is the registry's Russian error (the first
    /// failure of the statements sent before it without waiting, if one failed).
    @discardableResult
    func run(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> [PostgresRow] {
        try run(PostgresQuery(unsafeSQL: sql, binds: binds))
    }

    @discardableResult
    func run(_ query: PostgresQuery) throws -> [PostgresRow] {
        let answer = send(query)
        try settle()
        do {
            return try answer.wait().rows
        } catch {
            throw PostgresFailure.reading(error, location: display)
        }
    }

    /// Sends a statement without waiting for it (see the type's note).
    func send(later sql: String, _ binds: PostgresBindings = PostgresBindings()) {
        send(later: PostgresQuery(unsafeSQL: sql, binds: binds))
    }

    func send(later query: PostgresQuery) {
        state.unanswered.append(send(query))
    }

    /// Waits for the statements sent without waiting; throws the first failure.
    func settle() throws {
        guard !state.unanswered.isEmpty else { return }
        let waiting = state.unanswered
        state.unanswered = []
        for answer in waiting {
            do {
                _ = try answer.wait()
            } catch {
                throw PostgresFailure.reading(error, location: display)
            }
        }
    }

    /// The department the session's user writes as (`kartograf_department()`), asked once a connection:
    /// statements name it as a value, which the server need not work out again for every row.
    func department() throws -> String {
        if let known = state.department { return known }
        let department = try run("SELECT kartograf_department()").first?.decode(String.self) ?? ""
        state.department = department
        return department
    }

    /// The statement's result, or its failure when the connection closes first: postgres-nio leaves
    /// a statement written to a connection that has just closed without an answer.
    private func send(_ query: PostgresQuery) -> EventLoopFuture<PostgresQueryResult> {
        let promise = connection.eventLoop.makePromise(of: PostgresQueryResult.self)
        guard let token = inFlight.add(promise) else {
            promise.fail(InFlight.ConnectionClosed())
            return promise.futureResult
        }
        connection.query(query, logger: logger).whenComplete { [inFlight] result in
            inFlight.remove(token)
            promise.completeWith(result)
        }
        return promise.futureResult
    }

    func inTransaction<T>(_ begin: [String], _ body: () throws -> T) throws -> T {
        try inTransaction(begin.map { PostgresQuery(unsafeSQL: $0) }, body)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws. The
    /// statements that begin it are sent without waiting; a failure of theirs is thrown by the first
    /// statement `body` waits for, or by the commit.
    func inTransaction<T>(_ begin: [PostgresQuery], _ body: () throws -> T) throws -> T {
        for query in begin { send(later: query) }
        let value: T
        do {
            value = try body()
        } catch {
            // A broken connection has rolled back by itself.
            _ = try? settle()
            _ = try? run("ROLLBACK")
            throw error
        }
        // Sent before the statements still unanswered are waited for: should one of them have failed,
        // the server ends the transaction with this COMMIT as a rollback, and `run` throws that failure.
        try run("COMMIT")
        return value
    }
}

/// What a connection keeps between statements (used under `PostgresLink`'s lock, as the connection is).
final class SessionState: @unchecked Sendable {
    // Sound: reached only by the session that holds `PostgresLink`'s lock.
    /// Statements sent without waiting, not yet waited for.
    var unanswered: [EventLoopFuture<PostgresQueryResult>] = []
    var department: String?
}

/// The statements of one connection not yet answered, failed together when the connection closes.
final class InFlight: @unchecked Sendable {
    struct ConnectionClosed: Error {}

    // Sound: the fields are only touched while `lock` is held.
    private let lock = NSLock()
    private var promises: [Int: EventLoopPromise<PostgresQueryResult>] = [:]
    private var next = 0
    private var closed = false

    /// Registers a statement's promise; `nil` when the connection has closed already.
    func add(_ promise: EventLoopPromise<PostgresQueryResult>) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return nil }
        next += 1
        promises[next] = promise
        return next
    }

    func remove(_ token: Int) {
        lock.lock()
        promises[token] = nil
        lock.unlock()
    }

    /// Fails every statement still waiting (a promise completed already ignores it).
    func connectionClosed() {
        lock.lock()
        closed = true
        let waiting = promises.values
        promises = [:]
        lock.unlock()
        for promise in waiting { promise.fail(ConnectionClosed()) }
    }
}

/// The registry's reading of what postgres-nio and the server report.
enum PostgresFailure {
    static func reading(_ error: any Error, location: String) -> any Error {
        if error is RegistryError { return error }
        guard let error = error as? PSQLError else {
            // A refused or dropped socket, a timed-out connect, a TLS handshake that failed.
            return RegistryError.unreachable(path: location, reason: "нет соединения с сервером")
        }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? "код \(state)"
            switch state {
            case "42501": return RegistryError.denied(path: location)
            case "28P01", "28000":
                return RegistryError.failed(path: location, reason: "сервер не принял пользователя или пароль")
            case "3D000": return RegistryError.failed(path: location, reason: "на сервере нет такой базы")
            case "40001", "40P01", "55P03": return RegistryError.busy(path: location)
            case "53100": return RegistryError.failed(path: location, reason: "на сервере кончилось место на диске")
            case "23505", "23P01", "23503":
                return RegistryError.failed(path: location, reason: "нарушено ограничение базы (\(message))")
            case _ where state.hasPrefix("08") || state.hasPrefix("57P"):
                return RegistryError.unreachable(path: location, reason: "сервер прервал соединение")
            default:
                return RegistryError.failed(path: location, reason: message)
            }
        case .sslUnsupported:
            return RegistryError.failed(path: location, reason: "сервер не поддерживает шифрование (TLS), а адрес его требует")
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown:
            return RegistryError.unreachable(path: location, reason: "соединение с сервером прервано")
        case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
            return RegistryError.failed(path: location, reason: "сервер требует пароль или другой способ входа")
        default:
            return RegistryError.failed(path: location, reason: "ошибка обмена с сервером (\(error.code))")
        }
    }
}
