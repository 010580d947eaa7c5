import XCTest
import Model
@testable import Reports

final class ReportMatcherTests: XCTestCase {
    let plan = [
        Q.dated("1", "Назначение куратора внедрения целевой модели наставничества", due: "2024-09-15"),
        Q.dated("2", "Разработка и утверждение программы наставничества", due: "2024-09-30"),
        Q.dated("3", "Формирование базы наставников и наставляемых", due: "2024-10-25"),
    ]

    func testARenumberedReportCannotFoolTheNumbers() {
        // The report has a row of its own on top, so every roadmap row comes one number later.
        let report = [
            Q.reported("1", "Организационное совещание педагогического коллектива", "+"),
            Q.reported("2", "Назначение куратора внедрения целевой модели наставничества", "выполнено"),
            Q.reported("3", "Разработка и утверждение программы наставничества", "не выполнено"),
        ]
        let joined = ReportMatcher(threshold: 0.5).assign(plan: plan, report: report)
        XCTAssertEqual(joined[0]?.outcome, "выполнено")
        XCTAssertEqual(joined[1]?.outcome, "не выполнено")
        XCTAssertNil(joined[2], "a same-number row about something else is not a match")
    }

    func testSameNumberWithAShortenedActivityOrNoneMatches() {
        let report = [
            Q.reported("1", "Назначение куратора", "выполнено"),
            Item(number: "2", activity: nil, outcome: "в работе"),
        ]
        let joined = ReportMatcher(threshold: 0.5).assign(plan: plan, report: report)
        XCTAssertEqual(joined[0]?.outcome, "выполнено")
        XCTAssertEqual(joined[1]?.outcome, "в работе")
        XCTAssertNil(joined[2])
    }

    func testEachRowReportsOnOneItem() {
        let twice = [
            Q.dated("1", "Семинар для наставников", due: "2024-02-01"),
            Q.dated("2", "Семинар для наставников", due: "2024-03-01"),
        ]
        let joined = ReportMatcher(threshold: 0.5).assign(plan: twice, report: [Q.reported("2", "Семинар для наставников", "выполнено")])
        XCTAssertNil(joined[0])
        XCTAssertEqual(joined[1]?.outcome, "выполнено", "of two equal texts the one with the same number")
    }

    func testScoreReadsCaseEndings() {
        XCTAssertEqual(ActivitySimilarity.score("Проведение семинара для наставников", "проведение семинаров для наставника"), 1)
        XCTAssertLessThan(ActivitySimilarity.score("Назначение куратора", "Анкетирование родителей"), 0.25)
    }
}
