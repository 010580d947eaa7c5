import Model
import XCTest
@testable import Recognition

/// Two activity columns: one naming a group («Направление работы», «Задачи») or a form («Форма работы»)
/// goes with the other, which holds the events.
final class ActivityGroupTests: XCTestCase {
    func items(_ header: [String], _ rows: [String], mergeGroup: Bool = false) throws -> [Section] {
        // Rows: «group|event» pairs; the group column is the second one.
        var trs: [String] = ["<w:tr>" + header.map { W.tc($0) }.joined() + "</w:tr>"]
        var previous: String?
        for (i, pair) in rows.enumerated() {
            let parts = pair.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let merged = mergeGroup && parts[0] == previous
            let group = mergeGroup ? W.tc(merged ? "" : parts[0], props: merged ? "<w:vMerge/>" : "<w:vMerge w:val=\"restart\"/>")
                : W.tc(parts[0])
            trs.append("<w:tr>" + W.tc("\(i + 1)") + group + W.tc(parts[1]) + W.tc("май 2024") + W.tc("Куратор") + "</w:tr>")
            previous = parts[0]
        }
        let docs = try recognize(W.p("Дорожная карта МБОУ СОШ № 8 на 2024 год", bold: true) + W.table(columns: 5, rows: trs))
        XCTAssertEqual(docs.kinds, [.roadmap])
        return docs[0].document.sections
    }

    func testAGroupColumnOpensSectionsWhereItsTextChanges() throws {
        for (groupHeader, merge) in [("Направление работы", true), ("Задачи", true), ("Направления деятельности", false)] {
            let sections = try items(["№", groupHeader, "Мероприятия", "Сроки", "Ответственные"], [
                "Работа с педагогами|Анкетирование педагогов", "Работа с педагогами|Семинар для наставников",
                "Работа с обучающимися|Классные часы",
            ], mergeGroup: merge)
            XCTAssertEqual(sections.map(\.title), ["Работа с педагогами", "Работа с обучающимися"], groupHeader)
            XCTAssertEqual(sections.map { $0.items.map(\.activity) },
                           [["Анкетирование педагогов", "Семинар для наставников"], ["Классные часы"]], groupHeader)
        }
    }

    func testAFormColumnGoesBeforeEachEvent() throws {
        let sections = try items(["№", "Форма работы", "Тема мероприятия", "Дата", "Ответственные"],
                                 ["Семинар|Нормативная база наставничества", "|Современный урок"])
        XCTAssertEqual(sections.flatMap(\.items).map(\.activity), ["Семинар: Нормативная база наставничества", "Современный урок"])
    }

    /// One activity column named for an area is the activity; two naming events keep the first.
    func testWithoutAGroupWordTheFirstActivityColumnStays() throws {
        let alone = try recognize(W.p("Дорожная карта", bold: true) + roadmapTable(
            header: ["№", "Направления работы", "Сроки", "Ответственные"], rows: [["1", "Работа с педагогами", "май 2024", "Куратор"]]))
        XCTAssertEqual(alone[0].document.sections.flatMap(\.items).map(\.activity), ["Работа с педагогами"])
        let sections = try items(["№", "Мероприятие", "Содержание", "Сроки", "Ответственные"], ["Семинар|Обзор положения"])
        XCTAssertEqual(sections.flatMap(\.items).map(\.activity), ["Семинар"])
    }
}
