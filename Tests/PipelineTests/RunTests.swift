import Foundation
import JSON
import Model
import Pipeline
import Recognition
import TestSupport
import XCTest

/// `kartograf run` on a temporary inbox, through the real executable.
final class RunTests: XCTestCase {
    func testBatchProcessesEveryFileRejectsTheUnreadableAndLeavesLockFiles() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.put("Школа 1.docx", TestDocx.roadmap(organization: "МБОУ СОШ № 1"))
        try h.put("Школа 2.docx", TestDocx.roadmap(organization: "МБОУ СОШ № 2"))
        try h.put("битый.docx", Array("это не документ Word".utf8))
        try h.put("~$Школа 1.docx", [UInt8](repeating: 0, count: 162))
        try h.put(".скрытый.docx", TestDocx.roadmap(organization: "Скрытая"))

        let result = try h.run()
        XCTAssertEqual(result.status, 1, result.stderr)
        let summary = try XCTUnwrap(result.json)
        XCTAssertEqual(summary.int("processed"), 2)
        let rejected = try XCTUnwrap(summary["rejected"]?.arrayValue)
        XCTAssertEqual(rejected.map { $0["file"]?.stringValue }, ["битый.docx"])
        XCTAssertEqual(rejected.first?["code"]?.stringValue, "file.unreadable")

        // Lock and hidden files stay; everything else left the inbox.
        XCTAssertEqual(h.inboxNames(), [".скрытый.docx", "~$Школа 1.docx"])
        XCTAssertEqual(h.files(under: "Обработанные"), ["Школа 1.docx", "Школа 2.docx"])
        XCTAssertEqual(h.files(under: "Отклонённые"), ["битый.docx", "битый.docx.причина.txt"])
        let reason = try String(contentsOfFile: h.out + "/Отклонённые/битый.docx.причина.txt", encoding: .utf8)
        XCTAssertTrue(reason.contains("«битый.docx»") && reason.contains("file.unreadable"), reason)

        // Every processed file has an export naming it and a protocol.
        let files = try XCTUnwrap(summary["files"]?.arrayValue).filter { $0["outcome"]?.stringValue == "processed" }
        XCTAssertEqual(files.count, 2)
        for f in files {
            let exportPath = h.out + "/" + (f["export"]?.stringValue ?? "?")
            let export = try JSONParser.parse(String(contentsOfFile: exportPath, encoding: .utf8))
            XCTAssertEqual(export["source"]?["file"]?.stringValue, f["file"]?.stringValue)
            XCTAssertEqual(export["format"]?.stringValue, "roadmap-export/1")
            XCTAssertTrue(FileManager.default.fileExists(atPath: h.out + "/" + (f["protocol"]?.stringValue ?? "?")))
            XCTAssertTrue(f["export"]?.stringValue?.hasPrefix("Организации/") ?? false)
        }
        XCTAssertTrue(result.stderr.contains("Обработано: 2"), result.stderr)
    }

    func testSecondRunOfTheSameBytesSkipsThemAsKnown() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let a = TestDocx.roadmap(organization: "МБОУ СОШ № 1"), b = TestDocx.roadmap(organization: "МБОУ СОШ № 2")
        try h.put("a.docx", a)
        try h.put("b.docx", b)
        XCTAssertEqual(try h.run().status, 0)

        try h.put("a снова.docx", a)
        try h.put("b.docx", b)
        let second = try h.run()
        XCTAssertEqual(second.status, 0, second.stderr)
        let summary = try XCTUnwrap(second.json)
        XCTAssertEqual(summary.int("processed"), 0)
        XCTAssertEqual(summary["skipped"]?.arrayValue?.compactMap { $0["duplicateOf"]?.stringValue }.sorted(),
                       ["a.docx", "b.docx"])
        XCTAssertEqual(h.inboxNames(), [])
        XCTAssertEqual(h.files(under: "Повторы"), ["a снова.docx", "b.docx"])
        // The first b.docx keeps its place; no second export was written.
        XCTAssertEqual(h.files(under: "Обработанные"), ["a.docx", "b.docx"])
        XCTAssertEqual(h.files(under: "Организации").filter { $0.hasSuffix(".json") }.count, 2)

        // A run over an empty inbox is a no-op that succeeds.
        let third = try h.run()
        XCTAssertEqual(third.status, 0)
        XCTAssertEqual(third.json?["files"]?.arrayValue?.count, 0)
    }

    func testKeepInputsLeavesTheInboxAsItWas() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.put("a.docx", TestDocx.roadmap(organization: "Школа"))
        try h.put("плохой.docx", [])
        let before = h.inboxNames().map { Harness.sha(h.inbox + "/" + $0) }
        XCTAssertEqual(try h.run(["--keep-inputs"]).status, 1)
        XCTAssertEqual(h.inboxNames().map { Harness.sha(h.inbox + "/" + $0) }, before)
        XCTAssertEqual(h.files(under: "Обработанные"), ["a.docx"])

        let again = try h.run(["--keep-inputs"])
        XCTAssertEqual(again.json?["skipped"]?.arrayValue?.count, 2)
        XCTAssertEqual(again.status, 0, "known files are not rejected twice")
        XCTAssertEqual(h.files(under: "Повторы"), [])
    }

    func testNewVersionOfARoadmapSupersedesTheOld() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.put("карта.docx", TestDocx.roadmap(organization: "МБОУ СОШ № 7", version: 1))
        let first = try h.run()
        XCTAssertEqual(first.status, 0)
        XCTAssertNotNil(first.json?["files"]?.arrayValue?.first?["organization"]?.stringValue,
                        "the organisation of the roadmap is recognised")
        sleep(1)  // a later modification time
        try h.put("карта.docx", TestDocx.roadmap(organization: "МБОУ СОШ № 7", version: 2, rows: 7))
        XCTAssertEqual(try h.run().status, 0)

        let status = try XCTUnwrap(h.kartograf(["status", "--out", h.out, "--json"]).json?.arrayValue)
        XCTAssertEqual(status.count, 1)
        XCTAssertEqual(status[0].int("earlierRoadmaps"), 1)
        XCTAssertEqual(status[0]["roadmap"]?.int("items"), 7)
        XCTAssertEqual(h.files(under: "Обработанные"), ["карта (2).docx", "карта.docx"])
    }

    func testStatusListsOrganisationsWithDiagnostics() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.put("a.docx", TestDocx.roadmap(organization: "Школа"))
        _ = try h.run()
        let status = try h.kartograf(["status", "--out", h.out, "--json"])
        XCTAssertEqual(status.status, 0, status.stderr)
        let list = try XCTUnwrap(status.json?.arrayValue)
        XCTAssertEqual(list.map { $0.int("files") }.reduce(0) { $0 + ($1 ?? 0) }, 1)
        XCTAssertNotNil(list.first?["diagnostics"]?["error"])

        let missing = try h.kartograf(["status", "--out", h.root + "/нет такой"])
        XCTAssertEqual(missing.status, 2)
    }

    /// The text form names a roadmap by its title, and one without a title by its file, said as such.
    func testStatusNamesARoadmapByItsTitleElseByItsFile() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.put("с названием.docx", TestDocx.roadmap(organization: "МБОУ СОШ № 7"))
        var table = "<w:tbl>" + TestDocx.row(["№", "Мероприятие", "Сроки", "Ответственные", "Результат"])
        for i in 1...3 { table += TestDocx.row(["\(i)", "Мероприятие \(i)", "до 01.03.2024", "Директор", "Отчёт"]) }
        try h.put("без названия.docx", TestDocx.zip(documentXML: table + "</w:tbl>"))
        XCTAssertEqual(try h.run().status, 0)
        let status = try h.kartograf(["status", "--out", h.out])
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertTrue(status.stdout.contains("дорожная карта: «Дорожная карта по реализации целевой модели наставничества"),
                      status.stdout)
        XCTAssertTrue(status.stdout.contains("дорожная карта без названия из файла «без названия.docx»"), status.stdout)
    }

    /// A home lexicon the methodist broke by hand: a run does not start on it (the files stay in the inbox);
    /// broken while a pipeline runs (`watch`, `serve`), it is said in the summary and files are read with the
    /// words read before.
    func testABrokenLexiconIsSaidNotSwallowed() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try FileManager.default.createDirectory(atPath: h.out, withIntermediateDirectories: true)
        let lexicon = h.out + "/" + HomeLexicon.fileName
        try Data("{ не JSON".utf8).write(to: URL(fileURLWithPath: lexicon))
        try h.put("a.docx", TestDocx.roadmap(organization: "МБОУ СОШ № 7"))
        let refused = try h.run()
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains(HomeLexicon.fileName), refused.stderr)
        XCTAssertEqual(h.files(under: h.inbox), ["a.docx"])

        try FileManager.default.removeItem(atPath: lexicon)
        let pipeline = try FolderPipeline(options: PipelineOptions(inbox: h.inbox, output: h.out, workers: 1, converter: nil))
        defer { pipeline.close() }
        try Data("{ не JSON".utf8).write(to: URL(fileURLWithPath: lexicon))
        let summary = pipeline.runInbox()
        XCTAssertEqual(summary.count(.processed), 1)
        XCTAssertEqual(summary.notices.count, 1)
        XCTAssertTrue(summary.notices[0].contains("без последних исправлений"), summary.notices[0])
        XCTAssertTrue(summary.text.contains("Внимание: "), summary.text)
        XCTAssertEqual(summary.json["notices"]?.arrayValue?.count, 1)
    }

    func testHostileNamesBecomeSafeOutputNames() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let names = ["карта\u{202E}xcod.docx", "перевод\nстроки.docx", " ..docx", String(repeating: "Ж", count: 120) + ".docx"]
        for (i, name) in names.enumerated() { try h.put(name, TestDocx.roadmap(organization: "Школа \(i)")) }
        let result = try h.run()
        XCTAssertEqual(result.status, 0, result.stderr)
        let produced = h.files(under: h.out)
        XCTAssertFalse(produced.isEmpty)
        for path in produced {
            for component in path.split(separator: "/") {
                XCTAssertLessThanOrEqual(component.utf8.count, 255)
                XCTAssertFalse(component.unicodeScalars.contains {
                    $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
                }, "unsafe name \(component.debugDescription)")
            }
        }
        XCTAssertEqual(h.files(under: "Обработанные").count, names.count)
        XCTAssertTrue(h.files(under: "Обработанные").contains("Без названия.docx"))
        XCTAssertEqual(h.inboxNames(), [])
    }

    func testUsageErrorsExitWithTwo() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        XCTAssertEqual(try h.kartograf(["run", h.root + "/нет такой папки", "--out", h.out]).status, 2)
        XCTAssertEqual(try h.kartograf(["run", h.inbox, "--jobs", "0"]).status, 2)
        try h.put("a.docx", TestDocx.roadmap(organization: "Школа"))
        XCTAssertEqual(try h.kartograf(["run", h.inbox, "--out", h.inbox + "/"]).status, 2)
        XCTAssertEqual(h.inboxNames(), ["a.docx"], "nothing done on a usage error")
    }
}
