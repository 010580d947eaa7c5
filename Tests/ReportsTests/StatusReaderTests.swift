import XCTest
import Model
@testable import Reports

/// The status words of `Resources/status-words.json` as a school writes them.
final class StatusReaderTests: XCTestCase {
    let reader = StatusReader()

    func check(_ cases: [(String, ItemStatus?)], file: StaticString = #filePath, line: UInt = #line) {
        for (text, expected) in cases {
            XCTAssertEqual(reader.status(of: text), expected, "«\(text)»", file: file, line: line)
        }
    }

    func testDoneInEveryGenderAndNumber() {
        check([
            ("выполнено", .done), ("выполнен", .done), ("выполнена", .done), ("выполнены", .done),
            ("проведена", .done), ("проведены", .done), ("проведён", .done), ("Проведено 2 занятия", .done),
            ("реализовано", .done), ("исполнено", .done), ("сделано", .done), ("Сделаны", .done),
            ("Провели круглый стол", .done), ("Выполнили", .done), ("Состоялась встреча", .done),
            ("ВЫПОЛНЕНО", .done), ("Выполнено в полном объёме", .done),
        ])
    }

    func testBareMarksAndSymbols() {
        check([
            ("+", .done), ("✓", .done), ("☒", .done), ("да", .done), ("Да.", .done), ("V", .done), ("v", .done),
            ("✔", .done), ("+ (15.10.2024)", .done),
            ("-", .notDone), ("—", .notDone), ("нет", .notDone), ("Нет.", .notDone),
        ])
    }

    func testADateOrDocumentIsTheProofOfDoing() {
        check([
            ("приказ № 12 от 03.02.2025", .done), ("15.10.2024", .done), ("Протокол №3", .done),
            ("3 февраля 2025 г.", .done),
            // A deadline copied into the cell is not a proof.
            ("до 15.10.2024", nil),
        ])
    }

    func testPostponementsAndProgress() {
        check([
            ("перенесено", .notDone), ("Отложено до весны", .notDone), ("перенесена на II полугодие", .notDone),
            ("в работе", .inProgress), ("частично", .inProgress), ("ведётся", .inProgress), ("Ведется работа", .inProgress),
            ("реализуется", .inProgress),
        ])
    }

    func testNegationAlwaysWinsOverTheWordItNegates() {
        check([
            ("не выполнено", .notDone), ("Не проведено", .notDone), ("не проведена", .notDone),
            ("не реализовано", .notDone), ("не сделано", .notDone), ("Не было проведено", .notDone),
            ("не ведётся", .notDone),
            ("не в полном объёме", .inProgress), ("выполнено не в полном объеме", .inProgress),
            ("не полностью", .inProgress),
        ])
    }

    func testUnknownTextIsNoDataAndSaysSo() {
        XCTAssertEqual(reader.read("см. приложение").status, nil)
        XCTAssertTrue(reader.read("см. приложение").unreadable)
        XCTAssertFalse(reader.read("").unreadable)
        XCTAssertFalse(reader.read("   ").unreadable)
        XCTAssertFalse(reader.read(nil).unreadable)
        XCTAssertFalse(reader.read("Выполнено").unreadable)
        XCTAssertTrue(reader.read("?").unreadable)
    }

    func testUnknownMarkIsANoteOfTheSubmission() {
        let roadmap = Q.roadmap([Q.dated("1", "Семинар наставников", due: "2024-02-01")])
        let report = Q.report([Q.reported("1", "Семинар наставников", "см. приложение")])
        let s = Q.submission(roadmap, report: report, quarter: "2024-Q1")
        XCTAssertEqual(s.statusByNumber, ["1": .noData])
        XCTAssertEqual(s.notes.map(\.code), [.reportStatusUnknown])
        XCTAssertTrue(s.notes[0].message.contains("«см. приложение»"), s.notes[0].message)
    }

    func testBundledTableIsTheResource() {
        XCTAssertTrue(StatusWords.builtIn.done.contains("выполнен"))
        XCTAssertTrue(StatusWords.builtIn.doneMarks.contains("+"))
        XCTAssertTrue(StatusWords.builtIn.negations.contains("не"))
    }
}
