import JSON
import Model
import XCTest
@testable import Reports

final class QuarterlySelectionTests: XCTestCase {
    /// Academic year 2024/25, looked at in Q4 2024: the year boundary and the January deadline.
    func testFourthQuarterAcrossTheYearBoundary() {
        let year = Period.academicYear(2024)!
        let roadmap = Q.roadmap([
            Q.dated("1", "Утверждение плана работы наставников", due: "2024-12-28"),
            Q.dated("2", "Отчёт о реализации программы за IV квартал", due: "2025-01-10"),
            Q.dated("3", "Формирование базы наставников", due: "2024-09-30"),
            Q.dated("4", "Назначение куратора программы", due: "2024-09-15"),
            Q.continuous("5", "Сопровождение наставнических пар", period: year),
            Q.monthly("6", "Заседание методического объединения наставников", from: "2024-09-01", to: "2025-05-31"),
            Q.event("7", "Консультации по запросу наставляемых"),
            Q.undated("8", "Обновление раздела на сайте"),
        ], period: year)
        let report = Q.report([
            Q.reported("1", "Утверждение плана работы наставников", "Проведено, план утверждён"),
            Q.reported("3", "Формирование базы наставников", "Не выполнено"),
            Q.reported("4", "Назначение куратора программы", "Выполнено"),
            Q.reported(nil, "Заседание методического объединения наставников школы", "В работе"),
        ])
        let s = Q.submission(roadmap, report: report, quarter: "2024-Q4", today: "2025-01-09")

        XCTAssertEqual(s.rows.map { $0.number ?? "" }, ["1", "3", "5", "6"])
        XCTAssertEqual(s.statusByNumber, ["1": .done, "3": .overdue, "5": .noData, "6": .inProgress])
        XCTAssertEqual(s.row("1")?.reason, .due)
        XCTAssertEqual(s.row("3")?.reason, .overdue)
        XCTAssertEqual(s.row("3")?.reportedOutcome, "Не выполнено")
        XCTAssertEqual(s.row("5")?.reason, .active)
        XCTAssertEqual(s.row("6")?.reason, .due)
        XCTAssertEqual(s.row("6")?.occurrences.map(\.due.iso), ["2024-10-31", "2024-11-30", "2024-12-31"])
        XCTAssertEqual(s.byEvent.map(\.number), ["7"])
        XCTAssertEqual(s.undated.map(\.number), ["8"])
        XCTAssertEqual(s.deadline, Q.day("2025-01-10"))
        XCTAssertFalse(s.isLate)

        let counts = s.counts
        XCTAssertEqual(counts.due, 2)
        XCTAssertEqual(counts.dueDone, 1)
        XCTAssertEqual(counts.active, 1)
        XCTAssertEqual(counts[.overdue], 1)
        XCTAssertEqual(counts.doneShare, 0.5)

        // The Q4 report itself falls due in January: the next quarter's item.
        let next = Q.submission(roadmap, report: report, quarter: "2025-Q1", today: "2025-04-11")
        XCTAssertEqual(next.row("2")?.reason, .due)
        XCTAssertEqual(next.row("2")?.status, .noData)
        XCTAssertTrue(next.isLate)
        XCTAssertEqual(next.json["lateNotice"]?.stringValue?.contains("10 апреля 2025 г."), true)
    }

    /// The academic year starts in Q3: items of the new year start there, last year's continuous items end there.
    func testAcademicYearPeriodsInTheThirdQuarter() {
        let roadmap = Q.roadmap([
            Q.continuous("1", "Работа наставнических пар 2023/24", period: Period.academicYear(2023)!),
            Q.continuous("2", "Работа наставнических пар 2024/25", period: Period.academicYear(2024)!),
            Q.dated("3", "Мониторинг программы", due: "2024-09-01"),
            Q.continuous("4", "Работа наставнических пар 2025/26", period: Period.academicYear(2025)!),
        ])
        let s = Q.submission(roadmap, quarter: "2024-Q3")
        XCTAssertEqual(s.rows.map { $0.number ?? "" }, ["1", "2", "3"])
        XCTAssertEqual(s.row("1")?.reason, .due, "ends 31 August, inside Q3")
        XCTAssertEqual(s.row("2")?.reason, .active)
        XCTAssertEqual(s.row("2")?.firstDay, Q.day("2024-09-01"))
        XCTAssertEqual(s.row("3")?.reason, .due)
        XCTAssertEqual(s.row("3")?.datesText, "01.09.2024")
    }

    func testMonthlyItemIsDueEveryQuarterItCovers() {
        let roadmap = Q.roadmap([Q.monthly("1", "Встреча наставников", from: "2024-01-01", to: "2024-12-31")])
        for quarter in ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"] {
            let s = Q.submission(roadmap, quarter: quarter)
            XCTAssertEqual(s.rows.count, 1, quarter)
            XCTAssertEqual(s.rows.first?.occurrences.count, 3, quarter)
            XCTAssertTrue(s.rows.first?.occurrences.allSatisfy { Q.quarter(quarter).contains($0.due) } ?? false)
        }
        // Before and after the plan: nothing, and once it is over an unreported item is overdue.
        XCTAssertTrue(Q.submission(roadmap, quarter: "2023-Q4").rows.isEmpty)
        XCTAssertEqual(Q.submission(roadmap, quarter: "2025-Q1").statusByNumber, ["1": .overdue])
        XCTAssertEqual(Q.submission(roadmap, quarter: "2025-Q1").row("1")?.occurrences.map(\.due.iso), ["2024-12-31"])
    }

    func testOverdueOnlyWhenNotReportedDone() {
        let roadmap = Q.roadmap([
            Q.dated("1", "Анкетирование наставляемых", due: "2024-02-15"),
            Q.dated("2", "Круглый стол наставников", due: "2024-03-01"),
            Q.dated("3", "Итоговая конференция", due: "2024-03-20"),
        ])
        let report = Q.report([
            Q.reported("1", "Анкетирование наставляемых", "Анкетирование проведено"),
            Q.reported("2", "Круглый стол наставников", "В процессе подготовки"),
        ])
        let s = Q.submission(roadmap, report: report, quarter: "2024-Q2")
        XCTAssertEqual(s.statusByNumber, ["2": .overdue, "3": .overdue])
        XCTAssertEqual(s.counts.due, 0)
        XCTAssertNil(s.counts.doneShare)
    }

    func testEventAndUndatedItemsAreKeptApart() {
        var mixed = Q.event("3", "Участие в конкурсах")
        mixed.deadline.kinds = [.event, .date]
        mixed.deadline.occurrences = [Occurrence(start: nil, due: Q.day("2024-05-20"))]
        let roadmap = Q.roadmap([Q.event("1", "Консультации по запросу"), Q.undated("2", "Без срока"), mixed])
        let s = Q.submission(roadmap, quarter: "2024-Q2")
        XCTAssertEqual(s.byEvent.map(\.number), ["1"])
        XCTAssertEqual(s.undated.map(\.number), ["2"])
        XCTAssertEqual(s.rows.map(\.number), ["3"], "an event with a date is dated")
        XCTAssertEqual(s.counts.byEvent, 1)
        XCTAssertEqual(s.counts.undated, 1)
    }

    func testEveryItemIsAccountedForInAnyQuarter() {
        let year = Period.academicYear(2024)!
        let roadmap = Q.roadmap([
            Q.dated("1", "А", due: "2024-10-10"), Q.dated("2", "Б", due: "2025-03-03"),
            Q.continuous("3", "В", period: year), Q.event("4", "Г"), Q.undated("5", "Д"),
        ])
        let s = Q.submission(roadmap, quarter: "2025-Q2")
        let seen = Set(s.rows.compactMap(\.number) + s.byEvent.compactMap(\.number) + s.undated.compactMap(\.number))
        XCTAssertEqual(seen, ["1", "2", "3", "4", "5"])
    }

    /// Generated roadmaps against a day-by-day oracle.
    func testGeneratedRoadmapsAgainstADayByDayOracle() {
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        let origin = Q.day("2023-06-01").ordinal
        for round in 0..<40 {
            var items: [Item] = []
            for i in 0..<25 {
                let start = origin + next(900)
                let length = next(3) == 0 ? next(200) : 0
                let kinds: [DeadlineKind] = [[.date], [.continuous], [.recurring], [.date, .recurring]][next(4)]
                let occurrences = (0..<(1 + next(3))).map { k -> Occurrence in
                    let s = start + k * 95
                    return Occurrence(start: length > 0 ? Day(ordinal: s) : nil, due: Day(ordinal: s + length))
                }
                items.append(Item(number: "\(i + 1)", activity: "Мероприятие \(i + 1)",
                                  deadline: Deadline(text: "срок", kinds: kinds, occurrences: occurrences)))
            }
            let quarter = Quarter(containing: Day(ordinal: origin + next(1000)))
            let s = Q.submission(Q.roadmap(items), quarter: quarter.description)
            for item in items {
                let days = Set((quarter.start.ordinal...quarter.end.ordinal).map { $0 })
                let occ = item.deadline.occurrences
                let due = occ.contains { days.contains($0.due.ordinal) }
                let ongoing = item.deadline.kinds.contains(.continuous) || item.deadline.kinds.contains(.recurring)
                let touches = occ.contains { o in
                    ((o.start ?? o.due).ordinal...o.due.ordinal).contains { days.contains($0) }
                        && (ongoing || o.start != nil)
                }
                let past = occ.allSatisfy { $0.due.ordinal < quarter.start.ordinal }
                let expected: InclusionReason? = due ? .due : touches ? .active : past ? .overdue : nil
                XCTAssertEqual(s.row(item.number!)?.reason, expected, "round \(round), item \(item.number!), \(quarter)")
            }
        }
    }
}
