import Foundation
import OOXML
import TestSupport
import XCTest

/// A very long roadmap's memory grows by well under a kilobyte a row: the peak resident memory
/// (`ru_maxrss` of the child, from `wait4`) of `kartograf extract` and `kartograf run` on a table of
/// 2,000 rows and of 8,000 rows, the difference divided by the 6,000 rows between them. Before the
/// tree held plain cells compactly it was 1.7–2.7 KiB a row (release), so a regression fails here;
/// the bound is loose enough for a debug build and a busy machine. Memory, not time, is measured.
final class LongTableMemoryTests: XCTestCase {
    static let bound = 1024.0

    func testPeakMemoryGrowsByUnderOneKilobyteARow() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let small = 2_000, large = 8_000
        var peaks: [String: [Int: Int]] = ["extract": [:], "run": [:]]
        for rows in [small, large] {
            let file = h.root + "/roadmap \(rows).docx"
            try Data(Self.roadmap(rows: rows)).write(to: URL(fileURLWithPath: file))

            let json = h.root + "/extract \(rows).json"
            let extract = try Self.peak(["extract", file], stdout: json)
            XCTAssertEqual(extract.status, 0)
            // Every row was read: the export lists each item's activity.
            let export = try Data(contentsOf: URL(fileURLWithPath: json))
            XCTAssertEqual(Self.count(Array("\"activity\"".utf8), in: Array(export)), rows)
            peaks["extract"]![rows] = extract.peakKiB

            let inbox = h.root + "/inbox \(rows)"
            try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: file, toPath: inbox + "/roadmap.docx")
            let run = try Self.peak(["run", inbox, "--out", h.root + "/out \(rows)"], stdout: "/dev/null")
            XCTAssertEqual(run.status, 0)
            XCTAssertEqual(h.files(under: h.root + "/out \(rows)/Обработанные"), ["roadmap.docx"])
            peaks["run"]![rows] = run.peakKiB
        }
        for (command, peak) in peaks {
            let perRow = Double(peak[large]! - peak[small]!) * 1024 / Double(large - small)
            XCTAssertLessThan(perRow, Self.bound,
                              "\(command): \(peak[small]!) KiB at \(small) rows, \(peak[large]!) KiB at \(large) rows")
        }
    }

    /// A roadmap of `rows` rows, five columns, one short paragraph a cell, deflated as Word would store it.
    static func roadmap(rows: Int) throws -> [UInt8] {
        let activities = ["Совещание при директоре по вопросам наставничества", "Анкетирование наставляемых",
                          "Мониторинг реализации программы наставничества"]
        let deadlines = ["сентябрь 2024 г.", "до 20.05.2025", "ежеквартально", "в течение года"]
        let responsibles = ["Заместитель директора по УВР Петрова А.С.", "Педагог-психолог Иванова Н.В."]
        var table = [WordPackage.tr(["№ п/п", "Мероприятие", "Срок", "Ответственный", "Результат"])]
        table.reserveCapacity(rows + 1)
        for i in 0..<rows {
            table.append(WordPackage.tr(["\(i + 1).", "\(activities[i % 3]) \(i)", deadlines[i % 4],
                                         responsibles[i % 7 == 0 ? 1 : 0], "Протокол"]))
        }
        let title = WordPackage.p("Дорожная карта реализации программы наставничества МБОУ СОШ № 5 на 2024–2025 учебный год",
                                  bold: true)
        return try WordPackage.make(body: title + WordPackage.table(columns: 5, rows: table))
    }

    /// Runs the executable with `stdout` to a file and returns its exit status and peak resident memory.
    static func peak(_ arguments: [String], stdout: String) throws -> (status: Int32, peakKiB: Int) {
        let executable = try XCTUnwrap(Harness.executable)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        // Exited normally: the low seven bits are zero and the status is the next byte.
        let exitStatus: Int32 = status & 0x7F == 0 ? (status >> 8) & 0xFF : -1
        return (exitStatus, usage.ru_maxrss)
    }

    static func count(_ needle: [UInt8], in haystack: [UInt8]) -> Int {
        guard !needle.isEmpty, haystack.count >= needle.count else { return 0 }
        var n = 0, i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0], haystack[i..<i + needle.count].elementsEqual(needle) {
                n += 1
                i += needle.count
            } else {
                i += 1
            }
        }
        return n
    }
}
