import Foundation
import Model
import XCTest
import Registry

/// What every registry back-end must do, whatever keeps it: one suite of checks that
/// `RegistryTests` (SQLite) and `PostgresRegistryTests` run, each on fresh registries of its own.
struct RegistryContract {
    /// A new, empty registry.
    let make: () throws -> any RegistryStore

    /// Every clause of the contract, by name: each back-end's `testContract` runs them all.
    /// (XCTest on Linux does not find test methods a class inherits, so the list lives here once.)
    static let clauses: [(name: String, check: @Sendable (RegistryContract) throws -> Void)] = [
        ("migrationsAreNamedAndApplied", { try $0.migrationsAreNamedAndApplied() }),
        ("sameBytesAreKnownAndDuplicatesPointAtTheFirst", { try $0.sameBytesAreKnownAndDuplicatesPointAtTheFirst() }),
        ("twoFirstArrivalsOfTheSameBytesAreRefused", { try $0.twoFirstArrivalsOfTheSameBytesAreRefused() }),
        ("newerRoadmapSupersedesAndOlderStaysInHistory", { try $0.newerRoadmapSupersedesAndOlderStaysInHistory() }),
        ("spellingsOfOneOrganisationAreOne", { try $0.spellingsOfOneOrganisationAreOne() }),
        ("anOlderFileArrivingLateDoesNotSupersede", { try $0.anOlderFileArrivingLateDoesNotSupersede() }),
        ("aFileOfSeveralRoadmapsEndsWithItsLastCurrent", { try $0.aFileOfSeveralRoadmapsEndsWithItsLastCurrent() }),
        ("roadmapsWithoutOrganizationDoNotSupersedeEachOther", { try $0.roadmapsWithoutOrganizationDoNotSupersedeEachOther() }),
        ("itemsDueInAQuarterComeFromCurrentVersionsOnly", { try $0.itemsDueInAQuarterComeFromCurrentVersionsOnly() }),
        ("itemsDueIncludeWindowsThatStartBeforeTheSpan", { try $0.itemsDueIncludeWindowsThatStartBeforeTheSpan() }),
        ("latestReportIsTheMostRecentFile", { try $0.latestReportIsTheMostRecentFile() }),
        ("claimedPathsCoverEveryOutputOfARecordedFile", { try $0.claimedPathsCoverEveryOutputOfARecordedFile() }),
        ("aTransactionSeesItsOwnRecordsAndAFailureLeavesNothing", { try $0.aTransactionSeesItsOwnRecordsAndAFailureLeavesNothing() }),
        ("lookupsListWhatWasRecorded", { try $0.lookupsListWhatWasRecorded() }),
        ("statusOrdersOrganisationsByNameWithTheUnnamedLast", { try $0.statusOrdersOrganisationsByNameWithTheUnnamedLast() }),
        ("documentsAndDiagnosticCountsFollowTheArrivals", { try $0.documentsAndDiagnosticCountsFollowTheArrivals() }),
        ("inputListingsShowEveryArrivalNewestFirstWithItsFindings", { try $0.inputListingsShowEveryArrivalNewestFirstWithItsFindings() }),
    ]

    /// Runs every clause on registries of its own; a clause that throws is reported under its name
    /// and the others still run. A skip (no test server outside CI) skips the whole contract.
    func checkAll(file: StaticString = #filePath, line: UInt = #line) throws {
        for clause in Self.clauses {
            do { try clause.check(self) } catch let skip as XCTSkip { throw skip } catch {
                XCTFail("\(clause.name): \(error)", file: file, line: line)
            }
        }
    }

    func day(_ iso: String) -> Day { Day(iso: iso)! }

    func roadmap(organization: String?, title: String, dues: [[String]]) -> Export {
        let items = dues.enumerated().map { i, dueList in
            Item(number: "\(i + 1)", activity: "Мероприятие \(i + 1)",
                 deadline: Deadline(text: "срок \(i + 1)", kinds: [.date],
                                    occurrences: dueList.map { Occurrence(start: nil, due: day($0)) }),
                 responsibles: [Responsible(text: "Директор", kind: .role, key: "director")])
        }
        let document = Document(kind: .roadmap, title: title, organization: organization,
                                period: Period(from: day("2023-01-01"), to: day("2025-12-31")),
                                sections: [Section(number: "I", title: "Подготовка", items: items)])
        return Export(file: "\(title).docx", sha256: "", documents: [document],
                      diagnostics: [Diagnostic(.deadlineUnparsed, field: .deadline, text: "когда-нибудь",
                                               message: "Пункт 1: срок не понят", item: "1")])
    }

    func submission(_ sha: String, _ name: String, modified: Double, export: Export?,
                            outcome: InputOutcome = .processed) -> Submission {
        Submission(sha256: sha, name: name, size: 100, receivedAt: "2026-01-01T00:00:00Z", modifiedAt: modified,
                   outcome: outcome, organization: export.flatMap { $0.documents.first?.organization },
                   storedPath: "Обработанные/\(name)", exportPath: "Организации/x/\(name).json", export: export)
    }

    func migrationsAreNamedAndApplied() throws {
        let registry = try make()
        let applied = try registry.appliedMigrations()
        XCTAssertEqual(applied.first, "v1: inputs")
        XCTAssertTrue(applied.contains("v1: items and occurrences"))
    }

    func sameBytesAreKnownAndDuplicatesPointAtTheFirst() throws {
        let registry = try make()
        XCTAssertNil(try registry.firstArrival(sha256: "abc"))
        let id = try registry.record(submission("abc", "a.docx", modified: 1, export: roadmap(organization: "Школа", title: "A", dues: [])))
        try registry.markMoved(id: id)
        try registry.record(submission("abc", "копия.docx", modified: 2, export: nil, outcome: .duplicate))
        XCTAssertEqual(try registry.firstArrival(sha256: "abc")?.name, "a.docx")
        XCTAssertEqual(try registry.inputCounts()[.duplicate], 1)
        // The duplicate is recorded but not yet moved: it is pending, the first is not.
        XCTAssertEqual(try registry.pendingMoves().map(\.name), ["копия.docx"])
    }

    func twoFirstArrivalsOfTheSameBytesAreRefused() throws {
        let registry = try make()
        try registry.record(submission("abc", "a.docx", modified: 1, export: nil))
        XCTAssertThrowsError(try registry.record(submission("abc", "b.docx", modified: 2, export: nil)))
    }

    func newerRoadmapSupersedesAndOlderStaysInHistory() throws {
        let registry = try make()
        try registry.record(submission("v1", "карта.docx", modified: 10, export: roadmap(organization: "Школа № 1", title: "Версия 1", dues: [["2024-03-01"]])))
        try registry.record(submission("v2", "карта (новая).docx", modified: 20, export: roadmap(organization: "Школа № 1", title: "Версия 2", dues: [["2024-03-01"], ["2024-05-01"]])))
        XCTAssertEqual(try registry.currentRoadmap(organization: "Школа № 1")?.title, "Версия 2")
        XCTAssertEqual(try registry.roadmapHistory(organization: "Школа № 1").map(\.title), ["Версия 2", "Версия 1"])
        let status = try registry.organizations()
        XCTAssertEqual(status.count, 1)
        XCTAssertEqual(status[0].currentRoadmap?.itemCount, 2)
        XCTAssertEqual(status[0].earlierRoadmaps, 1)
        XCTAssertEqual(status[0].diagnostics[.warning], 2)
    }

    func spellingsOfOneOrganisationAreOne() throws {
        let registry = try make()
        XCTAssertEqual(try registry.read { try $0.canonicalOrganization("МБОУ Лицей № 1 г.Пролетарска") }, "МБОУ Лицей № 1 г.Пролетарска")
        try registry.record(submission("a", "a.docx", modified: 1, export: roadmap(organization: "МБОУ лицей №1 г. Пролетарска", title: "A", dues: [])))
        XCTAssertEqual(try registry.read { try $0.canonicalOrganization("МБОУ Лицей № 1 г.Пролетарска") }, "МБОУ лицей №1 г. Пролетарска")
        XCTAssertEqual(try registry.read { try $0.canonicalOrganization("МБОУ лицей № 2") }, "МБОУ лицей № 2")
        XCTAssertEqual(Registry.organizationKey("Щёлковская СОШ «№ 3»"), "щелковскаясош3")
    }

    func anOlderFileArrivingLateDoesNotSupersede() throws {
        let registry = try make()
        try registry.record(submission("v2", "new.docx", modified: 20, export: roadmap(organization: "Школа", title: "Новая", dues: [])))
        try registry.record(submission("v1", "old.docx", modified: 10, export: roadmap(organization: "Школа", title: "Старая", dues: [])))
        XCTAssertEqual(try registry.currentRoadmap(organization: "Школа")?.title, "Новая")
    }

    /// A file of several roadmaps of one organisation: each supersedes the one before it, and the last one
    /// the organisation's current roadmap; an older such file arriving late leaves the current one current.
    func aFileOfSeveralRoadmapsEndsWithItsLastCurrent() throws {
        let registry = try make()
        func file(_ titles: [String]) -> Export {
            var export = roadmap(organization: "Школа", title: titles[0], dues: [["2024-02-10"]])
            for title in titles.dropFirst() {
                var document = export.documents[0]
                document.title = title
                export.documents.append(document)
            }
            return export
        }
        try registry.record(submission("a", "a.docx", modified: 10, export: file(["А"])))
        try registry.record(submission("b", "b.docx", modified: 20, export: file(["Б1", "Б2", "Б3"])))
        try registry.record(submission("c", "c.docx", modified: 5, export: file(["В1", "В2"])))
        XCTAssertEqual(try registry.currentRoadmap(organization: "Школа")?.title, "Б3")
        let history = try registry.roadmapHistory(organization: "Школа")
        XCTAssertEqual(history.filter(\.isCurrent).map(\.title), ["Б3"])
        XCTAssertEqual(Set(history.map(\.title)), ["А", "Б1", "Б2", "Б3", "В1", "В2"])
        XCTAssertEqual(try registry.organizations().first?.earlierRoadmaps, 5)
    }

    func roadmapsWithoutOrganizationDoNotSupersedeEachOther() throws {
        let registry = try make()
        try registry.record(submission("a", "a.docx", modified: 1, export: roadmap(organization: nil, title: "A", dues: [])))
        try registry.record(submission("b", "b.docx", modified: 2, export: roadmap(organization: nil, title: "B", dues: [])))
        XCTAssertEqual(try registry.roadmapHistory(organization: nil).filter(\.isCurrent).count, 2)
    }

    func itemsDueInAQuarterComeFromCurrentVersionsOnly() throws {
        let registry = try make()
        try registry.record(submission("v1", "v1.docx", modified: 1, export: roadmap(organization: "Школа", title: "Старая", dues: [["2024-02-10"]])))
        try registry.record(submission("v2", "v2.docx", modified: 2, export: roadmap(organization: "Школа", title: "Новая", dues: [["2024-02-15", "2024-11-30"], ["2024-07-01"]])))
        try registry.record(submission("o", "o.docx", modified: 3, export: roadmap(organization: "Лицей", title: "Лицей", dues: [["2024-03-31"]])))

        let q1 = try registry.itemsDue(from: day("2024-01-01"), to: day("2024-03-31"))
        XCTAssertEqual(q1.map(\.occurrence.due.iso), ["2024-02-15", "2024-03-31"])
        XCTAssertEqual(q1.map(\.organization), ["Школа", "Лицей"])
        XCTAssertEqual(q1[0].responsibles, "Директор")
        XCTAssertEqual(q1[0].documentKind, .roadmap)
        XCTAssertEqual(q1[0].sectionTitle, "Подготовка")

        let school = try registry.itemsDue(from: day("2024-01-01"), to: day("2024-12-31"), organization: "Школа")
        XCTAssertEqual(school.map(\.occurrence.due.iso), ["2024-02-15", "2024-07-01", "2024-11-30"])
    }

    func itemsDueIncludeWindowsThatStartBeforeTheSpan() throws {
        let registry = try make()
        var export = roadmap(organization: "Школа", title: "К", dues: [])
        export.documents[0].sections[0].items = [Item(number: "1", activity: "Весь год",
            deadline: Deadline(text: "в течение года", kinds: [.continuous],
                               occurrences: [Occurrence(start: day("2024-01-01"), due: day("2024-12-31"))]))]
        try registry.record(submission("x", "x.docx", modified: 1, export: export))
        XCTAssertEqual(try registry.itemsDue(from: day("2024-04-01"), to: day("2024-06-30")).count, 1)
        XCTAssertEqual(try registry.itemsDue(from: day("2025-01-01"), to: day("2025-03-31")).count, 0)
    }

    func latestReportIsTheMostRecentFile() throws {
        let registry = try make()
        func report(_ title: String) -> Export {
            Export(file: "r.docx", sha256: "", documents: [Document(kind: .report, title: title, organization: "Школа")])
        }
        try registry.record(submission("r2", "r2.docx", modified: 20, export: report("Второй")))
        try registry.record(submission("r1", "r1.docx", modified: 10, export: report("Первый")))
        XCTAssertEqual(try registry.latestReport(organization: "Школа")?.title, "Второй")
        XCTAssertNil(try registry.latestReport(organization: "Лицей"))
    }

    func claimedPathsCoverEveryOutputOfARecordedFile() throws {
        let registry = try make()
        try registry.record(submission("a", "Карта.docx", modified: 1, export: nil))
        XCTAssertTrue(try registry.read { try $0.isClaimed(anyOf: ["Обработанные/Карта.docx"]) })
        XCTAssertTrue(try registry.read { try $0.isClaimed(anyOf: ["Организации/x/Карта.docx.json"]) })
        XCTAssertFalse(try registry.read { try $0.isClaimed(anyOf: ["Обработанные/Другая.docx"]) })
        XCTAssertTrue(try registry.read { try $0.isClaimed(anyOf: ["Обработанные/Другая.docx", "Организации/x/Карта.docx.json"]) })
        XCTAssertFalse(try registry.read { try $0.isClaimed(anyOf: ["Обработанные/Другая.docx", "Организации/x/Другая.json"]) })
        XCTAssertFalse(try registry.read { try $0.isClaimed(anyOf: []) })
    }

    func aTransactionSeesItsOwnRecordsAndAFailureLeavesNothing() throws {
        let registry = try make()
        let id = try registry.transaction { tx -> Int64 in
            let id = try tx.record(submission("aa", "a.docx", modified: 1, export: roadmap(organization: "Школа", title: "A", dues: [["2024-03-01"]])))
            XCTAssertEqual(try tx.firstArrival(sha256: "aa")?.id, id)
            XCTAssertTrue(try tx.isClaimed(anyOf: ["Обработанные/a.docx"]))
            XCTAssertEqual(try tx.canonicalOrganization("школа"), "Школа")
            return id
        }
        XCTAssertEqual(try registry.pendingMoves().map(\.id), [id])
        // The second file's transaction fails on its own record: its mark of the first is undone too.
        XCTAssertThrowsError(try registry.transaction { tx in
            try tx.markMoved(ids: [id])
            try tx.record(submission("bb", "b.docx", modified: 2, export: nil))
            try tx.record(submission("bb", "b (2).docx", modified: 2, export: nil))
        })
        XCTAssertNil(try registry.firstArrival(sha256: "bb"))
        XCTAssertEqual(try registry.pendingMoves().map(\.id), [id])
        try registry.transaction { try $0.markMoved(ids: [id]) }
        XCTAssertEqual(try registry.pendingMoves(), [])
    }


    func lookupsListWhatWasRecorded() throws {
        let registry = try make()
        let a = try registry.record(submission("a", "a.docx", modified: 1, export: roadmap(organization: "Лицей", title: "A", dues: [])))
        try registry.record(submission("b", "b.docx", modified: 2, export: roadmap(organization: "Гимназия", title: "B", dues: [])))
        try registry.record(submission("c", "c.docx", modified: 3, export: roadmap(organization: "Лицей", title: "C", dues: [])))
        try registry.record(submission("b", "b (копия).docx", modified: 4, export: nil, outcome: .duplicate))
        try registry.read { tx in
            XCTAssertEqual(try tx.recordedDigests(), ["a", "b", "c"])
            XCTAssertEqual(try tx.organizationNames(), ["Лицей", "Гимназия"])
            XCTAssertEqual(try tx.claimedPaths(under: "Обработанные/"),
                           ["Обработанные/a.docx", "Обработанные/b.docx", "Обработанные/c.docx", "Обработанные/b (копия).docx"])
            XCTAssertEqual(try tx.claimedPaths(under: "Организации/x/b"), ["Организации/x/b.docx.json", "Организации/x/b (копия).docx.json"])
        }
        try registry.transaction { try $0.markMoved(ids: [a]) }
        XCTAssertEqual(try registry.pendingMoves().map(\.name), ["b.docx", "c.docx", "b (копия).docx"])
        let duplicate = try XCTUnwrap(registry.pendingMoves().last)
        XCTAssertEqual(duplicate.outcome, .duplicate)
        XCTAssertEqual(duplicate.storedPath, "Обработанные/b (копия).docx")
        XCTAssertFalse(duplicate.moved)
    }

    func statusOrdersOrganisationsByNameWithTheUnnamedLast() throws {
        let registry = try make()
        try registry.record(submission("n", "n.docx", modified: 1, export: roadmap(organization: nil, title: "Без", dues: [])))
        try registry.record(submission("b", "b.docx", modified: 2, export: roadmap(organization: "лицей", title: "л", dues: [])))
        try registry.record(submission("a", "a.docx", modified: 3, export: roadmap(organization: "Школа", title: "Ш", dues: [])))
        try registry.record(submission("z", "z.docx", modified: 4, export: roadmap(organization: "Гимназия", title: "Г", dues: [])))
        // Byte order, as SQLite compares text: capitals before small letters.
        XCTAssertEqual(try registry.organizations().map(\.organization), ["Гимназия", "Школа", "лицей", nil])
        XCTAssertEqual(try registry.organizations().map(\.inputs), [1, 1, 1, 1])
    }

    func documentsAndDiagnosticCountsFollowTheArrivals() throws {
        let registry = try make()
        var two = roadmap(organization: "Школа", title: "Карта", dues: [["2024-02-01"]])
        two.documents.append(Document(kind: .report, title: "Отчёт", organization: "Школа"))
        two.diagnostics.append(Diagnostic(.responsibleMissing, field: .responsibles, message: "Нет ответственного",
                                          document: 0, section: 0, item: "1"))
        let first = try registry.record(submission("one", "one.docx", modified: 5, export: two))
        let second = try registry.record(submission("two", "two.docx", modified: 6,
                                                    export: roadmap(organization: "Лицей", title: "Л", dues: [])))
        let documents = try registry.documents(kinds: [.roadmap, .report])
        XCTAssertEqual(documents.map(\.title), ["Карта", "Отчёт", "Л"])
        XCTAssertEqual(documents.map(\.inputId), [first, first, second])
        XCTAssertEqual(documents[0].period, Period(from: day("2023-01-01"), to: day("2025-12-31")))
        XCTAssertEqual(documents[0].inputName, "one.docx")
        XCTAssertEqual(documents[0].exportPath, "Организации/x/one.docx.json")
        XCTAssertEqual(documents[0].modifiedAt, 5)
        XCTAssertEqual(documents[0].receivedAt, "2026-01-01T00:00:00Z")
        XCTAssertEqual(try registry.documents(kinds: [.report]).map(\.title), ["Отчёт"])
        let counts = try registry.diagnosticCounts()
        XCTAssertEqual(counts[first], [.warning: 1, .error: 1])
        XCTAssertEqual(counts[second], [.warning: 1])
        XCTAssertEqual(try registry.itemsDue(from: day("2024-01-01"), to: day("2024-03-31"), organization: "Школа",
                                             kinds: [.roadmap]).map(\.activity), ["Мероприятие 1"])
        XCTAssertEqual(try registry.itemsDue(from: day("2024-01-01"), to: day("2024-03-31"), organization: "Школа",
                                             kinds: [.report]), [])
    }

    func inputListingsShowEveryArrivalNewestFirstWithItsFindings() throws {
        let registry = try make()
        var two = roadmap(organization: "Школа", title: "Карта", dues: [])
        two.diagnostics.append(Diagnostic(.responsibleMissing, field: .responsibles, message: "Нет ответственного", item: "1"))
        let first = try registry.record(submission("one", "one.docx", modified: 1, export: two))
        var rejected = submission("bad", "плохой.docx", modified: 2, export: nil, outcome: .rejected)
        rejected.reason = Diagnostic(.fileUnreadable, message: "Файл «плохой.docx» не читается: архив повреждён")
        rejected.reasonPath = "Отклонённые/плохой.docx.txt"
        let second = try registry.record(rejected)
        let third = try registry.record(submission("one", "копия.docx", modified: 3, export: nil, outcome: .duplicate))

        let all = try registry.inputListings()
        XCTAssertEqual(all.map(\.id), [third, second, first])
        XCTAssertEqual(all.map(\.name), ["копия.docx", "плохой.docx", "one.docx"])
        XCTAssertEqual(all.map(\.outcome), [.duplicate, .rejected, .processed])
        XCTAssertEqual(all.map(\.size), [100, 100, 100])
        XCTAssertEqual(all.map(\.duplicateOf), [first, nil, nil])
        XCTAssertEqual(all.map(\.diagnostics), [[:], [:], [.warning: 1, .error: 1]])
        XCTAssertEqual(all[1].reasonCode, "file.unreadable")
        XCTAssertEqual(all[1].reason, "Файл «плохой.docx» не читается: архив повреждён")
        XCTAssertEqual(all[1].reasonPath, "Отклонённые/плохой.docx.txt")
        XCTAssertEqual(all[2].organization, "Школа")
        XCTAssertEqual(all[2].exportPath, "Организации/x/one.docx.json")
        XCTAssertEqual(all[2].storedPath, "Обработанные/one.docx")
        XCTAssertEqual(all[2].receivedAt, "2026-01-01T00:00:00Z")
        // The row is read as every look-up reads it.
        for listing in all { XCTAssertEqual(try registry.input(id: listing.id), listing.input) }

        XCTAssertEqual(try registry.inputListings(limit: 2).map(\.id), [third, second])
        XCTAssertEqual(try registry.inputListings(limit: 0), [])
        XCTAssertEqual(try registry.inputListing(id: first), all[2])
        XCTAssertEqual(try registry.inputListing(id: second), all[1])
        XCTAssertNil(try registry.inputListing(id: third + 1000))
    }
}
