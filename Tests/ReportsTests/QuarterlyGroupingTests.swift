import XCTest
import Model
import Organisations
@testable import Reports

final class QuarterlyGroupingTests: XCTestCase {
    let period = Period.academicYear(2024)!

    func roadmap(_ org: String?, title: String = "Дорожная карта") -> Document {
        Document(kind: .roadmap, title: title, organization: org, period: period, sections: [Section(number: "1", items: [
            Q.dated("1", "Назначение куратора", due: "2024-09-15"),
            Q.dated("2", "Семинар для наставников", due: "2024-11-20"),
        ])])
    }

    func report(_ org: String?, title: String, _ outcomes: [(String, String, String)]) -> Document {
        Document(kind: .report, title: title, organization: org, sections: [Section(number: "1", items: outcomes.map {
            Q.reported($0.0, $0.1, $0.2)
        })])
    }

    func filed(_ d: Document, _ file: String, arrived: String? = nil) -> FiledDocument {
        FiledDocument(organization: d.organization, document: d, arrived: arrived.map(Q.day), file: file)
    }

    let roster = Roster(entries: [
        RosterEntry(official: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»",
                    short: "МБОУ СОШ № 1"),
        RosterEntry(official: "МБОУ «Гимназия № 2»"),
        RosterEntry(official: "МБОУ «Средняя общеобразовательная школа № 3»", short: "МБОУ СОШ № 3"),
    ])

    func testRosterGroupsEveryFormListsTheSilentAndMarksStrangers() throws {
        let docs = [
            filed(roadmap("муниципального бюджетного общеобразовательного учреждения «Средней общеобразовательной школы № 1»"), "a.docx",
                  arrived: "2024-09-05"),
            filed(report("МБОУ СОШ №1", title: "Отчёт за IV квартал 2024 г.", [("1", "Назначение куратора", "выполнено")]), "b.docx",
                  arrived: "2025-01-09"),
            filed(report("МБОУ «Гимназия № 2»", title: "Отчёт за IV квартал 2024 г.",
                         [("1", "Семинар для наставников", "в работе")]), "c.docx", arrived: "2025-01-20"),
            filed(report("МБОУ СОШ № 12", title: "Отчёт за IV квартал 2024 г.", [("1", "Семинар", "выполнено")]), "d.docx",
                  arrived: "2025-01-09"),
        ]
        let grouped = QuarterlyGrouping.inputs(docs, quarter: Q.quarter("2024-Q4"), roster: roster)
        XCTAssertEqual(grouped.value.map(\.organization), roster.entries.map(\.official) + ["МБОУ СОШ № 12"])
        XCTAssertEqual(grouped.value.map(\.recognition), [.roster, .roster, .roster, .notInRoster])
        XCTAssertEqual(grouped.diagnostics.map(\.code), [.organisationNotInRoster])
        XCTAssertTrue(grouped.diagnostics[0].message.contains("«МБОУ СОШ № 12»"))

        let subs = grouped.value.map { QuarterlySelector().submission(for: $0, quarter: Q.quarter("2024-Q4"), generatedOn: Q.day("2025-02-01")) }
        XCTAssertEqual(subs.map(\.stateText), ["представлен в срок", "представлен после срока", "не представлен", "не распознана"])
        XCTAssertEqual(subs[0].shortName, "МБОУ СОШ № 1")
        XCTAssertEqual(subs[0].counts.due, 1)
        XCTAssertEqual(subs[0].counts.dueDone, 0)
        XCTAssertEqual(subs[1].undated.map(\.status), [.inProgress], "a report without a roadmap is its own plan")
        XCTAssertTrue(subs[2].rows.isEmpty)
    }

    func testWithoutARosterIdentitiesAreLearned() {
        let docs = [
            filed(roadmap("Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 4»"), "a"),
            filed(report("МБОУ СОШ № 4", title: "Отчёт за III квартал 2024 г.", [("1", "Назначение куратора", "+")]), "b"),
            filed(report(nil, title: "ОТЧЁТ МБОУ «СРЕДНЯЯ ОБЩЕОБРАЗОВАТЕЛЬНАЯ ШКОЛА № 4»2024 IV КВАРТАЛ",
                         [("2", "Семинар для наставников", "выполнено")]), "c"),
        ]
        let grouped = QuarterlyGrouping.inputs(docs, quarter: Q.quarter("2024-Q4"), roster: nil)
        XCTAssertEqual(grouped.value.count, 1)
        let input = grouped.value[0]
        XCTAssertEqual(input.recognition, .learned)
        XCTAssertNotNil(input.roadmap)
        XCTAssertEqual(input.report?.sections[0].items[0].outcome, "выполнено")
        XCTAssertEqual(input.earlierReports.count, 1)
        let s = QuarterlySelector().submission(for: input, quarter: Q.quarter("2024-Q4"), generatedOn: Q.day("2025-02-01"))
        XCTAssertEqual(s.counts.dueDone, 1)
        XCTAssertEqual(s.counts[.overdue], 0, "item 1 was reported done in the third quarter")
    }

    func testReportQuarterFromTitlePeriodOrArrival() {
        func q(_ title: String?, period: Period? = nil, arrived: String? = nil) -> String? {
            QuarterlyGrouping.reportQuarter(FiledDocument(organization: "x", document: Document(kind: .report, title: title, period: period),
                                                          arrived: arrived.map(Q.day), file: "f"))?.description
        }
        XCTAssertEqual(q("Отчёт за III квартал 2024 г."), "2024-Q3")
        XCTAssertEqual(q("ОТЧЁТ ЗА 4 КВ. 2024Г"), "2024-Q4")
        XCTAssertEqual(q("Отчёт за третий квартал 2024 года"), "2024-Q3")
        XCTAssertEqual(q("Отчёт за I квартал 2024–2025 учебного года"), "2025-Q1")
        XCTAssertEqual(q("Отчёт за IV квартал 2024–2025 учебного года"), "2024-Q4")
        XCTAssertEqual(q("Отчёт за II квартал", period: period), "2025-Q2")
        XCTAssertEqual(q("Отчёт за IV квартал", arrived: "2025-01-09"), "2024-Q4")
        XCTAssertEqual(q("Отчёт", period: Period(from: Q.day("2024-10-01"), to: Q.day("2024-12-31"))), "2024-Q4")
        XCTAssertEqual(q("Отчёт", arrived: "2024-10-07"), "2024-Q3")
        XCTAssertEqual(q("Отчёт", arrived: "2024-12-20"), "2024-Q4")
        XCTAssertEqual(q("Отчёт за октябрь – декабрь 2024 г."), "2024-Q4")
        XCTAssertEqual(q("Отчёт за сентябрь 2024 года"), "2024-Q3")
        XCTAssertNil(q("Отчёт"))
    }

    func testReportingDeadlineIsASetting() {
        let input = QuarterlyInput(organization: "МБОУ СОШ № 1", roadmap: roadmap("МБОУ СОШ № 1"),
                                   report: report("МБОУ СОШ № 1", title: "Отчёт", []), reportArrived: Q.day("2025-01-12"))
        let standard = QuarterlySelector().submission(for: input, quarter: Q.quarter("2024-Q4"), generatedOn: Q.day("2025-02-01"))
        XCTAssertEqual(standard.deadline, Q.day("2025-01-10"))
        XCTAssertEqual(standard.state, .late)
        let lenient = QuarterlySelector(deadlineDaysAfter: 15).submission(for: input, quarter: Q.quarter("2024-Q4"),
                                                                          generatedOn: Q.day("2025-02-01"))
        XCTAssertEqual(lenient.deadline, Q.day("2025-01-15"))
        XCTAssertEqual(lenient.state, .onTime)
    }

    func testItemsDatedBeforeTheRoadmapsPeriodAreNotOverdue() {
        let doc = Document(kind: .roadmap, title: "Дорожная карта", organization: "x", period: period, sections: [
            Section(number: "1", items: [
                Q.dated("1", "Анализ за прошлый год", due: "2022-05-20"),
                Q.dated("2", "Назначение куратора", due: "2024-09-15"),
            ]),
        ])
        let s = QuarterlySelector().submission(for: QuarterlyInput(organization: "x", roadmap: doc),
                                               quarter: Q.quarter("2024-Q4"), generatedOn: Q.day("2025-02-01"))
        XCTAssertEqual(s.overdueRows.map(\.number), ["2"])
        XCTAssertEqual(s.overdueRows[0].datesText, "15.09.2024", "an overdue row keeps its original dates")
        XCTAssertTrue(s.currentRows.isEmpty)
    }
}
