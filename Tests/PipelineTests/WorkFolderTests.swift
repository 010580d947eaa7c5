import Foundation
@testable import Pipeline
import XCTest
#if canImport(Glibc)
import Glibc
#endif

final class WorkFolderTests: XCTestCase {
    private var parent = ""

    override func setUpWithError() throws {
        parent = NSTemporaryDirectory() + "kartograf-workfolder-" + UUID().uuidString
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: parent)
        super.tearDown()
    }

    /// Processes starting while another reaps the parent: a folder just made is never taken for a
    /// dead one's (its lock is never seen free), so every new folder is still there to write in.
    func testAFolderBeingMadeIsNeverReapedByAnotherProcess() throws {
        let stop = Locked(false)
        let parent = self.parent
        let reaper = Thread {
            while !stop.withLock({ $0 }) { WorkFolder.reap(in: parent) { _ in true } }
        }
        reaper.start()
        defer { stop.withLock { $0 = true } }
        var lost: [String] = []
        for _ in 0..<2_000 {
            let folder = try WorkFolder(in: parent)
            let temp = folder.temporaryPath()
            if !FileManager.default.createFile(atPath: temp, contents: Data([1])) { lost.append(folder.path) }
            folder.remove()
        }
        XCTAssertEqual(lost, [], "folders removed while their process was running")
    }

    /// A lock left half made (`<pid>-<n>.lock.tmp`) by a process that ended goes; a live one's stays.
    func testAHalfMadeLockOfAnEndedProcessIsRemoved() throws {
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let dead = parent + "/\(ended.processIdentifier)-ab.lock.tmp"
        let live = parent + "/\(getpid())-cd.lock.tmp"
        for path in [dead, live] { XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil)) }
        WorkFolder.reap(in: parent) { _ in true }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dead))
        XCTAssertTrue(FileManager.default.fileExists(atPath: live))
    }
}
