import Extraction
import Foundation
import GRDB
import Model
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Several processes on one home at once: two runs and a watch on one inbox, a quarterly
/// report reading the registry meanwhile.
final class ConcurrencyTests: XCTestCase {
    func testRunsWatchAndReportShareOneHome() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let inputs = try h.putMixedInbox(roadmaps: 40)
        let (watch, _, _) = try h.start(["watch", h.inbox, "--out", h.out, "--settle", "0.2"])
        defer { if watch.isRunning { kill(watch.processIdentifier, SIGKILL) } }
        let runs = try (0..<2).map { _ in try h.start(["run", h.inbox, "--out", h.out, "--json", "--jobs", "2"]) }
        let report = try h.start(["report", "quarterly", "2024-Q1", "--from", h.out, "--out", h.out + "/quarterly/2024-Q1",
                                  "--today", "2024-04-10"])
        var statuses: [Int32] = []
        for (process, out, err) in runs + [report] {
            _ = out.fileHandleForReading.readDataToEndOfFile()
            let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            statuses.append(process.terminationStatus)
            XCTAssertFalse(log.contains("SQLite") || log.contains("database"), log)
        }
        XCTAssertTrue(statuses.prefix(2).allSatisfy { $0 == 0 || $0 == 1 }, "\(statuses)")
        // The report may find the registry still empty; it does not fail otherwise.
        XCTAssertTrue([0, 1].contains(statuses[2]), "\(statuses)")
        let deadline = Date().addingTimeInterval(20)
        // The watch's own claim folder and lock stay while it runs.
        func inputsLeft() -> [String] { h.files(under: h.inbox).filter { !$0.hasPrefix(".kartograf/") } }
        while inputsLeft() != ["~$карта 000.docx"] && Date() < deadline { usleep(50_000) }
        kill(watch.processIdentifier, SIGTERM)
        watch.waitUntilExit()
        XCTAssertEqual(h.files(under: h.inbox), ["~$карта 000.docx"])
        try Invariants(h: h).check(inputs: inputs)

        // The registry holds what one process alone records of the same inbox.
        let alone = try Harness()
        defer { alone.cleanUp() }
        _ = try alone.putMixedInbox(roadmaps: 40)
        _ = try alone.run()
        XCTAssertEqual(try registryContents(h.out), try registryContents(alone.out))
    }

    /// The registry's rows, without ids, times and the order of arrival.
    private func registryContents(_ out: String) throws -> [String] {
        try DatabaseQueue(path: out + "/kartograf.sqlite").read { db in
            let inputs = try Row.fetchAll(db, sql: """
                SELECT sha256, outcome = 'duplicate' AS repeat, organization, folder, reasonCode FROM input
                """).map { "\($0)" }
            let documents = try Row.fetchAll(db, sql: """
                SELECT d.kind, d.title, d.organization, d.itemCount, d.supersededBy IS NULL AS current, i.sha256
                FROM document d JOIN input i ON i.id = d.inputId
                """).map { "\($0)" }
            let items = try Int.fetchOne(db, sql: "SELECT count(*) FROM item") ?? 0
            let diagnostics = try Int.fetchOne(db, sql: "SELECT count(*) FROM diagnostic") ?? 0
            return (inputs + documents).sorted() + ["items \(items)", "diagnostics \(diagnostics)"]
        }
    }
}
