import Foundation
import OOXML
import TestSupport
import XCTest

/// A very long roadmap's memory grows by well under a kilobyte a row: the peak resident memory
/// (`ru_maxrss`) of `kartograf extract` and `kartograf run` on a table of 4,000 rows and of 16,000
/// rows, the difference divided by the 12,000 rows between them. With the tree holding every cell as
/// an array of one paragraph it was 1.7–2.0 KiB a row (release, 2,000 and 8,000 rows); now 0.6 (debug),
/// so a regression fails here and a busy machine does not. Memory, not time, is measured.
final class LongTableMemoryTests: XCTestCase {
    static let bound = 1024.0

    func testPeakMemoryGrowsByUnderOneKilobyteARow() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let small = 4_000, large = 16_000
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
    ///
    /// Through a small Python process: the kernel counts in a process's `ru_maxrss` the memory of the image
    /// it replaced by `exec`, so a child started straight from this test process would report this
    /// process's own peak whenever that is larger.
    static func peak(_ arguments: [String], stdout: String) throws -> (status: Int32, peakKiB: Int) {
        let python = try Requirement.program("python3")
        let script = """
            import resource, subprocess, sys
            with open(sys.argv[1], "wb") as out:
                status = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL).returncode
            print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, stdout, try XCTUnwrap(Harness.executable)] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let fields = output.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard process.terminationStatus == 0, fields.count == 2 else {
            XCTFail("python3 said «\(output)»")
            return (-1, 0)
        }
        return (Int32(fields[0]), fields[1])
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
