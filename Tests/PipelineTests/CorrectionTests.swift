import Foundation
import JSON
import Model
import OOXML
import Organisations
import Pipeline
import Registry
import Reports
import Templates
import TestSupport
import XCTest

/// A fresh inbox and output folder under a temporary root, removed after each test.
class InboxTestCase: XCTestCase {
    var root = ""
    var inbox: String { root + "/inbox" }
    var out: String { root + "/out" }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kartograf-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }
}

/// The methodist's corrections over real runs of dev corpus files: kept with who and when, shown as
/// «исправлено методистом» in the protocol and the quarter, and applied again to the school's next
/// version where their items still match (listed as no longer applicable where they do not).
final class CorrectionTests: InboxTestCase {
    static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Runs the pipeline over the inbox in this process.
    @discardableResult
    func runInbox(roster: Roster? = nil) throws -> RunSummary {
        let pipeline = try FolderPipeline(options: PipelineOptions(inbox: inbox, output: out, workers: 1, converter: nil,
                                                                   roster: roster))
        defer { pipeline.close() }
        return pipeline.runInbox()
    }

    func put(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: inbox + "/" + name))
    }

    func corpus(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: try Shared.require("corpus/dev/" + name))))
    }

    /// The same Word file with texts of its body replaced: a school's next version.
    func edited(_ bytes: [UInt8], _ replacements: [(String, String)]) throws -> [UInt8] {
        let archive = try ZipArchive(bytes: bytes)
        var writer = ZipWriter()
        for name in archive.entryNames {
            var data = try XCTUnwrap(try archive.read(name))
            if name == "word/document.xml" {
                var text = String(decoding: data, as: UTF8.self)
                for (a, b) in replacements {
                    XCTAssertTrue(text.contains(a), "the file holds «\(a)»")
                    text = text.replacingOccurrences(of: a, with: b)
                }
                data = Array(text.utf8)
            }
            writer.add(name, data)
        }
        return try writer.bytes()
    }

    func inputId(named name: String, _ registry: any RegistryStore) throws -> Int64 {
        let all = try (registry as! Registry).documents(kinds: Set(DocumentKind.allCases))
        return try XCTUnwrap(all.last { $0.inputName == name }?.inputId, "\(name) is recorded")
    }

    func html(_ view: CorrectionDesk.FileView) throws -> String {
        let path = try XCTUnwrap(view.input.protocolPath).replacingOccurrences(of: ".protocol.docx", with: ".protocol.html")
        return try String(contentsOfFile: out + "/" + path, encoding: .utf8)
    }

    // MARK: Organisation

    func testAFileWithoutAnOrganisationIsAssignedAndItsNameFormLearned() throws {
        // seed_001 names no organisation; seed_000 names itself in a form the roster does not list.
        try put("seed_001.docx", try corpus("seed_001.docx"))
        try put("seed_000.docx", try corpus("seed_000.docx"))
        let roster = Roster(entries: [RosterEntry(official: "МБОУ «Школа № 9 села Ээрбек»"),
                                      RosterEntry(official: "МБОУ «Школа будущего»")])
        try Data(roster.csvText.utf8).write(to: URL(fileURLWithPath: out + "/" + Roster.fileName).createdFolder())
        try runInbox(roster: roster)
        let desk = try CorrectionDesk(output: out)
        let registry = desk.registry

        let unnamed = try inputId(named: "seed_001.docx", registry)
        XCTAssertNil(try desk.file(unnamed).input.organization)
        let c = try desk.assignOrganization(file: unnamed, to: "МБОУ «Школа будущего»", author: "Иванова И. И.",
                                            note: "по письму школы")
        XCTAssertEqual(c.kind, .organization)
        XCTAssertEqual(c.author, "Иванова И. И.")
        XCTAssertEqual(c.createdAt.count, 20, "when, to the second: \(c.createdAt)")
        let view = try desk.file(unnamed)
        XCTAssertEqual(view.input.organization, "МБОУ «Школа будущего»")
        XCTAssertEqual(try registry.currentRoadmap(organization: "МБОУ «Школа будущего»")?.inputId, unnamed,
                       "its roadmap is now the school's current one")
        let page = try html(view)
        XCTAssertTrue(page.contains("исправлено методистом"), "the protocol marks the correction")
        let docx = out + "/" + (try XCTUnwrap(view.input.protocolPath))
        let xml = String(decoding: try XCTUnwrap(try ZipArchive(path: docx).read("word/document.xml")), as: UTF8.self)
        XCTAssertTrue(xml.contains("исправлено методистом"), "the Word protocol too")
        XCTAssertTrue(page.contains("Иванова И. И."))
        XCTAssertTrue(page.contains("по письму школы"))

        // The name form seed_000 uses is learned into the roster, then a file written that way is filed there.
        let stated = try inputId(named: "seed_000.docx", registry)
        let form = try XCTUnwrap(try desk.file(stated).original.documents.first?.organization)
        try desk.assignOrganization(file: stated, to: "МБОУ «Школа № 9 села Ээрбек»", author: "Иванова И. И.")
        let learned = try Roster.load(path: desk.rosterPath)
        XCTAssertTrue(learned.entries[0].forms.contains(form), "\(learned.entries[0].forms) holds «\(form)»")
        XCTAssertEqual(OrganisationIndex(roster: learned).match(form), 0)

        // The next version of seed_000 (other bytes) lands under the roster name, also in a process that read the
        // roster before the form was learned (a long-running one): the registry keeps the form too.
        try put("seed_000 v2.docx", try edited(try corpus("seed_000.docx"), [("Дорожная карта", "Дорожная  карта")]))
        try runInbox(roster: roster)
        let next = try desk.file(try inputId(named: "seed_000 v2.docx", registry))
        XCTAssertEqual(next.input.organization, "МБОУ «Школа № 9 села Ээрбек»")
        XCTAssertFalse(next.export.diagnostics.contains { $0.code == .organisationNotInRoster })
    }

    func testALearnedFormFilesTheNextFileWithoutARoster() throws {
        try put("seed_000.docx", try corpus("seed_000.docx"))
        try runInbox()
        let desk = try CorrectionDesk(output: out)
        let id = try inputId(named: "seed_000.docx", desk.registry)
        try desk.assignOrganization(file: id, to: "Ээрбекская школа", author: "Петрова")
        try put("seed_000 v2.docx", try edited(try corpus("seed_000.docx"), [("Дорожная карта", "Дорожная  карта")]))
        try runInbox()
        let next = try desk.file(try inputId(named: "seed_000 v2.docx", desk.registry))
        XCTAssertEqual(next.input.organization, "Ээрбекская школа")
    }

    // MARK: Items, findings, deadlines

    func testCorrectionsOfAReportSurviveItsNextVersion() throws {
        try put("seed_002.docx", try corpus("seed_002.docx"))
        try runInbox()
        let desk = try CorrectionDesk(output: out)
        let id = try inputId(named: "seed_002.docx", desk.registry)
        let view = try desk.file(id)
        let items = view.original.documents[0].allItems.map(\.item)
        let sixteen = try XCTUnwrap(items.firstIndex { $0.number == "16" })
        let first = try XCTUnwrap(items.firstIndex { $0.number == "1" })

        // A deadline typed again is parsed at once.
        let deadline = try desk.correctDeadline(file: id, document: 0, item: sixteen, text: "декабрь 2021 г.", author: "Иванова")
        XCTAssertEqual(deadline.deadline.occurrences.last?.due, Day(year: 2021, month: 12, day: 31))
        XCTAssertTrue(deadline.diagnostics.isEmpty, "\(deadline.diagnostics)")
        XCTAssertFalse(try desk.file(id).export.diagnostics.contains { $0.code == .deadlineInvalidDate },
                       "the invalid date's finding gave way to the corrected text")
        let due = try desk.registry.itemsDue(from: Day(year: 2021, month: 12, day: 1)!, to: Day(year: 2021, month: 12, day: 31)!,
                                             organization: nil, kinds: nil)
        XCTAssertTrue(due.contains { $0.number == "16" && $0.deadlineText == "декабрь 2021 г." }, "the registry's dates changed")

        // A finding dismissed for a reason.
        let gap = try XCTUnwrap(view.export.diagnostics.first { $0.code == .itemNumberingGap })
        let counted = try (desk.registry as! Registry).diagnosticCounts()[id]?[gap.severity] ?? 0
        try desk.dismissDiagnostic(file: id, gap, reason: "пункт 23 снят приказом", author: "Иванова")
        XCTAssertFalse(try desk.file(id).export.diagnostics.contains(gap))
        XCTAssertEqual(try (desk.registry as! Registry).diagnosticCounts()[id]?[gap.severity] ?? 0, counted - 1,
                       "the registry's counts (status, the quarter) no longer count it")

        // A status for a quarter.
        let q4 = try XCTUnwrap(Quarter("2021-Q4"))
        try desk.setItemStatus(file: id, document: 0, item: first, quarter: q4, status: .done, note: "сообщили по телефону",
                               author: "Иванова")
        let outcomes = try desk.outcomes(file: id)
        XCTAssertEqual(outcomes.count, 3)
        XCTAssertTrue(outcomes.allSatisfy(\.state.isApplied), "\(outcomes)")
        let page = try html(try desk.file(id))
        XCTAssertTrue(page.contains("Замечание отклонено"))
        XCTAssertTrue(page.contains("пункт 23 снят приказом"))
        XCTAssertTrue(page.contains("декабрь 2021 г."))

        // The school's next version: item 1 is now about something else, the rest as it was.
        try put("seed_002 v2.docx", try edited(try corpus("seed_002.docx"), [
            ("Издание приказа о реализации целевой моде", "Проведение торжественной линейки"),
            ("назначении ответственного за внедрение целевой мод", "вручение грамот"),
        ]))
        try runInbox()
        let nextId = try inputId(named: "seed_002 v2.docx", desk.registry)
        XCTAssertNotEqual(nextId, id)
        let next = try desk.outcomes(file: nextId)
        func state(_ kind: CorrectionKind) -> CorrectionState? { next.first { $0.correction.kind == kind }?.state }
        XCTAssertEqual(state(.deadline)?.isApplied, true, "item 16 still matches: its deadline is corrected again")
        XCTAssertEqual(state(.dismissal)?.isApplied, true, "the same gap is dismissed again")
        guard case let .notApplicable(reason)? = state(.itemStatus) else { return XCTFail("\(next)") }
        XCTAssertTrue(reason.contains("нет"), reason)
        let nextView = try desk.file(nextId)
        XCTAssertFalse(nextView.export.diagnostics.contains { $0.code == .deadlineInvalidDate || ($0.code == .itemNumberingGap && $0.item == "24") },
                       "\(nextView.export.diagnostics.map { "\($0.code.rawValue) \($0.item ?? "")" })")
        XCTAssertTrue(try html(nextView).contains("исправлено методистом"), "the new version's protocol was written with them")
        // Nothing typed is lost: the corrections themselves are all still kept.
        XCTAssertEqual(try desk.all().count, 3)

        // The school's roadmap is no version of its report: the report's corrections are not tried on it.
        try put("roadmap.docx", TestDocx.roadmap(organization: "МБОУ лицей №1 г. Пролетарска"))
        try runInbox()
        let roadmapId = try inputId(named: "roadmap.docx", desk.registry)
        XCTAssertEqual(try desk.file(roadmapId).input.organization, try desk.file(id).input.organization)
        XCTAssertEqual(try desk.outcomes(file: roadmapId), [])
    }

    func testTheQuarterShowsTheMethodistsStatus() throws {
        try put("seed_000.docx", try corpus("seed_000.docx"))
        try runInbox()
        let desk = try CorrectionDesk(output: out)
        let id = try inputId(named: "seed_000.docx", desk.registry)
        let items = try desk.file(id).original.documents[0].allItems.map(\.item)
        let three = try XCTUnwrap(items.firstIndex { $0.number == "3" })
        let q2 = try XCTUnwrap(Quarter("2023-Q2"))
        try desk.setItemStatus(file: id, document: 0, item: three, quarter: q2, status: .done, note: "сообщили по телефону",
                               author: "Иванова И. И.")
        try desk.assignOrganization(file: id, to: "МБОУ «Ээрбекская школа»", author: "Иванова И. И.")

        let source = RegistryQuarterlySource(output: out, linkPrefix: "")
        let school = try XCTUnwrap(try source.inputs(for: q2, organization: nil).value.first)
        XCTAssertEqual(school.organization, "МБОУ «Ээрбекская школа»")
        let submission = QuarterlySelector().submission(for: school, quarter: q2, generatedOn: Day(year: 2023, month: 7, day: 5)!)
        let row = try XCTUnwrap(submission.rows.first { $0.number == "3" }, "\(submission.rows.map(\.number))")
        XCTAssertEqual(row.status, .done)
        XCTAssertEqual(row.correction, "исправлено методистом (Иванова И. И., \(Day(iso: String(FolderPipelineClock.today.prefix(10)))!.dottedDate)): сообщили по телефону")
        XCTAssertTrue(row.json["status"]?.stringValue?.hasPrefix("выполнено — исправлено методистом") ?? false)
        XCTAssertEqual(submission.counts.dueDone, 1)
        XCTAssertTrue(submission.corrections.contains { $0.contains("отнесён к организации «МБОУ «Ээрбекская школа»» — исправлено методистом") },
                      "\(submission.corrections)")
        // The installed submission template shows both.
        let template = try DocxTemplate(path: Self.repository + "/samples/templates/quarterly.docx").prepare()
        let filled = try template.fill(submission.json)
        let xml = String(decoding: try XCTUnwrap(try ZipArchive(bytes: filled).read("word/document.xml")), as: UTF8.self)
        XCTAssertTrue(xml.contains("выполнено — исправлено методистом (Иванова И. И."), "the row's status")
        XCTAssertTrue(xml.contains("отнесён к организации"), "the organisation's note")
        // Another quarter is not touched.
        let q3 = try XCTUnwrap(Quarter("2023-Q3"))
        let other = QuarterlySelector().submission(for: school, quarter: q3, generatedOn: Day(year: 2023, month: 10, day: 5)!)
        XCTAssertTrue(other.rows.allSatisfy { $0.correction == nil })

        // The school's next version renames item 3's activity: the status is listed as no longer applicable.
        try put("seed_000 v2.docx", try edited(try corpus("seed_000.docx"), [
            ("Согласование дорожной карты по реализации системы (целевой модели) наставничества", "Проведение педсовета"),
        ]))
        try runInbox()
        let nextId = try inputId(named: "seed_000 v2.docx", desk.registry)
        let outcomes = try desk.outcomes(file: nextId)
        let debug = "\(try desk.file(nextId).input) \(try desk.all())"
        XCTAssertEqual(outcomes.count, 1, debug)
        XCTAssertFalse(outcomes.first?.state.isApplied ?? true, "\(outcomes)")
        XCTAssertEqual(try desk.notApplicable().map(\.inputId), [nextId], "listed for the methodist")
        // The quarter of the new version no longer carries the status (its item is gone), and says nothing false.
        let again = try XCTUnwrap(try source.inputs(for: q2, organization: nil).value.first)
        let later = QuarterlySelector().submission(for: again, quarter: q2, generatedOn: Day(year: 2023, month: 7, day: 5)!)
        XCTAssertTrue(later.rows.allSatisfy { $0.correction == nil }, "\(later.rows.map(\.correction))")
    }

    func testRefusalsAreRussianSentences() throws {
        try put("seed_002.docx", try corpus("seed_002.docx"))
        try runInbox()
        let desk = try CorrectionDesk(output: out)
        let id = try inputId(named: "seed_002.docx", desk.registry)
        XCTAssertThrowsError(try desk.correctDeadline(file: id, document: 0, item: 9999, text: "май", author: "И")) {
            XCTAssertTrue("\($0)".contains("нет пункта"), "\($0)")
        }
        XCTAssertThrowsError(try desk.assignColumn(file: id, header: "Срок освоения", field: "colour", author: "И")) {
            XCTAssertTrue("\($0)".contains("неизвестно"), "\($0)")
        }
        XCTAssertThrowsError(try desk.file(424242)) { XCTAssertTrue("\($0)".contains("нет в реестре"), "\($0)") }
        XCTAssertThrowsError(try CorrectionDesk(output: root + "/nowhere")) { XCTAssertTrue("\($0)".contains("нет реестра")) }
    }
}

/// Today as the desk stamps corrections.
enum FolderPipelineClock {
    static var today: String {
        var now = time(nil)
        var t = tm()
        gmtime_r(&now, &t)
        return String(format: "%04d-%02d-%02d", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday)
    }
}

extension URL {
    /// The URL, its folder made first.
    func createdFolder() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}

/// Teaching a column and a document kind: the file is read again at once, and the next school's file written
/// the same way is read without help.
final class TeachingTests: InboxTestCase {
    static func plan(school: String, heading: String = "Дорожная карта по реализации целевой модели наставничества") -> [UInt8] {
        let body = TestDocx.paragraph("\(heading) в \(school) на 2024 год", bold: true)
        var table = "<w:tbl>" + TestDocx.row(["№", "Мероприятие", "Ориентир исполнения", "Ответственный"])
        // Deadlines that name no date: nothing in the cells tells the column's field either.
        for (n, a, d) in [("1", "Проведение диагностики затруднений педагогов", "после педсовета"),
                          ("2", "Организация работы наставнических пар", "по готовности")] {
            table += TestDocx.row([n, a, d, "Заместитель директора по УВР"])
        }
        return TestDocx.zip(documentXML: body + table + "</w:tbl>")
    }

    func runInbox() throws {
        let pipeline = try FolderPipeline(options: PipelineOptions(inbox: inbox, output: out, workers: 1, converter: nil))
        defer { pipeline.close() }
        _ = pipeline.runInbox()
    }

    func testATaughtColumnIsReadAtOnceAndInTheNextSchoolsFile() throws {
        try Data(Self.plan(school: "МБОУ СОШ № 5")).write(to: URL(fileURLWithPath: inbox + "/сош5.docx"))
        try runInbox()
        let desk = try CorrectionDesk(output: out)
        let first = try XCTUnwrap(try desk.files().first)
        let before = try desk.file(first.id)
        let roadmap = try XCTUnwrap(before.export.documents.firstIndex { $0.kind == .roadmap })
        XCTAssertEqual(before.export.documents[roadmap].allItems.compactMap(\.item.deadline.text), [],
                       "the header names nothing the bundled data knows")

        try desk.assignColumn(file: first.id, document: roadmap, header: "Ориентир исполнения", field: "deadline", author: "Иванова")
        let after = try desk.file(first.id)
        XCTAssertEqual(after.export.documents[roadmap].allItems.map(\.item.deadline.text), ["после педсовета", "по готовности"])
        XCTAssertFalse(after.export.diagnostics.contains { $0.code == .deadlineMissing }, "\(after.export.diagnostics.map(\.code))")
        XCTAssertTrue(try desk.registry.read { try $0.documents(inputId: first.id) }.contains { $0.itemCount == 2 })
        XCTAssertTrue(after.marks.contains { $0.text.contains("Ориентир исполнения") })

        // The next school writes the same header: read without help.
        try Data(Self.plan(school: "МБОУ СОШ № 6")).write(to: URL(fileURLWithPath: inbox + "/сош6.docx"))
        try runInbox()
        let second = try XCTUnwrap(try desk.files().last)
        XCTAssertNotEqual(second.id, first.id)
        XCTAssertEqual(try desk.file(second.id).export.documents.flatMap(\.allItems).compactMap(\.item.deadline.text).count, 2)
    }

    /// A file converted from .doc is converted again to be read with a taught column, where LibreOffice
    /// is there (a stand-in script plays it); without it, the file says it waits for its next version.
    func testATaughtColumnRereadsAConvertedFileWhereLibreOfficeIsThere() throws {
        let converter = LegacyConverter(executable: try StandInConverter.install(in: root, converting: Self.plan(school: "МБОУ СОШ № 5")))
        try Data(StandInConverter.legacyBytes).write(to: URL(fileURLWithPath: inbox + "/сош5.doc"))
        let pipeline = try FolderPipeline(options: PipelineOptions(inbox: inbox, output: out, workers: 1, converter: converter))
        XCTAssertEqual(pipeline.runInbox().count(.processed), 1)
        pipeline.close()

        let without = try CorrectionDesk(output: out, converter: nil)
        let first = try XCTUnwrap(try without.files().first)
        XCTAssertTrue(first.converted)
        XCTAssertFalse(without.canReread(first))
        XCTAssertThrowsError(try without.reread(file: first.id)) {
            XCTAssertTrue("\($0)".contains("LibreOffice не установлен"), "\($0)")
        }

        let desk = try CorrectionDesk(output: out, converter: converter)
        XCTAssertTrue(desk.canReread(first))
        let roadmap = try XCTUnwrap(try desk.file(first.id).export.documents.firstIndex { $0.kind == .roadmap })
        try desk.assignColumn(file: first.id, document: roadmap, header: "Ориентир исполнения", field: "deadline", author: "Иванова")
        XCTAssertEqual(try desk.file(first.id).export.documents[roadmap].allItems.map(\.item.deadline.text),
                       ["после педсовета", "по готовности"])
        XCTAssertEqual(((try? FileManager.default.contentsOfDirectory(atPath: out + "/.kartograf-tmp")) ?? []), [],
                       "the conversion's folder is removed")
    }

    func testATaughtDocumentKindIsLearnedFromItsHeading() throws {
        let heading = "Маршрут преобразований наставничества"
        try Data(Self.plan(school: "МБОУ СОШ № 5", heading: heading)).write(to: URL(fileURLWithPath: inbox + "/сош5.docx"))
        try runInbox()
        let desk = try CorrectionDesk(output: out)
        let first = try XCTUnwrap(try desk.files().first)
        let view = try desk.file(first.id)
        let titled = view.documents.firstIndex { ($0.title ?? "").hasPrefix("Маршрут") }
        let document = titled ?? 0
        try desk.assignDocumentKind(file: first.id, document: document, kind: .roadmap,
                                    heading: "\(heading) в МБОУ СОШ № 5 на 2024 год", author: "Иванова")
        let words = try String(contentsOfFile: desk.lexiconPath, encoding: .utf8)
        XCTAssertTrue(words.contains("Маршрут преобразований наставничества"), words)
        XCTAssertEqual(try desk.registry.documents(inputId: first.id).first { ($0.title ?? "").hasPrefix("Маршрут") }?.kind, .roadmap)

        try Data(Self.plan(school: "МБОУ СОШ № 6", heading: heading)).write(to: URL(fileURLWithPath: inbox + "/сош6.docx"))
        try runInbox()
        let second = try XCTUnwrap(try desk.files().last)
        let read = try desk.registry.documents(inputId: second.id)
        XCTAssertTrue(read.contains { $0.kind == .roadmap && ($0.title ?? "").hasPrefix("Маршрут") }, "\(read.map { ($0.kind, $0.title) })")
    }
}
