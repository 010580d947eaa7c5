import Extraction
import Foundation
import GRDB
import Model
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Processes killed with SIGKILL at pseudo-random moments (seeded), then one run to the end:
/// nothing lost, nothing doubled, nothing left half-written.
final class CrashTests: XCTestCase {
    func testRunsKilledAtRandomMomentsLoseAndDoubleNothing() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let inputs = try h.putMixedInbox(roadmaps: 30)
        var random = SeededRandom(state: 19)
        for _ in 0..<30 {
            let (process, _, _) = try h.start(["run", h.inbox, "--out", h.out, "--jobs", "2"])
            usleep(UInt32.random(in: 20_000...250_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let final = try h.run()
        XCTAssertTrue([0, 1].contains(final.status), final.stderr)
        XCTAssertEqual(h.files(under: h.inbox), ["~$карта 000.docx"], "only the lock file stays")
        try Invariants(h: h).check(inputs: inputs)
        XCTAssertTrue(final.stderr.contains("~$карта 000.docx: файл блокировки Word"), final.stderr)
    }

    /// A takeover removes a dead process's claim folder inside its transaction; killed before the
    /// commit, it leaves committed rows not marked in place whose folder is gone. The next run
    /// settles them.
    func testRowsWhoseClaimFolderIsGoneAreSettled() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let inputs = try h.putMixedInbox(roadmaps: 3)
        _ = try h.run()
        let gone = h.inbox + "/.kartograf/999999-gone/карта.docx"
        let queue = try DatabaseQueue(path: h.out + "/kartograf.sqlite")
        try queue.write { db in
            try db.execute(sql: "UPDATE input SET moved = 0, sourcePath = ? WHERE id = (SELECT min(id) FROM input)",
                           arguments: [gone])
        }
        let next = try h.run()
        XCTAssertTrue([0, 1].contains(next.status), next.stderr)
        try Invariants(h: h).check(inputs: inputs)
    }

    func testQuarterlyReportKilledMidwayLeavesOldOrNewFilesAndNoTemporaries() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let inputs = try h.putMixedInbox(roadmaps: 12)
        _ = try h.run()
        let quarter = h.out + "/quarterly/2024-Q1"
        let report = ["report", "quarterly", "2024-Q1", "--from", h.out, "--out", quarter, "--today", "2024-04-10"]
        let first = try h.kartograf(report)
        XCTAssertEqual(first.status, 0, first.stderr)
        let expected = h.files(under: quarter)
        XCTAssertTrue(expected.contains("summary.xlsx"), "\(expected)")

        var random = SeededRandom(state: 20)
        for _ in 0..<20 {
            let (process, _, _) = try h.start(report)
            usleep(UInt32.random(in: 10_000...300_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Whenever it was killed, the quarter's folder is the old one or the new one, whole.
            XCTAssertEqual(h.files(under: quarter), expected)
        }
        let last = try h.kartograf(report)
        XCTAssertEqual(last.status, 0, last.stderr)
        XCTAssertEqual(h.files(under: quarter), expected)
        XCTAssertEqual(h.files(under: h.out + "/quarterly"), expected.map { "2024-Q1/" + $0 }, "no temporary files")
        try Invariants(h: h).check(inputs: inputs)
    }
}
