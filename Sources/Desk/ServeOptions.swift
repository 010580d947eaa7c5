import Foundation
import Pipeline
import Text

/// How the desk is served: where its home is, which address it listens on, who may use it.
public struct ServeOptions: Sendable {
    /// The methodist's home: inbox, results and registry, shared with `run` and `watch`.
    public var home: Home
    public var host: String
    public var port: Int
    /// The password a visitor must give; required for any address other than loopback.
    public var password: String?
    /// The pipeline's settings (protocol templates, roster…); its inbox and output are the home's.
    public var pipeline: PipelineOptions
    /// The folder of report templates (`quarterly.docx`), as `report quarterly --templates`; `nil`: found as
    /// `report quarterly` finds it. Without a template the quarter's archive holds each submission's data (.json).
    public var templates: String?
    public var limits: DeskLimits
    /// Seconds a file dropped in the inbox must stay unchanged before it is taken (as `watch --settle`).
    public var settle: Double = 1

    public init(home: Home, host: String = "127.0.0.1", port: Int = 8080, password: String? = nil,
                pipeline: PipelineOptions? = nil, limits: DeskLimits = DeskLimits()) {
        self.home = home
        self.host = host
        self.port = port
        self.password = password
        self.pipeline = pipeline ?? PipelineOptions(inbox: home.inbox, output: home.root)
        self.pipeline.inbox = home.inbox
        self.pipeline.output = home.root
        self.limits = limits
    }

    /// Whether `host` is a loopback address, which may be served without a password.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// `127.0.0.1:8080`, `[::1]:8080`, `0.0.0.0:80` → host and port; `nil` when it cannot be read.
    public static func parseListen(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = String(text[..<colon])
        guard let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port), !host.isEmpty else { return nil }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host, port)
    }
}

/// What one visitor may send.
public struct DeskLimits: Sendable {
    /// Largest file accepted, in bytes.
    public var maxFileBytes: Int = 50 * 1024 * 1024
    /// Uploaded files waiting to be processed at once; more are refused until some are done.
    public var maxQueuedUploads: Int = 200
    /// Largest form (not a file) accepted, in bytes.
    public var maxFormBytes: Int = 64 * 1024
    /// Sessions kept at once (the oldest are forgotten first).
    public var maxSessions: Int = 1000

    public init() {}

    /// The extensions accepted for upload, as the folder pipeline reads them.
    public static let extensions: Set<String> = ["docx", "doc", "rtf", "odt"]
}
