import Model
import XCTest
@testable import Recognition

/// Logical documents in a file, orders, indicators, periods and organisations.
final class DocumentsTests: XCTestCase {
    func testAnOrderFollowedByItsRoadmapAndIndicators() throws {
        let body = [
            W.p("УПРАВЛЕНИЕ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ГОРОДА", props: "<w:jc w:val=\"center\"/>", bold: true),
            W.p("ПРИКАЗ", props: "<w:jc w:val=\"center\"/>", bold: true),
            W.p("«10» августа 2021 г."), W.p("№ 279"),
            W.p("Об организации наставничества в 2021-2024 гг."),
            W.p("В целях реализации распоряжения от 25.12.2019 № Р-145"),
            W.p("ПРИКАЗЫВАЮ:"),
            W.p("1. Утвердить дорожную карту (приложение)."),
            W.p("2. Назначить куратором Ковалёву Л.Ю."),
            W.p("2.1. Обеспечить исполнение."),
            W.p("Начальник управления"),
            W.p("Приложение к приказу № 279"),
            W.p("Дорожная карта внедрения наставничества в МБОУ «Школа № 1» на 2022 – 2024 годы", bold: true),
            roadmapTable(header: ["№", "Мероприятие", "Срок", "Ответственный"], rows: [["1", "Приказ", "май 2022", "Директор"]]),
            W.p("Показатели эффективности", props: "<w:jc w:val=\"center\"/>", bold: true),
            W.p("в МБОУ «Школа № 1» с 2022 г. по 2024 г.", props: "<w:jc w:val=\"center\"/>", bold: true),
            W.table(columns: 5, rows: [W.tr(["№", "Наименование показателя", "2022 г.", "2023 г.", "2024 г."], header: true),
                                       W.tr(["1", "2", "3", "4", "5"]), W.tr(["1.", "Доля наставляемых", "10", "20", ""])]),
        ].joined()
        let docs = try recognize(body)
        XCTAssertEqual(docs.kinds, [.order, .roadmap, .indicators])
        let order = docs[0].document
        XCTAssertEqual(order.title, "Об организации наставничества в 2021-2024 гг.")
        XCTAssertEqual(order.date, Day(year: 2021, month: 8, day: 10))
        XCTAssertEqual(order.number, "279")
        XCTAssertEqual(order.organization, "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ГОРОДА")
        XCTAssertEqual(order.points.map(\.number), ["1", "2", "2.1"])
        XCTAssertEqual(order.points[1].text, "Назначить куратором Ковалёву Л.Ю.")
        XCTAssertEqual(order.period, Period.calendarYears(2021, 2024))
        XCTAssertEqual(docs[1].document.organization, "МБОУ «Школа № 1»")
        XCTAssertEqual(docs[1].document.period, Period.calendarYears(2022, 2024))
        let ind = docs[2].document
        XCTAssertEqual(ind.title, "Показатели эффективности в МБОУ «Школа № 1» с 2022 г. по 2024 г.")
        XCTAssertEqual(ind.period, Period.calendarYears(2022, 2024))
        XCTAssertEqual(ind.indicators.count, 1)
        XCTAssertEqual(ind.indicators[0].number, "1")
        XCTAssertEqual(ind.indicators[0].targets.map(\.year), ["2022", "2023", "2024"])
        XCTAssertEqual(ind.indicators[0].targets.map(\.value), ["10", "20", nil])
    }

    func testAReportIsRecognisedByItsHeadingAndItsOutcomeColumn() throws {
        let body = W.p("Отчет о реализации дорожной карты в МБОУ лицей №1 в 2021-2022 учебном году", bold: true)
            + roadmapTable(header: ["№", "Мероприятия", "Сроки", "Ответственный", ""],
                           rows: [["1", "Приказ", "октябрь 2021 г.", "Директор ОО", "Издан приказ № 5"]])
        let doc = try recognize(body)[0].document
        XCTAssertEqual(doc.kind, .report)
        XCTAssertEqual(doc.period, Period.academicYear(2021))
        XCTAssertEqual(doc.organization, "МБОУ лицей №1")
        XCTAssertEqual(doc.sections[0].items[0].outcome, "Издан приказ № 5")
    }

    func testATableWithoutHeadingIsStillARoadmapAndAPageTitleAloneIsNoDocument() throws {
        let body = W.p("Дорожная карта (страница сайта)", bold: true) + W.p("ПРИКАЗ", bold: true) + W.p("Об организации")
            + W.p("ПРИКАЗЫВАЮ:") + W.p("1. Утвердить.")
            + roadmapTable(header: ["№", "Мероприятие", "Ответственные"], rows: [["1", "Совещание", "Директор"]])
        XCTAssertEqual(try recognize(body).kinds, [.order, .roadmap])
    }

    func testAFileWithNoRoadmap() throws {
        XCTAssertTrue(try recognize(W.p("Уважаемые коллеги!") + W.p("Просим прислать отчёты.")).isEmpty)
    }

    func testPeriodPhrasings() {
        XCTAssertEqual(PeriodFinder.find(in: "(2023-2025гг.)"), Period.calendarYears(2023, 2025))
        XCTAssertEqual(PeriodFinder.find(in: "на 2022 – 2024 годы"), Period.calendarYears(2022, 2024))
        XCTAssertEqual(PeriodFinder.find(in: "с 2022 г. по 2024 г."), Period.calendarYears(2022, 2024))
        XCTAssertEqual(PeriodFinder.find(in: "в 2021-2022 учебном году"), Period.academicYear(2021))
        XCTAssertEqual(PeriodFinder.find(in: "на 2023/2024 уч. год"), Period.academicYear(2023))
        XCTAssertEqual(PeriodFinder.find(in: "на 2024 год"), Period.calendarYears(2024, 2024))
        XCTAssertEqual(PeriodFinder.find(in: "отчёт за 2023 год"), Period.calendarYears(2023, 2023))
        XCTAssertNil(PeriodFinder.find(in: "распоряжение от 25.12.2019 № Р-145"))
        XCTAssertNil(PeriodFinder.find(in: "Дорожная карта"))
        // The second year by its last two digits, a year in brackets, the year of a quarter or half-year.
        XCTAssertEqual(PeriodFinder.find(in: "на 2024/25 учебный год"), Period.academicYear(2024))
        XCTAssertEqual(PeriodFinder.find(in: "на 2024-25 гг."), Period.calendarYears(2024, 2025))
        XCTAssertEqual(PeriodFinder.find(in: "Дорожная карта (2024 год)"), Period.calendarYears(2024, 2024))
        XCTAssertEqual(PeriodFinder.find(in: "за III квартал 2024 года"), Period.calendarYears(2024, 2024))
        XCTAssertEqual(PeriodFinder.find(in: "за 1 полугодие 2025 г."), Period.calendarYears(2025, 2025))
        XCTAssertNil(PeriodFinder.find(in: "приказ № 2024-31 от 01.09"), "not a year after it")
        XCTAssertNil(PeriodFinder.find(in: "протокол 2024/7"))
    }

    func testOrganisationAsWritten() {
        XCTAssertEqual(OrganizationFinder.find(in: "Дорожная карта по реализации системы наставничества МБОУ Ээрбекской СОШ им. О. К. Оолака (2023-2025гг.)"),
                       "МБОУ Ээрбекской СОШ им. О. К. Оолака")
        XCTAssertEqual(OrganizationFinder.find(in: "молодых специалистов МБУ ДО «Центр внешкольной работы», в том числе"),
                       "МБУ ДО «Центр внешкольной работы»")
        XCTAssertNil(OrganizationFinder.find(in: "Дорожная карта внедрения целевой модели в ОО."))
        // A title in capitals ends its name where a title in small letters does.
        XCTAssertEqual(OrganizationFinder.find(in: "ПЛАН МЕРОПРИЯТИЙ («ДОРОЖНАЯ КАРТА») В МАОУ «ГИМНАЗИЯ № 1» НА 2025 ГОД"), "МАОУ «ГИМНАЗИЯ № 1»")
        XCTAssertEqual(OrganizationFinder.find(in: "ОТЧЁТ МБОУ СОШ № 3 ЗА III КВАРТАЛ 2024 ГОДА"), "МБОУ СОШ № 3")
        XCTAssertEqual(OrganizationFinder.find(in: "ПЛАН МБОУ «ЛИЦЕЙ № 2» ПО РЕАЛИЗАЦИИ ПРОГРАММЫ"), "МБОУ «ЛИЦЕЙ № 2»")
    }
}

final class PlainTitleTests: XCTestCase {
    func testAPlainTextTitleBeforeATableNamesTheDocument() throws {
        let body = W.p("Отчёт о выполнении плана мероприятий МКОУ ООШ № 3 за 2023 год")
            + roadmapTable(header: ["№", "Мероприятие", "Срок", "Ответственный", "Отметка о выполнении"],
                           rows: [["1", "Педсовет", "май 2023", "Директор", "Проведён"]])
        let doc = try XCTUnwrap(try recognize(body).first?.document)
        XCTAssertEqual(doc.kind, .report)
        XCTAssertEqual(doc.title, "Отчёт о выполнении плана мероприятий МКОУ ООШ № 3 за 2023 год")
        XCTAssertEqual(doc.organization, "МКОУ ООШ № 3")
        XCTAssertEqual(doc.sections[0].items[0].outcome, "Проведён")
    }
}

final class VariantLayoutTests: XCTestCase {
    func testALetterSpacedOrderHeadingAndADateTable() throws {
        let dateTable = W.table(columns: 2, rows: [W.tr(["от 01.09.2023 г.", "№ 123-о"])])
        let body = W.p("П Р И К А З", props: "<w:jc w:val=\"center\"/>") + dateTable + W.p("Об утверждении дорожной карты")
            + W.p("ПРИКАЗЫВАЮ:") + W.p("1. Утвердить дорожную карту.")
        let order = try XCTUnwrap(try recognize(body).first?.document)
        XCTAssertEqual(order.kind, .order)
        XCTAssertEqual(order.date, Day(year: 2023, month: 9, day: 1))
        XCTAssertEqual(order.number, "123-о")
        XCTAssertEqual(order.title, "Об утверждении дорожной карты")
    }

    func testATitleRowInsideTheTableAndASectionInTheNumberCell() throws {
        let rows = [
            "<w:tr>" + W.tc("Дорожная карта МБОУ СОШ № 2 на 2023-2024 учебный год", props: "<w:gridSpan w:val=\"4\"/>") + "</w:tr>",
            W.tr(["№", "Мероприятие", "Срок", "Ответственный"]),
            W.tr(["Раздел 1. Организационный этап", "", "", ""]),
            W.tr(["1.", "Совещание", "сентябрь 2023", "Директор"]),
        ]
        let doc = try XCTUnwrap(try recognize(W.table(columns: 4, rows: rows)).first?.document)
        XCTAssertEqual(doc.title, "Дорожная карта МБОУ СОШ № 2 на 2023-2024 учебный год")
        XCTAssertEqual(doc.period, Period.academicYear(2023))
        XCTAssertEqual(doc.organization, "МБОУ СОШ № 2")
        XCTAssertEqual(doc.sections.map(\.number), ["Раздел 1"])
        XCTAssertEqual(doc.sections.map(\.title), ["Организационный этап"])
        XCTAssertEqual(doc.sections[0].items.map(\.number), ["1"])
    }
}

final class TitleContinuationTests: XCTestCase {
    func testAShortHeadingTakesItsUnformattedContinuation() throws {
        let body = "<w:p><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr><w:r><w:t>ПЛАН МЕРОПРИЯТИЙ</w:t></w:r></w:p>"
            + W.p("(дорожная карта) по реализации программы наставничества в МАОУ «Гимназия № 5» на 2024-2025 учебный год")
            + roadmapTable(header: ["№", "Содержание мероприятия", "Срок исполнения", "Ответственный исполнитель"],
                           rows: [["1.1", "Приказ", "сентябрь 2024 г.", "Директор"]])
        let doc = try XCTUnwrap(try recognize(body).first?.document)
        XCTAssertEqual(doc.kind, .roadmap)
        XCTAssertEqual(doc.title, "ПЛАН МЕРОПРИЯТИЙ (дорожная карта) по реализации программы наставничества в МАОУ «Гимназия № 5» на 2024-2025 учебный год")
        XCTAssertEqual(doc.organization, "МАОУ «Гимназия № 5»")
        XCTAssertEqual(doc.period, Period.academicYear(2024))
    }
}
