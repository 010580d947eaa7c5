import Model
import XCTest
@testable import Recognition

/// A header cell split in two below it: the row of sub-headings belongs to the header, and a deadline
/// column split into its start and end («Сроки»: «начало» | «окончание») is read as one window.
final class SplitHeaderTests: XCTestCase {
    func table(split: String, halves: (String, String), rows: [[String]]) -> String {
        let header1 = "<w:tr>" + W.tc("№", props: "<w:vMerge w:val=\"restart\"/>")
            + W.tc("Мероприятие", props: "<w:vMerge w:val=\"restart\"/>")
            + W.tc(split, props: "<w:gridSpan w:val=\"2\"/>")
            + W.tc("Ответственные", props: "<w:vMerge w:val=\"restart\"/>") + "</w:tr>"
        let header2 = "<w:tr>" + W.tc("", props: "<w:vMerge/>") + W.tc("", props: "<w:vMerge/>")
            + W.tc(halves.0) + W.tc(halves.1) + W.tc("", props: "<w:vMerge/>") + "</w:tr>"
        return W.p("Дорожная карта МБОУ «Гимназия № 2» на 2024-2025 учебный год", bold: true)
            + W.table(columns: 5, rows: [header1, header2] + rows.map { W.tr($0) })
    }

    func testADeadlineSplitIntoStartAndEndIsOneWindow() throws {
        for (split, halves) in [("Сроки", ("начало", "окончание")), ("Срок проведения", ("Дата начала", "Дата окончания")),
                                ("Сроки", ("с", "по")), ("СРОКИ", ("Начала", "Завершения"))] {
            let items = try recognize(table(split: split, halves: halves, rows: [
                ["1", "Создание рабочей группы", "01.09.2024", "15.09.2024", "Директор"],
                ["2", "Анкетирование", "сентябрь 2024", "", "Педагог-психолог"],
            ]))[0].document.sections.flatMap(\.items)
            XCTAssertEqual(items.map(\.number), ["1", "2"], "the sub-headings are not an item (\(halves))")
            XCTAssertEqual(items.map(\.deadline.text), ["01.09.2024 – 15.09.2024", "сентябрь 2024"], "\(halves)")
            XCTAssertEqual(items.map { $0.responsibles.map(\.text) }, [["Директор"], ["Педагог-психолог"]])
        }
    }

    /// Sub-headings that are not a start and an end («план» | «факт») still belong to the header; the
    /// halves are read as before, one per line.
    func testOtherSubheadingsAreHeaderButNoWindow() throws {
        let items = try recognize(table(split: "Сроки", halves: ("план", "факт"), rows: [
            ["1", "Семинар", "май 2024", "июнь 2024", "Директор"],
        ]))[0].document.sections.flatMap(\.items)
        XCTAssertEqual(items.map(\.number), ["1"])
        XCTAssertEqual(items.first?.deadline.text, "май 2024\nиюнь 2024")
    }

    /// A data row right under the header is never taken for sub-headings: it has numbers, or cells
    /// outside the split header.
    func testADataRowIsNotSubheadings() throws {
        let header = "<w:tr>" + W.tc("№") + W.tc("Мероприятие") + W.tc("Сроки", props: "<w:gridSpan w:val=\"2\"/>")
            + W.tc("Ответственные") + "</w:tr>"
        let body = W.p("Дорожная карта", bold: true)
            + W.table(columns: 5, rows: [header, W.tr(["", "Совещание", "начало", "конец", "Директор"])])
        let items = try recognize(body)[0].document.sections.flatMap(\.items)
        XCTAssertEqual(items.map(\.activity), ["Совещание"])
    }
}
