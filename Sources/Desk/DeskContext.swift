import Hummingbird

/// The request context of the desk: the visitor's session and, for a form, its fields
/// (read and checked against the session's CSRF token before any handler sees the request).
public struct DeskContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var session: Session?
    public var form: [String: String] = [:]

    public init(source: Source) {
        coreContext = .init(source: source)
    }
}
