import Extraction
import Foundation
import Model
import Registry
import RegistryPostgres
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The real executable on a PostgreSQL registry: several processes at once. (A server cut off in the
/// middle of a file's transaction is `PostgresRegistryTests`' fault test, at the registry's level.)
final class PostgresRunTests: XCTestCase {
    private func database() throws -> String { try PostgresServer.database(for: self) }

    /// Roadmaps of `schools` schools, the first three also in a later version: name → bytes.
    private func roadmaps(schools: Int) -> [(String, [UInt8])] {
        var files = (0..<schools).map { i in
            (String(format: "карта %03d.docx", i), TestDocx.roadmap(organization: "МБОУ СОШ № \(i + 1)", rows: 6))
        }
        for i in 0..<3 {
            files.append((String(format: "карта %03d новая.docx", i),
                          TestDocx.roadmap(organization: "МБОУ СОШ № \(i + 1)", version: 2, rows: 7)))
        }
        return files
    }

    /// What a registry holds, without ids and times: arrivals by content, documents, the quarter's items.
    static func contents(_ registry: any RegistryStore) throws -> [String] {
        let counts = try registry.inputCounts().map { "\($0.key.rawValue) \($0.value)" }.sorted()
        let status = try registry.organizations().map { o in
            "\(o.organization ?? "-"): \(o.currentRoadmap?.title ?? "-") \(o.currentRoadmap?.itemCount ?? 0) "
                + "earlier \(o.earlierRoadmaps) inputs \(o.inputs) \(o.diagnostics.sorted { $0.key.rawValue < $1.key.rawValue })"
        }
        let documents = try registry.documents(kinds: Set(DocumentKind.allCases)).map {
            "\($0.kind.rawValue) \($0.organization ?? "-") \($0.title ?? "-") \($0.itemCount) \($0.isCurrent)"
        }.sorted()
        let quarter = try registry.itemsDue(from: Day(iso: "2024-01-01")!, to: Day(iso: "2024-03-31")!,
                                            organization: nil, kinds: nil).map {
            "\($0.organization ?? "-") \($0.activity ?? "-") \($0.occurrence.due.iso) \($0.responsibles)"
        }
        let digests = try registry.read { try $0.recordedDigests() }.sorted()
        return counts + status + documents + quarter + digests
    }

    func testFourProcessesOnOverlappingFoldersRecordEachFileOnceAndTheQuarterOfOneRun() throws {
        let url = try database()
        let h = try Harness()
        defer { h.cleanUp() }
        let files = roadmaps(schools: 16)
        // Each file lies in two of the four inboxes (the same bytes, the same name).
        var inboxes: [String] = []
        for k in 0..<4 {
            let inbox = h.root + "/inbox\(k)"
            try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
            inboxes.append(inbox)
        }
        // Written a second apart, the later versions last: the kernel's file clock is too coarse to order
        // files written in one go, and which version is current follows the files' modification times.
        let written = { (i: Int) in Date(timeIntervalSince1970: 1_704_153_600 + Double(i)) }
        for (i, (name, bytes)) in files.enumerated() {
            for k in [i % 4, (i + 1) % 4] {
                try h.put(name, bytes, in: inboxes[k])
                try FileManager.default.setAttributes([.modificationDate: written(i)], ofItemAtPath: inboxes[k] + "/" + name)
            }
        }
        let runs = try inboxes.map { inbox in
            try h.start(["run", inbox, "--out", h.out, "--registry", url, "--jobs", "1"])
        }
        for (process, out, err) in runs {
            _ = out.fileHandleForReading.readDataToEndOfFile()
            let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, log)
            XCTAssertFalse(log.contains(try XCTUnwrap(URLComponents(string: url)?.password)), "the password in a log")
        }
        let registry = try PostgresRegistry(url: url)
        XCTAssertEqual(try registry.inputCounts(), [.processed: files.count, .duplicate: files.count])
        XCTAssertEqual(try registry.pendingMoves(), [])
        XCTAssertEqual(Set(try registry.read { try $0.recordedDigests() }),
                       Set(files.map { Fingerprint.sha256($0.1) }))
        for inbox in inboxes { XCTAssertEqual(h.files(under: inbox), [], inbox) }

        // One process alone, into SQLite, over every file once.
        let alone = try Harness()
        defer { alone.cleanUp() }
        for (i, (name, bytes)) in files.enumerated() {
            try alone.put(name, bytes)
            try FileManager.default.setAttributes([.modificationDate: written(i)], ofItemAtPath: alone.inbox + "/" + name)
        }
        let result = try alone.run()
        XCTAssertEqual(result.status, 0, result.stderr)
        let single = try Registry(path: alone.out + "/kartograf.sqlite")
        XCTAssertEqual(try Self.contents(registry).filter { !$0.hasPrefix("duplicate") },
                       try Self.contents(single))

        // The quarterly report reads the same quarter from the server as from the file.
        let quarter = ["report", "quarterly", "2024-Q1", "--today", "2024-04-10", "--without-docx"]
        let fromServer = try h.kartograf(quarter + ["--from", h.out, "--registry", url, "--out", h.root + "/q"])
        XCTAssertEqual(fromServer.status, 0, fromServer.stderr)
        let fromFile = try alone.kartograf(quarter + ["--from", alone.out, "--out", alone.root + "/q"])
        XCTAssertEqual(fromFile.status, 0, fromFile.stderr)
        let summaries = h.files(under: h.root + "/q").filter { $0.hasSuffix(".json") }
        XCTAssertFalse(summaries.isEmpty)
        XCTAssertEqual(summaries, alone.files(under: alone.root + "/q").filter { $0.hasSuffix(".json") })
        for name in summaries {
            let server = try String(contentsOfFile: h.root + "/q/" + name, encoding: .utf8).split(separator: "\n")
            let file = try String(contentsOfFile: alone.root + "/q/" + name, encoding: .utf8).split(separator: "\n")
            let differing = zip(server, file).enumerated().filter { $0.element.0 != $0.element.1 }.prefix(3)
            XCTAssertTrue(differing.isEmpty && server.count == file.count, "\(name): "
                + differing.map { "line \($0.offset + 1): \($0.element.0) ≠ \($0.element.1)" }.joined(separator: "; "))
        }
    }
}
