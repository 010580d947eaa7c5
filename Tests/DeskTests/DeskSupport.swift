import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Pipeline
import Registry
import TestSupport
import XCTest
@testable import Desk

/// A temporary home whose registry is filled by a real run over the dev corpus.
struct TestHome {
    let root: String
    var home: Home { Home(root: root) }

    init() throws {
        root = NSTemporaryDirectory() + "kartograf-desk-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: Home(root: root).inbox, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: root) }

    /// Copies the dev corpus's Word files into the inbox and runs the folder pipeline over them.
    func fillFromDevCorpus() throws -> [String] {
        let dev = try Shared.require("corpus/dev")
        let names = try FileManager.default.contentsOfDirectory(atPath: dev).filter { $0.hasSuffix(".docx") }.sorted()
        XCTAssertFalse(names.isEmpty, "the dev corpus has .docx files")
        for name in names { try FileManager.default.copyItem(atPath: dev + "/" + name, toPath: home.inbox + "/" + name) }
        let pipeline = try FolderPipeline(options: PipelineOptions(inbox: home.inbox, output: root, workers: 2))
        let summary = pipeline.runInbox()
        pipeline.close()
        XCTAssertEqual(summary.files.filter { $0.outcome == .processed }.count, names.count)
        return names
    }

    /// The desk on this home; on `registry` when given (as `serve --registry`), else on the home's SQLite file.
    func desk(password: String? = nil, limits: DeskLimits = DeskLimits(), registry: (any RegistryStore)? = nil) throws -> Desk {
        var options = ServeOptions(home: home, password: password, limits: limits)
        options.pipeline.workers = 2
        options.pipeline.registry = registry
        options.settle = 0.2
        return try Desk(options: options)
    }

    /// A new home (filled from the dev corpus when asked) with its desk, whose pipeline thread is
    /// not started; both are cleaned up after `body`.
    static func withDesk(password: String? = nil, limits: DeskLimits = DeskLimits(), filled: Bool = false,
                         _ body: (TestHome, Desk) async throws -> Void) async throws {
        let home = try TestHome()
        defer { home.cleanUp() }
        if filled { _ = try home.fillFromDevCorpus() }
        let desk = try home.desk(password: password, limits: limits)
        defer { desk.worker.stop() }
        try await body(home, desk)
    }
}

/// A visitor: the session cookie and the CSRF token read from a page.
struct Visitor {
    var cookie: String
    var csrf: String

    static func arrive(_ client: some TestClientProtocol, at uri: String = "/inbox") async throws -> Visitor {
        try await client.execute(uri: uri, method: .get) { r in
            let set = try XCTUnwrap(r.headers[.setCookie], "a first visit gets a session cookie")
            let body = String(buffer: r.body)
            return Visitor(cookie: String(set.split(separator: ";")[0]), csrf: Self.token(in: body) ?? "")
        }
    }

    static func token(in html: String) -> String? {
        for marker in ["data-csrf=\"", "name=\"csrf\" value=\""] {
            if let r = html.range(of: marker) {
                return String(html[r.upperBound...].prefix { $0 != "\"" })
            }
        }
        return nil
    }

    var headers: HTTPFields { [.cookie: cookie] }

    func upload(_ client: some TestClientProtocol, name: String, bytes: [UInt8], token: String? = nil) async throws -> TestResponse {
        var h = headers
        h[HTTPField.Name("X-CSRF-Token")!] = token ?? csrf
        h[HTTPField.Name("X-File-Name")!] = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        return try await client.execute(uri: "/upload", method: .post, headers: h, body: ByteBuffer(bytes: bytes))
    }

    func get(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: headers)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

func field(_ json: String, _ key: String) -> String? {
    guard let data = json.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
    return object[key] as? String
}
