import Model
import XCTest
@testable import Recognition

/// Sections written as paragraphs before a roadmap's tables (one table a stage) rather than as rows.
final class HeadingSectionsTests: XCTestCase {
    let header = ["№ п/п", "Мероприятия", "Срок", "Ответственный"]

    func sections(_ body: String) throws -> [(String?, String?, [String?])] {
        let docs = try recognize(body)
        XCTAssertEqual(docs.kinds, [.roadmap])
        return docs[0].document.sections.map { ($0.number, $0.title, $0.items.map(\.number)) }
    }

    func testLabelledHeadingsBeforeEachTable() throws {
        for (first, second) in [("1. Подготовительный этап", "2. Основной этап"), ("I. Подготовительный этап", "II. Основной этап"),
                                ("Этап 1. Подготовительный", "Этап 2. Основной")] {
            let body = W.p("Дорожная карта МБОУ СОШ № 21 на 2024 год", bold: true)
                + W.p(first, bold: true) + roadmapTable(header: header, rows: [["1.1", "Издание приказа", "январь 2024", "Директор"]])
                + W.p(second) + W.table(columns: 4, rows: [W.tr(["2.1", "Обучение наставников", "март 2024", "Куратор"])])
            let found = try sections(body)
            XCTAssertEqual(found.map(\.2), [["1.1"], ["2.1"]], first)
            XCTAssertEqual(found.map(\.1), [Label.split(first).rest, Label.split(second).rest], first)
        }
    }

    /// Between two tables of one roadmap a bold line is a heading without a label.
    func testABoldLineBetweenTablesOpensASection() throws {
        let body = W.p("Дорожная карта МБОУ СОШ № 21 на 2024 год", bold: true)
            + roadmapTable(header: header, rows: [["1", "Издание приказа", "январь 2024", "Директор"]])
            + W.p("Работа с молодыми педагогами", bold: true)
            + roadmapTable(header: header, rows: [["2", "Обучение наставников", "март 2024", "Куратор"]])
        let found = try sections(body)
        XCTAssertEqual(found.map(\.1), [nil, "Работа с молодыми педагогами"])
        XCTAssertEqual(found.map(\.2), [["1"], ["2"]])
    }

    /// The last line of a list of stages, a plain line, or a bold line before the first table (which may
    /// be the title's) is no section.
    func testListsAndPlainLinesAreNoSections() throws {
        let listed = W.p("Дорожная карта МБОУ СОШ № 21 на 2024 год", bold: true)
            + W.p("Этап 1. Подготовка условий;") + W.p("Этап 2. Завершение внедрения.")
            + roadmapTable(header: header, rows: [["1", "Издание приказа", "январь 2024", "Директор"]])
        XCTAssertEqual(try sections(listed).map(\.1), [nil])
        let plain = W.p("Дорожная карта МБОУ СОШ № 21 на 2024 год", bold: true)
            + roadmapTable(header: header, rows: [["1", "Издание приказа", "январь 2024", "Директор"]])
            + W.p("Продолжение таблицы")
            + W.table(columns: 4, rows: [W.tr(["2", "Обучение наставников", "март 2024", "Куратор"])])
        XCTAssertEqual(try sections(plain).map(\.2), [["1", "2"]])
        let bold = W.p("Дорожная карта", bold: true) + W.p("Наставничество в МБОУ СОШ № 21", bold: true)
            + roadmapTable(header: header, rows: [["1", "Издание приказа", "январь 2024", "Директор"]])
        XCTAssertEqual(try sections(bold).map(\.1), [nil])
    }
}
