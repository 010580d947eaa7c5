import GRDB
import Model
import Registry
import XCTest

/// The corrections' rows (migration v7): kept as given, outcomes per file, and the changes a correction makes
/// to what a run recorded — what another database must do the same way.
final class CorrectionStoreTests: XCTestCase {
    private func day(_ iso: String) -> Day { Day(iso: iso)! }

    private func roadmap(_ organization: String?, dues: [String], modified: Double, sha: String) -> Submission {
        let items = dues.enumerated().map { i, due in
            Item(number: "\(i + 1)", activity: "Мероприятие \(i + 1)",
                 deadline: Deadline(text: "до \(due)", kinds: [.date], occurrences: [Occurrence(start: nil, due: day(due))]))
        }
        let export = Export(file: "\(sha).docx", sha256: sha, documents: [
            Document(kind: .roadmap, title: "Дорожная карта \(sha)", organization: organization, sections: [Section(items: items)]),
        ], diagnostics: [Diagnostic(.itemNumberingGap, text: "3", message: "Пропуск", document: 0, item: "2")])
        return Submission(sha256: sha, name: "\(sha).docx", size: 1, receivedAt: "2026-01-01T00:00:00Z", modifiedAt: modified,
                          outcome: .processed, organization: organization, storedPath: "Обработанные/\(sha).docx",
                          exportPath: "Организации/\(sha).json", export: export)
    }

    func testACorrectionIsKeptAsGivenWithItsOutcomes() throws {
        let registry = try Registry()
        let id = try registry.record(roadmap("Школа № 1", dues: ["2024-03-01"], modified: 1, sha: "a"))
        let given = Correction(kind: .itemStatus, inputId: id, document: 0, organization: "Школа № 1", documentKind: .roadmap,
                               item: ItemReference(number: "1", activity: "Мероприятие 1"), quarter: "2024-Q1",
                               value: "выполнено", note: "по телефону", author: "Иванова", createdAt: "2026-12-05T10:00:00Z")
        let kept = try registry.transaction { try $0.add(given) }
        XCTAssertGreaterThan(kept.id, 0)
        var expected = given
        expected.id = kept.id
        XCTAssertEqual(try registry.allCorrections(), [expected])
        XCTAssertEqual(try registry.read { try $0.corrections(organization: "ШКОЛА №1") }, [expected], "by the organisation's key")
        XCTAssertEqual(try registry.corrections(inputId: id), [expected])

        try registry.transaction { try $0.record(outcomes: [CorrectionOutcome(correction: kept, inputId: id, state: .applied(document: 0, item: 0))]) }
        try registry.transaction { try $0.record(outcomes: [CorrectionOutcome(correction: kept, inputId: id, state: .notApplicable(reason: "нет"))]) }
        XCTAssertEqual(try registry.correctionOutcomes(inputId: id).map(\.state), [.notApplicable(reason: "нет")], "the later note replaces")
    }

    func testAssigningAFileFilesItsRoadmapAndItsCorrections() throws {
        let registry = try Registry()
        let old = try registry.record(roadmap("Школа № 1", dues: ["2024-03-01"], modified: 1, sha: "a"))
        let stray = try registry.record(roadmap(nil, dues: ["2024-03-05"], modified: 2, sha: "b"))
        let note = try registry.transaction { try $0.add(Correction(kind: .dismissal, inputId: stray, code: "item.numbering-gap",
                                                                    subject: "3", value: "отклонено", author: "И", createdAt: "x")) }
        XCTAssertNil(note.organization)
        try registry.transaction { try $0.assignOrganization(inputId: stray, document: nil, organization: "Школа № 1") }
        XCTAssertEqual(try registry.currentRoadmap(organization: "Школа № 1")?.inputId, stray, "the newer roadmap is current")
        XCTAssertEqual(try registry.roadmapHistory(organization: "Школа № 1").map(\.inputId), [stray, old])
        XCTAssertEqual(try registry.input(id: stray)?.organization, "Школа № 1")
        XCTAssertEqual(try registry.corrections(inputId: stray).first?.organization, "Школа № 1", "its corrections follow the file")
    }

    func testDeadlinesKindsAndContentAreReplaced() throws {
        let registry = try Registry()
        let id = try registry.record(roadmap("Школа", dues: ["2024-03-01", "2024-05-01"], modified: 1, sha: "a"))
        try registry.transaction {
            try $0.setDeadline(inputId: id, document: 0, item: 1, deadline: Deadline(
                text: "до 1 февраля 2024", kinds: [.date], occurrences: [Occurrence(start: nil, due: day("2024-02-01"))]))
        }
        let q1 = try registry.itemsDue(from: day("2024-01-01"), to: day("2024-03-31"))
        XCTAssertEqual(q1.map(\.deadlineText), ["до 1 февраля 2024", "до 2024-03-01"])

        try registry.transaction { try $0.setDocumentKind(inputId: id, document: 0, kind: .report) }
        XCTAssertEqual(try registry.documents(inputId: id).map(\.kind), [.report])
        XCTAssertNil(try registry.currentRoadmap(organization: "Школа"))

        var reread = roadmap("Школа", dues: ["2024-06-01"], modified: 1, sha: "a").export!
        reread.diagnostics = []
        try registry.transaction { try $0.replaceContent(inputId: id, export: reread) }
        XCTAssertEqual(try registry.documents(inputId: id).map(\.itemCount), [1])
        XCTAssertEqual(try registry.currentRoadmap(organization: "Школа")?.inputId, id)
        XCTAssertEqual(try registry.diagnosticCounts()[id], nil, "its findings are the new reading's")
        XCTAssertEqual(try registry.itemsDue(from: day("2024-06-01"), to: day("2024-06-30")).count, 1)
    }
}
