import Extraction
import Foundation
import Model
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `watch` and writers that pause for longer than the settling time while their file is open:
/// nothing is taken before the writer closes it, and what is stored is the whole file.
final class SlowWriterTests: XCTestCase {
    func testFilesWrittenInPiecesWithLongPausesAreTakenWhole() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        // Without LibreOffice on PATH the .rtf is rejected at once rather than converted for seconds:
        // what is checked here is when the files are taken, not what they become.
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = h.root + "/nothing"
        let (process, _, _) = try h.start(["watch", h.inbox, "--out", h.out, "--settle", "0.3"], environment: environment)
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        usleep(400_000)

        let rtf = Array("{\\rtf1\\ansi Дорожная карта наставничества \(String(repeating: "строка ", count: 4000))}".utf8)
        let files: [(String, [UInt8])] = [
            ("карта.docx", TestDocx.roadmap(organization: "МБОУ СОШ № 7", rows: 60)),
            ("план.rtf", rtf),
            ("заметки.txt", Array(String(repeating: "текст отчёта ", count: 3000).utf8)),
        ]
        let handles = try files.map { name, _ -> FileHandle in
            let path = h.inbox + "/" + name
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
            return try XCTUnwrap(FileHandle(forWritingAtPath: path))
        }
        for piece in 0..<4 {
            for ((_, bytes), handle) in zip(files, handles) {
                let size = bytes.count / 4
                handle.write(Data(bytes[(piece * size)..<(piece == 3 ? bytes.count : (piece + 1) * size)]))
            }
            usleep(700_000)  // longer than the settling time
            XCTAssertEqual(h.files(under: h.inbox).filter { !$0.hasPrefix(".kartograf/") }.sorted(),
                           files.map(\.0).sorted(), "a file still open is not taken (after piece \(piece + 1))")
        }
        for handle in handles { try handle.close() }

        let deadline = Date().addingTimeInterval(10)
        while h.files(under: h.inbox).contains(where: { !$0.hasPrefix(".kartograf/") }) && Date() < deadline {
            usleep(50_000)
        }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        try Invariants(h: h).check(inputs: files.map { Fingerprint.sha256($0.1) })
    }
}
