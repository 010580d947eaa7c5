import Model
import XCTest
@testable import Recognition

/// Sections, merged cells, split tables, automatic numbering.
final class StructureTests: XCTestCase {
    let header = ["№ п/п", "Мероприятие", "Срок", "Ответственный", "Результат"]

    func testSectionRowsAndLabels() throws {
        let rows = [
            W.tr(header, header: true),
            sectionRow("I.", "Подготовка", columns: 5),
            W.tr(["1.", "Приказ", "май 2024", "Директор", "Приказ"]),
            "<w:tr>" + W.tc("1-й этап. Запуск программы", props: "<w:gridSpan w:val=\"5\"/>") + "</w:tr>",
            W.tr(["2.", "Анкеты", "июнь 2024", "Куратор", "Анкеты"]),
            "<w:tr>" + W.tc("Формирование базы наставников", props: "<w:gridSpan w:val=\"5\"/>") + "</w:tr>",
            W.tr(["3.", "База", "июль 2024", "Куратор", "База"]),
        ]
        let doc = try recognize(W.p("Дорожная карта на 2024 год", bold: true) + W.table(columns: 5, rows: rows))[0].document
        XCTAssertEqual(doc.sections.map(\.number), ["I", "1-й этап", nil])
        XCTAssertEqual(doc.sections.map(\.title), ["Подготовка", "Запуск программы", "Формирование базы наставников"])
        XCTAssertEqual(doc.sections.map { $0.items.map(\.number) }, [["1"], ["2"], ["3"]])
        XCTAssertEqual(doc.period, Period.calendarYears(2024, 2024))
    }

    func testANumberedTitleOnlyItemWithItemsNumberedBeneathItOpensASectionAndOtherSectionsStayAsRead() throws {
        let rows = [
            W.tr(header, header: true),
            sectionRow("I.", "Подготовка", columns: 5),
            W.tr(["1.", "Приказ", "май 2024", "Директор", "Приказ"]),
            W.tr(["2.", "Запуск программы", "", "", ""]),
            W.tr(["2.1.", "Анкеты", "июнь 2024", "Куратор", "Анкеты"]),
            W.tr(["2.2.", "База", "июль 2024", "Куратор", "База"]),
            sectionRow("II.", "Итоги", columns: 5),
            W.tr(["3.", "Отчёт", "декабрь 2024", "Директор", "Отчёт"]),
            W.tr(["4.", "Только заголовок", "", "", ""]),
        ]
        let doc = try recognize(W.p("Дорожная карта на 2024 год", bold: true) + W.table(columns: 5, rows: rows))[0].document
        XCTAssertEqual(doc.sections.map(\.number), ["I", "2", "II"])
        XCTAssertEqual(doc.sections.map(\.title), ["Подготовка", "Запуск программы", "Итоги"])
        XCTAssertEqual(doc.sections.map { $0.items.map(\.number) }, [["1"], ["2.1", "2.2"], ["3", "4"]])
        // An item with only a title and nothing numbered beneath it stays an item.
        XCTAssertEqual(doc.sections[2].items[1].activity, "Только заголовок")
    }

    func testVerticalMergeGivesTextToEveryRowAndItemsBeforeSectionsGoToAnUnnamedSection() throws {
        let rows = [
            W.tr(header, header: true),
            "<w:tr>" + W.tc("1") + W.tc("A") + W.tc("Постоянно", props: "<w:vMerge w:val=\"restart\"/>") + W.tc("Куратор") + W.tc("X") + "</w:tr>",
            "<w:tr>" + W.tc("2") + W.tc("B") + W.tc("", props: "<w:vMerge/>") + W.tc("Куратор") + W.tc("Y") + "</w:tr>",
        ]
        let doc = try recognize(W.p("Дорожная карта", bold: true) + W.table(columns: 5, rows: rows))[0].document
        XCTAssertEqual(doc.sections.count, 1)
        XCTAssertNil(doc.sections[0].title)
        XCTAssertEqual(doc.sections[0].items.map(\.deadline.text), ["Постоянно", "Постоянно"])
    }

    func testTableSplitByAPageBreakJoinsAndContinuationRowsAppend() throws {
        let first = W.table(columns: 5, rows: [W.tr(header, header: true), W.tr(["1", "Создание раздела", "Сентябрь 2021 г., далее - регулярное", "РЦО", "Сайт"])])
        let second = W.table(columns: 5, rows: [W.tr(["", "на сайте", "обновление", "", ""]), W.tr(["2", "Семинар", "Октябрь 2021", "УО", "Программа"])])
        let docs = try recognize(W.p("Дорожная карта", bold: true) + first + "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" + second)
        XCTAssertEqual(docs.count, 1)
        let items = docs[0].document.sections.flatMap(\.items)
        XCTAssertEqual(items.map(\.number), ["1", "2"])
        XCTAssertEqual(items[0].activity, "Создание раздела\nна сайте")
        XCTAssertEqual(items[0].deadline.text, "Сентябрь 2021 г., далее - регулярное\nобновление")
    }

    func testItemNumbersFromWordsAutomaticNumbering() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            """
        let numbered = "<w:tc><w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:p></w:tc>"
        let rows = [W.tr(header, header: true)] + ["Первое", "Второе"].map { "<w:tr>\(numbered)\(W.tc($0))\(W.tc("май 2024"))\(W.tc("Директор"))\(W.tc("Приказ"))</w:tr>" }
        let doc = try recognize(W.p("Дорожная карта", bold: true) + W.table(columns: 5, rows: rows), numbering: numbering)[0].document
        XCTAssertEqual(doc.sections[0].items.map(\.number), ["1", "2"])
    }

    func testRepeatedHeaderRowsAreSkipped() throws {
        let rows = [W.tr(header, header: true), W.tr(["1", "A", "май", "Д", "П"]), W.tr(header), W.tr(["2", "B", "июнь", "Д", "П"])]
        let doc = try recognize(W.p("Дорожная карта", bold: true) + W.table(columns: 5, rows: rows))[0].document
        XCTAssertEqual(doc.sections.flatMap(\.items).map(\.number), ["1", "2"])
    }
}

final class TabLayoutTests: XCTestCase {
    func testRowsLaidOutWithTabsAreReadWhenAHeaderNamesTheColumns() throws {
        let body = W.p("Дорожная карта на 2024 год", bold: true)
            + ["№\tМероприятие\tСрок\tОтветственный", "1.\tПедсовет\tавгуст 2024\tДиректор", "2.\tАнкетирование\t\tсентябрь 2024\tКуратор"]
                .map { line in "<w:p>" + line.split(separator: "\t", omittingEmptySubsequences: false).map { "<w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r>" }.joined(separator: "<w:r><w:tab/></w:r>") + "</w:p>" }
                .joined()
        let items = try recognize(body)[0].document.sections.flatMap(\.items)
        XCTAssertEqual(items.map(\.number), ["1", "2"])
        XCTAssertEqual(items.map(\.deadline.text), ["август 2024", "сентябрь 2024"])
    }

    func testASignatureLineWithTabsStaysText() throws {
        let body = W.p("ПРИКАЗ", bold: true) + W.p("Об организации") + W.p("ПРИКАЗЫВАЮ:") + W.p("1. Утвердить.")
            + "<w:p><w:r><w:t>Директор</w:t><w:tab/><w:tab/><w:t>И.И. Иванов</w:t></w:r></w:p>"
        let docs = try recognize(body)
        XCTAssertEqual(docs.map(\.document.kind), [.order])
        XCTAssertEqual(docs[0].document.points.count, 1)
    }
}

final class TitleRowTests: XCTestCase {
    func testANumberedTitleRowWithChildrenBelowIsASection() throws {
        let rows = [W.tr(["№", "Мероприятие", "Срок", "Ответственный"], header: true),
                    W.tr(["1.", "Организационный этап", "", ""]),
                    W.tr(["1.1.", "Приказ", "май 2024", "Директор"]),
                    W.tr(["1.2.", "Положение", "май 2024", "Директор"]),
                    W.tr(["2.", "Отчёт на сайте", "", ""]),
                    W.tr(["3.", "Итоговый педсовет", "июнь 2024", "Директор"])]
        let doc = try recognize(W.p("Дорожная карта", bold: true) + W.table(columns: 4, rows: rows))[0].document
        XCTAssertEqual(doc.sections.map(\.number), ["1"])
        XCTAssertEqual(doc.sections[0].title, "Организационный этап")
        XCTAssertEqual(doc.sections[0].items.map(\.number), ["1.1", "1.2", "2", "3"], "a row without children stays an item")
    }
}

final class UnnumberedRowsTests: XCTestCase {
    func testAnEmptyNumberColumnDoesNotMakeEveryRowAContinuation() throws {
        let rows = [W.tr(["№", "Мероприятие", "Срок", "Ответственный"], header: true),
                    W.tr(["", "Совещание", "сентябрь 2023", "Директор"]),
                    W.tr(["", "Анкетирование", "октябрь 2023", "Куратор"])]
        let items = try recognize(W.p("Дорожная карта", bold: true) + W.table(columns: 4, rows: rows))[0].document.sections.flatMap(\.items)
        XCTAssertEqual(items.map(\.activity), ["Совещание", "Анкетирование"])
        XCTAssertEqual(items.map(\.number), [nil, nil])
    }

    func testAWholeUnnumberedRowAfterANumberedItemIsAnItemOfItsOwn() throws {
        let rows = [W.tr(["№", "Мероприятие", "Срок", "Ответственный"], header: true),
                    W.tr(["1", "Совещание", "сентябрь 2023", "Директор"]),
                    W.tr(["", "Анкетирование", "октябрь 2023", "Куратор"]),
                    W.tr(["", "и педагогов", "", ""])]
        let items = try recognize(W.p("Дорожная карта", bold: true) + W.table(columns: 4, rows: rows))[0].document.sections.flatMap(\.items)
        XCTAssertEqual(items.map(\.activity), ["Совещание", "Анкетирование\nи педагогов"])
    }
}
