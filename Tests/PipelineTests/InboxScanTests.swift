import Foundation
@testable import Pipeline
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// What an inbox scan takes and what it leaves, with the reason it gives.
final class InboxScanTests: XCTestCase {
    func testSubfoldersAreSearchedAndWhatIsLeftIsListedWithItsReason() throws {
        let root = NSTemporaryDirectory() + "scan-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        for folder in ["Школа 5/2024", ".скрытая", Files.inboxStateFolder + "/123-ab"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        for name in ["карта.docx", "Школа 5/план.docx", "Школа 5/2024/отчёт.rtf", "~$карта.docx", "Школа 5/копия.docx.part",
                     ".скрытая/x.docx", Files.inboxStateFolder + "/123-ab/занят.docx"] {
            XCTAssertTrue(FileManager.default.createFile(atPath: root + "/" + name, contents: Data("x".utf8)))
        }
        symlink("/etc/hostname", root + "/ссылка.docx")

        let scan = Files.scan(root)
        XCTAssertEqual(scan.files.map(\.relative).sorted(), ["Школа 5/2024/отчёт.rtf", "Школа 5/план.docx", "карта.docx"])
        XCTAssertEqual(scan.files.first { $0.name == "план.docx" }?.folder, "Школа 5")
        XCTAssertNil(scan.files.first { $0.name == "карта.docx" }?.folder)
        XCTAssertEqual(scan.ignored.map(\.file), [".скрытая/", "~$карта.docx", "Школа 5/копия.docx.part", "ссылка.docx"])
        XCTAssertTrue(scan.ignored[1].reason.contains("блокировки Word"))
    }

    func testAFullDiskIsOneErrorThatStopsTheRunAndNamesTheFolder() {
        let error = PipelineError.system("записать файл", "/home/kartograf/Организации/x.json", ENOSPC)
        XCTAssertEqual(error, .diskFull(folder: "/home/kartograf/Организации"))
        XCTAssertTrue(error.stopsTheRun)
        XCTAssertTrue(error.description.contains("Нет места на диске в папке «/home/kartograf/Организации»"))
        let denied = PipelineError.system("создать файл", "/x/y", EACCES)
        XCTAssertFalse(denied.stopsTheRun)
        XCTAssertEqual(denied.description, "Не удалось создать файл «/x/y»: нет прав доступа.")
    }
}
