import Extraction
import Foundation
import JSON
import Model
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` in the middle of a batch, then a new run: every input processed exactly once.
final class ResumeTests: XCTestCase {
    func testKilledRunResumesWithEveryFileProcessedExactlyOnce() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let count = 400
        var shas = Set<String>()
        for i in 0..<count {
            let bytes = TestDocx.roadmap(organization: "Школа \(i)", rows: 30)
            shas.insert(Fingerprint.sha256(bytes))
            try h.put(String(format: "карта %04d.docx", i), bytes)
        }
        XCTAssertEqual(shas.count, count)

        // Start, wait until some files are done but not all, kill -9.
        let (process, _, _) = try h.start(["run", h.inbox, "--out", h.out, "--jobs", "2"])
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let done = h.files(under: "Обработанные").count
            if done >= 10 || !process.isRunning { break }
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let doneBeforeKill = h.files(under: "Обработанные").count
        let leftBeforeKill = h.inboxNames().count

        let resumed = try h.run()
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertEqual(h.inboxNames(), [], "the inbox is emptied")
        XCTAssertEqual(h.files(under: "Повторы"), [], "nothing was processed twice")
        let stored = h.files(under: "Обработанные")
        XCTAssertEqual(stored.count, count)
        XCTAssertEqual(Set(stored.map { Harness.sha(h.out + "/Обработанные/" + $0) }), shas, "no input lost or changed")
        XCTAssertEqual(h.files(under: "Организации").filter { $0.hasSuffix(".json") }.count, count)
        XCTAssertEqual(h.files(under: ".kartograf-tmp"), [], "temporary files of the killed run are swept")
        XCTAssertGreaterThan(leftBeforeKill, 0, "the run was killed before it finished")
        XCTAssertEqual(doneBeforeKill + leftBeforeKill, count, "a killed run loses no input")
        let status = try XCTUnwrap(h.kartograf(["status", "--out", h.out, "--json"]).json?.arrayValue)
        XCTAssertEqual(status.compactMap { $0.int("files") }.reduce(0, +), count, "one registry row per input")
    }
}

