import Foundation
import OOXML
import TestSupport
import XCTest

/// `kartograf correct …` with the real executable: the corrections of the library from the command line,
/// answers and refusals in Russian.
final class CorrectCommandTests: XCTestCase {
    func testCorrectionsFromTheCommandLine() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.put("seed_002.docx", [UInt8](try Data(contentsOf: URL(fileURLWithPath: try Shared.require("corpus/dev/seed_002.docx")))))
        XCTAssertEqual(try h.run().status, 0)
        let env = ProcessInfo.processInfo.environment.merging(["USER": ""]) { $1 }

        let list = try h.kartograf(["correct", "list", "--out", h.out])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("№ 1\tseed_002.docx\tМБОУ лицей №1 г. Пролетарска"), list.stdout)

        let show = try h.kartograf(["correct", "show", "1", "--out", h.out])
        XCTAssertEqual(show.status, 0, show.stderr)
        let line = try XCTUnwrap(show.stdout.split(separator: "\n").first { $0.contains("(№ 16)") }, show.stdout)
        let item = try XCTUnwrap(line.split(separator: " ").dropFirst(1).first.flatMap { Int($0) }, String(line))

        // Without an author (and no $USER) the command asks for one.
        let anonymous = try h.kartograf(["correct", "deadline", "1", "декабрь 2021 г.", "--item", "\(item)", "--out", h.out],
                                        environment: env)
        XCTAssertEqual(anonymous.status, 2)
        XCTAssertTrue(anonymous.stderr.contains("Укажите, кто исправляет"), anonymous.stderr)

        let deadline = try h.kartograf(["correct", "deadline", "1", "декабрь 2021 г.", "--item", "\(item)", "--out", h.out,
                                        "--author", "Иванова И. И."])
        XCTAssertEqual(deadline.status, 0, deadline.stderr)
        XCTAssertTrue(deadline.stdout.contains("01.12.2021–31.12.2021"), deadline.stdout)

        let status = try h.kartograf(["correct", "status", "1", "--item", "1", "--quarter", "2021-Q4", "--status", "выполнено",
                                      "--note", "по телефону", "--out", h.out, "--author", "Иванова И. И."])
        XCTAssertEqual(status.status, 0, status.stderr)

        let wrong = try h.kartograf(["correct", "dismiss", "1", "--diagnostic", "99", "--reason", "нет", "--out", h.out,
                                     "--author", "Иванова И. И."])
        XCTAssertEqual(wrong.status, 2)
        XCTAssertTrue(wrong.stderr.contains("нет замечания № 99"), wrong.stderr)

        let unknown = try h.kartograf(["correct", "show", "7", "--out", h.out])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("нет в реестре"), unknown.stderr)

        let after = try h.kartograf(["correct", "show", "1", "--out", h.out])
        XCTAssertTrue(after.stdout.contains("срок — «декабрь 2021 г.» (Иванова И. И."), after.stdout)
        XCTAssertTrue(after.stdout.contains("статус пункта — «выполнено»"), after.stdout)
        let protocolHTML = h.files(under: "Организации").first { $0.hasSuffix(".protocol.html") }
        let page = try String(contentsOfFile: h.out + "/Организации/" + (try XCTUnwrap(protocolHTML)), encoding: .utf8)
        XCTAssertTrue(page.contains("исправлено методистом (Иванова И. И."), "the protocol was rewritten")
    }

    func testTheQuarterSummaryCarriesTheMarkAndTheAssignedOrganisation() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.put("seed_000.docx", [UInt8](try Data(contentsOf: URL(fileURLWithPath: try Shared.require("corpus/dev/seed_000.docx")))))
        XCTAssertEqual(try h.run().status, 0)
        let who = ["--out", h.out, "--author", "Иванова И. И."]
        let assign = try h.kartograf(["correct", "organization", "1", "МБОУ «Ээрбекская школа»"] + who)
        XCTAssertEqual(assign.status, 0, assign.stderr)
        let status = try h.kartograf(["correct", "status", "1", "--item", "3", "--quarter", "2023-Q2", "--status", "выполнено",
                                      "--note", "по телефону"] + who)
        XCTAssertEqual(status.status, 0, status.stderr)
        let report = try h.kartograf(["report", "quarterly", "2023-Q2", "--from", h.out, "--out", h.root + "/q", "--without-docx"])
        XCTAssertEqual(report.status, 0, report.stderr)
        let archive = try ZipArchive(path: h.root + "/q/summary.xlsx")
        // Cells are written inline in the sheets.
        let strings = try (1...2).map { String(decoding: try XCTUnwrap(try archive.read("xl/worksheets/sheet\($0).xml")), as: UTF8.self) }
            .joined()
        XCTAssertTrue(strings.contains("исправлено методистом (Иванова И. И."), "the items sheet's mark")
        XCTAssertTrue(strings.contains("МБОУ «Ээрбекская школа»") || strings.contains("МБОУ &#171;Ээрбекская школа&#187;"),
                      "the organisation the file was assigned to")
    }
}
