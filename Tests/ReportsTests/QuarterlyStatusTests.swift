import Foundation
import JSON
import Model
import XCTest
@testable import Reports

final class QuarterlyStatusTests: XCTestCase {
    let reader = StatusReader()

    func testStatusWords() {
        let cases: [(String, ItemStatus?)] = [
            ("Выполнено", .done),
            ("Разработана программа наставничества", .done),
            ("Положение утверждено приказом № 12", .done),
            ("Информация размещена на сайте", .done),
            ("Не проведено", .notDone),
            ("Мероприятие перенесено на май", .notDone),
            ("Отменено в связи с карантином", .notDone),
            ("Частично выполнено", .inProgress),
            ("Выполнено не в полном объёме", .inProgress),
            ("В процессе", .inProgress),
            ("Работа продолжается", .inProgress),
            ("Проведение семинара", nil),
            ("Куратор назначен", .done),
            ("", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(reader.status(of: text), expected, text)
        }
        XCTAssertNil(reader.status(of: nil))
    }

    func testOverrideFileReplacesOneList() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("status-words-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(#"{"выполнено": ["сделано"]}"#.utf8).write(to: dir.appendingPathComponent("status-words.json"))
        let words = StatusWords.load(environment: ["KARTOGRAF_DATA_DIR": dir.path])
        XCTAssertTrue(words.diagnostics.isEmpty)
        let custom = StatusReader(words: words.value)
        XCTAssertEqual(custom.status(of: "Всё сделано"), .done)
        XCTAssertNil(custom.status(of: "Выполнено"), "the override replaces the built-in done list")
        XCTAssertEqual(custom.status(of: "В работе"), .inProgress)

        try Data("{не json".utf8).write(to: dir.appendingPathComponent("status-words.json"))
        let broken = StatusWords.load(environment: ["KARTOGRAF_DATA_DIR": dir.path])
        XCTAssertEqual(broken.value, .builtIn)
        XCTAssertEqual(broken.diagnostics.count, 1)
    }

    func testMatchingByNumberThenBySimilarity() {
        let roadmap = Q.roadmap([
            Q.dated("1.", "Семинар для наставников по адаптации", due: "2024-02-01"),
            Q.dated("2", "Проведение семинара для молодых педагогов школы", due: "2024-02-02"),
            Q.dated("3", "Конкурс профессионального мастерства", due: "2024-02-03"),
            Q.dated("4", "Открытые уроки наставников", due: "2024-02-04"),
        ])
        let report = Q.report([
            Q.reported("1", "Семинар для наставников", "Проведено"),
            Q.reported(nil, "Проведение семинара для молодых педагогов", "В работе"),
            Q.reported(nil, "Конкурс чтецов", "Выполнено"),
            // The same number on an unrelated activity yields to a close text match.
            Q.reported("4", "Анкетирование родителей", "Выполнено"),
            Q.reported(nil, "Открытые уроки наставников", "Не проведено"),
        ])
        let s = Q.submission(roadmap, report: report, quarter: "2024-Q1")
        XCTAssertEqual(s.statusByNumber, ["1.": .done, "2": .inProgress, "3": .noData, "4": .notDone])
        XCTAssertEqual(s.row("2")?.reportedOutcome, "В работе")
    }

    func testJaccard() {
        XCTAssertEqual(ActivitySimilarity.jaccard("Семинар, наставники!", "семинар наставники"), 1)
        XCTAssertEqual(ActivitySimilarity.jaccard("а б в г", "а б"), 0.5)
        XCTAssertEqual(ActivitySimilarity.jaccard(nil, "а"), 0)
        XCTAssertEqual(ActivitySimilarity.jaccard("Ёлка", "елка"), 1)
    }

    func testNoReportMeansNoData() {
        let s = Q.submission(Q.roadmap([Q.dated("1", "Семинар", due: "2024-05-05")]), quarter: "2024-Q2")
        XCTAssertEqual(s.statusByNumber, ["1": .noData])
    }
}
