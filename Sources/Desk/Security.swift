import Foundation
import HTTPTypes
import Hummingbird
import Registry

extension HTTPField.Name {
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
    static let fileName = HTTPField.Name("X-File-Name")!
    static let csp = HTTPField.Name("Content-Security-Policy")!
    static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}

/// Headers every response carries: the Content-Security-Policy (only the desk's own script and
/// styles, no inline code, no other origin, not framed), no type sniffing, no referrer.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = DeskContext
    static let policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: DeskContext,
                next: (Request, DeskContext) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = Page.message(status: error.status, title: "Ошибка",
                                    text: error.body ?? error.status.reasonPhrase)
        } catch let error as RegistryError where error.isUnavailable {
            // The registry's server gone or kept busy: the page may be asked again later.
            response = Page.message(status: .serviceUnavailable, title: "Реестр недоступен", text: error.pageText)
            response.headers[.retryAfter] = "30"
        } catch {
            // The registry's and the pipeline's errors read in Russian as they are.
            response = Page.message(status: .internalServerError, title: "Ошибка", text: "\(error)")
        }
        if response.headers[.csp] == nil { response.headers[.csp] = Self.policy }
        response.headers[.contentTypeOptions] = "nosniff"
        response.headers[.frameOptions] = "DENY"
        response.headers[.referrerPolicy] = "no-referrer"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// Finds or starts the visitor's session; without the password (when one is required) only the
/// login page and the static files are served; every POST must carry the session's CSRF token,
/// in the `X-CSRF-Token` header or the form's `csrf` field.
struct SessionGate: RouterMiddleware {
    typealias Context = DeskContext
    let sessions: Sessions
    let passwordRequired: Bool
    let maxFormBytes: Int

    static let open: Set<String> = ["/login", "/static/desk.css", "/static/desk.js"]

    func handle(_ request: Request, context: DeskContext,
                next: (Request, DeskContext) async throws -> Response) async throws -> Response {
        var context = context
        var fresh = false
        var session = sessions.find(request.cookies[Sessions.cookie]?.value)
        if session == nil {
            session = sessions.create(authenticated: !passwordRequired)
            fresh = true
        }
        context.session = session
        let path = request.uri.path
        if request.method == .post {
            var token = request.headers[.csrfToken]
            if token == nil, request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
                let body = try await request.body.collect(upTo: maxFormBytes)
                context.form = Form.parse(String(buffer: body))
                token = context.form["csrf"]
            }
            guard !fresh, let token, Sessions.same(token, session!.csrf) else {
                return Page.message(status: .forbidden, title: "Запрос отклонён",
                                    text: "Форма устарела или отправлена не со страницы kartograf: обновите страницу и повторите.")
            }
        }
        if !session!.authenticated && !Self.open.contains(path) {
            if request.method == .get {
                var r = Response.redirect(to: "/login", type: .found)
                if fresh { r.setCookie(Self.cookie(session!)) }
                return r
            }
            return Page.message(status: .unauthorized, title: "Нужен вход", text: "Войдите, указав пароль.")
        }
        var response = try await next(request, context)
        if fresh { response.setCookie(Self.cookie(session!)) }
        return response
    }

    static func cookie(_ s: Session) -> Cookie {
        Cookie(name: Sessions.cookie, value: s.id, path: "/", httpOnly: true, sameSite: .strict)
    }
}

/// `application/x-www-form-urlencoded` fields.
enum Form {
    static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            let key = decode(parts[0])
            if fields[key] == nil { fields[key] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return fields
    }
}

extension RegistryError {
    /// Whether the registry cannot answer now (its server is gone, or another process holds it too long),
    /// rather than refusing what was asked.
    var isUnavailable: Bool {
        switch self {
        case .unreachable, .busy: return true
        default: return false
        }
    }

    /// What a page the registry could not answer says instead.
    var pageText: String {
        guard case let .unreachable(path, reason) = self else { return description }
        return "Сервер реестра «\(path)» недоступен (\(reason)): страница не показана. Обновите её, когда сервер снова "
            + "будет доступен; файлы, положенные во входящие, не потеряны."
    }
}
