import Foundation
import Pipeline
import XCTest

/// The watcher's readiness rules, without waiting on real time.
final class WatcherTests: XCTestCase {
    func testAFileIsOfferedOnceAfterSettlingAndNotWhileIncomplete() throws {
        let folder = NSTemporaryDirectory() + "watch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let watcher = InboxWatcher(folder: folder, useInotify: false)
        watcher.settle = 0.4
        let bytes = TestDocx.roadmap(organization: "Школа")
        let path = folder + "/карта.docx"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes.prefix(bytes.count / 2)))
        _ = FileManager.default.createFile(atPath: folder + "/~$карта.docx", contents: Data(count: 162))

        XCTAssertEqual(watcher.readyFiles(now: 100).map(\.name), [], "first sight only starts the clock")
        XCTAssertEqual(watcher.readyFiles(now: 101).map(\.name), [], "an incomplete ZIP waits")

        try Data(bytes).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(watcher.readyFiles(now: 101.1).map(\.name), [], "a change restarts the clock")
        XCTAssertEqual(watcher.readyFiles(now: 101.3).map(\.name), [], "still settling")
        let ready = watcher.readyFiles(now: 101.6)
        XCTAssertEqual(ready.map(\.name), ["карта.docx"])
        watcher.markTaken(ready[0])
        XCTAssertEqual(watcher.readyFiles(now: 103).map(\.name), [], "offered once")
    }

    func testAnIncompleteFileIsGivenUpOnAfterALongQuiet() throws {
        let folder = NSTemporaryDirectory() + "watch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let watcher = InboxWatcher(folder: folder, useInotify: false)
        let bytes = TestDocx.roadmap(organization: "Школа")
        _ = FileManager.default.createFile(atPath: folder + "/обрезан.docx", contents: Data(bytes.prefix(100)))
        _ = watcher.readyFiles(now: 0)
        XCTAssertEqual(watcher.readyFiles(now: 2).count, 0)
        XCTAssertEqual(watcher.readyFiles(now: watcher.giveUp + 0.1).map(\.name), ["обрезан.docx"])
    }
}
