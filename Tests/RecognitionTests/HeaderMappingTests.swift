import Model
import XCTest
@testable import Recognition

/// Columns are mapped by meaning, whatever their wording, case, line breaks and order.
final class HeaderMappingTests: XCTestCase {
    func testSynonymsMapToFields() {
        let cases: [(String, String)] = [
            ("№ п/п", "number"), ("№\nп/п", "number"), ("Мероприятие", "activity"), ("Наименование мероприятий", "activity"),
            ("Содержание работы", "activity"), ("Сроки реализации", "deadline"), ("Срок исполнения", "deadline"),
            ("Дата", "deadline"), ("Ответственные", "responsibles"), ("Ответственный исполнитель", "responsibles"),
            ("Исполнители", "responsibles"), ("Ожидаемый результат/ вид документа", "result"), ("Документы", "result"),
            ("Форма отчётности", "result"), ("Планируемый результат", "result"), ("Результат. Вид документа", "result"),
            ("Отметка о выполнении", "outcome"), ("Информация о выполнении", "outcome"), ("Наименование показателя", "indicator"),
            ("ОТВЕТСТВЕННЫЕ", "responsibles"), ("Ответственные за исполнение", "responsibles"), ("Результат выполнения", "outcome"), ("СРОКИ ПРОВЕДЕНИЯ", "deadline"),
        ]
        for (header, field) in cases {
            XCTAssertEqual(HeaderMapper.field(for: header)?.rawValue, field, header)
        }
        XCTAssertNil(HeaderMapper.field(for: "Примечание к чему-то"))
        XCTAssertEqual(HeaderMapper.year(for: "2022 г."), "2022")
        XCTAssertNil(HeaderMapper.year(for: "2022 год и далее до конца реализации"))
    }

    func testColumnsInAnyOrderAndWording() throws {
        let docs = try recognize(W.p("План мероприятий (дорожная карта) МАОУ СОШ № 5 на 2024-2025 учебный год", bold: true)
            + roadmapTable(header: ["Исполнители", "Срок", "Содержание работы", "№", "Итоговый документ"],
                           rows: [["Иванова А.А.", "сентябрь 2024", "Совещание", "1.", "Протокол"],
                                  ["Куратор", "октябрь 2024", "Анкетирование", "2.", ""]]))
        XCTAssertEqual(docs.kinds, [.roadmap])
        let items = docs[0].document.sections.flatMap(\.items)
        XCTAssertEqual(items.map(\.number), ["1", "2"])
        XCTAssertEqual(items.map(\.activity), ["Совещание", "Анкетирование"])
        XCTAssertEqual(items.map(\.deadline.text), ["сентябрь 2024", "октябрь 2024"])
        XCTAssertEqual(items.map { $0.responsibles.map(\.text) }, [["Иванова А.А."], ["Куратор"]])
        XCTAssertEqual(items.map(\.result), ["Протокол", nil])
        XCTAssertEqual(docs[0].document.period, Period.academicYear(2024))
        XCTAssertEqual(docs[0].document.organization, "МАОУ СОШ № 5")
    }

    func testMergedHeaderCellsOverTwoRowsAndColumnNumberRow() throws {
        let header1 = "<w:tr>" + W.tc("№", props: "<w:vMerge w:val=\"restart\"/>") + W.tc("Мероприятие", props: "<w:vMerge w:val=\"restart\"/>")
            + W.tc("Исполнение", props: "<w:gridSpan w:val=\"2\"/>") + "</w:tr>"
        let header2 = "<w:tr>" + W.tc("", props: "<w:vMerge/>") + W.tc("", props: "<w:vMerge/>") + W.tc("Срок") + W.tc("Ответственный") + "</w:tr>"
        let body = W.p("Дорожная карта", bold: true) + W.table(columns: 4, rows: [header1, header2, W.tr(["1", "2", "3", "4"]),
                                                                                    W.tr(["1", "Семинар", "май 2024", "Директор"])])
        let items = try recognize(body)[0].document.sections.flatMap(\.items)
        XCTAssertEqual(items.count, 1)
        XCTAssertEqual(items[0].deadline.text, "май 2024")
        XCTAssertEqual(items[0].responsibles.first?.text, "Директор")
    }

    func testExtraEmptyColumnsAreIgnored() throws {
        let body = W.p("Дорожная карта", bold: true)
            + roadmapTable(header: ["№", "", "Мероприятие", "Срок", "", "Ответственный"],
                           rows: [["1.", "", "Педсовет", "август 2024", "", "Директор"]])
        let item = try XCTUnwrap(try recognize(body)[0].document.sections.first?.items.first)
        XCTAssertEqual(item.activity, "Педсовет")
        XCTAssertEqual(item.result, nil)
    }
}

final class ReportColumnsTests: XCTestCase {
    func testABareResultColumnOfAReportIsTheOutcome() throws {
        let body = W.p("Отчёт о реализации дорожной карты за 2023 год", bold: true)
            + roadmapTable(header: ["№", "Мероприятие", "Срок", "Ответственный", "Результат"],
                           rows: [["1", "Педсовет", "май 2023", "Директор", "Проведён 25.05.2023"]])
        let item = try XCTUnwrap(try recognize(body).first?.document.sections.first?.items.first)
        XCTAssertEqual(item.outcome, "Проведён 25.05.2023")
        XCTAssertNil(item.result)
        let planned = W.p("Отчёт о реализации дорожной карты за 2023 год", bold: true)
            + roadmapTable(header: ["№", "Мероприятие", "Срок", "Ответственный", "Ожидаемый результат"],
                           rows: [["1", "Педсовет", "май 2023", "Директор", "Протокол"]])
        let plannedItem = try XCTUnwrap(try recognize(planned).first?.document.sections.first?.items.first)
        XCTAssertEqual(plannedItem.result, "Протокол")
    }
}
