import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import Desk

/// CSRF, sessions, the password, and files outside the home.
final class SecurityTests: XCTestCase {
    func testPostsWithoutTokenOrSessionAreRefused() async throws {
        try await TestHome.withDesk { home, desk in
            let app = Application(router: desk.router())
            try await app.test(.router) { client in
                let visitor = try await Visitor.arrive(client)
                let bytes = [UInt8](repeating: 0x41, count: 10)
                // No token at all.
                var h = visitor.headers
                h[HTTPField.Name("X-File-Name")!] = "a.docx"
                let none = try await client.execute(uri: "/upload", method: .post, headers: h, body: ByteBuffer(bytes: bytes))
                XCTAssertEqual(none.status, .forbidden)
                // Another token.
                do { let r = try await visitor.upload(client, name: "a.docx", bytes: bytes, token: "0123"); XCTAssertEqual(r.status, .forbidden) }
                // The right token without the session it belongs to.
                let stranger = Visitor(cookie: "kartograf_session=forged", csrf: visitor.csrf)
                do { let r = try await stranger.upload(client, name: "a.docx", bytes: bytes); XCTAssertEqual(r.status, .forbidden) }
                let anonymous = try await client.execute(uri: "/upload", method: .post,
                                                         headers: [HTTPField.Name("X-CSRF-Token")!: visitor.csrf],
                                                         body: ByteBuffer(bytes: bytes))
                XCTAssertEqual(anonymous.status, .forbidden)
                // A form without its token.
                var form = visitor.headers
                form[.contentType] = "application/x-www-form-urlencoded"
                let logout = try await client.execute(uri: "/logout", method: .post, headers: form, body: ByteBuffer(string: "x=1"))
                XCTAssertEqual(logout.status, .forbidden)
                let withToken = try await client.execute(uri: "/logout", method: .post, headers: form,
                                                         body: ByteBuffer(string: "csrf=\(visitor.csrf)"))
                XCTAssertEqual(withToken.status, .seeOther)
                // Nothing reached the inbox.
                let inbox = try FileManager.default.contentsOfDirectory(atPath: home.home.inbox).filter { !$0.hasPrefix(".") }
                XCTAssertEqual(inbox, [])
            }
        }
    }

    func testSessionCookieIsHttpOnlyAndStrict() async throws {
        try await TestHome.withDesk { home, desk in
            let app = Application(router: desk.router())
            try await app.test(.router) { client in
                try await client.execute(uri: "/inbox", method: .get) { r in
                    let cookie = try XCTUnwrap(r.headers[.setCookie])
                    XCTAssertTrue(cookie.contains("HttpOnly"), cookie)
                    XCTAssertTrue(cookie.contains("SameSite=Strict"), cookie)
                    XCTAssertEqual(r.headers[.contentSecurityPolicy], SecurityHeaders.policy)
                    XCTAssertFalse(SecurityHeaders.policy.contains("unsafe"))
                }
            }
        }
    }

    func testPasswordGuardsEveryPage() async throws {
        try await TestHome.withDesk(password: "верный пароль") { home, desk in
            let app = Application(router: desk.router())
            try await app.test(.router) { client in
                let first = try await client.execute(uri: "/organisations", method: .get)
                XCTAssertEqual(first.status, .found)
                XCTAssertEqual(first.headers[.location], "/login")
                let visitor = try await Visitor.arrive(client, at: "/login")
                do { let r = try await visitor.get(client, "/inbox"); XCTAssertEqual(r.status, .found) }
                do { let r = try await visitor.get(client, "/quarter"); XCTAssertEqual(r.status, .found) }
                do { let r = try await visitor.get(client, "/static/desk.css"); XCTAssertEqual(r.status, .ok) }
                do { let r = try await visitor.upload(client, name: "a.docx", bytes: [1, 2]); XCTAssertEqual(r.status, .unauthorized) }
                var form = visitor.headers
                form[.contentType] = "application/x-www-form-urlencoded"
                let wrong = try await client.execute(uri: "/login", method: .post, headers: form,
                                                     body: ByteBuffer(string: "csrf=\(visitor.csrf)&password=nope"))
                XCTAssertEqual(wrong.status, .unauthorized)
                XCTAssertTrue(wrong.text.contains("Неверный пароль"))
                let password = "верный пароль".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let noToken = try await client.execute(uri: "/login", method: .post, headers: form,
                                                       body: ByteBuffer(string: "password=\(password)"))
                XCTAssertEqual(noToken.status, .forbidden)
                let right = try await client.execute(uri: "/login", method: .post, headers: form,
                                                     body: ByteBuffer(string: "csrf=\(visitor.csrf)&password=\(password)"))
                XCTAssertEqual(right.status, .seeOther)
                let set = try XCTUnwrap(right.headers[.setCookie])
                let signedIn = Visitor(cookie: String(set.split(separator: ";")[0]), csrf: "")
                XCTAssertNotEqual(signedIn.cookie, visitor.cookie, "a new session on login")
                do { let r = try await signedIn.get(client, "/inbox"); XCTAssertEqual(r.status, .ok) }
                do { let r = try await visitor.get(client, "/inbox"); XCTAssertEqual(r.status, .found, "the session before login is gone") }
            }
        }
    }

    func testPathsLeavingTheHomeAreRefused() async throws {
        try await TestHome.withDesk { home, desk in
            // A file inside the home that may be served, and a secret beside the home that may not.
            try "inside".write(toFile: home.root + "/note.txt", atomically: true, encoding: .utf8)
            let secretFolder = home.root + "-secret"
            try FileManager.default.createDirectory(atPath: secretFolder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: secretFolder) }
            try "SECRET".write(toFile: secretFolder + "/secret.txt", atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: home.root + "/link.txt", withDestinationPath: secretFolder + "/secret.txt")
            let outside = (home.root as NSString).lastPathComponent + "-secret"
            let app = Application(router: desk.router())
            try await app.test(.router) { client in
                let visitor = try await Visitor.arrive(client)
                let note = try await visitor.get(client, "/files/note.txt")
                XCTAssertEqual(note.text, "inside")
                for uri in ["/files/../\(outside)/secret.txt", "/files/%2e%2e/\(outside)/secret.txt",
                            "/files/%2E%2E%2F\(outside)%2Fsecret.txt", "/files/..%2f\(outside)%2fsecret.txt",
                            "/files//etc/passwd", "/files/%2Fetc%2Fpasswd", "/files/%2fetc/passwd",
                            "/files/link.txt", "/files/kartograf.sqlite", "/files/.kartograf-tmp/x",
                            "/files/Входящие/..%5C..%5Cetc%5Cpasswd", "/files/note.txt%00.docx", "/files/",
                            "/files/\(home.root.dropFirst())/note.txt"] {
                    let r = try await visitor.get(client, uri)
                    XCTAssertEqual(r.status, .notFound, uri)
                    XCTAssertFalse(r.text.contains("SECRET"), uri)
                    XCTAssertFalse(r.text.contains("root:"), uri)
                }
            }
        }
    }
}

/// Which addresses may be served without a password.
final class ListenTests: XCTestCase {
    func testOnlyLoopbackGoesWithoutAPassword() {
        XCTAssertTrue(ServeOptions.isLoopback("127.0.0.1"))
        XCTAssertTrue(ServeOptions.isLoopback("::1"))
        XCTAssertTrue(ServeOptions.isLoopback("localhost"))
        XCTAssertFalse(ServeOptions.isLoopback("0.0.0.0"))
        XCTAssertFalse(ServeOptions.isLoopback("192.168.1.5"))
        XCTAssertFalse(ServeOptions.isLoopback("::"))
        XCTAssertFalse(ServeOptions.isLoopback("127.example.org"))
        XCTAssertTrue(ServeOptions.isLoopback("127.0.0.2"))
        XCTAssertEqual(ServeOptions.parseListen("127.0.0.1:8080")?.port, 8080)
        XCTAssertEqual(ServeOptions.parseListen("[::1]:0")?.host, "::1")
        XCTAssertNil(ServeOptions.parseListen("127.0.0.1"))
        XCTAssertNil(ServeOptions.parseListen(":80"))
        XCTAssertNil(ServeOptions.parseListen("127.0.0.1:99999"))
    }
}
