import Extraction
import Foundation
import Model
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `kartograf watch` on a temporary inbox, through the real executable.
final class WatchTests: XCTestCase {
    func testSlowCopyIsTakenOnlyWhenCompleteAndWithinTwoSeconds() throws {
        try checkSlowCopy(extra: [])
    }

    func testPollingFallbackBehavesTheSame() throws {
        try checkSlowCopy(extra: ["--poll"])
    }

    private func checkSlowCopy(extra: [String]) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let (process, _, err) = try h.start(["watch", h.inbox, "--out", h.out] + extra)
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        usleep(500_000)

        // A lock file and a temporary file are ignored.
        try h.put("~$карта.docx", [UInt8](repeating: 1, count: 162))
        try h.put("карта.docx.part", [1, 2, 3])

        // Copy a roadmap in chunks, with a pause longer than the settling time in the middle.
        let bytes = TestDocx.roadmap(organization: "МБОУ СОШ № 3", rows: 40)
        let path = h.inbox + "/карта.docx"
        let handle = try XCTUnwrap({ () -> FileHandle? in
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }())
        let chunk = bytes.count / 4
        for i in 0..<4 {
            let end = i == 3 ? bytes.count : (i + 1) * chunk
            handle.write(Data(bytes[(i * chunk)..<end]))
            if i == 1 {
                usleep(1_200_000)
                XCTAssertTrue(FileManager.default.fileExists(atPath: path), "a half-written file must wait")
            } else {
                usleep(100_000)
            }
        }
        try handle.close()
        let finished = Date()

        var processedAfter: TimeInterval?
        while Date().timeIntervalSince(finished) < 5 {
            if !FileManager.default.fileExists(atPath: path), h.files(under: "Обработанные") == ["карта.docx"] {
                processedAfter = Date().timeIntervalSince(finished)
                break
            }
            usleep(20_000)
        }
        let after = try XCTUnwrap(processedAfter, "the copied file was not processed")
        XCTAssertLessThan(after, 2.0)
        XCTAssertEqual(Harness.sha(h.out + "/Обработанные/карта.docx"), Fingerprint.sha256(bytes))

        // A file removed before it settles is no error.
        try h.put("передумали.docx", bytes)
        try FileManager.default.removeItem(atPath: h.inbox + "/передумали.docx")
        usleep(800_000)

        kill(process.processIdentifier, SIGTERM)
        let stopDeadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < stopDeadline { usleep(20_000) }
        XCTAssertFalse(process.isRunning, "watch stops on SIGTERM")
        XCTAssertEqual(process.terminationStatus, 0)
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(log.contains("Остановлено"), log)
        XCTAssertEqual(h.inboxNames(), ["~$карта.docx", "карта.docx.part"])
    }
}

