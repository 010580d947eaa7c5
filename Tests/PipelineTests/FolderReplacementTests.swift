import Foundation
@testable import Pipeline
import XCTest

/// A quarter's folder is replaced whole; what a killed process left in the staging folder is finished
/// or removed by the next replacement, never left behind.
final class FolderReplacementTests: XCTestCase {
    private var parent = ""
    private var target: String { parent + "/2024-Q1" }
    private var staging: String { parent + "/" + FolderReplacement.stagingFolder }

    override func setUpWithError() throws {
        parent = NSTemporaryDirectory() + "kartograf-replacement-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: target + "/summary.html"))
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: parent)
        super.tearDown()
    }

    /// A dead process's staging folder: a free lock beside it, a complete `new` folder, and `marker`
    /// as its ready marker (none when nil).
    private func leaveDeadFolder(marker: String?) throws {
        let folder = staging + "/99999-dead"
        try FileManager.default.createDirectory(atPath: folder + "/new", withIntermediateDirectories: true)
        try Data("left".utf8).write(to: URL(fileURLWithPath: folder + "/new/summary.html"))
        _ = FileManager.default.createFile(atPath: folder + WorkFolder.lockSuffix, contents: nil)
        if let marker {
            _ = FileManager.default.createFile(atPath: folder + "/" + FolderReplacement.readyMarker, contents: Data(marker.utf8))
        }
    }

    private func summary() throws -> String { try String(contentsOfFile: target + "/summary.html", encoding: .utf8) }

    func testAFolderMarkedReadyIsPutInPlaceByTheNextReplacement() throws {
        try leaveDeadFolder(marker: "2024-Q1")
        FolderReplacement.finishInterrupted(in: parent)
        XCTAssertEqual(try summary(), "left")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: staging), [])
    }

    /// A process killed as it wrote the marker left it empty (or cut short): the folder is not known to
    /// be whole, so it goes and the target stays as it was. It used to stay behind for good.
    func testAMarkerCutShortLeavesTheTargetAndTheFolderGoes() throws {
        for marker in ["", "2024-Q1/../..", nil] {
            try leaveDeadFolder(marker: marker)
            FolderReplacement.finishInterrupted(in: parent)
            XCTAssertEqual(try summary(), "old", "\(marker ?? "no marker")")
            XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? [], [], "\(marker ?? "no marker")")
        }
    }

    func testAReplacementLeavesNoStagingBehind() throws {
        try FolderReplacement.replace(target) { fresh in
            try FileManager.default.createDirectory(atPath: fresh, withIntermediateDirectories: true)
            try Data("new".utf8).write(to: URL(fileURLWithPath: fresh + "/summary.html"))
        }
        XCTAssertEqual(try summary(), "new")
        XCTAssertFalse(FileManager.default.fileExists(atPath: staging), "the staging folder is removed with its last folder")
    }
}
