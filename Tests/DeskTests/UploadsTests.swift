import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import Desk

/// Uploads through the page's endpoint go into the inbox and through the same pipeline as dropped files.
final class UploadsTests: XCTestCase {
    /// Polls the upload's status until the pipeline is done with it (at most 60 s).
    static func outcome(_ client: some TestClientProtocol, _ visitor: Visitor, _ accepted: TestResponse) async throws -> (String, String, String?) {
        XCTAssertEqual(accepted.status, .accepted, accepted.text)
        let id = try XCTUnwrap(field(accepted.text, "id"))
        for _ in 0..<600 {
            let r = try await visitor.get(client, "/upload/\(id)")
            let state = field(r.text, "state") ?? ""
            if state != "queued" { return (state, field(r.text, "message") ?? "", field(r.text, "link")) }
            try await Task.sleep(for: .milliseconds(100))
        }
        XCTFail("the upload was not processed in 60 s")
        return ("", "", nil)
    }

    func testGoodHostileTooBigAndWrongTypeUploads() async throws {
        let home = try TestHome()
        defer { home.cleanUp() }
        var settings = DeskLimits()
        settings.maxFileBytes = 2 * 1024 * 1024
        let limits = settings
        let desk = try home.desk(limits: limits)
        desk.worker.start()
        defer { desk.worker.stop() }
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try TestSupportPath.dev("seed_000.docx"))))
        let xxe = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try TestSupportPath.hostile("xxe-etc-hostname.docx"))))
        let cut = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try TestSupportPath.hostile("cut-short.docx"))))
        let bomb = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try TestSupportPath.hostile("zip-bomb-1gib.docx"))))
        let app = Application(router: desk.router())
        try await app.test(.router) { client in
            let visitor = try await Visitor.arrive(client)

            // A good file: processed, recorded, linked to its page, which shows its protocol.
            let (state, message, link) = try await Self.outcome(client, visitor,
                try await visitor.upload(client, name: "Дорожная карта школы.docx", bytes: good))
            XCTAssertEqual(state, "processed", message)
            XCTAssertTrue(message.contains("организация"), message)
            let page = try XCTUnwrap(link)
            let file = try await visitor.get(client, page)
            XCTAssertEqual(file.status, .ok)
            XCTAssertTrue(file.text.contains("Дорожная карта школы.docx"))

            // The same bytes again: a repeat, linked to the first arrival.
            let again = try await Self.outcome(client, visitor, try await visitor.upload(client, name: "копия.docx", bytes: good))
            XCTAssertEqual(again.0, "duplicate", again.1)
            XCTAssertEqual(again.2, page)

            // Hostile files: accepted for reading, rejected by the safe reader with their reason.
            for (name, bytes) in [("xxe.docx", xxe), ("обрезан.docx", cut), ("bomb.docx", bomb)] {
                let (state, message, _) = try await Self.outcome(client, visitor, try await visitor.upload(client, name: name, bytes: bytes))
                XCTAssertEqual(state, "rejected", "\(name): \(message)")
                XCTAssertTrue(message.hasPrefix("отклонён: "), message)
                XCTAssertGreaterThan(message.count, "отклонён: ".count + 10, message)
                XCTAssertFalse(message.contains(try String(contentsOfFile: "/etc/hostname", encoding: .utf8)
                    .trimmingCharacters(in: .whitespacesAndNewlines)), "no leak of /etc/hostname")
            }

            // Too big: refused before it reaches the inbox.
            let big = try await visitor.upload(client, name: "большой.docx", bytes: [UInt8](repeating: 0x50, count: limits.maxFileBytes + 1))
            XCTAssertEqual(big.status, .contentTooLarge)
            XCTAssertTrue(field(big.text, "message")?.contains("больше 2 МБ") ?? false, big.text)

            // Wrong types: refused with the accepted ones named.
            for name in ["отчёт.pdf", "программа.exe", "без расширения", "архив.docx.zip"] {
                let r = try await visitor.upload(client, name: name, bytes: good)
                XCTAssertEqual(r.status, .unsupportedMediaType, name)
                XCTAssertTrue(field(r.text, "message")?.contains(".docx, .doc, .rtf, .odt") ?? false, r.text)
            }
            // Empty: refused.
            do { let r = try await visitor.upload(client, name: "пусто.docx", bytes: []); XCTAssertEqual(r.status, .badRequest) }

            // A name that tries to be a path is only a name: the file lands in the inbox, nowhere else.
            let sly = try await Self.outcome(client, visitor, try await visitor.upload(client, name: "../../../../tmp/evil.docx", bytes: xxe + [0]))
            XCTAssertEqual(sly.0, "rejected", sly.1)
            XCTAssertFalse(FileManager.default.fileExists(atPath: home.root + "/../evil.docx"))
        }
        // Nothing left behind in the inbox: no temporary upload, no unprocessed file.
        let left = try FileManager.default.contentsOfDirectory(atPath: home.home.inbox).filter { $0 != ".kartograf" }
        XCTAssertEqual(left, [])
        let counts = try desk.registry.inputCounts()
        XCTAssertEqual(counts[.processed], 1)
        XCTAssertEqual(counts[.duplicate], 1)
        XCTAssertEqual(counts[.rejected], 4)
    }

    func testUploadsWaitingAreCappedInCount() async throws {
        let home = try TestHome()
        defer { home.cleanUp() }
        var limits = DeskLimits()
        limits.maxQueuedUploads = 2
        let desk = try home.desk(limits: limits)  // the pipeline's thread is not started: uploads stay queued
        defer { desk.worker.stop() }
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try TestSupportPath.dev("seed_002.docx"))))
        let app = Application(router: desk.router())
        try await app.test(.router) { client in
            let visitor = try await Visitor.arrive(client)
            for n in 1...2 {
                let r = try await visitor.upload(client, name: "файл \(n).docx", bytes: good + [UInt8(n)])
                XCTAssertEqual(r.status, .accepted)
            }
            let third = try await visitor.upload(client, name: "файл 3.docx", bytes: good)
            XCTAssertEqual(third.status, .tooManyRequests)
            XCTAssertTrue(field(third.text, "message")?.contains("подождите") ?? false, third.text)
        }
        let waiting = try FileManager.default.contentsOfDirectory(atPath: home.home.inbox).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertEqual(waiting, ["файл 1.docx", "файл 2.docx"])
    }

    func testFilesDroppedIntoTheInboxAreProcessedToo() async throws {
        let home = try TestHome()
        defer { home.cleanUp() }
        let desk = try home.desk()
        desk.worker.start()
        defer { desk.worker.stop() }
        try FileManager.default.copyItem(atPath: try TestSupportPath.dev("seed_004.docx"), toPath: home.home.inbox + "/seed_004.docx")
        var recorded = 0
        for _ in 0..<100 where recorded == 0 {
            try await Task.sleep(for: .milliseconds(100))
            recorded = try desk.registry.inputListings().count
        }
        XCTAssertEqual(recorded, 1, "the watched inbox's file is recorded in the same registry")
    }
}
