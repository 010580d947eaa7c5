import Model
import OOXML
import Text
import XCTest
@testable import Recognition

private let table = roadmapTable(header: ["№", "Мероприятие", "Срок", "Ответственный"],
                                 rows: [["1.", "Проведение совещания", "сентябрь 2024 г.", "Директор"]])

/// Plans of every wording are roadmaps; words that only start alike are not.
final class DocumentKindTests: XCTestCase {
    func testPlansOfEveryWording() throws {
        let titles = ["План мероприятий по введению ФГОС", "ПЛАН-ГРАФИК реализации проекта", "План – график мероприятий",
                      "Комплекс мер по повышению качества образования", "План работы школы по подготовке к ГИА-2025",
                      "план мероприятий по профилактике", "Муниципальная дорожная карта", "Комплексный план мероприятий",
                      "Сетевой график реализации программы", "ДОРОЖНАЯ КАРТА", "Д О Р О Ж Н А Я  К А Р Т А", "Календарный план"]
        for title in titles {
            let docs = try recognize(W.p(title, bold: true) + table)
            XCTAssertEqual(docs.kinds, [.roadmap], title)
            XCTAssertEqual(docs.first?.document.title, TextNormalizer.singleLine(title), title)
        }
        XCTAssertEqual(Segmenter.titleKind("Планирование работы"), nil)
        XCTAssertEqual(Segmenter.titleKind("Планируемые результаты реализации"), .indicators)
        XCTAssertEqual(Segmenter.titleKind("Отчёт о выполнении плана мероприятий"), .report)
        XCTAssertEqual(Segmenter.titleKind("Новая ПРИКАЗ"), nil, "an order's keyword stands first")
        XCTAssertEqual(Segmenter.unspaced("Д О Р О Ж Н А Я  К А Р Т А"), "ДОРОЖНАЯ КАРТА")
        XCTAssertEqual(Segmenter.unspaced("П Р И К А З № 5"), "ПРИКАЗ № 5")
        XCTAssertEqual(Segmenter.unspaced("План  на 2024 год"), "План  на 2024 год", "nothing spaced out: left as it is")
    }

    func testATableWithNoHeadingAnywhere() throws {
        let docs = try recognize(table)
        XCTAssertEqual(docs.kinds, [.roadmap])
        XCTAssertNil(docs[0].document.title)
        XCTAssertEqual(docs[0].document.sections.flatMap(\.items).count, 1)
    }
}

/// Titles Word spreads over several paragraphs are joined whole; sub-headings are not.
final class TitleLinesTests: XCTestCase {
    func title(_ lines: [String], bold: Bool = true, centred: Bool = false) throws -> Document {
        let props = centred ? "<w:jc w:val=\"center\"/>" : ""
        return try XCTUnwrap(try recognize(lines.map { W.p($0, props: props, bold: bold) }.joined() + table).first?.document)
    }

    func testSplitInsideThePeriod() throws {
        let doc = try title(["План мероприятий МАОУ «Лицей № 4» на 2024 –", "2025 учебный год"])
        XCTAssertEqual(doc.title, "План мероприятий МАОУ «Лицей № 4» на 2024 – 2025 учебный год")
        XCTAssertEqual(doc.period, .academicYear(2024))
        XCTAssertEqual(doc.organization, "МАОУ «Лицей № 4»")
        let dash = try title(["Дорожная карта на 2023-", "2025 годы"], bold: false, centred: true)
        XCTAssertEqual(dash.period, .calendarYears(2023, 2025))
    }

    func testLinesSetAlike() throws {
        let doc = try title(["ДОРОЖНАЯ КАРТА", "МБОУ «СОШ № 3»", "на 2024 год"], bold: false, centred: true)
        XCTAssertEqual(doc.title, "ДОРОЖНАЯ КАРТА МБОУ «СОШ № 3» на 2024 год")
        XCTAssertEqual(doc.organization, "МБОУ «СОШ № 3»")
        let open = try title(["План работы по реализации программы «Точка", "роста» на 2024 год"])
        XCTAssertEqual(open.title, "План работы по реализации программы «Точка роста» на 2024 год")
    }

    func testASubHeadingUnderACompleteTitleIsNotJoined() throws {
        let doc = try title(["План мероприятий на 2024 год", "Пояснительная записка"])
        XCTAssertEqual(doc.title, "План мероприятий на 2024 год")
        let numbered = try title(["Дорожная карта", "1. Организационный этап"])
        XCTAssertEqual(numbered.title, "Дорожная карта")
    }
}

/// The organisation from wherever the document names it, as written, its tail cut.
final class OrganisationPlacesTests: XCTestCase {
    func testInTheTitleShortOrWrittenOut() {
        XCTAssertEqual(OrganizationFinder.find(in: "План мероприятий МАОУ «Лицей № 4» на 2024–2025 учебный год"), "МАОУ «Лицей № 4»")
        XCTAssertEqual(OrganizationFinder.find(in: "Дорожная карта муниципального бюджетного общеобразовательного учреждения «Средняя школа № 5» на 2024 год"),
                       "муниципального бюджетного общеобразовательного учреждения «Средняя школа № 5»")
        XCTAssertEqual(OrganizationFinder.find(in: "План МБОУ СОШ № 5 2024-2025 уч. год"), "МБОУ СОШ № 5")
        XCTAssertNil(OrganizationFinder.find(in: "План внедрения в муниципальных общеобразовательных учреждениях города"))
        XCTAssertEqual(OrganizationFinder.find(in: "План работы СОШ № 12 с. Ивановка на 2024 год"), "СОШ № 12 с. Ивановка")
        XCTAssertEqual(OrganizationFinder.find(in: "Дорожная карта Гимназии № 5 г. Саратова на 2023-2025 годы"), "Гимназии № 5 г. Саратова")
        XCTAssertEqual(OrganizationFinder.find(in: "План мероприятий Детского сада № 17 «Солнышко», 2024"), "Детского сада № 17 «Солнышко»")
        XCTAssertNil(OrganizationFinder.find(in: "План работы школы по подготовке к ГИА"), "a school not named by its number")
    }

    func testInTheApprovalBlock() throws {
        for block in [[W.p("УТВЕРЖДАЮ"), W.p("Директор МАОУ «Лицей № 4»"), W.p("____ И.О. Фамилия")],
                      [W.p("УТВЕРЖДАЮ Директор МАОУ «Лицей № 4» ____ И.О. Фамилия")]] {
            let doc = try XCTUnwrap(try recognize(block.joined() + W.p("План мероприятий", bold: true) + table).first?.document)
            XCTAssertEqual(doc.organization, "МАОУ «Лицей № 4»")
        }
    }

    func testInTheAppendixLine() throws {
        let doc = try XCTUnwrap(try recognize(W.p("Приложение к приказу МБОУ «СОШ № 8» от 01.09.2024 № 5") + table).first?.document)
        XCTAssertEqual(doc.organization, "МБОУ «СОШ № 8»")
    }

    func testInTheHeaderOfAnOrder() throws {
        let plain = W.p("Муниципальное казённое общеобразовательное учреждение «Основная школа с. Луговое»")
            + W.p("ПРИКАЗ", bold: true) + W.p("от 01.09.2024 № 7") + W.p("Об организации наставничества")
        XCTAssertEqual(try recognize(plain).first?.document.organization,
                       "Муниципальное казённое общеобразовательное учреждение «Основная школа с. Луговое»")
    }
}

/// An order keeps its whole title, and its date and number line is never a point.
final class OrderLinesTests: XCTestCase {
    func testALongTitleAndADateLineWithoutTheWordThatOpensTheBody() throws {
        let title = "Об утверждении плана " + String(repeating: "мероприятий по наставничеству, ", count: 330) + "и ответственных"
        XCTAssertGreaterThan(title.count, 10_000)
        let body = W.p("ПРИКАЗ", bold: true) + W.p("01.09.2024 № 45") + W.p(title)
            + W.p("1. Утвердить план.") + W.p("2. Контроль оставляю за собой.")
        let order = try XCTUnwrap(try recognize(body).first?.document)
        XCTAssertEqual(order.title, title)
        XCTAssertEqual(order.date, Day(year: 2024, month: 9, day: 1))
        XCTAssertEqual(order.number, "45")
        XCTAssertEqual(order.points.map(\.number), ["1", "2"])
    }

    func testItemNumbers() {
        for label in ["1", "2.3", "10.1.2", "0"] { XCTAssertTrue(Label.isItemNumber(label[...]), label) }
        for label in ["01.09.2024", "2024", "1.09", "a"] { XCTAssertFalse(Label.isItemNumber(label[...]), label) }
    }
}

/// A table with no header row is read by its columns' content where a roadmap may stand.
final class HeaderlessTableTests: XCTestCase {
    static let rows = W.table(columns: 4, rows: [
        W.tr(["1.", "Проведение диагностики затруднений педагогов", "сентябрь 2024 г.", "Заместитель директора по УВР"]),
        W.tr(["2.", "Организация работы наставнических пар", "в течение года", "Руководители ШМО"]),
    ])

    func testAfterAnOrderOnlyBehindAnAppendixLine() throws {
        let order = W.p("ПРИКАЗ", bold: true) + W.p("от 01.09.2024 № 7") + W.p("Об организации наставничества")
            + W.p("ПРИКАЗЫВАЮ:") + W.p("1. Утвердить план.")
        XCTAssertEqual(try recognize(order + Self.rows).kinds, [.order], "a table of the order's own stays its text")
        let docs = try recognize(order + W.p("Приложение к приказу МБОУ СОШ № 2 от 01.09.2024 № 7") + Self.rows)
        XCTAssertEqual(docs.kinds, [.order, .roadmap])
        XCTAssertEqual(docs[1].document.sections.flatMap(\.items).map(\.number), ["1", "2"])
        XCTAssertEqual(docs[1].document.organization, "МБОУ СОШ № 2")
    }

    func testUnderARoadmapHeading() throws {
        let doc = try XCTUnwrap(try recognize(W.p("Дорожная карта на 2024 год", bold: true) + Self.rows).first?.document)
        XCTAssertEqual(doc.sections.flatMap(\.items).map(\.deadline.text), ["сентябрь 2024 г.", "в течение года"])
    }
}
