import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import JSON
import Logging
import Model
import Pipeline
import Registry
import Reports
import ServiceLifecycle
import Text

/// The methodist's desk: `kartograf serve`. A web app in Russian over the home folder and its
/// registry, with the inbox watched at the same time, so files dropped in the folder and files
/// uploaded in the browser go through one pipeline and one registry.
public final class Desk: Sendable {
    public let options: ServeOptions
    public let worker: DeskWorker
    let sessions: Sessions
    let files: HomeFiles
    /// The methodist's corrections, kept in the same registry.
    let corrections: CorrectionDesk

    public init(options: ServeOptions) throws(PipelineError) {
        self.options = options
        worker = try DeskWorker(options: options)
        sessions = Sessions(limit: options.limits.maxSessions)
        files = HomeFiles(root: options.home.root)
        do {
            corrections = try CorrectionDesk(output: options.home.root, registry: worker.registry,
                                             protocolWriters: options.pipeline.protocolWriters)
        } catch {
            throw .io(action: "открыть исправления", path: options.home.root, reason: error.description)
        }
    }

    var registry: any RegistryStore { worker.registry }
    var passwordRequired: Bool { options.password != nil }

    /// Serves until SIGINT/SIGTERM; the pipeline's thread runs meanwhile. `onRunning` gets the bound port.
    /// A failure that stops the pipeline (the registry's server gone, a full disk) ends the desk too, as it
    /// ends `watch`: `worker.pipeline.stopReason` then says why, and the next start resumes where it stopped.
    public func run(onRunning: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        worker.start()
        defer { worker.stop() }
        var logger = Logger(label: "kartograf-serve")
        logger.logLevel = .warning
        let app = Application(router: router(), configuration: .init(address: .hostname(options.host, port: options.port),
                                                                     serverName: "kartograf"),
                              onServerRunning: { channel in onRunning(channel.localAddress?.port ?? 0) },
                              logger: logger)
        let server = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint],
                                                       logger: logger))
        try await withThrowingTaskGroup(of: Bool.self) { [worker] tasks in
            tasks.addTask { try await server.run(); return true }
            tasks.addTask {
                while worker.pipeline.stopReason == nil { try await Task.sleep(for: .milliseconds(250)) }
                await server.triggerGracefulShutdown()
                return false
            }
            // Until the server has ended (by a signal, or by the pipeline's stop); the watch ends with it.
            for try await serverEnded in tasks where serverEnded { break }
            tasks.cancelAll()
        }
    }

    /// The routes; tests drive them with HummingbirdTesting's router client.
    public func router() -> Router<DeskContext> {
        let router = Router(context: DeskContext.self)
        router.middlewares.add(SecurityHeaders())
        router.middlewares.add(SessionGate(sessions: sessions, passwordRequired: passwordRequired,
                                           maxFormBytes: options.limits.maxFormBytes))
        router.get("/") { _, _ in Response.redirect(to: "/inbox", type: .found) }
        router.get("/static/desk.css") { _, _ in
            Page.bytes(Array(Views.shared.css.utf8), type: "text/css; charset=utf-8")
        }
        router.get("/static/desk.js") { _, _ in
            Page.bytes(Array(Views.shared.js.utf8), type: "text/javascript; charset=utf-8")
        }
        router.get("/login") { [self] _, context in
            Page.html("login", base(context, title: "Вход"))
        }
        router.post("/login") { [self] _, context in try await login(context) }
        router.post("/logout") { [self] _, context in
            if let s = context.session { sessions.remove(s.id) }
            var r = Response.redirect(to: "/login", type: .normal)
            r.setCookie(Cookie(name: Sessions.cookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
            return r
        }
        router.get("/inbox") { [self] _, context in try inboxPage(context) }
        router.post("/upload") { [self] request, context in try await upload(request, context) }
        router.get("/upload/{id}") { [self] _, context in
            guard let id = context.parameters.get("id"), let s = worker.status(id) else {
                return Page.json(#"{"state":"unknown","message":"загрузка не найдена"}"#, status: .notFound)
            }
            return Page.json(Self.statusJSON(s))
        }
        router.get("/organisations") { [self] _, context in try organisationsPage(context) }
        router.get("/file/{id}") { [self] _, context in
            guard let id = context.parameters.get("id", as: Int64.self) else { throw HTTPError(.notFound) }
            return try filePage(id, context)
        }
        router.get("/quarter") { [self] request, context in try quarterPage(request, context) }
        router.get("/quarter/{q}/summary.xlsx") { [self] _, context in try quarterWorkbook(context) }
        router.get("/quarter/{q}/submissions.zip") { [self] _, context in try quarterArchive(context) }
        router.get("/quarter/{q}/submission/{n}") { [self] _, context in try quarterSubmission(context) }
        router.get("/files/**") { [self] request, _ in try homeFile(request) }
        correctionRoutes(router)
        return router
    }

    // MARK: Pieces every page has

    /// What the layout needs: the title, the visitor's CSRF token, which tab is open.
    func base(_ context: DeskContext, title: String, tab: String? = nil) -> [String: Any] {
        var data: [String: Any] = [
            "title": title,
            "csrf": context.session?.csrf ?? "",
            "signedIn": context.session?.authenticated ?? false,
            "canSignOut": passwordRequired && (context.session?.authenticated ?? false),
            "home": options.home.root,
        ]
        if let tab { data["tab_" + tab] = true }
        if let s = context.session, let flash = sessions.takeFlash(s.id) { data["flash"] = flash }
        return data
    }

    // MARK: Login

    func login(_ context: DeskContext) async throws -> Response {
        guard let password = options.password else { return Response.redirect(to: "/inbox", type: .normal) }
        guard Sessions.same(context.form["password"] ?? "", password) else {
            try await Task.sleep(for: .milliseconds(300))  // slows guessing
            var data = base(context, title: "Вход")
            data["error"] = "Неверный пароль."
            return Page.html("login", data, status: .unauthorized)
        }
        // A new session on login: an id seen before the password is never the signed-in one.
        if let old = context.session { sessions.remove(old.id) }
        let session = sessions.create(authenticated: true)
        var r = Response.redirect(to: "/inbox", type: .normal)
        r.setCookie(SessionGate.cookie(session))
        return r
    }

    // MARK: Files of the home

    func homeFile(_ request: Request) throws -> Response {
        let path = request.uri.path
        let prefix = "/files/"
        guard path.hasPrefix(prefix), let parts = HomeFiles.components(encoded: String(path.dropFirst(prefix.count))),
              let real = files.resolve(parts) else {
            return Page.message(status: .notFound, title: "Файл не найден",
                                text: "Такого файла нет в домашней папке kartograf.")
        }
        guard let data = FileManager.default.contents(atPath: real) else { throw HTTPError(.notFound) }
        let name = parts.last!
        var response = Page.bytes([UInt8](data), type: Page.type(ofFile: name), name: name,
                                  inline: name.lowercased().hasSuffix(".html"))
        // A protocol page shown in the browser keeps its own styles and runs nothing.
        response.headers[.csp] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"
        return response
    }

    static func statusJSON(_ s: UploadStatus) -> String {
        JSONWriter(indent: 0).string(.object([
            ("id", .string(s.id)), ("name", .string(s.name)), ("state", .string(s.state.rawValue)),
            ("message", .string(s.message)), ("link", s.link.map(JSONValue.string) ?? .null),
        ]))
    }
}
